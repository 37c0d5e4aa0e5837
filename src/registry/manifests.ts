// Manifest reads and writes, by tag or digest.
import type { IncomingHttpHeaders } from 'node:http'
import { MAX_MANIFEST_BYTES } from '../limits.js'
import type { RegistryClient } from './client.js'
import { describeRequest, RegistryError } from './errors.js'
import { discard, encodePathSegment, header, readBody, repositoryPath } from './http.js'

/** Like containers/image: no manifest is larger than 4 MiB. */

export interface FetchedManifest {
  bytes: Buffer
  /** The Content-Type without parameters, or '' when absent or unparsable. */
  contentType: string
  /** The Docker-Content-Digest header, if any (informational). */
  digestHeader?: string
}

export function manifestPath(repository: string, tagOrDigest: string): string {
  return `/v2/${repositoryPath(repository)}/manifests/${encodePathSegment(tagOrDigest)}`
}

/** `application/vnd.oci.image.manifest.v1+json; charset=utf-8` → the bare media type, lower-cased. */
export function simplifyContentType(value: string | undefined): string {
  if (!value) return ''
  const type = value.split(';', 1)[0].trim().toLowerCase()
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : ''
}

export async function getManifest(
  client: RegistryClient,
  tagOrDigest: string,
  accept: string[]
): Promise<FetchedManifest> {
  const context = `reading manifest ${tagOrDigest} of ${client.name}`
  const path = manifestPath(client.repository, tagOrDigest)
  const res = await client.send({ method: 'GET', url: path, headers: { accept: accept.join(', ') }, context })
  if (res.status !== 200) throw await client.responseError(res, context, describeRequest('GET', res.url))
  noteRateLimit(client, res.headers)
  let bytes: Buffer
  try {
    bytes = await readBody(res.body, MAX_MANIFEST_BYTES)
  } catch (e) {
    throw new RegistryError(`${context}: ${(e as Error).message}`, {
      cause: e,
      request: describeRequest('GET', res.url)
    })
  }
  return {
    bytes,
    contentType: simplifyContentType(header(res.headers, 'content-type')),
    digestHeader: header(res.headers, 'docker-content-digest')
  }
}

/** What a manifest HEAD tells: the digest the registry names (Docker-Content-Digest) and the type. */
export interface ManifestHead {
  /** The Docker-Content-Digest header as sent (unvalidated), if any. */
  digestHeader?: string
  contentType: string
}

/**
 * HEAD the manifest a tag or digest names: undefined when there is none (404). A HEAD costs no
 * body, and Docker Hub does not count it against its pull limit.
 */
export async function headManifest(
  client: RegistryClient,
  tagOrDigest: string,
  accept: string[]
): Promise<ManifestHead | undefined> {
  const context = `checking manifest ${tagOrDigest} of ${client.name}`
  const path = manifestPath(client.repository, tagOrDigest)
  const res = await client.send({
    method: 'HEAD',
    url: path,
    headers: { accept: accept.join(', ') },
    context
  })
  await discard(res.body)
  if (res.status === 404) return undefined
  if (res.status !== 200) throw await client.responseError(res, context, describeRequest('HEAD', res.url))
  return {
    digestHeader: header(res.headers, 'docker-content-digest'),
    contentType: simplifyContentType(header(res.headers, 'content-type'))
  }
}

/** PUT the manifest; returns the registry's Docker-Content-Digest, if it sent one. */
export async function putManifest(
  client: RegistryClient,
  tagOrDigest: string,
  bytes: Buffer,
  mimeType: string
): Promise<string | undefined> {
  return (await putManifestAnswer(client, tagOrDigest, bytes, mimeType)).digest
}

/** PUT the manifest; the registry's Docker-Content-Digest and OCI-Subject (a referrers API registry's answer to a manifest with a subject). */
export async function putManifestAnswer(
  client: RegistryClient,
  tagOrDigest: string,
  bytes: Buffer,
  mimeType: string
): Promise<{ digest?: string; subject?: string }> {
  const context = `writing manifest ${tagOrDigest} to ${client.name}`
  const path = manifestPath(client.repository, tagOrDigest)
  const res = await client.send({
    method: 'PUT',
    url: path,
    headers: { 'content-type': mimeType, 'content-length': String(bytes.length) },
    body: bytes,
    context
  })
  if (res.status < 200 || res.status > 399) {
    throw await client.responseError(res, context, describeRequest('PUT', res.url))
  }
  await discard(res.body)
  const digest = header(res.headers, 'docker-content-digest')
  if (digest === undefined) {
    client.log(
      'debug',
      `${context}: no Docker-Content-Digest in the answer; ${client.registry} may not be a registry`
    )
  }
  return { digest, subject: header(res.headers, 'oci-subject') }
}

/**
 * Whether a manifest PUT failed because the registry does not take this manifest type (the caller
 * may try another type): MANIFEST_INVALID (OpenShift), TAG_INVALID (distribution), and ECR's
 * UNSUPPORTED "Invalid JSON syntax".
 */
export function isManifestTypeRejection(e: unknown): boolean {
  if (!(e instanceof RegistryError)) return false
  if (e.code === 'MANIFEST_INVALID' || e.code === 'TAG_INVALID') return true
  return e.code === 'UNSUPPORTED' && e.message.includes('Invalid JSON syntax')
}

const rateLimitLogged = new Set<string>()

/**
 * Docker Hub's pull limit (`ratelimit-limit: 100;w=21600`, `ratelimit-remaining: 76;w=21600`), logged
 * once per registry and process when a manifest answer carries it. Values are checked before printing.
 */
function noteRateLimit(client: RegistryClient, headers: IncomingHttpHeaders): void {
  if (rateLimitLogged.has(client.registry)) return
  const remaining = header(headers, 'ratelimit-remaining')
  const limit = header(headers, 'ratelimit-limit')
  const valid = (v: string | undefined): v is string =>
    v !== undefined && /^\d{1,9}(;w=\d{1,9})?$/.test(v.trim())
  if (!valid(remaining)) return
  rateLimitLogged.add(client.registry)
  const window = /;w=(\d+)/.exec(remaining)?.[1]
  const of = valid(limit) ? ` of ${limit.split(';')[0]}` : ''
  const per = window ? ` per ${Number(window) / 3600} h` : ''
  client.log(
    'info',
    `${client.registry} pull limit: ${remaining.split(';')[0].trim()}${of} manifest requests left${per}`
  )
}
