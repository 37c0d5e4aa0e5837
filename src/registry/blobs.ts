// Blob reads, existence checks and cross-repository mounts.
import type { Readable } from 'node:stream'
import { throughputRule } from '../limits.js'
import { resumableBlobStream } from './blob-reader.js'
import { repositoryScope } from './challenge.js'
import type { RegistryClient } from './client.js'
import { describeRequest } from './errors.js'
import { discard, encodePathSegment, header, repositoryPath, type HttpResponse } from './http.js'

export function blobPath(repository: string, digest: string): string {
  return `/v2/${repositoryPath(repository)}/blobs/${encodePathSegment(digest)}`
}

function contentLength(res: HttpResponse): number {
  const v = header(res.headers, 'content-length')
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : -1
}

/** HEAD the blob in `repository` (default: the client's). Returns its size, or undefined when absent. */
export async function blobExists(
  client: RegistryClient,
  digest: string,
  repository: string = client.repository
): Promise<{ size: number } | undefined> {
  const context = `checking whether blob ${digest} exists in ${client.registry}/${repository}`
  const extraScopes = repository !== client.repository ? [repositoryScope(repository, ['pull'])] : []
  const res = await client.send({ method: 'HEAD', url: blobPath(repository, digest), extraScopes, context })
  await discard(res.body)
  if (res.status === 200) {
    client.blobInfoCache.recordKnownLocation(client.registry, repository, digest)
    return { size: contentLength(res) }
  }
  if (res.status === 404) return undefined
  throw await client.responseError(res, context, describeRequest('HEAD', res.url))
}

export interface BlobRequest {
  digest: string
  /** -1 when unknown. */
  size: number
  /** Foreign-layer URLs, tried first, without credentials. */
  urls?: string[]
}

/** A stream of exactly the blob's bytes, resuming broken downloads with Range requests. */
export async function getBlob(
  client: RegistryClient,
  blob: BlobRequest
): Promise<{ stream: Readable; size: number }> {
  const external = await getExternalBlob(client, blob)
  if (external) return external

  const describe = `blob ${blob.digest} in ${client.name}`
  const path = blobPath(client.repository, blob.digest)
  const open = (offset: number): Promise<HttpResponse> =>
    client.send({
      method: 'GET',
      url: path,
      headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
      followRedirects: true,
      context: `reading ${describe}`
    })
  const res = await open(0)
  if (res.status !== 200) {
    throw await client.responseError(res, `reading ${describe}`, describeRequest('GET', res.url))
  }
  client.blobInfoCache.recordKnownLocation(client.registry, client.repository, blob.digest)
  const size = blob.size >= 0 ? blob.size : contentLength(res)
  const stream = resumableBlobStream(res, {
    expectedSize: blob.size,
    reopen: open,
    retry: client.retry,
    signal: client.signal,
    describe,
    log: m => client.log('info', m),
    minThroughput: throughputRule()
  })
  return { stream, size }
}

/** Foreign layers: the first http(s) URL that answers 200, fetched without credentials (CVE-2020-15157). */
async function getExternalBlob(
  client: RegistryClient,
  blob: BlobRequest
): Promise<{ stream: Readable; size: number } | undefined> {
  const errors: string[] = []
  for (const raw of blob.urls ?? []) {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      continue
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue
    try {
      await client.ping()
      const res = await client.send({ method: 'GET', url, auth: false, followRedirects: true })
      if (res.status === 200)
        return { stream: res.body, size: blob.size >= 0 ? blob.size : contentLength(res) }
      await discard(res.body)
      errors.push(`${describeRequest('GET', url)}: HTTP ${res.status}`)
    } catch (e) {
      errors.push((e as Error).message)
    }
  }
  if (errors.length > 0)
    client.log('debug', `foreign layer URLs failed, using the registry: ${errors.join('; ')}`)
  return undefined
}

/**
 * Asks the registry to link a blob of `fromRepository` into the client's repository.
 * True when mounted (201). A 202 means the registry started an upload instead: it is cancelled.
 */
export async function mountBlob(
  client: RegistryClient,
  digest: string,
  fromRepository: string
): Promise<boolean> {
  const query = new URLSearchParams({ mount: digest, from: fromRepository })
  const url = `/v2/${repositoryPath(client.repository)}/blobs/uploads/?${query.toString()}`
  const res = await client.send({
    method: 'POST',
    url,
    extraScopes: [repositoryScope(fromRepository, ['pull'])],
    context: `mounting blob ${digest} from ${client.registry}/${fromRepository}`
  })
  if (res.status === 201) {
    await discard(res.body)
    client.blobInfoCache.recordKnownLocation(client.registry, client.repository, digest)
    return true
  }
  if (res.status === 202) {
    await discard(res.body)
    const location = header(res.headers, 'location')
    if (location) await cancelUpload(client, client.resolve(new URL(location, res.url)))
    client.log('debug', `mounting ${digest} from ${fromRepository} started an upload instead; cancelled it`)
    return false
  }
  const e = await client.responseError(
    res,
    `mounting blob ${digest} from ${fromRepository}`,
    describeRequest('POST', res.url)
  )
  client.log('debug', e.message)
  return false
}

/** Best effort: distribution only honours DELETE when the token grants `delete`. */
export async function cancelUpload(client: RegistryClient, location: URL): Promise<void> {
  try {
    const res = await client.send({ method: 'DELETE', url: location, onCancel: 'cleanup' })
    await discard(res.body)
    if (res.status !== 204 && res.status !== 200 && res.status !== 404) {
      client.log('debug', `cancelling upload ${describeRequest('DELETE', location)}: HTTP ${res.status}`)
    }
  } catch (e) {
    client.log(
      'debug',
      `cancelling upload ${describeRequest('DELETE', location)} failed: ${(e as Error).message}`
    )
  }
}
