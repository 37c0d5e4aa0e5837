// Which images of the source to copy: the single image, one instance picked by platform, or a
// set of a list's instances (containers/image copy.go Image and multiple.go).
import {
  assertNoNestedLists,
  formatPlatform,
  imageCount,
  isListMimeType,
  ManifestError,
  manifestDigest,
  matchesDigest,
  normalizeMimeType,
  parseImageManifest,
  parseList,
  selectInstances,
  type ImageManifest,
  type ManifestList,
  type Platform
} from '../manifest/index.js'
import { ImageCopyError } from '../errors.js'
import type { BlobInfo, ImageSource, RawManifest } from '../transports/types.js'
import type { ImageSelection } from './options.js'

export interface SourceImage {
  digest: string
  raw: RawManifest
  manifest: ImageManifest
  platform?: Platform
  /**
   * The layers to copy, one per manifest layer in the same order: the manifest's, or what the source
   * serves instead (`layerInfosForCopy`, e.g. uncompressed layers of a local store). Then
   * `layersOverridden` is true and every written manifest names these.
   */
  layers: BlobInfo[]
  layersOverridden: boolean
}

/** What converting a schema1 image needs and its manifest does not say: DiffIDs and layer sizes, learned while copying. */
export interface Schema1LayerFacts {
  diffIDs: string[]
  layerInfos: Array<{ digest: string; size: number }>
}

export interface CopySet {
  /** The top-level manifest of the source as read. */
  top: RawManifest
  topDigest: string
  /** The list, when the source is one and a list is written (all or specific). */
  list?: ManifestList
  /** The images to copy, in list order. */
  images: SourceImage[]
  /** Digests of list entries not selected (specific copies only). */
  unselected: string[]
  /** For one image chosen from a list by platform: how many images the list has (attestations not counted). */
  listImages?: number
}

export async function readInstance(
  source: ImageSource,
  digest: string,
  platform?: Platform
): Promise<SourceImage> {
  const raw = await source.getManifest(digest)
  if (!matchesDigest(raw.bytes, digest)) {
    throw new ImageCopyError(
      `the manifest of instance ${digest} read from ${source.ref.toString()} does not match its digest`
    )
  }
  const manifest = parsedFrom(`the manifest ${digest} of ${source.ref.toString()}`, () =>
    parseImageManifest(raw.bytes, normalizeMimeType(raw.mimeType))
  )
  return { digest, raw, manifest, platform, ...(await layersToCopy(source, manifest, digest)) }
}

/** The manifest's layers, or the source's overrides for them (containers/image LayerInfosForCopy). */
async function layersToCopy(
  source: ImageSource,
  manifest: ImageManifest,
  instanceDigest: string | undefined
): Promise<Pick<SourceImage, 'layers' | 'layersOverridden'>> {
  const fromManifest = manifest.layerInfos().map(l => ({
    digest: l.digest,
    size: l.size,
    mediaType: l.mediaType,
    urls: l.urls,
    annotations: l.annotations
  }))
  const overrides = await source.layerInfosForCopy?.(instanceDigest)
  if (!overrides) return { layers: fromManifest, layersOverridden: false }
  if (overrides.length !== fromManifest.length) {
    throw new ImageCopyError(
      `${source.ref.toString()} serves ${overrides.length} layers for an image whose manifest has ${fromManifest.length}`
    )
  }
  return { layers: overrides, layersOverridden: true }
}

export async function chooseCopySet(
  source: ImageSource,
  selection: ImageSelection,
  wanted: Platform
): Promise<CopySet> {
  const top = await source.getManifest()
  const topDigest = manifestDigest(top.bytes)
  const wantDigest = source.ref.digest
  if (wantDigest && !matchesDigest(top.bytes, wantDigest)) {
    throw new ImageCopyError(
      `the manifest read from ${source.ref.toString()} has digest ${topDigest}, not the ${wantDigest} the reference names`
    )
  }
  if (!isListMimeType(top.mimeType)) {
    const manifest = parsedFrom(`the manifest ${source.ref.toString()}`, () =>
      parseImageManifest(top.bytes, normalizeMimeType(top.mimeType))
    )
    const image = {
      digest: topDigest,
      raw: top,
      manifest,
      ...(await layersToCopy(source, manifest, undefined))
    }
    return { top, topDigest, images: [image], unselected: [] }
  }

  const list = parsedFrom(`the list ${source.ref.toString()}`, () => parseList(top.bytes, top.mimeType))
  if (selection.kind === 'system') {
    const digest = list.chooseInstance({
      os: wanted.os,
      architecture: wanted.architecture,
      variant: wanted.variant
    })
    const entry = list.instance(digest)
    const image = await readInstance(source, digest, entry.platform)
    if (isListMimeType(image.raw.mimeType)) {
      throw new ImageCopyError(
        `the instance ${digest} chosen for ${formatPlatform(wanted)} is itself a list; nested lists are not supported`
      )
    }
    return { top, topDigest, images: [image], unselected: [], listImages: imageCount(list.instances()) }
  }

  assertNoNestedLists(list)
  const entries = list.instances()
  const selected =
    selection.kind === 'all'
      ? entries.map(e => e.digest)
      : selectInstances(list, { digests: selection.instances, platforms: selection.platforms })
  const chosen = entries.filter(
    (e, i) => selected.includes(e.digest) && entries.findIndex(f => f.digest === e.digest) === i
  )
  // Read in parallel: against a remote registry each is a round trip.
  const images = await Promise.all(chosen.map(entry => readInstance(source, entry.digest, entry.platform)))
  const unselected = entries.map(e => e.digest).filter(d => !selected.includes(d))
  return { top, topDigest, list, images, unselected }
}

/** Names the manifest an invalid digest came from: `invalid digest "…" in layers[0].digest of the manifest oci:…`. */
function parsedFrom<T>(what: string, parse: () => T): T {
  try {
    return parse()
  } catch (e) {
    if (!(e instanceof ManifestError) || e.kind !== 'invalid-digest') throw e
    const error = new ImageCopyError(`${e.message} of ${what}`)
    ;(error as { cause?: unknown }).cause = e
    throw error
  }
}
