import { describe, expect, it } from '@jest/globals'
import {
  GoMap,
  JsonNumber,
  JsonObject,
  RawJson,
  compactJson,
  compareUtf8,
  field,
  goDecodeUtf8,
  goInt,
  goMarshal,
  goQuote,
  goSlice,
  goString,
  goStringMap,
  goStruct,
  parseJson
} from '../../../src/manifest/go-json.js'
import { goTimeCanonical } from '../../../src/manifest/go-time.js'
import { thrown } from './helpers.js'

const enc = (s: string): Buffer => Buffer.from(s, 'utf8')

describe('Go JSON writer', () => {
  it('escapes like encoding/json with HTML escaping', () => {
    expect(goQuote('a<b>&c')).toBe('"a\\u003cb\\u003e\\u0026c"')
    expect(goQuote('\u2028\u2029')).toBe('"\\u2028\\u2029"')
    expect(goQuote('"\\/')).toBe('"\\"\\\\/"')
    expect(goQuote('\n\r\t\b\f')).toBe('"\\n\\r\\t\\b\\f"')
    expect(goQuote('\u0000\u0001\u001f\u007f')).toBe('"\\u0000\\u0001\\u001f\u007f"')
    expect(goQuote('é😀')).toBe('"é😀"')
    expect(goQuote('\ud800x')).toBe('"\\ufffdx"')
  })

  it('writes struct fields in the given order and skips undefined (omitempty)', () => {
    expect(goMarshal({ b: 1, a: 'x', c: undefined, d: null, e: [], f: true }).toString()).toBe(
      '{"b":1,"a":"x","d":null,"e":[],"f":true}'
    )
  })

  it('sorts map keys by UTF-8 bytes, last duplicate winning', () => {
    const m = new GoMap([
      ['b', 1],
      ['a', 2],
      ['\uffff', 3],
      ['😀', 4],
      ['B', 5],
      ['a', 6]
    ])
    expect(goMarshal(m).toString()).toBe('{"B":5,"a":6,"b":1,"\uffff":3,"😀":4}')
    expect(compareUtf8('\uffff', '😀')).toBeLessThan(0)
    expect('\uffff' < '😀').toBe(false) // JS string order differs; Go's does not
  })

  it('writes integers without exponent, up to 2^53', () => {
    expect(goMarshal([0, -1, 2 ** 53 - 1, 2 ** 53, -0]).toString()).toBe(
      '[0,-1,9007199254740991,9007199254740992,0]'
    )
    expect(goMarshal(2n ** 63n - 1n).toString()).toBe('9223372036854775807')
    expect(thrown(() => goMarshal(1.5)).kind).toBe('invalid-field')
  })

  it('writes raw JSON compacted with HTML escaping, like json.RawMessage', () => {
    const raw = enc('{ "a" : [1, 2],\n "b": "x <y> & \u2028 \\u003c \\/" }')
    expect(goMarshal(new RawJson(raw)).toString()).toBe(
      '{"a":[1,2],"b":"x \\u003cy\\u003e \\u0026 \\u2028 \\u003c \\/"}'
    )
    expect(compactJson(enc('"a \\" b"  ')).toString()).toBe('"a \\" b"')
  })
})

describe('Go JSON reader', () => {
  it('round-trips integers exactly up to 2^53 and refuses what is not an int64 JSON number', () => {
    const dec = goStruct<{ n: number }>([field('n', 'n', goInt)])
    for (const n of [0, 1, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1234567890123]) {
      const text = `{"n":${n}}`
      const v = dec({ n: 0 }, parseJson(enc(text)), '', () => enc(text))
      expect(v.n).toBe(n)
      expect(goMarshal({ n: v.n }).toString()).toBe(text)
    }
    for (const bad of [
      '1.0',
      '1e3',
      '"1"',
      'true',
      '9007199254740993',
      '-9007199254740993',
      '18446744073709551616'
    ]) {
      expect(thrown(() => dec({ n: 0 }, parseJson(enc(`{"n":${bad}}`)), '', () => enc(''))).kind).toBe(
        'invalid-field'
      )
    }
  })

  it('tells truncated input from malformed input', () => {
    for (const t of ['{', '{"a":', '{"a":1', '[1,2', '"abc', 'tru', '{"a":"\\u00']) {
      expect(thrown(() => parseJson(enc(t))).kind).toBe('truncated')
    }
    for (const m of ['{a:1}', '{"a":1}x', '[1,]', '01', '{"a":1,}', "'x'", '"\u0001"', '-', 'nul!', '']) {
      const kind = m === '-' ? 'truncated' : 'malformed-json'
      expect(thrown(() => parseJson(enc(m))).kind).toBe(kind)
    }
  })

  it('decodes strings as Go does: invalid UTF-8 and lone surrogates become U+FFFD', () => {
    expect(parseJson(Buffer.from([0x22, 0xe2, 0x82, 0x61, 0x22]))).toBe('\ufffd\ufffda')
    expect(parseJson(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toBe('\ufffd\ufffd\ufffd')
    expect(parseJson(enc('"\\ud83d\\ude00 \\ud83d x \\ude00"'))).toBe('😀 \ufffd x \ufffd')
    expect(goDecodeUtf8(Buffer.from([0xc0, 0xaf]))).toBe('\ufffd\ufffd')
    expect(parseJson(enc('"\\u0041\\/"'))).toBe('A/')
  })

  it('keeps duplicate keys and value spans', () => {
    const v = parseJson(enc('{"a": [1, 2] , "a" :"x"}')) as JsonObject
    expect(v.entries.map(e => e[0])).toEqual(['a', 'a'])
    expect(Buffer.from(v.rawValue(0)).toString()).toBe('[1, 2]')
    expect(v.entries[1][1]).toBe('x')
    expect((parseJson(enc('-0.5e+3')) as JsonNumber).text).toBe('-0.5e+3')
  })

  it('matches struct fields case-insensitively, merges repeated keys, and drops unknown keys', () => {
    interface T {
      mediaType: string
      list: string[] | undefined
      map: Record<string, string> | undefined
      inner: { a: string; b: string }
    }
    const dec = goStruct<T>([
      field('mediaType', 'mediaType', goString),
      field(
        'list',
        'list',
        goSlice(goString, () => '')
      ),
      field(
        'map',
        'map',
        goStringMap(goString, () => '')
      ),
      field('inner', 'inner', goStruct<T['inner']>([field('a', 'a', goString), field('b', 'b', goString)]))
    ])
    const text =
      '{"MEDIATYPE":"x","mediaType":null,"unknown":{"deep":1},"map":{"k":"1","__proto__":"p"},"map":{"j":null},' +
      '"inner":{"a":"1"},"inner":{"b":"2"},"ſ":1,"list":["a"],"list":null}'
    const v = dec(
      { mediaType: '', list: ['old'], map: undefined, inner: { a: '', b: '' } },
      parseJson(enc(text)),
      '',
      () => enc(text)
    )
    expect(v.mediaType).toBe('x')
    expect(v.list).toBeUndefined()
    expect(Object.entries(v.map!)).toEqual([
      ['k', '1'],
      ['__proto__', 'p'],
      ['j', '']
    ])
    expect(v.inner).toEqual({ a: '1', b: '2' })
    const kelvin = goStruct<{ k: string }>([field('k', 'k', goString)])
    expect(kelvin({ k: '' }, parseJson(enc('{"\u212a":"kelvin"}')), '', () => enc('')).k).toBe('kelvin')
  })

  it('reports a type mismatch with the field path', () => {
    const dec = goStruct<{ l: string[] | undefined }>([
      field(
        'layers',
        'l',
        goSlice(goString, () => '')
      )
    ])
    const e = thrown(() => dec({ l: undefined }, parseJson(enc('{"layers":["a",2]}')), '', () => enc('')))
    expect(e.kind).toBe('invalid-field')
    expect(e.message).toContain('layers[1]')
  })
})

describe('Go time round trip', () => {
  it.each([
    ['2016-09-23T23:20:45.789764590Z', '2016-09-23T23:20:45.78976459Z'],
    ['2020-01-02T03:04:05.100000+00:00', '2020-01-02T03:04:05.1Z'],
    ['2020-01-02T03:04:05-00:00', '2020-01-02T03:04:05Z'],
    ['2020-01-02T03:04:05.000000001+02:00', '2020-01-02T03:04:05.000000001+02:00'],
    ['2021-06-07T08:09:10.123456789123Z', '2021-06-07T08:09:10.123456789Z'],
    ['2020-02-29T00:00:00.000Z', '2020-02-29T00:00:00Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z']
  ])('%s → %s', (input, output) => {
    expect(goTimeCanonical(input)).toBe(output)
  })

  it.each([
    '2019-02-29T00:00:00Z',
    '2020-01-02 03:04:05Z',
    '2020-01-02T3:04:05Z',
    '2020-01-02T03:04:05,1Z',
    '2020-01-02T03:04:05+24:00',
    '2020-01-02T03:04:60Z',
    '2020-01-02T03:04:05z',
    '2020-01-02T03:04:05',
    '2020-01-02T03:04:05+0200'
  ])('refuses %s', input => {
    expect(goTimeCanonical(input)).toBeUndefined()
  })
})
