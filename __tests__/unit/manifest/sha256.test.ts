import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { SMALL_INPUT_BYTES, jsSha256Hex } from '../../../src/manifest/sha256.js'
import { nodeCrypto } from '../../../src/lazy-builtin.js'
import { digestWithAlgorithm, sha256Digest } from '../../../src/manifest/index.js'

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Reproducible bytes (a linear congruential generator seeded by `seed`), so a failure can be replayed. */
function bytesOf(length: number, seed = length): Buffer {
  const bytes = Buffer.alloc(length)
  let state = (seed * 2654435761 + 1) >>> 0
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    bytes[i] = state >>> 24
  }
  return bytes
}

describe('jsSha256Hex (SHA-256 in JavaScript for small inputs)', () => {
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
    expect(jsSha256Hex(Buffer.from(text))).toBe(hex)
  })

  it('agrees with node:crypto at every length up to 300 bytes and around each block boundary', () => {
    // 55/56 and 63/64 bytes (where the padding needs a block of its own) are within 0..300
    const lengths = [...Array.from({ length: 301 }, (_, i) => i), 4095, 4096, 8183, 8184, SMALL_INPUT_BYTES]
    for (const length of lengths) {
      const bytes = bytesOf(length)
      expect(`${length}:${jsSha256Hex(bytes)}`).toBe(`${length}:${nodeSha256(bytes)}`)
    }
  })

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const whole = bytesOf(200)
    const view = whole.subarray(17, 150)
    expect(jsSha256Hex(view)).toBe(nodeSha256(view))
  })

  it('refuses inputs above SMALL_INPUT_BYTES', () => {
    expect(() => jsSha256Hex(new Uint8Array(SMALL_INPUT_BYTES + 1))).toThrow(RangeError)
  })
})

describe('sha256Digest and digestWithAlgorithm on both sides of the JavaScript path', () => {
  // One test, in this order: node:crypto is loaded through nodeCrypto once, and stays loaded.
  it('hashes inputs up to SMALL_INPUT_BYTES without loading node:crypto, larger ones and other algorithms with it', () => {
    expect(nodeCrypto.loaded()).toBe(false)
    for (const length of [0, 100, SMALL_INPUT_BYTES]) {
      const bytes = bytesOf(length)
      expect(sha256Digest(bytes)).toBe(`sha256:${nodeSha256(bytes)}`)
      expect(digestWithAlgorithm(bytes, 'sha256')).toBe(`sha256:${nodeSha256(bytes)}`)
    }
    expect(nodeCrypto.loaded()).toBe(false)

    const large = bytesOf(SMALL_INPUT_BYTES + 1)
    expect(sha256Digest(large)).toBe(`sha256:${nodeSha256(large)}`)
    expect(nodeCrypto.loaded()).toBe(true)
    // once node:crypto is loaded, small inputs take it too, with the same result
    const small = bytesOf(100, 7)
    expect(sha256Digest(small)).toBe(`sha256:${nodeSha256(small)}`)

    expect(digestWithAlgorithm(small, 'sha512')).toBe(
      `sha512:${createHash('sha512').update(small).digest('hex')}`
    )
    expect(digestWithAlgorithm(small, 'sha384')).toBe(
      `sha384:${createHash('sha384').update(small).digest('hex')}`
    )
  })
})
