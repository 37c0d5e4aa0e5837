// Skip what is already there: a destination whose reference already names exactly the manifest a copy
// would write gets nothing (no blob, no manifest), and its status is `unchanged`. The rules follow
// containers/image copy/single.go (OptimizeDestinationImageAlreadyExists: skip only when no signature
// is to be written and the manifest would not be changed); here they are decided once per destination
// from the plan, before any blob moves, and for a whole list at once. It must NOT skip when:
// - signatures are to be written (the source has some and remove-signatures is not set);
// - the list is sparse: strip writes another list than the source's, and keep names instances this
//   copy would not write, so the list being there says nothing of the ones it would write;
// - a manifest or the list would be converted (force-mime-type, a destination that does not take the
//   type), or is schema1 (its embedded name is rewritten for each destination);
// - the source serves other layers than its manifest names (layer-info overrides);
// - a layer may be stored otherwise: the destination decompresses layers, or compresses them and
//   compression was asked for explicitly (dest-compress-format), or a layer is not known (by its
//   media type) to be compressed. A layer that may not change (preserve-digests, signatures, a
//   digested destination) never stops it.
// When the destination holds the digest, every blob of that manifest is there, so trying to reuse a
// blob finds the very digest before any substitute: a copy would write the same manifest. That makes
// the layer rules conservative (a copy that may compress finds the layers there as they are); they
// are kept so that what is skipped never depends on what a destination happens to hold.
import {
  MediaType,
  allManifestMimeTypes,
  isListMimeType,
  isSchema1MimeType,
  normalizeMimeType
} from '../manifest/index.js'
import type { DestinationProperties } from '../transports/types.js'
import type { CopySet } from './instances.js'
import type { CompressionRequest } from './layer-conversion.js'
import type { ImageSelection } from './options.js'
import type { PlannedBlob, PlannedDestination } from './plan.js'

/** The top-level manifest a copy to one destination would write, when it is known before any blob moves. */
export interface ForeseenManifest {
  digest: string
  mimeType: string
  bytes: Buffer
}

export type Foresight = { known: true; manifest: ForeseenManifest } | { known: false; reason: string }

export interface ForeseeInput {
  set: CopySet
  destination: PlannedDestination & { listCannotModify?: string }
  /** The plan's blobs (the targets of this destination among them). */
  blobs: PlannedBlob[]
  /** Signatures read from the source, by image digest ('' for the list's). */
  signatures: Map<string, Buffer[]>
  removeSignatures: boolean
  compression: CompressionRequest
}

const compressedLayerTypes: ReadonlySet<string> = new Set([
  MediaType.DockerV2Schema2Layer,
  MediaType.DockerV2SchemaLayerZstd,
  MediaType.DockerV2Schema2ForeignLayerGzip,
  MediaType.OCILayerGzip,
  MediaType.OCILayerZstd,
  MediaType.OCILayerNonDistributableGzip,
  MediaType.OCILayerNonDistributableZstd
])

/** What the copy to this destination would write, if that is provably the source's own manifest; else why not. */
export function foreseeManifest(input: ForeseeInput): Foresight {
  const reason = whyItMayChange(input)
  if (reason) return { known: false, reason }
  const { set } = input
  const top = set.list ? { digest: set.topDigest, raw: set.top } : set.images[0]
  return { known: true, manifest: { digest: top.digest, mimeType: top.raw.mimeType, bytes: top.raw.bytes } }
}

function whyItMayChange(input: ForeseeInput): string | undefined {
  const { set, destination } = input
  if (!input.removeSignatures && [...input.signatures.values()].some(s => s.length > 0))
    return 'signatures would be written'
  if (set.list) {
    if (set.unselected.length > 0) return 'a sparse list (not every instance is copied)'
    if (destination.listTypes?.[0] !== set.list.mimeType)
      return `the list would be converted to ${destination.listTypes?.[0]}`
  }
  for (const image of set.images) {
    const type = normalizeMimeType(image.raw.mimeType)
    if (isSchema1MimeType(type)) return `${image.digest} is schema1 (rewritten for each destination)`
    const first = destination.manifestTypes[image.digest]?.[0]
    if (first !== type) return `the manifest of ${image.digest} would be converted to ${first}`
    if (image.layersOverridden) return `the source serves other layers than ${image.digest} names`
  }
  return layersMayChange(input)
}

/** A layer this destination may store otherwise (compressed, recompressed, decompressed). */
function layersMayChange(input: ForeseeInput): string | undefined {
  for (const blob of input.blobs) {
    const target = blob.targets.find(t => t.destination === input.destination.name)
    if (!target?.canModify || target.layerPolicy === 'preserve') continue
    if (target.layerPolicy === 'decompress') return `layer ${blob.info.digest} would be decompressed`
    if (input.compression.explicit)
      return `layers would be compressed as asked (${input.compression.algorithm}), and ${blob.info.digest} may be compressed otherwise`
    if (!compressedLayerTypes.has(blob.info.mediaType ?? ''))
      return `layer ${blob.info.digest} (${blob.info.mediaType ?? 'no media type'}) may be uncompressed, and would be compressed`
  }
  return undefined
}

export interface PinnedInput {
  /** The digest the source reference names. */
  sourceDigest: string
  /** Reading the source could show signatures or layer overrides (ImageReference.servesImagesAsStored). */
  servesImagesAsStored: boolean
  existing: { digest: string; mimeType: string }
  selection: ImageSelection
  properties: DestinationProperties
  forceMimeType?: string
  /** dest-compress-format was given. */
  compressionExplicit: boolean
}

/**
 * Without reading the source: the source is pinned by digest and the destination already holds that
 * digest, so it holds the source's own manifest, byte for byte. Unchanged when nothing could make a
 * copy write another: no signatures or overrides possible, no conversion asked for or needed (the
 * HEAD's type says whether it is a list: a system copy from a list writes one instance, and a list's
 * instances are not known without reading it, so their types must all be accepted), no layer
 * compression asked for, no decompressing destination. What is not known without reading is whether a
 * layer is stored uncompressed (a copy to a compressing destination would compress it): as in
 * containers/image, the manifest already there is taken as it is.
 */
export function pinnedUnchanged(input: PinnedInput): boolean {
  const { existing, properties } = input
  if (existing.digest !== input.sourceDigest || !input.servesImagesAsStored) return false
  if (input.forceMimeType !== undefined || input.compressionExplicit) return false
  if (properties.desiredLayerCompression === 'decompress') return false
  const type = normalizeMimeType(existing.mimeType)
  const accepted = properties.supportedManifestMimeTypes
  const accepts = (t: string): boolean => accepted.length === 0 || accepted.includes(t)
  if (isListMimeType(type))
    return input.selection.kind === 'all' && accepts(type) && allManifestMimeTypes.every(accepts)
  return allManifestMimeTypes.includes(type) && !isSchema1MimeType(type) && accepts(type)
}
