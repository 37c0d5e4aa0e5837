/**
 * An HTTP proxy in front of a test registry that injects faults and counts traffic. Clients talk to
 * the proxy as if it were the registry (plain http, so tlsVerify false); the Host header is passed
 * through, so upload Locations the registry builds point back at the proxy.
 *
 *   const proxy = await startFaultProxy(registry.url)
 *   proxy.inject({ kind: 'reset', afterBytes: 1000, count: 2 })          // next 2 blob GETs: RST after 1000 bytes
 *   proxy.inject({ kind: 'truncate', afterBytes: 1000, count: 1 })       // FIN after 1000 bytes (Content-Length kept)
 *   proxy.inject({ kind: 'truncate', afterBytes: 1000, count: 1, clean: true }) // chunked answer that ends early
 *   proxy.inject({ kind: 'status', status: 429, retryAfter: '1', count: 2 })    // any request
 *   proxy.inject({ kind: 'status', status: 503, count: 3, match: { method: 'PUT' } })
 *   proxy.inject({ kind: 'status', status: 400, code: 'MANIFEST_INVALID', count: 1, match: { method: 'PUT', path: /manifests/ } })
 *   proxy.inject({ kind: 'stall', ms: 5000, count: 1 })                  // delay before forwarding
 *   proxy.count({ method: 'PATCH' }); proxy.requestBytes({ path: /\/blobs\/uploads\// })
 *   proxy.records                                                         // every request, in order
 *   await proxy.stop()
 *
 * Faults apply in the order injected, each to the next `count` matching requests. Reset and truncate
 * faults match blob GETs (`GET /v2/…/blobs/…`) unless `match` says otherwise; status and stall faults
 * match every request. Counters: per request the method, path (with query), status, request body bytes
 * forwarded and response body bytes sent to the client.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FaultMatch {
  method?: string | string[]
  path?: RegExp
}

export type Fault =
  | { kind: 'reset'; afterBytes: number; count: number; match?: FaultMatch }
  | { kind: 'truncate'; afterBytes: number; count: number; clean?: boolean; match?: FaultMatch }
  | { kind: 'status'; status: number; count: number; retryAfter?: string; code?: string; match?: FaultMatch }
  | { kind: 'stall'; ms: number; count: number; match?: FaultMatch }

export interface RequestRecord {
  method: string
  path: string
  status: number
  requestBytes: number
  responseBytes: number
  fault?: Fault['kind']
}

export interface TrafficFilter {
  method?: string
  path?: RegExp
}

export interface FaultProxy {
  host: string
  url: string
  records: RequestRecord[]
  inject(fault: Fault): void
  /** Faults not yet used up. */
  pendingFaults(): number
  clearFaults(): void
  count(filter?: TrafficFilter): number
  requestBytes(filter?: TrafficFilter): number
  responseBytes(filter?: TrafficFilter): number
  resetCounters(): void
  stop(): Promise<void>
}

const BLOB_GET: FaultMatch = { method: 'GET', path: /^\/v2\/.+\/blobs\/[a-z0-9]+:[a-f0-9]+/ }

function matches(m: FaultMatch | undefined, req: IncomingMessage): boolean {
  if (!m) return true
  const methods = m.method === undefined ? undefined : Array.isArray(m.method) ? m.method : [m.method]
  if (methods && !methods.includes(req.method ?? '')) return false
  return !m.path || m.path.test(req.url ?? '')
}

function selected(records: RequestRecord[], f: TrafficFilter = {}): RequestRecord[] {
  return records.filter(r => (!f.method || r.method === f.method) && (!f.path || f.path.test(r.path)))
}

const STATUS_CODES: Record<number, string> = { 429: 'TOOMANYREQUESTS', 503: 'UNAVAILABLE' }

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target)
  const agent = new Agent({ keepAlive: true })
  const faults: Fault[] = []
  const records: RequestRecord[] = []

  const takeFault = (req: IncomingMessage): Fault | undefined => {
    for (const f of faults) {
      if (f.count <= 0) continue
      const m = f.match ?? (f.kind === 'reset' || f.kind === 'truncate' ? BLOB_GET : undefined)
      if (!matches(m, req)) continue
      f.count--
      return f
    }
    return undefined
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const record: RequestRecord = {
      method: req.method ?? '',
      path: req.url ?? '',
      status: 0,
      requestBytes: 0,
      responseBytes: 0
    }
    records.push(record)
    let fault = takeFault(req)
    if (fault) record.fault = fault.kind

    if (fault?.kind === 'stall') {
      // unref: a stall meant to last forever must not hold the test process open
      await new Promise(r => setTimeout(r, (fault as { ms: number }).ms).unref())
      fault = undefined
    }
    if (fault?.kind === 'status') {
      for await (const c of req) record.requestBytes += (c as Buffer).length
      const body = JSON.stringify({
        errors: [
          {
            code: fault.code ?? STATUS_CODES[fault.status] ?? 'UNKNOWN',
            message: `injected HTTP ${fault.status}`
          }
        ]
      })
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'content-length': String(body.length)
      }
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter
      record.status = fault.status
      record.responseBytes = body.length
      res.writeHead(fault.status, headers)
      res.end(body)
      return
    }

    const up = request({
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent
    })
    req.on('data', (c: Buffer) => (record.requestBytes += c.length))
    req.pipe(up)
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end()
      else res.destroy()
    })
    up.on('response', upRes => {
      record.status = upRes.statusCode ?? 0
      const cut = fault?.kind === 'reset' || fault?.kind === 'truncate' ? fault : undefined
      const headers = { ...upRes.headers }
      if (cut?.kind === 'truncate' && cut.clean) delete headers['content-length']
      res.writeHead(upRes.statusCode ?? 502, headers)
      if (!cut) {
        upRes.on('data', (c: Buffer) => (record.responseBytes += c.length))
        upRes.pipe(res)
        return
      }
      let sent = 0
      let done = false
      upRes.on('data', (c: Buffer) => {
        if (done) return
        const room = cut.afterBytes - sent
        const part = c.length <= room ? c : c.subarray(0, room)
        sent += part.length
        record.responseBytes += part.length
        const finish = sent >= cut.afterBytes
        if (finish) done = true
        res.write(part, () => {
          if (!finish) return
          upRes.destroy()
          if (cut.kind === 'truncate' && cut.clean) res.end()
          // Let the bytes leave before the connection goes (an RST discards unsent data).
          else
            setTimeout(() => (cut.kind === 'reset' ? res.socket?.resetAndDestroy() : res.socket?.end()), 20)
        })
      })
      upRes.on('end', () => {
        if (!done) res.end()
      })
    })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    records,
    inject: f => faults.push({ ...f }),
    pendingFaults: () => faults.reduce((n, f) => n + f.count, 0),
    clearFaults: () => {
      faults.length = 0
    },
    count: f => selected(records, f).length,
    requestBytes: f => selected(records, f).reduce((n, r) => n + r.requestBytes, 0),
    responseBytes: f => selected(records, f).reduce((n, r) => n + r.responseBytes, 0),
    resetCounters: () => {
      records.length = 0
    },
    stop: () =>
      new Promise<void>(resolve => {
        agent.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
