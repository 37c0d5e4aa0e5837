// Reading an image from an OCI image layout (containers/image oci/layout/oci_src.go).
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { ImageNotFoundError } from '../errors.js'
import {
  checkContentDigest,
  fetchFirstUrl,
  MAX_MANIFEST_SIZE,
  openFileStream,
  readManifestFile
} from '../local/blob-read.js'
import { isNotFound } from '../local/files.js'
import {
  fallbackTag,
  guessMimeTypeOrEmpty,
  isListMimeType,
  manifestLinks,
  MediaType,
  parseReferrersIndex,
  referrerDescriptor,
  type ReferrerDescriptor
} from '../../manifest/index.js'
import {
  sourceProperties,
  type BlobInfo,
  type ImageReference,
  type ImageSource,
  type RawManifest,
  type ReferrerListing,
  type TransportContext
} from '../types.js'
import {
  BLOBS_DIR,
  blobPath,
  readIndex,
  refName,
  selectDescriptor,
  type OciDescriptor,
  type OciIndexJson
} from './layout.js'
import type { OciSelection } from './reference-syntax.js'

export interface OciSourceOptions {
  /** How the layout is named in messages; defaults to `OCI layout <dir>`. */
  where?: string
  /** Ignore ctx.sharedBlobDir (an archive carries its own blobs). */
  ignoreSharedBlobDir?: boolean
}

export class OciImageSource implements ImageSource {
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })
  private bySubject?: Promise<Map<string, ReferrerDescriptor[]>>

  private constructor(
    readonly ref: ImageReference,
    private readonly index: OciIndexJson,
    private readonly descriptor: OciDescriptor,
    /** Where blobs are looked for, in order: the shared blob dir (if any), then the layout's. */
    private readonly blobDirs: string[],
    private readonly where: string
  ) {}

  static async open(
    ref: ImageReference,
    layoutDir: string,
    selection: OciSelection,
    ctx: TransportContext,
    options: OciSourceOptions = {}
  ): Promise<OciImageSource> {
    const where = options.where ?? `OCI layout ${layoutDir}`
    const index = await readIndex(layoutDir)
    if (index === undefined) {
      throw new ImageNotFoundError(
        `${ref.toString()}: no index.json in ${where}`,
        'is this the path of an OCI image layout?'
      )
    }
    const blobDirs = [path.join(layoutDir, BLOBS_DIR)]
    if (ctx.sharedBlobDir !== undefined && !options.ignoreSharedBlobDir) blobDirs.unshift(ctx.sharedBlobDir)
    let descriptor = selectDescriptor(index, selection, ref.toString(), where)
    if (descriptor === undefined && selection.kind === 'digest') {
      descriptor = await manifestBlobDescriptor(blobDirs, selection.digest)
    }
    if (descriptor === undefined) {
      throw new ImageNotFoundError(`${ref.toString()}: no manifest ${ref.digest ?? ''} in ${where}`)
    }
    return new OciImageSource(ref, index, descriptor, blobDirs, where)
  }

  async getManifest(instanceDigest?: string): Promise<RawManifest> {
    const digest = instanceDigest ?? this.descriptor.digest
    const bytes = await readManifestFile(await this.locate(digest))
    checkContentDigest(bytes, digest, `manifest ${digest} in ${this.where}`)
    const listed =
      instanceDigest === undefined
        ? this.descriptor
        : this.index.manifests.find(m => m.digest === instanceDigest)
    const mimeType = listed?.mediaType || guessMimeTypeOrEmpty(bytes)
    return { bytes, mimeType }
  }

  async getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    try {
      return await openFileStream(await this.locate(info.digest))
    } catch (e) {
      // Foreign (non-distributable) layers may live only at their URLs. containers/image tries the
      // URLs first; we prefer a local copy and fall back to the URLs.
      if (!isNotFound(e) || info.urls === undefined) throw e
      const fetched = await fetchFirstUrl(info.urls)
      if (fetched === undefined) throw e
      return fetched
    }
  }

  async getSignatures(_instanceDigest?: string): Promise<Buffer[]> {
    return []
  }

  /**
   * Referrers as OCI layouts hold them: index.json entries whose manifest names `digest` as its
   * subject (how oras and this tool write them), and the entries of a `sha256-<hex>` index named in
   * index.json (how regclient's ocidir wrote them).
   */
  async listReferrers(digest: string, _artifactTypes: readonly string[]): Promise<ReferrerListing> {
    this.bySubject ??= this.indexSubjects()
    const found = [...((await this.bySubject).get(digest) ?? [])]
    const tagged = this.index.manifests.find(
      m => refName(m) === fallbackTag(digest) && (m.mediaType ?? MediaType.OCIIndex) === MediaType.OCIIndex
    )
    if (tagged) {
      const bytes = await readManifestFile(await this.locate(tagged.digest))
      checkContentDigest(bytes, tagged.digest, `manifest ${tagged.digest} in ${this.where}`)
      for (const d of parseReferrersIndex(bytes)) if (!found.some(f => f.digest === d.digest)) found.push(d)
    }
    return { descriptors: found, via: 'layout' }
  }

  /** Ref names `<alg>-<hex>.*` (cosign's tags, as a layout names them). */
  async listDigestTags(digest: string): Promise<string[]> {
    const prefix = `${fallbackTag(digest)}.`
    return [...new Set(this.index.manifests.map(refName).filter(n => n.startsWith(prefix)))]
  }

  async getTaggedManifest(tag: string): Promise<RawManifest> {
    const entry = this.index.manifests.find(m => refName(m) === tag)
    if (!entry) throw new ImageNotFoundError(`no image named ${JSON.stringify(tag)} in ${this.where}`)
    const bytes = await readManifestFile(await this.locate(entry.digest))
    checkContentDigest(bytes, entry.digest, `manifest ${entry.digest} in ${this.where}`)
    return { bytes, mimeType: entry.mediaType || guessMimeTypeOrEmpty(bytes) }
  }

  /** subject digest → referrer descriptors, from every image manifest and index entry of index.json. */
  private async indexSubjects(): Promise<Map<string, ReferrerDescriptor[]>> {
    const map = new Map<string, ReferrerDescriptor[]>()
    const seen = new Set<string>()
    for (const entry of this.index.manifests) {
      if (seen.has(entry.digest) || entry.size > MAX_MANIFEST_SIZE) continue
      seen.add(entry.digest)
      if (entry.mediaType !== MediaType.OCIManifest && entry.mediaType !== MediaType.OCIIndex) continue
      const bytes = await readManifestFile(await this.locate(entry.digest))
      checkContentDigest(bytes, entry.digest, `manifest ${entry.digest} in ${this.where}`)
      const subject = manifestLinks(bytes, entry.mediaType).subject
      if (subject === undefined) continue
      const list = map.get(subject) ?? []
      list.push(referrerDescriptor(bytes, entry.mediaType, entry.digest))
      map.set(subject, list)
    }
    return map
  }

  async close(): Promise<void> {}

  /** The file holding a blob: the first blob directory that has it. */
  private async locate(digest: string): Promise<string> {
    const found = await findBlob(this.blobDirs, digest)
    if (found === undefined) {
      const error = new Error(`blob ${digest} not found in ${this.where}`) as Error & { code: string }
      error.code = 'ENOENT'
      throw error
    }
    return found
  }
}

async function findBlob(blobDirs: string[], digest: string): Promise<string | undefined> {
  for (const dir of blobDirs) {
    const file = blobPath(dir, digest)
    try {
      await fs.access(file)
      return file
    } catch (e) {
      if (!isNotFound(e)) throw e
    }
  }
  return undefined
}

/** `PATH@DIGEST` naming a manifest that is a blob of the layout but not an entry of index.json (e.g. one instance of a listed index). */
async function manifestBlobDescriptor(
  blobDirs: string[],
  digest: string
): Promise<OciDescriptor | undefined> {
  const file = await findBlob(blobDirs, digest)
  if (file === undefined) return undefined
  const { size } = await fs.stat(file)
  if (size > MAX_MANIFEST_SIZE) return undefined
  const mediaType = guessMimeTypeOrEmpty(await fs.readFile(file))
  const manifestTypes: string[] = [MediaType.OCIManifest, MediaType.DockerV2Schema2]
  if (!manifestTypes.includes(mediaType) && !isListMimeType(mediaType)) return undefined
  return { mediaType, digest, size }
}
