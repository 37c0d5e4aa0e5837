// Reading an image from an OCI archive: unpacked once into a temp directory, read as a layout,
// the directory removed on close (containers/image oci/archive/oci_src.go).
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { ImageNotFoundError } from '../errors.js'
import { isNotFound, removeQuietly } from '../local/files.js'
import type { OciSelection } from '../oci/reference-syntax.js'
import { OciImageSource } from '../oci/source.js'
import {
  sourceProperties,
  type BlobInfo,
  type ImageReference,
  type ImageSource,
  type RawManifest,
  type TransportContext
} from '../types.js'
import { extractTar } from './tar-extract.js'
import { openTempDir } from '../local/stale-temps.js'

export class OciArchiveImageSource implements ImageSource {
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })

  private constructor(
    readonly ref: ImageReference,
    private readonly layout: OciImageSource,
    private readonly tempDir: string
  ) {}

  static async open(
    ref: ImageReference & { path: string; selection: OciSelection },
    ctx: TransportContext
  ): Promise<OciArchiveImageSource> {
    try {
      const stat = await fs.stat(ref.path)
      if (!stat.isFile()) throw new Error(`${ref.toString()}: ${ref.path} is not a file`)
    } catch (e) {
      if (isNotFound(e))
        throw new ImageNotFoundError(`${ref.toString()}: archive file not found: ${ref.path}`)
      throw e
    }
    const tempDir = await openTempDir(ctx.tmpDir ?? os.tmpdir(), 'image-copy-oci-archive-')
    try {
      await extractTar(ref.path, tempDir)
      // An archive carries its own blobs: a shared blob directory does not apply to it.
      const layout = await OciImageSource.open(ref, tempDir, ref.selection, ctx, {
        where: `OCI archive ${ref.path}`,
        ignoreSharedBlobDir: true
      })
      return new OciArchiveImageSource(ref, layout, tempDir)
    } catch (e) {
      await removeQuietly(tempDir)
      throw inArchive(e, tempDir, ref.path)
    }
  }

  getManifest(instanceDigest?: string): Promise<RawManifest> {
    return this.layout.getManifest(instanceDigest)
  }

  getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    return this.layout.getBlob(info)
  }

  getSignatures(instanceDigest?: string): Promise<Buffer[]> {
    return this.layout.getSignatures(instanceDigest)
  }

  async close(): Promise<void> {
    await this.layout.close()
    await removeQuietly(this.tempDir)
  }
}

/** An error about a file of the unpacked archive names the file inside the archive, not the temp path. */
function inArchive(e: unknown, tempDir: string, archive: string): unknown {
  if (!(e instanceof Error) || !e.message.includes(tempDir)) return e
  const message = e.message.split(`${tempDir}${path.sep}`).join('').split(tempDir).join('.')
  const error = new Error(`OCI archive ${archive}: ${message}`, { cause: e })
  return Object.assign(error, { hint: (e as { hint?: string }).hint })
}
