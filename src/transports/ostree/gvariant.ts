// GVariant normal-form serialisation, for the types OSTree stores (ostree-core.h): file headers
// `(uuuusa(ayay))`, dirtree `(a(say)a(sayay))`, dirmeta `(uuua(ayay))`, commit
// `(a{sv}aya(say)sstayay)` and `a{sv}` metadata. Integers are written big-endian, as OSTree
// byte-swaps them before serialising (GUINT32_TO_BE); the framing offsets are little-endian, as
// GVariant's own. Values: u/i numbers, t bigint, b boolean, s string, y number, arrays of `ay`
// Buffers, tuples and dict entries JS arrays, `v` a Variant.

export interface Variant {
  type: string
  value: GValue
}
export type GValue = number | bigint | boolean | string | Buffer | Variant | GValue[]

type GType =
  | { kind: 'basic'; code: string; size: number }
  | { kind: 's' }
  | { kind: 'v' }
  | { kind: 'array'; element: GType }
  | { kind: 'tuple'; members: GType[] }

const BASIC_SIZES: Record<string, number> = { y: 1, b: 1, n: 2, q: 2, i: 4, u: 4, x: 8, t: 8 }

/** Parses a type string of the subset above; throws on anything else. */
export function parseType(text: string): GType {
  const [type, rest] = parseOne(text, 0)
  if (rest !== text.length) throw new Error(`invalid GVariant type ${JSON.stringify(text)}`)
  return type
}

function parseOne(text: string, at: number): [GType, number] {
  const c = text[at]
  if (c !== undefined && c in BASIC_SIZES) return [{ kind: 'basic', code: c, size: BASIC_SIZES[c] }, at + 1]
  if (c === 's' || c === 'o' || c === 'g') return [{ kind: 's' }, at + 1]
  if (c === 'v') return [{ kind: 'v' }, at + 1]
  if (c === 'a') {
    const [element, next] = parseOne(text, at + 1)
    return [{ kind: 'array', element }, next]
  }
  if (c === '(' || c === '{') {
    const close = c === '(' ? ')' : '}'
    const members: GType[] = []
    let next = at + 1
    while (text[next] !== close) {
      if (next >= text.length) throw new Error(`invalid GVariant type ${JSON.stringify(text)}`)
      const [member, after] = parseOne(text, next)
      members.push(member)
      next = after
    }
    if (c === '{' && members.length !== 2) throw new Error(`invalid GVariant dict entry in ${text}`)
    return [{ kind: 'tuple', members }, next + 1]
  }
  throw new Error(`unsupported GVariant type ${JSON.stringify(text)}`)
}

function alignment(t: GType): number {
  switch (t.kind) {
    case 'basic':
      return t.size
    case 's':
      return 1
    case 'v':
      return 8
    case 'array':
      return alignment(t.element)
    case 'tuple':
      return t.members.reduce((a, m) => Math.max(a, alignment(m)), 1)
  }
}

/** The size of a fixed-size type, or undefined when its values vary in size. */
function fixedSize(t: GType): number | undefined {
  if (t.kind === 'basic') return t.size
  if (t.kind !== 'tuple') return undefined
  let size = 0
  for (const m of t.members) {
    const s = fixedSize(m)
    if (s === undefined) return undefined
    size = alignUp(size, alignment(m)) + s
  }
  return size === 0 ? 1 : alignUp(size, alignment(t))
}

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a
}

/** The width of framing offsets for a container whose body is `body` bytes with `count` offsets. */
function offsetWidth(body: number, count: number): number {
  if (body + count === 0) return 0
  for (const w of [1, 2, 4]) if (body + count * w < 2 ** (8 * w)) return w
  return 8
}

class Writer {
  private chunks: Buffer[] = []
  length = 0
  push(b: Buffer): void {
    this.chunks.push(b)
    this.length += b.length
  }
  pad(a: number): void {
    const n = alignUp(this.length, a) - this.length
    if (n > 0) this.push(Buffer.alloc(n))
  }
  offsets(ends: number[]): void {
    const w = offsetWidth(this.length, ends.length)
    for (const end of ends) this.push(writeLE(end, w))
  }
  done(): Buffer {
    return Buffer.concat(this.chunks, this.length)
  }
}

function writeLE(n: number, w: number): Buffer {
  const b = Buffer.alloc(w)
  if (w === 8) b.writeBigUInt64LE(BigInt(n))
  else b.writeUIntLE(n, 0, w)
  return b
}

/** Serialises `value` as type `type` (a type string) in normal form. */
export function serialize(type: string, value: GValue): Buffer {
  return encode(parseType(type), value)
}

function encode(t: GType, value: GValue): Buffer {
  switch (t.kind) {
    case 'basic':
      return encodeBasic(t.code, value)
    case 's':
      if (typeof value !== 'string') throw new TypeError('GVariant s: expected a string')
      return Buffer.concat([Buffer.from(value, 'utf8'), Buffer.alloc(1)])
    case 'v': {
      const v = value as Variant
      return Buffer.concat([encode(parseType(v.type), v.value), Buffer.from(`\0${v.type}`, 'latin1')])
    }
    case 'array':
      return encodeArray(t.element, value)
    case 'tuple':
      return encodeTuple(t, value)
  }
}

function encodeBasic(code: string, value: GValue): Buffer {
  const b = Buffer.alloc(BASIC_SIZES[code])
  if (code === 'b') b[0] = value ? 1 : 0
  else if (code === 'y') b[0] = value as number
  else if (code === 'n' || code === 'q') b.writeUInt16BE(Number(value) & 0xffff)
  else if (code === 'i') b.writeInt32BE(value as number)
  else if (code === 'u') b.writeUInt32BE(value as number)
  else if (code === 'x') b.writeBigInt64BE(BigInt(value as number | bigint))
  else b.writeBigUInt64BE(BigInt(value as number | bigint))
  return b
}

function encodeArray(element: GType, value: GValue): Buffer {
  if (element.kind === 'basic' && element.code === 'y') {
    if (!Buffer.isBuffer(value)) throw new TypeError('GVariant ay: expected a Buffer')
    return value
  }
  if (!Array.isArray(value)) throw new TypeError('GVariant array: expected an array')
  const w = new Writer()
  const fixed = fixedSize(element) !== undefined
  const ends: number[] = []
  for (const item of value) {
    w.pad(alignment(element))
    w.push(encode(element, item))
    ends.push(w.length)
  }
  if (!fixed) w.offsets(ends)
  return w.done()
}

function encodeTuple(t: Extract<GType, { kind: 'tuple' }>, value: GValue): Buffer {
  if (!Array.isArray(value) || value.length !== t.members.length)
    throw new TypeError(`GVariant tuple: expected ${t.members.length} members`)
  const w = new Writer()
  const ends: number[] = []
  t.members.forEach((m, i) => {
    w.pad(alignment(m))
    w.push(encode(m, value[i]))
    if (fixedSize(m) === undefined && i < t.members.length - 1) ends.push(w.length)
  })
  const size = fixedSize(t)
  if (size !== undefined) {
    if (size === 1 && w.length === 0) w.push(Buffer.alloc(1))
    w.pad(alignment(t))
    return w.done()
  }
  w.offsets(ends.reverse())
  return w.done()
}

/** Reads `data` as type `type`; throws on anything not in normal form's bounds (hostile input). */
export function deserialize(type: string, data: Buffer): GValue {
  return decode(parseType(type), data)
}

function readOffset(data: Buffer, at: number, w: number): number {
  if (at < 0 || at + w > data.length) throw new Error('GVariant: framing offset out of bounds')
  return w === 8 ? Number(data.readBigUInt64LE(at)) : data.readUIntLE(at, w)
}

function decode(t: GType, data: Buffer): GValue {
  switch (t.kind) {
    case 'basic':
      return decodeBasic(t.code, data)
    case 's': {
      if (data.length === 0 || data[data.length - 1] !== 0) throw new Error('GVariant s: not NUL-terminated')
      const text = data.subarray(0, data.length - 1)
      if (text.includes(0)) throw new Error('GVariant s: embedded NUL')
      return new TextDecoder('utf-8', { fatal: true }).decode(text)
    }
    case 'v': {
      const nul = data.lastIndexOf(0)
      if (nul < 0) throw new Error('GVariant v: no type string')
      const type = data.toString('latin1', nul + 1)
      let inner: GType
      try {
        inner = parseType(type)
      } catch {
        // A value of a type this module does not read (a double in someone's metadata): kept as bytes.
        return { type, value: Buffer.from(data.subarray(0, nul)) }
      }
      return { type, value: decode(inner, data.subarray(0, nul)) }
    }
    case 'array':
      return decodeArray(t.element, data)
    case 'tuple':
      return decodeTuple(t, data)
  }
}

function decodeBasic(code: string, data: Buffer): GValue {
  if (data.length !== BASIC_SIZES[code]) throw new Error(`GVariant ${code}: wrong size ${data.length}`)
  if (code === 'b') return data[0] !== 0
  if (code === 'y') return data[0]
  if (code === 'n') return data.readInt16BE()
  if (code === 'q') return data.readUInt16BE()
  if (code === 'i') return data.readInt32BE()
  if (code === 'u') return data.readUInt32BE()
  if (code === 'x') return data.readBigInt64BE()
  return data.readBigUInt64BE()
}

function decodeArray(element: GType, data: Buffer): GValue {
  if (element.kind === 'basic' && element.code === 'y') return Buffer.from(data)
  if (data.length === 0) return []
  const size = fixedSize(element)
  const items: GValue[] = []
  if (size !== undefined) {
    if (data.length % size !== 0) throw new Error('GVariant array: size not a multiple of its elements')
    for (let at = 0; at < data.length; at += size) items.push(decode(element, data.subarray(at, at + size)))
    return items
  }
  const w2 = widthFor(data.length)
  const lastEnd = readOffset(data, data.length - w2, w2)
  if (lastEnd > data.length || (data.length - lastEnd) % w2 !== 0)
    throw new Error('GVariant array: bad framing')
  const count = (data.length - lastEnd) / w2
  let start = 0
  for (let i = 0; i < count; i++) {
    const end = readOffset(data, lastEnd + i * w2, w2)
    start = alignUp(start, alignment(element))
    if (end < start || end > lastEnd) throw new Error('GVariant array: bad framing offset')
    items.push(decode(element, data.subarray(start, end)))
    start = end
  }
  return items
}

/** The offset width of a serialised container of `total` bytes (GLib's rule, from the total size). */
function widthFor(total: number): number {
  if (total <= 0xff) return 1
  if (total <= 0xffff) return 2
  if (total <= 0xffffffff) return 4
  return 8
}

function decodeTuple(t: Extract<GType, { kind: 'tuple' }>, data: Buffer): GValue {
  const w = widthFor(data.length)
  let frameEnd = data.length
  let start = 0
  return t.members.map((m, i) => {
    start = alignUp(start, alignment(m))
    const size = fixedSize(m)
    let end: number
    if (size !== undefined) end = start + size
    else if (i === t.members.length - 1) end = frameEnd
    else {
      frameEnd -= w
      end = readOffset(data, frameEnd, w)
    }
    if (end < start || end > data.length) throw new Error('GVariant tuple: bad framing')
    const value = decode(m, data.subarray(start, end))
    start = end
    return value
  })
}
