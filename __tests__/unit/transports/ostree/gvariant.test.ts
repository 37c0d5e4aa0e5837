// The GVariant serialiser against GLib itself (python3-gi's GLib.Variant, the library OSTree uses):
// random values of every type OSTree stores, including sizes that need 2- and 4-byte offsets.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { deserialize, serialize, type GValue } from '../../../../src/transports/ostree/gvariant.js'

const PYTHON = '/usr/bin/python3'
const hasGi =
  existsSync(PYTHON) &&
  (() => {
    try {
      execFileSync(PYTHON, ['-c', 'import gi; gi.require_version("GLib", "2.0")'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()
if (!hasGi && process.env.CI === 'true') throw new Error('python3-gi is needed for the GVariant oracle')

const ORACLE = `
import sys, json, struct
from gi.repository import GLib
def conv(t, v):
    if t == 'u': return struct.unpack('<I', struct.pack('>I', v))[0]
    if t == 't': return struct.unpack('<Q', struct.pack('>Q', int(v)))[0]
    if t == 'ay': return bytes.fromhex(v)
    if t == 's': return v
    if t == 'v': return GLib.Variant(v[0], conv(v[0], v[1]))
    if t.startswith('a{'): return {conv(k[0], x[0]): conv(k[1], x[1]) for x in v for k in [split(t[2:-1])]}
    if t.startswith('a'): return [conv(t[1:], x) for x in v]
    if t.startswith('('): return tuple(conv(m, x) for m, x in zip(split(t[1:-1]), v))
    raise Exception(t)
def one(t, i):
    if t[i] == 'a': return 'a' + one(t, i + 1)
    if t[i] in '({':
        j = i + 1
        while t[j] not in ')}': j += len(one(t, j))
        return t[i:j + 1]
    return t[i]
def split(t):
    out, i = [], 0
    while i < len(t):
        m = one(t, i); out.append(m); i += len(m)
    return out
for line in sys.stdin:
    t, v = json.loads(line)
    print(GLib.Variant(t, conv(t, v)).get_data_as_bytes().get_data().hex())
`

type Gen = () => { js: GValue; py: unknown }
const int = (n: number): number => Math.floor(Math.random() * n)
const u: Gen = () => {
  const v = int(2 ** 32)
  return { js: v, py: v }
}
const t: Gen = () => {
  const v = BigInt(int(2 ** 31)) * 3000000n
  return { js: v, py: v.toString() }
}
const s: Gen = () => {
  const v = ['', 'a', 'docker.manifest', 'é∂', 'x'.repeat(int(300))][int(5)]
  return { js: v, py: v }
}
const ay =
  (max: number): Gen =>
  () => {
    const v = randomBytes(int(max))
    return { js: v, py: v.toString('hex') }
  }
const arr =
  (g: Gen, max: number): Gen =>
  () => {
    const items = Array.from({ length: int(max) }, g)
    return { js: items.map(i => i.js), py: items.map(i => i.py) }
  }
const tup =
  (...gs: Gen[]): Gen =>
  () => {
    const items = gs.map(g => g())
    return { js: items.map(i => i.js), py: items.map(i => i.py) }
  }
const variantS: Gen = () => {
  const v = s()
  return { js: { type: 's', value: v.js }, py: ['s', v.py] }
}
const xattrs = arr(tup(ay(20), ay(40)), 4)
// Dictionary keys are unique (the oracle builds a Python dict).
const metadata =
  (max: number): Gen =>
  () => {
    const items = Array.from({ length: int(max) }, (_, i) => {
      const key = `k${i}.${s().js as string}`
      const value = variantS()
      return { js: [key, value.js], py: [key, value.py] }
    })
    return { js: items.map(i => i.js), py: items.map(i => i.py) }
  }

const cases: [string, Gen][] = [
  ['(uuua(ayay))', tup(u, u, u, xattrs)],
  ['(uuuusa(ayay))', tup(u, u, u, u, s, xattrs)],
  ['(tuuuusa(ayay))', tup(t, u, u, u, u, s, xattrs)],
  ['(a(say)a(sayay))', tup(arr(tup(s, ay(33)), 20), arr(tup(s, ay(33), ay(33)), 20))],
  ['a{sv}', metadata(6)],
  ['(a{sv}aya(say)sstayay)', tup(metadata(4), ay(33), arr(tup(s, ay(33)), 2), s, s, t, ay(33), ay(33))],
  // Large enough for 2- and 4-byte framing offsets.
  ['a(ayay)', arr(tup(ay(3000), ay(30000)), 4)]
]

describe('GVariant serialisation (OSTree types)', () => {
  const d = hasGi ? it : it.skip
  d('matches GLib byte for byte on 350 random values, and reads back what it wrote', () => {
    const inputs: { type: string; js: GValue; py: unknown }[] = []
    for (const [type, gen] of cases) for (let i = 0; i < 50; i++) inputs.push({ type, ...gen() })
    const out = execFileSync(PYTHON, ['-c', ORACLE], {
      input: inputs.map(i => JSON.stringify([i.type, i.py])).join('\n') + '\n',
      maxBuffer: 1 << 28
    })
      .toString()
      .split('\n')
      .slice(0, -1)
    expect(out).toHaveLength(inputs.length)
    let mismatches = 0
    inputs.forEach((input, i) => {
      const ours = serialize(input.type, input.js)
      if (ours.toString('hex') !== out[i]) mismatches++
      expect(deserialize(input.type, ours)).toEqual(input.js)
    })
    expect(mismatches).toBe(0)
  })

  it('refuses data whose framing points outside it', () => {
    expect(() => deserialize('a(say)', Buffer.from([0x61, 0x00, 0x01, 0xff]))).toThrow(/framing/)
    expect(() => deserialize('s', Buffer.from('abc'))).toThrow(/NUL/)
    expect(() => deserialize('(uuua(ayay))', Buffer.alloc(5))).toThrow()
  })
})
