// Connection pools: one set of keep-alive agents per TLS configuration (node-connections.ts), shared
// by every client in the process, so each registry host gets its own bounded set of connections,
// reused across repositories, sources and destinations. With HTTP(S)_PROXY set, requests whose origin
// the proxy variables select go through a proxy agent (proxy-agent.ts) with the same TLS configuration.
import { readdir, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type * as Tls from 'node:tls'
import type { SecureContext, SecureContextOptions } from 'node:tls'
import { lazyBuiltin } from '../lazy-builtin.js'
import { NodeConnections, type ConnectionRequest, type ConnectionResponse } from './node-connections.js'
import { hasProxy, proxyFor, type ProxyEnvironment } from './proxy-env.js'

export const DEFAULT_CONNECTIONS_PER_HOST = 16

export interface TlsSettings {
  /** Verify the server certificate (default true). */
  verify: boolean
  /** Extra CA certificates (PEM), trusted in addition to the system ones. */
  ca: string[]
  /** Client certificates and their keys (PEM), pairwise. */
  certs: string[]
  keys: string[]
}

/**
 * Reads a certificate directory the way containers/image does: every `*.crt` is a CA, every
 * `*.cert` is a client certificate whose key is the `*.key` of the same base name.
 * A missing directory is not an error.
 */
export async function loadCertDir(dir: string): Promise<Pick<TlsSettings, 'ca' | 'certs' | 'keys'>> {
  let names: string[]
  try {
    names = (await readdir(dir)).sort()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES') return { ca: [], certs: [], keys: [] }
    throw e
  }
  const ca: string[] = []
  const certs: string[] = []
  const keys: string[] = []
  for (const name of names) {
    if (name.endsWith('.crt')) ca.push(await readFile(join(dir, name), 'utf8'))
    if (name.endsWith('.cert')) {
      const keyName = `${name.slice(0, -'.cert'.length)}.key`
      if (!names.includes(keyName)) {
        throw new Error(
          `missing key ${keyName} for client certificate ${name} in ${dir}. Note that CA certificates should use the extension .crt`
        )
      }
      certs.push(await readFile(join(dir, name), 'utf8'))
      keys.push(await readFile(join(dir, keyName), 'utf8'))
    }
    if (name.endsWith('.key')) {
      const certName = `${name.slice(0, -'.key'.length)}.cert`
      if (!names.includes(certName))
        throw new Error(`missing client certificate ${certName} for key ${name} in ${dir}`)
    }
  }
  return { ca, certs, keys }
}

/**
 * The certificate directory for a registry when none is given: the first existing of
 * `~/.config/containers/certs.d/<host>`, `/etc/containers/certs.d/<host>`, `/etc/docker/certs.d/<host>`.
 */
export async function defaultCertDir(hostPort: string): Promise<string | undefined> {
  const candidates = [
    join(homedir(), '.config/containers/certs.d', hostPort),
    join('/etc/containers/certs.d', hostPort),
    join('/etc/docker/certs.d', hostPort)
  ]
  for (const dir of candidates) {
    try {
      await readdir(dir)
      return dir
    } catch {
      // try the next
    }
  }
  return undefined
}

/** What a registry client sends requests through: direct connections, or proxy routes in front of them. */
export interface Connections {
  request(options: ConnectionRequest): Promise<ConnectionResponse>
  close(): Promise<void>
}

interface TlsEntry {
  /** Identifies the TLS configuration within this process: `tls0`, `tls1`, … */
  key: string
  settings: TlsSettings
  /** One secure context per TLS configuration, built on first use, for direct and tunnelled TLS. */
  secureContext: () => SecureContext
}

const tls = lazyBuiltin<typeof Tls>('node:tls')

const agents = new Map<string, Connections>()
/** By the JSON of verify, CAs, certificates and keys (an in-process key; it is never written anywhere). */
const tlsEntries = new Map<string, TlsEntry>()

const KEEP_ALIVE_MS = 10_000
/** A request fails when its connection is silent this long (waiting for headers or for body bytes). */
const IDLE_TIMEOUT_MS = 120_000
const POOL_OPTIONS = {
  keepAliveTimeout: KEEP_ALIVE_MS,
  headersTimeout: IDLE_TIMEOUT_MS,
  bodyTimeout: IDLE_TIMEOUT_MS
}

function tlsEntry(settings: TlsSettings): TlsEntry {
  const identity = JSON.stringify([settings.verify, settings.ca, settings.certs, settings.keys])
  let entry = tlsEntries.get(identity)
  if (!entry) {
    let context: SecureContext | undefined
    entry = {
      key: `tls${tlsEntries.size}`,
      settings,
      secureContext: () => (context ??= tls().createSecureContext(secureContextOptions(settings)))
    }
    tlsEntries.set(identity, entry)
  }
  return entry
}

/**
 * The shared connections for these TLS settings. With a proxy variable set, each request's origin
 * decides between the direct Agent and a proxy (see proxy-env.ts); without, it is the Agent itself.
 */
export function agentFor(
  settings: TlsSettings,
  connectionsPerHost: number = DEFAULT_CONNECTIONS_PER_HOST,
  proxy?: ProxyEnvironment
): Connections {
  const entry = tlsEntry(settings)
  const directKey = `${entry.key}:${connectionsPerHost}`
  let direct = agents.get(directKey)
  if (!direct) {
    direct = new NodeConnections(
      connectionsPerHost,
      { keepAliveTimeout: KEEP_ALIVE_MS, idleTimeout: IDLE_TIMEOUT_MS },
      { verify: entry.settings.verify, secureContext: entry.secureContext }
    )
    agents.set(directKey, direct)
  }
  if (!proxy || !hasProxy(proxy)) return direct
  const routesKey = JSON.stringify([
    directKey,
    proxy.http?.url?.href,
    proxy.https?.url?.href,
    proxy.noProxy,
    proxy.cgi
  ])
  let routes = agents.get(routesKey)
  if (!routes) {
    routes = new ProxyRoutes(direct, proxy, entry, connectionsPerHost)
    agents.set(routesKey, routes)
  }
  return routes
}

class ProxyRoutes implements Connections {
  private readonly viaProxy = new Map<string, Promise<Connections>>()

  constructor(
    private readonly direct: Connections,
    private readonly proxy: ProxyEnvironment,
    private readonly tls: TlsEntry,
    private readonly connectionsPerHost: number
  ) {}

  request(options: ConnectionRequest): Promise<ConnectionResponse> {
    const via = proxyFor(this.proxy, options.url)
    if (!via) return this.direct.request(options)
    return this.agentVia(via, options.url.protocol === 'https:').then(agent => agent.request(options))
  }

  /** One ProxyAgent per proxy and target scheme: only tunnelled TLS needs the secure context. */
  private agentVia(proxy: URL, https: boolean): Promise<Connections> {
    const key = `${https ? 's' : ''}:${proxy.href}`
    let agent = this.viaProxy.get(key)
    if (!agent) {
      agent = import('./proxy-agent.js').then(m =>
        m.createProxyAgent({
          proxy,
          tls: https
            ? { verify: this.tls.settings.verify, secureContext: this.tls.secureContext() }
            : undefined,
          pool: { connections: this.connectionsPerHost, ...POOL_OPTIONS }
        })
      )
      this.viaProxy.set(key, agent)
    }
    return agent
  }

  async close(): Promise<void> {
    const all = await Promise.all(this.viaProxy.values())
    this.viaProxy.clear()
    await Promise.all(all.map(a => a.close()))
  }
}

function secureContextOptions(settings: TlsSettings): SecureContextOptions {
  const clientCerts = settings.certs.length > 0 ? { cert: settings.certs, key: settings.keys } : {}
  // without verification no CA is consulted: skip loading the root store
  if (!settings.verify) return { ca: [], ...clientCerts }
  const ca = settings.ca.length > 0 ? { ca: [...tls().rootCertificates, ...settings.ca] } : {}
  return { ...ca, ...clientCerts }
}

/** Closes every pooled connection (end of a CLI run, end of a test file). */
export async function closeAllConnections(): Promise<void> {
  const all = [...agents.values()]
  agents.clear()
  tlsEntries.clear()
  await Promise.all(all.map(a => a.close().catch(() => undefined)))
}
