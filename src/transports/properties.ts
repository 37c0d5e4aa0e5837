// What a transport's source or destination can do, as one frozen object per source and per
// destination (containers/image internal/imagedestination/impl/properties.go, where each transport
// embeds a Properties struct). A transport states only what differs from the defaults, when it
// opens the source or destination (the values may depend on its TransportContext: dir:'s forced
// compression, oci:'s acceptance of uncompressed layers, docker-daemon:'s engine), and the values
// do not change for the object's lifetime. The engine reads them; it never asks a transport "can
// you" through a method.
//
// The defaults are the conservative answers, the ones that cannot lose data or break a store that
// did not say otherwise: any manifest type may be tried (the destination still refuses a type in
// putManifest, and the engine then tries the next one), signatures are refused (a destination that
// silently dropped them would lose them; the engine then fails unless the user removes them), layers
// are kept as they are, foreign layers are copied, no runtime-OS check, and one blob at a time.

export type LayerCompressionPolicy = 'preserve' | 'compress' | 'decompress'

export interface DestinationProperties {
  /** Manifest MIME types accepted, most preferred first; empty = any may be tried. */
  readonly supportedManifestMimeTypes: readonly string[]
  /** true, or why it cannot store signatures (shown to the user). */
  readonly supportsSignatures: true | string
  /** What the engine does to layers before putBlob: keep, compress (gzip) or decompress them. */
  readonly desiredLayerCompression: LayerCompressionPolicy
  /** true: foreign (URL-bearing, non-distributable) layers are left out and keep their URLs. */
  readonly acceptsForeignLayerURLs: boolean
  /** true: only an image for the runtime OS may be written (a Docker Engine on this machine). */
  readonly mustMatchRuntimeOS: boolean
  /** false: the engine gives it blobs one at a time, in the manifests' layer order. */
  readonly hasThreadSafePutBlob: boolean
  /**
   * Takes configs while layers are still being written (a registry, where that takes the config's
   * round trips off the end of the copy). Others get each config after the layers, the order skopeo
   * writes them in, which an archive's bytes depend on.
   */
  readonly takesConfigsEarly: boolean
}

/** The generic reason of the default: a destination that can say more overrides it. */
export const SIGNATURES_NOT_SUPPORTED = 'this destination cannot store signatures'

export const destinationDefaults: DestinationProperties = Object.freeze({
  supportedManifestMimeTypes: Object.freeze([]) as readonly string[],
  supportsSignatures: SIGNATURES_NOT_SUPPORTED,
  desiredLayerCompression: 'preserve',
  acceptsForeignLayerURLs: false,
  mustMatchRuntimeOS: false,
  hasThreadSafePutBlob: false,
  takesConfigsEarly: false
})

/** The defaults with `overrides` applied, frozen (the type list is copied and frozen too). */
export function destinationProperties(overrides: Partial<DestinationProperties>): DestinationProperties {
  const merged = { ...destinationDefaults, ...definedOnly(overrides) }
  return Object.freeze({
    ...merged,
    supportedManifestMimeTypes: Object.freeze([...merged.supportedManifestMimeTypes])
  })
}

export interface SourceProperties {
  /** true: getBlob may be called again before an earlier call's stream has ended. */
  readonly hasThreadSafeGetBlob: boolean
}

export const sourceDefaults: SourceProperties = Object.freeze({ hasThreadSafeGetBlob: false })

/** The defaults with `overrides` applied, frozen. */
export function sourceProperties(overrides: Partial<SourceProperties>): SourceProperties {
  return Object.freeze({ ...sourceDefaults, ...definedOnly(overrides) })
}

/** An override given as `undefined` keeps the default (Partial allows it; a spread would not). */
function definedOnly<T extends object>(overrides: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<T>
}
