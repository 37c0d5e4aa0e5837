// The phases that leave out destinations already holding what a copy would write (unchanged.ts has
// the rules): before the source's images are read (its top digest known: pinned, or the top manifest
// read), and once the plan is built. Each destination was asked what it holds as soon as it opened.
import { attestedDigest, isListMimeType, parseList } from '../manifest/index.js'
import type { ImageDestination, ImageSource, RawManifest } from '../transports/types.js'
import type { CopySet } from './instances.js'
import type { CopyPlan } from './plan.js'
import { emptyStats, type InstanceResult } from './result.js'
import type { Ends, Existing, Run } from './run.js'
import { foreseeManifest, pinnedUnchanged } from './unchanged.js'

/** What the destination holds now; a failed question is no answer (the copy then goes on and meets any real error). */
export async function askExisting(destination: ImageDestination): Promise<Existing> {
  try {
    return await destination.existingManifest?.()
  } catch {
    return undefined
  }
}

/** The source's top manifest (read once: a registry source keeps it), when a skip may use it. */
export async function readTop(run: Run, source: ImageSource): Promise<RawManifest | undefined> {
  if (!run.options.skipUnchanged || !run.options.source.servesImagesAsStored) return undefined
  return source.getManifest()
}

/**
 * Phase, when the source's top digest is known before its images are read (pinned by digest: before
 * the source is even opened; else once its top manifest is read, before a list's instances are):
 * destinations that already hold that digest and would get the source's own manifest (unchanged.ts
 * pinnedUnchanged) are done. True when no destination is left to write (the others failed to open).
 */
export async function skipUnread(
  run: Run,
  ends: Ends,
  sourceDigest: string | undefined,
  top?: RawManifest
): Promise<boolean> {
  const { options } = run
  if (!maySkip(run) || !options.source.servesImagesAsStored || sourceDigest === undefined) return false
  await Promise.all(
    options.destinations.map(async (ref, index) => {
      if (run.unchanged.has(index)) return
      const destination = await ends.opening[index].catch(() => undefined)
      const existing = await ends.existing[index]
      if (!destination || !existing) return
      const unchanged = pinnedUnchanged({
        sourceDigest,
        servesImagesAsStored: true,
        existing,
        selection: options.selection,
        properties: destination.properties,
        forceMimeType: options.forceMimeType,
        compressionExplicit: run.compression.explicit
      })
      if (!unchanged) return
      const instances = unchangedInstances(existing, top)
      markUnchanged(run, ref.toString(), index, existing, top?.bytes ?? Buffer.alloc(0), instances, !!top)
    })
  )
  if (run.unchanged.size === 0) return false
  run.result.sourceDigest = sourceDigest
  run.result.sourceMediaType = top?.mimeType ?? run.result.destinations[0].mediaType
  const settled = (o: Promise<ImageDestination>): Promise<boolean> =>
    o.then(
      () => true,
      () => false
    )
  const left = await Promise.all(
    ends.opening.map((o, index) => (run.unchanged.has(index) ? false : settled(o)))
  )
  return !left.some(Boolean)
}

/** An unchanged image, or the entries of an unchanged list when it was read (its instances were not). */
function unchangedInstances(existing: NonNullable<Existing>, top: RawManifest | undefined): InstanceResult[] {
  const unchanged = { status: 'unchanged' as const, stats: emptyStats() }
  if (!isListMimeType(existing.mimeType))
    return [
      { sourceDigest: existing.digest, digest: existing.digest, mediaType: existing.mimeType, ...unchanged }
    ]
  if (!top) return []
  return parseList(top.bytes, top.mimeType)
    .instances()
    .map(entry => {
      const attests = attestedDigest(entry)
      return {
        sourceDigest: entry.digest,
        digest: entry.digest,
        mediaType: entry.mediaType,
        platform: entry.platform,
        ...(attests !== undefined ? { attests } : {}),
        ...unchanged
      }
    })
}

function markUnchanged(
  run: Run,
  name: string,
  index: number,
  existing: NonNullable<Existing>,
  manifest: Buffer,
  instances: InstanceResult[],
  sourceRead: boolean
): void {
  run.unchanged.add(index)
  run.result.destinations.push({
    destination: name,
    index,
    status: 'unchanged',
    digest: existing.digest,
    mediaType: existing.mimeType,
    manifest,
    instances,
    stats: emptyStats()
  })
  run.emit({ type: 'destination-unchanged', destination: name, digest: existing.digest, sourceRead })
}

/**
 * Phase, once the plan is built: each destination whose copy would provably write the source's own
 * top manifest (unchanged.ts foreseeManifest), and which already holds that digest under its
 * reference, is done: it leaves the copy before any blob moves. True when one left (plan again).
 */
export async function skipForeseen(
  run: Run,
  ends: Ends,
  set: CopySet,
  signatures: Map<string, Buffer[]>,
  plan: CopyPlan
): Promise<boolean> {
  if (!maySkip(run)) return false
  const found = await Promise.all(
    run.writers.map(async writer => {
      const foreseen = foreseeManifest({
        set,
        destination: writer.plan,
        blobs: plan.blobs,
        signatures,
        removeSignatures: run.options.removeSignatures,
        compression: run.compression
      })
      if (!foreseen.known) return false
      const existing = await ends.existing[writer.index]
      if (existing?.digest !== foreseen.manifest.digest) return false
      const instances = writer
        .instanceResults()
        .map(i => ({ ...i, digest: i.sourceDigest, status: 'unchanged' as const }))
      const { digest, mimeType, bytes } = foreseen.manifest
      markUnchanged(run, writer.name, writer.index, { digest, mimeType }, bytes, instances, true)
      return true
    })
  )
  run.writers = run.writers.filter(w => !run.unchanged.has(w.index))
  return found.some(Boolean)
}

/**
 * Whether skipping is on. Referrers or digest tags to copy turn it off: artifacts added at the source
 * since the last run (a new signature) must still reach a destination whose image has not changed.
 */
function maySkip(run: Run): boolean {
  const wanted = run.options.referrers
  return run.options.skipUnchanged === true && !(wanted && (wanted.referrers || wanted.digestTags))
}
