// The pure parts of referrers: the fallback tag, what a referrers list holds for a manifest, merging
// into a fallback index without losing anything, and refusing hostile descriptors.
import { describe, expect, it } from '@jest/globals'
import {
  fallbackTag,
  manifestLinks,
  matchesArtifactTypes,
  mergeReferrersIndex,
  parseReferrersIndex,
  referrerDescriptor
} from '../../../src/manifest/index.js'
import { nextPage } from '../../../src/registry/referrers.js'

const hex = 'a'.repeat(64)
const digest = `sha256:${hex}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

const sbom = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: 'application/spdx+json',
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: `sha256:${'4'.repeat(64)}`, size: 2 },
    layers: [{ mediaType: 'application/spdx+json', digest: `sha256:${'b'.repeat(64)}`, size: 10 }],
    subject: { mediaType: OCI_INDEX, digest, size: 700 },
    annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' }
  })
)

describe('referrers', () => {
  it('the fallback tag is <alg>-<hex> (distribution-spec referrers tag schema)', () => {
    expect(fallbackTag(digest)).toBe(`sha256-${hex}`)
    expect(() => fallbackTag('sha256:../../etc')).toThrow()
  })

  it('a referrer descriptor carries artifactType (else the config media type) and the annotations', () => {
    expect(referrerDescriptor(sbom, OCI_MANIFEST, `sha256:${'c'.repeat(64)}`)).toEqual({
      mediaType: OCI_MANIFEST,
      digest: `sha256:${'c'.repeat(64)}`,
      size: sbom.length,
      artifactType: 'application/spdx+json',
      annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' }
    })
    const noType = JSON.parse(sbom.toString()) as Record<string, unknown>
    delete noType.artifactType
    expect(referrerDescriptor(Buffer.from(JSON.stringify(noType)), OCI_MANIFEST, digest).artifactType).toBe(
      'application/vnd.oci.empty.v1+json'
    )
    expect(manifestLinks(sbom, OCI_MANIFEST).subject).toBe(digest)
    expect(manifestLinks(sbom, OCI_MANIFEST).blobs.map(b => b.size)).toEqual([2, 10])
  })

  it('merging keeps every entry, field and annotation already in the index, and adds nothing twice', () => {
    const existing = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [{ mediaType: OCI_MANIFEST, digest: `sha256:${'d'.repeat(64)}`, size: 5, x: 'kept' }],
        annotations: { owner: 'someone else' }
      })
    )
    const desc = { mediaType: OCI_MANIFEST, digest: `sha256:${'e'.repeat(64)}`, size: 9, artifactType: 't/x' }
    const merged = JSON.parse(mergeReferrersIndex(existing, desc)!.toString()) as Record<string, unknown>
    expect(merged).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ mediaType: OCI_MANIFEST, digest: `sha256:${'d'.repeat(64)}`, size: 5, x: 'kept' }, desc],
      annotations: { owner: 'someone else' }
    })
    expect(mergeReferrersIndex(Buffer.from(JSON.stringify(merged)), desc)).toBeUndefined()
    expect(JSON.parse(mergeReferrersIndex(undefined, desc)!.toString())).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [desc]
    })
  })

  it('hostile lists are refused: a bad digest, a negative size, a non-index, a non-string annotation', () => {
    const index = (manifests: unknown[], mediaType = OCI_INDEX) =>
      Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }))
    expect(() => parseReferrersIndex(index([{ digest: 'sha256:../x', size: 1 }]))).toThrow(/digest/)
    expect(() => parseReferrersIndex(index([{ digest, size: -1 }]))).toThrow(/size/)
    expect(() => parseReferrersIndex(index([], OCI_MANIFEST))).toThrow(/not an OCI index/)
    expect(() => parseReferrersIndex(index([{ digest, size: 1, annotations: { a: 1 } }]))).toThrow(
      /string map/
    )
    expect(() =>
      manifestLinks(
        Buffer.from('{"schemaVersion":1}'),
        'application/vnd.docker.distribution.manifest.v1+json'
      )
    ).toThrow(/cannot be copied as a referrer/)
  })

  it('an artifact type filter passes only the types named', () => {
    expect(matchesArtifactTypes({ mediaType: '', digest, size: 1, artifactType: 'a/b' }, [])).toBe(true)
    expect(matchesArtifactTypes({ mediaType: '', digest, size: 1, artifactType: 'a/b' }, ['a/b'])).toBe(true)
    expect(matchesArtifactTypes({ mediaType: '', digest, size: 1 }, ['a/b'])).toBe(false)
  })

  it('Link pagination: the next page on the same registry is followed, another host is refused', () => {
    const here = new URL('https://r.example/v2/app/referrers/x')
    expect(nextPage('</v2/app/referrers/x?page=2>; rel="next"', here)?.href).toBe(
      'https://r.example/v2/app/referrers/x?page=2'
    )
    expect(nextPage('<https://r.example/a>; rel="prev"', here)).toBeUndefined()
    expect(nextPage(undefined, here)).toBeUndefined()
    expect(() => nextPage('<https://evil.example/v2/x>; rel="next"', here)).toThrow(/another host/)
  })
})
