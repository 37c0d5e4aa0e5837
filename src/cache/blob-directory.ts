// The blob cache on disk: a content-addressed directory `<dir>/sha256/<hex>` (DESIGN.md section 7).
//
// Writes go to a unique temp file beside the final name; the sha256 is computed while the bytes are
// written, and `commit` keeps the file (an atomic hard link to the final name, no overwrite) only when
// it hashes to the digest. Readers get a stream of a file that was verified when it was written — or
// restored from the Actions cache, which is why the engine verifies everything it is served anyway.
// `get` touches the file, so the modification time orders blobs for least-recently-used pruning; tar
// keeps modification times, so the order survives a save and restore.
//
// Nothing but blobs is ever written here: no credentials, no configuration, no index.
import type { Hash } from 'node:crypto'
import { nodeCrypto } from '../lazy-builtin.js'
import { constants, type Dirent } from 'node:fs'
import { FILE_CHUNK_BYTES } from '../memory.js'
import {
  link,
  lstat,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  type FileHandle
} from 'node:fs/promises'
import path from 'node:path'
import { Writable, type Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { BlobCache, CacheWriter } from '../copy/blob-cache.js'

/** A number of blobs and their total size. */
export interface BlobCount {
  count: number
  bytes: number
}

const digestPattern = /^sha256:([0-9a-f]{64})$/
const blobNamePattern = /^[0-9a-f]{64}$/

/** The hex of a `sha256:<64 hex>` digest, or undefined for any other digest (other algorithms are not cached). */
function sha256Hex(digest: string): string | undefined {
  return digestPattern.exec(digest)?.[1]
}

function isErrno(e: unknown, ...codes: string[]): boolean {
  return typeof e === 'object' && e !== null && codes.includes((e as NodeJS.ErrnoException).code ?? '')
}

async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file)
  } catch (e) {
    if (!isErrno(e, 'ENOENT')) throw e
  }
}

/**
 * A sink that hashes and counts what it is given and writes it to a file. A failing file write does
 * not fail the stream (an erroring sink would stall the engine's tee, and the cache must never hold
 * up a copy): the error is kept, later bytes are dropped, and `commit` reports it.
 */
class HashingFileSink extends Writable {
  readonly hash: Hash = nodeCrypto().createHash('sha256')
  bytes = 0
  failure: Error | undefined
  private handle: FileHandle | undefined

  constructor(handle: FileHandle) {
    super({ highWaterMark: FILE_CHUNK_BYTES })
    this.handle = handle
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writeChunks([chunk]).then(() => callback(), callback)
  }

  override _writev(
    chunks: Array<{ chunk: Buffer; encoding: BufferEncoding }>,
    callback: (error?: Error | null) => void
  ): void {
    this.writeChunks(chunks.map(c => c.chunk)).then(() => callback(), callback)
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.closeHandle().then(() => callback(), callback)
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.closeHandle().then(
      () => callback(error),
      () => callback(error)
    )
  }

  private async writeChunks(chunks: Buffer[]): Promise<void> {
    for (const chunk of chunks) {
      if (this.failure) return
      this.hash.update(chunk)
      this.bytes += chunk.length
      try {
        let offset = 0
        while (offset < chunk.length) {
          const { bytesWritten } = await this.handle!.write(chunk, offset, chunk.length - offset)
          offset += bytesWritten
        }
      } catch (e) {
        this.failure = e as Error
        await this.closeHandle().catch(() => undefined)
      }
    }
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle
    this.handle = undefined
    if (handle) await handle.close()
  }
}

class BlobWriter implements CacheWriter {
  readonly stream: HashingFileSink
  private state: 'open' | 'committing' | 'done' = 'open'

  constructor(
    private readonly owner: BlobDirectory,
    private readonly hex: string,
    private readonly tempPath: string,
    handle: FileHandle
  ) {
    this.stream = new HashingFileSink(handle)
  }

  async commit(): Promise<void> {
    if (this.state !== 'open') {
      throw new Error(`blob cache: sha256:${this.hex} was already committed or aborted`)
    }
    this.state = 'committing'
    const sink = this.stream
    try {
      if (sink.destroyed && !sink.writableFinished) {
        throw sink.errored ?? new Error('the cache write was aborted')
      }
      if (!sink.writableEnded) sink.end()
      await finished(sink)
      if (sink.failure) throw sink.failure
      const actual = sink.hash.digest('hex')
      if (actual !== this.hex) {
        throw new Error(
          `the ${sink.bytes} bytes written hash to sha256:${actual}, not sha256:${this.hex}; not stored`
        )
      }
      await this.owner.place(this.tempPath, this.hex, sink.bytes)
    } catch (e) {
      await removeFile(this.tempPath).catch(() => undefined)
      throw new Error(`blob cache: sha256:${this.hex}: ${(e as Error).message}`, { cause: e })
    } finally {
      this.state = 'done'
    }
  }

  async abort(): Promise<void> {
    if (this.state !== 'open') return
    this.state = 'done'
    if (!this.stream.destroyed) this.stream.destroy()
    await finished(this.stream).catch(() => undefined)
    await removeFile(this.tempPath)
  }
}

/**
 * The blob cache directory. `added` counts the blobs this instance stored (not those already present),
 * so the Action knows whether the cache changed and is worth saving.
 */
export class BlobDirectory implements BlobCache {
  /** The directory given, resolved. */
  readonly dir: string
  /** `<dir>/sha256`: the one directory that holds blobs, and the one path saved to the Actions cache. */
  readonly blobsDir: string
  private readonly addedCount: BlobCount = { count: 0, bytes: 0 }

  constructor(dir: string) {
    this.dir = path.resolve(dir)
    this.blobsDir = path.join(this.dir, 'sha256')
  }

  /** Blobs stored by this instance since it was constructed. */
  get added(): BlobCount {
    return { ...this.addedCount }
  }

  /** The path a blob is (or would be) stored at; undefined for digests that are not sha256. */
  pathOf(digest: string): string | undefined {
    const hex = sha256Hex(digest)
    return hex ? path.join(this.blobsDir, hex) : undefined
  }

  async get(digest: string): Promise<Readable | undefined> {
    const file = this.pathOf(digest)
    if (!file) return undefined
    let handle: FileHandle
    try {
      // never through a symbolic link: a blob is a regular file in this directory
      handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
    } catch (e) {
      if (isErrno(e, 'ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP')) return undefined
      throw e
    }
    try {
      if (!(await handle.stat()).isFile()) {
        await handle.close()
        return undefined
      }
      const now = new Date()
      await handle.utimes(now, now).catch(() => undefined)
    } catch (e) {
      await handle.close().catch(() => undefined)
      throw e
    }
    return handle.createReadStream({ highWaterMark: FILE_CHUNK_BYTES })
  }

  async discard(digest: string): Promise<void> {
    const file = this.pathOf(digest)
    if (file) await removeFile(file)
  }

  async begin(digest: string): Promise<CacheWriter> {
    const hex = sha256Hex(digest)
    if (!hex) throw new Error(`blob cache: only sha256 digests are cached, not ${digest}`)
    await mkdir(this.blobsDir, { recursive: true })
    const tempPath = path.join(
      this.blobsDir,
      `.${hex.slice(0, 16)}.${nodeCrypto().randomBytes(8).toString('hex')}.tmp`
    )
    const handle = await open(tempPath, 'wx')
    return new BlobWriter(this, hex, tempPath, handle)
  }

  /**
   * Moves a verified temp file to its final name without replacing a blob that is there already
   * (a concurrent writer of the same blob won; its bytes are the same). Used by commit.
   * @internal
   */
  async place(tempPath: string, hex: string, bytes: number): Promise<void> {
    const finalPath = path.join(this.blobsDir, hex)
    let stored: boolean
    try {
      await link(tempPath, finalPath)
      stored = true
    } catch (e) {
      if (isErrno(e, 'EEXIST')) {
        // Another writer's blob stays. Anything else by that name (a directory, a link) is replaced.
        stored = !(await lstat(finalPath)).isFile()
        if (stored) {
          await rm(finalPath, { recursive: true, force: true })
          await rename(tempPath, finalPath)
        }
      } else if (isErrno(e, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS')) {
        // No hard links on this file system: a rename, unless the blob appeared meanwhile.
        stored = !(await exists(finalPath))
        if (stored) await rename(tempPath, finalPath)
      } else {
        throw e
      }
    }
    await removeFile(tempPath)
    if (stored) {
      this.addedCount.count++
      this.addedCount.bytes += bytes
    }
  }

  /** What `<dir>/sha256` holds; nothing when it does not exist. */
  private async entries(): Promise<Dirent[]> {
    try {
      return await readdir(this.blobsDir, { withFileTypes: true })
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return []
      throw e
    }
  }

  /** Every blob on disk with its size and modification time (the LRU clock). */
  async list(): Promise<Array<{ hex: string; bytes: number; mtimeMs: number }>> {
    const entries = await this.entries()
    const blobs: Array<{ hex: string; bytes: number; mtimeMs: number }> = []
    for (const entry of entries) {
      if (!entry.isFile() || !blobNamePattern.test(entry.name)) continue
      try {
        const s = await stat(path.join(this.blobsDir, entry.name))
        blobs.push({ hex: entry.name, bytes: s.size, mtimeMs: s.mtimeMs })
      } catch (e) {
        if (!isErrno(e, 'ENOENT')) throw e
      }
    }
    return blobs
  }

  /** The blobs on disk now. */
  async stats(): Promise<BlobCount> {
    const blobs = await this.list()
    return { count: blobs.length, bytes: blobs.reduce((sum, b) => sum + b.bytes, 0) }
  }

  /**
   * Drops least-recently-used blobs (oldest modification time first; `get` and `commit` refresh it)
   * until the total is at most `maxBytes`. Returns what was removed.
   */
  async prune(maxBytes: number): Promise<BlobCount> {
    const blobs = await this.list()
    let total = blobs.reduce((sum, b) => sum + b.bytes, 0)
    blobs.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.hex < b.hex ? -1 : 1))
    const removed: BlobCount = { count: 0, bytes: 0 }
    for (const blob of blobs) {
      if (total <= maxBytes) break
      await removeFile(path.join(this.blobsDir, blob.hex))
      total -= blob.bytes
      removed.count++
      removed.bytes += blob.bytes
    }
    return removed
  }

  /**
   * Removes everything in `<dir>/sha256` that is not a blob: temp files of writes that never finished,
   * and anything else put there (directories, symbolic links, other names). Call it when no write is
   * in flight (before saving the directory, after restoring it). Returns the names removed.
   */
  async sweep(): Promise<string[]> {
    const entries = await this.entries()
    const removed: string[] = []
    for (const entry of entries) {
      if (entry.isFile() && blobNamePattern.test(entry.name)) continue
      await rm(path.join(this.blobsDir, entry.name), { recursive: true, force: true })
      removed.push(entry.name)
    }
    return removed
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file)
    return true
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return false
    throw e
  }
}
