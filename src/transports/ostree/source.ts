// Reading an image written in containers/image's ostree layout (ostree/ostree_src.go), in any
// repository mode: the manifest from the image branch's docker.manifest, the config from
// `/content` of its branch, and each layer rebuilt uncompressed and byte for byte from its
// commit's files and tarsplit.output, served as layer-info overrides (docker.uncompressed_digest,
// docker.uncompressed_size), as upstream serves them.
import { Readable } from 'node:stream'
import { MAX_MANIFEST_BYTES, MAX_SIGNATURE_BYTES, ReadLimitError } from '../../limits.js'
import { guessMimeTypeOrEmpty, MediaType } from '../../manifest/index.js'
import { UsageError } from '../../errors.js'
import { ImageNotFoundError } from '../errors.js'
import { sourceProperties, type BlobInfo, type ImageSource, type RawManifest } from '../types.js'
import type { GValue } from './gvariant.js'
import { readCommit } from './objects.js'
import type { OstreeReference } from './reference.js'
import { OstreeRepo } from './repo.js'
import { assembleTar, parseTarSplit } from './tar-split.js'
import { LISTS_NOT_SUPPORTED, sha256Hex } from './destination.js'

interface LayerRecord {
  hex: string
  /** The commit of the layer's branch, ociimage/<hex>. */
  commit: string
  uncompressedDigest: string
  uncompressedSize: number
}

export class OstreeImageSource implements ImageSource {
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })
  private layers: Promise<LayerRecord[]> | undefined

  private constructor(
    readonly ref: OstreeReference,
    private readonly repo: OstreeRepo,
    private readonly manifest: Buffer,
    private readonly root: [string, string],
    private readonly signatureCount: number
  ) {}

  static async open(ref: OstreeReference): Promise<OstreeImageSource> {
    const repo = await OstreeRepo.open(ref.repo)
    const commit = await repo.readRef(ref.branch)
    if (commit === undefined)
      throw new ImageNotFoundError(`${ref.toString()}: no image (no branch ${ref.branch} in ${ref.repo})`)
    const { metadata, root } = await readCommit(repo, commit)
    const manifest = metadata.get('docker.manifest')
    if (manifest === undefined)
      throw new Error(`${ref.toString()}: the branch ${ref.branch} has no docker.manifest`)
    const bytes = Buffer.from(manifest, 'utf8')
    if (bytes.length > MAX_MANIFEST_BYTES)
      throw new ReadLimitError(`the manifest of ${ref.toString()}`, MAX_MANIFEST_BYTES)
    const signatures = Number(metadata.get('signatures') ?? '0')
    if (!Number.isSafeInteger(signatures) || signatures < 0 || signatures > 1000)
      throw new Error(
        `${ref.toString()}: invalid signatures count ${JSON.stringify(metadata.get('signatures'))}`
      )
    return new OstreeImageSource(ref, repo, bytes, root, signatures)
  }

  getManifest(instanceDigest?: string): Promise<RawManifest> {
    if (instanceDigest !== undefined) return Promise.reject(new UsageError(LISTS_NOT_SUPPORTED))
    return Promise.resolve({ bytes: this.manifest, mimeType: guessMimeTypeOrEmpty(this.manifest) })
  }

  async layerInfosForCopy(instanceDigest?: string): Promise<BlobInfo[]> {
    if (instanceDigest !== undefined) throw new UsageError(LISTS_NOT_SUPPORTED)
    const manifestLayers = this.manifestLayers()
    const records = await this.layerRecords()
    // Upstream kept the manifest's (compressed) media type here, so a destination that keeps layers
    // as they are wrote a manifest calling a tar gzip; name them uncompressed, as containers-storage: does.
    return records.map((r, i) => ({
      digest: r.uncompressedDigest,
      size: r.uncompressedSize,
      mediaType: manifestLayers[i].mediaType?.startsWith(MediaType.OCILayer)
        ? MediaType.OCILayer
        : MediaType.DockerV2SchemaLayerUncompressed
    }))
  }

  async getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    const records = await this.layerRecords()
    const layer = records.find(r => r.uncompressedDigest === info.digest || `sha256:${r.hex}` === info.digest)
    if (layer) return { stream: await this.rebuildLayer(layer), size: layer.uncompressedSize }
    const { hex, commit } = await this.blobCommit(info.digest)
    if (commit === undefined) throw new ImageNotFoundError(`${this.ref.toString()}: no blob ${info.digest}`)
    const { metadata, root } = await readCommit(this.repo, commit)
    const checksum = await new TreeReader(this.repo, root[0]).file(['content'])
    if (checksum === undefined)
      throw new Error(`${this.ref.toString()}: the branch ociimage/${hex} has no /content`)
    const size = Number(metadata.get('docker.size') ?? -1)
    return {
      stream: Readable.from(await this.repo.openContent(checksum)),
      size: Number.isSafeInteger(size) ? size : -1
    }
  }

  async getSignatures(instanceDigest?: string): Promise<Buffer[]> {
    if (instanceDigest !== undefined) throw new UsageError(LISTS_NOT_SUPPORTED)
    const tree = new TreeReader(this.repo, this.root[0])
    const signatures: Buffer[] = []
    for (let i = 1; i <= this.signatureCount; i++) {
      const checksum = await tree.file([`signature-${i}`])
      if (checksum === undefined) throw new Error(`${this.ref.toString()}: signature-${i} is missing`)
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of await this.repo.openContent(checksum)) {
        size += chunk.length
        if (size > MAX_SIGNATURE_BYTES)
          throw new ReadLimitError(`signature-${i} of ${this.ref.toString()}`, MAX_SIGNATURE_BYTES)
        chunks.push(chunk)
      }
      signatures.push(Buffer.concat(chunks))
    }
    return signatures
  }

  async close(): Promise<void> {}

  private manifestLayers(): { digest: string; mediaType?: string }[] {
    const parsed = JSON.parse(this.manifest.toString('utf8')) as {
      layers?: { digest: string; mediaType?: string }[]
    }
    return parsed.layers ?? []
  }

  private layerRecords(): Promise<LayerRecord[]> {
    this.layers ??= Promise.all(this.manifestLayers().map(l => this.layerRecord(l.digest)))
    return this.layers
  }

  /** The commit of the branch a blob is stored under (ociimage/<hex of its sha256 digest>). */
  private async blobCommit(digest: string): Promise<{ hex?: string; commit?: string }> {
    const hex = sha256Hex(digest)
    return { hex, commit: hex === undefined ? undefined : await this.repo.readRef(`ociimage/${hex}`) }
  }

  private async layerRecord(digest: string): Promise<LayerRecord> {
    const { hex, commit } = await this.blobCommit(digest)
    if (commit === undefined)
      throw new Error(`${this.ref.toString()}: layer ${digest} is not in the repository`)
    const { metadata } = await readCommit(this.repo, commit)
    const uncompressedDigest = metadata.get('docker.uncompressed_digest') ?? ''
    const uncompressedSize = Number(metadata.get('docker.uncompressed_size'))
    if (!/^sha256:[0-9a-f]{64}$/.test(uncompressedDigest) || !Number.isSafeInteger(uncompressedSize))
      throw new Error(`${this.ref.toString()}: layer ${digest} has no valid docker.uncompressed_digest/size`)
    return { hex: hex!, commit, uncompressedDigest, uncompressedSize }
  }

  private async rebuildLayer(layer: LayerRecord): Promise<Readable> {
    const { metadata, root } = await readCommit(this.repo, layer.commit)
    const split = metadata.get('tarsplit.output')
    if (split === undefined)
      throw new Error(`${this.ref.toString()}: layer sha256:${layer.hex} has no tarsplit.output`)
    const entries = parseTarSplit(Buffer.from(split, 'base64'))
    const tree = new TreeReader(this.repo, root[0])
    return assembleTar(entries, async name => {
      const parts = name
        .toString('utf8')
        .split('/')
        .filter(p => p !== '' && p !== '.')
      const checksum = await tree.file(parts)
      if (checksum === undefined)
        throw new Error(
          `${this.ref.toString()}: ${JSON.stringify(name.toString('utf8'))} is in the layer's tar-split but not in its commit`
        )
      return this.repo.openContent(checksum)
    })
  }
}

/** Path lookups in a commit's tree, each dirtree read (and verified) once and indexed by name. */
class TreeReader {
  private readonly trees = new Map<string, Promise<TreeIndex>>()

  constructor(
    private readonly repo: OstreeRepo,
    private readonly rootTree: string
  ) {}

  private tree(checksum: string): Promise<TreeIndex> {
    let t = this.trees.get(checksum)
    if (!t) {
      t = this.repo.readMeta(checksum, 'dirtree').then(indexTree)
      this.trees.set(checksum, t)
    }
    return t
  }

  /** The content checksum of the file at `parts`, or undefined. */
  async file(parts: string[]): Promise<string | undefined> {
    let tree = this.rootTree
    for (const [i, part] of parts.entries()) {
      const { files, dirs } = await this.tree(tree)
      if (i === parts.length - 1) return files.get(part)
      const dir = dirs.get(part)
      if (dir === undefined) return undefined
      tree = dir
    }
    return undefined
  }
}

/** A dirtree's files (name → content checksum) and subdirectories (name → dirtree checksum). */
interface TreeIndex {
  files: Map<string, string>
  dirs: Map<string, string>
}

/** Rebuilding a layer looks up every file: a Map per directory, not a scan of its entries per file. */
function indexTree(value: GValue): TreeIndex {
  const [files, dirs] = value as [[string, Buffer][], [string, Buffer, Buffer][]]
  const index: TreeIndex = { files: new Map(), dirs: new Map() }
  // The first entry of a name wins, as a scan would find it.
  for (const [name, checksum] of files)
    if (!index.files.has(name)) index.files.set(name, checksum.toString('hex'))
  for (const [name, tree] of dirs) if (!index.dirs.has(name)) index.dirs.set(name, tree.toString('hex'))
  return index
}
