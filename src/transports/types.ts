// The two interfaces every transport implements (DESIGN.md section 2). The copy engine knows only
// these; a transport never imports the engine.
import type { Readable } from 'node:stream'
import type { BlobCompression, BlobInfoCache } from '../cache/blob-info-cache.js'
import type { DockerReference } from '../reference/docker.js'
import type { ProxyEnvironment } from '../registry/proxy-env.js'

/** What is known of a blob before or after it is copied. `size` is -1 when unknown. */
export interface BlobInfo {
  digest: string
  size: number
  mediaType?: string
  urls?: string[]
  annotations?: Record<string, string>
}

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

/** A parsed `transport:reference` string. */
export interface ImageReference {
  /** `docker`, `oci`, `oci-archive`, `dir`, `docker-archive`, `docker-daemon`. */
  readonly transport: string
  /** The reference without the transport prefix, as a user would write it. */
  readonly reference: string
  /** The digest the reference names (`…@sha256:…`), if any. */
  readonly digest?: string
  /** The Docker reference a registry destination stands for (a schema1 manifest written there embeds it). */
  readonly dockerReference?: DockerReference
  /** `transport:reference`, for logs and errors. */
  toString(): string
  newSource(ctx: TransportContext): Promise<ImageSource>
  newDestination(ctx: TransportContext): Promise<ImageDestination>
}

export interface ImageSource {
  readonly ref: ImageReference
  /** The top-level manifest, or with `instanceDigest` one manifest of a list. Verified against a digest the reference names. */
  getManifest(instanceDigest?: string): Promise<RawManifest>
  /** A stream of the blob's bytes. The engine verifies digest and size while streaming. */
  getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }>
  /** Signatures of the top-level image, or of one instance. */
  getSignatures(instanceDigest?: string): Promise<Buffer[]>
  /** True when getBlob may be called concurrently. */
  readonly hasThreadSafeGetBlob: boolean
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

export type LayerCompressionPolicy = 'preserve' | 'compress' | 'decompress'

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

export interface ImageDestination {
  readonly ref: ImageReference
  /** MIME types of manifests the destination accepts, in its order of preference; empty = any. */
  supportedManifestMimeTypes(): string[]
  /** What the destination wants done to layers. */
  readonly desiredLayerCompression: LayerCompressionPolicy
  /** Whether it can store signatures; a string says why not. */
  supportsSignatures(): true | string
  /** Whether foreign (URL-bearing, non-distributable) layers may be left out. */
  readonly acceptsForeignLayerURLs: boolean
  /** False: the engine gives it blobs one at a time, in the manifests' layer order. */
  readonly hasThreadSafePutBlob: boolean
  /**
   * Takes configs while layers are still being written (a registry, where that takes the config's
   * round trips off the end of the copy). Others get each config after the layers, the order skopeo
   * writes them in, which an archive's bytes depend on.
   */
  readonly takesConfigsEarly?: boolean
  /** True for destinations that must be given an image for the runtime OS (docker-daemon). */
  readonly mustMatchRuntimeOS: boolean
  /** Checks whether the blob is already there (or can be mounted) without uploading it. */
  tryReusingBlob(info: BlobInfo, options: TryReuseOptions): Promise<BlobReuse>
  /** Stores a blob. The stream errors (and nothing may be kept) if the bytes do not verify. */
  putBlob(stream: Readable, info: BlobInfo, options: PutBlobOptions): Promise<BlobInfo>
  /** Stores a manifest: with `instanceDigest` as one instance of a list, else as the top-level manifest. */
  putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void>
  putSignatures(signatures: Buffer[], instanceDigest?: string): Promise<void>
  /** Makes everything written visible (moves refs, writes the archive). */
  commit(toplevel: RawManifest): Promise<void>
  /** Releases resources; when commit was not called, removes what this destination wrote where the format allows. */
  close(): Promise<void>
}
