// A JSON reader and writer that behave like Go's encoding/json, which containers/image uses for every
// manifest, list and config it writes. Digests of what we write must equal skopeo's, so this mirrors
// Go's rules: struct fields in declaration order, map keys sorted bytewise, HTML-safe escaping, invalid
// UTF-8 replaced by U+FFFD, case-insensitive struct field matching, and "duplicate key" merging.
import { ManifestError } from './errors.js'
import { parseNative } from './json-native.js'
import { JsonNumber, JsonObject, type JsonValue } from './json-value.js'

export { JsonNumber, JsonObject, type JsonValue } from './json-value.js'

const MAX_DEPTH = 10000

class Truncated extends Error {}

/**
 * Parses JSON as Go's encoding/json accepts it. Throws ManifestError 'truncated' or 'malformed-json'.
 * Most documents are read by JSON.parse (json-native.ts, which says when); the rest, and every
 * error, by the parser below.
 */
export function parseJson(input: Uint8Array, what = 'JSON'): JsonValue {
  return parseNative(input, MAX_DEPTH, goParseJson) ?? goParseJson(input, what)
}

/** parseJson without JSON.parse: every byte read by this module's own parser. */
export function goParseJson(input: Uint8Array, what = 'JSON'): JsonValue {
  const p = new Parser(input)
  try {
    p.skipSpace()
    if (p.pos >= input.length) {
      throw new ManifestError('malformed-json', `invalid ${what}: empty input`)
    }
    const v = p.value(0)
    p.skipSpace()
    if (p.pos < input.length) p.fail(`after top-level value`)
    return v
  } catch (e) {
    if (e instanceof Truncated) {
      throw new ManifestError('truncated', `invalid ${what}: unexpected end of JSON input (truncated?)`)
    }
    if (e instanceof RangeError) {
      throw new ManifestError('malformed-json', `invalid ${what}: nested too deeply`)
    }
    if (e instanceof ManifestError && e.kind === 'malformed-json' && what !== 'JSON') {
      throw new ManifestError('malformed-json', e.message.replace(/^invalid JSON/, `invalid ${what}`))
    }
    throw e
  }
}

class Parser {
  pos = 0
  constructor(readonly b: Uint8Array) {}

  fail(context: string): never {
    if (this.pos >= this.b.length) throw new Truncated()
    const c = this.b[this.pos]
    const shown =
      c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`
    throw new ManifestError(
      'malformed-json',
      `invalid JSON: invalid character ${shown} ${context} at offset ${this.pos}`
    )
  }

  skipSpace(): void {
    const b = this.b
    while (this.pos < b.length) {
      const c = b[this.pos]
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++
      else break
    }
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) throw new ManifestError('malformed-json', 'invalid JSON: exceeded max depth')
    const b = this.b
    if (this.pos >= b.length) throw new Truncated()
    const c = b[this.pos]
    switch (c) {
      case 0x7b:
        return this.object(depth)
      case 0x5b:
        return this.array(depth)
      case 0x22:
        return this.string()
      case 0x74:
        return this.literal('true', true)
      case 0x66:
        return this.literal('false', false)
      case 0x6e:
        return this.literal('null', null)
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number()
        return this.fail('looking for beginning of value')
    }
  }

  literal<T>(text: string, v: T): T {
    for (let i = 0; i < text.length; i++) {
      if (this.pos >= this.b.length) throw new Truncated()
      if (this.b[this.pos] !== text.charCodeAt(i)) this.fail(`in literal ${text}`)
      this.pos++
    }
    return v
  }

  digits(): number {
    const start = this.pos
    while (this.pos < this.b.length && this.b[this.pos] >= 0x30 && this.b[this.pos] <= 0x39) this.pos++
    return this.pos - start
  }

  number(): JsonNumber {
    const b = this.b
    const start = this.pos
    if (b[this.pos] === 0x2d) this.pos++
    if (this.pos >= b.length) throw new Truncated()
    if (b[this.pos] === 0x30) this.pos++
    else if (b[this.pos] >= 0x31 && b[this.pos] <= 0x39) this.digits()
    else this.fail('in numeric literal')
    if (this.pos < b.length && b[this.pos] === 0x2e) {
      this.pos++
      if (this.digits() === 0) this.fail('after decimal point in numeric literal')
    }
    if (this.pos < b.length && (b[this.pos] === 0x65 || b[this.pos] === 0x45)) {
      this.pos++
      if (this.pos < b.length && (b[this.pos] === 0x2b || b[this.pos] === 0x2d)) this.pos++
      if (this.digits() === 0) this.fail('in exponent of numeric literal')
    }
    return new JsonNumber(latin1(b.subarray(start, this.pos)))
  }

  hex4(at: number): number {
    let v = 0
    for (let i = 0; i < 4; i++) {
      const c = this.b[at + i]
      let d: number
      if (c >= 0x30 && c <= 0x39) d = c - 0x30
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57
      else if (c >= 0x41 && c <= 0x46) d = c - 0x37
      else return -1
      v = v * 16 + d
    }
    return v
  }

  string(): string {
    const b = this.b
    this.pos++ // opening quote
    let out = ''
    let chunkStart = this.pos
    let simple = true
    for (;;) {
      if (this.pos >= b.length) throw new Truncated()
      const c = b[this.pos]
      if (c === 0x22) {
        const tail = b.subarray(chunkStart, this.pos)
        out += simple ? utf8Ascii(tail) : goDecodeUtf8(tail)
        this.pos++
        return out
      }
      if (c < 0x20) this.fail('in string literal')
      if (c >= 0x80) simple = false
      if (c !== 0x5c) {
        this.pos++
        continue
      }
      out += goDecodeUtf8(b.subarray(chunkStart, this.pos))
      this.pos++
      if (this.pos >= b.length) throw new Truncated()
      const e = b[this.pos]
      switch (e) {
        case 0x22:
        case 0x5c:
        case 0x2f:
          out += String.fromCharCode(e)
          break
        case 0x62:
          out += '\b'
          break
        case 0x66:
          out += '\f'
          break
        case 0x6e:
          out += '\n'
          break
        case 0x72:
          out += '\r'
          break
        case 0x74:
          out += '\t'
          break
        case 0x75: {
          for (let i = 1; i <= 4; i++) {
            if (this.pos + i >= b.length) throw new Truncated()
          }
          let r = this.hex4(this.pos + 1)
          if (r < 0) {
            this.pos++
            while (this.hex4Digit(this.b[this.pos])) this.pos++
            this.fail('in \\u hexadecimal character escape')
          }
          this.pos += 4
          if (r >= 0xd800 && r < 0xe000) {
            // Go accepts a valid surrogate pair; anything else becomes U+FFFD.
            const next = this.pos + 1
            if (
              r < 0xdc00 &&
              b[next] === 0x5c &&
              b[next + 1] === 0x75 &&
              next + 5 < b.length &&
              this.hex4(next + 2) >= 0xdc00 &&
              this.hex4(next + 2) < 0xe000
            ) {
              out += String.fromCharCode(r, this.hex4(next + 2))
              this.pos += 6
              break
            }
            r = 0xfffd
          }
          out += String.fromCharCode(r)
          break
        }
        default:
          this.fail('in string escape code')
      }
      this.pos++
      chunkStart = this.pos
      simple = true
    }
  }

  hex4Digit(c: number | undefined): boolean {
    return (
      c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))
    )
  }

  array(depth: number): JsonValue[] {
    const b = this.b
    this.pos++
    const out: JsonValue[] = []
    this.skipSpace()
    if (this.pos >= b.length) throw new Truncated()
    if (b[this.pos] === 0x5d) {
      this.pos++
      return out
    }
    for (;;) {
      this.skipSpace()
      out.push(this.value(depth + 1))
      this.skipSpace()
      if (this.pos >= b.length) throw new Truncated()
      const c = b[this.pos]
      if (c === 0x2c) {
        this.pos++
        continue
      }
      if (c === 0x5d) {
        this.pos++
        return out
      }
      this.fail('after array element')
    }
  }

  object(depth: number): JsonObject {
    const b = this.b
    this.pos++
    const entries: Array<[string, JsonValue]> = []
    const spans: Array<[number, number]> = []
    this.skipSpace()
    if (this.pos >= b.length) throw new Truncated()
    if (b[this.pos] === 0x7d) {
      this.pos++
      return new JsonObject(entries, spans, b)
    }
    for (;;) {
      this.skipSpace()
      if (this.pos >= b.length) throw new Truncated()
      if (b[this.pos] !== 0x22) this.fail('looking for beginning of object key string')
      const key = this.string()
      this.skipSpace()
      if (this.pos >= b.length) throw new Truncated()
      if (b[this.pos] !== 0x3a) this.fail('after object key')
      this.pos++
      this.skipSpace()
      const start = this.pos
      const v = this.value(depth + 1)
      entries.push([key, v])
      spans.push([start, this.pos])
      this.skipSpace()
      if (this.pos >= b.length) throw new Truncated()
      const c = b[this.pos]
      if (c === 0x2c) {
        this.pos++
        continue
      }
      if (c === 0x7d) {
        this.pos++
        return new JsonObject(entries, spans, b)
      }
      this.fail('after object key:value pair')
    }
  }
}

function latin1(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i])
  return s
}

function utf8Ascii(b: Uint8Array): string {
  return b.length < 64 ? latin1(b) : Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1')
}

/** Decodes UTF-8 as Go's utf8.DecodeRune does: each invalid byte becomes one U+FFFD. */
export function goDecodeUtf8(b: Uint8Array): string {
  let out = ''
  let i = 0
  while (i < b.length) {
    const [cp, size] = decodeRune(b, i)
    out += String.fromCodePoint(cp)
    i += size
  }
  return out
}

function decodeRune(b: Uint8Array, i: number): [number, number] {
  const b0 = b[i]
  if (b0 < 0x80) return [b0, 1]
  const cont = (j: number, lo = 0x80, hi = 0xbf): boolean =>
    i + j < b.length && b[i + j] >= lo && b[i + j] <= hi
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    if (cont(1)) return [((b0 & 0x1f) << 6) | (b[i + 1] & 0x3f), 2]
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80
    const hi = b0 === 0xed ? 0x9f : 0xbf
    if (cont(1, lo, hi) && cont(2))
      return [((b0 & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f), 3]
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80
    const hi = b0 === 0xf4 ? 0x8f : 0xbf
    if (cont(1, lo, hi) && cont(2) && cont(3)) {
      return [
        ((b0 & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f),
        4
      ]
    }
  }
  return [0xfffd, 1]
}

// ---------------------------------------------------------------------------------------------------
// Writer

/** A Go map: written with keys sorted bytewise (UTF-8 order), as encoding/json does. */
export class GoMap {
  constructor(readonly entries: Iterable<[string, GoValue]>) {}
}

/** Already-encoded JSON (Go's json.RawMessage): written compacted, with HTML-unsafe characters escaped. */
export class RawJson {
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * What the writer accepts. A plain object is a Go struct: keys are written in insertion order and
 * `undefined` values are left out (that is how encoders express `omitempty`).
 */
export type GoValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | GoValue[]
  | GoMap
  | RawJson
  | { [field: string]: GoValue | undefined }

export function goMarshal(v: GoValue): Buffer {
  const parts: string[] = []
  write(v, parts)
  return Buffer.from(parts.join(''), 'utf8')
}

function write(v: GoValue, out: string[]): void {
  if (v === null) {
    out.push('null')
  } else if (typeof v === 'string') {
    out.push(goQuote(v))
  } else if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false')
  } else if (typeof v === 'number') {
    if (!Number.isInteger(v) || Math.abs(v) > 2 ** 53) {
      throw new ManifestError('invalid-field', `cannot write ${v}: only integers up to 2^53 are supported`)
    }
    out.push(String(v))
  } else if (typeof v === 'bigint') {
    out.push(v.toString())
  } else if (Array.isArray(v)) {
    out.push('[')
    v.forEach((e, i) => {
      if (i > 0) out.push(',')
      write(e, out)
    })
    out.push(']')
  } else if (v instanceof GoMap) {
    const entries = [...v.entries]
    const byKey = new Map<string, GoValue>()
    for (const [k, val] of entries) byKey.set(k, val)
    const keys = [...byKey.keys()].sort(compareUtf8)
    out.push('{')
    keys.forEach((k, i) => {
      if (i > 0) out.push(',')
      out.push(goQuote(k), ':')
      write(byKey.get(k) as GoValue, out)
    })
    out.push('}')
  } else if (v instanceof RawJson) {
    out.push(compactJson(v.bytes).toString('utf8'))
  } else {
    out.push('{')
    let first = true
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined) continue
      if (!first) out.push(',')
      first = false
      out.push(goQuote(k), ':')
      write(val, out)
    }
    out.push('}')
  }
}

/** Orders strings as Go orders map keys: by their UTF-8 bytes, i.e. by code point. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) as number
    const cb = b.codePointAt(i) as number
    if (ca !== cb) return ca < cb ? -1 : 1
    if (ca > 0xffff) i++
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

const HEX = '0123456789abcdef'

/** Quotes a string as Go's encoding/json does with HTML escaping (the default of json.Marshal). */
export function goQuote(s: string): string {
  let out = '"'
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    let rep: string | undefined
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      switch (c) {
        case 0x22:
          rep = '\\"'
          break
        case 0x5c:
          rep = '\\\\'
          break
        case 0x08:
          rep = '\\b'
          break
        case 0x0c:
          rep = '\\f'
          break
        case 0x0a:
          rep = '\\n'
          break
        case 0x0d:
          rep = '\\r'
          break
        case 0x09:
          rep = '\\t'
          break
        default:
          rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf]
      }
    } else if (c === 0x2028 || c === 0x2029) {
      rep = c === 0x2028 ? '\\u2028' : '\\u2029'
    } else if (c >= 0xd800 && c < 0xe000) {
      const next = s.charCodeAt(i + 1)
      if (c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        i++
        continue
      }
      rep = '\\ufffd' // a lone surrogate cannot be UTF-8; Go writes invalid UTF-8 as \ufffd
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep
      start = i + 1
    }
  }
  return out + s.slice(start) + '"'
}

/** Go's json.Compact with HTML escaping, as Marshal applies it to a json.RawMessage. */
export function compactJson(src: Uint8Array): Buffer {
  const out: number[] = []
  let inString = false
  let escaped = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === 0x3c || c === 0x3e || c === 0x26) {
      out.push(0x5c, 0x75, 0x30, 0x30, HEX.charCodeAt(c >> 4), HEX.charCodeAt(c & 0xf))
      escaped = false
      continue
    }
    if (c === 0xe2 && i + 2 < src.length && src[i + 1] === 0x80 && (src[i + 2] & ~1) === 0xa8) {
      out.push(0x5c, 0x75, 0x32, 0x30, 0x32, HEX.charCodeAt(src[i + 2] & 0xf))
      i += 2
      escaped = false
      continue
    }
    if (inString) {
      if (escaped) escaped = false
      else if (c === 0x5c) escaped = true
      else if (c === 0x22) inString = false
      out.push(c)
    } else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      continue
    } else {
      if (c === 0x22) inString = true
      out.push(c)
    }
  }
  return Buffer.from(out)
}

// ---------------------------------------------------------------------------------------------------
// Decoding into Go-shaped values

/**
 * Decodes one JSON value onto the current value of a Go field, the way encoding/json does: `null`
 * leaves scalars and structs alone and clears slices, maps and pointers; objects merge into an
 * existing struct or map (which matters for duplicate keys).
 */
export type Decoder<T> = (current: T, v: JsonValue, path: string, raw: () => Uint8Array) => T

export function typeError(path: string, v: JsonValue, expected: string): ManifestError {
  return new ManifestError(
    'invalid-field',
    `field ${JSON.stringify(path || '.')}: cannot use ${jsonKind(v)} as ${expected}`
  )
}

export function jsonKind(v: JsonValue): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 80 ? v.slice(0, 80) + '…' : v)}`
  if (typeof v === 'boolean') return `boolean ${v}`
  if (v instanceof JsonNumber) return `number ${v.text}`
  if (Array.isArray(v)) return 'array'
  return 'object'
}

export const goString: Decoder<string> = (cur, v, path) => {
  if (v === null) return cur
  if (typeof v !== 'string') throw typeError(path, v, 'a string')
  return v
}

export const goBool: Decoder<boolean> = (cur, v, path) => {
  if (v === null) return cur
  if (typeof v !== 'boolean') throw typeError(path, v, 'a boolean')
  return v
}

/** An int64 field. Values beyond 2^53 cannot be held exactly by a JS number and are refused. */
export const goInt: Decoder<number> = (cur, v, path) => {
  if (v === null) return cur
  if (!(v instanceof JsonNumber) || !/^-?\d+$/.test(v.text)) throw typeError(path, v, 'an integer')
  const n = Number(v.text)
  if (v.text !== '-0' && String(n) !== v.text) {
    throw new ManifestError(
      'invalid-field',
      `field ${JSON.stringify(path)}: integer ${v.text} is out of the supported range`
    )
  }
  return n === 0 ? 0 : n
}

/** An `any` field: only whether it is set matters to us. */
export const goAny: Decoder<JsonValue | undefined> = (_cur, v) => (v === null ? undefined : v)

export function goSlice<T>(elem: Decoder<T>, zero: () => T): Decoder<T[] | undefined> {
  return (cur, v, path, raw) => {
    if (v === null) return undefined
    if (!Array.isArray(v)) throw typeError(path, v, 'an array')
    // Go reuses the previous backing array, so elements of a repeated key merge into earlier ones.
    return v.map((e, i) =>
      elem(cur !== undefined && i < cur.length ? cur[i] : zero(), e, `${path}[${i}]`, raw)
    )
  }
}

export type StringMap<T> = Record<string, T>

/** Defines an own property even for keys like `__proto__`. */
export function setOwn<T>(obj: StringMap<T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
}

export function goStringMap<T>(elem: Decoder<T>, zero: () => T): Decoder<StringMap<T> | undefined> {
  return (cur, v, path) => {
    if (v === null) return undefined
    if (!(v instanceof JsonObject)) throw typeError(path, v, 'an object')
    const out: StringMap<T> = cur ?? {}
    v.entries.forEach(([k, e], i) =>
      setOwn(
        out,
        k,
        elem(zero(), e, `${path}.${k}`, () => v.rawValue(i))
      )
    )
    return out
  }
}

/** A map field whose values are Go empty structs (e.g. ExposedPorts): any object becomes `{}`. */
export const goEmptyStruct: Decoder<Record<string, never>> = (cur, v, path) => {
  if (v === null) return cur
  if (!(v instanceof JsonObject)) throw typeError(path, v, 'an object')
  return cur
}

/** Go's key folding for struct fields: ASCII case-insensitive, plus the two non-ASCII runes that fold into ASCII. */
function foldKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k')
}

export interface FieldSpec<T> {
  json: string
  apply: (target: T, v: JsonValue, path: string, raw: () => Uint8Array) => void
}

export function field<T, K extends keyof T>(json: string, key: K, dec: Decoder<T[K]>): FieldSpec<T> {
  return {
    json,
    apply: (target, v, path, raw) => {
      target[key] = dec(target[key], v, path, raw)
    }
  }
}

/** Decodes an object into a Go struct value, matching keys to fields as encoding/json does; unknown keys are dropped. */
export function goStruct<T>(fields: ReadonlyArray<FieldSpec<T>>): Decoder<T> {
  const byExact = new Map<string, FieldSpec<T>>()
  const byFold = new Map<string, FieldSpec<T>>()
  for (const f of fields) {
    byExact.set(f.json, f)
    if (!byFold.has(foldKey(f.json))) byFold.set(foldKey(f.json), f)
  }
  return (cur, v, path) => {
    if (v === null) return cur
    if (!(v instanceof JsonObject)) throw typeError(path, v, 'an object')
    v.entries.forEach(([k, e], i) => {
      const f = byExact.get(k) ?? byFold.get(foldKey(k))
      if (f) f.apply(cur, e, path ? `${path}.${f.json}` : f.json, () => v.rawValue(i))
    })
    return cur
  }
}

/** A pointer-to-struct field: null clears it, an object decodes into the existing value or a new one. */
export function goPointer<T>(dec: Decoder<T>, zero: () => T): Decoder<T | undefined> {
  return (cur, v, path, raw) => (v === null ? undefined : dec(cur ?? zero(), v, path, raw))
}

/** The top-level keys of a JSON object and their raw values, as Go's `map[string]*json.RawMessage` holds them. */
export function rawObjectEntries(v: JsonValue, what: string): Map<string, RawJson | null> {
  if (v === null) return new Map()
  if (!(v instanceof JsonObject))
    throw new ManifestError('invalid-field', `${what}: expected a JSON object, got ${jsonKind(v)}`)
  const m = new Map<string, RawJson | null>()
  v.entries.forEach(([k, e], i) => m.set(k, e === null ? null : new RawJson(v.rawValue(i))))
  return m
}
