import { describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { SMALL_INPUT_BYTES, sha256Hex } from '../../../src/manifest/sha256.js'
import { nodeCrypto } from '../../../src/lazy-builtin.js'
import { digestWithAlgorithm, sha256Digest } from '../../../src/manifest/index.js'

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe('sha256Hex (SHA-256 in JavaScript for small inputs)', () => {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf")
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1'
    ]
  ])('%j', (text, hex) => {
    expect(sha256Hex(Buffer.from(text))).toBe(hex)
  })

  it('agrees with node:crypto at every length up to 300 bytes and around each block boundary', () => {
    const lengths = [
      ...Array.from({ length: 301 }, (_, i) => i),
      447,
      448,
      511,
      512,
      513,
      4095,
      4096,
      8183,
      8184,
      SMALL_INPUT_BYTES
    ]
    for (const length of lengths) {
      const bytes = randomBytes(length)
      expect(`${length}:${sha256Hex(bytes)}`).toBe(`${length}:${nodeSha256(bytes)}`)
    }
  })

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const whole = randomBytes(200)
    const view = whole.subarray(17, 150)
    expect(sha256Hex(view)).toBe(nodeSha256(view))
  })

  it('refuses inputs above SMALL_INPUT_BYTES', () => {
    expect(() => sha256Hex(new Uint8Array(SMALL_INPUT_BYTES + 1))).toThrow(RangeError)
  })
})

describe('sha256Digest and digestWithAlgorithm on both sides of the JavaScript path', () => {
  it('hashes inputs up to SMALL_INPUT_BYTES without loading node:crypto, larger ones with it', () => {
    expect(nodeCrypto.loaded()).toBe(false)
    for (const length of [0, 100, SMALL_INPUT_BYTES]) {
      const bytes = randomBytes(length)
      expect(sha256Digest(bytes)).toBe(`sha256:${nodeSha256(bytes)}`)
      expect(digestWithAlgorithm(bytes, 'sha256')).toBe(`sha256:${nodeSha256(bytes)}`)
    }
    expect(nodeCrypto.loaded()).toBe(false)
    const large = randomBytes(SMALL_INPUT_BYTES + 1)
    expect(sha256Digest(large)).toBe(`sha256:${nodeSha256(large)}`)
    expect(nodeCrypto.loaded()).toBe(true)
    // once node:crypto is loaded, small inputs take it too, with the same result
    const small = randomBytes(100)
    expect(sha256Digest(small)).toBe(`sha256:${nodeSha256(small)}`)
  })

  it('sha384 and sha512 go through node:crypto at any size', () => {
    const bytes = randomBytes(100)
    expect(digestWithAlgorithm(bytes, 'sha512')).toBe(
      `sha512:${createHash('sha512').update(bytes).digest('hex')}`
    )
    expect(digestWithAlgorithm(bytes, 'sha384')).toBe(
      `sha384:${createHash('sha384').update(bytes).digest('hex')}`
    )
  })
})
