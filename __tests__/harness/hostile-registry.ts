// A registry that lies: a small node:http server on 127.0.0.1 that records every request and answers
// from a table the test fills (crafted manifests and lists, error bodies, endless or slow bodies).
// Anything not in the table is recorded and answered 404. `/v2/` asks for Basic credentials, so a
// client with credentials sends its Authorization header with every later request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export interface RecordedRequest {
  method: string
  /** The path and query exactly as the client sent them. */
  url: string
  authorization?: string
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

export interface HostileRegistry {
  /** `127.0.0.1:PORT` */
  host: string
  requests: RecordedRequest[]
  /** Answers GET/HEAD of `path` (exact match, query included) with `handler`. */
  route(path: string, handler: Handler): void
  close(): Promise<void>
}

export async function startHostileRegistry(): Promise<HostileRegistry> {
  const routes = new Map<string, Handler>()
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization })
    if (req.url === '/v2/' && !routes.has('/v2/')) {
      if (req.headers.authorization) res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      else res.writeHead(401, { 'www-authenticate': 'Basic realm="hostile"' }).end()
      return
    }
    const handler = routes.get(req.url ?? '')
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"errors":[{"code":"NOT_FOUND","message":"not here"}]}')
      return
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy())
  })
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    requests,
    route: (p, handler) => routes.set(p, handler),
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

/** Answers with these bytes and this Content-Type. */
export function bytesAnswer(body: Buffer | string, contentType: string, status = 200): Handler {
  return (req, res) => {
    const bytes = Buffer.from(body)
    res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length) })
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }
}

/**
 * Serves every blob and manifest of an OCI layout under `/v2/<repository>/…/<digest>`, manifests
 * with the media type their descriptors give (found by walking the layout's indexes).
 */
export async function serveLayout(
  registry: HostileRegistry,
  repository: string,
  layout: string
): Promise<void> {
  const blobDir = path.join(layout, 'blobs', 'sha256')
  const index = JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8')) as {
    manifests: Array<{ digest: string; mediaType: string }>
  }
  const pending = [...index.manifests]
  while (pending.length > 0) {
    const d = pending.pop()!
    const bytes = await readFile(path.join(blobDir, d.digest.slice('sha256:'.length)))
    registry.route(`/v2/${repository}/manifests/${d.digest}`, bytesAnswer(bytes, d.mediaType))
    const doc = JSON.parse(bytes.toString('utf8')) as {
      manifests?: Array<{ digest: string; mediaType: string }>
      config?: { digest: string }
      layers?: Array<{ digest: string }>
    }
    pending.push(...(doc.manifests ?? []))
    for (const b of [...(doc.config ? [doc.config] : []), ...(doc.layers ?? [])]) {
      const blob = await readFile(path.join(blobDir, b.digest.slice('sha256:'.length)))
      registry.route(`/v2/${repository}/blobs/${b.digest}`, bytesAnswer(blob, 'application/octet-stream'))
    }
  }
}
