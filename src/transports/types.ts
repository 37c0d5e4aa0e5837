// The two interfaces every transport implements (DESIGN.md section 2). The copy engine knows only
// these; a transport never imports the engine.
import type { Readable } from 'node:stream'
import type { BlobCompression, BlobInfoCache } from '../cache/blob-info-cache.js'
import type { ReferrerDescriptor } from '../manifest/index.js'
import type { DockerReference } from '../reference/docker.js'
import type { ProxyEnvironment } from '../registry/proxy-env.js'
import type { DestinationProperties, SourceProperties } from './properties.js'

export type { DestinationProperties, LayerCompressionPolicy, SourceProperties } from './properties.js'
export {
  destinationDefaults,
  destinationProperties,
  SIGNATURES_NOT_SUPPORTED,
  sourceDefaults,
  sourceProperties
} from './properties.js'

/** What is known of a blob before or after it is copied. `size` is -1 when unknown. */
export interface BlobInfo {
  digest: string
  size: number
  mediaType?: string
  urls?: string[]
  annotations?: Record<string, string>
}

/**
 * The referrers of one manifest as a source found them, and how: the registry's referrers API, the
 * referrers fallback tag (`sha256-<hex>`, an OCI index), or an OCI layout's index.json.
 */
export interface ReferrerListing {
  descriptors: ReferrerDescriptor[]
  via: 'api' | 'tag' | 'layout'
}

/** How a destination made a referrer findable: its referrers API (OCI-Subject), the fallback tag's index, or index.json. */
export type ReferrerStorage = 'api' | 'tag' | 'layout'

/** A manifest as stored: the exact bytes and the MIME type the store reported (or we guessed). */
export interface RawManifest {
  bytes: Buffer
  mimeType: string
}

/** Options shared by every transport: credentials, TLS, retries, concurrency, where to put temp files. */
export interface TransportContext {
  /** Directory for temporary files (atomic writes, archive staging). Defaults to os.tmpdir(). */
  tmpDir?: string
  /** Registry options, read only by the docker transport. */
  registry?: RegistryOptions
  /** A directory of blobs shared between OCI layouts (`--src-shared-blob-dir`). */
  sharedBlobDir?: string
  /**
   * The copy's cancellation (set by the engine from CopyOptions.signal): every registry request,
   * retry wait and Docker Engine call ends at once when it fires.
   */
  signal?: AbortSignal
  /** skopeo --dest-compress / --dest-decompress (DirForceCompress/DirForceDecompress): dir: only. */
  dirForceCompress?: boolean
  dirForceDecompress?: boolean
  /** skopeo --dest-oci-accept-uncompressed-layers: oci:/oci-archive: keep uncompressed layers as they are. */
  ociAcceptUncompressedLayers?: boolean
  /**
   * What is known of blobs across copies: which repositories of a registry hold a digest (recorded by
   * the registry client, read for mounts) and which digests are other compressions of the same content
   * (read for substitutes). Default: one memory cache for the whole process.
   */
  blobInfoCache?: BlobInfoCache
}

export interface RegistryCredentials {
  username?: string
  password?: string
  /** Used as a Bearer token directly, no token endpoint round trip. */
  registryToken?: string
  /** An OAuth2 refresh token (docker config `identitytoken`). */
  identityToken?: string
}

export interface RegistryOptions {
  credentials?: RegistryCredentials
  /** Look up credentials for a registry host and repository when none are given explicitly. */
  credentialLookup?: (host: string, repository: string) => Promise<RegistryCredentials | undefined>
  tlsVerify?: boolean
  /** How the user turns TLS verification off for this side (`--src-tls-verify=false`), for hints. */
  tlsVerifyOff?: string
  certDir?: string
  retryTimes?: number
  userAgent?: string
  /** Called with every secret (password, token, derived value) before anything could print it. */
  onSecret?: (secret: string) => void
  /** HTTP(S)_PROXY / NO_PROXY of the entry point's environment (default: the process's). */
  proxy?: ProxyEnvironment
  /** Where the registry client's log lines go (retries at `info`; details at `debug`). */
  log?: (level: 'debug' | 'info' | 'warning', message: string) => void
}

/**
 * A parsed `transport:reference` string. Parsing validates the syntax: it MUST NOT open the image
 * or touch the network (newSource/newDestination do).
 */
export interface ImageReference {
  /** `docker`, `oci`, `oci-archive`, `dir`, `docker-archive`, `docker-daemon`. */
  readonly transport: string
  /** The reference without the transport prefix, as a user would write it. */
  readonly reference: string
  /** The digest the reference names (`…@sha256:…`), if any. */
  readonly digest?: string
  /** The Docker reference a registry destination stands for (a schema1 manifest written there embeds it). */
  readonly dockerReference?: DockerReference
  /**
   * true when an image read through this reference never carries signatures or layer-info
   * overrides (a registry: no signature storage is read), so the engine may decide that a copy
   * changes nothing at a destination without opening the source. Absent: unknown.
   */
  readonly servesImagesAsStored?: boolean
  /** `transport:reference`, for logs and errors. MUST NOT contain credentials. */
  toString(): string
  /** Opens the image for reading. The caller MUST close what it gets. */
  newSource(ctx: TransportContext): Promise<ImageSource>
  /**
   * Opens the image for writing; options that cannot apply (a reference naming a digest where the
   * format cannot store one, conflicting TransportContext options) MUST fail here, before any
   * blob moves. The caller MUST close what it gets.
   */
  newDestination(ctx: TransportContext): Promise<ImageDestination>
}

/**
 * An image being read. Everything read from the store is hostile input: a source MUST validate
 * what it parses (JSON, tar headers, paths) before use.
 */
export interface ImageSource {
  readonly ref: ImageReference
  /** Constant for the source's lifetime. */
  readonly properties: SourceProperties
  /**
   * The top-level manifest, or with `instanceDigest` one manifest of a list. When the reference
   * names a digest (top level) or `instanceDigest` is given, the bytes MUST be verified against
   * that digest before they are returned.
   */
  getManifest(instanceDigest?: string): Promise<RawManifest>
  /**
   * A stream of the blob's bytes. `size` is the size the store reports, -1 when unknown. The
   * source MAY leave verification to the caller: the engine verifies digest and size while
   * streaming. Concurrent calls only when `properties.hasThreadSafeGetBlob`.
   */
  getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }>
  /** Signatures of the top-level image, or of one instance; [] when the store has none. */
  getSignatures(instanceDigest?: string): Promise<Buffer[]>
  /**
   * Layers to copy instead of the manifest's (containers/image LayerInfosForCopy), one per manifest
   * layer, in order, or undefined to copy the manifest's. A source that stores layers other than as
   * its manifest names them (uncompressed, in a local store) MUST serve these through getBlob; the
   * engine writes manifests that name them (and refuses when a manifest must not change).
   */
  layerInfosForCopy?(instanceDigest?: string): Promise<BlobInfo[] | undefined>
  /**
   * Optional: the referrers of a manifest (manifests whose `subject` is `digest`: signatures, SBOMs,
   * attestations). A source that has it MUST return every referrer it holds (every page of the API;
   * the fallback tag's index when the store has no API; none, not an error, when there are none),
   * each descriptor checked (digest syntax, size); it MAY apply `artifactTypes` itself (the engine
   * filters again). Every manifest listed MUST be readable through getManifest(digest), verified.
   */
  listReferrers?(digest: string, artifactTypes: readonly string[]): Promise<ReferrerListing>
  /**
   * Optional: the tags named after `digest` (cosign's `sha256-<hex>.sig`, `.att`, `.sbom`: every
   * `<alg>-<hex>.*`), not its referrers fallback tag. SHOULD list every such tag.
   */
  listDigestTags?(digest: string): Promise<string[]>
  /** Optional, with listDigestTags: the manifest a tag names, as stored (any manifest type). */
  getTaggedManifest?(tag: string): Promise<RawManifest>
  /** Releases resources (temp files, connections). MUST be safe to call once after any failure. */
  close(): Promise<void>
}

/**
 * A blob `tryReusingBlob` found. `compression` is set when it is a substitute (another digest of the
 * same content, with that compression); `digest` and `size` are then the substitute's, while the other
 * fields are the caller's, unchanged: the engine derives the layer's media type from `compression`.
 */
export interface ReusedBlobInfo extends BlobInfo {
  compression?: BlobCompression
}

/** What `tryReusingBlob` found. */
export type BlobReuse = { reused: false } | { reused: true; how: 'exists' | 'mounted'; info: ReusedBlobInfo }

export interface TryReuseOptions {
  /** The source reference, so a registry destination can mount from it when both are on one registry. */
  source?: ImageReference
  /**
   * Another digest of the same content (another compression, or none) may be reused in place of the
   * one asked for (containers/image CanSubstitute); the variants come from the blob-info cache.
   */
  canSubstitute?: boolean
  /** With canSubstitute: only substitutes with this compression are acceptable (undefined: any). */
  requiredCompression?: BlobCompression
}

export interface PutBlobOptions {
  isConfig: boolean
}

/** Thrown by putManifest when the destination refuses the manifest's type; the engine then tries the next candidate type. */
export class ManifestTypeRejectedError extends Error {
  constructor(
    message: string,
    readonly mimeType: string
  ) {
    super(message)
    this.name = 'ManifestTypeRejectedError'
  }
}

/**
 * An image being written. Calls come in this order: blobs (tryReusingBlob, putBlob; concurrently
 * only when `properties.hasThreadSafePutBlob`), then manifests (instances before the list),
 * then signatures, then commit, then close.
 */
export interface ImageDestination {
  readonly ref: ImageReference
  /** Constant for the destination's lifetime; built when it opens. */
  readonly properties: DestinationProperties
  /**
   * Whether the blob is already there (or can be mounted) without uploading it. It MUST NOT
   * report a blob it does not hold (or has not just mounted) under that digest. The returned info
   * MUST carry the digest asked for, unless `options.canSubstitute`: then it MAY return another
   * compression of the same content (with `compression` set), of `options.requiredCompression`
   * when that is given.
   */
  tryReusingBlob(info: BlobInfo, options: TryReuseOptions): Promise<BlobReuse>
  /**
   * Stores a blob and returns its digest and size. When `info.digest` is given the bytes MUST be
   * verified against it (and against `info.size` when not -1); a blob MUST NOT become visible
   * under a digest until its bytes verified. If the stream errors or the bytes do not verify,
   * putBlob MUST fail and keep nothing of it.
   */
  putBlob(stream: Readable, info: BlobInfo, options: PutBlobOptions): Promise<BlobInfo>
  /**
   * Stores a manifest: with `instanceDigest` as one instance of a list, else as the top-level
   * manifest. The bytes MUST be stored unchanged. A destination that refuses the type SHOULD
   * throw ManifestTypeRejectedError, so the engine tries the next candidate type.
   */
  putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void>
  /**
   * Optional: stores a referrer (a manifest whose `subject` is `subject`; its blobs and child manifests
   * put before) byte for byte under `digest`, and makes it findable as a referrer of `subject`. A
   * registry that does not answer the PUT with `OCI-Subject` MUST add it to the subject's fallback
   * tag index by read-modify-write, keeping every entry already there. Destinations without it
   * cannot hold referrers; the engine says so and goes on.
   */
  putReferrer?(manifest: RawManifest, digest: string, subject: string): Promise<ReferrerStorage>
  /** Optional: stores a manifest under a tag, byte for byte (cosign's digest tags); its blobs put before. */
  putTaggedManifest?(manifest: RawManifest, tag: string): Promise<void>
  /**
   * Optional (skip what is already there): the top-level manifest the reference names now (a tag's,
   * or the digest's when the reference names one), as its digest and MIME type, or undefined when it
   * names none or this cannot be told cheaply. The engine then writes nothing to this destination
   * when that digest is exactly what it would write. So it MUST report only a manifest that is there
   * complete: its blobs and, for a list, every manifest the list names (a registry verifies these when
   * a manifest is pushed; a local layout checks them). It MUST NOT report a manifest with signatures
   * stored beside it (a copy that writes none would remove them). It SHOULD cost no more than one
   * request without a body (a manifest HEAD) or a few local reads, and MUST NOT write anything. It is
   * called before any blob moves, possibly while the source is being read.
   */
  existingManifest?(): Promise<{ digest: string; mimeType: string } | undefined>
  /** MUST be called after putManifest for the same image; MUST fail when given signatures it cannot store. */
  putSignatures(signatures: Buffer[], instanceDigest?: string): Promise<void>
  /**
   * Makes everything written visible (moves refs, publishes the archive). Where the format allows,
   * nothing written SHOULD be visible to others before commit (a registry shows each manifest as
   * it is written). `unparsedToplevel` is the source's list when one image was chosen from it
   * (containers/image Commit's unparsedToplevel): a store that keeps lists beside images MAY keep it.
   */
  commit(toplevel: RawManifest, unparsedToplevel?: RawManifest): Promise<void>
  /**
   * Releases resources. When commit was not called, it MUST remove what this destination wrote
   * where the format allows (temp files, staging directories, an unfinished archive or load); it
   * MUST NOT remove what another writer may be using (a content-addressed blob in a shared store).
   */
  close(): Promise<void>
}
