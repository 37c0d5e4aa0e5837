// Unpacks an OCI archive (a tar of an OCI layout, optionally gzip-compressed as upstream's Untar
// accepts) into a directory, streaming each file to disk once.
import { promises as fs, createReadStream, createWriteStream } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, type Gunzip } from 'node:zlib'
import tar from 'tar-stream'

export async function extractTar(archive: string, into: string): Promise<void> {
  const extract = tar.extract()
  const [stream, gunzip] = await openMaybeGzip(archive)
  const feeding = gunzip === undefined ? pipeline(stream, extract) : pipeline(stream, gunzip, extract)
  feeding.catch(() => undefined) // awaited below; this only keeps an early failure from being "unhandled"
  try {
    for await (const entry of extract) {
      const name = safeEntryPath(entry.header.name, archive)
      const type = entry.header.type ?? 'file'
      if (name !== undefined && (type === 'file' || type === 'contiguous-file')) {
        const target = path.join(into, name)
        await fs.mkdir(path.dirname(target), { recursive: true })
        await pipeline(entry, createWriteStream(target, { mode: 0o644 }))
      } else {
        // Directories are created for the files in them; links and devices have no place in a layout.
        if (name !== undefined && type === 'directory') {
          await fs.mkdir(path.join(into, name), { recursive: true })
        }
        entry.resume()
      }
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
