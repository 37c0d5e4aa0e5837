// Every manifest fixture from containers/image: its type guessed, parsed, digested, and re-serialized.
import { describe, expect, it } from '@jest/globals'
import {
  MediaType,
  guessMimeType,
  guessMimeTypeOrEmpty,
  isListMimeType,
  manifestDigest,
  parseImageManifest,
  parseList,
  sha256Digest,
  type ImageManifest,
  type ManifestList
} from '../../../src/manifest/index.js'
import { fixture, fixtureNames, localFixture, thrown } from './helpers.js'

const OCI = MediaType.OCIManifest
const INDEX = MediaType.OCIIndex
const LIST = MediaType.DockerV2List
const S2 = MediaType.DockerV2Schema2
const S1 = MediaType.DockerV2Schema1
const S1S = MediaType.DockerV2Schema1Signed

/** name → guessed type, or the error kind of guessMimeType. */
const expectedGuess: Record<string, string> = {
  'non-json.manifest.json': 'malformed-json',
  'oci1.index.everything.json': INDEX,
  'oci1.index.zstd-selection.json': INDEX,
  'oci1.index.zstd-selection2.json': INDEX,
  'oci1index.json': INDEX,
  'ocilist-variants.json': INDEX,
  'ociv1.artifact.json': OCI,
  'ociv1.encrypted.manifest.json': OCI,
  'ociv1.everything.json': OCI,
  'ociv1.image.index.json': INDEX,
  'ociv1.manifest.json': OCI,
  'ociv1.nondistributable.manifest.json': OCI,
  'ociv1.uncompressed.manifest.json': OCI,
  'ociv1.zstd.manifest.json': OCI,
  'ociv1nomime.artifact.json': OCI,
  'ociv1nomime.image.index.json': INDEX,
  'ociv1nomime.manifest.json': OCI,
  // A git symlink stored as a file: its content is a path, not JSON.
  'schema2-to-schema1-by-docker.json': 'malformed-json',
  'schema2list-variants.json': LIST,
  'schema2list.json': LIST,
  'unknown-version.manifest.json': 'unknown-media-type',
  'v2list.everything.json': LIST,
  'v2list.manifest.json': LIST,
  'v2s1-invalid-signatures.manifest.json': S1S,
  'v2s1-unsigned.manifest.json': S1,
  'v2s1.everything.json': S1,
  'v2s1.manifest.json': S1S,
  'v2s2.everything.json': S2,
  'v2s2.manifest.json': S2,
  'v2s2.nondistributable.manifest.json': S2,
  'v2s2.uncompressed.manifest.json': S2,
  'v2s2nomime.manifest.json': S2
}

/** Fixtures containers/image refuses to parse as their guessed type, and why. */
const parseFailures: Record<string, string> = {
  'v2s1-invalid-signatures.manifest.json': 'no FSLayers in manifest',
  // Guessed as v2s2, but Schema2FromManifest requires a known mediaType.
  'v2s2nomime.manifest.json': 'unsupported docker v2s2 media type: ""'
}

/** Manifest digests (sha256 of the bytes, or of the schema1 payload). */
const expectedDigest: Record<string, string> = {
  'v2s2.manifest.json': 'sha256:20bf21ed457b390829cdbeec8795a7bea1626991fda603e0d01b4e7f60427e55',
  'v2s1.manifest.json': 'sha256:7364fea9d84ee548ab67d4c46c6006289800c98de3fbf8c0a97138dfcc23f000',
  'v2s1-unsigned.manifest.json': 'sha256:7364fea9d84ee548ab67d4c46c6006289800c98de3fbf8c0a97138dfcc23f000'
}

function parseAny(bytes: Buffer, mimeType: string): ImageManifest | ManifestList {
  return isListMimeType(mimeType) ? parseList(bytes, mimeType) : parseImageManifest(bytes, mimeType)
}

describe('containers/image manifest fixtures', () => {
  it('the table covers every fixture', () => {
    expect(fixtureNames()).toEqual(Object.keys(expectedGuess).sort())
  })

  describe.each(fixtureNames())('%s', name => {
    const bytes = fixture(name)
    const expected = expectedGuess[name]

    it('has its type guessed', () => {
      if (expected.includes('/')) {
        expect(guessMimeType(bytes)).toBe(expected)
      } else {
        expect(thrown(() => guessMimeType(bytes)).kind).toBe(expected)
        expect(guessMimeTypeOrEmpty(bytes)).toBe('')
      }
    })

    it('is digested', () => {
      if (name === 'v2s1-invalid-signatures.manifest.json') {
        expect(thrown(() => manifestDigest(bytes)).kind).toBe('invalid-field')
        return
      }
      const digest = manifestDigest(bytes)
      expect(digest).toBe(expectedDigest[name] ?? (expected === S1S ? digest : sha256Digest(bytes)))
      if (expected === S1S) expect(digest).not.toBe(sha256Digest(bytes))
    })

    if (expected.includes('/')) {
      it('is parsed (or refused as containers/image refuses it) and re-serialized canonically', () => {
        if (parseFailures[name]) {
          const e = thrown(() => parseAny(bytes, expected))
          expect(e.kind).toBe('invalid-field')
          expect(e.message).toContain(parseFailures[name])
          return
        }
        const parsed = parseAny(bytes, expected)
        expect(parsed.mimeType).toBe(expected)
        const once = parsed.serialize()
        // Serializing what we serialized gives the same bytes: our output is in Go's canonical form.
        expect(parseAny(once, expected).serialize()).toEqual(once)
        if (expected === S1 || expected === S1S) expect(once).toEqual(bytes) // unchanged schema1 keeps its bytes
      })
    }
  })
})

describe('structure kept by a parse/serialize round trip', () => {
  const same = (name: string): void => {
    const bytes = fixture(name)
    const type = guessMimeType(bytes)
    expect(JSON.parse(parseAny(bytes, type).serialize().toString())).toEqual(JSON.parse(bytes.toString()))
  }

  it.each([
    'oci1.index.everything.json',
    'oci1.index.zstd-selection.json',
    'oci1.index.zstd-selection2.json',
    'oci1index.json',
    'ocilist-variants.json',
    'ociv1.artifact.json',
    'ociv1.encrypted.manifest.json',
    'ociv1.everything.json',
    'ociv1.image.index.json',
    'ociv1.manifest.json',
    'ociv1.nondistributable.manifest.json',
    'ociv1.uncompressed.manifest.json',
    'ociv1.zstd.manifest.json',
    'ociv1nomime.artifact.json',
    'ociv1nomime.manifest.json',
    'schema2list-variants.json',
    'schema2list.json',
    'v2list.everything.json',
    'v2list.manifest.json',
    'v2s2.everything.json',
    'v2s2.manifest.json',
    'v2s2.uncompressed.manifest.json'
  ])('%s: every field kept', same)

  it('schema2 has no annotations field: Go drops them', () => {
    const bytes = fixture('v2s2.nondistributable.manifest.json')
    const { annotations, ...rest } = JSON.parse(bytes.toString())
    expect(annotations).toBeDefined()
    expect(JSON.parse(parseImageManifest(bytes, S2).serialize().toString())).toEqual(rest)
  })

  it('an OCI index without mediaType gets it, as Go decodes onto a default', () => {
    const bytes = fixture('ociv1nomime.image.index.json')
    const out = JSON.parse(parseList(bytes, INDEX).serialize().toString())
    expect(out).toEqual({ ...JSON.parse(bytes.toString()), mediaType: INDEX })
    expect(Object.keys(out)).toEqual(['schemaVersion', 'mediaType', 'manifests', 'annotations'])
  })

  it('an OCI manifest without mediaType stays without one', () => {
    const out = parseImageManifest(fixture('ociv1nomime.manifest.json'), OCI).serialize().toString()
    expect(out.startsWith('{"schemaVersion":2,"config":')).toBe(true)
  })

  it('unknown fields are dropped, as Go drops them', () => {
    const withExtra = Buffer.from(
      fixture('v2s2.manifest.json')
        .toString()
        .replace('"schemaVersion": 2,', '"schemaVersion": 2, "extra": {"a": 1},')
    )
    expect(parseImageManifest(withExtra, S2).serialize()).toEqual(
      parseImageManifest(fixture('v2s2.manifest.json'), S2).serialize()
    )
  })
})

describe('canonical (Go-written) manifests round-trip byte for byte', () => {
  it.each([
    'img1.oci.golden',
    'img1.oci-v2s2.golden',
    'img2.oci.golden',
    'img2.oci-v2s2.golden',
    'img2.s1.golden',
    'img2.s1-v2s2.golden',
    'img2.s1-oci.golden',
    'list.oci.golden',
    'list.oci-docker.golden',
    'index2.docker.golden'
  ])('skopeo/%s', name => {
    const bytes = localFixture(`skopeo/${name}`)
    expect(parseAny(bytes, guessMimeType(bytes)).serialize().toString()).toBe(bytes.toString())
  })

  it('a hand-built canonical OCI index with every field', () => {
    const canonical =
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","artifactType":"application/x-a",' +
      '"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:' +
      'a'.repeat(64) +
      '","size":9007199254740992,"urls":["https://x.example/\\u003cm\\u003e"],"annotations":{"a":"1","b":"\\u0026"},' +
      '"data":"e30=","platform":{"architecture":"arm","os":"linux","os.version":"1","os.features":["f"],"variant":"v7"},' +
      '"artifactType":"application/x-b"}],"subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:' +
      'b'.repeat(64) +
      '","size":2},"annotations":{"k":"v"}}'
    const list = parseList(Buffer.from(canonical), INDEX)
    expect(list.serialize().toString()).toBe(canonical)
    expect(list.instances()[0].data).toEqual(Buffer.from('{}'))
    expect(list.instances()[0].size).toBe(2 ** 53)
  })

  it('a hand-built canonical Docker list and schema2 manifest', () => {
    const listText =
      '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":[' +
      '{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":1,"digest":"sha256:' +
      'c'.repeat(64) +
      '","urls":["u"],"platform":{"architecture":"a","os":"b","os.version":"c","os.features":["d"],"variant":"e","features":["f"]}}]}'
    expect(parseList(Buffer.from(listText), LIST).serialize().toString()).toBe(listText)
    const s2 =
      '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":' +
      '"application/vnd.docker.container.image.v1+json","size":3,"digest":"sha256:' +
      'd'.repeat(64) +
      '"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","size":4,"digest":"sha256:' +
      'e'.repeat(64) +
      '","urls":["https://a.example/l"]}]}'
    expect(parseImageManifest(Buffer.from(s2), S2).serialize().toString()).toBe(s2)
  })
})
