/**
 * A real Docker Engine for tests: `dockerd` (Debian package `docker.io`) started in a temp dir, on
 * its own unix socket only, with the vfs storage driver and no networking setup, so it needs no
 * kernel features beyond what a container or CI runner offers (DESIGN.md section 9):
 *
 *   dockerd --storage-driver=vfs --iptables=false --bridge=none -H unix://<tmp>/docker.sock
 *           --data-root <tmp>/data --exec-root <tmp>/exec --pidfile <tmp>/pid --config-file <tmp>/daemon.json
 *
 *   const dockerd = await startDockerd()
 *   dockerd.host                                  // 'unix:///tmp/…/docker.sock' (for DOCKER_HOST)
 *   await dockerd.docker(['image', 'inspect', 'acme/app:1'])   // the docker CLI against it
 *   await dockerd.stop()                          // SIGTERM, wait, remove the temp dir
 *
 * dockerd runs as root; it starts its own containerd under the exec root. Its output goes to
 * `logFile`; a daemon that exits or does not answer `/_ping` within the timeout fails the start with
 * the log's tail. Test files use `describeWithDockerd(title, otherPrograms, body)`: a missing dockerd
 * or docker CLI, or a user other than root, skips with the reason printed, and fails under CI=true.
 * One daemon per test file keeps the runtime modest.
 */
import { describe } from '@jest/globals'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describeWithPrograms, findProgram } from './programs.js'

const run = promisify(execFile)

export interface DockerdOptions {
  /** How long to wait for `/_ping` (default 60 s). */
  startTimeoutMs?: number
  /** Keep the temp dir after stop (debugging). */
  keep?: boolean
}

export interface TestDockerd {
  /** `unix://<socket>`, for DOCKER_HOST. */
  host: string
  socketPath: string
  dir: string
  logFile: string
  log(): Promise<string>
  /** Runs the docker CLI against this daemon; resolves with stdout, rejects with stderr in the message. */
  docker(args: string[]): Promise<string>
  /** GET on the Engine API; resolves with the parsed JSON body. */
  api(path: string): Promise<unknown>
  stop(): Promise<void>
}

/**
 * `describe` when dockerd can run here (installed, with the docker CLI and `otherPrograms`, and we
 * are root), else a skip that says why; under CI=true anything missing is a failure.
 */
export function describeWithDockerd(title: string, otherPrograms: string[], body: () => void): void {
  const isRoot = typeof process.getuid !== 'function' || process.getuid() === 0
  if (!isRoot) {
    if (process.env.CI === 'true')
      throw new Error('dockerd tests must run as root (CI=true: this is a failure)')
    console.warn('skipping tests that start dockerd: it needs root')
    describe.skip(`${title} (skipped: dockerd needs root)`, body)
    return
  }
  describeWithPrograms(['dockerd', 'docker', ...otherPrograms], title, body)
}

export async function startDockerd(options: DockerdOptions = {}): Promise<TestDockerd> {
  const dockerdPath = findProgram('dockerd')
  if (!dockerdPath) throw new Error('dockerd is not installed (Debian package docker.io)')
  // A short path: unix socket paths are limited to 107 bytes.
  const dir = await mkdtemp(join(tmpdir(), 'dockerd-'))
  const socketPath = join(dir, 'docker.sock')
  const logFile = join(dir, 'dockerd.log')
  const configFile = join(dir, 'daemon.json')
  await writeFile(configFile, '{}\n') // never the machine's /etc/docker/daemon.json
  const args = [
    '--storage-driver=vfs',
    '--iptables=false',
    '--ip6tables=false',
    '--bridge=none',
    '--userland-proxy=false',
    '-H',
    `unix://${socketPath}`,
    '--data-root',
    join(dir, 'data'),
    '--exec-root',
    join(dir, 'exec'),
    '--pidfile',
    join(dir, 'dockerd.pid'),
    '--config-file',
    configFile
  ]
  const out = openSync(logFile, 'a')
  let child: ChildProcess
  try {
    child = spawn(dockerdPath, args, { stdio: ['ignore', out, out] })
  } finally {
    closeSync(out)
  }
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined
  const exit = new Promise<void>(resolve => {
    child.once('exit', (code, signal) => {
      exited = { code, signal }
      resolve()
    })
  })
  child.once('error', () => undefined) // a spawn failure shows up as 'exit' too

  const log = async (): Promise<string> => readFile(logFile, 'utf8').catch(() => '')
  const stop = async (): Promise<void> => {
    if (!exited) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exit
      clearTimeout(timer)
    }
    if (!options.keep) await rm(dir, { recursive: true, force: true })
  }

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000)
  for (;;) {
    if (exited) {
      const tail = (await log()).split('\n').slice(-30).join('\n')
      await stop()
      throw new Error(`dockerd exited during start (code ${exited.code}, signal ${exited.signal}):\n${tail}`)
    }
    if (await ping(socketPath)) break
    if (Date.now() > deadline) {
      const tail = (await log()).split('\n').slice(-30).join('\n')
      await stop()
      throw new Error(`dockerd did not answer /_ping within ${options.startTimeoutMs ?? 60_000} ms:\n${tail}`)
    }
    await new Promise(resolve => setTimeout(resolve, 200))
  }

  const host = `unix://${socketPath}`
  const cliConfig = join(dir, 'cli-config')
  return {
    host,
    socketPath,
    dir,
    logFile,
    log,
    stop,
    api: path => getJson(socketPath, path),
    docker: async cliArgs => {
      const docker = findProgram('docker')
      if (!docker) throw new Error('the docker CLI is not installed')
      try {
        const { stdout } = await run(docker, cliArgs, {
          env: { ...process.env, DOCKER_HOST: host, DOCKER_CONFIG: cliConfig, DOCKER_CLI_HINTS: 'false' },
          maxBuffer: 64 << 20
        })
        return stdout
      } catch (e) {
        const err = e as { stderr?: string; message: string }
        throw new Error(`docker ${cliArgs.join(' ')} failed: ${err.stderr || err.message}`, { cause: e })
      }
    }
  }
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise(resolve => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: 2000 }, res => {
      res.resume()
      res.on('end', () => resolve(res.statusCode === 200))
    })
    req.on('error', () => resolve(false))
    req.on('timeout', () => {
      req.destroy()
      resolve(false)
    })
    req.end()
  })
}

function getJson(socketPath: string, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET' }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: HTTP ${res.statusCode}: ${text}`))
        else resolve(JSON.parse(text))
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
