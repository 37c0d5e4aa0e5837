// Reading an image from a `dir:` directory (containers/image directory/directory_src.go).
import { MAX_SIGNATURE_BYTES, ReadLimitError } from '../../limits.js'
import { promises as fs } from 'node:fs'
import type { Readable } from 'node:stream'
import { ImageNotFoundError } from '../errors.js'
import { openFileStream, readManifestFile } from '../local/blob-read.js'
import { isNotFound } from '../local/files.js'
import { guessMimeTypeOrEmpty } from '../../manifest/index.js'
import {
  sourceProperties,
  type BlobInfo,
  type ImageReference,
  type ImageSource,
  type RawManifest
} from '../types.js'
import {
  isSupportedVersion,
  layerPath,
  MANIFEST_FILE,
  manifestPath,
  parseVersion,
  signaturePath,
  VERSION_FILE
} from './layout.js'
import path from 'node:path'
import { recoverSwap } from './swap.js'

export class DirImageSource implements ImageSource {
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })

  private constructor(
    readonly ref: ImageReference,
    private readonly dir: string
  ) {}

  static async open(ref: ImageReference & { path: string }): Promise<DirImageSource> {
    const dir = ref.path
    // A copy killed while swapping this image in may have left it aside: put it back.
    await recoverSwap(path.resolve(dir), true)
    let version: string | undefined
    try {
      version = await fs.readFile(path.join(dir, VERSION_FILE), 'utf8')
    } catch (e) {
      // A missing version file is accepted, as upstream does (directories written before it existed).
      if (!isNotFound(e)) throw e
    }
    if (version !== undefined) {
      const parsed = parseVersion(version)
      if (parsed === undefined)
        throw new Error(`${ref.toString()}: invalid version file content: ${JSON.stringify(version)}`)
      if (!isSupportedVersion(parsed)) {
        throw new Error(
          `${ref.toString()}: unsupported directory transport version ${JSON.stringify(version)} at ${dir}`
        )
      }
    }
    try {
      await fs.access(path.join(dir, MANIFEST_FILE))
    } catch (e) {
      if (!isNotFound(e)) throw e
      throw new ImageNotFoundError(`${ref.toString()}: no image in ${dir} (no ${MANIFEST_FILE})`)
    }
    return new DirImageSource(ref, dir)
  }

  async getManifest(instanceDigest?: string): Promise<RawManifest> {
    const bytes = await readManifestFile(manifestPath(this.dir, instanceDigest))
    return { bytes, mimeType: guessMimeTypeOrEmpty(bytes) }
  }

  getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    return openFileStream(layerPath(this.dir, info.digest))
  }

  async getSignatures(instanceDigest?: string): Promise<Buffer[]> {
    const signatures: Buffer[] = []
    for (let i = 0; ; i++) {
      try {
        const file = signaturePath(this.dir, i, instanceDigest)
        const { size } = await fs.stat(file)
        if (size > MAX_SIGNATURE_BYTES) {
          throw new ReadLimitError(`the signature ${file} (${size} bytes)`, MAX_SIGNATURE_BYTES)
        }
        signatures.push(await fs.readFile(file))
      } catch (e) {
        if (isNotFound(e)) return signatures
        throw e
      }
    }
  }

  async close(): Promise<void> {}
}
