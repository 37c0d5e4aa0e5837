// One pass over the headers of an uncompressed tar file, reading only the headers (and PAX / GNU
// long-name records): where each entry's data starts and how long it is. Entries are contiguous,
// so afterwards any entry can be streamed straight from the file by offset.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import {
  BLOCK_SIZE,
  decodeHeader,
  decodePax,
  entryType,
  isZeroBlock,
  paddedSize,
  type TarEntryType
} from './tar-header.js'

export interface TarEntry {
  /** The path, cleaned (`./a//b` → `a/b`). */
  name: string
  type: TarEntryType
  size: number
  /** Where the entry's data starts in the file. */
  offset: number
  linkname: string
}

/** Long names and PAX records longer than this are refused (a corrupt or hostile archive). */
const MAX_METADATA_SIZE = 1 << 20

export function cleanEntryPath(name: string): string {
  const cleaned = path.posix.normalize(name.replace(/^\/+/, ''))
  return cleaned.replace(/\/+$/, '')
}

/** Indexes every entry of `file`; `where` names the archive in errors. */
export async function indexTar(file: string, where: string): Promise<TarEntry[]> {
  const handle = await fs.open(file, 'r')
  try {
    const { size: fileSize } = await handle.stat()
    const entries: TarEntry[] = []
    const block = Buffer.alloc(BLOCK_SIZE)
    let position = 0
    let longName: string | undefined
    let longLink: string | undefined
    let pax = new Map<string, string>()
    const globalPax = new Map<string, string>()
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, BLOCK_SIZE, position)
      if (bytesRead === 0 && entries.length > 0) break // no end-of-archive blocks: tolerated, as Go does
      if (bytesRead < BLOCK_SIZE) throw new Error(`${where}: unexpected end of tar archive`)
      if (isZeroBlock(block)) break
      const raw = decodeHeader(block, where)
      const dataOffset = position + BLOCK_SIZE
      position = dataOffset + paddedSize(raw.size)
      if (dataOffset + raw.size > fileSize) {
        throw new Error(
          `${where}: unexpected end of tar archive (entry ${JSON.stringify(raw.name)} is truncated)`
        )
      }
      switch (raw.typeflag) {
        case 'x':
        case 'g': {
          const records = decodePax(await readData(handle, dataOffset, raw.size, where))
          if (raw.typeflag === 'g') records.forEach((v, k) => globalPax.set(k, v))
          else pax = records
          continue
        }
        case 'L':
          longName = cString(await readData(handle, dataOffset, raw.size, where))
          continue
        case 'K':
          longLink = cString(await readData(handle, dataOffset, raw.size, where))
          continue
      }
      const paxValue = (key: string): string | undefined => pax.get(key) ?? globalPax.get(key)
      const paxSize = paxValue('size')
      const size = paxSize !== undefined && /^\d+$/.test(paxSize) ? Number(paxSize) : raw.size
      const name = cleanEntryPath(paxValue('path') ?? longName ?? raw.name)
      if (size !== raw.size) {
        position = dataOffset + paddedSize(size)
        if (dataOffset + size > fileSize) {
          throw new Error(
            `${where}: unexpected end of tar archive (entry ${JSON.stringify(name)} has a PAX size of ${size} bytes, past the end of the file)`
          )
        }
      }
      entries.push({
        name,
        type: entryType(raw.typeflag),
        size,
        offset: dataOffset,
        linkname: paxValue('linkpath') ?? longLink ?? raw.linkname
      })
      longName = undefined
      longLink = undefined
      pax = new Map()
    }
    return entries
  } finally {
    await handle.close()
  }
}

async function readData(handle: fs.FileHandle, offset: number, size: number, where: string): Promise<Buffer> {
  if (size > MAX_METADATA_SIZE)
    throw new Error(`${where}: a tar metadata record of ${size} bytes is too large`)
  const data = Buffer.alloc(size)
  const { bytesRead } = await handle.read(data, 0, size, offset)
  if (bytesRead !== size) throw new Error(`${where}: unexpected end of tar archive`)
  return data
}

function cString(data: Buffer): string {
  const end = data.indexOf(0)
  return data.toString('utf8', 0, end < 0 ? data.length : end)
}
