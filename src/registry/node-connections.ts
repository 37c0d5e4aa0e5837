// Direct connections through node:http and node:https: one keep-alive Agent per scheme and TLS
// configuration, each keeping at most `connectionsPerHost` sockets per registry host.
//
// Node's own HTTP client is used rather than undici on this path because it is already part of the
// runtime: undici's bundle (fetch, websockets, its WebAssembly parser) cost ~45 ms of start-up CPU and
// ~15 MiB of memory in every run, for features a registry client never uses. undici stays behind the
// proxy path only (proxy-agent.ts), loaded when a proxy variable selects an origin.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type * as Https from 'node:https'
import type { SecureContext } from 'node:tls'
import { pipeline, type Readable } from 'node:stream'
import { lazyBuiltin } from '../lazy-builtin.js'

// node:https (and the node:tls under it) loads with the first https request: a run against plain-http
// registries never needs it.
const https = lazyBuiltin<typeof Https>('node:https')

/** One request as connections.ts hands it over, headers already final. */
export interface ConnectionRequest {
  url: URL
  method: string
  headers: Record<string, string>
  body?: Buffer | string | Readable | null
  signal?: AbortSignal
}

/** A response body: a stream, plus a way to throw the rest away and keep the connection. */
export type ResponseBody = Readable & { dump(options?: { limit?: number }): Promise<void> }

export interface ConnectionResponse {
  statusCode: number
  headers: IncomingHttpHeaders
  body: ResponseBody
}

export interface PoolTimeouts {
  /** How long an idle pooled connection is kept. */
  keepAliveTimeout: number
  /** How long a request may wait on a silent connection (headers or body). */
  idleTimeout: number
}

export interface NodeTls {
  verify: boolean
  secureContext: () => SecureContext
}

/** A bounded keep-alive pool per host, for plain and for TLS origins. */
export class NodeConnections {
  private readonly plain: http.Agent
  private secure?: Https.Agent

  constructor(
    private readonly connectionsPerHost: number,
    private readonly timeouts: PoolTimeouts,
    private readonly tls: NodeTls
  ) {
    this.plain = new http.Agent(this.agentOptions())
  }

  request(req: ConnectionRequest): Promise<ConnectionResponse> {
    const { url } = req
    const isTls = url.protocol === 'https:'
    const send = isTls ? https().request : http.request
    return new Promise((resolve, reject) => {
      const outgoing = send(url, {
        method: req.method,
        headers: req.headers,
        agent: isTls ? this.secureAgent() : this.plain,
        signal: req.signal,
        timeout: this.timeouts.idleTimeout
      })
      outgoing.on('timeout', () => outgoing.destroy(timeoutError(req.method, url)))
      outgoing.on('error', reject)
      outgoing.on('response', (res: IncomingMessage) => {
        resolve({ statusCode: res.statusCode ?? 0, headers: headersOf(res), body: withDump(res) })
      })
      writeBody(outgoing, req.body)
    })
  }

  async close(): Promise<void> {
    this.plain.destroy()
    this.secure?.destroy()
  }

  private secureAgent(): Https.Agent {
    this.secure ??= new (https().Agent)({
      ...this.agentOptions(),
      rejectUnauthorized: this.tls.verify,
      secureContext: this.tls.secureContext()
    })
    return this.secure
  }

  private agentOptions(): http.AgentOptions {
    return {
      keepAlive: true,
      maxSockets: this.connectionsPerHost,
      // closes idle pooled sockets; active requests carry their own (longer) timeout
      timeout: this.timeouts.keepAliveTimeout,
      scheduling: 'lifo'
    }
  }
}

function writeBody(outgoing: http.ClientRequest, body: ConnectionRequest['body']): void {
  if (body === undefined || body === null) {
    outgoing.end()
  } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
    outgoing.end(body)
  } else {
    // A failed or abandoned body destroys the request; the request's own error reaches the caller.
    pipeline(body, outgoing, () => undefined)
  }
}

/** Node joins repeated headers with ", " (most) or keeps arrays (set-cookie); keep every value apart. */
function headersOf(res: IncomingMessage): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {}
  for (const [name, values] of Object.entries(res.headersDistinct)) {
    if (values === undefined) continue
    headers[name] = values.length === 1 ? values[0] : values
  }
  return headers
}

function withDump(res: IncomingMessage): ResponseBody {
  const body = res as IncomingMessage & ResponseBody
  body.dump = ({ limit = 128 * 1024 } = {}) => dump(res, limit)
  return body
}

/**
 * Reads and drops up to `limit` bytes so the connection can serve the next request; a longer body
 * closes the connection instead (reading it all would cost more than a new connection).
 */
function dump(res: IncomingMessage, limit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.readableEnded || res.destroyed) return resolve()
    let seen = 0
    res.on('data', (chunk: Buffer) => {
      seen += chunk.length
      if (seen > limit) {
        res.destroy()
        resolve()
      }
    })
    res.on('end', resolve)
    res.on('error', reject)
    res.on('close', resolve)
    res.resume()
  })
}

function timeoutError(method: string, url: URL): Error {
  const e = new Error(`no data from ${url.origin} for a ${method} in time`) as Error & { code: string }
  e.code = 'ETIMEDOUT'
  return e
}
