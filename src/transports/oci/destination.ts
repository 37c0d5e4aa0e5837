// Writing an image into an OCI image layout (containers/image oci/layout/oci_dest.go).
// index.json is only ever replaced whole, at commit, under a lock between processes
// (index.json.lock), so concurrent copies into one layout all keep their refs.
// close() without commit removes nothing but this process's temp files and the empty directories
// it created: a blob it wrote is content-addressed, and another process may have reused it and
// committed an image that needs it meanwhile; nothing short of a lock every writer takes for its
// whole copy could prove it unreferenced, so unreferenced blobs stay (as upstream leaves them).
// Temp files of dead processes are removed when a destination is opened.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { UsageError } from '../../errors.js'
import { digestOf } from '../local/digest.js'
import { sizeIfExists, storeBlob, storeBytes, type BlobFiles } from '../local/blob-store.js'
import { isNotFound, makeDirectories, removeEmptyDirectories, writeFileAtomic } from '../local/files.js'
import { withFileLock } from '../local/file-lock.js'
import { withKeyedLock } from '../local/keyed-lock.js'
import { sweepStaleTemps } from '../local/stale-temps.js'
import { WriteTracker } from '../local/write-tracker.js'
import { completeManifest, readSmallFile } from '../local/existing-manifest.js'
import { MAX_MANIFEST_BYTES } from '../../limits.js'
import { guessMimeTypeOrEmpty, MediaType, referrerDescriptor } from '../../manifest/index.js'
import { processBlobInfoCache, type BlobInfoCache } from '../../cache/blob-info-cache.js'
import {
  ManifestTypeRejectedError,
  type BlobInfo,
  type BlobReuse,
  type ImageDestination,
  type DestinationProperties,
  type ImageReference,
  type PutBlobOptions,
  type RawManifest,
  type ReferrerStorage,
  type TransportContext,
  type TryReuseOptions,
  destinationProperties
} from '../types.js'
import {
  addManifestToIndex,
  BLOBS_DIR,
  blobPath,
  INDEX_FILE,
  LAYOUT_FILE,
  LAYOUT_FILE_CONTENT,
  newIndex,
  readIndex,
  REF_NAME_ANNOTATION,
  refName,
  serializeIndex,
  type OciDescriptor
} from './layout.js'
import type { OciSelection } from './reference-syntax.js'

const SUPPORTED_TYPES: string[] = [MediaType.OCIManifest, MediaType.OCIIndex]
const SIGNATURES_REFUSED = 'Pushing signatures for OCI images is not supported'

/** An OCI layout's properties (oci_dest.go); oci-archive: shares them. */
export function ociDestinationProperties(ctx: TransportContext): DestinationProperties {
  return destinationProperties({
    supportedManifestMimeTypes: SUPPORTED_TYPES,
    supportsSignatures: SIGNATURES_REFUSED,
    desiredLayerCompression: ctx.ociAcceptUncompressedLayers ? 'preserve' : 'compress',
    acceptsForeignLayerURLs: true,
    hasThreadSafePutBlob: true
  })
}

export class OciImageDestination implements ImageDestination {
  private readonly writes: WriteTracker
  /** Referrers and digest-tagged manifests written, added to index.json at commit with the image. */
  private readonly extraEntries: OciDescriptor[] = []

  private constructor(
    readonly ref: ImageReference,
    readonly properties: DestinationProperties,
    private readonly layoutDir: string,
    private readonly refName: string | undefined,
    private readonly blobDir: string,
    /** Directories this destination created, outermost first; removed on rollback if empty. */
    private readonly createdDirs: string[],
    /** Knows other compressions of a blob's content, reused here when present (canSubstitute). */
    private readonly blobInfoCache: BlobInfoCache
  ) {
    this.writes = new WriteTracker(ref)
  }

  static async open(
    ref: ImageReference,
    layoutDir: string,
    selection: OciSelection,
    ctx: TransportContext
  ): Promise<OciImageDestination> {
    if (selection.kind === 'digest') {
      throw new UsageError(`${ref.toString()}: a destination reference must not name a digest`)
    }
    if (selection.kind === 'index') {
      throw new UsageError(
        `${ref.toString()}: a destination reference must not contain a manifest index @${selection.index}`
      )
    }
    // Fail now, not at commit, when an existing index.json cannot be read.
    await readIndex(layoutDir)
    const createdDirs = await makeDirectories(path.join(layoutDir, BLOBS_DIR))
    const blobDir = ctx.sharedBlobDir ?? path.join(layoutDir, BLOBS_DIR)
    await sweepLayout(layoutDir, blobDir)
    return new OciImageDestination(
      ref,
      ociDestinationProperties(ctx),
      layoutDir,
      selection.kind === 'name' ? selection.name : undefined,
      blobDir,
      createdDirs,
      ctx.blobInfoCache ?? processBlobInfoCache()
    )
  }

  /** The blob in the blobs directory; with canSubstitute, else a variant the cache knows that is there. */
  tryReusingBlob(info: BlobInfo, options: TryReuseOptions): Promise<BlobReuse> {
    return this.writes.track(async (): Promise<BlobReuse> => {
      const size = await sizeIfExists(blobPath(this.blobDir, info.digest))
      if (size !== undefined) return { reused: true, how: 'exists', info: { ...info, size } }
      if (!options.canSubstitute) return { reused: false }
      for (const { digest, compression } of this.blobInfoCache.variants(info.digest)) {
        if (options.requiredCompression !== undefined && compression !== options.requiredCompression) continue
        const found = await sizeIfExists(blobPath(this.blobDir, digest))
        if (found !== undefined)
          return { reused: true, how: 'exists', info: { ...info, digest, size: found, compression } }
      }
      return { reused: false }
    })
  }

  putBlob(stream: Readable, info: BlobInfo, _options: PutBlobOptions): Promise<BlobInfo> {
    return this.writes.track(async () => {
      return (await storeBlob(stream, info, this.files)).info
    })
  }

  putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    return this.writes.track(async () => {
      checkManifestType(manifest)
      const digest = instanceDigest ?? digestOf(manifest.bytes)
      if (digestOf(manifest.bytes, digest) !== digest) {
        throw new Error(`manifest given as ${digest} hashes to ${digestOf(manifest.bytes, digest)}`)
      }
      await this.writeBlobBytes(digest, manifest.bytes)
    })
  }

  /**
   * The index.json entry carrying this reference's name, when its manifest (and, for an index, every
   * manifest it names) and their blobs are in the layout. An unnamed destination names nothing.
   */
  async existingManifest(): Promise<{ digest: string; mimeType: string } | undefined> {
    if (this.refName === undefined) return undefined
    const entry = (await readIndex(this.layoutDir))?.manifests.find(m => refName(m) === this.refName)
    if (!entry) return undefined
    const read = (digest: string): Promise<Buffer | undefined> =>
      readSmallFile(blobPath(this.blobDir, digest), MAX_MANIFEST_BYTES)
    const store = {
      manifest: read,
      hasBlob: async (digest: string) => (await sizeIfExists(blobPath(this.blobDir, digest))) !== undefined
    }
    const declared = typeof entry.mediaType === 'string' ? entry.mediaType : undefined
    return completeManifest(store, entry.digest, await read(entry.digest), declared)
  }

  async putSignatures(signatures: Buffer[], _instanceDigest?: string): Promise<void> {
    if (signatures.length > 0) throw new Error(SIGNATURES_REFUSED)
  }

  /**
   * As oras lays referrers out: the manifest's blob, and an index.json entry without a ref name
   * (reachable, so no garbage collection drops it; found by its `subject`), added at commit.
   */
  putReferrer(manifest: RawManifest, digest: string, _subject: string): Promise<ReferrerStorage> {
    return this.writes.track(async () => {
      await this.putManifest(manifest, digest)
      const desc = referrerDescriptor(manifest.bytes, manifest.mimeType, digest)
      const entry: OciDescriptor = { mediaType: desc.mediaType, digest, size: desc.size }
      if (desc.artifactType !== undefined) entry.artifactType = desc.artifactType
      this.extraEntries.push(entry)
      return 'layout' as const
    })
  }

  /** A ref name in index.json, as the layout names images (cosign's `sha256-<hex>.sig` tags). */
  putTaggedManifest(manifest: RawManifest, tag: string): Promise<void> {
    return this.writes.track(async () => {
      const digest = digestOf(manifest.bytes)
      await this.putManifest(manifest, digest)
      const mediaType = manifest.mimeType || guessMimeTypeOrEmpty(manifest.bytes)
      this.extraEntries.push({
        mediaType,
        digest,
        size: manifest.bytes.length,
        annotations: { [REF_NAME_ANNOTATION]: tag }
      })
    })
  }

  async commit(toplevel: RawManifest): Promise<void> {
    await this.writes.settle()
    checkManifestType(toplevel)
    const digest = digestOf(toplevel.bytes)
    await this.writeBlobBytes(digest, toplevel.bytes)
    const desc: OciDescriptor = {
      mediaType: toplevel.mimeType || guessMimeTypeOrEmpty(toplevel.bytes),
      digest,
      size: toplevel.bytes.length
    }
    if (this.refName !== undefined) desc.annotations = { [REF_NAME_ANNOTATION]: this.refName }
    const indexFile = path.resolve(this.layoutDir, INDEX_FILE)
    // The keyed lock orders this process's destinations; the file lock, other processes.
    await withKeyedLock(indexFile, () =>
      withFileLock(indexFile, async () => {
        // Re-read: another copy may have committed to this layout since we opened it.
        const index = (await readIndex(this.layoutDir)) ?? newIndex()
        for (const entry of this.extraEntries) addManifestToIndex(index, entry)
        addManifestToIndex(index, desc)
        await writeLayoutFile(path.join(this.layoutDir, LAYOUT_FILE))
        await writeFileAtomic(indexFile, serializeIndex(index))
      })
    )
    this.writes.markCommitted()
  }

  async close(): Promise<void> {
    if (!(await this.writes.close())) return
    await removeEmptyDirectories(this.createdDirs)
  }

  private async writeBlobBytes(digest: string, bytes: Buffer): Promise<void> {
    await storeBytes(bytes, blobPath(this.blobDir, digest), this.files)
  }

  private readonly files: BlobFiles = {
    fileFor: digest => blobPath(this.blobDir, digest),
    makeDirs: async dir => {
      this.createdDirs.push(...(await makeDirectories(dir)))
    }
  }
}

function checkManifestType(manifest: RawManifest): void {
  if (manifest.mimeType !== '' && !SUPPORTED_TYPES.includes(manifest.mimeType)) {
    throw new ManifestTypeRejectedError(
      `an OCI layout holds only OCI manifests and indexes, not ${manifest.mimeType}`,
      manifest.mimeType
    )
  }
}

async function writeLayoutFile(file: string): Promise<void> {
  try {
    if ((await fs.readFile(file, 'utf8')) === LAYOUT_FILE_CONTENT) return
  } catch (e) {
    if (!isNotFound(e)) throw e
  }
  await writeFileAtomic(file, LAYOUT_FILE_CONTENT)
}

/** Removes the temp files killed copies left in the layout and its blob directories. */
async function sweepLayout(layoutDir: string, blobDir: string): Promise<void> {
  await sweepStaleTemps(layoutDir)
  let algorithms: string[] = []
  try {
    algorithms = await fs.readdir(blobDir)
  } catch (e) {
    if (!isNotFound(e)) throw e
  }
  for (const algorithm of algorithms) await sweepStaleTemps(path.join(blobDir, algorithm))
}
