import { ManifestError } from './errors.js'

export const MediaType = {
  DockerV2Schema1: 'application/vnd.docker.distribution.manifest.v1+json',
  DockerV2Schema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  DockerV2Schema2: 'application/vnd.docker.distribution.manifest.v2+json',
  DockerV2List: 'application/vnd.docker.distribution.manifest.list.v2+json',
  DockerV2Schema2Config: 'application/vnd.docker.container.image.v1+json',
  DockerV2Schema2Layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  DockerV2SchemaLayerUncompressed: 'application/vnd.docker.image.rootfs.diff.tar',
  DockerV2SchemaLayerZstd: 'application/vnd.docker.image.rootfs.diff.tar.zstd',
  DockerV2Schema2ForeignLayer: 'application/vnd.docker.image.rootfs.foreign.diff.tar',
  DockerV2Schema2ForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
  OCIDescriptor: 'application/vnd.oci.descriptor.v1+json',
  OCILayoutHeader: 'application/vnd.oci.layout.header.v1+json',
  OCIManifest: 'application/vnd.oci.image.manifest.v1+json',
  OCIIndex: 'application/vnd.oci.image.index.v1+json',
  OCIConfig: 'application/vnd.oci.image.config.v1+json',
  OCILayer: 'application/vnd.oci.image.layer.v1.tar',
  OCILayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  OCILayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  OCILayerNonDistributable: 'application/vnd.oci.image.layer.nondistributable.v1.tar',
  OCILayerNonDistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  OCILayerNonDistributableZstd: 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
  OCIEmptyJSON: 'application/vnd.oci.empty.v1+json',
  // ocicrypt's encrypted layer types
  OCILayerEncrypted: 'application/vnd.oci.image.layer.v1.tar+encrypted',
  OCILayerGzipEncrypted: 'application/vnd.oci.image.layer.v1.tar+gzip+encrypted',
  OCILayerZstdEncrypted: 'application/vnd.oci.image.layer.v1.tar+zstd+encrypted',
  OCILayerNonDistributableEncrypted: 'application/vnd.oci.image.layer.nondistributable.v1.tar+encrypted',
  OCILayerNonDistributableGzipEncrypted:
    'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip+encrypted',
  OCILayerNonDistributableZstdEncrypted:
    'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd+encrypted'
} as const

/** The annotation containers/image puts on OCI index entries whose layers are zstd-compressed. */
export const ZstdInstanceAnnotation = 'io.github.containers.compression.zstd'

/** Single-image manifest types, in containers/image's order of preference (allManifestMIMETypes). */
export const allManifestMimeTypes: readonly string[] = [
  MediaType.OCIManifest,
  MediaType.DockerV2Schema2,
  MediaType.DockerV2Schema1Signed,
  MediaType.DockerV2Schema1
]

/** List types, in containers/image's order (SupportedListMIMETypes). */
export const supportedListMimeTypes: readonly string[] = [MediaType.DockerV2List, MediaType.OCIIndex]

/** Every manifest type a source should ask for (containers/image DefaultRequestedManifestMIMETypes). */
export const defaultRequestedManifestMimeTypes: readonly string[] = [
  ...allManifestMimeTypes,
  ...supportedListMimeTypes
]

export function isListMimeType(mimeType: string): boolean {
  return mimeType === MediaType.DockerV2List || mimeType === MediaType.OCIIndex
}

export function isSchema1MimeType(mimeType: string): boolean {
  return mimeType === MediaType.DockerV2Schema1 || mimeType === MediaType.DockerV2Schema1Signed
}

/**
 * The effective type of a manifest MIME type a server returned (containers/image NormalizedMIMEType):
 * `application/json` and anything unrecognized are treated as signed schema1, as docker/distribution does.
 */
export function normalizeMimeType(mimeType: string): string {
  switch (mimeType) {
    case MediaType.DockerV2Schema1:
    case MediaType.DockerV2Schema1Signed:
    case MediaType.OCIManifest:
    case MediaType.OCIIndex:
    case MediaType.DockerV2Schema2:
    case MediaType.DockerV2List:
      return mimeType
    default:
      return MediaType.DockerV2Schema1Signed
  }
}

const mimeTypeShortNames: Readonly<Record<string, string>> = {
  oci: MediaType.OCIManifest,
  v2s1: MediaType.DockerV2Schema1Signed,
  v2s2: MediaType.DockerV2Schema2
}

/** Parses a `force-mime-type` value: `oci`, `v2s1`, `v2s2` (as skopeo's --format), or a full manifest MIME type. */
export function parseMimeTypeOption(value: string): string {
  const v = value.trim()
  const short = mimeTypeShortNames[v.toLowerCase()]
  if (short !== undefined) return short
  if (allManifestMimeTypes.includes(v) || supportedListMimeTypes.includes(v)) return v
  throw new ManifestError(
    'unknown-media-type',
    `unknown manifest format ${JSON.stringify(value)}: use one of oci, v2s1, v2s2, or a MIME type: ${[
      ...allManifestMimeTypes,
      ...supportedListMimeTypes
    ].join(', ')}`
  )
}

/** The list type that holds instances of a single-image type (copy/manifest.go determineListConversion). */
export function listMimeTypeFor(mimeType: string): string {
  switch (mimeType) {
    case MediaType.DockerV2Schema1:
    case MediaType.DockerV2Schema1Signed:
    case MediaType.DockerV2Schema2:
    case MediaType.DockerV2List:
      return MediaType.DockerV2List
    case MediaType.OCIManifest:
    case MediaType.OCIIndex:
      return MediaType.OCIIndex
    default:
      throw new ManifestError(
        'unknown-media-type',
        `no manifest list type holds manifests of type ${JSON.stringify(mimeType)}`
      )
  }
}
