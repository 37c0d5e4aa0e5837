// Moves one blob from the source (or the blob cache) to every destination that lacks it, reading
// it once: the verified stream is teed to each destination, to the cache, and to a DiffID sink.
import { defaultMaxListeners, setMaxListeners } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { BlobInfo, ImageDestination, ImageSource, ImageReference } from '../transports/types.js'
import type { BlobCache, CacheWriter } from './blob-cache.js'
import { DiffIdSink } from './diff-id.js'
import type { BlobOutcome, CopyEvent } from './events.js'
import { BlobVerificationError, VerifyingStream } from './verify.js'
import { cancellationError, ImageCopyError } from '../errors.js'
import { formatLimit, MAX_CONFIG_BYTES, readAtMost, ReadLimitError } from '../limits.js'

export interface TransferTarget {
  name: string
  destination: ImageDestination
}

export interface TransferEnvironment {
  source: ImageSource
  sourceRef: ImageReference
  cache?: BlobCache
  emit: (event: CopyEvent) => void
  /** Called once per read with where the bytes came from. */
  onRead: (from: 'source' | 'cache', bytes: number) => void
  /** Stops blobs in flight when aborted. */
  signal?: AbortSignal
}

/** How a blob reached one destination, and what the destination stored (a different digest when it decompressed the layer). */
export interface Delivery {
  how: BlobOutcome
  stored: BlobInfo
}

export interface TransferResult {
  outcomes: Map<TransferTarget, Delivery | Error>
  diffId?: string
  /** Bytes read, when the blob was read (schema1 manifests do not give layer sizes). */
  bytesRead?: number
}

function describeSource(env: TransferEnvironment, info: BlobInfo): string {
  return `blob ${info.digest} from ${env.sourceRef.toString()}`
}

export async function transferBlob(
  env: TransferEnvironment,
  info: BlobInfo,
  targets: TransferTarget[],
  options: { needDiffId: boolean; isConfig?: boolean }
): Promise<TransferResult> {
  const outcomes = new Map<TransferTarget, Delivery | Error>()
  await Promise.all(
    targets.map(async target => {
      try {
        const reuse = await target.destination.tryReusingBlob(info, { source: env.sourceRef })
        if (reuse.reused) {
          outcomes.set(target, { how: reuse.how, stored: reuse.info })
          env.emit({
            type: 'blob-done',
            digest: info.digest,
            size: info.size,
            destination: target.name,
            how: reuse.how
          })
        }
      } catch (e) {
        outcomes.set(target, e as Error)
      }
    })
  )
  const needing = targets.filter(t => !outcomes.has(t))
  if (needing.length === 0 && !options.needDiffId) return { outcomes }

  const attempts: Array<'cache' | 'source'> = env.cache ? ['cache', 'source'] : ['source']
  for (const from of attempts) {
    let input: Readable | undefined
    if (from === 'cache') {
      input = await env.cache!.get(info.digest)
      if (!input) continue
    } else {
      try {
        input = (await env.source.getBlob(info)).stream
      } catch (e) {
        const error = new Error(`reading ${describeSource(env, info)}: ${(e as Error).message}`, { cause: e })
        for (const t of needing) outcomes.set(t, error)
        throw error
      }
    }
    const attempt = await streamToTargets(env, info, input, from, needing, options)
    if (attempt.verificationError && from === 'cache') {
      // A corrupt cache entry: forget it and read the blob from the source instead.
      await env.cache!.discard(info.digest)
      continue
    }
    if (attempt.verificationError) {
      for (const t of needing) outcomes.set(t, attempt.verificationError)
      throw attempt.verificationError
    }
    for (const [t, o] of attempt.outcomes) outcomes.set(t, o)
    return { outcomes, diffId: attempt.diffId, bytesRead: attempt.bytesRead }
  }
  throw new Error(`internal error: no attempt read ${describeSource(env, info)}`)
}

interface AttemptResult {
  outcomes: Map<TransferTarget, Delivery | Error>
  verificationError?: Error
  diffId?: string
  bytesRead: number
}

async function streamToTargets(
  env: TransferEnvironment,
  info: BlobInfo,
  input: Readable,
  from: 'cache' | 'source',
  targets: TransferTarget[],
  options: { needDiffId: boolean; isConfig?: boolean }
): Promise<AttemptResult> {
  env.emit({
    type: 'blob-start',
    digest: info.digest,
    size: info.size,
    from,
    destinations: targets.map(t => t.name)
  })
  let lastReport = 0
  const verifier = new VerifyingStream(info.digest, info.size, bytes => {
    const now = Date.now()
    if (now - lastReport >= 1000 || bytes === info.size) {
      lastReport = now
      env.emit({ type: 'blob-progress', digest: info.digest, bytes, size: info.size })
    }
  })
  // The verified stream is piped to one branch per destination (plus cache and DiffID): each pipe
  // listens on it, so its listener count grows with the destinations by design, not by a leak.
  setMaxListeners(defaultMaxListeners + targets.length + 2, verifier)
  let verificationError: Error | undefined
  const branches: PassThrough[] = []
  const destroyAll = (e: Error): void => {
    for (const b of branches) b.destroy(e)
  }
  input.on('error', e => verifier.destroy(e))
  verifier.on('error', e => {
    verificationError =
      e instanceof BlobVerificationError
        ? e
        : new Error(`reading ${describeSource(env, info)}: ${e.message}`, { cause: e })
    destroyAll(verificationError)
  })

  const outcomes = new Map<TransferTarget, Delivery | Error>()
  const work: Array<Promise<unknown>> = []
  // one destination and nothing else to feed: no PassThrough between verifier and destination.
  const direct = targets.length === 1 && !(from === 'source' && env.cache) && !options.needDiffId
  for (const target of targets) {
    const branch: Readable = direct ? verifier : new PassThrough({ highWaterMark: 1 << 20 })
    if (!direct) {
      branches.push(branch as PassThrough)
      verifier.pipe(branch as PassThrough)
    }
    work.push(
      target.destination.putBlob(branch, info, { isConfig: options.isConfig ?? false }).then(
        stored => {
          outcomes.set(target, { how: 'pushed', stored })
          env.emit({
            type: 'blob-done',
            digest: info.digest,
            size: info.size,
            destination: target.name,
            how: 'pushed'
          })
        },
        (e: Error) => {
          outcomes.set(target, e)
          // Unpipe before destroying: a destroyed branch never emits 'drain', so a pipe still
          // waiting on it would leave the verifier paused and the other destinations stalled.
          if (branch !== verifier) verifier.unpipe(branch as PassThrough)
          branch.destroy()
        }
      )
    )
  }

  if (from === 'source' && env.cache) {
    try {
      const cacheWriter: CacheWriter = await env.cache.begin(info.digest)
      const branch = new PassThrough({ highWaterMark: 1 << 20 })
      branches.push(branch)
      verifier.pipe(branch)
      branch.pipe(cacheWriter.stream as NodeJS.WritableStream)
      const writer = cacheWriter
      work.push(
        finished(branch).then(
          () => writer.commit(),
          () => writer.abort()
        )
      )
    } catch {
      // the cache is an optimisation; a failure to fill it never fails a copy
    }
  }

  let diffIdSink: DiffIdSink | undefined
  if (options.needDiffId) {
    diffIdSink = new DiffIdSink()
    const branch = new PassThrough({ highWaterMark: 1 << 20 })
    branches.push(branch)
    verifier.pipe(branch)
    branch.pipe(diffIdSink)
    work.push(diffIdSink.result.catch(() => undefined))
  }

  const signal = env.signal
  const cancel = (): void => void verifier.destroy(cancellationError(signal!))
  signal?.addEventListener('abort', cancel, { once: true })
  if (signal?.aborted) cancel()
  input.pipe(verifier)
  await Promise.allSettled(work)
  signal?.removeEventListener('abort', cancel)
  // Every consumer is done. If the verifier has not ended, they all stopped early (failed): nothing
  // reads it any more, so stop reading the source instead of waiting for a stream that never drains.
  if (!verifier.readableEnded) verifier.destroy()
  if (!input.destroyed && !input.readableEnded) input.destroy()
  await finished(verifier).catch(() => undefined)
  // A cache entry that did not verify is not counted: the blob is read again from the source.
  if (!(verificationError && from === 'cache')) env.onRead(from, verifier.bytesSeen)

  if (verificationError) return { outcomes, verificationError, bytesRead: verifier.bytesSeen }
  const diffId = diffIdSink ? await diffIdSink.result : undefined
  return { outcomes, diffId, bytesRead: verifier.bytesSeen }
}

/** Reads an image config whole (verified, at most MAX_CONFIG_BYTES: a larger one is refused unread). */
export async function readSmallBlob(env: TransferEnvironment, info: BlobInfo): Promise<Buffer> {
  if (info.size > MAX_CONFIG_BYTES) {
    throw new ImageCopyError(
      `the config ${describeSource(env, info)} is ${info.size} bytes, larger than the limit of ${formatLimit(MAX_CONFIG_BYTES)} for image configs`
    )
  }
  const attempts: Array<'cache' | 'source'> = env.cache ? ['cache', 'source'] : ['source']
  for (const from of attempts) {
    const input =
      from === 'cache' ? await env.cache!.get(info.digest) : (await env.source.getBlob(info)).stream
    if (!input) continue
    const verifier = new VerifyingStream(info.digest, info.size)
    let bytes: Buffer
    try {
      input.on('error', e => verifier.destroy(e))
      bytes = await readAtMost(
        input.pipe(verifier),
        MAX_CONFIG_BYTES,
        `the config ${describeSource(env, info)}`
      )
    } catch (e) {
      if (from === 'cache') {
        await env.cache!.discard(info.digest)
        continue
      }
      if (e instanceof BlobVerificationError || e instanceof ReadLimitError) throw e
      throw new Error(`reading ${describeSource(env, info)}: ${(e as Error).message}`, { cause: e })
    }
    env.onRead(from, bytes.length)
    if (from === 'source' && env.cache) await fillCache(env.cache, info.digest, bytes)
    return bytes
  }
  throw new Error(`internal error: could not read ${describeSource(env, info)}`)
}

async function fillCache(cache: BlobCache, digest: string, bytes: Buffer): Promise<void> {
  try {
    const writer = await cache.begin(digest)
    await new Promise<void>((resolve, reject) => {
      writer.stream.once('error', reject)
      writer.stream.end(bytes, () => resolve())
    })
    await writer.commit()
  } catch {
    // the cache is an optimisation; failing to fill it never fails a copy
  }
}

/** Writes bytes held in memory (a config, possibly one a conversion produced) to a destination; reads them only when it lacks them. */
export async function putBufferBlob(
  destination: ImageDestination,
  sourceRef: ImageReference,
  info: BlobInfo,
  bytes: () => Promise<Buffer>,
  isConfig: boolean
): Promise<BlobOutcome> {
  const reuse = await destination.tryReusingBlob(info, { source: sourceRef })
  if (reuse.reused) return reuse.how
  const verifier = new VerifyingStream(info.digest, info.size)
  Readable.from([await bytes()]).pipe(verifier)
  await destination.putBlob(verifier, info, { isConfig })
  return 'pushed'
}
