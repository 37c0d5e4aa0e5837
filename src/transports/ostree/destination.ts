// Writing an image into an OSTree repository in containers/image's layout (ostree/ostree_dest.go):
// each layer committed, untarred, on `ociimage/<layer hex>` with docker.size,
// docker.uncompressed_size, docker.uncompressed_digest and tarsplit.output; the config as a file
// `content` on `ociimage/<config hex>`; the manifest and signatures as files on the image's branch
// with docker.manifest, signatures and docker.digest. Blobs are spooled until commit. An archive
// repository is written natively; any other mode through a temporary archive repository and
// `ostree pull-local` (Node cannot set the xattrs and owners bare modes store).
import { execFile } from 'node:child_process'
import { createReadStream, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { decompressor, sniffCompression } from '../../compression/streams.js'
import { UsageError } from '../../errors.js'
import { MediaType, sha256Digest } from '../../manifest/index.js'
import { storeBlob } from '../local/blob-store.js'
import { openTempDir } from '../local/stale-temps.js'
import {
  destinationProperties,
  ManifestTypeRejectedError,
  type BlobInfo,
  type BlobReuse,
  type ImageDestination,
  type PutBlobOptions,
  type RawManifest,
  type TransportContext
} from '../types.js'
import { currentOwnership, importLayer, type Ownership } from './layer-import.js'
import {
  newDir,
  readCommit,
  type DirNode,
  S_IFDIR,
  S_IFREG,
  writeCommit,
  writeRegularFile,
  writeTree
} from './objects.js'
import type { OstreeReference } from './reference.js'
import { OstreeRepo } from './repo.js'

const run = promisify(execFile)

interface SpooledBlob {
  digest: string
  size: number
  file: string
}

export const LISTS_NOT_SUPPORTED = 'Manifest lists are not supported by "ostree:"'

export class OstreeImageDestination implements ImageDestination {
  readonly properties = destinationProperties({
    supportedManifestMimeTypes: [MediaType.DockerV2Schema2],
    supportsSignatures: true,
    desiredLayerCompression: 'preserve',
    mustMatchRuntimeOS: true,
    hasThreadSafePutBlob: false
  })
  private readonly blobs = new Map<string, SpooledBlob>()
  private manifest: Buffer | undefined
  private signatures: Buffer[] = []
  private readonly owner: Ownership = currentOwnership()

  private constructor(
    readonly ref: OstreeReference,
    private readonly target: OstreeRepo,
    private readonly spool: string
  ) {}

  static async open(ref: OstreeReference, ctx: TransportContext): Promise<OstreeImageDestination> {
    const target = await OstreeRepo.open(ref.repo)
    const spool = await openTempDir(ctx.tmpDir ?? os.tmpdir(), 'image-copy-ostree-')
    return new OstreeImageDestination(ref, target, spool)
  }

  /** A layer whose branch exists with docker.uncompressed_digest is there (ostree_dest.go TryReusingBlob). */
  async tryReusingBlob(info: BlobInfo): Promise<BlobReuse> {
    const hex = sha256Hex(info.digest)
    if (hex === undefined) return { reused: false }
    const commit = await this.target.readRef(`ociimage/${hex}`)
    if (commit === undefined) return { reused: false }
    const { metadata } = await readCommit(this.target, commit)
    const size = Number(metadata.get('docker.size'))
    if (!metadata.has('docker.uncompressed_digest') || !Number.isSafeInteger(size)) return { reused: false }
    return { reused: true, how: 'exists', info: { ...info, size } }
  }

  async putBlob(stream: Readable, info: BlobInfo, _options: PutBlobOptions): Promise<BlobInfo> {
    const stored = await storeBlob(stream, info, {
      fileFor: digest => path.join(this.spool, digest.replace(/[^\w.-]/g, '_')),
      makeDirs: async dir => void (await fs.mkdir(dir, { recursive: true }))
    })
    const hex = sha256Hex(stored.info.digest)
    if (hex === undefined)
      throw new Error(`ostree: cannot store blob ${stored.info.digest}: only sha256 digests name branches`)
    this.blobs.set(hex, { digest: stored.info.digest, size: stored.info.size, file: stored.file })
    return stored.info
  }

  putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    if (instanceDigest !== undefined) throw new UsageError(LISTS_NOT_SUPPORTED)
    if (manifest.mimeType !== MediaType.DockerV2Schema2)
      throw new ManifestTypeRejectedError(
        `ostree: only ${MediaType.DockerV2Schema2} manifests can be stored, not ${manifest.mimeType}`,
        manifest.mimeType
      )
    this.manifest = manifest.bytes
    return Promise.resolve()
  }

  putSignatures(signatures: Buffer[], instanceDigest?: string): Promise<void> {
    if (instanceDigest !== undefined) throw new UsageError(LISTS_NOT_SUPPORTED)
    this.signatures = signatures
    return Promise.resolve()
  }

  async commit(_toplevel: RawManifest): Promise<void> {
    if (!this.manifest) throw new Error('ostree: commit before the manifest was written')
    const native = this.target.mode === 'archive'
    const staging = native ? undefined : await OstreeRepo.createArchive(path.join(this.spool, 'staging-repo'))
    const repo = staging ?? this.target
    await fs.mkdir(path.join(repo.dir, 'tmp'), { recursive: true })
    const refs: [string, string][] = []
    for (const hex of layerHexes(this.manifest)) {
      const blob = this.blobs.get(hex)
      if (!blob) {
        // Reused: already in the repository (checked again, as upstream's checkLayer does).
        if ((await this.target.readRef(`ociimage/${hex}`)) === undefined)
          throw new Error(`ostree: layer sha256:${hex} was neither written nor found in ${this.target.dir}`)
        continue
      }
      this.blobs.delete(hex)
      refs.push([`ociimage/${hex}`, await this.commitLayer(repo, blob)])
    }
    for (const [hex, blob] of this.blobs) refs.push([`ociimage/${hex}`, await this.commitConfig(repo, blob)])
    refs.push([this.ref.branch, await this.commitManifest(repo, this.manifest)])
    if (staging) await pullLocal(this.target, staging, refs)
    else for (const [branch, commit] of refs) await this.target.writeRef(branch, commit)
  }

  private async commitLayer(repo: OstreeRepo, blob: SpooledBlob): Promise<string> {
    const sniffed = await sniffCompression(createReadStream(blob.file))
    const tar =
      sniffed.compression === 'none'
        ? sniffed.stream
        : sniffed.stream.pipe(decompressor(sniffed.compression, `layer ${blob.digest}`))
    const layer = await importLayer(repo, tar, this.owner)
    return writeCommit(repo, {
      metadata: [
        ['docker.size', String(blob.size)],
        ['docker.uncompressed_size', String(layer.size)],
        ['docker.uncompressed_digest', layer.diffID],
        ['tarsplit.output', layer.tarSplit.toString('base64')]
      ],
      timestamp: now(),
      root: await writeTree(repo, layer.root)
    })
  }

  /** The config: a directory (0700, as the spool directory upstream commits) holding `content`. */
  private async commitConfig(repo: OstreeRepo, blob: SpooledBlob): Promise<string> {
    const root = await filesTree(repo, 0o700, [['content', createReadStream(blob.file), blob.size]])
    return writeCommit(repo, {
      metadata: [['docker.size', String(blob.size)]],
      timestamp: now(),
      root: await writeTree(repo, root)
    })
  }

  private async commitManifest(repo: OstreeRepo, manifest: Buffer): Promise<string> {
    const files: TreeFile[] = [['manifest.json', Readable.from([manifest]), manifest.length]]
    this.signatures.forEach((s, i) => files.push([`signature-${i + 1}`, Readable.from([s]), s.length]))
    const root = await filesTree(repo, 0o755, files)
    const digest = sha256Digest(manifest)
    return writeCommit(repo, {
      metadata: [
        ['docker.manifest', manifest.toString('utf8')],
        ['signatures', String(this.signatures.length)],
        ['docker.digest', digest]
      ],
      timestamp: now(),
      root: await writeTree(repo, root)
    })
  }

  async close(): Promise<void> {
    await fs.rm(this.spool, { recursive: true, force: true })
  }
}

type TreeFile = [name: string, data: AsyncIterable<Buffer>, size: number]

/** A one-level tree of files (mode 0644) owned by this process, as upstream's commits of its temp directories. */
async function filesTree(repo: OstreeRepo, dirMode: number, files: TreeFile[]): Promise<DirNode> {
  const uid = process.getuid?.() ?? 0
  const gid = process.getgid?.() ?? 0
  const root = newDir({ uid, gid, mode: S_IFDIR | dirMode, xattrs: new Map() })
  for (const [name, data, size] of files) {
    const meta = { uid, gid, mode: S_IFREG | 0o644, xattrs: new Map<string, Buffer>() }
    root.files.set(name, await writeRegularFile(repo, meta, size, data))
  }
  return root
}

function now(): number {
  return Math.floor(Date.now() / 1000)
}

/** The hex of a sha256 digest, which names the blob's branch (ociimage/<hex>); undefined for any other. */
export function sha256Hex(digest: string): string | undefined {
  return /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1]
}

/** The manifest's layer digests (hex), in order, each once; anything else in it is refused. */
function layerHexes(manifest: Buffer): string[] {
  const parsed = JSON.parse(manifest.toString('utf8')) as { layers?: { digest?: unknown }[] }
  const hexes: string[] = []
  for (const layer of parsed.layers ?? []) {
    const hex = typeof layer.digest === 'string' ? sha256Hex(layer.digest) : undefined
    if (hex === undefined)
      throw new Error(`ostree: a manifest layer digest is not sha256: ${JSON.stringify(layer.digest)}`)
    if (!hexes.includes(hex)) hexes.push(hex)
  }
  return hexes
}

/** Imports the staged commits into a bare or bare-user repository with the ostree CLI, which also moves the refs. */
async function pullLocal(target: OstreeRepo, staging: OstreeRepo, refs: [string, string][]): Promise<void> {
  for (const [branch, commit] of refs) await staging.writeRef(branch, commit)
  try {
    await run('ostree', [`--repo=${target.dir}`, 'pull-local', staging.dir, ...refs.map(([b]) => b)], {
      maxBuffer: 1 << 24
    })
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string }
    if (err.code === 'ENOENT')
      throw new Error(
        `writing to the ${target.mode} OSTree repository ${target.dir} needs the ostree command (install the ostree package), or use an archive repository`,
        { cause: e }
      )
    throw new Error(`ostree pull-local into ${target.dir} failed: ${(err.stderr ?? err.message).trim()}`, {
      cause: e
    })
  }
}
