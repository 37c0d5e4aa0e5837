// The copy plan: what copyImage will do, decided before any blob moves, as a plain value that tests
// and `--debug` logs can read. Per destination: the manifest types to try for each image and the
// list; per blob: where it is read from, the stages it goes through, and the destinations it goes to.
import {
  canChangeLayerCompression,
  formatPlatform,
  isSchema1MimeType,
  normalizeMimeType,
  ociLayerVariants,
  schema2LayerVariants
} from '../manifest/index.js'
import { formatBytes } from '../bytes.js'
import type { BlobInfo, LayerCompressionPolicy } from '../transports/types.js'
import type { CopySet, SourceImage } from './instances.js'
import type { CompressionRequest } from './layer-conversion.js'

/** Blobs for destinations that take them in parallel share one read; serial ones get their own. */
export type Track = 'shared' | 'serial'

export type StageName = 'try-reuse' | 'read' | 'detect' | 'verify' | 'tee' | 'diff-id' | 'convert' | 'put'

export interface PlannedImage {
  digest: string
  mimeType: string
  platform?: string
  /** `source`: the source serves other layers than its manifest names (layer-info overrides). */
  layersFrom: 'manifest' | 'source'
}

export interface PlannedDestination {
  name: string
  /** Its place in the user's list. */
  index: number
  /** Takes blobs one at a time, in the manifests' layer order (an archive), on its own track. */
  serial: boolean
  layerPolicy: LayerCompressionPolicy
  /** Manifest types to try, in order, by source image digest. */
  manifestTypes: Record<string, string[]>
  /** List types to try, in order, when a list is written. */
  listTypes?: string[]
  /** Why an image's manifest must be written unchanged, by source image digest (absent: it may change). */
  cannotModify: Record<string, string>
}

export interface PlannedTarget {
  destination: string
  track: Track
  layerPolicy: LayerCompressionPolicy
  /** Whether its bytes may change here (every manifest naming it may change, and its type allows it). */
  canModify: boolean
}

export interface PlannedBlob {
  info: BlobInfo
  /** Digests of the images whose manifests name it. */
  images: string[]
  /** Its DiffID must be computed (a schema1 image converted to another type). */
  needDiffId: boolean
  stages: StageName[]
  targets: PlannedTarget[]
  /** Destinations it is not copied to, and why. */
  skipped: Array<{ destination: string; reason: string }>
}

export interface CopyPlan {
  source: string
  sourceDigest: string
  isList: boolean
  compression: CompressionRequest
  images: PlannedImage[]
  destinations: PlannedDestination[]
  /** Layers, each once, in the manifests' order. */
  blobs: PlannedBlob[]
}

export interface PlanInput {
  source: string
  set: CopySet
  destinations: PlannedDestination[]
  compression: CompressionRequest
  /** Whether a destination leaves foreign (URL-bearing) layers out. */
  skipsForeignLayers: (destination: string) => boolean
}

export function buildCopyPlan(input: PlanInput): CopyPlan {
  const { set, destinations } = input
  const blobs = new Map<string, PlannedBlob>()
  for (const image of set.images) {
    const wantDiffIds = needsDiffIds(image, destinations)
    for (const layer of image.layers) {
      const known = blobs.get(layer.digest)
      if (known) {
        known.needDiffId ||= wantDiffIds
        if (!known.images.includes(image.digest)) known.images.push(image.digest)
        continue
      }
      blobs.set(layer.digest, {
        info: layer,
        images: [image.digest],
        needDiffId: wantDiffIds,
        stages: [],
        targets: [],
        skipped: []
      })
    }
  }
  for (const blob of blobs.values()) addTargets(blob, set, input)
  return {
    source: input.source,
    sourceDigest: set.topDigest,
    isList: set.list !== undefined || set.images[0].digest !== set.topDigest,
    compression: input.compression,
    images: set.images.map(image => ({
      digest: image.digest,
      mimeType: normalizeMimeType(image.raw.mimeType),
      platform: image.platform ? formatPlatform(image.platform) : undefined,
      layersFrom: image.layersOverridden ? 'source' : 'manifest'
    })),
    destinations,
    blobs: [...blobs.values()]
  }
}

function addTargets(blob: PlannedBlob, set: CopySet, input: PlanInput): void {
  const images = set.images.filter(i => blob.images.includes(i.digest))
  for (const d of input.destinations) {
    if (blob.info.urls && blob.info.urls.length > 0 && input.skipsForeignLayers(d.name)) {
      blob.skipped.push({ destination: d.name, reason: 'foreign layer (the manifest keeps its URLs)' })
      continue
    }
    const canModify = images.every(
      i => !(i.digest in d.cannotModify) && compressionChangeSupported(i, blob.info)
    )
    blob.targets.push({
      destination: d.name,
      track: d.serial ? 'serial' : 'shared',
      layerPolicy: d.layerPolicy,
      canModify
    })
  }
  blob.stages = stagesOf(blob, input.destinations.length)
}

function stagesOf(blob: PlannedBlob, destinations: number): StageName[] {
  const converts = blob.targets.some(t => t.canModify && t.layerPolicy !== 'preserve')
  const stages: StageName[] = ['try-reuse', 'read']
  if (converts || blob.needDiffId) stages.push('detect')
  stages.push('verify')
  if (blob.targets.length > 1 || blob.needDiffId || destinations > 1) stages.push('tee')
  if (blob.needDiffId) stages.push('diff-id')
  if (converts) stages.push('convert')
  stages.push('put')
  return stages
}

/** Whether a layer of this image may be stored compressed otherwise (containers/image layerCompressionChangeSupported). */
function compressionChangeSupported(image: SourceImage, layer: BlobInfo): boolean {
  const type = normalizeMimeType(image.raw.mimeType)
  if (isSchema1MimeType(type)) return true
  const mediaType = layer.mediaType ?? ''
  return (
    canChangeLayerCompression(ociLayerVariants, mediaType) ||
    canChangeLayerCompression(schema2LayerVariants, mediaType)
  )
}

/** A schema1 image written as another type needs its layers' DiffIDs, which its manifest lacks. */
export function needsDiffIds(image: SourceImage, destinations: PlannedDestination[]): boolean {
  return (
    isSchema1MimeType(normalizeMimeType(image.raw.mimeType)) &&
    destinations.some(d => (d.manifestTypes[image.digest] ?? []).some(t => !isSchema1MimeType(t)))
  )
}

/** The plan as lines a person can check (printed at debug level and in tests). */
export function formatPlan(plan: CopyPlan): string {
  const lines = [
    `copy plan: ${plan.source} ${plan.sourceDigest} (${plan.isList ? 'from a list' : 'an image'}) to ${plan.destinations.length} destination(s); compression ${plan.compression.algorithm}${plan.compression.level ? ` level ${plan.compression.level}` : ''}`
  ]
  for (const image of plan.images) {
    lines.push(
      `  image ${image.digest} ${image.platform ?? ''} ${image.mimeType}, layers from the ${image.layersFrom}`.replace(
        / {2,}/g,
        ' '
      )
    )
  }
  for (const d of plan.destinations) {
    lines.push(
      `  destination ${d.index + 1} ${d.name}: ${d.serial ? 'serial' : 'shared'} track, layers ${d.layerPolicy}`
    )
    for (const [digest, types] of Object.entries(d.manifestTypes)) {
      const why = d.cannotModify[digest] ? ` (unchanged: ${d.cannotModify[digest]})` : ''
      lines.push(`    manifest ${digest}: ${types.join(', ')}${why}`)
    }
    if (d.listTypes) lines.push(`    list: ${d.listTypes.join(', ')}`)
  }
  for (const b of plan.blobs) {
    const to = b.targets.map(t => `${t.destination} (${t.track}${t.canModify ? '' : ', unchanged'})`)
    const skipped = b.skipped.map(s => `; skipped for ${s.destination}: ${s.reason}`).join('')
    lines.push(
      `  blob ${b.info.digest} ${formatBytes(Math.max(b.info.size, 0))}: ${b.stages.join(' > ')} to ${to.join(', ') || 'nobody'}${skipped}`
    )
  }
  return lines.join('\n')
}
