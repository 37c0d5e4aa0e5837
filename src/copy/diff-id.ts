import { createHash } from 'node:crypto'
import { Writable } from 'node:stream'
import type { Transform } from 'node:stream'
import { decompressor, detectCompression, MAGIC_LENGTH } from '../compression/streams.js'

/**
 * A sink that computes a layer's DiffID (the sha256 of its uncompressed tar) while the layer is
 * copied, for conversions from schema1 that need DiffIDs. gzip and zstd are detected by their magic
 * bytes and decompressed; bzip2 and xz fail; anything else is hashed as it is.
 */
export class DiffIdSink extends Writable {
  private readonly hash = createHash('sha256')
  private gunzip?: Transform
  private decided = false
  private head = Buffer.alloc(0)
  readonly result: Promise<string>
  private resolveResult!: (d: string) => void
  private rejectResult!: (e: Error) => void

  constructor() {
    super()
    this.result = new Promise((resolve, reject) => {
      this.resolveResult = resolve
      this.rejectResult = reject
    })
    this.result.catch(() => undefined)
  }

  private decide(): void {
    this.decided = true
    const compression = detectCompression(this.head)
    if (compression !== 'none') {
      this.gunzip = decompressor(compression, 'a layer whose DiffID is needed')
      this.gunzip.on('data', (chunk: Buffer) => this.hash.update(chunk))
      this.gunzip.on('error', e => this.rejectResult(e))
    }
  }

  private feed(chunk: Buffer, callback: (e?: Error | null) => void): void {
    if (this.gunzip) {
      if (!this.gunzip.write(chunk)) this.gunzip.once('drain', () => callback())
      else callback()
    } else {
      this.hash.update(chunk)
      callback()
    }
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, callback: (e?: Error | null) => void): void {
    if (!this.decided) {
      this.head = Buffer.concat([this.head, chunk])
      if (this.head.length < MAGIC_LENGTH) return callback()
      try {
        this.decide()
      } catch (e) {
        return callback(e as Error)
      }
      const buffered = this.head
      this.head = Buffer.alloc(0)
      return this.feed(buffered, callback)
    }
    this.feed(chunk, callback)
  }

  override _final(callback: (e?: Error | null) => void): void {
    if (!this.decided) {
      this.decided = true
      if (this.head.length > 0) this.hash.update(this.head)
    }
    if (this.gunzip) {
      this.gunzip.once('end', () => {
        this.resolveResult(`sha256:${this.hash.digest('hex')}`)
        callback()
      })
      this.gunzip.end()
      this.gunzip.resume()
    } else {
      this.resolveResult(`sha256:${this.hash.digest('hex')}`)
      callback()
    }
  }

  override _destroy(error: Error | null, callback: (e?: Error | null) => void): void {
    this.rejectResult(error ?? new Error('DiffID computation aborted'))
    this.gunzip?.destroy()
    callback(error)
  }
}
