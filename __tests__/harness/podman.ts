/**
 * A real podman for tests (Debian's podman 4.3): a libpod service as root on a temporary store with
 * the vfs driver, so it needs no kernel features beyond what a container or CI runner offers
 * (DESIGN.md section 9, reference notes §2.6):
 *
 *   CONTAINERS_STORAGE_CONF=<tmp>/storage.conf podman --root <tmp>/graph --runroot <tmp>/run
 *     --storage-driver vfs --cgroup-manager=cgroupfs --events-backend=file
 *     system service --time=0 unix://<tmp>/podman.sock
 *
 *   const podman = await startPodman()
 *   podman.host        // 'unix:///tmp/…/podman.sock' (for CONTAINER_HOST)
 *   podman.store       // '[vfs@/tmp/…/graph+/tmp/…/run]', the containers-storage: store specifier
 *   await podman.podman(['images'])          // the podman CLI on the same store
 *   await podman.stop()                      // SIGTERM, wait, remove the temp dir
 *
 * `newStore()` gives a fresh store (graph/run dirs, storage.conf) with no service, for the CLI, skopeo
 * (CONTAINERS_STORAGE_CONF) or a service our transport starts. Test files use
 * `describeWithPodman(title, otherPrograms, body)`: a missing podman, or a user other than root,
 * skips with the reason printed, and fails under CI=true.
 */
import { describe } from '@jest/globals'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describeWithPrograms, findProgram } from './programs.js'

const run = promisify(execFile)

export interface TestStore {
  dir: string
  graphRoot: string
  runRoot: string
  /** A storage.conf naming this store (for CONTAINERS_STORAGE_CONF: skopeo, buildah). */
  confFile: string
  /** `[vfs@graph+run]`. */
  spec: string
  /** The podman CLI on this store; resolves with stdout. */
  podman(args: string[]): Promise<string>
  /** Another program (skopeo, buildah) with CONTAINERS_STORAGE_CONF set to this store. */
  exec(program: string, args: string[]): Promise<string>
  remove(): Promise<void>
}

export interface TestPodman extends TestStore {
  host: string
  socketPath: string
  log(): Promise<string>
  stop(): Promise<void>
}

export function describeWithPodman(title: string, otherPrograms: string[], body: () => void): void {
  const isRoot = typeof process.getuid !== 'function' || process.getuid() === 0
  if (!isRoot) {
    if (process.env.CI === 'true')
      throw new Error('podman tests must run as root (CI=true: this is a failure)')
    console.warn('skipping tests that start podman: the harness runs it as root')
    describe.skip(`${title} (skipped: podman tests need root)`, body)
    return
  }
  describeWithPrograms(['podman', ...otherPrograms], title, body)
}

const GLOBAL_FLAGS = ['--cgroup-manager=cgroupfs', '--events-backend=file']

export async function newStore(): Promise<TestStore> {
  // Short: the socket path has at most 107 bytes.
  const dir = await mkdtemp(join(tmpdir(), 'podman-'))
  const graphRoot = join(dir, 'graph')
  const runRoot = join(dir, 'run')
  await Promise.all([mkdir(graphRoot), mkdir(runRoot)])
  const confFile = join(dir, 'storage.conf')
  await writeFile(confFile, `[storage]\ndriver = "vfs"\ngraphroot = "${graphRoot}"\nrunroot = "${runRoot}"\n`)
  const env = localEnv(confFile)
  const exec = async (program: string, args: string[]): Promise<string> => {
    const path = findProgram(program)
    if (!path) throw new Error(`${program} is not installed`)
    try {
      return (await run(path, args, { env, maxBuffer: 64 << 20 })).stdout
    } catch (e) {
      const err = e as { stderr?: string; message: string }
      throw new Error(`${program} ${args.join(' ')} failed: ${err.stderr || err.message}`, { cause: e })
    }
  }
  return {
    dir,
    graphRoot,
    runRoot,
    confFile,
    spec: `[vfs@${graphRoot}+${runRoot}]`,
    exec,
    podman: args =>
      exec('podman', [
        '--root',
        graphRoot,
        '--runroot',
        runRoot,
        '--storage-driver',
        'vfs',
        ...GLOBAL_FLAGS,
        ...args
      ]),
    remove: () => rm(dir, { recursive: true, force: true })
  }
}

export async function startPodman(options: { startTimeoutMs?: number } = {}): Promise<TestPodman> {
  const podmanPath = findProgram('podman')
  if (!podmanPath) throw new Error('podman is not installed (Debian package podman)')
  const store = await newStore()
  const socketPath = join(store.dir, 'podman.sock')
  const logFile = join(store.dir, 'service.log')
  const args = [
    '--root',
    store.graphRoot,
    '--runroot',
    store.runRoot,
    '--storage-driver',
    'vfs',
    ...GLOBAL_FLAGS,
    'system',
    'service',
    '--time=0',
    `unix://${socketPath}`
  ]
  const out = openSync(logFile, 'a')
  let child: ChildProcess
  try {
    child = spawn(podmanPath, args, {
      stdio: ['ignore', out, out],
      env: localEnv(store.confFile)
    })
  } finally {
    closeSync(out)
  }
  let exited = false
  const exit = new Promise<void>(resolve => child.once('exit', () => resolve()))
  child.once('exit', () => (exited = true))
  child.once('error', () => undefined)
  const log = (): Promise<string> => readFile(logFile, 'utf8').catch(() => '')
  const stop = async (): Promise<void> => {
    if (!exited) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exit
      clearTimeout(timer)
    }
    await store.remove()
  }
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000)
  while (!(await ping(socketPath))) {
    if (exited || Date.now() > deadline) {
      const tail = (await log()).split('\n').slice(-30).join('\n')
      await stop()
      throw new Error(`podman system service did not start:\n${tail}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return { ...store, host: `unix://${socketPath}`, socketPath, log, stop }
}

/** The environment of a local podman on this store: CONTAINER_HOST would make podman a remote client. */
function localEnv(confFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTAINERS_STORAGE_CONF: confFile }
  delete env.CONTAINER_HOST
  delete env.CONTAINER_CONNECTION
  return env
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

/** The pids of podman processes whose command line mentions `text` (a store's temp dir). */
export async function podmanProcesses(text: string): Promise<number[]> {
  const { readdir } = await import('node:fs/promises')
  const pids: number[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
    const argv = cmdline.split('\0')
    if (argv[0]?.endsWith('podman') && cmdline.includes(text)) pids.push(Number(entry))
  }
  return pids
}
