// Reading blobs and manifests from files.
import { promises as fs } from 'node:fs'
import { Readable } from 'node:stream'
import { MAX_MANIFEST_BYTES } from '../../limits.js'
import { FILE_CHUNK_BYTES } from '../../memory.js'
import { digestOf } from './digest.js'

/** containers/image refuses manifests above 4 MiB (iolimits.MaxManifestBodySize); so do we. */
/** containers/image's manifest limit (limits.ts). */
export const MAX_MANIFEST_SIZE = MAX_MANIFEST_BYTES

/** Opens a file as a stream with its size; throws ENOENT errors as they are. */
export async function openFileStream(file: string): Promise<{ stream: Readable; size: number }> {
  const handle = await fs.open(file, 'r')
  try {
    const { size } = await handle.stat()
    return { stream: handle.createReadStream({ highWaterMark: FILE_CHUNK_BYTES }), size }
  } catch (e) {
    await handle.close()
    throw e
  }
}

/** Reads a manifest file, refusing anything too large to be one. */
export async function readManifestFile(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r')
  try {
    const { size } = await handle.stat()
    if (size > MAX_MANIFEST_SIZE) {
      throw new Error(`${file} is ${size} bytes, too large to be a manifest (limit ${MAX_MANIFEST_SIZE})`)
    }
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

/** Throws when content-addressed `bytes` do not hash to `digest` (a corrupt store). */
export function checkContentDigest(bytes: Buffer, digest: string, where: string): void {
  const actual = digestOf(bytes, digest)
  if (actual !== digest)
    throw new Error(`${where} is corrupt: its content hashes to ${actual}, not ${digest}`)
}

/** Streams the first URL (http/https) that answers 200; undefined when none of `urls` is http(s). */
export async function fetchFirstUrl(urls: string[]): Promise<{ stream: Readable; size: number } | undefined> {
  const failures: string[] = []
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url)) continue
    try {
      const response = await fetch(url)
      if (response.status !== 200 || response.body === null) {
        await response.body?.cancel()
        failures.push(`${url}: HTTP ${response.status}`)
        continue
      }
      const header = response.headers.get('content-length')
      const length = header === null ? -1 : Number(header)
      const stream = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)
      return { stream, size: Number.isSafeInteger(length) && length >= 0 ? length : -1 }
    } catch (e) {
      failures.push(`${url}: ${(e as Error).message}`)
    }
  }
  if (failures.length === 0) return undefined
  throw new Error(`fetching a foreign layer failed from every URL: ${failures.join('; ')}`)
}
