// One blob from the source (or the blob cache) to every destination that lacks it, read once.
// The stages, in order (containers/image copy/blob.go):
//   try-reuse   each destination is asked whether it has the blob (or another compression of it)
//   read        from the blob cache, else the source; a cache entry that fails to verify is dropped
//   detect      the first bytes say how the blob is compressed (layers only)
//   verify      digest and size are checked while the bytes stream; a mismatch fails every branch
//   tee         one branch per conversion, plus the cache and the DiffID when wanted
//   convert     compress, recompress or decompress as each destination's policy asks
//   put         each destination stores its branch
import { finished } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { decompressor, sniffCompression, type Compression } from '../compression/streams.js'
import { cancellationError } from '../errors.js'
import type {
  BlobInfo,
  ImageDestination,
  ImageReference,
  ImageSource,
  LayerCompressionPolicy
} from '../transports/types.js'
import type { BlobCache } from './blob-cache.js'
import type { BlobOutcome, CopyEvent } from './events.js'
import {
  chooseConversion,
  compressionAfter,
  conversionKey,
  conversionStreams,
  describeConversion,
  DigestTap,
  type CompressionRequest,
  type LayerConversion
} from './layer-conversion.js'
import { link, Tee } from './tee.js'
import { BlobVerificationError, VerifyingStream } from './verify.js'

/** What the engine learns about compressed and uncompressed digests (the blob-info cache). */
export interface ConversionMemory {
  recordDigestPair(compressed: string, algorithm: 'gzip' | 'zstd', uncompressed: string): void
  recordUncompressed(digest: string): void
}

export interface PipelineEnvironment {
  source: ImageSource
  sourceRef: ImageReference
  cache?: BlobCache
  conversions?: ConversionMemory
  compression: CompressionRequest
  emit: (event: CopyEvent) => void
  /** Called once per read with where the bytes came from. */
  onRead: (from: 'source' | 'cache', bytes: number) => void
  /** Stops blobs in flight when aborted. */
  signal?: AbortSignal
}

export interface BlobTarget {
  name: string
  destination: ImageDestination
  /** For layers: the destination's policy, and whether this layer may change (its manifest can). */
  layer?: { policy: LayerCompressionPolicy; canModify: boolean }
}

/** How a blob reached one destination and what it stored there (another digest when converted). */
export interface Delivery {
  how: BlobOutcome
  stored: BlobInfo
  /** How the stored bytes are compressed, when the engine changed it or reused another variant. */
  compression?: Compression
}

export interface BlobResult {
  outcomes: Map<BlobTarget, Delivery | Error>
  diffId?: string
  /** Bytes read, when the blob was read (schema1 manifests do not give layer sizes). */
  bytesRead?: number
}

export function describeSource(env: PipelineEnvironment, info: BlobInfo): string {
  return `blob ${info.digest} from ${env.sourceRef.toString()}`
}

export async function copyBlob(
  env: PipelineEnvironment,
  info: BlobInfo,
  targets: BlobTarget[],
  options: { needDiffId: boolean; isConfig?: boolean }
): Promise<BlobResult> {
  const outcomes = await tryReuse(env, info, targets)
  const needing = targets.filter(t => !outcomes.has(t))
  if (needing.length === 0 && !options.needDiffId) return { outcomes }
  const attempts: Array<'cache' | 'source'> = env.cache ? ['cache', 'source'] : ['source']
  for (const from of attempts) {
    const input = await read(env, info, from, needing, outcomes)
    if (!input) continue
    const attempt = await streamToTargets(env, info, input, from, needing, options)
    if (attempt.readError && from === 'cache') {
      // A corrupt cache entry: forget it and read the blob from the source instead.
      await env.cache!.discard(info.digest)
      continue
    }
    if (attempt.readError) {
      for (const t of needing) outcomes.set(t, attempt.readError)
      throw attempt.readError
    }
    for (const [t, o] of attempt.outcomes) outcomes.set(t, o)
    return { outcomes, diffId: attempt.diffId, bytesRead: attempt.bytesRead }
  }
  throw new Error(`internal error: no attempt read ${describeSource(env, info)}`)
}

/** Stage try-reuse: destinations that have the blob, or may take another compression of it they have. */
export async function tryReuse(
  env: PipelineEnvironment,
  info: BlobInfo,
  targets: BlobTarget[]
): Promise<Map<BlobTarget, Delivery | Error>> {
  const outcomes = new Map<BlobTarget, Delivery | Error>()
  await Promise.all(
    targets.map(async target => {
      try {
        const reuse = await target.destination.tryReusingBlob(info, {
          source: env.sourceRef,
          canSubstitute: target.layer?.canModify ?? false,
          requiredCompression: requiredCompression(target, env.compression)
        })
        if (!reuse.reused) return
        outcomes.set(target, { how: reuse.how, stored: reuse.info, compression: reuse.info.compression })
        env.emit({
          type: 'blob-done',
          digest: info.digest,
          size: info.size,
          destination: target.name,
          how: reuse.how
        })
      } catch (e) {
        outcomes.set(target, e as Error)
      }
    })
  )
  return outcomes
}

/** Which compression a substitute must have to do what the destination's policy would have done. */
function requiredCompression(
  target: BlobTarget,
  request: CompressionRequest
): 'gzip' | 'zstd' | 'none' | undefined {
  if (target.layer?.policy === 'compress') return request.algorithm
  if (target.layer?.policy === 'decompress') return 'none'
  return undefined
}

/** Stage read: the cache's copy (undefined when it has none) or the source's. */
async function read(
  env: PipelineEnvironment,
  info: BlobInfo,
  from: 'cache' | 'source',
  needing: BlobTarget[],
  outcomes: Map<BlobTarget, Delivery | Error>
): Promise<Readable | undefined> {
  if (from === 'cache') return env.cache!.get(info.digest)
  try {
    return (await env.source.getBlob(info)).stream
  } catch (e) {
    const error = new Error(`reading ${describeSource(env, info)}: ${(e as Error).message}`, { cause: e })
    for (const t of needing) outcomes.set(t, error)
    throw error
  }
}

interface AttemptResult {
  outcomes: Map<BlobTarget, Delivery | Error>
  /** The bytes could not be read or did not verify. */
  readError?: Error
  diffId?: string
  bytesRead: number
}

interface Group {
  conversion: LayerConversion
  targets: BlobTarget[]
}

/** Stages detect, verify, tee, convert and put, for one read of the blob. */
async function streamToTargets(
  env: PipelineEnvironment,
  info: BlobInfo,
  raw: Readable,
  from: 'cache' | 'source',
  targets: BlobTarget[],
  options: { needDiffId: boolean; isConfig?: boolean }
): Promise<AttemptResult> {
  env.emit({
    type: 'blob-start',
    digest: info.digest,
    size: info.size,
    from,
    destinations: targets.map(t => t.name)
  })
  const outcomes = new Map<BlobTarget, Delivery | Error>()
  // Unless the bytes are looked at, their compression is unknown and taken as "keep as is".
  const sniffs = mayConvert(targets) || options.needDiffId
  let detected: Compression = 'none'
  let input = raw
  if (sniffs) {
    try {
      ;({ compression: detected, stream: input } = await sniffCompression(raw))
    } catch (e) {
      return { outcomes, readError: readFailure(env, info, e as Error), bytesRead: 0 }
    }
  }
  const groups = groupByConversion(targets, env.compression, detected)
  const fillsCache = from === 'source' && env.cache !== undefined
  const hashesDiffId = options.needDiffId && detected !== 'none'
  const verifier = progressVerifier(env, info)
  let readError: Error | undefined
  const consumers = groups.length + (fillsCache ? 1 : 0) + (hashesDiffId ? 1 : 0)
  const root = new Tee(verifier, consumers, e => (readError ??= readFailure(env, info, e)))
  input.on('error', e => verifier.destroy(e))
  const work: Array<Promise<unknown>> = groups.map(g =>
    deliverGroup(env, info, root, g, detected, outcomes, options.isConfig ?? false)
  )
  if (fillsCache) work.push(fillCache(env.cache!, info.digest, root))
  const diffIdOf = hashesDiffId ? hashUncompressed(root, detected, `layer ${info.digest}`) : undefined
  if (diffIdOf) work.push(diffIdOf.catch(() => undefined))

  const cancel = (): void => void verifier.destroy(cancellationError(env.signal!))
  env.signal?.addEventListener('abort', cancel, { once: true })
  if (env.signal?.aborted) cancel()
  input.pipe(verifier)
  await Promise.allSettled(work)
  env.signal?.removeEventListener('abort', cancel)
  // Every consumer is done. If the verifier has not ended, they all stopped early (failed): nothing
  // reads it any more, so stop reading instead of waiting for a stream that never drains.
  if (!verifier.readableEnded) verifier.destroy()
  if (!input.destroyed && !input.readableEnded) input.destroy()
  await finished(verifier).catch(() => undefined)
  // A cache entry that did not verify is not counted: the blob is read again from the source.
  if (!(readError && from === 'cache')) env.onRead(from, verifier.bytesSeen)
  if (readError) return { outcomes, readError, bytesRead: verifier.bytesSeen }
  if (!sniffs) return { outcomes, bytesRead: verifier.bytesSeen }
  const diffId = detected === 'none' ? info.digest : await diffIdOf
  rememberDiffId(env, info.digest, detected, diffId)
  return { outcomes, diffId: options.needDiffId ? diffId : undefined, bytesRead: verifier.bytesSeen }
}

function mayConvert(targets: BlobTarget[]): boolean {
  return targets.some(t => t.layer && t.layer.canModify && t.layer.policy !== 'preserve')
}

function groupByConversion(
  targets: BlobTarget[],
  request: CompressionRequest,
  detected: Compression
): Group[] {
  const groups = new Map<string, Group>()
  for (const target of targets) {
    const conversion: LayerConversion = target.layer
      ? chooseConversion(target.layer.policy, target.layer.canModify, request, detected)
      : { kind: 'preserve' }
    const key = conversionKey(conversion)
    const group: Group = groups.get(key) ?? { conversion, targets: [] }
    group.targets.push(target)
    groups.set(key, group)
  }
  return [...groups.values()]
}

function readFailure(env: PipelineEnvironment, info: BlobInfo, e: Error): Error {
  return e instanceof BlobVerificationError
    ? e
    : new Error(`reading ${describeSource(env, info)}: ${e.message}`, { cause: e })
}

function progressVerifier(env: PipelineEnvironment, info: BlobInfo): VerifyingStream {
  let lastReport = 0
  return new VerifyingStream(info.digest, info.size, bytes => {
    const now = Date.now()
    if (now - lastReport >= 1000 || bytes === info.size) {
      lastReport = now
      env.emit({ type: 'blob-progress', digest: info.digest, bytes, size: info.size })
    }
  })
}

/** Stages convert and put for the destinations that want the same conversion. */
async function deliverGroup(
  env: PipelineEnvironment,
  info: BlobInfo,
  root: Tee,
  group: Group,
  detected: Compression,
  outcomes: Map<BlobTarget, Delivery | Error>,
  isConfig: boolean
): Promise<void> {
  const branch = root.branch()
  const { conversion } = group
  let converted: ReturnType<typeof conversionStreams> | undefined
  try {
    converted =
      conversion.kind === 'preserve' ? undefined : conversionStreams(conversion, `layer ${info.digest}`)
  } catch (e) {
    // This node cannot carry out the conversion (zstd before 22.15, bzip2, xz): those destinations fail.
    for (const target of group.targets) outcomes.set(target, e as Error)
    root.drop(branch)
    return
  }
  let out = branch
  for (const s of converted?.streams ?? []) out = link(out, s)
  const fanout = new Tee(out, group.targets.length)
  // A converted blob's digest is learned as it is stored.
  const putInfo: BlobInfo = converted ? { ...info, digest: '', size: -1 } : info
  const compression = converted ? compressionAfter(conversion, detected) : undefined
  let alive = group.targets.length
  await Promise.all(
    group.targets.map(async target => {
      const stream = fanout.branch()
      try {
        const stored = await target.destination.putBlob(stream, putInfo, { isConfig })
        outcomes.set(target, { how: 'pushed', stored, compression })
        rememberConversion(env, info.digest, conversion, stored.digest, converted?.uncompressed?.digest)
        env.emit({
          type: 'blob-done',
          digest: info.digest,
          size: info.size,
          destination: target.name,
          how: 'pushed',
          ...(converted ? { conversion: describeConversion(conversion), stored: stored.digest } : {})
        })
      } catch (e) {
        outcomes.set(target, e as Error)
        // Unpipe before destroying: a destroyed branch never drains, and a pipe still waiting on it
        // would hold back every other consumer of the same read.
        fanout.drop(stream)
        if (--alive === 0) {
          root.drop(branch)
          for (const s of converted?.streams ?? []) s.destroy()
        }
      }
    })
  )
}

function rememberConversion(
  env: PipelineEnvironment,
  sourceDigest: string,
  conversion: LayerConversion,
  storedDigest: string,
  uncompressed: string | undefined
): void {
  const memory = env.conversions
  if (!memory) return
  if (conversion.kind === 'compress') {
    memory.recordUncompressed(sourceDigest)
    memory.recordDigestPair(storedDigest, conversion.algorithm, sourceDigest)
  } else if (conversion.kind === 'decompress') {
    memory.recordUncompressed(storedDigest)
    if (conversion.from === 'gzip' || conversion.from === 'zstd')
      memory.recordDigestPair(sourceDigest, conversion.from, storedDigest)
  } else if (conversion.kind === 'recompress' && uncompressed) {
    memory.recordUncompressed(uncompressed)
    memory.recordDigestPair(storedDigest, conversion.algorithm, uncompressed)
    if (conversion.from === 'gzip' || conversion.from === 'zstd')
      memory.recordDigestPair(sourceDigest, conversion.from, uncompressed)
  }
}

function rememberDiffId(
  env: PipelineEnvironment,
  digest: string,
  detected: Compression,
  diffId?: string
): void {
  if (!env.conversions || !diffId) return
  if (detected === 'none') env.conversions.recordUncompressed(digest)
  else if (detected === 'gzip' || detected === 'zstd')
    env.conversions.recordDigestPair(digest, detected, diffId)
}

/** Stage tee, cache branch: the cache keeps what verified; a failure to fill it never fails a copy. */
async function fillCache(cache: BlobCache, digest: string, root: Tee): Promise<void> {
  const branch = root.branch()
  let writer
  try {
    writer = await cache.begin(digest)
  } catch {
    root.drop(branch)
    return
  }
  branch.pipe(writer.stream)
  await finished(branch).then(
    () => writer.commit(),
    () => writer.abort()
  )
}

/**
 * Stage tee, DiffID branch: the sha256 of the uncompressed bytes (for schema1 conversions). The
 * compression is the one the detect stage read. A branch that fails stops being fed, so the other
 * consumers of the read go on.
 */
function hashUncompressed(root: Tee, detected: Compression, what: string): Promise<string> {
  const branch = root.branch()
  const tap = new DigestTap()
  try {
    link(link(branch, decompressor(detected as Exclude<Compression, 'none'>, what)), tap).resume()
  } catch (e) {
    root.drop(branch)
    return Promise.reject(e as Error)
  }
  return finished(tap).then(
    () => tap.digest!,
    (e: Error) => {
      root.drop(branch)
      throw e
    }
  )
}
