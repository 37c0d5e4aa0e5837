// Storing a blob into a content-addressed file: stream to a unique temp file beside the target,
// then publish it under its digest only once the stream ended without error.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { BlobInfo } from '../types.js'
import { drain, isNotFound, publishFile, removeQuietly, tempPath, writeStreamToNewFile } from './files.js'

export interface StoredBlob {
  info: BlobInfo
  file: string
  /** False when the file was already there (then the stream was only drained). */
  created: boolean
}

export interface BlobFiles {
  /** The file a digest is stored as. */
  fileFor(digest: string): string
  /** mkdir -p, letting the caller remember what it created. */
  makeDirs(dir: string): Promise<void>
}

/**
 * Stores `stream` as the blob `info` describes. With an unknown digest (''), the sha256 of the
 * bytes names it. A known size that does not match fails the call, as upstream putBlob does.
 */
export async function storeBlob(stream: Readable, info: BlobInfo, files: BlobFiles): Promise<StoredBlob> {
  // The stream may fail (e.g. a verifier's final check on a small blob) before we pipe it anywhere;
  // without a listener that 'error' event would be uncaught. pipeline() still reports the error.
  stream.on('error', () => undefined)
  const known = info.digest !== ''
  if (known) {
    const file = files.fileFor(info.digest)
    const existing = await sizeIfExists(file)
    if (existing !== undefined) {
      // Same name, same bytes: nothing to write. Still read the stream to its end so that a
      // verification failure in the engine's pipeline surfaces here.
      await drain(stream)
      return { info: { ...info, size: existing }, file, created: false }
    }
  }
  // An unknown digest will be a sha256 one: its temp file goes where sha256 blobs go.
  const dir = path.dirname(files.fileFor(known ? info.digest : `sha256:${'0'.repeat(64)}`))
  await files.makeDirs(dir)
  const temp = tempPath(dir, 'put-blob')
  const written = await writeStreamToNewFile(stream, temp, known ? undefined : 'sha256')
  const digest = known ? info.digest : (written.digest as string)
  if (info.size >= 0 && written.size !== info.size) {
    await removeQuietly(temp)
    throw new Error(`Size mismatch when copying ${digest}, expected ${info.size}, got ${written.size}`)
  }
  const file = files.fileFor(digest)
  const created = await publishFile(temp, file)
  return { info: { ...info, digest, size: written.size }, file, created }
}

/** Stores small content-addressed bytes (a manifest) under `file` unless it is already there. */
export async function storeBytes(bytes: Buffer, file: string, files: BlobFiles): Promise<boolean> {
  if ((await sizeIfExists(file)) !== undefined) return false
  await files.makeDirs(path.dirname(file))
  const temp = tempPath(path.dirname(file), 'put-manifest')
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx', mode: 0o644 })
  } catch (e) {
    await removeQuietly(temp)
    throw e
  }
  return publishFile(temp, file)
}

export async function sizeIfExists(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).size
  } catch (e) {
    if (isNotFound(e)) return undefined
    throw e
  }
}
