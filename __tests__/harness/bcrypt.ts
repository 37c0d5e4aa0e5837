/**
 * bcrypt (`$2b$`) for htpasswd files: distribution's htpasswd auth accepts bcrypt hashes only, and
 * neither node nor the machine's usual tools (no `htpasswd`, no python bcrypt) make them reliably.
 * Test code only — slow, unhardened.
 *
 *   bcryptHash('secret')                       // $2b$04$…  (cost 4: fast)
 *   bcryptHash('U*U', 5, 'CCCCCCCCCCCCCCCCCCCCC.') // known test vector
 *
 * Blowfish's initial P-array and S-boxes are the hex digits of π's fractional part; they are computed
 * here (Machin's formula in BigInt) instead of being pasted as 1042 constants.
 */
import { randomBytes } from 'node:crypto'

const WORDS = 18 + 4 * 256
let piWords: Uint32Array | undefined

function arctanInverse(x: bigint, one: bigint): bigint {
  let sum = 0n
  let power = one / x
  const x2 = x * x
  for (let k = 0n, sign = 1n; power !== 0n; k++, sign = -sign) {
    sum += (sign * power) / (2n * k + 1n)
    power /= x2
  }
  return sum
}

function blowfishInitialWords(): Uint32Array {
  if (piWords) return piWords
  const guard = 64n
  const bits = BigInt(WORDS * 32) + guard
  const one = 1n << bits
  const pi = 16n * arctanInverse(5n, one) - 4n * arctanInverse(239n, one)
  const fraction = (pi - 3n * one) >> guard
  const hex = fraction.toString(16).padStart(WORDS * 8, '0')
  piWords = new Uint32Array(WORDS)
  for (let i = 0; i < WORDS; i++) piWords[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16)
  return piWords
}

class Blowfish {
  readonly p: Uint32Array
  readonly s: Uint32Array

  constructor() {
    const init = blowfishInitialWords()
    this.p = init.slice(0, 18)
    this.s = init.slice(18)
  }

  private f(x: number): number {
    const s = this.s
    const h = (s[x >>> 24] + s[256 + ((x >>> 16) & 0xff)]) >>> 0
    return (((h ^ s[512 + ((x >>> 8) & 0xff)]) >>> 0) + s[768 + (x & 0xff)]) >>> 0
  }

  encrypt(l: number, r: number): [number, number] {
    const p = this.p
    l = (l ^ p[0]) >>> 0
    for (let i = 1; i <= 16; i += 2) {
      r = (r ^ this.f(l) ^ p[i]) >>> 0
      l = (l ^ this.f(r) ^ p[i + 1]) >>> 0
    }
    r = (r ^ p[17]) >>> 0
    return [r, l]
  }

  /** Blowfish key schedule as bcrypt varies it: optional salt mixed into every block. */
  expand(key: Buffer, salt: Buffer | undefined): void {
    let keyPos = 0
    const keyWord = (): number => {
      let w = 0
      for (let i = 0; i < 4; i++) {
        w = ((w << 8) | key[keyPos]) >>> 0
        keyPos = (keyPos + 1) % key.length
      }
      return w
    }
    let saltPos = 0
    const saltWord = (): number => {
      if (!salt) return 0
      let w = 0
      for (let i = 0; i < 4; i++) {
        w = ((w << 8) | salt[saltPos]) >>> 0
        saltPos = (saltPos + 1) % salt.length
      }
      return w
    }
    for (let i = 0; i < 18; i++) this.p[i] = (this.p[i] ^ keyWord()) >>> 0
    let l = 0
    let r = 0
    const fill = (table: Uint32Array, count: number): void => {
      for (let i = 0; i < count; i += 2) {
        l = (l ^ saltWord()) >>> 0
        r = (r ^ saltWord()) >>> 0
        ;[l, r] = this.encrypt(l, r)
        table[i] = l
        table[i + 1] = r
      }
    }
    fill(this.p, 18)
    fill(this.s, 1024)
  }
}

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function encode64(data: Buffer, length: number): string {
  let out = ''
  for (let i = 0; i < length;) {
    let c1 = data[i++]
    out += ALPHABET[c1 >> 2]
    c1 = (c1 & 0x03) << 4
    if (i >= length) {
      out += ALPHABET[c1]
      break
    }
    let c2 = data[i++]
    out += ALPHABET[c1 | (c2 >> 4)]
    c1 = (c2 & 0x0f) << 2
    if (i >= length) {
      out += ALPHABET[c1]
      break
    }
    c2 = data[i++]
    out += ALPHABET[c1 | (c2 >> 6)]
    out += ALPHABET[c2 & 0x3f]
  }
  return out
}

function decode64(text: string, length: number): Buffer {
  const bits = [...text].map(c => {
    const v = ALPHABET.indexOf(c)
    if (v < 0) throw new Error(`invalid bcrypt base64 character ${c}`)
    return v
  })
  const out: number[] = []
  for (let i = 0; i + 1 < bits.length && out.length < length; i += 4) {
    out.push(((bits[i] << 2) | (bits[i + 1] >> 4)) & 0xff)
    if (i + 2 < bits.length && out.length < length) out.push(((bits[i + 1] << 4) | (bits[i + 2] >> 2)) & 0xff)
    if (i + 3 < bits.length && out.length < length) out.push(((bits[i + 2] << 6) | bits[i + 3]) & 0xff)
  }
  return Buffer.from(out)
}

/** A `$2b$` bcrypt hash. `salt22` is the 22-character encoded salt (random when omitted). */
export function bcryptHash(password: string, cost = 4, salt22?: string): string {
  if (cost < 4 || cost > 31) throw new Error('bcrypt cost must be 4..31')
  const salt = salt22 !== undefined ? decode64(salt22, 16) : randomBytes(16)
  const key = Buffer.concat([Buffer.from(password, 'utf8'), Buffer.from([0])]).subarray(0, 72)
  const bf = new Blowfish()
  bf.expand(key, salt)
  for (let i = 0; i < 2 ** cost; i++) {
    bf.expand(key, undefined)
    bf.expand(salt, undefined)
  }
  const magic = Buffer.from('OrpheanBeholderScryDoubt', 'latin1')
  const words = Array.from({ length: 6 }, (_, i) => magic.readUInt32BE(i * 4))
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 6; j += 2) [words[j], words[j + 1]] = bf.encrypt(words[j], words[j + 1])
  }
  const out = Buffer.alloc(24)
  words.forEach((w, i) => out.writeUInt32BE(w, i * 4))
  const version = salt22 !== undefined ? '2a' : '2b'
  return `$${version}$${String(cost).padStart(2, '0')}$${encode64(salt, 16)}${encode64(out, 23)}`
}
