// A CNCF distribution registry (/usr/bin/docker-registry) on 127.0.0.1, plain http, no auth: the plain-JS
// equivalent of __tests__/harness/registry.ts for the benchmark. The access log is on, so the benchmark can
// count the requests each run makes (lines appended to the log while it ran).
import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync, statSync, existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'

export const REGISTRY_BIN = '/usr/bin/docker-registry'

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function probe(url) {
  return new Promise(resolve => {
    const req = request(url, { timeout: 2000 }, res => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', () => resolve(0))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

function config(dir, port, storage) {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  formatter: text',
    '  accesslog:',
    '    disabled: false',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(storage ?? join(dir, 'data'))}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${JSON.stringify(`bench-secret-${port}-${Date.now()}`)}`,
    ''
  ].join('\n')
}

/**
 * Starts a registry whose storage and log live in `dir` (created; removed by stop() unless keep).
 * With `storage`, the registry serves that existing storage directory instead (another process on
 * the same data — how distribution scales out); it is left alone by stop().
 * Returns { host, url, dir, dataDir, logFile, mark(), requestsSince(mark), stop() }.
 */
export async function startRegistry(dir, { keep = false, storage } = {}) {
  if (!existsSync(REGISTRY_BIN))
    throw new Error(`${REGISTRY_BIN} is not installed (Debian package docker-registry)`)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const logFile = join(dir, 'registry.log')
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const configPath = join(dir, 'config.yml')
    await writeFile(configPath, config(dir, port, storage))
    const fd = openSync(logFile, 'a')
    const child = spawn(REGISTRY_BIN, ['serve', configPath], { stdio: ['ignore', fd, fd] })
    closeSync(fd)
    let exited = false
    const exitedP = new Promise(resolve => child.once('exit', () => ((exited = true), resolve())))
    const url = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 15_000
    let ready = false
    while (!exited && Date.now() < deadline) {
      if ((await probe(`${url}/v2/`)) === 200) {
        ready = true
        break
      }
      await new Promise(r => setTimeout(r, 50))
    }
    if (!ready) {
      child.kill('SIGKILL')
      await exitedP
      if (attempt < 2) continue
      throw new Error(
        `docker-registry did not start on ${port}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`
      )
    }
    return {
      host: `127.0.0.1:${port}`,
      url,
      dir,
      dataDir: storage ?? join(dir, 'data'),
      pid: child.pid,
      logFile,
      /** Byte offset of the log now (a mark for requestsSince). */
      mark() {
        return statSync(logFile).size
      },
      /** Access-log lines written since `mark`, counted by HTTP method. */
      requestsSince(mark) {
        const text = readFileSync(logFile).subarray(mark).toString('utf8')
        const counts = { total: 0 }
        for (const m of text.matchAll(/"(GET|HEAD|PUT|POST|PATCH|DELETE) \/v2\/[^"]*"/g)) {
          counts.total++
          counts[m[1]] = (counts[m[1]] ?? 0) + 1
        }
        return counts
      },
      async stop() {
        if (!exited) {
          child.kill('SIGTERM')
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
          await exitedP
          clearTimeout(timer)
        }
        if (!keep) await rm(dir, { recursive: true, force: true })
      }
    }
  }
  throw new Error('docker-registry did not start')
}
