// Unpacks an OCI archive (a tar of an OCI layout, optionally gzip-compressed as upstream's Untar
// accepts) into a directory, streaming each file to disk once. Only what a layout can use is
// written: `oci-layout` and `index.json` (each at most 4 MiB, the manifest limit) and
// `blobs/<algorithm>/<hex>` named by a valid digest. Every other entry (junk, padding, sparse
// files, links, devices) is skipped without writing a byte, so a small archive cannot fill the
// temp directory with what no image references. Blobs are not limited here: they are verified
// against their digests when read, and their total is what the archive holds anyway (upstream
// extracts everything, with no limit).
import { promises as fs, createReadStream, createWriteStream } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, type Gunzip } from 'node:zlib'
import tar from 'tar-stream'
import { isValidDigest } from '../local/digest.js'
import { MAX_MANIFEST_BYTES } from '../../limits.js'
import { startMemoryPacing } from '../../memory.js'

/** The largest `oci-layout` or `index.json` accepted (containers/image's manifest limit). */
const MAX_LAYOUT_FILE_SIZE = MAX_MANIFEST_BYTES

/** Writes into `into` only what an OCI layout uses; every other entry is skipped unwritten. */
export async function extractTar(archive: string, into: string): Promise<void> {
  startMemoryPacing()
  const extract = tar.extract()
  const [stream, gunzip] = await openMaybeGzip(archive)
  const feeding = gunzip === undefined ? pipeline(stream, extract) : pipeline(stream, gunzip, extract)
  feeding.catch(() => undefined) // awaited below; this only keeps an early failure from being "unhandled"
  try {
    for await (const entry of extract) {
      const name = safeEntryPath(entry.header.name, archive)
      const type = entry.header.type ?? 'file'
      const isFile = type === 'file' || type === 'contiguous-file'
      const kind = name === undefined ? undefined : layoutEntryKind(name)
      if (kind === 'layout-file' && !isFile) throw new Error(`${name} is a ${type}, not a file`)
      if (kind === undefined || !isFile) {
        // Directories are made for the files in them; anything else has no place in a layout.
        entry.resume()
        continue
      }
      const size = entry.header.size ?? 0
      if (kind === 'layout-file' && size > MAX_LAYOUT_FILE_SIZE) {
        throw new Error(
          `${archive}: ${name} is ${size} bytes, more than the ${MAX_LAYOUT_FILE_SIZE} an OCI layout's ${name} may have`
        )
      }
      const target = path.join(into, name!)
      await fs.mkdir(path.dirname(target), { recursive: true })
      await pipeline(entry, createWriteStream(target, { mode: 0o644 }))
    }
  } catch (e) {
    extract.destroy(e as Error)
    await feeding.catch(() => undefined)
    throw archiveError(archive, e)
  }
  await feeding.catch(e => {
    throw archiveError(archive, e)
  })
}

/** Names the archive and says what the tar or gzip reader's terse message means. */
function archiveError(archive: string, e: unknown): Error {
  const message = (e as Error).message ?? String(e)
  if (message.startsWith(`${archive}:`)) return e as Error
  const truncated = message === 'Unexpected end of data' || (e as { code?: string }).code === 'Z_BUF_ERROR'
  const reason = truncated ? 'the archive is truncated (it ends inside an entry)' : message
  return new Error(`OCI archive ${archive}: ${reason}`, { cause: e })
}

/** Which part of an OCI layout an entry is; undefined for anything a layout has no use for. */
function layoutEntryKind(name: string): 'layout-file' | 'blob' | undefined {
  if (name === 'oci-layout' || name === 'index.json') return 'layout-file'
  const parts = name.split('/')
  if (parts.length === 3 && parts[0] === 'blobs' && isValidDigest(`${parts[1]}:${parts[2]}`)) return 'blob'
  return undefined
}

async function openMaybeGzip(file: string): Promise<[Readable, Gunzip | undefined]> {
  const handle = await fs.open(file, 'r')
  const magic = Buffer.alloc(2)
  try {
    await handle.read(magic, 0, 2, 0)
  } finally {
    await handle.close()
  }
  const stream = createReadStream(file)
  return [stream, magic[0] === 0x1f && magic[1] === 0x8b ? createGunzip() : undefined]
}

/** The entry's path relative to the extraction root; undefined for the root itself. Refuses paths that escape it. */
function safeEntryPath(name: string, archive: string): string | undefined {
  const normalized = path.posix.normalize(name.replace(/^(\.\/)+/, ''))
  if (normalized === '.' || normalized === './' || normalized === '') return undefined
  if (path.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    throw new Error(`${archive}: refusing tar entry ${JSON.stringify(name)} outside the archive root`)
  }
  return normalized.replace(/\/+$/, '')
}
