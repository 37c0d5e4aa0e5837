// The tag list of a repository: GET /v2/<name>/tags/list, page by page (`n=`, then the `Link:
// <…>; rel="next"` header the registry sends, else `last=` with the last tag seen). Every name is
// checked against the reference grammar before anyone uses it: a registry's answer is foreign text.
import { MAX_MANIFEST_BYTES } from '../limits.js'
import { TAG_RE } from '../reference/docker.js'
import type { RegistryClient } from './client.js'
import { describeRequest, RegistryError } from './errors.js'
import { header, readBody, repositoryPath } from './http.js'

export interface TagListOptions {
  /** Tags asked for per page (`n=`). */
  pageSize?: number
  /** Stop with an error past this many pages (a registry that never ends its list). */
  maxPages?: number
}

/** The URL of the `rel="next"` link, when the header has one. */
export function nextLink(value: string | undefined): string | undefined {
  if (!value) return undefined
  for (const part of value.split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2])) return m[1]
  }
  return undefined
}

function parsePage(bytes: Buffer, context: string): unknown[] {
  let body: unknown
  try {
    body = JSON.parse(bytes.toString('utf8'))
  } catch (e) {
    throw new RegistryError(`${context}: the answer is not JSON`, { cause: e })
  }
  const tags = (body as { tags?: unknown } | null)?.tags
  if (tags === null || tags === undefined) return []
  if (!Array.isArray(tags)) throw new RegistryError(`${context}: "tags" is not a list`)
  return tags
}

/** Every tag of the client's repository, in the registry's order, each a valid tag name. */
export async function listTags(client: RegistryClient, options: TagListOptions = {}): Promise<string[]> {
  const context = `listing the tags of ${client.name}`
  const pageSize = options.pageSize ?? 1000
  const maxPages = options.maxPages ?? 1000
  const base = `/v2/${repositoryPath(client.repository)}/tags/list`
  const tags: string[] = []
  const seen = new Set<string>()
  const visited = new Set<string>()
  let next: string | undefined = `${base}?n=${pageSize}`
  while (next !== undefined) {
    if (visited.size >= maxPages) throw new RegistryError(`${context}: more than ${maxPages} pages`)
    const res = await client.send({ method: 'GET', url: next, context })
    if (res.status !== 200) throw await client.responseError(res, context, describeRequest('GET', res.url))
    visited.add(res.url.href)
    const page = parsePage(await readBody(res.body, MAX_MANIFEST_BYTES), context)
    for (const tag of page) {
      if (typeof tag !== 'string' || !TAG_RE.test(tag)) {
        const shown = JSON.stringify(tag)?.slice(0, 80) ?? String(tag)
        client.log('warning', `${context}: ignoring ${shown}, which is not a valid tag name`)
      } else if (!seen.has(tag)) {
        seen.add(tag)
        tags.push(tag)
      }
    }
    next = nextPage(res.url, header(res.headers, 'link'), visited, context)
  }
  return tags
}

/** The next page's path: only on the registry's own origin, and never a page already read. */
function nextPage(
  current: URL,
  link: string | undefined,
  visited: Set<string>,
  context: string
): string | undefined {
  const target = nextLink(link)
  if (target === undefined) return undefined
  const url = new URL(target, current)
  if (url.origin !== current.origin) {
    throw new RegistryError(`${context}: the next page is on another host (${url.host}); not followed`)
  }
  if (visited.has(url.href))
    throw new RegistryError(`${context}: the next page link goes back to a page already read`)
  return url.pathname + url.search
}
