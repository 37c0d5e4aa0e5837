/**
 * A registry with the OCI referrers API, for tests: a proxy in front of a distribution registry (2.8
 * has no referrers API) that does what distribution-spec 1.1 asks of a registry with one.
 *
 *   const shim = await startReferrersShim(registry.url, { pageSize: 2 })
 *   shim.host  // '127.0.0.1:PORT'; everything else is forwarded to the registry as it is
 *
 * - A manifest PUT whose body has a `subject` is forwarded; when the registry stored it (201) the shim
 *   indexes its descriptor (mediaType, digest, size, artifactType — the manifest's, else its config's
 *   media type — and annotations) under the subject, and answers with `OCI-Subject: <subject digest>`.
 * - `GET /v2/<name>/referrers/<digest>[?artifactType=…]` answers an OCI index of the descriptors
 *   indexed for that subject (an empty one for an unknown digest), `pageSize` per page with a
 *   `Link: <…>; rel="next"` header, filtered by artifactType with `OCI-Filters-Applied: artifactType`.
 * - `requests` records every request (method, path, status) for assertions.
 */
import { createHash } from 'node:crypto'
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ShimDescriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

export interface ReferrersShim {
  host: string
  url: string
  requests: Array<{ method: string; path: string; status: number }>
  /** repository → subject → descriptors, as indexed. */
  index: Map<string, Map<string, ShimDescriptor[]>>
  stop(): Promise<void>
}

const REFERRERS = /^\/v2\/(.+)\/referrers\/([a-z0-9]+:[a-f0-9]+)$/
const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/

export async function startReferrersShim(
  target: string,
  options: { pageSize?: number } = {}
): Promise<ReferrersShim> {
  const upstream = new URL(target)
  const agent = new Agent({ keepAlive: true })
  const pageSize = options.pageSize ?? 100
  const index = new Map<string, Map<string, ShimDescriptor[]>>()
  const requests: ReferrersShim['requests'] = []

  const referrers = (res: ServerResponse, url: URL, repo: string, subject: string): void => {
    const type = url.searchParams.get('artifactType')
    const all = (index.get(repo)?.get(subject) ?? []).filter(d => !type || d.artifactType === type)
    const start = Number(url.searchParams.get('page') ?? '0')
    const page = all.slice(start * pageSize, (start + 1) * pageSize)
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: page
    })
    const headers: Record<string, string> = { 'content-type': 'application/vnd.oci.image.index.v1+json' }
    if (type) headers['oci-filters-applied'] = 'artifactType'
    if ((start + 1) * pageSize < all.length) {
      const next = new URL(url.pathname, 'http://x')
      if (type) next.searchParams.set('artifactType', type)
      next.searchParams.set('page', String(start + 1))
      headers.link = `<${next.pathname}${next.search}>; rel="next"`
    }
    res.writeHead(200, headers).end(body)
  }

  const putManifest = async (req: IncomingMessage, res: ServerResponse, repo: string): Promise<number> => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks)
    const up = await forward(req, body)
    const headers = { ...up.res.headers }
    let doc: Record<string, unknown> = {}
    try {
      doc = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    } catch {
      // not JSON: the registry said what it thinks
    }
    const subject = (doc.subject as { digest?: string } | undefined)?.digest
    if (up.res.statusCode === 201 && subject) {
      const desc: ShimDescriptor = {
        mediaType: String(req.headers['content-type'] ?? doc.mediaType),
        digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
        size: body.length
      }
      const artifactType =
        (doc.artifactType as string | undefined) ??
        (doc.config as { mediaType?: string } | undefined)?.mediaType
      if (artifactType) desc.artifactType = artifactType
      if (doc.annotations) desc.annotations = doc.annotations as Record<string, string>
      const byRepo = index.get(repo) ?? new Map<string, ShimDescriptor[]>()
      index.set(repo, byRepo)
      const list = byRepo.get(subject) ?? []
      if (!list.some(d => d.digest === desc.digest)) list.push(desc)
      byRepo.set(subject, list)
      headers['oci-subject'] = subject
    }
    res.writeHead(up.res.statusCode ?? 502, headers).end(up.body)
    return up.res.statusCode ?? 502
  }

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ res: IncomingMessage; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const up = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent
        },
        res => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }))
          res.on('error', reject)
        }
      )
      up.on('error', reject)
      up.end(body)
    })

  const pipeThrough = (req: IncomingMessage, res: ServerResponse, record: { status: number }): void => {
    const up = request({
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent
    })
    req.pipe(up)
    up.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()))
    up.on('response', upRes => {
      record.status = upRes.statusCode ?? 0
      res.writeHead(upRes.statusCode ?? 502, upRes.headers)
      upRes.pipe(res)
    })
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const record = { method: req.method ?? '', path: url.pathname + url.search, status: 0 }
    requests.push(record)
    const ref = REFERRERS.exec(url.pathname)
    if (req.method === 'GET' && ref) {
      record.status = 200
      referrers(res, url, ref[1], ref[2])
      return
    }
    const manifest = MANIFEST.exec(url.pathname)
    if (req.method === 'PUT' && manifest) {
      putManifest(req, res, manifest[1]).then(
        status => (record.status = status),
        () => res.destroy()
      )
      return
    }
    pipeThrough(req, res, record)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    requests,
    index,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      agent.destroy()
    }
  }
}
