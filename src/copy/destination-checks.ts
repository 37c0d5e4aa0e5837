// What is decided for one destination before any blob moves, so a doomed copy writes nothing: can it
// hold what is copied (a list, signatures), may its manifests change, and which manifest types to try
// for each image and for the list (containers/image copy.go / single.go / multiple.go checks).
import {
  DockerSchema1Manifest,
  MediaType,
  isSchema1MimeType,
  listMimeTypeFor,
  matchesDigest,
  normalizeMimeType,
  type EmbeddedReference
} from '../manifest/index.js'
import { ImageCopyError } from '../errors.js'
import type { ImageDestination } from '../transports/types.js'
import type { CopySet, SourceImage } from './instances.js'
import type { CompressionRequest } from './layer-conversion.js'
import {
  destinationSupportsLists,
  determineListConversion,
  determineManifestConversion
} from './manifest-conversion.js'
import type { CopyOptions } from './options.js'
import type { PlannedDestination } from './plan.js'

export interface DestinationContext {
  name: string
  index: number
  destination: ImageDestination
  options: CopyOptions
  set: CopySet
  /** Signatures read from the source, by image digest ('' for the list's). */
  signatures: Map<string, Buffer[]>
  compression: CompressionRequest
}

export function planDestination(ctx: DestinationContext): PlannedDestination & { listCannotModify?: string } {
  checkSignatures(ctx)
  const planned: PlannedDestination & { listCannotModify?: string } = {
    name: ctx.name,
    index: ctx.index,
    serial: !ctx.destination.properties.hasThreadSafePutBlob,
    layerPolicy: ctx.destination.properties.desiredLayerCompression,
    manifestTypes: {},
    cannotModify: {}
  }
  if (ctx.set.list) {
    const list = planList(ctx)
    planned.listTypes = list.types
    planned.listCannotModify = list.cannotModify
  }
  for (const image of ctx.set.images) {
    const reason = cannotModifyReason(ctx, ctx.signatures.get(image.digest) ?? [])
    if (reason) planned.cannotModify[image.digest] = reason
    planned.manifestTypes[image.digest] = planImage(ctx, image, reason)
  }
  return planned
}

/** Why a manifest with these signatures cannot change at this destination, if it cannot. */
export function cannotModifyReason(ctx: DestinationContext, signatures: Buffer[]): string | undefined {
  let reason: string | undefined
  if (signatures.length > 0 && !ctx.options.removeSignatures) reason = 'Would invalidate signatures'
  if (ctx.destination.ref.digest) reason = 'Destination specifies a digest'
  if (ctx.options.preserveDigests) reason = 'Instructed to preserve digests'
  return reason
}

/** The repository path and tag a schema1 manifest written here embeds (containers/image Schema1FromComponents). */
export function embeddedReference(destination: ImageDestination): EmbeddedReference | undefined {
  const ref = destination.ref.dockerReference
  return ref ? { name: ref.repository, tag: ref.tag ?? '' } : undefined
}

function checkSignatures(ctx: DestinationContext): void {
  const anySignatures = [...ctx.signatures.values()].some(s => s.length > 0)
  if (!anySignatures || ctx.options.removeSignatures) return
  const can = ctx.destination.properties.supportsSignatures
  if (can === true) return
  throw new ImageCopyError(
    `the source has signatures and ${ctx.name} cannot store them: ${can}`,
    'failure',
    'set remove-signatures to copy without them'
  )
}

function planList(ctx: DestinationContext): { types: string[]; cannotModify?: string } {
  const { set, name, options } = ctx
  const supported = [...ctx.destination.properties.supportedManifestMimeTypes]
  if (!destinationSupportsLists(supported)) {
    throw new ImageCopyError(
      `${name} cannot hold a manifest list, so it cannot take a copy of several images`,
      'usage',
      'copy one platform instead: leave all-images, instances and platforms unset (or set platform)'
    )
  }
  const cannotModify = cannotModifyReason(ctx, ctx.signatures.get('') ?? [])
  const destDigest = ctx.destination.ref.digest
  if (destDigest && !matchesDigest(set.top.bytes, destDigest)) {
    throw new ImageCopyError(
      `the digest of the source manifest list (${set.topDigest}) would not match the destination reference ${name}`
    )
  }
  const plan = determineListConversion({
    currentListMimeType: set.list!.mimeType,
    destinationSupported: supported,
    forcedListMimeType: options.forceMimeType ? listMimeTypeFor(options.forceMimeType) : undefined
  })
  if (plan.selected !== set.list!.mimeType && cannotModify) {
    throw new ImageCopyError(
      `the manifest list must be converted to ${plan.selected} to be written to ${name}, but it cannot be modified: ${cannotModify}`
    )
  }
  if (set.unselected.length > 0 && options.sparseList === 'strip' && cannotModify) {
    throw new ImageCopyError(
      `instance ${set.unselected[0]} should be removed from the manifest list, but the list cannot be modified: ${cannotModify}`,
      'usage',
      'set sparse-list: keep to write the list unchanged, or copy all images'
    )
  }
  return { types: [plan.selected, ...plan.others], cannotModify }
}

/** The manifest types to try for one image, in order; throws when none can be written. */
function planImage(ctx: DestinationContext, image: SourceImage, reason: string | undefined): string[] {
  const { name, set } = ctx
  const destDigest = ctx.destination.ref.digest
  if (destDigest && !set.list) {
    const matches =
      matchesDigest(image.raw.bytes, destDigest) ||
      (set.top !== image.raw && matchesDigest(set.top.bytes, destDigest))
    if (!matches) {
      throw new ImageCopyError(
        `the digest of the source image's manifest (${image.digest}) would not match the destination reference ${name}`
      )
    }
  }
  if (reason) checkUnchangedPossible(ctx, image, reason)
  const { supported, forced } = allowedTypes(ctx, image, reason)
  const plan = determineManifestConversion({
    sourceMimeType: image.raw.mimeType,
    destinationSupported: supported,
    forceMimeType: forced,
    cannotModifyReason: reason
  })
  const accepted = forced ? [forced] : supported
  const acceptsSource = accepted.length === 0 || accepted.includes(normalizeMimeType(image.raw.mimeType))
  if (reason && !acceptsSource) {
    throw new ImageCopyError(
      `the manifest of ${image.digest} (${image.raw.mimeType}) must be converted to be written to ${name}, but it cannot be modified: ${reason}`,
      'usage',
      reason === 'Instructed to preserve digests'
        ? 'unset preserve-digests (and force-mime-type), or copy to a destination that accepts this manifest type'
        : undefined
    )
  }
  if (plan.preferredNeedsConversion && !image.manifest.isImage()) {
    throw new ImageCopyError(
      `${image.digest} is an artifact (config type ${image.manifest.configDescriptor()?.mediaType}), which cannot be converted to ${plan.preferred} for ${name}`
    )
  }
  return [plan.preferred, ...plan.others]
}

/** A manifest that must not change: its layers must be the manifest's, and a schema1 name must already be right. */
function checkUnchangedPossible(ctx: DestinationContext, image: SourceImage, reason: string): void {
  if (
    image.layersOverridden &&
    image.layers.some((l, i) => l.digest !== image.manifest.layerInfos()[i].digest)
  ) {
    throw new ImageCopyError(
      `copying ${image.digest} to ${ctx.name} would change the representation of its layers (the source serves them differently), which we cannot do: ${reason}`
    )
  }
  const embedded = embeddedReference(ctx.destination)
  const renames =
    image.manifest instanceof DockerSchema1Manifest &&
    embedded !== undefined &&
    (image.manifest.name !== embedded.name || image.manifest.tag !== embedded.tag)
  if (renames) {
    throw new ImageCopyError(
      `copying a schema1 image with an embedded Docker reference to ${ctx.name} (repository ${embedded.name}, tag ${JSON.stringify(embedded.tag)}) would change the manifest, which we cannot do: ${reason}`
    )
  }
}

/**
 * zstd layers exist only in OCI manifests: with zstd asked for and a destination that compresses,
 * only OCI is tried (containers/image determineManifestConversion with a required compression).
 */
function allowedTypes(
  ctx: DestinationContext,
  image: SourceImage,
  reason: string | undefined
): { supported: string[]; forced?: string } {
  const supported = [...ctx.destination.properties.supportedManifestMimeTypes]
  if (
    ctx.compression.algorithm !== 'zstd' ||
    ctx.destination.properties.desiredLayerCompression !== 'compress'
  )
    return { supported, forced: ctx.options.forceMimeType }
  if (reason) {
    throw new ImageCopyError(
      `dest-compress-format zstd changes the layers (and so the manifest) of ${image.digest} for ${ctx.name}, which we cannot do: ${reason}`,
      'usage'
    )
  }
  const forced = ctx.options.forceMimeType
  const candidates = forced ? [forced] : supported.length === 0 ? [MediaType.OCIManifest] : supported
  const oci = candidates.filter(t => t === MediaType.OCIManifest)
  if (oci.length === 0 || isSchema1MimeType(forced ?? '')) {
    throw new ImageCopyError(
      `dest-compress-format zstd needs OCI manifests, and ${ctx.name} is to get ${forced ?? candidates.join(', ')}, which cannot carry zstd layers`,
      'usage',
      'set force-mime-type: oci, or leave dest-compress-format unset'
    )
  }
  return { supported: oci }
}
