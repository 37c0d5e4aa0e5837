// Tar headers, written and read by hand: the archive writer must be able to write a header before
// it knows an entry's size and patch it afterwards (a decompressed layer), and the reader indexes
// entry offsets without reading their data. Writes USTAR headers as Go's archive/tar does for
// tar.FileInfoHeader (what containers/image's writer.go emits); reads USTAR, GNU and PAX.

export const BLOCK_SIZE = 512

/** Sizes up to this fit the 11 octal digits of a USTAR header; larger ones use GNU base-256. */
const MAX_OCTAL_SIZE = 8 ** 11 - 1

export type TarEntryType = 'file' | 'symlink' | 'link' | 'directory' | 'other'

/** The zero padding after `size` bytes of data, up to the next block. */
export function paddingFor(size: number): Buffer {
  const rest = size % BLOCK_SIZE
  return Buffer.alloc(rest === 0 ? 0 : BLOCK_SIZE - rest)
}

/** The blocks of data that follow a header for an entry of `size` bytes, in bytes. */
export function paddedSize(size: number): number {
  return Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE
}

/** Two zero blocks end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK_SIZE)

/**
 * A USTAR header: uid/gid 0, no user names, mtime 0 (the Unix epoch), mode 0444 for files and 0
 * for symlinks (Go's FileInfoHeader of containers/image's tarFI).
 */
export function encodeHeader(entry: {
  name: string
  type: 'file' | 'symlink'
  size: number
  linkname?: string
}): Buffer {
  const header = Buffer.alloc(BLOCK_SIZE)
  writeString(header, 0, 100, entry.name, 'name')
  writeOctal(header, 100, 8, entry.type === 'file' ? 0o444 : 0)
  writeOctal(header, 108, 8, 0)
  writeOctal(header, 116, 8, 0)
  writeSize(header, entry.type === 'file' ? entry.size : 0)
  writeOctal(header, 136, 12, 0)
  header[156] = entry.type === 'file' ? 0x30 : 0x32
  writeString(header, 157, 100, entry.linkname ?? '', 'link name')
  header.write('ustar\u000000', 257, 'latin1')
  writeOctal(header, 329, 8, 0)
  writeOctal(header, 337, 8, 0)
  header.fill(0x20, 148, 156)
  const sum = checksum(header)
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1')
  return header
}

function writeString(header: Buffer, offset: number, length: number, value: string, what: string): void {
  const bytes = Buffer.from(value, 'utf8')
  if (bytes.length > length)
    throw new Error(`tar ${what} ${JSON.stringify(value)} is longer than ${length} bytes`)
  bytes.copy(header, offset)
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, 'latin1')
}

function writeSize(header: Buffer, size: number): void {
  if (size <= MAX_OCTAL_SIZE) {
    writeOctal(header, 124, 12, size)
    return
  }
  // GNU base-256: the high bit of the first byte set, the value big-endian in the rest.
  let v = BigInt(size)
  for (let i = 135; i > 124; i--) {
    header[i] = Number(v & 0xffn)
    v >>= 8n
  }
  header[124] = 0x80
}

function checksum(header: Buffer): number {
  let sum = 0
  for (let i = 0; i < BLOCK_SIZE; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]
  return sum
}

/** True for the all-zero block that marks the end of an archive. */
export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK_SIZE; i++) if (block[i] !== 0) return false
  return true
}

/** The raw fields of one header block; `typeflag` is the header's type character. */
export interface RawHeader {
  name: string
  linkname: string
  size: number
  typeflag: string
}

/** Decodes one header block; throws when its checksum does not match (not a tar, or corrupt). */
export function decodeHeader(block: Buffer, where: string): RawHeader {
  if (!checksumMatches(block, parseOctal(block.subarray(148, 156)))) {
    throw new Error(`${where}: invalid tar header (checksum mismatch); is this a tar archive?`)
  }
  const magic = block.toString('latin1', 257, 263)
  let name = cString(block, 0, 100)
  // USTAR (and PAX) split long names into prefix + name; GNU uses those bytes for other fields.
  if (magic === 'ustar\u0000') {
    const prefix = cString(block, 345, 155)
    if (prefix !== '') name = `${prefix}/${name}`
  }
  return {
    name,
    linkname: cString(block, 157, 100),
    size: parseNumber(block.subarray(124, 136), where),
    typeflag: block[156] === 0 ? '0' : String.fromCharCode(block[156])
  }
}

/** Whether `stored` is the header's checksum, summing its bytes unsigned or (as old tars did) signed. */
export function checksumMatches(block: Buffer, stored: number): boolean {
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]
    unsigned += b
    signed += b > 127 ? b - 256 : b
  }
  return stored === unsigned || stored === signed
}

export function entryType(typeflag: string): TarEntryType {
  switch (typeflag) {
    case '0':
    case '7':
      return 'file'
    case '1':
      return 'link'
    case '2':
      return 'symlink'
    case '5':
      return 'directory'
    default:
      return 'other'
  }
}

function cString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return field.toString('utf8', 0, end < 0 ? length : end)
}

function parseNumber(field: Buffer, where: string): number {
  const n = decodeNumber(field)
  if (Number.isNaN(n)) throw new Error(`${where}: invalid number in tar header`)
  if (n > Number.MAX_SAFE_INTEGER) throw new Error(`${where}: tar entry size too large`)
  return n
}

/**
 * A numeric header field: octal text, or GNU base-256 (high bit of the first byte set). NaN when it
 * is neither; callers refuse values above Number.MAX_SAFE_INTEGER (only base-256 can reach them).
 */
export function decodeNumber(field: Buffer): number {
  if ((field[0] & 0x80) !== 0) {
    let v = BigInt(field[0] & 0x7f)
    for (let i = 1; i < field.length; i++) v = (v << 8n) | BigInt(field[i])
    return Number(v)
  }
  return parseOctal(field)
}

function parseOctal(field: Buffer): number {
  // As Go's archive/tar: leading and trailing spaces and NULs are padding.
  let start = 0
  let end = field.length
  while (start < end && (field[start] === 0x20 || field[start] === 0)) start++
  while (end > start && (field[end - 1] === 0x20 || field[end - 1] === 0)) end--
  const text = field.toString('latin1', start, end)
  if (text === '') return 0
  if (!/^[0-7]+$/.test(text)) return Number.NaN
  return parseInt(text, 8)
}

/** PAX extended header records (`<len> <key>=<value>\n`). */
export function decodePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>()
  let rest = data
  while (rest.length > 0) {
    const space = rest.indexOf(0x20)
    if (space <= 0) break
    const length = Number(rest.toString('latin1', 0, space))
    if (!Number.isInteger(length) || length <= space || length > rest.length) break
    const record = rest.toString('utf8', space + 1, length - 1)
    const eq = record.indexOf('=')
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1))
    rest = rest.subarray(length)
  }
  return records
}
