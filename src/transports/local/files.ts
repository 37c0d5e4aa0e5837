// File operations shared by the file-based transports: temp files published atomically, streams
// written without buffering, directories created (and remembered, so a rollback can remove them).
import { nodeCrypto } from '../../lazy-builtin.js'
import { promises as fs } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { FILE_CHUNK_BYTES, STAGE_BUFFER_BYTES, startMemoryPacing } from '../../memory.js'

export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e
    ? String((e as { code: unknown }).code)
    : undefined
}

export function isNotFound(e: unknown): boolean {
  return errnoCode(e) === 'ENOENT'
}

/**
 * A fresh, unique name in `dir`; dot-prefixed so it is never mistaken for a blob, and carrying this
 * process's pid so that a later process can remove it once this one is dead (stale-temps.ts).
 */
export function tempPath(dir: string, label: string, kind: 'tmp' | 'old' = 'tmp'): string {
  return path.join(dir, `.${label}-${pidStamp()}.${kind}`)
}

/** `<pid>-<16 hex>`: the part of every temp name that says whose it is (stale-temps.ts). */
export function pidStamp(): string {
  return `${process.pid}-${nodeCrypto().randomBytes(8).toString('hex')}`
}

export async function removeQuietly(p: string): Promise<void> {
  await fs.rm(p, { force: true, recursive: true }).catch(() => undefined)
}

export async function pathExists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p)
    return true
  } catch (e) {
    if (isNotFound(e)) return false
    throw e
  }
}

/**
 * Gives a complete temp file the name `target`, unless `target` already exists (content-addressed
 * files with the same name hold the same bytes). Returns whether this call created `target`.
 * A hard link fails with EEXIST instead of replacing, which tells us exactly who created the file;
 * where links are unsupported, falls back to rename. `temp` is gone afterwards in every case.
 */
export async function publishFile(temp: string, target: string): Promise<boolean> {
  try {
    await fs.link(temp, target)
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') {
      await removeQuietly(temp)
      return false
    }
    try {
      if (await pathExists(target)) {
        await removeQuietly(temp)
        return false
      }
      await fs.rename(temp, target)
      return true
    } catch (renameError) {
      await removeQuietly(temp)
      throw renameError
    }
  }
  await removeQuietly(temp)
  return true
}

export interface WrittenStream {
  size: number
  /** Present when a hash algorithm was asked for. */
  digest?: string
}

/**
 * Streams `stream` into a new file `file` (which must not exist), fsyncs it, and reports its size.
 * If the stream errors (including on its last chunk, as the engine's verifier does), the file is
 * removed and the error rethrown.
 */
export async function writeStreamToNewFile(
  stream: Readable,
  file: string,
  hashAlgorithm?: string
): Promise<WrittenStream> {
  startMemoryPacing()
  const hash = hashAlgorithm === undefined ? undefined : nodeCrypto().createHash(hashAlgorithm)
  let size = 0
  const handle = await fs.open(file, 'wx', 0o644)
  try {
    try {
      await pipeline(
        stream,
        fileSink(handle, chunk => {
          size += chunk.length
          hash?.update(chunk)
        })
      )
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (e) {
    await removeQuietly(file)
    throw e
  }
  return { size, digest: hash === undefined ? undefined : `${hashAlgorithm}:${hash.digest('hex')}` }
}

/**
 * a Writable onto an open file that leaves the handle open (for fsync); counts in place (no Transform
 * hop), and gathers chunks until FILE_CHUNK_BYTES are there before it writes them in one writev:
 * each write is a promise and a trip to node's thread pool, which cost more on the main thread than
 * the bytes held (a socket gives 64 KiB chunks).
 */
function fileSink(handle: FileHandle, onChunk: (chunk: Buffer) => void): Writable {
  let held: Buffer[] = []
  let heldBytes = 0
  const writeHeld = (): Promise<void> => {
    const buffers = held
    held = []
    heldBytes = 0
    return buffers.length === 0 ? Promise.resolve() : writeAll(handle, buffers)
  }
  const take = (buffers: Buffer[], callback: (error?: Error | null) => void): void => {
    for (const b of buffers) {
      onChunk(b)
      held.push(b)
      heldBytes += b.length
    }
    if (heldBytes < FILE_CHUNK_BYTES) return callback()
    writeHeld().then(() => callback(), callback)
  }
  return new Writable({
    // what waits while a write runs; the gathered chunks are the file end's FILE_CHUNK_BYTES
    highWaterMark: STAGE_BUFFER_BYTES,
    write(chunk: Buffer, _encoding, callback) {
      take([chunk], callback)
    },
    writev(chunks, callback) {
      take(
        chunks.map(c => c.chunk as Buffer),
        callback
      )
    },
    final(callback) {
      writeHeld().then(() => callback(), callback)
    }
  })
}

async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  const total = buffers.reduce((n, b) => n + b.length, 0)
  const written = (await handle.writev(buffers)).bytesWritten
  if (written < total) {
    const rest = Buffer.concat(buffers).subarray(written)
    for (let offset = 0; offset < rest.length;) {
      offset += (await handle.write(rest, offset, rest.length - offset, null)).bytesWritten
    }
  }
}

/** Reads a stream to its end, discarding the bytes, so that its errors (e.g. a failed verification) surface. */
export async function drain(stream: Readable): Promise<void> {
  await pipeline(
    stream,
    new Writable({
      write(_chunk, _encoding, callback) {
        callback()
      }
    })
  )
}

/** Writes `data` to `target` through a temp file in the same directory and a rename. */
export async function writeFileAtomic(target: string, data: Buffer | string): Promise<void> {
  const temp = tempPath(path.dirname(target), path.basename(target))
  try {
    const handle = await fs.open(temp, 'wx', 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, target)
  } catch (e) {
    await removeQuietly(temp)
    throw e
  }
}

/** mkdir -p that returns the directories it created, outermost first. */
export async function makeDirectories(dir: string): Promise<string[]> {
  const absolute = path.resolve(dir)
  const first = await fs.mkdir(absolute, { recursive: true })
  if (first === undefined) return []
  const created: string[] = []
  for (let d = absolute; ; d = path.dirname(d)) {
    created.unshift(d)
    if (d === first || path.dirname(d) === d) break
  }
  return created
}

/** Removes directories (given outermost first) that are still empty; the others are left alone. */
export async function removeEmptyDirectories(created: string[]): Promise<void> {
  for (const d of [...created].reverse()) {
    await fs.rmdir(d).catch(() => undefined)
  }
}
