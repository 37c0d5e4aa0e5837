// Writing an image as a `dir:` directory (containers/image directory/directory_dest.go).
// Upstream empties an existing image directory when the destination is opened; we build the new
// content in a temp sibling directory and swap it in at commit, so a failed copy loses nothing.
// swap.ts holds the swap protocol and the repair of what a killed copy left, run at open.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { UsageError } from '../../errors.js'
import { sizeIfExists, storeBlob, type BlobFiles } from '../local/blob-store.js'
import {
  errnoCode,
  isNotFound,
  makeDirectories,
  removeEmptyDirectories,
  removeQuietly,
  tempPath
} from '../local/files.js'
import { recoverSwap, replaceContents, STAGING_INSIDE, swapIn } from './swap.js'
import { WriteTracker } from '../local/write-tracker.js'
import { completeManifest, readSmallFile } from '../local/existing-manifest.js'
import { MAX_MANIFEST_BYTES } from '../../limits.js'
import { manifestDigest } from '../../manifest/index.js'
import {
  destinationProperties,
  type BlobInfo,
  type BlobReuse,
  type DestinationProperties,
  type ImageDestination,
  type ImageReference,
  type PutBlobOptions,
  type RawManifest,
  type TransportContext,
  type TryReuseOptions
} from '../types.js'
import {
  isSupportedVersion,
  layerPath,
  manifestPath,
  parseVersion,
  signaturePath,
  usesNonSha256,
  VERSION_1_1,
  VERSION_1_2,
  VERSION_FILE
} from './layout.js'

/** A non-empty directory without a valid version file: we do not overwrite it. */
export class NotImageDirectoryError extends UsageError {
  constructor(dir: string) {
    super(
      `refusing to overwrite ${dir}: it is not empty and not a containers image directory (no valid "${VERSION_FILE}" file); don't want to overwrite important data`,
      'give an empty or new directory, or one a dir: copy wrote before'
    )
    this.name = 'NotImageDirectoryError'
  }
}

/**
 * directory_dest.go: any manifest type, signatures stored, layers as sent unless the user forces
 * compression or decompression (both at once is refused, as upstream refuses it).
 */
export function dirDestinationProperties(ctx: TransportContext): DestinationProperties {
  if (ctx.dirForceCompress && ctx.dirForceDecompress) {
    throw new UsageError(
      'dir: cannot compress and decompress layers at the same time',
      'set at most one of the dir: compress and decompress options'
    )
  }
  return destinationProperties({
    supportsSignatures: true,
    desiredLayerCompression: ctx.dirForceCompress
      ? 'compress'
      : ctx.dirForceDecompress
        ? 'decompress'
        : 'preserve',
    hasThreadSafePutBlob: true
  })
}

export class DirImageDestination implements ImageDestination {
  private readonly writes: WriteTracker
  private usesNonSha256Digest = false

  private constructor(
    readonly ref: ImageReference,
    readonly properties: DestinationProperties,
    /** The directory the image ends up in (symlinks resolved). */
    private readonly target: string,
    /** Where the image is built until commit: a sibling of `target`, or inside it when the parent is not writable. */
    private readonly staging: string,
    private readonly stagedInside: boolean,
    /** Parents of `target` this destination created, outermost first. */
    private readonly createdParents: string[]
  ) {
    this.writes = new WriteTracker(ref)
  }

  static async open(
    ref: ImageReference & { path: string },
    ctx: TransportContext
  ): Promise<DirImageDestination> {
    const properties = dirDestinationProperties(ctx)
    const target = await resolveTarget(ref.path)
    await recoverSwap(target)
    await checkOverwritable(target)
    const createdParents = await makeDirectories(path.dirname(target))
    let staging = tempPath(path.dirname(target), path.basename(target))
    let stagedInside = false
    try {
      try {
        await fs.mkdir(staging, { mode: 0o755 })
      } catch (e) {
        // E.g. a volume mounted at `target` under a read-only or foreign parent.
        if (!['EACCES', 'EPERM', 'EROFS'].includes(errnoCode(e) ?? '') || !(await isDirectory(target)))
          throw e
        staging = tempPath(target, STAGING_INSIDE)
        stagedInside = true
        await fs.mkdir(staging, { mode: 0o755 })
      }
    } catch (e) {
      await removeEmptyDirectories(createdParents)
      throw e
    }
    return new DirImageDestination(ref, properties, target, staging, stagedInside, createdParents)
  }

  tryReusingBlob(info: BlobInfo, _options: TryReuseOptions): Promise<BlobReuse> {
    return this.writes.track(async (): Promise<BlobReuse> => {
      const size = await sizeIfExists(layerPath(this.staging, info.digest))
      if (size === undefined) return { reused: false }
      return { reused: true, how: 'exists', info: { ...info, size } }
    })
  }

  putBlob(stream: Readable, info: BlobInfo, _options: PutBlobOptions): Promise<BlobInfo> {
    return this.writes.track(async () => {
      const stored = await storeBlob(stream, info, this.files)
      if (usesNonSha256(stored.info.digest)) this.usesNonSha256Digest = true
      return stored.info
    })
  }

  putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    return this.writes.track(async () => {
      if (instanceDigest !== undefined && usesNonSha256(instanceDigest)) this.usesNonSha256Digest = true
      await fs.writeFile(manifestPath(this.staging, instanceDigest), manifest.bytes, { mode: 0o644 })
    })
  }

  /**
   * The image the directory holds (manifest.json), when it is complete and has no signatures stored
   * beside it (a copy that writes none would remove them).
   */
  async existingManifest(): Promise<{ digest: string; mimeType: string } | undefined> {
    const bytes = await readSmallFile(manifestPath(this.target), MAX_MANIFEST_BYTES)
    if (!bytes) return undefined
    const read = (digest: string): Promise<Buffer | undefined> =>
      readSmallFile(manifestPath(this.target, digest), MAX_MANIFEST_BYTES)
    const exists = async (file: string): Promise<boolean> => (await sizeIfExists(file)) !== undefined
    const store = { manifest: read, hasBlob: (digest: string) => exists(layerPath(this.target, digest)) }
    const found = await completeManifest(store, manifestDigest(bytes), bytes, undefined)
    if (!found) return undefined
    const names = await fs.readdir(this.target).catch(() => [] as string[])
    return names.some(n => /(^|\.)signature-\d+$/.test(n)) ? undefined : found
  }

  putSignatures(signatures: Buffer[], instanceDigest?: string): Promise<void> {
    return this.writes.track(async () => {
      if (instanceDigest !== undefined && usesNonSha256(instanceDigest)) this.usesNonSha256Digest = true
      for (const [i, signature] of signatures.entries()) {
        await fs.writeFile(signaturePath(this.staging, i, instanceDigest), signature, { mode: 0o644 })
      }
    })
  }

  async commit(toplevel: RawManifest): Promise<void> {
    await this.writes.settle()
    await fs.writeFile(manifestPath(this.staging), toplevel.bytes, { mode: 0o644 })
    await fs.writeFile(
      path.join(this.staging, VERSION_FILE),
      this.usesNonSha256Digest ? VERSION_1_2 : VERSION_1_1,
      {
        mode: 0o644
      }
    )
    await checkOverwritable(this.target, this.staging)
    // Renaming the working directory (or an ancestor) away would strand this process in a deleted directory.
    if (this.stagedInside || isWithin(process.cwd(), this.target))
      await replaceContents(this.staging, this.target)
    else await swapIn(this.staging, this.target)
    this.writes.markCommitted()
  }

  async close(): Promise<void> {
    if (!(await this.writes.close())) return
    await removeQuietly(this.staging)
    await removeEmptyDirectories(this.createdParents)
  }

  private readonly files: BlobFiles = {
    fileFor: digest => layerPath(this.staging, digest),
    makeDirs: async () => undefined
  }
}

async function resolveTarget(dir: string): Promise<string> {
  try {
    return await fs.realpath(dir)
  } catch (e) {
    if (isNotFound(e)) return path.resolve(dir)
    throw e
  }
}

function isWithin(p: string, dir: string): boolean {
  const rel = path.relative(dir, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory()
  } catch (e) {
    if (isNotFound(e)) return false
    throw e
  }
}

/** Upstream's rule: a missing or empty directory, or one with a valid, supported version file. `ignore` is our own staging directory. */
async function checkOverwritable(dir: string, ignore?: string): Promise<void> {
  let entries: string[]
  try {
    entries = (await fs.readdir(dir)).filter(name => ignore === undefined || path.join(dir, name) !== ignore)
  } catch (e) {
    if (isNotFound(e)) return
    if (errnoCode(e) === 'ENOTDIR') throw new Error(`${dir} exists and is not a directory`, { cause: e })
    throw e
  }
  if (entries.length === 0) return
  let content: string
  try {
    content = await fs.readFile(path.join(dir, VERSION_FILE), 'utf8')
  } catch (e) {
    if (isNotFound(e) || errnoCode(e) === 'EISDIR') throw new NotImageDirectoryError(dir)
    throw e
  }
  const version = parseVersion(content)
  if (version === undefined) throw new NotImageDirectoryError(dir)
  if (!isSupportedVersion(version)) {
    throw new Error(
      `refusing to overwrite ${dir}: unsupported directory transport version ${JSON.stringify(content)}`
    )
  }
}
