// An in-memory transport for engine tests that need no external program: a source serving real OCI
// manifests and blobs from Maps (with chosen delays, failures and wrong bytes, counting reads) and a
// destination with chosen capabilities that records every call in order, can fail a chosen call,
// can hold a putBlob until the test releases it, and keeps what it was given.
import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CopyOptions } from '../../src/copy/options.js'
import { MediaType, OciIndex, OciManifest, sha256Digest } from '../../src/manifest/index.js'
import {
  destinationProperties,
  sourceProperties,
  type BlobInfo,
  type BlobReuse,
  type DestinationProperties,
  type ImageDestination,
  type ImageReference,
  type ImageSource,
  type LayerCompressionPolicy,
  type PutBlobOptions,
  type RawManifest,
  type TransportContext
} from '../../src/transports/types.js'

export interface MemoryBlob {
  bytes: Buffer
  digest: string
  size: number
  mediaType: string
}

export function memoryBlob(bytes: Buffer, mediaType: string = MediaType.OCILayerGzip): MemoryBlob {
  return { bytes, digest: sha256Digest(bytes), size: bytes.length, mediaType }
}

/** A layer whose bytes depend on `seed`; `size` bytes long. */
export function layerBlob(seed: string, size = 64): MemoryBlob {
  const unit = Buffer.from(`${seed}:`)
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i += unit.length) unit.copy(bytes, i)
  return memoryBlob(bytes)
}

export interface MemoryImage {
  config: MemoryBlob
  layers: MemoryBlob[]
  raw: RawManifest
  digest: string
  arch: string
}

/** A real OCI image manifest (built by src/manifest) over a generated config and the given layers. */
export function memoryImage(seed: string, layers: MemoryBlob[], arch = 'amd64'): MemoryImage {
  const config = memoryBlob(
    Buffer.from(
      JSON.stringify({
        architecture: arch,
        os: 'linux',
        rootfs: {
          type: 'layers',
          diff_ids: layers.map(l => sha256Digest(Buffer.from(`${seed}${l.digest}`)))
        },
        config: {}
      })
    ),
    MediaType.OCIConfig
  )
  const descriptor = (b: MemoryBlob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.size })
  const bytes = OciManifest.fromComponents(descriptor(config), layers.map(descriptor)).serialize()
  return {
    config,
    layers,
    raw: { bytes, mimeType: MediaType.OCIManifest },
    digest: sha256Digest(bytes),
    arch
  }
}

/** A real OCI index over the images, one platform each. */
export function memoryIndex(images: MemoryImage[]): { raw: RawManifest; digest: string } {
  const bytes = OciIndex.fromInstances(
    images.map(i => ({
      mediaType: MediaType.OCIManifest,
      digest: i.digest,
      size: i.raw.bytes.length,
      platform: { architecture: i.arch, os: 'linux' }
    }))
  ).serialize()
  return { raw: { bytes, mimeType: MediaType.OCIIndex }, digest: sha256Digest(bytes) }
}

/** A reference that hands out one prepared source or destination object (so tests can inspect it). */
export class MemoryReference implements ImageReference {
  readonly transport = 'memory'
  source?: ImageSource
  destination?: ImageDestination

  constructor(readonly reference: string) {}

  toString(): string {
    return `memory:${this.reference}`
  }

  async newSource(_ctx: TransportContext): Promise<ImageSource> {
    if (!this.source) throw new Error(`${this.toString()} has no source`)
    return this.source
  }

  async newDestination(_ctx: TransportContext): Promise<ImageDestination> {
    if (!this.destination) throw new Error(`${this.toString()} has no destination`)
    return this.destination
  }
}

/** The engine's options for copying `source` to `destinations` with the defaults engine tests use. */
export function memoryCopyOptions(
  source: { ref: ImageReference },
  destinations: Array<{ ref: ImageReference }>,
  more: Partial<CopyOptions> = {}
): CopyOptions {
  return {
    source: source.ref,
    destinations: destinations.map(d => d.ref),
    selection: { kind: 'all' },
    sparseList: 'strip',
    preserveDigests: false,
    removeSignatures: false,
    parallel: 4,
    sourceContext: {},
    destinationContext: {},
    ...more
  }
}

export interface MemorySourceOptions {
  /** The top-level manifest (an image or a list). */
  top: RawManifest
  /** Every image of the source (instances of the list, or the single image). */
  images: MemoryImage[]
  /** Milliseconds to wait before serving a blob, by digest. */
  delays?: Map<string, number>
  /** getBlob fails with this error, by digest. */
  failures?: Map<string, Error>
  /** Bytes served instead of the right ones, by digest. */
  wrongBytes?: Map<string, Buffer>
  /** Layers served instead of the manifest's (layerInfosForCopy), by image digest. */
  layerOverrides?: Map<string, MemoryBlob[]>
}

export class MemorySource implements ImageSource {
  readonly ref: MemoryReference
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })
  /** getBlob calls, by digest. */
  readonly reads = new Map<string, number>()
  closed = 0
  private readonly manifests = new Map<string, RawManifest>()
  private readonly blobs = new Map<string, Buffer>()

  constructor(
    name: string,
    private readonly options: MemorySourceOptions
  ) {
    this.ref = new MemoryReference(name)
    this.ref.source = this
    for (const image of options.images) {
      this.manifests.set(image.digest, image.raw)
      for (const b of [image.config, ...image.layers]) this.blobs.set(b.digest, b.bytes)
    }
    for (const layers of options.layerOverrides?.values() ?? [])
      for (const b of layers) this.blobs.set(b.digest, b.bytes)
  }

  get top(): RawManifest {
    return this.options.top
  }

  async getManifest(instanceDigest?: string): Promise<RawManifest> {
    if (instanceDigest === undefined) return this.options.top
    const raw = this.manifests.get(instanceDigest)
    if (!raw) throw new Error(`no manifest ${instanceDigest}`)
    return raw
  }

  async getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    this.reads.set(info.digest, (this.reads.get(info.digest) ?? 0) + 1)
    const delay = this.options.delays?.get(info.digest)
    if (delay) await sleep(delay)
    const failure = this.options.failures?.get(info.digest)
    if (failure) throw failure
    const bytes = this.options.wrongBytes?.get(info.digest) ?? this.blobs.get(info.digest)
    if (!bytes) throw new Error(`no blob ${info.digest}`)
    return { stream: Readable.from([bytes]), size: bytes.length }
  }

  async getSignatures(): Promise<Buffer[]> {
    return []
  }

  async layerInfosForCopy(instanceDigest?: string): Promise<BlobInfo[] | undefined> {
    const digest = instanceDigest ?? this.options.images[0].digest
    return this.options.layerOverrides?.get(digest)?.map(b => ({ digest: b.digest, size: b.bytes.length }))
  }

  async close(): Promise<void> {
    this.closed++
  }
}

export type CallKind =
  | 'tryReusingBlob'
  | 'putBlob-start'
  | 'putBlob-end'
  | 'putBlob-failed'
  | 'putManifest'
  | 'putSignatures'
  | 'commit'
  | 'close'

export interface Call {
  kind: CallKind
  /** Order among the calls of every destination of the test (one counter for all). */
  seq: number
  destination: string
  digest?: string
  instanceDigest?: string
  mimeType?: string
  isConfig?: boolean
}

let sequence = 0

export interface Deferred {
  promise: Promise<void>
  release: () => void
}

export function deferred(): Deferred {
  let release!: () => void
  const promise = new Promise<void>(resolve => (release = resolve))
  return { promise, release }
}

export interface MemoryDestinationOptions {
  supportedManifestMimeTypes?: string[]
  signatures?: true | string
  hasThreadSafePutBlob?: boolean
  takesConfigsEarly?: boolean
  desiredLayerCompression?: LayerCompressionPolicy
  acceptsForeignLayerURLs?: boolean
  /** Called as each call starts (before it is recorded as done); an error returned is thrown by the call. */
  failOn?: (call: Omit<Call, 'seq' | 'destination'>) => Error | undefined
}

export class MemoryDestination implements ImageDestination {
  readonly ref: MemoryReference
  readonly properties: DestinationProperties
  readonly calls: Call[] = []
  /** What putBlob stored, by the digest of the bytes received. */
  readonly blobs = new Map<string, Buffer>()
  /** What putManifest stored: by instance digest, and '' for the top-level manifest. */
  readonly manifests = new Map<string, RawManifest>()
  committed?: RawManifest
  private readonly holds = new Map<string, Deferred>()
  private readonly watchers: Array<() => void> = []

  constructor(
    name: string,
    private readonly options: MemoryDestinationOptions = {}
  ) {
    this.ref = new MemoryReference(name)
    this.ref.destination = this
    this.properties = destinationProperties({
      supportedManifestMimeTypes: options.supportedManifestMimeTypes,
      supportsSignatures: options.signatures ?? true,
      hasThreadSafePutBlob: options.hasThreadSafePutBlob ?? true,
      takesConfigsEarly: options.takesConfigsEarly,
      desiredLayerCompression: options.desiredLayerCompression,
      acceptsForeignLayerURLs: options.acceptsForeignLayerURLs
    })
  }

  get name(): string {
    return this.ref.toString()
  }

  /** The next putBlob of `digest` waits (after recording its start) until the returned release is called. */
  hold(digest: string): Deferred {
    const d = deferred()
    this.holds.set(digest, d)
    return d
  }

  /** Resolves once a recorded call satisfies `match`. */
  async waitFor(match: (call: Call) => boolean): Promise<Call> {
    for (;;) {
      const found = this.calls.find(match)
      if (found) return found
      await new Promise<void>(resolve => this.watchers.push(resolve))
    }
  }

  of(kind: CallKind): Call[] {
    return this.calls.filter(c => c.kind === kind)
  }

  private record(call: Omit<Call, 'seq' | 'destination'>): void {
    this.calls.push({ ...call, seq: ++sequence, destination: this.name })
    for (const wake of this.watchers.splice(0)) wake()
  }

  /** Records the call's start, then throws what failOn chose for it. */
  private begin(call: Omit<Call, 'seq' | 'destination'>): void {
    this.record(call)
    const error = this.options.failOn?.(call)
    if (error) throw error
  }

  async tryReusingBlob(info: BlobInfo): Promise<BlobReuse> {
    this.begin({ kind: 'tryReusingBlob', digest: info.digest })
    const have = this.blobs.get(info.digest)
    return have
      ? { reused: true, how: 'exists', info: { digest: info.digest, size: have.length } }
      : { reused: false }
  }

  async putBlob(stream: Readable, info: BlobInfo, options: PutBlobOptions): Promise<BlobInfo> {
    try {
      this.begin({ kind: 'putBlob-start', digest: info.digest, isConfig: options.isConfig })
      const held = this.holds.get(info.digest)
      if (held) {
        this.holds.delete(info.digest)
        // Held: the stream is not read, but its failure (cancellation, bad bytes) ends the call.
        await Promise.race([held.promise, new Promise<never>((_, reject) => stream.once('error', reject))])
      }
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      const bytes = Buffer.concat(chunks)
      const digest = sha256Digest(bytes)
      this.blobs.set(digest, bytes)
      this.record({ kind: 'putBlob-end', digest: info.digest, isConfig: options.isConfig })
      return { digest, size: bytes.length, mediaType: info.mediaType }
    } catch (e) {
      this.record({ kind: 'putBlob-failed', digest: info.digest, isConfig: options.isConfig })
      throw e
    }
  }

  async putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    this.begin({
      kind: 'putManifest',
      instanceDigest,
      mimeType: manifest.mimeType,
      digest: sha256Digest(manifest.bytes)
    })
    this.manifests.set(instanceDigest ?? '', manifest)
  }

  async putSignatures(_signatures: Buffer[], instanceDigest?: string): Promise<void> {
    this.begin({ kind: 'putSignatures', instanceDigest })
  }

  async commit(toplevel: RawManifest): Promise<void> {
    this.begin({ kind: 'commit', digest: sha256Digest(toplevel.bytes), mimeType: toplevel.mimeType })
    this.committed = toplevel
  }

  async close(): Promise<void> {
    this.record({ kind: 'close' })
  }
}
