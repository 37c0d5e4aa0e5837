// The manifest model: media types, parsing, digests, conversions, lists and platform matching.
// Pure: no I/O; behaviour follows containers/image, and everything written is byte-identical to Go's output.
export { ManifestError, type ManifestErrorKind } from './errors.js'
export {
  MediaType,
  ZstdInstanceAnnotation,
  allManifestMimeTypes,
  defaultRequestedManifestMimeTypes,
  isListMimeType,
  isSchema1MimeType,
  listMimeTypeFor,
  normalizeMimeType,
  parseMimeTypeOption,
  supportedListMimeTypes
} from './media-types.js'
export type {
  CompressionAlgorithm,
  Descriptor,
  ImageManifest,
  InstanceUpdate,
  LayerCompressionChange,
  LayerInfo,
  LayerUpdate,
  ManifestList,
  Platform,
  WantedPlatformOptions
} from './types.js'
export {
  checkDescriptorDigests,
  checkDigestField,
  digestWithAlgorithm,
  isValidDigest,
  manifestDigest,
  manifestDigestedBytes,
  matchesDigest,
  parseDigest,
  sha256Digest,
  type ParsedDigest
} from './digest.js'
export { guessMimeType, guessMimeTypeOrEmpty } from './guess.js'
export { DockerSchema1Manifest, type V1Compatibility } from './docker-schema1.js'
export { DockerSchema2Manifest } from './docker-schema2.js'
export { OciManifest } from './oci-manifest.js'
export { DockerManifestList } from './docker-list.js'
export { OciIndex } from './oci-index.js'
export { assertNoNestedLists, parseImageManifest, parseList } from './parse.js'
export { convertManifest, type ConversionContext, type ConversionResult } from './convert.js'
export {
  GZIPPED_EMPTY_LAYER,
  GZIPPED_EMPTY_LAYER_DIGEST,
  type EmbeddedReference,
  type ExtraBlob
} from './schema1-from-schema2.js'
export { verifySchema1Signatures } from './jws.js'
export {
  describePlatforms,
  formatPlatform,
  nodeToOciPlatform,
  parsePlatform,
  platformMatches,
  selectInstances,
  wantedPlatforms
} from './platform.js'
export {
  canChangeLayerCompression,
  ociLayerVariants,
  schema2LayerVariants,
  updatedLayerMediaType
} from './layer-media-types.js'
export { dockerConfigToOci } from './image-config.js'
export {
  AttestationManifestType,
  AttestationReferenceDigestAnnotation,
  AttestationReferenceTypeAnnotation,
  attestedDigest,
  imageCount,
  isAttestation,
  withAttestations
} from './attestation.js'
export {
  GoMap,
  RawJson,
  compactJson,
  goMarshal,
  goQuote,
  parseJson,
  type GoValue,
  type JsonValue
} from './go-json.js'
export {
  OCIEmptyConfig,
  checkDescriptor,
  fallbackTag,
  manifestLinks,
  matchesArtifactTypes,
  mergeReferrersIndex,
  parseReferrersIndex,
  referrerDescriptor,
  type ManifestLinks,
  type ReferrerDescriptor
} from './referrers.js'
