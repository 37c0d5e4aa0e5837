/**
 * A real forward proxy for tests: Debian's `tinyproxy` (1.11) on 127.0.0.1 with a generated config,
 * in the foreground (`-d`), logging every request at level Connect to a file in its temp dir.
 *
 *   const proxy = await startProxy()                                           // open
 *   const proxy = await startProxy({ auth: { user: 'u', password: 'p' } })     // BasicAuth
 *   proxy.url          // 'http://127.0.0.1:PORT'  (proxy.urlWithCredentials with auth)
 *   await proxy.requests()  // ['GET http://0.0.0.0:5000/v2/ HTTP/1.1', 'CONNECT 0.0.0.0:5443 HTTP/1.1', …]
 *   await proxy.stop()
 *
 * Without `ConnectPort` lines tinyproxy allows CONNECT to any port (its packaged config limits it to
 * 443 and 563); `connectPorts` restores such a limit. tinyproxy refuses nothing by destination, so it
 * reaches registries on this machine. Callers check `requireProgram('tinyproxy')` first.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findProgram } from './programs.js'
import { freePort } from './registry.js'

export interface ProxyOptions {
  /** Require Proxy-Authorization Basic with this user (tinyproxy `BasicAuth`). */
  auth?: { user: string; password: string }
  /** Allow CONNECT only to these ports (default: any port). */
  connectPorts?: number[]
}

export interface TestProxy {
  port: number
  /** `http://127.0.0.1:PORT`. */
  url: string
  /** `http://user:password@127.0.0.1:PORT` with auth, else `url`. */
  urlWithCredentials: string
  /** Every request line the proxy received, in order (`GET http://… HTTP/1.1`, `CONNECT host:port …`). */
  requests(): Promise<string[]>
  log(): Promise<string>
  stop(): Promise<void>
}

function config(dir: string, port: number, options: ProxyOptions): string {
  return [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 120',
    `LogFile "${join(dir, 'tinyproxy.log')}"`,
    'LogLevel Connect',
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    'MaxClients 100',
    'Allow 127.0.0.1',
    ...(options.auth ? [`BasicAuth ${options.auth.user} ${options.auth.password}`] : []),
    ...(options.connectPorts ?? []).map(p => `ConnectPort ${p}`),
    ''
  ].join('\n')
}

function accepts(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const bin = findProgram('tinyproxy')
  if (!bin) throw new Error('tinyproxy is not installed (see __tests__/harness/programs.ts)')
  const dir = await mkdtemp(join(tmpdir(), 'ica-proxy-'))
  const logFile = join(dir, 'tinyproxy.log')
  const outFile = join(dir, 'stdout.log')
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const configPath = join(dir, 'tinyproxy.conf')
    await writeFile(configPath, config(dir, port, options))
    const out = openSync(outFile, 'a')
    const child: ChildProcess = spawn(bin, ['-d', '-c', configPath], { stdio: ['ignore', out, out] })
    closeSync(out)
    let exited = false
    child.once('exit', () => (exited = true))
    const deadline = Date.now() + 10_000
    let ready = false
    while (!exited && Date.now() < deadline) {
      if (await accepts(port)) {
        ready = true
        break
      }
      await new Promise(r => setTimeout(r, 50))
    }
    if (!ready) {
      child.kill('SIGKILL')
      if (attempt < 2 && exited) continue // most likely the port was taken in between
      const text =
        (await readFile(outFile, 'utf8').catch(() => '')) + (await readFile(logFile, 'utf8').catch(() => ''))
      await rm(dir, { recursive: true, force: true })
      throw new Error(`tinyproxy did not start on port ${port}:\n${text.slice(-2000)}`)
    }
    const url = `http://127.0.0.1:${port}`
    const log = (): Promise<string> => readFile(logFile, 'utf8').catch(() => '')
    return {
      port,
      url,
      urlWithCredentials: options.auth
        ? `http://${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.password)}@127.0.0.1:${port}`
        : url,
      log,
      requests: async () =>
        [...(await log()).matchAll(/: Request \(file descriptor \d+\): (.*)$/gm)].map(m => m[1].trim()),
      stop: async () => {
        if (!exited) {
          const gone = new Promise<void>(resolve => child.once('exit', () => resolve()))
          child.kill('SIGTERM')
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
          await gone
          clearTimeout(timer)
        }
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
  throw new Error('tinyproxy did not start')
}
