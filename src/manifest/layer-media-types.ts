// Which layer media type a compression change leads to (containers/image compressionMIMETypeSet tables).
import { ManifestError } from './errors.js'
import { MediaType } from './media-types.js'
import type { CompressionAlgorithm, LayerCompressionChange } from './types.js'

/** One row: the uncompressed (''), gzip and zstd variants of one kind of layer; null = recognized but unsupported. */
type VariantSet = Readonly<Record<'' | 'gzip' | 'zstd', string | null>>

export const schema2LayerVariants: readonly VariantSet[] = [
  { '': MediaType.DockerV2Schema2ForeignLayer, gzip: MediaType.DockerV2Schema2ForeignLayerGzip, zstd: null },
  { '': MediaType.DockerV2SchemaLayerUncompressed, gzip: MediaType.DockerV2Schema2Layer, zstd: null }
]

export const ociLayerVariants: readonly VariantSet[] = [
  {
    '': MediaType.OCILayerNonDistributable,
    gzip: MediaType.OCILayerNonDistributableGzip,
    zstd: MediaType.OCILayerNonDistributableZstd
  },
  { '': MediaType.OCILayer, gzip: MediaType.OCILayerGzip, zstd: MediaType.OCILayerZstd }
]

/** Schema1 has no layer media types; the table only tells which compressions it can hold. */
export const schema1FakeLayerType = MediaType.DockerV2Schema2Layer
export const schema1LayerVariants: readonly VariantSet[] = [
  { '': schema1FakeLayerType, gzip: schema1FakeLayerType, zstd: null }
]

function baseVariant(algorithm: CompressionAlgorithm): 'gzip' | 'zstd' {
  return algorithm === 'gzip' ? 'gzip' : 'zstd'
}

function incompatible(message: string): ManifestError {
  return new ManifestError('unsupported-conversion', message)
}

function variantMediaType(
  table: readonly VariantSet[],
  mimeType: string,
  algorithm?: CompressionAlgorithm
): string {
  const variants = mimeType === '' ? undefined : table.find(set => Object.values(set).includes(mimeType))
  if (variants === undefined) {
    throw new ManifestError(
      'unsupported-conversion',
      algorithm
        ? `unsupported MIME type for compression: ${JSON.stringify(mimeType)}`
        : `unsupported MIME type for decompression: ${JSON.stringify(mimeType)}`
    )
  }
  const name = algorithm ? baseVariant(algorithm) : ''
  const result = variants[name]
  if (result !== null) return result
  throw incompatible(
    name === ''
      ? `uncompressed variant is not supported for type ${JSON.stringify(mimeType)}`
      : `${name} compression is not supported for type ${JSON.stringify(mimeType)}`
  )
}

/** containers/image updatedMIMEType: the media type of a layer after `change`. */
export function updatedLayerMediaType(
  table: readonly VariantSet[],
  mimeType: string,
  change: LayerCompressionChange
): string {
  switch (change.operation) {
    case 'preserve':
      return 'algorithm' in change ? variantMediaType(table, mimeType, change.algorithm) : mimeType
    case 'decompress':
      return variantMediaType(table, mimeType)
    case 'compress':
      return variantMediaType(table, mimeType, change.algorithm)
  }
}

/** Whether layers of this type can be (de)compressed in a manifest of this table's format. */
export function canChangeLayerCompression(table: readonly VariantSet[], mimeType: string): boolean {
  return mimeType !== '' && table.some(set => Object.values(set).includes(mimeType))
}

/** UpdateLayerInfos replaces layers one for one: the count must not change. */
export function assertSameLayerCount(original: number, updated: number): void {
  if (original !== updated) {
    throw new ManifestError(
      'invalid-field',
      `preparing updated manifest: layer count changed from ${original} to ${updated}`
    )
  }
}
