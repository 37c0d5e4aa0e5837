// An ImageDestination writing one image as a `docker save` archive through an ArchiveWriter
// (containers/image docker/internal/tarfile/dest.go). docker-archive: puts it in a file,
// docker-daemon: streams it into `docker load`; each supplies an ArchiveTarget.
import { PassThrough, type Readable } from 'node:stream'
import { ImageCopyError } from '../../errors.js'
import { MediaType, sha256Digest } from '../../manifest/index.js'
import type { DockerReference } from '../../reference/docker.js'
import {
  destinationProperties,
  ManifestTypeRejectedError,
  type BlobInfo,
  type BlobReuse,
  type DestinationProperties,
  type ImageDestination,
  type ImageReference,
  type PutBlobOptions,
  type RawManifest,
  type TryReuseOptions
} from '../types.js'
import { WriteTracker } from '../local/write-tracker.js'
import { configDiffIds, MAX_CONFIG_SIZE } from './archive-format.js'
import type { ArchiveWriter, LayerPolicy } from './archive-writer.js'

/** Where a finished archive goes, and how an unfinished one is given up. */
export interface ArchiveTarget {
  /** After the archive's last byte: publish it (rename a file; wait for docker load's answer). */
  complete(): Promise<void>
  /** Without commit: remove or abort what was written. */
  discard(reason: Error): Promise<void>
}

export interface TarballDestinationOptions {
  layers: LayerPolicy
  /** name:tag references recorded in manifest.json RepoTags and `repositories`. */
  repoTags: DockerReference[]
  mustMatchRuntimeOS: boolean
}

interface Schema2Descriptor {
  digest: string
  size: number
}

const SIGNATURES_REFUSED = 'Storing signatures for docker tar files is not supported'

export class TarballDestination implements ImageDestination {
  readonly properties: DestinationProperties

  private readonly configs = new Map<string, Buffer>()
  private readonly writes: WriteTracker
  private manifest: { config: Schema2Descriptor; layers: Schema2Descriptor[] } | undefined

  constructor(
    readonly ref: ImageReference,
    private readonly writer: ArchiveWriter,
    private readonly target: ArchiveTarget,
    private readonly options: TarballDestinationOptions
  ) {
    this.writes = new WriteTracker(ref)
    // tarfile/dest.go. hasThreadSafePutBlob is false, as upstream: entries are written one at a
    // time (concurrent layers are spooled meanwhile).
    this.properties = destinationProperties({
      supportedManifestMimeTypes: [MediaType.DockerV2Schema2],
      supportsSignatures: SIGNATURES_REFUSED,
      desiredLayerCompression: options.layers,
      acceptsForeignLayerURLs: false,
      mustMatchRuntimeOS: options.mustMatchRuntimeOS,
      hasThreadSafePutBlob: false
    })
  }

  async tryReusingBlob(info: BlobInfo, _options: TryReuseOptions): Promise<BlobReuse> {
    const stored = this.writer.storedBlob(info.digest)
    return stored ? { reused: true, how: 'exists', info: { ...stored.info } } : { reused: false }
  }

  putBlob(stream: Readable, info: BlobInfo, options: PutBlobOptions): Promise<BlobInfo> {
    return this.writes.track(async () => {
      // Whatever fails here, the engine's stream is read to its end before putBlob rejects, never
      // destroyed: it is one branch of a tee, and the engine waits for its source to end.
      const input = new PassThrough()
      stream.on('error', e => input.destroy(e))
      stream.pipe(input)
      try {
        if (!options.isConfig)
          return { ...(await this.writer.putLayer(input, info, this.options.layers)).info }
        const bytes = await readConfig(input, info)
        const digest = info.digest === '' ? sha256Digest(bytes) : info.digest
        this.configs.set(digest, bytes)
        return { ...(await this.writer.putConfig(digest, bytes)).info }
      } catch (e) {
        stream.unpipe(input)
        input.destroy()
        await drainQuietly(stream)
        const message = (e as Error).message
        if ((e as Error).name === 'BlobVerificationError') throw e
        throw new Error(
          info.digest !== '' && message.includes(info.digest)
            ? `${this.ref.toString()}: ${message}`
            : `writing ${options.isConfig ? 'config' : 'layer'} ${info.digest} to ${this.ref.toString()}: ${message}`,
          { cause: e }
        )
      }
    })
  }

  putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    return this.writes.track(async () => {
      if (instanceDigest !== undefined)
        throw new Error('Manifest lists are not supported for docker tar files')
      this.manifest = parseSchema2(manifest)
    })
  }

  async putSignatures(signatures: Buffer[], _instanceDigest?: string): Promise<void> {
    if (signatures.length > 0) throw new Error(SIGNATURES_REFUSED)
  }

  async commit(toplevel: RawManifest): Promise<void> {
    this.writes.checkOpen()
    await this.writes.settle()
    const manifest = this.manifest ?? parseSchema2(toplevel)
    const configBytes = this.configs.get(manifest.config.digest)
    if (configBytes === undefined) {
      throw new Error(
        `${this.ref.toString()}: the config ${manifest.config.digest} was not written before the manifest`
      )
    }
    this.checkLayers(manifest.layers, configBytes)
    await this.writer.addImage(
      manifest.layers.map(l => l.digest),
      manifest.config.digest,
      configBytes,
      this.options.repoTags
    )
    await this.writer.finish()
    await this.target.complete()
    this.writes.markCommitted()
  }

  async close(): Promise<void> {
    if (!(await this.writes.close())) return
    const reason = new Error(`${this.ref.toString()}: the copy was not completed`)
    await this.writer.abort(reason)
    await this.target.discard(reason)
  }

  /** Every layer is in the archive, and its DiffID is the one the config lists at its position. */
  private checkLayers(layers: Schema2Descriptor[], configBytes: Buffer): void {
    const name = this.ref.toString()
    const diffIds = configDiffIds(configBytes, `${name}: the image config`)
    if (diffIds.length !== layers.length) {
      throw new ImageCopyError(
        `${name}: the manifest has ${layers.length} layers but the image config lists ${diffIds.length} DiffIDs`
      )
    }
    layers.forEach((layer, i) => {
      const stored = this.writer.storedBlob(layer.digest)
      if (stored === undefined)
        throw new Error(`${name}: layer ${layer.digest} was not written to the archive`)
      if (stored.diffId !== undefined && stored.diffId !== diffIds[i]) {
        throw new ImageCopyError(
          `${name}: layer ${i} (${layer.digest}) has DiffID ${stored.diffId} (the digest of its uncompressed content), but the image config lists ${diffIds[i]}`
        )
      }
    })
  }
}

/** Reads a config whole (it is small; upstream does the same), refusing one over the limit. */
async function readConfig(stream: Readable, info: BlobInfo): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size > MAX_CONFIG_SIZE) throw new Error(`the config is larger than ${MAX_CONFIG_SIZE} bytes`)
    chunks.push(chunk as Buffer)
  }
  if (info.size >= 0 && size !== info.size) {
    throw new Error(`Size mismatch when copying ${info.digest}, expected ${info.size}, got ${size}`)
  }
  return Buffer.concat(chunks)
}

/** The parts of a Docker schema2 manifest the archive needs; other types are rejected (the engine then converts). */
function parseSchema2(manifest: RawManifest): { config: Schema2Descriptor; layers: Schema2Descriptor[] } {
  let doc: {
    schemaVersion?: unknown
    mediaType?: unknown
    config?: Schema2Descriptor
    layers?: Schema2Descriptor[]
  }
  try {
    doc = JSON.parse(manifest.bytes.toString('utf8'))
  } catch (e) {
    throw new Error(`parsing manifest: ${(e as Error).message}`, { cause: e })
  }
  if (
    doc.schemaVersion !== 2 ||
    doc.mediaType !== MediaType.DockerV2Schema2 ||
    typeof doc.config?.digest !== 'string'
  ) {
    throw new ManifestTypeRejectedError(
      `a docker archive holds only Docker schema2 manifests, not ${manifest.mimeType || 'this manifest'}`,
      manifest.mimeType
    )
  }
  const layers = (doc.layers ?? []).map(l => ({ digest: l.digest, size: l.size }))
  return { config: { digest: doc.config.digest, size: doc.config.size }, layers }
}

/** Reads a stream to its end or its error, discarding everything. */
function drainQuietly(stream: Readable): Promise<void> {
  if (stream.destroyed || stream.readableEnded) return Promise.resolve()
  return new Promise(resolve => {
    stream.once('end', resolve)
    stream.once('error', () => resolve())
    stream.once('close', resolve)
    stream.resume()
  })
}
