// Reading one image of a `docker save` archive (containers/image docker/internal/tarfile/src.go),
// as a Docker schema2 manifest synthesized from manifest.json and the config. Unlike upstream,
// which decompresses every layer and names it by its DiffID, layers are served as stored: an
// uncompressed layer by its DiffID (which is its digest), a compressed one by the digest of its
// bytes (taken from a `blobs/<algo>/<hex>` path, else computed once when the source opens).
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { ImageCopyError } from '../../errors.js'
import {
  DockerSchema2Manifest,
  isValidDigest,
  MediaType,
  sha256Digest,
  type Descriptor
} from '../../manifest/index.js'
import { isNotFound } from '../local/files.js'
import {
  sourceProperties,
  type BlobInfo,
  type ImageReference,
  type ImageSource,
  type RawManifest,
  type TransportContext
} from '../types.js'
import { configDiffIds, MAX_CONFIG_SIZE } from './archive-format.js'
import { ArchiveReader, type ArchiveSelection } from './archive-reader.js'
import { detectCompression, MAGIC_LENGTH, type Compression } from '../../compression/streams.js'
import type { TarEntry } from './tar-index.js'

const layerMediaTypes: Partial<Record<Compression, string>> = {
  none: MediaType.DockerV2SchemaLayerUncompressed,
  gzip: MediaType.DockerV2Schema2Layer,
  zstd: MediaType.DockerV2SchemaLayerZstd
}

export class DockerArchiveImageSource implements ImageSource {
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })

  private constructor(
    readonly ref: ImageReference,
    private readonly reader: ArchiveReader,
    private readonly manifest: Buffer,
    private readonly configDigest: string,
    private readonly configBytes: Buffer,
    private readonly layers: Map<string, TarEntry>
  ) {}

  /** Opens the image `selection` names in the archive file `file`. */
  static async open(
    ref: ImageReference,
    file: string,
    selection: ArchiveSelection,
    ctx: TransportContext
  ): Promise<DockerArchiveImageSource> {
    const reader = await ArchiveReader.openFile(file, `docker archive ${file}`, ctx)
    return DockerArchiveImageSource.fromReader(ref, reader, selection)
  }

  /** Reads one image from an open archive; the source closes the reader. */
  static async fromReader(
    ref: ImageReference,
    reader: ArchiveReader,
    selection: ArchiveSelection
  ): Promise<DockerArchiveImageSource> {
    try {
      const label = ref.toString()
      const where = reader.where
      const item = reader.chooseItem(selection, label)
      const configBytes = await readComponent(reader, item.Config, 'config')
      const diffIds = configDiffIds(configBytes, `${where}: config ${item.Config}`)
      if (item.Layers.length !== diffIds.length) {
        throw new Error(
          `${where}: inconsistent layer count: ${item.Layers.length} in manifest.json, ${diffIds.length} in the config`
        )
      }
      const layers = new Map<string, TarEntry>()
      const descriptors: Descriptor[] = []
      const diffIdOfFile = new Map<string, string>()
      for (const [i, layerPath] of item.Layers.entries()) {
        const diffId = diffIds[i]
        const entry = await componentEntry(reader, layerPath, 'layer')
        const seen = diffIdOfFile.get(entry.name)
        if (seen !== undefined && seen !== diffId) {
          throw new Error(
            `${where}: layer file ${JSON.stringify(layerPath)} is used for two different DiffIDs`
          )
        }
        diffIdOfFile.set(entry.name, diffId)
        const compression = detectCompression(await reader.readHead(entry, MAGIC_LENGTH))
        const mediaType = layerMediaTypes[compression]
        if (mediaType === undefined) {
          throw new ImageCopyError(
            `${where}: layer ${JSON.stringify(layerPath)} is ${compression}-compressed, which cannot be copied (only uncompressed, gzip and zstd layers can)`
          )
        }
        const digest =
          compression === 'none'
            ? diffId
            : (digestFromBlobPath(entry.name) ?? (await hashEntry(reader, entry)))
        if (!layers.has(digest)) layers.set(digest, entry)
        descriptors.push({ mediaType, size: entry.size, digest })
      }
      const configDigest = sha256Digest(configBytes)
      const manifest = DockerSchema2Manifest.fromComponents(
        { mediaType: MediaType.DockerV2Schema2Config, size: configBytes.length, digest: configDigest },
        descriptors
      ).serialize()
      return new DockerArchiveImageSource(ref, reader, manifest, configDigest, configBytes, layers)
    } catch (e) {
      await reader.close()
      throw e
    }
  }

  async getManifest(instanceDigest?: string): Promise<RawManifest> {
    if (instanceDigest !== undefined) {
      throw new Error(`${this.ref.toString()}: manifest lists are not supported by docker archives`)
    }
    return { bytes: this.manifest, mimeType: MediaType.DockerV2Schema2 }
  }

  async getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    if (info.digest === this.configDigest) {
      return { stream: Readable.from([this.configBytes]), size: this.configBytes.length }
    }
    const entry = this.layers.get(info.digest)
    if (entry === undefined) {
      const error = new Error(`blob ${info.digest} is not a part of ${this.ref.toString()}`) as Error & {
        code: string
      }
      error.code = 'ENOENT'
      throw error
    }
    return { stream: this.reader.openStream(entry), size: entry.size }
  }

  async getSignatures(_instanceDigest?: string): Promise<Buffer[]> {
    return []
  }

  async close(): Promise<void> {
    await this.reader.close()
  }
}

async function componentEntry(reader: ArchiveReader, componentPath: string, what: string): Promise<TarEntry> {
  try {
    return reader.entry(componentPath)
  } catch (e) {
    if (isNotFound(e)) {
      throw new Error(
        `${reader.where}: the ${what} file ${JSON.stringify(componentPath)} named by manifest.json is missing`,
        {
          cause: e
        }
      )
    }
    throw e
  }
}

async function readComponent(reader: ArchiveReader, componentPath: string, what: string): Promise<Buffer> {
  await componentEntry(reader, componentPath, what)
  return reader.readFile(componentPath, MAX_CONFIG_SIZE)
}

/** `blobs/sha256/<hex>` (the OCI layout inside a Docker 25+ `docker save`) names its digest. */
function digestFromBlobPath(name: string): string | undefined {
  const m = /^blobs\/([a-z0-9]+)\/([a-f0-9]+)$/.exec(name)
  if (m === null) return undefined
  const digest = `${m[1]}:${m[2]}`
  return isValidDigest(digest) ? digest : undefined
}

async function hashEntry(reader: ArchiveReader, entry: TarEntry): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of reader.openStream(entry)) hash.update(chunk as Buffer)
  return `sha256:${hash.digest('hex')}`
}
