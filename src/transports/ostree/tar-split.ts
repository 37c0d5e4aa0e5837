// tar-split (github.com/vbatts/tar-split, as containers/storage and the ostree transport store it):
// a tar's headers and padding kept as raw segments plus, per entry, its name, size and CRC-64/ISO,
// so that the same tar can be rebuilt byte for byte from the entries' files. The stored form is
// JSON lines (`{"type":1,"name":…,"size":…,"payload":<crc, base64>,"position":n}` for an entry,
// `{"type":2,"payload":<raw bytes, base64>,"position":n}` for a segment), gzip-compressed.
import path from 'node:path'
import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip, createGzip } from 'node:zlib'

export const FILE_TYPE = 1
export const SEGMENT_TYPE = 2

export interface TarSplitEntry {
  type: typeof FILE_TYPE | typeof SEGMENT_TYPE
  /** The entry name's bytes (tar-split's `name`, or `name_raw` when it is not UTF-8). */
  name?: Buffer
  size?: number
  payload: Buffer | null
  position: number
}

/** Records a tar as it is walked, compressing as it goes; `output()` is the gzip-compressed JSON lines. */
export class TarSplitPacker {
  private readonly gzip = createGzip()
  private readonly compressed: Buffer[] = []
  private readonly ended: Promise<void>
  private position = 0
  private readonly seen = new Set<string>()

  constructor() {
    this.gzip.on('data', (chunk: Buffer) => this.compressed.push(chunk))
    this.ended = new Promise((resolve, reject) => {
      this.gzip.on('end', resolve)
      this.gzip.on('error', reject)
    })
  }

  segment(bytes: Buffer): void {
    if (bytes.length === 0) return
    this.add({ type: SEGMENT_TYPE, payload: bytes.toString('base64') })
  }

  file(name: Buffer, size: number, crc: Buffer | null): void {
    const clean = path.posix.normalize(name.toString('latin1')).replace(/\/$/, '')
    // As tar-split's packer: a path twice in one tar cannot be rebuilt from files.
    if (this.seen.has(clean))
      throw new Error(`tar-split: duplicate path ${JSON.stringify(clean)} in the layer`)
    this.seen.add(clean)
    const text = validUtf8(name)
    this.add({
      type: FILE_TYPE,
      ...(text !== undefined ? { name: text } : { name_raw: name.toString('base64') }),
      ...(size > 0 ? { size } : {}),
      payload: crc === null ? null : crc.toString('base64')
    })
  }

  private add(entry: Record<string, unknown>): void {
    // Go's encoding/json escapes <, > and & (and U+2028/9); keep the bytes Go would write.
    const json = JSON.stringify({ ...entry, position: this.position++ }).replace(
      /[<>&\u2028\u2029]/g,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
    this.gzip.write(json + '\n')
  }

  async output(): Promise<Buffer> {
    this.gzip.end()
    await this.ended
    return Buffer.concat(this.compressed)
  }
}

// One decoder for every name: a call without `stream` starts afresh, even after a failed one.
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** The bytes as text when they are valid UTF-8, else undefined. */
export function validUtf8(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes)
  } catch {
    return undefined
  }
}

const MAX_LINE = 16 * 1024 * 1024

/** Parses stored tar-split (gzip-compressed JSON lines) as it inflates; refuses anything malformed. */
export async function* parseTarSplit(gzipped: Buffer): AsyncGenerator<TarSplitEntry> {
  // A StringDecoder keeps a character split between two chunks whole.
  const decoder = new StringDecoder('utf8')
  let rest = ''
  let position = 0
  for await (const chunk of Readable.from([gzipped]).pipe(createGunzip())) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n')
    rest = lines.pop()!
    if (rest.length > MAX_LINE) throw new Error('tar-split: a line is too long')
    for (const line of lines) if (line !== '') yield parseEntry(line, position++)
  }
  rest += decoder.end()
  if (rest !== '') yield parseEntry(rest, position)
}

function parseEntry(line: string, i: number): TarSplitEntry {
  const e = JSON.parse(line) as Record<string, unknown>
  if (e.type !== FILE_TYPE && e.type !== SEGMENT_TYPE) throw new Error(`tar-split: entry ${i}: unknown type`)
  const payload = typeof e.payload === 'string' ? Buffer.from(e.payload, 'base64') : null
  const size = e.size ?? 0
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw new Error(`tar-split: entry ${i}: invalid size`)
  let name: Buffer | undefined
  if (typeof e.name_raw === 'string') name = Buffer.from(e.name_raw, 'base64')
  else if (typeof e.name === 'string') name = Buffer.from(e.name, 'utf8')
  if (e.type === FILE_TYPE && name === undefined)
    throw new Error(`tar-split: entry ${i}: a file without a name`)
  return { type: e.type, name, size, payload, position: i }
}

/**
 * Rebuilds the tar: segments as stored, each file's bytes from `open(name)` (asked only for entries
 * of non-zero size), checked against the recorded size and CRC-64.
 */
export function assembleTar(
  entries: AsyncIterable<TarSplitEntry>,
  open: (name: Buffer) => Promise<AsyncIterable<Buffer>>
): Readable {
  async function* generate(): AsyncGenerator<Buffer> {
    for await (const e of entries) {
      if (e.type === SEGMENT_TYPE) {
        if (e.payload) yield e.payload
        continue
      }
      if (!e.size) continue
      const crc = new Crc64()
      let n = 0
      for await (const chunk of await open(e.name!)) {
        n += chunk.length
        if (n > e.size) break
        crc.update(chunk)
        yield chunk
      }
      const what = JSON.stringify(e.name!.toString('utf8'))
      if (n !== e.size) throw new Error(`tar-split: ${what} has ${n} bytes, the layer recorded ${e.size}`)
      if (e.payload && !crc.digest().equals(e.payload))
        throw new Error(`tar-split: ${what} does not match the layer's recorded checksum`)
    }
  }
  return Readable.from(generate(), { objectMode: false })
}

// CRC-64 with the ISO polynomial, as Go's hash/crc64 (reflected, all ones in and out), on two
// 32-bit halves for speed.
const TABLE_HI = new Uint32Array(256)
const TABLE_LO = new Uint32Array(256)
for (let i = 0; i < 256; i++) {
  let hi = 0
  let lo = i
  for (let k = 0; k < 8; k++) {
    const odd = lo & 1
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0
    hi = hi >>> 1
    if (odd) hi = (hi ^ 0xd8000000) >>> 0
  }
  TABLE_HI[i] = hi
  TABLE_LO[i] = lo
}

export class Crc64 {
  private hi = 0xffffffff
  private lo = 0xffffffff

  update(data: Buffer): void {
    let hi = this.hi
    let lo = this.lo
    for (let i = 0; i < data.length; i++) {
      const idx = (lo ^ data[i]) & 0xff
      lo = ((lo >>> 8) | ((hi & 0xff) << 24)) ^ TABLE_LO[idx]
      hi = (hi >>> 8) ^ TABLE_HI[idx]
    }
    this.hi = hi >>> 0
    this.lo = lo >>> 0
  }

  /** The 8 bytes Go's Sum appends (big-endian). */
  digest(): Buffer {
    const out = Buffer.alloc(8)
    out.writeUInt32BE(~this.hi >>> 0, 0)
    out.writeUInt32BE(~this.lo >>> 0, 4)
    return out
  }
}
