// Blob uploads (OCI distribution spec "push"): small blobs of known size in one PUT; others streamed in
// one PATCH, or in PATCH chunks when a chunk size is configured; then `PUT ?digest=`. The bytes are
// hashed on the way; if the input stream fails or the bytes do not match the expected digest, the
// upload session is cancelled and never completed, so the registry does not get the blob.
import type { Hash } from 'node:crypto'
import { nodeCrypto } from '../lazy-builtin.js'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { finished } from 'node:stream/promises'
import { blobExists, cancelUpload } from './blobs.js'
import { networkReason, type RegistryClient } from './client.js'
import { describeRequest, RegistryError } from './errors.js'
import { discard, header, readBody, repositoryPath, type HttpResponse } from './http.js'
import { isRetryableError, isRetryableStatus, sleep } from './retry.js'
import { STAGE_BUFFER_BYTES } from '../memory.js'

export interface UploadRequest {
  /** The expected digest; when given, the upload fails unless the bytes match it. */
  digest?: string
  /** The expected size, or -1 when unknown. */
  size: number
}

export interface UploadResult {
  digest: string
  size: number
}

const HASHES: Record<string, string> = { sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' }

function algorithmOf(digest: string | undefined): string {
  const algorithm = digest?.split(':', 1)[0]
  return algorithm !== undefined && HASHES[algorithm] ? algorithm : 'sha256'
}

/** Passes bytes through while hashing and counting them. */
class DigestingStream extends Transform {
  private readonly hash: Hash | undefined
  bytes = 0

  /** With `verified` (the digest the engine's VerifyingStream checks on the same bytes, and the registry checks at PUT), only count. */
  constructor(
    readonly algorithm: string,
    private readonly verified?: string
  ) {
    super({ highWaterMark: STAGE_BUFFER_BYTES })
    this.hash = verified ? undefined : nodeCrypto().createHash(HASHES[algorithm])
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash?.update(chunk)
    this.bytes += chunk.length
    callback(null, chunk)
  }

  digest(): string {
    return this.hash ? `${this.algorithm}:${this.hash.digest('hex')}` : this.verified!
  }
}

export async function uploadBlob(
  client: RegistryClient,
  input: Readable,
  req: UploadRequest
): Promise<UploadResult> {
  let inputError: Error | undefined
  input.once('error', e => (inputError ??= e))
  if (req.digest !== undefined && req.size >= 0 && req.size < client.settings.monolithicUploadMaxSize) {
    return monolithicUpload(client, input, req, () => inputError)
  }
  return sessionUpload(client, input, req, () => inputError)
}

function uploadsPath(client: RegistryClient): string {
  return `/v2/${repositoryPath(client.repository)}/blobs/uploads/`
}

function context(client: RegistryClient, req: UploadRequest): string {
  return req.digest !== undefined
    ? `uploading blob ${req.digest} to ${client.name}`
    : `uploading a blob to ${client.name}`
}

/** POST: a new upload session. */
async function startUpload(
  client: RegistryClient,
  req: UploadRequest
): Promise<{ location: URL; minChunk: number }> {
  const res = await client.send({
    method: 'POST',
    url: uploadsPath(client),
    context: context(client, req),
    onCancel: 'finish'
  })
  if (res.status !== 202) {
    throw await client.responseError(res, context(client, req), describeRequest('POST', res.url))
  }
  await discard(res.body)
  const location = nextLocation(res)
  if (!location)
    throw new RegistryError(`${context(client, req)}: the registry started an upload without a Location`)
  const min = Number(header(res.headers, 'oci-chunk-min-length') ?? '0')
  return { location, minChunk: Number.isFinite(min) && min > 0 ? min : 0 }
}

function nextLocation(res: HttpResponse): URL | undefined {
  const location = header(res.headers, 'location')
  return location ? new URL(location, res.url) : undefined
}

/** Appends `digest=` without re-encoding the registry's own (opaque, possibly signed) query. */
function withDigest(location: URL, digest: string): URL {
  return new URL(`${location.href}${location.search ? '&' : '?'}digest=${encodeURIComponent(digest)}`)
}

function mismatch(
  client: RegistryClient,
  req: UploadRequest,
  digest: string,
  bytes: number
): RegistryError | undefined {
  if (req.digest !== undefined && digest !== req.digest) {
    return new RegistryError(
      `${context(client, req)}: the data read has digest ${digest}, not the expected ${req.digest}`
    )
  }
  if (req.size >= 0 && bytes !== req.size) {
    return new RegistryError(`${context(client, req)}: read ${bytes} bytes, expected ${req.size}`)
  }
  return undefined
}

async function monolithicUpload(
  client: RegistryClient,
  input: Readable,
  req: UploadRequest,
  inputError: () => Error | undefined
): Promise<UploadResult> {
  let data: Buffer
  try {
    data = await readBody(input, req.size, `the blob is larger than its declared size ${req.size}`)
  } catch (e) {
    throw inputError() ?? e
  }
  const algorithm = algorithmOf(req.digest)
  const digest = `${algorithm}:${nodeCrypto().createHash(HASHES[algorithm]).update(data).digest('hex')}`
  const bad = mismatch(client, req, digest, data.length)
  if (bad) throw bad

  // Each attempt uses a fresh session: a PUT that broke midway may have left bytes in the old one.
  for (let attempt = 0; ; attempt++) {
    const { location } = await startUpload(client, req)
    const url = withDigest(location, digest)
    let res: HttpResponse | undefined
    let failure: unknown
    try {
      res = await client.send({
        method: 'PUT',
        url,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) },
        body: data,
        retry: false,
        context: context(client, req)
      })
    } catch (e) {
      failure = e
    }
    if (res?.status === 201) {
      await discard(res.body)
      client.blobInfoCache.recordKnownLocation(client.registry, client.repository, digest)
      return { digest, size: data.length }
    }
    const retryable = res ? isRetryableStatus(res.status) : isRetryableError(failure)
    if (!retryable || attempt >= client.retry.retryTimes) {
      const error = res
        ? await client.responseError(res, context(client, req), describeRequest('PUT', url))
        : failure
      await cancelUpload(client, location)
      throw error
    }
    const delay = client.noteRetry(
      'PUT',
      url,
      res ? `HTTP ${res.status}` : networkReason(failure),
      attempt,
      res ? header(res.headers, 'retry-after') : undefined
    )
    if (res) await discard(res.body)
    await cancelUpload(client, location)
    await sleep(delay, client.signal)
  }
}

async function sessionUpload(
  client: RegistryClient,
  input: Readable,
  req: UploadRequest,
  inputError: () => Error | undefined
): Promise<UploadResult> {
  const session = await startUpload(client, req)
  let location = session.location
  // The input may have failed (or been dropped) while the session opened: then it never ends.
  const early =
    inputError() ?? (input.destroyed ? new Error(`${context(client, req)}: the input was closed`) : undefined)
  if (early) {
    await cancelUpload(client, location)
    throw early
  }
  const digester = new DigestingStream(algorithmOf(req.digest), req.digest)
  input.on('error', e => digester.destroy(e))
  input.pipe(digester)
  try {
    const chunkSize = client.settings.uploadChunkSize
    location =
      chunkSize > 0
        ? await chunkedPatches(client, req, digester, location, Math.max(chunkSize, session.minChunk))
        : await streamingPatch(client, req, digester, location)
    const error = inputError()
    if (error) throw error
    const digest = digester.digest()
    const bad = mismatch(client, req, digest, digester.bytes)
    if (bad) throw bad
    await completeUpload(client, req, location, digest)
    return { digest, size: digester.bytes }
  } catch (e) {
    digester.destroy()
    await cancelUpload(client, location)
    throw inputError() ?? e
  }
}

async function streamingPatch(
  client: RegistryClient,
  req: UploadRequest,
  digester: DigestingStream,
  location: URL
): Promise<URL> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
  if (req.size >= 0) headers['content-length'] = String(req.size)
  const res = await client.send({
    method: 'PATCH',
    url: location,
    headers,
    body: digester,
    retry: false,
    context: context(client, req)
  })
  if (res.status !== 202 && res.status !== 204) {
    throw await client.responseError(res, context(client, req), describeRequest('PATCH', location))
  }
  await discard(res.body)
  // The answer may come before the input reported its end (or its failure); wait for it.
  await finished(digester)
  return nextLocation(res) ?? location
}

async function chunkedPatches(
  client: RegistryClient,
  req: UploadRequest,
  digester: DigestingStream,
  location: URL,
  chunkSize: number
): Promise<URL> {
  let start = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  const flush = async (n: number): Promise<void> => {
    const all = Buffer.concat(pending)
    const chunk = all.subarray(0, n)
    pending = n < all.length ? [all.subarray(n)] : []
    pendingBytes = all.length - n
    location = await patchChunk(client, req, location, chunk, start)
    start += chunk.length
  }
  for await (const b of digester) {
    pending.push(b as Buffer)
    pendingBytes += (b as Buffer).length
    while (pendingBytes >= chunkSize) await flush(chunkSize)
  }
  if (pendingBytes > 0) await flush(pendingBytes)
  return location
}

/** One chunk, repeated after failures from where the registry says it stands. */
async function patchChunk(
  client: RegistryClient,
  req: UploadRequest,
  location: URL,
  chunk: Buffer,
  start: number
): Promise<URL> {
  for (let attempt = 0; ; attempt++) {
    const range = `${start}-${start + chunk.length - 1}`
    let res: HttpResponse | undefined
    let failure: unknown
    try {
      res = await client.send({
        method: 'PATCH',
        url: location,
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': range,
          'content-length': String(chunk.length)
        },
        body: chunk,
        retry: false,
        context: context(client, req)
      })
    } catch (e) {
      failure = e
    }
    if (res && (res.status === 202 || res.status === 204)) {
      await discard(res.body)
      return nextLocation(res) ?? location
    }
    const retryable = res ? isRetryableStatus(res.status) : isRetryableError(failure)
    if (!retryable || attempt >= client.retry.retryTimes) {
      throw res
        ? await client.responseError(res, context(client, req), describeRequest('PATCH', location))
        : failure
    }
    const delay = client.noteRetry(
      'PATCH',
      location,
      `chunk ${range}: ${res ? `HTTP ${res.status}` : networkReason(failure)}`,
      attempt,
      res ? header(res.headers, 'retry-after') : undefined
    )
    if (res) await discard(res.body)
    await sleep(delay, client.signal)

    // Ask how much the registry holds: a broken PATCH may have stored part of the chunk.
    const status = await client.send({ method: 'GET', url: location, context: context(client, req) })
    await discard(status.body)
    if (status.status !== 204 && status.status !== 200) {
      throw new RegistryError(
        `${context(client, req)}: the upload session was lost (HTTP ${status.status})`,
        {
          status: status.status,
          request: describeRequest('GET', location)
        }
      )
    }
    location = nextLocation(status) ?? location
    const held = uploadedBytes(header(status.headers, 'range'), start)
    if (held < start || held > start + chunk.length) {
      throw new RegistryError(
        `${context(client, req)}: the registry holds ${held} bytes, expected ${start} to ${start + chunk.length}`
      )
    }
    chunk = chunk.subarray(held - start)
    start = held
    if (chunk.length === 0) return location
  }
}

/**
 * Bytes held according to an upload status `Range: 0-<last>`. Distribution reports an empty upload
 * as `0-0` too, so `0-0` counts as 0 when we had not sent anything before this chunk.
 */
function uploadedBytes(range: string | undefined, start: number): number {
  const m = range === undefined ? null : /^(?:bytes=)?0-(\d+)$/.exec(range.trim())
  if (!m) return 0
  const last = Number(m[1])
  return last === 0 && start === 0 ? 0 : last + 1
}

/** `PUT <location>&digest=`: the registry checks the bytes and makes the blob visible. */
async function completeUpload(
  client: RegistryClient,
  req: UploadRequest,
  location: URL,
  digest: string
): Promise<void> {
  const url = withDigest(location, digest)
  const res = await client.send({
    method: 'PUT',
    url,
    headers: { 'content-type': 'application/octet-stream', 'content-length': '0' },
    context: context(client, req)
  })
  if (res.status === 201) {
    await discard(res.body)
    client.blobInfoCache.recordKnownLocation(client.registry, client.repository, digest)
    return
  }
  // A retried PUT after a lost answer finds the session gone; the blob may well be there.
  if (res.status === 404 && res.attempts !== undefined && (await blobExists(client, digest))) {
    await discard(res.body)
    return
  }
  throw await client.responseError(res, context(client, req), describeRequest('PUT', url))
}
