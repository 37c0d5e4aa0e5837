// OCI referrers on a registry (distribution-spec 1.1): the referrers API with its pagination, the
// referrers tag schema (a `sha256-<hex>` OCI index kept by clients), and the tag list (cosign's
// `sha256-<hex>.sig` tags). Every answer is capped and checked before use.
import {
  fallbackTag,
  MediaType,
  mergeReferrersIndex,
  parseReferrersIndex,
  type ReferrerDescriptor
} from '../manifest/index.js'
import type { RegistryClient } from './client.js'
import { describeRequest, RegistryError } from './errors.js'
import { discard, encodePathSegment, header, readBody, repositoryPath } from './http.js'
import { getManifest, putManifest } from './manifests.js'
import { nextLink } from './tags.js'

/** A tag list or referrers list longer than this many pages is refused (a registry answering in a loop). */
const MAX_PAGES = 1000
const MAX_TAG_PAGE_BYTES = 4 * 1024 * 1024

const NO_API = [404, 405, 501]

/** Clients whose registry answered 404 on the referrers endpoint: asked once per client. */
const noReferrersApi = new WeakSet<RegistryClient>()

export interface ReferrersListing {
  descriptors: ReferrerDescriptor[]
  /** Where they came from: the referrers API, or the fallback tag's index. */
  via: 'api' | 'tag'
  /** The registry applied the artifactType filter (OCI-Filters-Applied). */
  filtered: boolean
}

/**
 * The `next` URL of a Link header (`<url>; rel="next"`), resolved against the request's URL; only one
 * on the registry's own origin is followed (credentials never go elsewhere).
 */
export function nextPage(value: string | undefined, current: URL): URL | undefined {
  const target = nextLink(value)
  if (target === undefined) return undefined
  const next = new URL(target, current)
  if (next.origin !== current.origin) {
    throw new RegistryError(
      `the registry's Link header points to another host (${next.origin}); not followed`
    )
  }
  return next
}

/** Pages of a paginated GET, each read whole (capped), until there is no `next`. */
async function* pages(
  client: RegistryClient,
  first: string,
  accept: string,
  context: string,
  notFound: 'undefined' | 'error'
): AsyncGenerator<{ bytes: Buffer; headers: Record<string, string | undefined> } | undefined> {
  let url: string | URL = first
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.send({ method: 'GET', url, headers: { accept }, context })
    // 404 is the spec's "no referrers API"; some registries say it with 405 or 501.
    if (NO_API.includes(res.status) && notFound === 'undefined' && page === 0) {
      await discard(res.body)
      yield undefined
      return
    }
    if (res.status !== 200) throw await client.responseError(res, context, describeRequest('GET', res.url))
    const bytes = await readBody(res.body, MAX_TAG_PAGE_BYTES, `${context}: the answer is larger than 4 MiB`)
    yield {
      bytes,
      headers: { filters: header(res.headers, 'oci-filters-applied') }
    }
    const next = nextPage(header(res.headers, 'link'), res.url)
    if (!next) return
    url = next
  }
  throw new RegistryError(`${context}: more than ${MAX_PAGES} pages`)
}

/**
 * The referrers of `digest` through the API, every page; undefined when the registry has none (404,
 * or 405/501, on the endpoint: a registry with the API answers an empty index for an unknown digest).
 */
export async function listReferrersApi(
  client: RegistryClient,
  digest: string,
  artifactType?: string
): Promise<ReferrersListing | undefined> {
  if (noReferrersApi.has(client)) return undefined
  const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : ''
  const path = `/v2/${repositoryPath(client.repository)}/referrers/${encodePathSegment(digest)}${query}`
  const context = `listing the referrers of ${digest} in ${client.name}`
  const descriptors: ReferrerDescriptor[] = []
  let filtered = artifactType !== undefined
  for await (const page of pages(client, path, MediaType.OCIIndex, context, 'undefined')) {
    if (!page) {
      noReferrersApi.add(client)
      return undefined
    }
    descriptors.push(...parseReferrersIndex(page.bytes))
    filtered &&= (page.headers.filters ?? '').split(',').some(f => f.trim() === 'artifactType')
  }
  return { descriptors, via: 'api', filtered }
}

/** The index under the referrers fallback tag of `digest`, or undefined when the tag does not exist. */
export async function readFallbackIndex(
  client: RegistryClient,
  digest: string
): Promise<{ bytes: Buffer; contentType: string } | undefined> {
  try {
    return await getManifest(client, fallbackTag(digest), [MediaType.OCIIndex])
  } catch (e) {
    if (e instanceof RegistryError && e.status === 404) return undefined
    throw e
  }
}

/** The referrers of `digest`: the API, else the fallback tag's index (none when neither exists). */
export async function listReferrers(
  client: RegistryClient,
  digest: string,
  artifactType?: string
): Promise<ReferrersListing> {
  const api = await listReferrersApi(client, digest, artifactType)
  if (api) return api
  const index = await readFallbackIndex(client, digest)
  return { descriptors: index ? parseReferrersIndex(index.bytes) : [], via: 'tag', filtered: false }
}

/** Fallback index updates in flight, per registry, repository and tag: this process's writers take turns. */
const updating = new Map<string, Promise<void>>()

/**
 * Adds `desc` to the fallback index of `subject`, keeping every entry already there
 * (read-modify-write). Within this process updates of one index take turns. Another process may
 * replace the index between our read and our write (registries offer no conditional PUT): the entry
 * is read back, and the update redone when it was lost.
 */
export async function addToFallbackIndex(
  client: RegistryClient,
  subject: string,
  desc: ReferrerDescriptor
): Promise<void> {
  const key = `${client.registry}/${client.repository}:${fallbackTag(subject)}`
  const previous = updating.get(key) ?? Promise.resolve()
  const run = previous.then(() => updateFallbackIndex(client, subject, desc))
  const tail = run.catch(() => undefined)
  updating.set(key, tail)
  try {
    await run
  } finally {
    if (updating.get(key) === tail) updating.delete(key)
  }
}

async function updateFallbackIndex(
  client: RegistryClient,
  subject: string,
  desc: ReferrerDescriptor
): Promise<void> {
  const tag = fallbackTag(subject)
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await readFallbackIndex(client, subject)
    if (current && current.contentType !== '' && current.contentType !== MediaType.OCIIndex) {
      throw new RegistryError(
        `${client.name}:${tag} holds a ${current.contentType}, not a referrers index; it is left as it is`
      )
    }
    const merged = mergeReferrersIndex(current?.bytes, desc)
    if (merged === undefined) return
    await putManifest(client, tag, merged, MediaType.OCIIndex)
    const after = await readFallbackIndex(client, subject)
    if (after && parseReferrersIndex(after.bytes).some(d => d.digest === desc.digest)) return
    client.log('info', `${client.name}:${tag} changed while it was updated; updating it again`)
  }
  throw new RegistryError(`${client.name}:${tag}: another writer kept replacing the referrers index`)
}
