// Reading an image from containers-storage, as containers/image's storage source does, through two
// channels: the original manifest, the configs, the signatures and podman manifest lists are read
// read-only from the store's metadata (store-metadata.ts); layer bytes come from podman as a
// docker-archive export (uncompressed, byte-exact), served as layer-info overrides named by their
// DiffIDs, which the engine compresses again as the destination wants. A podman manifest list
// (`podman manifest create/add`) is read as a list, its instances from the images that hold them.
// When the metadata cannot be read here (another user's store), the source is the export alone: a
// Docker schema2 manifest synthesized from it (said in the log).
import { Readable } from 'node:stream'
import { ImageCopyError } from '../../errors.js'
import {
  guessMimeType,
  isListMimeType,
  isSchema1MimeType,
  MediaType,
  sha256Digest
} from '../../manifest/index.js'
import { configDiffIds } from '../docker-archive/archive-format.js'
import { ArchiveReader, DockerArchiveImageSource } from '../docker-archive/index.js'
import {
  sourceProperties,
  type BlobInfo,
  type ImageSource,
  type RawManifest,
  type TransportContext
} from '../types.js'
import { openPodman, type PodmanService } from './podman-host.js'
import type { ContainersStorageReference } from './reference.js'
import { resolveImage } from './resolve.js'
import { isPodmanList, StoreMetadata, type StoredImage } from './store-metadata.js'

export async function openStorageSource(
  ref: ContainersStorageReference,
  ctx: TransportContext
): Promise<ImageSource> {
  const podman = await openPodman(ref.store, ctx)
  const source = new StorageImageSource(ref, podman, ctx)
  try {
    await source.open()
    return source
  } catch (e) {
    await source.close()
    throw e
  }
}

export class StorageImageSource implements ImageSource {
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })
  private meta: StoreMetadata | undefined
  private top!: RawManifest
  /** The image the reference names (for a podman list: the list's record). */
  private image!: { id: string; record?: StoredImage }
  private readonly archives = new Map<string, Promise<DockerArchiveImageSource>>()
  private readonly opened: DockerArchiveImageSource[] = []

  constructor(
    readonly ref: ContainersStorageReference,
    private readonly podman: PodmanService,
    private readonly ctx: TransportContext
  ) {}

  async open(): Promise<void> {
    const { graphRoot, driver } = this.podman.info
    this.meta = await StoreMetadata.open(graphRoot, driver)
    this.image = await resolveImage(this.ref, this.podman.client, this.meta)
    const record = this.image.record
    if (!this.meta || !record) {
      this.ctx.registry?.log?.(
        'info',
        `containers-storage: the store's metadata (${graphRoot}) cannot be read here: the manifest is rebuilt from podman's export, so its digest differs from the stored one`
      )
      this.top = await (await this.archiveOf(this.image.id)).getManifest()
      return
    }
    const key =
      this.ref.digest !== undefined && !isPodmanList(record) ? `manifest-${this.ref.digest}` : 'manifest'
    this.top = await this.manifestOf(record, key)
  }

  async getManifest(instanceDigest?: string): Promise<RawManifest> {
    if (instanceDigest === undefined) return this.top
    const holder = this.holderOf(instanceDigest)
    return this.manifestOf(holder, `manifest-${instanceDigest}`)
  }

  async layerInfosForCopy(instanceDigest?: string): Promise<BlobInfo[] | undefined> {
    if (!this.image.record) return undefined // the synthesized manifest names the DiffIDs already
    const record = instanceDigest === undefined ? this.image.record : this.holderOf(instanceDigest)
    const manifest = instanceDigest === undefined ? this.top : await this.getManifest(instanceDigest)
    if (isSchema1MimeType(manifest.mimeType))
      throw new ImageCopyError(
        `${this.ref.toString()}: the stored manifest is Docker schema1, which this transport cannot read from containers-storage`
      )
    const doc = JSON.parse(manifest.bytes.toString('utf8')) as {
      layers?: unknown[]
      config?: { digest?: string }
    }
    const configDigest = doc.config?.digest
    if (typeof configDigest !== 'string' || !Array.isArray(doc.layers))
      throw new ImageCopyError(`${this.ref.toString()}: the stored manifest names no config or layers`)
    const config = await this.configBytes(record, configDigest)
    const diffIds = configDiffIds(config, `${this.ref.toString()}: config ${configDigest}`)
    if (diffIds.length !== doc.layers.length)
      throw new ImageCopyError(
        `${this.ref.toString()}: the manifest names ${doc.layers.length} layers, the config ${diffIds.length}`
      )
    const exported = JSON.parse(
      (await (await this.archiveOf(record.id)).getManifest()).bytes.toString('utf8')
    ) as {
      layers: Array<{ digest: string; size: number }>
    }
    const mediaType =
      manifest.mimeType === MediaType.OCIManifest
        ? MediaType.OCILayer
        : MediaType.DockerV2SchemaLayerUncompressed
    return diffIds.map(digest => ({
      digest,
      size: exported.layers.find(l => l.digest === digest)?.size ?? -1,
      mediaType
    }))
  }

  async getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    const config = this.meta?.images.find(i => i.bigDataNames.includes(info.digest) && !isPodmanList(i))
    if (config) {
      const bytes = await this.configBytes(config, info.digest)
      return { stream: Readable.from([bytes]), size: bytes.length }
    }
    for (const id of this.imageIds()) {
      try {
        return await (await this.archiveOf(id)).getBlob(info)
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOENT') throw e
      }
    }
    const error = new Error(`blob ${info.digest} is not a part of ${this.ref.toString()}`) as Error & {
      code: string
    }
    error.code = 'ENOENT'
    throw error
  }

  async getSignatures(instanceDigest?: string): Promise<Buffer[]> {
    const record = this.image.record
    if (!record || !this.meta) return []
    const digest = instanceDigest ?? sha256Digest(this.top.bytes)
    const holder = instanceDigest === undefined ? record : this.holderOf(instanceDigest)
    const key = `signature-${digest.slice(digest.indexOf(':') + 1)}`
    const sizes = holder.signatureSizes[digest] ?? []
    const bytes = sizes.length > 0 ? await this.meta.bigData(holder, key) : undefined
    if (!bytes) return []
    const signatures: Buffer[] = []
    let offset = 0
    for (const size of sizes) {
      if (offset + size > bytes.length)
        throw new ImageCopyError(
          `${this.ref.toString()}: the stored signatures are shorter than their recorded sizes`
        )
      signatures.push(bytes.subarray(offset, offset + size))
      offset += size
    }
    return signatures
  }

  async close(): Promise<void> {
    await Promise.all(this.opened.map(a => a.close().catch(() => undefined)))
    await this.podman.close()
  }

  /** The image record holding an instance's manifest (for a podman list, the image it was added from). */
  private holderOf(digest: string): StoredImage {
    const record = this.image.record!
    if (!isPodmanList(record) && record.bigDataNames.includes(`manifest-${digest}`)) return record
    const holder = this.meta?.holding(digest)
    if (!holder)
      throw new ImageCopyError(
        `${this.ref.toString()}: the list names ${digest}, and no image in this store holds it (an instance added from a registry is not stored locally)`
      )
    return holder
  }

  /** The images whose layers this source may serve: the one named, or a list's instances. */
  private imageIds(): string[] {
    const record = this.image.record
    if (!record || !isPodmanList(record) || !isListMimeType(this.top.mimeType)) return [this.image.id]
    const digests = (
      JSON.parse(this.top.bytes.toString('utf8')) as { manifests?: Array<{ digest?: string }> }
    ).manifests
    const ids = (digests ?? []).map(m => (m.digest ? this.meta?.holding(m.digest)?.id : undefined))
    return [...new Set(ids.filter(id => id !== undefined))]
  }

  private async manifestOf(record: StoredImage, key: string): Promise<RawManifest> {
    const bytes = await this.meta!.bigData(record, key)
    if (!bytes)
      throw new ImageCopyError(`${this.ref.toString()}: the store holds no ${key} for image ${record.id}`)
    const digest = key.startsWith('manifest-') ? key.slice('manifest-'.length) : undefined
    if (digest !== undefined && sha256Digest(bytes) !== digest)
      throw new ImageCopyError(`${this.ref.toString()}: the stored ${key} does not hash to ${digest}`)
    return { bytes, mimeType: guessMimeType(bytes) }
  }

  private async configBytes(record: StoredImage, digest: string): Promise<Buffer> {
    const bytes = await this.meta!.bigData(record, digest)
    if (!bytes || sha256Digest(bytes) !== digest)
      throw new ImageCopyError(`${this.ref.toString()}: image ${record.id} holds no config ${digest}`)
    return bytes
  }

  /** podman's docker-archive export of one image, spooled once and shared. */
  private archiveOf(id: string): Promise<DockerArchiveImageSource> {
    let archive = this.archives.get(id)
    if (!archive) {
      archive = (async () => {
        const stream = await this.podman.client.saveDockerArchive(id)
        const where = `image ${id.slice(0, 12)} exported by podman (${this.podman.description})`
        const reader = await ArchiveReader.fromStream(stream, where, this.ctx)
        const source = await DockerArchiveImageSource.fromReader(this.ref, reader, { kind: 'only' })
        this.opened.push(source)
        return source
      })()
      this.archives.set(id, archive)
    }
    return archive
  }
}
