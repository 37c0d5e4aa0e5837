// Where the archive writer's bytes go: a file (which can also rewrite a header written before its
// entry's size was known, and cut off an entry that failed) or a stream (the body of a docker load
// request, a pipe), which can only be appended to.
import { promises as fs } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import { removeQuietly } from '../local/files.js'

export interface SeekableSink {
  /** Overwrites bytes already written. */
  writeAt(offset: number, data: Buffer): Promise<void>
  /** Drops everything from `offset` on; writing continues there. */
  truncate(offset: number): Promise<void>
}

export interface TarSink {
  /** Bytes written so far. */
  readonly position: number
  /** Present when written bytes can be rewritten (a file). */
  readonly seekable?: SeekableSink
  write(data: Buffer): Promise<void>
  /** Everything was written: flush and close. */
  end(): Promise<void>
  /** Stops writing; later writes fail with `error`. */
  abort(error: Error): Promise<void>
}

/** A new file (which must not exist), written with positional writes, fsynced at the end. */
export class FileTarSink implements TarSink, SeekableSink {
  private offset = 0
  private failure: Error | undefined
  private closed = false

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle
  ) {}

  static async create(file: string): Promise<FileTarSink> {
    return new FileTarSink(file, await fs.open(file, 'wx', 0o644))
  }

  get position(): number {
    return this.offset
  }

  get seekable(): SeekableSink {
    return this
  }

  async write(data: Buffer): Promise<void> {
    this.check()
    await this.writeAt(this.offset, data)
    this.offset += data.length
  }

  async writeAt(offset: number, data: Buffer): Promise<void> {
    this.check()
    for (let done = 0; done < data.length;) {
      done += (await this.handle.write(data, done, data.length - done, offset + done)).bytesWritten
    }
  }

  async truncate(offset: number): Promise<void> {
    this.check()
    await this.handle.truncate(offset)
    this.offset = offset
  }

  async end(): Promise<void> {
    this.check()
    this.closed = true
    try {
      await this.handle.sync()
    } finally {
      await this.handle.close()
    }
  }

  /** Closes and removes the file. */
  async abort(error: Error): Promise<void> {
    this.failure ??= error
    if (!this.closed) {
      this.closed = true
      await this.handle.close().catch(() => undefined)
    }
    await removeQuietly(this.file)
  }

  private check(): void {
    if (this.failure) throw this.failure
    if (this.closed) throw new Error(`internal error: ${this.file} was written after it was closed`)
  }
}

/** Appends to a Writable, honouring its backpressure. */
export class StreamTarSink implements TarSink {
  private offset = 0
  private failure: Error | undefined
  readonly seekable = undefined

  constructor(
    private readonly out: Writable,
    /** Names the stream in errors. */
    private readonly what: string
  ) {
    out.on('error', e => {
      this.failure ??= e
    })
  }

  get position(): number {
    return this.offset
  }

  async write(data: Buffer): Promise<void> {
    this.check()
    this.offset += data.length
    if (this.out.write(data)) return
    await this.settled('drain')
  }

  async end(): Promise<void> {
    this.check()
    const done = this.settled('finish')
    this.out.end()
    await done
  }

  async abort(error: Error): Promise<void> {
    this.failure ??= error
    if (!this.out.destroyed) this.out.destroy(error)
  }

  private check(): void {
    if (this.failure) throw this.failure
    if (this.out.destroyed || this.out.writableEnded) throw new Error(`${this.what} was closed`)
  }

  /** Waits for `event`, failing if the stream errors or closes first. */
  private settled(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        this.out.off(event, onEvent)
        this.out.off('error', onError)
        this.out.off('close', onClose)
      }
      const onEvent = (): void => {
        cleanup()
        resolve()
      }
      const onError = (e: Error): void => {
        cleanup()
        reject(this.failure ?? e)
      }
      const onClose = (): void => {
        cleanup()
        reject(this.failure ?? new Error(`${this.what} was closed`))
      }
      this.out.on(event, onEvent)
      this.out.on('error', onError)
      this.out.on('close', onClose)
    })
  }
}
