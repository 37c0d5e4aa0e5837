// containers/image UpdatedImage conversions between single-image manifest types
// (internal/image/docker_schema2.go, oci.go, docker_schema1.go).
import { sha256Digest } from './digest.js'
import { DockerSchema1Manifest } from './docker-schema1.js'
import { DockerSchema2Manifest } from './docker-schema2.js'
import { ManifestError } from './errors.js'
import { dockerConfigToOci } from './image-config.js'
import { MediaType, isSchema1MimeType } from './media-types.js'
import { OciManifest } from './oci-manifest.js'
import { schema1ToSchema2Config } from './schema1-config.js'
import { schema2ToSchema1, type EmbeddedReference, type ExtraBlob } from './schema1-from-schema2.js'
import type { Descriptor, ImageManifest, LayerUpdate } from './types.js'

export interface ConversionContext {
  /** The source config blob; needed from v2s2 (it is re-marshalled for OCI). */
  configBytes?: Buffer
  /** DiffIDs of every layer of layerInfos() (schema1 empty layers included); needed from schema1. */
  diffIDs?: string[]
  /**
   * What each layer of layerInfos() became at the destination (containers/image sets both
   * InformationOnly.LayerInfos and LayerInfos from it). Applied after the conversion, in the target
   * format, as upstream does; from schema1 it also supplies the layer sizes, and so is required.
   */
  layerInfos?: LayerUpdate[]
  /** To schema1: the destination's repository path and tag, embedded in the manifest (empty when none). */
  dockerReference?: EmbeddedReference
}

export interface ConversionResult {
  manifest: ImageManifest
  /** The new config blob, when the conversion changed it (schema1 has none). */
  configBytes?: Buffer
  /** Blobs the new manifest names that the source lacks (schema1's gzipped empty layer): write them first. */
  extraBlobs?: ExtraBlob[]
}

function unsupported(message: string): ManifestError {
  return new ManifestError('unsupported-conversion', message)
}

const schema2ToOciLayerTypes: Readonly<Record<string, string>> = {
  [MediaType.DockerV2Schema2ForeignLayer]: MediaType.OCILayerNonDistributable,
  [MediaType.DockerV2Schema2ForeignLayerGzip]: MediaType.OCILayerNonDistributableGzip,
  [MediaType.DockerV2SchemaLayerUncompressed]: MediaType.OCILayer,
  [MediaType.DockerV2Schema2Layer]: MediaType.OCILayerGzip,
  [MediaType.DockerV2SchemaLayerZstd]: MediaType.OCILayerZstd
}

const ociToSchema2LayerTypes: Readonly<Record<string, string>> = {
  [MediaType.OCILayerNonDistributable]: MediaType.DockerV2Schema2ForeignLayer,
  [MediaType.OCILayerNonDistributableGzip]: MediaType.DockerV2Schema2ForeignLayerGzip,
  [MediaType.OCILayer]: MediaType.DockerV2SchemaLayerUncompressed,
  [MediaType.OCILayerGzip]: MediaType.DockerV2Schema2Layer
}

const encryptedLayerTypes: readonly string[] = [
  MediaType.OCILayerEncrypted,
  MediaType.OCILayerGzipEncrypted,
  MediaType.OCILayerZstdEncrypted,
  MediaType.OCILayerNonDistributableEncrypted,
  MediaType.OCILayerNonDistributableGzipEncrypted,
  MediaType.OCILayerNonDistributableZstdEncrypted
]

/**
 * Converts a single-image manifest to another type, as containers/image does when copying. Refused
 * ('unsupported-conversion'): artifacts, zstd or encrypted layers to Docker schema2 or schema1, and
 * unknown layer types.
 */
export function convertManifest(
  m: ImageManifest,
  toMimeType: string,
  ctx: ConversionContext = {}
): ConversionResult {
  const edits = ctx.layerInfos
  if (toMimeType === m.mimeType || (isSchema1MimeType(toMimeType) && isSchema1MimeType(m.mimeType))) {
    return { manifest: edits ? m.updateLayerInfos(edits) : m }
  }
  if (isSchema1MimeType(toMimeType)) return toSchema1(m, ctx)
  if (m instanceof DockerSchema2Manifest && toMimeType === MediaType.OCIManifest) {
    const converted = schema2ToOci(m, ctx.configBytes)
    return {
      manifest: edits ? converted.manifest.updateLayerInfos(edits) : converted.manifest,
      configBytes: converted.configBytes
    }
  }
  if (m instanceof OciManifest && toMimeType === MediaType.DockerV2Schema2) {
    return { manifest: ociToSchema2(m, edits) }
  }
  if (
    m instanceof DockerSchema1Manifest &&
    (toMimeType === MediaType.DockerV2Schema2 || toMimeType === MediaType.OCIManifest)
  ) {
    const s2 = schema1ToSchema2(m, ctx)
    if (toMimeType === MediaType.DockerV2Schema2) {
      return { manifest: s2.manifest.updateLayerInfos(s2.edits), configBytes: s2.configBytes }
    }
    const oci = schema2ToOci(s2.manifest, s2.configBytes)
    return { manifest: oci.manifest.updateLayerInfos(s2.edits), configBytes: oci.configBytes }
  }
  throw unsupported(`unsupported conversion from ${m.mimeType} to ${JSON.stringify(toMimeType)}`)
}

/**
 * From schema2, or from OCI through schema2 (containers/image convertToManifestSchema1). The v1 IDs
 * come from the layers before the edits, which are applied afterwards (with the empty layers), as upstream.
 */
function toSchema1(m: ImageManifest, ctx: ConversionContext): ConversionResult {
  let s2: DockerSchema2Manifest
  let edits = ctx.layerInfos
  if (m instanceof DockerSchema2Manifest) s2 = m
  else if (m instanceof OciManifest) ({ manifest: s2, laterEdits: edits } = ociToSchema2Unedited(m, edits))
  else throw unsupported(`unsupported conversion from ${m.mimeType} to schema1`)
  if (!ctx.configBytes) throw unsupported('converting to schema1 needs the image config blob')
  const converted = schema2ToSchema1(s2, ctx.configBytes, ctx.dockerReference, edits)
  return { manifest: converted.manifest, extraBlobs: converted.extraBlobs }
}

function schema2ToOci(
  m: DockerSchema2Manifest,
  configBytes: Buffer | undefined
): { manifest: OciManifest; configBytes: Buffer } {
  if (!configBytes) throw unsupported('converting a schema2 manifest to OCI needs its config blob')
  const ociConfig = dockerConfigToOci(configBytes)
  const config: Descriptor = {
    mediaType: MediaType.OCIConfig,
    digest: sha256Digest(ociConfig),
    size: ociConfig.length
  }
  const layers = m.layerInfos().map(l => {
    const mediaType = schema2ToOciLayerTypes[l.mediaType]
    if (!mediaType)
      throw unsupported(`Unknown media type during manifest conversion: ${JSON.stringify(l.mediaType)}`)
    const d: Descriptor = { mediaType, digest: l.digest, size: l.size }
    if (l.urls) d.urls = l.urls
    return d
  })
  return { manifest: OciManifest.fromComponents(config, layers), configBytes: ociConfig }
}

function ociToSchema2(m: OciManifest, edits: LayerUpdate[] | undefined): DockerSchema2Manifest {
  const { manifest, laterEdits } = ociToSchema2Unedited(m, edits)
  return laterEdits ? manifest.updateLayerInfos(laterEdits) : manifest
}

/**
 * containers/image convertToManifestSchema2 from OCI: only the edits OCI alone can express (zstd
 * layers recompressed) are applied first; the others are returned, to apply after the conversion.
 */
function ociToSchema2Unedited(
  m: OciManifest,
  edits: LayerUpdate[] | undefined
): { manifest: DockerSchema2Manifest; laterEdits: LayerUpdate[] | undefined } {
  if (!m.isImage()) throw unsupported(`cannot convert to ${MediaType.DockerV2Schema2}: ${m.nonImageReason()}`)
  let source: OciManifest = m
  let laterEdits = edits
  // Zstd layers must be recompressed in OCI terms before they can be expressed in a Docker manifest.
  const original = m.layerInfos()
  if (edits) {
    if (edits.length !== original.length) {
      throw new ManifestError(
        'invalid-field',
        `preparing to convert: ${original.length} layers vs. ${edits.length} layer edits`
      )
    }
    const isZstd = (t: string): boolean =>
      t === MediaType.OCILayerZstd || t === MediaType.OCILayerNonDistributableZstd
    if (original.some(l => isZstd(l.mediaType))) {
      source = m.updateLayerInfos(
        original.map((l, i) => {
          const keep: LayerUpdate = {
            digest: l.digest,
            size: l.size,
            urls: l.urls,
            annotations: l.annotations
          }
          if (!isZstd(l.mediaType)) return keep
          return {
            ...keep,
            compression: edits[i].compression,
            mediaType: edits[i].compression ? undefined : edits[i].mediaType
          }
        })
      )
      laterEdits = edits.map((e, i) =>
        isZstd(original[i].mediaType) ? { ...e, compression: undefined, mediaType: undefined } : e
      )
    }
  }
  const config = source.configDescriptor()
  const s2Config: Descriptor = {
    mediaType: MediaType.DockerV2Schema2Config,
    size: config.size,
    digest: config.digest
  }
  if (config.urls) s2Config.urls = config.urls
  const layers = source.layerInfos().map(l => {
    if (l.mediaType === MediaType.OCILayerZstd || l.mediaType === MediaType.OCILayerNonDistributableZstd) {
      throw unsupported(
        `cannot convert to ${MediaType.DockerV2Schema2}: layer ${l.digest} is zstd-compressed (${l.mediaType}), which Docker schema2 cannot express; recompress it with gzip or keep OCI`
      )
    }
    if (encryptedLayerTypes.includes(l.mediaType)) {
      throw unsupported(
        `cannot convert to ${MediaType.DockerV2Schema2}: layer ${l.digest} is encrypted (${l.mediaType}), which Docker images do not support`
      )
    }
    const mediaType = ociToSchema2LayerTypes[l.mediaType]
    if (!mediaType)
      throw unsupported(`Unknown media type during manifest conversion: ${JSON.stringify(l.mediaType)}`)
    const d: Descriptor = { mediaType, size: l.size, digest: l.digest }
    if (l.urls) d.urls = l.urls
    return d
  })
  return { manifest: DockerSchema2Manifest.fromComponents(s2Config, layers), laterEdits }
}

function schema1ToSchema2(
  m: DockerSchema1Manifest,
  ctx: ConversionContext
): { manifest: DockerSchema2Manifest; configBytes: Buffer; edits: LayerUpdate[] } {
  const layers = m.layerInfos()
  const { diffIDs, layerInfos } = ctx
  if (!diffIDs) throw unsupported('converting a schema1 manifest needs the DiffIDs of its layers')
  if (!layerInfos)
    throw unsupported(
      'converting a schema1 manifest needs the layers as copied (ctx.layerInfos, for their sizes)'
    )
  if (diffIDs.length !== layers.length) {
    throw new ManifestError(
      'invalid-field',
      `collected ${diffIDs.length} DiffID values, but schema1 manifest has ${layers.length} fsLayers`
    )
  }
  if (layerInfos.length !== layers.length) {
    throw new ManifestError(
      'invalid-field',
      `uploaded ${layerInfos.length} blobs, but schema1 manifest has ${layers.length} fsLayers`
    )
  }
  const s2Layers: Descriptor[] = []
  const nonEmptyDiffIDs: string[] = []
  const edits: LayerUpdate[] = []
  layers.forEach((l, i) => {
    if (l.emptyLayer) return
    s2Layers.push({ mediaType: MediaType.DockerV2Schema2Layer, size: layerInfos[i].size, digest: l.digest })
    nonEmptyDiffIDs.push(diffIDs[i])
    edits.push(layerInfos[i])
  })
  const configBytes = schema1ToSchema2Config(m, nonEmptyDiffIDs)
  const config: Descriptor = {
    mediaType: MediaType.DockerV2Schema2Config,
    size: configBytes.length,
    digest: sha256Digest(configBytes)
  }
  return { manifest: DockerSchema2Manifest.fromComponents(config, s2Layers), configBytes, edits }
}
