// copyImage: read the source once, write it to every destination (DESIGN.md section 3).
import { setMaxListeners } from 'node:events'
import { formatPlatform, isSchema1MimeType, normalizeMimeType } from '../manifest/index.js'
import { cancellationError, ImageCopyError, UsageError, errorMessage } from '../errors.js'
import type { BlobInfo, ImageDestination, ImageSource, TransportContext } from '../transports/types.js'
import {
  readSmallBlob,
  transferBlob,
  type TransferEnvironment,
  type TransferTarget
} from './blob-transfer.js'
import { DestinationWriter } from './destination-writer.js'
import { chooseCopySet, type CopySet, type Schema1LayerFacts, type SourceImage } from './instances.js'
import type { CopyOptions } from './options.js'
import { TaskPool } from './pool.js'
import { addStats, emptyStats, type CopyResult, type DestinationResult } from './result.js'
import { runtimePlatform } from './runtime-platform.js'

/** Some destinations failed; `result` holds what the others got. */
export class CopyFailedError extends ImageCopyError {
  constructor(readonly result: CopyResult) {
    const failures = result.failures
    const message =
      failures.length === 1
        ? failures[0].error.message
        : `copying to ${failures.length} of ${failures.length + result.destinations.length} destinations failed: ${failures.map(f => `${f.destination}: ${f.error.message}`).join('; ')}`
    const first = failures[0]?.error
    super(
      message,
      first instanceof ImageCopyError ? first.category : 'failure',
      first instanceof ImageCopyError ? first.hint : undefined
    )
    this.name = 'CopyFailedError'
  }
}

function destinationContext(
  options: CopyOptions,
  ref: CopyOptions['destinations'][number]
): TransportContext {
  const ctx =
    typeof options.destinationContext === 'function'
      ? options.destinationContext(ref)
      : options.destinationContext
  return withSignal(ctx, options.signal)
}

/** The context with the copy's signal, so that transports' requests and waits end when it fires. */
function withSignal(ctx: TransportContext, signal: AbortSignal | undefined): TransportContext {
  return signal && !ctx.signal ? { ...ctx, signal } : ctx
}

/** Whether the source is a list: copied whole, or one instance chosen from it. */
function isFromList(set: CopySet): boolean {
  return set.list !== undefined || set.images[0].digest !== set.topDigest
}

/**
 * copyImage for the entry points: a copy where some destinations failed resolves with its result
 * (the failures in it) rather than rejecting; anything else (bad usage, the source) still rejects.
 */
export function copyImageSettled(options: CopyOptions): Promise<CopyResult> {
  return copyImage(options).catch((e: unknown) => {
    if (e instanceof CopyFailedError) return e.result
    throw e
  })
}

export async function copyImage(options: CopyOptions): Promise<CopyResult> {
  if (options.destinations.length === 0) throw new UsageError('no destination given: name at least one dest')
  if (!Number.isInteger(options.parallel) || options.parallel < 1) {
    throw new UsageError(`parallel must be a whole number of at least 1, got ${options.parallel}`)
  }
  const emit = options.onEvent ?? (() => undefined)
  const totals = emptyStats()
  const result: CopyResult = {
    source: options.source.toString(),
    sourceDigest: '',
    sourceMediaType: '',
    destinations: [],
    failures: [],
    stats: totals
  }

  options.signal?.throwIfAborted()
  // Every request in flight listens to the signal; more than 10 at once is normal, not a leak.
  if (options.signal) setMaxListeners(Infinity, options.signal)
  const source = await options.source.newSource(withSignal(options.sourceContext, options.signal))
  const opened: ImageDestination[] = []
  // Open the destinations while the source's manifests are read (each may ping a registry).
  const opening = options.destinations.map(ref =>
    ref.newDestination(destinationContext(options, ref)).then(destination => {
      opened.push(destination)
      return destination
    })
  )
  for (const o of opening) o.catch(() => undefined)
  const writers: DestinationWriter[] = []
  const indexOf = new Map<DestinationWriter, number>()
  try {
    const wanted =
      (options.selection.kind === 'system' ? options.selection.platform : undefined) ??
      options.runtimePlatform ??
      runtimePlatform()
    options.signal?.throwIfAborted()
    const set = await chooseCopySet(source, options.selection, wanted)
    result.sourceDigest = set.topDigest
    result.sourceMediaType = set.top.mimeType
    emit({
      type: 'source-opened',
      source: options.source.toString(),
      mimeType: set.top.mimeType,
      digest: set.topDigest,
      isList: isFromList(set)
    })
    if (set.images[0].digest !== set.topDigest && !set.list) {
      emit({
        type: 'instance-chosen',
        digest: set.images[0].digest,
        platform: set.images[0].platform ? formatPlatform(set.images[0].platform) : undefined,
        images: set.listImages ?? 1,
        by: options.selection.kind === 'system' && options.selection.platform ? 'platform' : 'runtime'
      })
    }
    const signatures = await readSignatures(source, set, options.removeSignatures)

    await Promise.all(
      options.destinations.map(async (ref, i) => {
        try {
          const destination = await opening[i]
          const writer = new DestinationWriter(ref.toString(), destination, options, set, signatures)
          writer.prepare()
          writers.push(writer)
          indexOf.set(writer, i)
        } catch (e) {
          result.failures.push({ destination: ref.toString(), index: i, error: e as Error })
          emit({ type: 'destination-failed', destination: ref.toString(), error: errorMessage(e) })
        }
      })
    )
    // Keep the order the user gave.
    writers.sort((a, b) => indexOf.get(a)! - indexOf.get(b)!)

    const env: TransferEnvironment = {
      source,
      sourceRef: options.source,
      cache: options.blobCache,
      emit,
      signal: options.signal,
      onRead: (from, bytes) => {
        if (from === 'cache') {
          totals.cachedBlobs++
          totals.cachedBytes += bytes
        } else {
          totals.pulledBlobs++
          totals.pulledBytes += bytes
        }
      }
    }
    const fail = (writer: DestinationWriter, error: Error): void => {
      if (writer.failure) return
      writer.failure = error
      emit({ type: 'destination-failed', destination: writer.name, error: error.message })
    }
    const active = (): DestinationWriter[] => writers.filter(w => !w.failure)

    const configs = new Map<string, Promise<Buffer | undefined>>()
    const configOf = (image: SourceImage): Promise<Buffer | undefined> => {
      let p = configs.get(image.digest)
      if (!p) {
        const info = image.manifest.configDescriptor()
        p = info
          ? readSmallBlob(env, { digest: info.digest, size: info.size, mediaType: info.mediaType })
          : Promise.resolve(undefined)
        configs.set(image.digest, p)
      }
      return p
    }
    for (const writer of writers)
      for (const image of set.images) writer.startConfig(image, env, () => configOf(image))

    const schema1Layers = await copyLayers(env, set, writers, options, fail)

    await Promise.all(
      active().map(async writer => {
        try {
          // Instances in parallel (each is a config and a manifest round trip); the list after them.
          const written = await Promise.all(
            set.images.map(image =>
              writer.writeImage(
                image,
                env,
                () => configOf(image),
                async () => schema1Layers.get(image.digest)
              )
            )
          )
          const top = set.list ? await writer.writeList() : written[0]
          await writer.writeSignatures()
          options.signal?.throwIfAborted()
          await writer.destination.commit({ bytes: top.bytes, mimeType: top.mimeType })
          const destResult: DestinationResult = {
            destination: writer.name,
            index: indexOf.get(writer)!,
            digest: top.digest,
            mediaType: top.mimeType,
            manifest: top.bytes,
            instances: writer.instanceResults(),
            stats: writer.stats
          }
          result.destinations.push(destResult)
        } catch (e) {
          fail(writer, e as Error)
        }
      })
    )
    for (const writer of writers) {
      if (writer.failure)
        result.failures.push({ destination: writer.name, index: indexOf.get(writer)!, error: writer.failure })
      else
        addStats(totals, { ...writer.stats, pulledBlobs: 0, pulledBytes: 0, cachedBlobs: 0, cachedBytes: 0 })
    }
    result.destinations.sort((a, b) => a.index - b.index)
    result.failures.sort((a, b) => a.index - b.index)
  } finally {
    // close() rolls back whatever an uncommitted destination wrote, once nothing is being written.
    await Promise.allSettled(writers.map(w => w.earlyWritesSettled()))
    await Promise.allSettled(opening)
    await Promise.allSettled(opened.map(d => d.close()))
    await source.close()
  }
  // Cancelled: what failed, failed because of it (what committed before it stays committed).
  if (options.signal?.aborted && result.failures.length > 0) throw cancellationError(options.signal)
  if (result.failures.length > 0) throw new CopyFailedError(result)
  return result
}

async function readSignatures(
  source: ImageSource,
  set: CopySet,
  remove: boolean
): Promise<Map<string, Buffer[]>> {
  const signatures = new Map<string, Buffer[]>()
  if (remove) return signatures
  const fromList = isFromList(set)
  const perImage = await Promise.all(
    set.images.map(image => (fromList ? source.getSignatures(image.digest) : source.getSignatures()))
  )
  set.images.forEach((image, i) => signatures.set(image.digest, perImage[i]))
  if (set.list) signatures.set('', await source.getSignatures())
  return signatures
}

/** Copies every layer of every image to every destination that lacks it: one read per blob, largest first, under one pool (in layer order, one at a time, when a destination needs that). */
async function copyLayers(
  env: TransferEnvironment,
  set: CopySet,
  writers: DestinationWriter[],
  options: CopyOptions,
  fail: (writer: DestinationWriter, error: Error) => void
): Promise<Map<string, Schema1LayerFacts>> {
  interface LayerJob {
    info: BlobInfo
    owner: string
    needDiffId: boolean
  }
  const jobs = new Map<string, LayerJob>()
  const needsDiffIds = (image: SourceImage): boolean =>
    isSchema1MimeType(normalizeMimeType(image.raw.mimeType)) &&
    writers.some(w => {
      const plan = w.plans.get(image.digest)
      return plan !== undefined && [plan.preferred, ...plan.others].some(t => !isSchema1MimeType(t))
    })
  for (const image of set.images) {
    const wantDiffIds = needsDiffIds(image)
    for (const layer of image.manifest.layerInfos()) {
      const job = jobs.get(layer.digest)
      if (job) {
        job.needDiffId ||= wantDiffIds
        continue
      }
      jobs.set(layer.digest, {
        info: {
          digest: layer.digest,
          size: layer.size,
          mediaType: layer.mediaType,
          urls: layer.urls,
          annotations: layer.annotations
        },
        owner: image.digest,
        needDiffId: wantDiffIds
      })
    }
  }
  // A destination that cannot take blobs in parallel (an archive, whose entries go in arrival order)
  // gets them one at a time in the manifests' layer order, as containers/image gives them; otherwise
  // its bytes would depend on which download finished first.
  const oneAtATime = writers.some(w => !w.destination.properties.hasThreadSafePutBlob)
  const pool = new TaskPool(oneAtATime ? 1 : options.parallel)
  const diffIdByDigest = new Map<string, string>()
  const sizeByDigest = new Map<string, number>()
  const ordered = oneAtATime
    ? [...jobs.values()]
    : [...jobs.values()].sort((a, b) => b.info.size - a.info.size)
  await Promise.all(
    ordered.map(job =>
      pool.run(async () => {
        options.signal?.throwIfAborted()
        const targets: TransferTarget[] = []
        const writerOf = new Map<TransferTarget, DestinationWriter>()
        for (const writer of writers) {
          if (writer.failure) continue
          if (
            job.info.urls &&
            job.info.urls.length > 0 &&
            writer.destination.properties.acceptsForeignLayerURLs
          )
            continue
          const target = { name: writer.name, destination: writer.destination }
          targets.push(target)
          writerOf.set(target, writer)
        }
        if (targets.length === 0 && !job.needDiffId) return
        try {
          const transferred = await transferBlob(env, job.info, targets, { needDiffId: job.needDiffId })
          for (const [target, outcome] of transferred.outcomes) {
            const writer = writerOf.get(target)!
            if (outcome instanceof Error) fail(writer, outcome)
            else {
              writer.record(job.owner, outcome.how, job.info.size)
              if (outcome.stored.digest !== job.info.digest)
                writer.substitute(job.info.digest, outcome.stored)
            }
          }
          if (transferred.diffId) diffIdByDigest.set(job.info.digest, transferred.diffId)
          if (transferred.bytesRead !== undefined) sizeByDigest.set(job.info.digest, transferred.bytesRead)
        } catch (e) {
          for (const writer of writerOf.values()) fail(writer, e as Error)
          if (job.needDiffId) throw e
        }
      })
    )
  )
  const facts = new Map<string, Schema1LayerFacts>()
  for (const image of set.images) {
    if (!needsDiffIds(image)) continue
    const layers = image.manifest.layerInfos()
    facts.set(image.digest, {
      diffIDs: layers.map(l => diffIdByDigest.get(l.digest)!),
      layerInfos: layers.map(l => ({ digest: l.digest, size: sizeByDigest.get(l.digest) ?? l.size }))
    })
  }
  return facts
}
