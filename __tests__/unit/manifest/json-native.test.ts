import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  goParseJson,
  JsonNumber,
  JsonObject,
  parseJson,
  type JsonValue
} from '../../../src/manifest/go-json.js'
import { parseNative } from '../../../src/manifest/json-native.js'
import { fixture, fixtureNames, localFixturesDir } from './helpers.js'

const enc = (s: string): Buffer => Buffer.from(s, 'utf8')
const native = (b: Uint8Array): JsonValue | undefined => parseNative(b, 10000, goParseJson)

/** The value as plain data, with each object's raw value bytes: what every reader of a JsonValue sees. */
function plain(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return { number: v.text }
  if (Array.isArray(v)) return v.map(plain)
  if (v instanceof JsonObject)
    return v.entries.map(([k, e], i) => [k, plain(e), Buffer.from(v.rawValue(i)).toString('latin1')])
  return v
}

const local = ['upstream', 'skopeo'].flatMap(d =>
  readdirSync(join(localFixturesDir, d)).map(f => readFileSync(join(localFixturesDir, d, f)))
)
const upstream = fixtureNames().map(fixture)

describe('JSON.parse for the common case (json-native.ts)', () => {
  it('reads every manifest, list and config fixture, to the values and spans the Go parser gives', () => {
    expect(local.length).toBeGreaterThan(20)
    for (const bytes of local) {
      const fast = native(bytes)
      expect(fast).toBeDefined()
      expect(plain(fast!)).toEqual(plain(goParseJson(bytes)))
    }
    // containers/image's fixtures include broken and odd ones: those it reads must agree too.
    const read = upstream.filter(bytes => native(bytes) !== undefined)
    expect(read.length).toBeGreaterThan(upstream.length / 2)
    for (const bytes of read) expect(plain(native(bytes)!)).toEqual(plain(goParseJson(bytes)))
  })

  it('keeps number text, odd keys and nesting exactly', () => {
    const text =
      ' {"n": [-0, 1.50, 1e3, 2E-2, 18446744073709551616], "__proto__": {"x": null},' +
      ' "s": "a\\"b\\\\:\\u00e9\\u0026 é😀 \\ud83d\\ude00x", "t": true, "": [[], {}], "1a": "k"} '
    const slow = goParseJson(enc(text.replace('\\ud83d\\ude00', '')))
    const fast = native(enc(text.replace('\\ud83d\\ude00', '')))
    expect(fast).toBeDefined()
    expect(plain(fast!)).toEqual(plain(slow))
    expect(((fast as JsonObject).entries[0][1] as JsonValue[]).map(n => (n as JsonNumber).text)).toEqual([
      '-0',
      '1.50',
      '1e3',
      '2E-2',
      '18446744073709551616'
    ])
  })

  it('leaves to the Go parser what JSON.parse would read differently', () => {
    const others: Array<[string, Uint8Array]> = [
      ['duplicate key', enc('{"a": 1, "a": 2}')],
      ['duplicate key, nested', enc('{"a": {"b": "x:y", "b": ":"}}')],
      ['escaped lone surrogate', enc('"\\ud800"')],
      ['escaped surrogate pair (read by Go rules too)', enc('"\\ud83d\\ude00"')],
      ['invalid UTF-8', Buffer.from([0x22, 0xe2, 0x82, 0x61, 0x22])],
      ['UTF-8 encoded surrogate', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])],
      ['byte order mark', Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])],
      ['array-index keys, reordered by JSON.parse', enc('{"b": 1, "2": 2, "1": 3}')],
      ['too deep', enc(`${'['.repeat(10002)}${']'.repeat(10002)}`)],
      ['truncated', enc('{"a": [1, 2')],
      ['malformed', enc('{"a": 01}')],
      ['empty', enc('')]
    ]
    for (const [what, bytes] of others) expect([what, native(bytes)]).toEqual([what, undefined])
  })

  it('gives parseJson the Go results for those documents', () => {
    const dup = parseJson(enc('{"a": [1, 2] , "a" :"x"}')) as JsonObject
    expect(dup.entries.map(e => e[0])).toEqual(['a', 'a'])
    expect(Buffer.from(dup.rawValue(0)).toString()).toBe('[1, 2]')
    expect(parseJson(enc('"\\ud83d\\ude00 \\ud83d x \\ude00"'))).toBe('😀 \ufffd x \ufffd')
    expect((parseJson(enc('{"b": 1, "2": 2}')) as JsonObject).entries.map(e => e[0])).toEqual(['b', '2'])
  })

  it('finds spans only when one is asked for, in the right object', () => {
    const text = '[{"a": {"t": "2024-01-02T03:04:05Z"}}, {"a": {"t":   "x"}}]'
    const v = native(enc(text)) as JsonValue[]
    const inner = (v[1] as JsonObject).entries[0][1] as JsonObject
    expect(Buffer.from(inner.rawValue(0)).toString()).toBe('"x"')
    const first = (v[0] as JsonObject).entries[0][1] as JsonObject
    expect(Buffer.from(first.rawValue(0)).toString()).toBe('"2024-01-02T03:04:05Z"')
  })
})
