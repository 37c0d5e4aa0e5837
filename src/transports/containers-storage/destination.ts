// Writing an image into containers-storage through podman: the blobs are laid out as an OCI layout in
// a temp dir, and at commit that layout is streamed as an oci-archive to POST /libpod/images/load,
// so podman stores the manifest bytes and the compressed digests as they are (what skopeo stores for
// the same input). index.json names the image by its fully qualified name, which podman reads as the
// image's name. When one image was chosen from a list, the entry points at the list (the archive
// holds only the chosen image's blobs) when podman would choose that same image, so podman keeps the
// list beside it, as containers/image's storage destination does; otherwise the image alone.
// Nothing reaches the store before commit.
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { ImageCopyError, UsageError } from '../../errors.js'
import { isListMimeType, manifestDigest, MediaType, parseList } from '../../manifest/index.js'
import { digestOf } from '../local/digest.js'
import { sizeIfExists, storeBlob, storeBytes, type BlobFiles } from '../local/blob-store.js'
import { makeDirectories } from '../local/files.js'
import { blobPath, INDEX_FILE, LAYOUT_FILE, LAYOUT_FILE_CONTENT, REF_NAME_ANNOTATION } from '../oci/layout.js'
import { archiveTimestamp, packDirectoryInto } from '../oci-archive/tar-pack.js'
import {
  destinationProperties,
  ManifestTypeRejectedError,
  type BlobInfo,
  type BlobReuse,
  type DestinationProperties,
  type ImageDestination,
  type PutBlobOptions,
  type RawManifest,
  type TransportContext
} from '../types.js'
import { openPodman, type PodmanService } from './podman-host.js'
import type { ContainersStorageReference } from './reference.js'

const SUPPORTED_TYPES: string[] = [
  MediaType.OCIManifest,
  MediaType.DockerV2Schema2,
  MediaType.DockerV2Schema1Signed,
  MediaType.DockerV2Schema1
]

/** storage_dest.go: no list types (a store holds images; a list only beside one of them). */
export const storageDestinationProperties: DestinationProperties = destinationProperties({
  supportedManifestMimeTypes: SUPPORTED_TYPES,
  supportsSignatures:
    'containers-storage: is written through podman image loads, which carry no signatures (containers/image stores them; this transport does not)',
  desiredLayerCompression: 'preserve',
  mustMatchRuntimeOS: true,
  hasThreadSafePutBlob: true
})

export async function openStorageDestination(
  ref: ContainersStorageReference,
  ctx: TransportContext
): Promise<StorageImageDestination> {
  if (ref.name === undefined || ref.imageId !== undefined)
    throw new UsageError(
      `${ref.toString()}: a containers-storage: destination is named NAME[:TAG], not by an image ID`
    )
  const podman = await openPodman(ref.store, ctx)
  try {
    const dir = await fs.mkdtemp(path.join(ctx.tmpDir ?? os.tmpdir(), 'image-copy-storage-'))
    return new StorageImageDestination(ref, podman, dir, ctx)
  } catch (e) {
    await podman.close()
    throw e
  }
}

export class StorageImageDestination implements ImageDestination {
  readonly properties = storageDestinationProperties
  private readonly blobDir: string
  private readonly files: BlobFiles

  constructor(
    readonly ref: ContainersStorageReference,
    private readonly podman: PodmanService,
    private readonly dir: string,
    private readonly ctx: TransportContext
  ) {
    this.blobDir = path.join(dir, 'blobs')
    this.files = {
      fileFor: digest => blobPath(this.blobDir, digest),
      makeDirs: async d => {
        await makeDirectories(d)
      }
    }
  }

  async tryReusingBlob(info: BlobInfo): Promise<BlobReuse> {
    const size = await sizeIfExists(blobPath(this.blobDir, info.digest))
    return size === undefined ? { reused: false } : { reused: true, how: 'exists', info: { ...info, size } }
  }

  async putBlob(stream: Readable, info: BlobInfo, _options: PutBlobOptions): Promise<BlobInfo> {
    return (await storeBlob(stream, info, this.files)).info
  }

  async putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    if (instanceDigest !== undefined)
      throw new UsageError(`${this.ref.toString()}: containers-storage: cannot hold a manifest list`)
    if (manifest.mimeType !== '' && !SUPPORTED_TYPES.includes(manifest.mimeType))
      throw new ManifestTypeRejectedError(
        `containers-storage: does not store ${manifest.mimeType} manifests`,
        manifest.mimeType
      )
    await storeBytes(manifest.bytes, blobPath(this.blobDir, digestOf(manifest.bytes)), this.files)
  }

  async putSignatures(signatures: Buffer[]): Promise<void> {
    if (signatures.length > 0) throw new Error(this.properties.supportsSignatures as string)
  }

  async commit(toplevel: RawManifest, unparsedToplevel?: RawManifest): Promise<void> {
    await storeBytes(toplevel.bytes, blobPath(this.blobDir, digestOf(toplevel.bytes)), this.files)
    // What the store names it by: for a signed schema1 manifest, the digest of its payload.
    const digest = manifestDigest(toplevel.bytes)
    let entry: RawManifest = toplevel
    if (unparsedToplevel && this.podmanChooses(unparsedToplevel, digest)) {
      entry = unparsedToplevel
      await storeBytes(
        unparsedToplevel.bytes,
        blobPath(this.blobDir, digestOf(unparsedToplevel.bytes)),
        this.files
      )
    }
    const name = this.ref.name!.toString()
    const index = {
      schemaVersion: 2,
      manifests: [
        {
          mediaType: entry.mimeType,
          digest: digestOf(entry.bytes),
          size: entry.bytes.length,
          annotations: { [REF_NAME_ANNOTATION]: name }
        }
      ]
    }
    await fs.writeFile(path.join(this.dir, LAYOUT_FILE), LAYOUT_FILE_CONTENT)
    await fs.writeFile(path.join(this.dir, INDEX_FILE), JSON.stringify(index))
    const names = await packDirectoryInto(this.dir, archiveTimestamp(), body => this.podman.client.load(body))
    this.ctx.registry?.log?.('debug', `containers-storage: podman loaded ${names.join(', ')}`)
    await this.verify(name, digest, toplevel)
  }

  async close(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true })
    await this.podman.close()
  }

  /** Whether podman, loading the list, stores the image we wrote (it picks for its own platform). */
  private podmanChooses(list: RawManifest, written: string): boolean {
    const log = this.ctx.registry?.log
    if (!isListMimeType(list.mimeType)) return false
    const { os: hostOs, architecture, variant } = this.podman.info
    let chosen: string | undefined
    try {
      chosen = parseList(list.bytes, list.mimeType).chooseInstance({ os: hostOs, architecture, variant })
    } catch {
      chosen = undefined
    }
    if (chosen === written) return true
    log?.(
      'info',
      `containers-storage: only the chosen image is stored, not its list ${digestOf(list.bytes)}: podman (${hostOs}/${architecture}) would take another image from the list`
    )
    return false
  }

  /** The name must now be this image: a name could also have stayed on an older record. */
  private async verify(name: string, digest: string, toplevel: RawManifest): Promise<void> {
    const image = await this.podman.client.image(name)
    const repo = this.ref.name!.name
    if (!image || !image.repoDigests.includes(`${repo}@${digest}`)) {
      throw new ImageCopyError(
        `podman loaded the image, but ${name} does not name ${digest} in ${this.podman.info.graphRoot}` +
          (image ? ` (it names ${image.repoDigests.join(', ') || 'no digest'})` : '')
      )
    }
    const config = configDigest(toplevel)
    if (config !== undefined && `sha256:${image.id}` !== config)
      throw new ImageCopyError(`podman stored ${name} as image ${image.id}, not as ${config}`)
  }
}

function configDigest(manifest: RawManifest): string | undefined {
  try {
    const doc = JSON.parse(manifest.bytes.toString('utf8')) as { config?: { digest?: unknown } }
    return typeof doc.config?.digest === 'string' ? doc.config.digest : undefined
  } catch {
    return undefined
  }
}
