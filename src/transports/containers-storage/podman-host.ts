// Finding podman's libpod service, or starting one for the duration of a copy. Order: CONTAINER_HOST
// (unix:// only), the rootless default socket ($XDG_RUNTIME_DIR/podman/podman.sock), the root one
// (/run/podman/podman.sock). A service is used only when it serves the store the reference names. When
// none answers, `podman [store flags] system service --time=60 unix://<tmp>/podman.sock` is started
// (the finite --time makes an orphan exit on its own) and stopped on close: SIGTERM, then SIGKILL
// after 10 s. It is not detached, so a cancelled job ends it too.
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, promises as fs, realpathSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findExecutable } from '../../auth/credential-helper.js'
import { ImageCopyError, UsageError } from '../../errors.js'
import type { TransportContext } from '../types.js'
import { LibpodClient, type PodmanInfo } from './libpod-client.js'
import type { StoreSpec } from './reference.js'

export const ROOT_SOCKET = '/run/podman/podman.sock'
const START_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 10_000
const IDLE_EXIT_SECONDS = 60

export const PODMAN_MISSING =
  'the containers-storage: transport needs podman, and no podman service answers and no podman program is on PATH'
export const PODMAN_INSTALL_HINT =
  'install podman (Debian/Ubuntu: sudo apt-get install -y podman; Fedora: sudo dnf install -y podman), or set CONTAINER_HOST=unix:///path/to/podman.sock'

export interface PodmanService {
  client: LibpodClient
  info: PodmanInfo
  /** Where it came from, for logs: the socket, or "started for this copy". */
  description: string
  /** Stops a service this copy started (and removes its temp dir); leaves others alone. */
  close(): Promise<void>
}

type Log = (level: 'debug' | 'info' | 'warning', message: string) => void

export async function openPodman(
  store: StoreSpec | undefined,
  ctx: TransportContext,
  env: NodeJS.ProcessEnv = process.env
): Promise<PodmanService> {
  const log: Log = ctx.registry?.log ?? (() => undefined)
  for (const socket of candidateSockets(env)) {
    const client = await LibpodClient.connect(socket, ctx.signal)
    if (!client) continue
    const info = await infoOrClose(client)
    if (servesStore(info, store)) {
      log('debug', `containers-storage: podman ${client.version} at ${socket}, store ${info.graphRoot}`)
      return { client, info, description: socket, close: () => client.close() }
    }
    log(
      'debug',
      `containers-storage: the podman service at ${socket} serves ${info.graphRoot}, not the store named`
    )
    await client.close()
  }
  return startService(store, ctx, log, env)
}

/** The service's info; on failure the client is closed before the error is thrown. */
async function infoOrClose(client: LibpodClient): Promise<PodmanInfo> {
  try {
    return await client.info()
  } catch (e) {
    await client.close()
    throw e
  }
}

function candidateSockets(env: NodeJS.ProcessEnv): string[] {
  const sockets: string[] = []
  const host = env.CONTAINER_HOST?.trim()
  if (host) {
    if (!host.startsWith('unix://') || host.length === 'unix://'.length)
      throw new UsageError(
        `CONTAINER_HOST ${JSON.stringify(host)}: only a local unix:///path/to/podman.sock is supported by containers-storage:`,
        'unset CONTAINER_HOST to use (or start) the local podman'
      )
    sockets.push(host.slice('unix://'.length))
  }
  if (env.XDG_RUNTIME_DIR) sockets.push(path.join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'))
  sockets.push(ROOT_SOCKET)
  return [...new Set(sockets)]
}

function servesStore(info: PodmanInfo, store: StoreSpec | undefined): boolean {
  if (!store) return true
  if (store.driver !== undefined && store.driver !== info.driver) return false
  return canonical(store.graphRoot) === canonical(info.graphRoot)
}

function canonical(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}

function serviceArgs(store: StoreSpec | undefined, socket: string): string[] {
  const args: string[] = []
  if (store) {
    args.push('--root', store.graphRoot)
    if (store.runRoot) args.push('--runroot', store.runRoot)
    if (store.driver) args.push('--storage-driver', store.driver)
    for (const option of store.options) args.push('--storage-opt', option)
  }
  // The service only loads and exports images: no systemd or journald is needed for that.
  args.push('--cgroup-manager=cgroupfs', '--events-backend=file')
  args.push('system', 'service', `--time=${IDLE_EXIT_SECONDS}`, `unix://${socket}`)
  return args
}

async function startService(
  store: StoreSpec | undefined,
  ctx: TransportContext,
  log: Log,
  env: NodeJS.ProcessEnv
): Promise<PodmanService> {
  const podman = await findExecutable('podman', env)
  if (!podman) throw new ImageCopyError(PODMAN_MISSING, 'failure', PODMAN_INSTALL_HINT)
  const service = await ServiceProcess.spawn(podman, store, env)
  const deadline = Date.now() + START_TIMEOUT_MS
  try {
    for (;;) {
      if (service.exited)
        throw new ImageCopyError(`podman system service exited during start:\n${await service.tail()}`)
      const client = await LibpodClient.connect(service.socket, ctx.signal)
      if (client) {
        const info = await infoOrClose(client)
        log(
          'info',
          `containers-storage: started podman ${client.version} for this copy (store ${info.graphRoot})`
        )
        const close = async (): Promise<void> => {
          await client.close()
          await service.stop()
        }
        return { client, info, description: 'a podman service started for this copy', close }
      }
      if (Date.now() > deadline)
        throw new ImageCopyError(
          `podman system service did not answer within ${START_TIMEOUT_MS / 1000} s:\n${await service.tail()}`
        )
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  } catch (e) {
    await service.stop()
    throw e
  }
}

/** A `podman system service` child, its socket and log in a temp dir that stop() removes. */
class ServiceProcess {
  exited = false
  private readonly exit: Promise<void>

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string
  ) {
    // A spawn failure emits 'error', and 'exit' may then never come: either ends it.
    this.exit = new Promise<void>(resolve => {
      const ended = (): void => {
        this.exited = true
        resolve()
      }
      child.once('exit', ended)
      child.once('error', ended)
    })
  }

  static async spawn(
    podman: string,
    store: StoreSpec | undefined,
    env: NodeJS.ProcessEnv
  ): Promise<ServiceProcess> {
    // Short: a unix socket path has at most 107 bytes.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-copy-podman-'))
    const out = openSync(path.join(dir, 'service.log'), 'a')
    try {
      // With CONTAINER_HOST (or CONTAINER_CONNECTION) set, podman is a remote client and has no --root.
      const local = { ...env }
      delete local.CONTAINER_HOST
      delete local.CONTAINER_CONNECTION
      const args = serviceArgs(store, path.join(dir, 'podman.sock'))
      return new ServiceProcess(spawn(podman, args, { stdio: ['ignore', out, out], env: local }), dir)
    } finally {
      closeSync(out)
    }
  }

  get socket(): string {
    return path.join(this.dir, 'podman.sock')
  }

  /** The last lines of its output, for an error. */
  async tail(): Promise<string> {
    const text = await fs.readFile(path.join(this.dir, 'service.log'), 'utf8').catch(() => '')
    return text.trim().split('\n').slice(-10).join('\n')
  }

  /** SIGTERM, SIGKILL after a grace period, then the temp dir removed. */
  async stop(): Promise<void> {
    if (!this.exited) {
      this.child.kill('SIGTERM')
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS)
      await this.exit
      clearTimeout(timer)
    }
    await fs.rm(this.dir, { recursive: true, force: true })
  }
}
