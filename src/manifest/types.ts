/** An OCI platform. JSON keys `os.version` and `os.features` map to osVersion and osFeatures. */
export interface Platform {
  os: string
  architecture: string
  variant?: string
  osVersion?: string
  osFeatures?: string[]
  /** Docker lists only; OCI has no such field and drops it. */
  features?: string[]
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  urls?: string[]
  annotations?: Record<string, string>
  platform?: Platform
  artifactType?: string
  /** Embedded content (OCI `data`, base64 in JSON). */
  data?: Buffer
}

/** A layer as listed by a manifest; `emptyLayer` marks schema1 "throwaway" layers. */
export type LayerInfo = Descriptor & { emptyLayer?: boolean }

/** How a layer's compression changed while it was copied (containers/image CompressionOperation + algorithm). */
export type LayerCompressionChange =
  | { operation: 'preserve' }
  | { operation: 'preserve'; algorithm: CompressionAlgorithm }
  | { operation: 'compress'; algorithm: CompressionAlgorithm }
  | { operation: 'decompress' }

export type CompressionAlgorithm = 'gzip' | 'zstd' | 'zstd:chunked'

/**
 * What a copied layer became. Like containers/image UpdateLayerInfos, `urls` and (OCI) `annotations`
 * replace the old values, so pass the source's values to keep them. The media type is derived from the
 * original one and `compression` when given; else `mediaType` is used when given; else it is kept.
 */
export interface LayerUpdate {
  digest: string
  size: number
  mediaType?: string
  urls?: string[]
  annotations?: Record<string, string>
  compression?: LayerCompressionChange
}

export interface ImageManifest {
  readonly mimeType: string
  /** The config blob, or undefined for schema1 (which has none). */
  configDescriptor(): Descriptor | undefined
  /** Layers, base layer first. */
  layerInfos(): LayerInfo[]
  /** The manifest as containers/image would write it (Go encoding/json). */
  serialize(): Buffer
  /** False for OCI artifacts whose config is not an image config. */
  isImage(): boolean
  /** A copy with the layers replaced after blobs changed (one update per layer, same order as layerInfos()). */
  updateLayerInfos(infos: LayerUpdate[]): ImageManifest
}

export interface InstanceUpdate {
  /** The digest of the entry to change. */
  digest: string
  newDigest: string
  size: number
  mediaType: string
  /** Compression used by the new instance's layers; for OCI indexes, zstd adds the zstd annotation. */
  compressionAlgorithms?: CompressionAlgorithm[]
}

export interface WantedPlatformOptions {
  os: string
  architecture: string
  variant?: string
  /** OCI indexes: prefer gzip instances over zstd ones (containers/image PreferGzipInstances). */
  preferGzip?: boolean
}

export interface ManifestList {
  readonly mimeType: string
  /** Entries in order, with their platforms (Docker list entries always have one). */
  instances(): Descriptor[]
  /** The entry with this digest; ManifestError 'no-matching-instance' when absent. */
  instance(digest: string): Descriptor
  /**
   * A copy with entries changed after their manifests were rewritten. With `cannotModify`, avoidable
   * edits (the zstd annotation) are skipped, as containers/image does.
   */
  withUpdatedInstances(updates: InstanceUpdate[], options?: { cannotModify?: boolean }): ManifestList
  /** A copy without the entries of these digests. */
  withoutInstances(digests: string[]): ManifestList
  /**
   * The list as the other list type (or a copy of itself). OCI index entries without a platform get
   * `runtime` (containers/image uses its own GOOS/GOARCH) when converted to a Docker list.
   */
  convertTo(listMimeType: string, runtime?: { os: string; architecture: string }): ManifestList
  serialize(): Buffer
  /** The digest of the instance containers/image would pick for this platform. */
  chooseInstance(wanted: WantedPlatformOptions): string
}
