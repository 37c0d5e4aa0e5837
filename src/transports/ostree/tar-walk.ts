// A tar reader that accounts for every byte (what tar-split needs): it yields the raw bytes between
// entries (headers, PAX and GNU long-name records, padding, the end-of-archive blocks and anything
// after them) and each entry with a stream of its data, so one pass over a layer can both record
// the tar-split and build the OSTree tree. Reads USTAR, PAX (path, linkpath, size, uid, gid,
// SCHILY.xattr.*) and GNU (L/K long names, base-256 numbers).
import type { Readable } from 'node:stream'
import {
  BLOCK_SIZE as BLOCK,
  checksumMatches,
  decodeNumber,
  isZeroBlock,
  paddedSize
} from '../docker-archive/tar-header.js'

export interface TarEntry {
  /** The entry's name as bytes (after PAX/GNU overrides), exactly as tar-split records it. */
  name: Buffer
  linkname: Buffer
  /** The header's type character ('0' for a regular file, '5' a directory, …). */
  typeflag: string
  size: number
  /** Permission and set-id bits (07777). */
  mode: number
  uid: number
  gid: number
  /** Extended attributes from SCHILY.xattr.* records, name → raw value. */
  xattrs: Map<string, Buffer>
}

export type TarEvent =
  { kind: 'raw'; bytes: Buffer } | { kind: 'entry'; entry: TarEntry; data: AsyncIterable<Buffer> }

/** Reads exact byte counts from a stream. */
export class ByteReader {
  private buffered: Buffer[] = []
  private length = 0
  private ended = false
  private readonly source: AsyncIterator<Buffer>

  constructor(stream: Readable | AsyncIterable<Buffer>) {
    this.source = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  }

  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.ended) {
      const next = await this.source.next()
      if (next.done) this.ended = true
      else {
        this.buffered.push(next.value)
        this.length += next.value.length
      }
    }
  }

  /** Up to `n` bytes (fewer only at the end of the stream). */
  async read(n: number): Promise<Buffer> {
    await this.fill(n)
    const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered)
    const take = Math.min(n, all.length)
    const out = all.subarray(0, take)
    this.buffered = take < all.length ? [all.subarray(take)] : []
    this.length = all.length - take
    return out
  }

  /** Whatever is buffered or arrives next, up to `max` bytes; empty at the end. */
  async chunk(max: number): Promise<Buffer> {
    if (this.length === 0) await this.fill(1)
    if (this.length === 0) return Buffer.alloc(0)
    const first = this.buffered[0]
    return this.read(Math.min(max, first.length))
  }
}

/** Walks a tar stream. The caller MUST consume each entry's `data` before asking for the next event. */
export async function* walkTar(stream: Readable | AsyncIterable<Buffer>): AsyncGenerator<TarEvent> {
  const reader = new ByteReader(stream)
  let raw: Buffer[] = []
  let pax = new Map<string, Buffer>()
  let longName: Buffer | undefined
  let longLink: Buffer | undefined
  for (;;) {
    const block = await reader.read(BLOCK)
    raw.push(block)
    if (block.length < BLOCK) throw new Error('tar: unexpected end of archive in a header')
    if (isZeroBlock(block)) {
      // The end: a second zero block usually follows; everything after it is kept as it is.
      const second = await reader.read(BLOCK)
      raw.push(second)
      yield { kind: 'raw', bytes: Buffer.concat(raw) }
      for (let rest = await reader.chunk(1 << 20); rest.length > 0; rest = await reader.chunk(1 << 20))
        yield { kind: 'raw', bytes: rest }
      return
    }
    const header = parseHeader(block)
    const size = pax.has('size') ? Number(pax.get('size')!.toString()) : header.size
    if (!Number.isSafeInteger(size) || size < 0) throw new Error('tar: invalid entry size')
    const padded = paddedSize(size)
    if ('xgLK'.includes(header.typeflag)) {
      const body = await reader.read(padded)
      if (body.length < padded) throw new Error('tar: unexpected end of archive in a header record')
      raw.push(body)
      const content = body.subarray(0, size)
      if (header.typeflag === 'x') pax = new Map([...pax, ...parsePax(content)])
      else if (header.typeflag === 'L') longName = cString(content)
      else if (header.typeflag === 'K') longLink = cString(content)
      continue
    }
    const entry: TarEntry = {
      name: pax.get('path') ?? longName ?? header.name,
      linkname: pax.get('linkpath') ?? longLink ?? header.linkname,
      typeflag: header.typeflag,
      size: '123456'.includes(header.typeflag) ? 0 : size,
      mode: header.mode & 0o7777,
      uid: pax.has('uid') ? Number(pax.get('uid')!.toString()) : header.uid,
      gid: pax.has('gid') ? Number(pax.get('gid')!.toString()) : header.gid,
      xattrs: xattrsOf(pax)
    }
    yield { kind: 'raw', bytes: Buffer.concat(raw) }
    raw = []
    pax = new Map()
    longName = longLink = undefined
    const data = entryData(reader, entry.size)
    yield { kind: 'entry', entry, data }
    // Drain what the consumer did not read, then keep the padding for the next raw segment.
    for await (const _ of data) void _
    const padding = await reader.read(paddedSize(entry.size) - entry.size)
    raw.push(padding)
  }
}

function entryData(reader: ByteReader, size: number): AsyncIterable<Buffer> {
  let left = size
  return {
    async *[Symbol.asyncIterator]() {
      while (left > 0) {
        const chunk = await reader.chunk(Math.min(left, 1 << 20))
        if (chunk.length === 0) throw new Error('tar: unexpected end of archive in file data')
        left -= chunk.length
        yield chunk
      }
    }
  }
}

function xattrsOf(pax: Map<string, Buffer>): Map<string, Buffer> {
  const xattrs = new Map<string, Buffer>()
  for (const [key, value] of pax) if (key.startsWith('SCHILY.xattr.')) xattrs.set(key.slice(13), value)
  return xattrs
}

/** The fields of one header block, before PAX and GNU records override them. */
type Header = Omit<TarEntry, 'xattrs'>

function parseHeader(block: Buffer): Header {
  const stored = parseNumber(block.subarray(148, 156))
  if (!checksumMatches(block, stored)) throw new Error('tar: invalid header (checksum mismatch)')
  let name = cString(block.subarray(0, 100))
  if (block.toString('latin1', 257, 263) === 'ustar\u0000') {
    const prefix = cString(block.subarray(345, 500))
    if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from('/'), name])
  }
  return {
    name,
    linkname: cString(block.subarray(157, 257)),
    typeflag: block[156] === 0 ? '0' : String.fromCharCode(block[156]),
    size: parseNumber(block.subarray(124, 136)),
    mode: parseNumber(block.subarray(100, 108)),
    uid: parseNumber(block.subarray(108, 116)),
    gid: parseNumber(block.subarray(116, 124))
  }
}

function cString(field: Buffer): Buffer {
  const end = field.indexOf(0)
  return Buffer.from(end < 0 ? field : field.subarray(0, end))
}

function parseNumber(field: Buffer): number {
  const n = decodeNumber(field)
  if (Number.isNaN(n)) throw new Error('tar: invalid number in a header')
  if (n > Number.MAX_SAFE_INTEGER) throw new Error('tar: number too large')
  return n
}

/** PAX records `<len> <key>=<value>\n`; values stay bytes (xattr values may be binary). */
function parsePax(data: Buffer): Map<string, Buffer> {
  const records = new Map<string, Buffer>()
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const length = Number(data.toString('latin1', at, space))
    if (space < 0 || !Number.isInteger(length) || length <= 0 || at + length > data.length)
      throw new Error('tar: invalid PAX record')
    const record = data.subarray(space + 1, at + length - 1)
    const eq = record.indexOf(0x3d)
    if (eq > 0) records.set(record.toString('utf8', 0, eq), Buffer.from(record.subarray(eq + 1)))
    at += length
  }
  return records
}
