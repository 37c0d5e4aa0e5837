// One HTTP exchange through pooled connections (or proxy routes), following redirects without leaking credentials.
import { MAX_ERROR_BODY_BYTES, readAtMost } from '../limits.js'
import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'
import type { Connections } from './connections.js'
import type { ResponseBody } from './node-connections.js'

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: ResponseBody
  /** The URL that answered (after redirects). */
  url: URL
  /** Attempts made when retries preceded this answer. */
  attempts?: number
}

export interface HttpRequest {
  method: string
  url: URL
  headers: Record<string, string>
  body?: Buffer | string | Readable
  /** Follow 3xx answers with a Location (GET/HEAD only). */
  followRedirects?: boolean
  /**
   * The Authorization value for a URL, or undefined. Called for the first URL and for every redirect
   * target, so credentials are only sent where the caller allows (never to another host).
   */
  authorizationFor?: (url: URL) => Promise<string | undefined>
  signal?: AbortSignal
}

const MAX_REDIRECTS = 5

/**
 * A repository name as URL path segments, each percent-encoded, so that no `.`/`..` segment or `?`
 * in a name can move the request elsewhere on the registry (names are checked by the reference
 * grammar; this is the second line).
 */
export function repositoryPath(repository: string): string {
  return repository
    .split('/')
    .map(segment => {
      if (segment === '' || segment === '.' || segment === '..') {
        throw new Error(`invalid repository name ${JSON.stringify(repository)}`)
      }
      return encodePathSegment(segment)
    })
    .join('/')
}

/** One URL path segment, percent-encoded (`/`, `?`, `#`, `%` …), keeping `:` and `@` as registries expect. */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%3A/g, ':').replace(/%40/g, '@')
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

export function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const v = headers[name.toLowerCase()]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

export async function httpRequest(agent: Connections, req: HttpRequest): Promise<HttpResponse> {
  let url = req.url
  for (let hop = 0; ; hop++) {
    const headers = { ...req.headers }
    const authorization = await req.authorizationFor?.(url)
    if (authorization !== undefined) headers.authorization = authorization
    const res = await agent.request({
      url,
      method: req.method,
      headers,
      body: req.body ?? null,
      signal: req.signal
    })
    const location = header(res.headers, 'location')
    const redirect = [301, 302, 303, 307, 308].includes(res.statusCode) && location !== undefined
    if (!redirect || !req.followRedirects) {
      return { status: res.statusCode, headers: res.headers, body: res.body, url }
    }
    await res.body.dump().catch(() => undefined)
    if (hop >= MAX_REDIRECTS) throw new Error(`too many redirects (last: ${url.origin}${url.pathname})`)
    url = new URL(location, url)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`redirect to an unsupported URL scheme ${url.protocol}`)
    }
  }
}

/** Reads at most `limit` bytes of a body (or any stream); longer ones are an error. */
export function readBody(
  body: Readable,
  limit: number,
  tooLarge = `response body larger than ${limit} bytes`
): Promise<Buffer> {
  return readAtMost(body, limit, 'the response body', () => new Error(tooLarge))
}

/** Reads a short error body as text (first 16 KiB), never failing. */
export async function readErrorText(body: ResponseBody): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of body) {
      const b = chunk as Buffer
      if (total < 16384) chunks.push(b)
      total += b.length
      if (total > MAX_ERROR_BODY_BYTES) break
    }
  } catch {
    // a broken error body still leaves us the status
  }
  body.destroy()
  return Buffer.concat(chunks).subarray(0, 16384).toString('utf8')
}

export async function discard(body: ResponseBody): Promise<void> {
  await body.dump({ limit: 1 << 20 }).catch(() => undefined)
}

/** A URL's host as a socket takes it: an IPv6 address without its brackets. */
export function socketHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}
