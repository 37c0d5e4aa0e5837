// Moving every layer to every destination that lacks it, as the plan says. Destinations that take
// blobs in parallel share one read of each blob, largest first, `parallel` at a time; destinations
// that take them one at a time (archives, whose bytes follow arrival order) share a second track
// that goes in the manifests' layer order. The tracks run side by side, so a serial destination
// never holds back the others; a blob both need is then read twice (from the cache when it has it).
import type { Schema1LayerFacts, CopySet } from './instances.js'
import { copyBlob, type BlobTarget, type PipelineEnvironment } from './blob-pipeline.js'
import type { DestinationWriter } from './destination-writer.js'
import type { CopyPlan, PlannedBlob, Track } from './plan.js'
import { needsDiffIds } from './plan.js'
import { TaskPool } from './pool.js'

export interface LayerMoves {
  plan: CopyPlan
  env: PipelineEnvironment
  writers: DestinationWriter[]
  parallel: number
  signal?: AbortSignal
  /** Marks a destination failed (its other work stops; the others go on). */
  fail: (writer: DestinationWriter, error: Error) => void
}

/** What blobs taught that manifests do not say: DiffIDs and sizes, by layer digest. */
interface Learned {
  diffIds: Map<string, string>
  sizes: Map<string, number>
}

export async function moveLayers(moves: LayerMoves, set: CopySet): Promise<Map<string, Schema1LayerFacts>> {
  const { plan, env } = moves
  const learned: Learned = { diffIds: new Map(), sizes: new Map() }
  const anyShared = plan.destinations.some(d => !d.serial)
  // DiffIDs are computed once, on the shared track when there is one.
  const diffIdTrack: Track = anyShared ? 'shared' : 'serial'
  const sourceGate = env.source.properties.hasThreadSafeGetBlob ? undefined : new TaskPool(1)
  const tracks: Array<{ track: Track; pool: TaskPool; blobs: PlannedBlob[] }> = [
    { track: 'shared', pool: new TaskPool(moves.parallel), blobs: bySizeDescending(plan.blobs) },
    { track: 'serial', pool: new TaskPool(1), blobs: plan.blobs }
  ]
  await Promise.all(
    tracks.flatMap(({ track, pool, blobs }) =>
      blobs.map(blob =>
        pool.run(() => {
          const move = () => moveBlob(moves, blob, track, blob.needDiffId && track === diffIdTrack, learned)
          return sourceGate ? sourceGate.run(move) : move()
        })
      )
    )
  )
  return schema1Facts(set, plan, learned)
}

function bySizeDescending(blobs: PlannedBlob[]): PlannedBlob[] {
  return [...blobs].sort((a, b) => b.info.size - a.info.size)
}

async function moveBlob(
  moves: LayerMoves,
  blob: PlannedBlob,
  track: Track,
  needDiffId: boolean,
  learned: Learned
): Promise<void> {
  moves.signal?.throwIfAborted()
  const targets = new Map<BlobTarget, DestinationWriter>()
  for (const t of blob.targets) {
    const writer = moves.writers.find(w => w.name === t.destination)
    if (t.track !== track || !writer || writer.failure) continue
    const target: BlobTarget = {
      name: writer.name,
      destination: writer.destination,
      layer: { policy: t.layerPolicy, canModify: t.canModify }
    }
    targets.set(target, writer)
  }
  if (targets.size === 0 && !needDiffId) return
  try {
    const result = await copyBlob(moves.env, blob.info, [...targets.keys()], { needDiffId })
    for (const [target, outcome] of result.outcomes) {
      const writer = targets.get(target)!
      if (outcome instanceof Error) moves.fail(writer, outcome)
      else writer.delivered(blob.images[0], blob.info, outcome)
    }
    if (result.diffId) learned.diffIds.set(blob.info.digest, result.diffId)
    if (result.bytesRead !== undefined) learned.sizes.set(blob.info.digest, result.bytesRead)
  } catch (e) {
    for (const writer of targets.values()) moves.fail(writer, e as Error)
    if (needDiffId) throw e
  }
}

/** For each schema1 image converted to another type: its layers' DiffIDs and sizes. */
function schema1Facts(set: CopySet, plan: CopyPlan, learned: Learned): Map<string, Schema1LayerFacts> {
  const facts = new Map<string, Schema1LayerFacts>()
  for (const image of set.images) {
    if (!needsDiffIds(image, plan.destinations)) continue
    facts.set(image.digest, {
      diffIDs: image.layers.map(l => learned.diffIds.get(l.digest)!),
      layerInfos: image.layers.map(l => ({ digest: l.digest, size: learned.sizes.get(l.digest) ?? l.size }))
    })
  }
  return facts
}
