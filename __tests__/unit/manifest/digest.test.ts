import { describe, expect, it } from '@jest/globals'
import {
  MediaType,
  digestWithAlgorithm,
  guessMimeType,
  isValidDigest,
  manifestDigest,
  matchesDigest,
  parseDigest,
  parseImageManifest,
  sha256Digest
} from '../../../src/manifest/index.js'
import { fixture, localFixture, thrown } from './helpers.js'

const v2s2Digest = 'sha256:20bf21ed457b390829cdbeec8795a7bea1626991fda603e0d01b4e7f60427e55'
const v2s1Digest = 'sha256:7364fea9d84ee548ab67d4c46c6006289800c98de3fbf8c0a97138dfcc23f000'

describe('manifest digests (containers/image manifest_test.go TestDigest)', () => {
  it.each([
    [
      'v2s2.manifest.json',
      v2s2Digest,
      'sha512:50763a72163eef344fc0b58ec5a2676ceeddfa46b547475013778f3de5c0c1a75e18c947db36483e4622c1d46a908aa26649e6b0ac22514b8100889f74ed2b8c'
    ],
    [
      'v2s1.manifest.json',
      v2s1Digest,
      'sha512:987d6df9aca32adc296bd0698cc7407f12605b4d5e8f0de2ca5d0c43f22d894082e96fb0a02c0f659db3bb8314912dd0a1fcb5cb421c04cd5cb468ad3829d9f7'
    ],
    [
      'v2s1-unsigned.manifest.json',
      v2s1Digest,
      'sha512:987d6df9aca32adc296bd0698cc7407f12605b4d5e8f0de2ca5d0c43f22d894082e96fb0a02c0f659db3bb8314912dd0a1fcb5cb421c04cd5cb468ad3829d9f7'
    ]
  ])('%s', (name, sha256, sha512) => {
    expect(manifestDigest(fixture(name))).toBe(sha256)
    expect(manifestDigest(fixture(name), 'sha512')).toBe(sha512)
  })

  it('signed schema1: the digest covers the payload without signatures', () => {
    const signed = fixture('v2s1.manifest.json')
    expect(sha256Digest(signed)).toMatch(/^sha256:e028c450/) // the raw bytes' hash is not the manifest digest
    expect(manifestDigest(signed)).toBe(sha256Digest(fixture('v2s1-unsigned.manifest.json')))
  })

  it('a schema1 manifest signed by skopeo (Go libtrust) has the digest of its unsigned payload', () => {
    const signed = localFixture('skopeo/img2.s1.golden')
    expect(guessMimeType(signed)).toBe(MediaType.DockerV2Schema1Signed)
    const payloadEnd = signed.indexOf(',"signatures":')
    const payload = Buffer.concat([signed.subarray(0, payloadEnd), Buffer.from('}')])
    expect(manifestDigest(signed)).toBe(sha256Digest(payload))
  })

  it('empty input digests to the empty sha256', () => {
    expect(manifestDigest(Buffer.alloc(0))).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
    expect(digestWithAlgorithm(Buffer.alloc(0), 'sha384')).toMatch(/^sha384:38b060a751ac9638/)
  })

  it('invalid schema1 signatures cannot be digested', () => {
    const e = thrown(() => manifestDigest(fixture('v2s1-invalid-signatures.manifest.json')))
    expect(e.kind).toBe('invalid-field')
    expect(e.message).toContain('signature')
  })

  it('a key id that does not match the key is refused, as libtrust does', () => {
    const bad = Buffer.from(fixture('v2s1.manifest.json').toString().replace('OZ45:U3IG', 'AAAA:U3IG'))
    expect(thrown(() => manifestDigest(bad)).message).toContain('JWK Public Key ID does not match')
  })

  it('a manifest given as signed schema1 parses and keeps its bytes', () => {
    const m = parseImageManifest(fixture('v2s1.manifest.json'), MediaType.DockerV2Schema1Signed)
    expect(m.serialize()).toEqual(fixture('v2s1.manifest.json'))
  })
})

describe('matchesDigest (TestMatchesDigest)', () => {
  it.each([
    ['v2s2.manifest.json', v2s2Digest, true],
    ['v2s1.manifest.json', v2s1Digest, true],
    ['v2s2.manifest.json', v2s1Digest, false],
    ['v2s1.manifest.json', v2s2Digest, false],
    ['v2s2.manifest.json', 'md5:2872f31c5c1f62a694fbd20c1e85257c', false],
    ['v2s2.manifest.json', v2s2Digest + 'abc', false],
    ['v2s2.manifest.json', v2s2Digest.slice(0, 20), false],
    ['v2s2.manifest.json', '', false]
  ])('%s vs %s → %s', (name, digest, result) => {
    expect(matchesDigest(fixture(name), digest)).toBe(result)
  })

  it('throws when a schema1 signature cannot be stripped, even for the raw sha256', () => {
    const m = fixture('v2s1-invalid-signatures.manifest.json')
    expect(() => matchesDigest(m, sha256Digest(m))).toThrow()
  })

  it('matches other algorithms', () => {
    const m = fixture('v2s2.manifest.json')
    expect(matchesDigest(m, digestWithAlgorithm(m, 'sha512'))).toBe(true)
  })
})

describe('parseDigest', () => {
  it('accepts go-digest algorithms with lowercase hex of the right length', () => {
    expect(parseDigest(v2s2Digest)).toEqual({ algorithm: 'sha256', hex: v2s2Digest.slice(7) })
    expect(parseDigest('sha384:' + 'a'.repeat(96)).algorithm).toBe('sha384')
    expect(parseDigest('sha512:' + '0'.repeat(128)).hex).toHaveLength(128)
  })

  it.each([
    'sha256:' + 'A'.repeat(64),
    'sha256:' + 'a'.repeat(63),
    'sha512:' + 'a'.repeat(64),
    'md5:2872f31c5c1f62a694fbd20c1e85257c',
    'sha256',
    ':abc',
    'sha256:',
    '',
    'sha256:' + 'g'.repeat(64)
  ])('refuses %j', d => {
    const e = thrown(() => parseDigest(d))
    expect(e.kind).toBe('invalid-digest')
    expect(e.message).toContain(JSON.stringify(d))
    expect(isValidDigest(d)).toBe(false)
  })
})
