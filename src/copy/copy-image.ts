// copyImage: read the source once, write it to every destination (DESIGN.md section 3). It reads as
// its phases: open the ends → resolve the source → plan per destination → move the layers → write
// configs, manifests and signatures, and commit, per destination → close everything.
import { setMaxListeners } from 'node:events'
import { formatPlatform, manifestDigest, type Platform } from '../manifest/index.js'
import { cancellationError, ImageCopyError, UsageError, errorMessage } from '../errors.js'
import type { ImageDestination, ImageSource, TransportContext } from '../transports/types.js'
import { processBlobInfoCache } from '../cache/blob-info-cache.js'
import { assertCanCompress } from '../compression/streams.js'
import type { PipelineEnvironment } from './blob-pipeline.js'
import { planDestination } from './destination-checks.js'
import { DestinationWriter, type ImageInputs } from './destination-writer.js'
import { chooseCopySet, type CopySet, type Schema1LayerFacts, type SourceImage } from './instances.js'
import { moveLayers } from './move-layers.js'
import type { CopyOptions } from './options.js'
import { buildCopyPlan, type CopyPlan } from './plan.js'
import { findArtifacts, writeArtifacts, type SourceArtifacts } from './referrers.js'
import { addStats, emptyStats, type BlobStats, type CopyResult, type DestinationResult } from './result.js'
import type { Ends, Run } from './run.js'
import { askExisting, readTop, skipForeseen, skipUnread } from './skip-unchanged.js'
import { runtimePlatform } from './runtime-platform.js'
import { readSmallBlob } from './small-blobs.js'

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
  checkOptions(options)
  const run = startRun(options)
  const ends = await openEnds(options)
  try {
    if (await skipUnread(run, ends, options.source.digest)) return allUnchanged(run, ends)
    ends.source ??= await openSource(options)
    const top = await readTop(run, ends.source)
    if (top && (await skipUnread(run, ends, manifestDigest(top.bytes), top))) return allUnchanged(run, ends)
    const { set, signatures } = await resolveSource(run, ends.source)
    await planDestinations(run, ends, set, signatures)
    let plan = planFor(run, set)
    if (await skipForeseen(run, ends, set, signatures, plan)) plan = planFor(run, set)
    const artifacts = await findReferrers(run, ends.source, set)
    run.emit({ type: 'plan', plan })
    const env = pipelineEnvironment(run, ends.source)
    const inputs = imageInputs(env)
    for (const writer of run.writers)
      for (const image of set.images) writer.startConfig(image, env, inputs(image).config)
    const facts = await moveLayers(
      {
        plan,
        env,
        writers: run.writers,
        parallel: options.parallel,
        signal: options.signal,
        fail: failer(run)
      },
      set
    )
    await Promise.all(
      active(run).map(writer =>
        writeAndCommit(run, writer, set, env, image => inputs(image, facts), artifacts)
      )
    )
    collectResults(run)
  } finally {
    await closeEnds(run, ends)
  }
  return finish(run)
}

/** Every destination was unchanged, or failed to open (recorded now). */
async function allUnchanged(run: Run, ends: Ends): Promise<CopyResult> {
  await planDestinations(run, ends)
  collectResults(run)
  return finish(run)
}

function finish(run: Run): CopyResult {
  const { options } = run
  // Cancelled: what failed, failed because of it (what committed before it stays committed).
  if (options.signal?.aborted && run.result.failures.length > 0) throw cancellationError(options.signal)
  if (run.result.failures.length > 0) throw new CopyFailedError(run.result)
  return run.result
}

function checkOptions(options: CopyOptions): void {
  if (options.destinations.length === 0) throw new UsageError('no destination given: name at least one dest')
  if (!Number.isInteger(options.parallel) || options.parallel < 1) {
    throw new UsageError(`parallel must be a whole number of at least 1, got ${options.parallel}`)
  }
  if (options.compressFormat) assertCanCompress(options.compressFormat, options.compressLevel)
  options.signal?.throwIfAborted()
  // Every request in flight listens to the signal; more than 10 at once is normal, not a leak.
  if (options.signal) setMaxListeners(Infinity, options.signal)
}

function startRun(options: CopyOptions): Run {
  return {
    options,
    emit: options.onEvent ?? (() => undefined),
    result: {
      source: options.source.toString(),
      sourceDigest: '',
      sourceMediaType: '',
      destinations: [],
      failures: [],
      stats: emptyStats()
    },
    compression: {
      algorithm: options.compressFormat ?? 'gzip',
      level: options.compressLevel,
      explicit: options.compressFormat !== undefined
    },
    writers: [],
    unchanged: new Set()
  }
}

/**
 * The source first (a missing source fails before any destination is touched), unless it is pinned
 * by digest and may need no reading at all: then the destinations first, each asked what it holds.
 */
async function openEnds(options: CopyOptions): Promise<Ends> {
  const source = mayNeedNoSource(options) ? undefined : await openSource(options)
  const opened: ImageDestination[] = []
  const opening = options.destinations.map(ref =>
    ref.newDestination(destinationContext(options, ref)).then(destination => {
      opened.push(destination)
      return destination
    })
  )
  for (const o of opening) o.catch(() => undefined)
  const existing = opening.map(o =>
    options.skipUnchanged ? o.then(askExisting, () => undefined) : Promise.resolve(undefined)
  )
  return { source, opening, opened, existing }
}

function openSource(options: CopyOptions): Promise<ImageSource> {
  return options.source.newSource(withSignal(options.sourceContext, options.signal))
}

function mayNeedNoSource(options: CopyOptions): boolean {
  return (
    options.skipUnchanged === true &&
    options.source.digest !== undefined &&
    options.source.servesImagesAsStored === true
  )
}

function planFor(run: Run, set: CopySet): CopyPlan {
  return buildCopyPlan({
    source: run.options.source.toString(),
    set,
    destinations: run.writers.map(w => w.plan),
    compression: run.compression,
    skipsForeignLayers: name =>
      run.writers.find(w => w.name === name)!.destination.properties.acceptsForeignLayerURLs
  })
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

/** Phase: what to copy (the image, one instance of a list, or the list and some or all instances) and its signatures. */
async function resolveSource(
  run: Run,
  source: ImageSource
): Promise<{ set: CopySet; signatures: Map<string, Buffer[]> }> {
  const { options, emit, result } = run
  const set = await chooseCopySet(source, options.selection, wantedPlatform(options))
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
  return { set, signatures: await readSignatures(source, set, options.removeSignatures) }
}

function wantedPlatform(options: CopyOptions): Platform {
  return (
    (options.selection.kind === 'system' ? options.selection.platform : undefined) ??
    options.runtimePlatform ??
    runtimePlatform()
  )
}

/** Whether the source is a list: copied whole, or one instance chosen from it. */
function isFromList(set: CopySet): boolean {
  return set.list !== undefined || set.images[0].digest !== set.topDigest
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

/** Phase: each destination's plan; one that cannot take the copy fails now, before any blob moves. */
async function planDestinations(
  run: Run,
  ends: Ends,
  set?: CopySet,
  signatures: Map<string, Buffer[]> = new Map()
): Promise<void> {
  const { options } = run
  await Promise.all(
    options.destinations.map(async (ref, index) => {
      if (run.unchanged.has(index)) return
      try {
        const destination = await ends.opening[index]
        if (!set) return // only the ones that failed to open are recorded
        const name = ref.toString()
        const ctx = { name, index, destination, options, set, signatures, compression: run.compression }
        run.writers.push(new DestinationWriter(destination, planDestination(ctx), options, set, signatures))
      } catch (e) {
        run.result.failures.push({ destination: ref.toString(), index, error: e as Error })
        run.emit({ type: 'destination-failed', destination: ref.toString(), error: errorMessage(e) })
      }
    })
  )
  run.writers.sort((a, b) => a.index - b.index) // the order the user gave
}

function pipelineEnvironment(run: Run, source: ImageSource): PipelineEnvironment {
  const totals = run.result.stats
  return {
    source,
    sourceRef: run.options.source,
    cache: run.options.blobCache,
    conversions: run.options.blobInfoCache ?? processBlobInfoCache(),
    compression: run.compression,
    emit: run.emit,
    signal: run.options.signal,
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
}

/** Each image's config, read once for all destinations, and (once the layers moved) its schema1 facts. */
function imageInputs(
  env: PipelineEnvironment
): (image: SourceImage, facts?: Map<string, Schema1LayerFacts>) => ImageInputs {
  const configs = new Map<string, Promise<Buffer | undefined>>()
  const configOf = (image: SourceImage): Promise<Buffer | undefined> => {
    let config = configs.get(image.digest)
    if (!config) {
      const info = image.manifest.configDescriptor()
      config = info
        ? readSmallBlob(env, { digest: info.digest, size: info.size, mediaType: info.mediaType })
        : Promise.resolve(undefined)
      configs.set(image.digest, config)
    }
    return config
  }
  return (image, facts) => ({
    config: () => configOf(image),
    schema1Facts: async () => facts?.get(image.digest)
  })
}

function failer(run: Run): (writer: DestinationWriter, error: Error) => void {
  return (writer, error) => {
    if (writer.failure) return
    writer.failure = error
    run.emit({ type: 'destination-failed', destination: writer.name, error: error.message })
  }
}

function active(run: Run): DestinationWriter[] {
  return run.writers.filter(w => !w.failure)
}

/**
 * Phase (source side, with `referrers`/`digest-tags`): the artifacts hanging off the list and every
 * image to copy, found once for all destinations, before any blob moves.
 */
async function findReferrers(
  run: Run,
  source: ImageSource,
  set: CopySet
): Promise<SourceArtifacts | undefined> {
  const wanted = run.options.referrers
  if (!wanted || (!wanted.referrers && !wanted.digestTags)) return undefined
  const roots = [...(set.list ? [set.topDigest] : []), ...set.images.map(i => i.digest)]
  const found = await findArtifacts(source, roots, wanted, run.emit)
  const where = run.options.source.toString()
  for (const what of found.missing)
    run.emit({ type: 'referrers-not-held', where, message: `${where} cannot hold ${what}: none are copied` })
  return found
}

/**
 * Phase, per destination: configs and manifests (instances in parallel, the list after them),
 * signatures, the artifacts of the manifests whose digests were kept (referrers.ts), commit.
 */
async function writeAndCommit(
  run: Run,
  writer: DestinationWriter,
  set: CopySet,
  env: PipelineEnvironment,
  inputs: (image: SourceImage) => ImageInputs,
  artifacts: SourceArtifacts | undefined
): Promise<void> {
  try {
    const written = await Promise.all(set.images.map(image => writer.writeImage(image, env, inputs(image))))
    const top = set.list ? await writer.writeList() : written[0]
    await writer.writeSignatures()
    const manifests = [
      ...(set.list ? [{ sourceDigest: set.topDigest, digest: top.digest }] : []),
      ...set.images.map((image, i) => ({ sourceDigest: image.digest, digest: written[i].digest }))
    ]
    const copied = artifacts
      ? await writeArtifacts(
          artifacts,
          env.source,
          run.options.source,
          writer,
          manifests,
          run.options.referrers!,
          run.emit
        )
      : undefined
    if (writer.destination.properties.mustMatchRuntimeOS) await noteForeignPlatform(run, writer, set, inputs)
    run.options.signal?.throwIfAborted()
    // One image chosen from a list: the list goes along, as containers/image's unparsedToplevel.
    const unparsedToplevel = !set.list && set.listImages !== undefined ? set.top : undefined
    await writer.destination.commit({ bytes: top.bytes, mimeType: top.mimeType }, unparsedToplevel)
    const done: DestinationResult = {
      destination: writer.name,
      index: writer.index,
      status: 'copied',
      digest: top.digest,
      mediaType: top.mimeType,
      manifest: top.bytes,
      instances: writer.instanceResults(),
      stats: writer.stats,
      ...(copied ? { referrers: copied.referrers, referrersLeftBehind: copied.leftBehind } : {})
    }
    run.result.destinations.push(done)
  } catch (e) {
    failer(run)(writer, e as Error)
  }
}

/**
 * A destination that runs images (the Docker Engine) gets one for another platform: said, not
 * refused, as containers/image checkImageDestinationForCurrentRuntime logs it.
 */
async function noteForeignPlatform(
  run: Run,
  writer: DestinationWriter,
  set: CopySet,
  inputs: (image: SourceImage) => ImageInputs
): Promise<void> {
  const wanted = wantedPlatform(run.options)
  const image = platformOf(await inputs(set.images[0]).config())
  if (!image || (image.os === wanted.os && image.architecture === wanted.architecture)) return
  run.emit({
    type: 'notice',
    message: `${writer.name} gets an image for ${image.os}/${image.architecture}, and this machine is ${wanted.os}/${wanted.architecture}: it may not run here`
  })
}

/** The os and architecture an image config names, when it names them as text. */
function platformOf(config: Buffer | undefined): { os: string; architecture: string } | undefined {
  try {
    const doc = config ? (JSON.parse(config.toString('utf8')) as Record<string, unknown>) : undefined
    if (typeof doc?.os === 'string' && typeof doc.architecture === 'string')
      return { os: doc.os, architecture: doc.architecture }
  } catch {
    // not JSON: nothing to say
  }
  return undefined
}

function collectResults(run: Run): void {
  const { result } = run
  for (const writer of run.writers) {
    if (writer.failure)
      result.failures.push({ destination: writer.name, index: writer.index, error: writer.failure })
    else addStats(result.stats, perDestination(writer.stats))
  }
  result.destinations.sort((a, b) => a.index - b.index)
  result.failures.sort((a, b) => a.index - b.index)
}

/** Reads are counted once per copy, not per destination. */
function perDestination(stats: BlobStats): BlobStats {
  return { ...stats, pulledBlobs: 0, pulledBytes: 0, cachedBlobs: 0, cachedBytes: 0 }
}

/** close() rolls back whatever an uncommitted destination wrote, once nothing is being written. */
async function closeEnds(run: Run, ends: Ends): Promise<void> {
  await Promise.allSettled(run.writers.map(w => w.earlyWritesSettled()))
  await Promise.allSettled(ends.opening)
  await Promise.allSettled(ends.existing)
  await Promise.allSettled(ends.opened.map(d => d.close()))
  await ends.source?.close()
}
