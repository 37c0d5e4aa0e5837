import type { Hash } from 'node:crypto'
import { nodeCrypto } from '../lazy-builtin.js'
import { Transform, type TransformCallback } from 'node:stream'
import { parseDigest } from '../manifest/index.js'
import { ImageCopyError } from '../errors.js'
import { noteBytesRead, STAGE_BUFFER_BYTES } from '../memory.js'

/** A blob whose bytes did not match its descriptor. */
export class BlobVerificationError extends ImageCopyError {
  constructor(
    message: string,
    readonly digest: string
  ) {
    super(message)
    this.name = 'BlobVerificationError'
  }
}

function hashFor(digest: string): Hash {
  try {
    return nodeCrypto().createHash(parseDigest(digest).algorithm)
  } catch (e) {
    throw new BlobVerificationError(`cannot verify blob ${digest}: ${(e as Error).message}`, digest)
  }
}

/**
 * Passes bytes through while hashing and counting them. On the last byte it checks digest and
 * size; a mismatch makes the stream error instead of end, so a destination that renames its temp
 * file on 'finish' never publishes a corrupt blob.
 */
export class VerifyingStream extends Transform {
  private readonly hash: Hash
  private bytes = 0

  constructor(
    readonly digest: string,
    readonly expectedSize: number,
    private readonly onBytes?: (total: number) => void
  ) {
    super({ highWaterMark: STAGE_BUFFER_BYTES })
    this.hash = hashFor(digest)
  }

  get bytesSeen(): number {
    return this.bytes
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    if (this.expectedSize >= 0 && this.bytes > this.expectedSize) {
      callback(
        new BlobVerificationError(
          `blob ${this.digest} is larger than its descriptor says (${this.expectedSize} bytes)`,
          this.digest
        )
      )
      return
    }
    this.hash.update(chunk)
    noteBytesRead(chunk.length)
    this.onBytes?.(this.bytes)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    if (this.expectedSize >= 0 && this.bytes !== this.expectedSize) {
      callback(
        new BlobVerificationError(
          `blob ${this.digest} has ${this.bytes} bytes, its descriptor says ${this.expectedSize}`,
          this.digest
        )
      )
      return
    }
    const actual = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`
    if (actual !== this.digest) {
      callback(
        new BlobVerificationError(
          `blob ${this.digest} does not match its digest: its content hashes to ${actual}`,
          this.digest
        )
      )
      return
    }
    callback()
  }
}
