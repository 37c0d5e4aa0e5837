import { describe, expect, it } from '@jest/globals'
import {
  MediaType,
  allManifestMimeTypes,
  guessMimeType,
  isListMimeType,
  listMimeTypeFor,
  normalizeMimeType,
  parseImageManifest,
  parseMimeTypeOption,
  supportedListMimeTypes
} from '../../../src/manifest/index.js'
import { fixture, thrown } from './helpers.js'

describe('media types', () => {
  it('normalizes as containers/image NormalizedMIMEType', () => {
    for (const t of [
      MediaType.DockerV2Schema1,
      MediaType.DockerV2Schema1Signed,
      MediaType.DockerV2Schema2,
      MediaType.DockerV2List,
      MediaType.OCIManifest,
      MediaType.OCIIndex
    ]) {
      expect(normalizeMimeType(t)).toBe(t)
    }
    for (const t of ['application/json', 'text/plain', 'not at all a valid MIME type', '']) {
      expect(normalizeMimeType(t)).toBe(MediaType.DockerV2Schema1Signed)
    }
  })

  it('lists types in containers/image order', () => {
    expect(allManifestMimeTypes).toEqual([
      MediaType.OCIManifest,
      MediaType.DockerV2Schema2,
      MediaType.DockerV2Schema1Signed,
      MediaType.DockerV2Schema1
    ])
    expect(supportedListMimeTypes).toEqual([MediaType.DockerV2List, MediaType.OCIIndex])
    expect(isListMimeType(MediaType.OCIIndex)).toBe(true)
    expect(isListMimeType(MediaType.OCIManifest)).toBe(false)
  })

  it('parses force-mime-type values', () => {
    expect(parseMimeTypeOption('oci')).toBe(MediaType.OCIManifest)
    expect(parseMimeTypeOption('v2s1')).toBe(MediaType.DockerV2Schema1Signed)
    expect(parseMimeTypeOption('v2s2')).toBe(MediaType.DockerV2Schema2)
    expect(parseMimeTypeOption(MediaType.DockerV2Schema1)).toBe(MediaType.DockerV2Schema1)
    const e = thrown(() => parseMimeTypeOption('docker'))
    expect(e.kind).toBe('unknown-media-type')
    expect(e.message).toContain('"docker"')
    expect(e.message).toContain('oci, v2s1, v2s2')
  })

  it('maps single types to their list type', () => {
    expect(listMimeTypeFor(MediaType.DockerV2Schema1)).toBe(MediaType.DockerV2List)
    expect(listMimeTypeFor(MediaType.DockerV2Schema1Signed)).toBe(MediaType.DockerV2List)
    expect(listMimeTypeFor(MediaType.DockerV2Schema2)).toBe(MediaType.DockerV2List)
    expect(listMimeTypeFor(MediaType.OCIManifest)).toBe(MediaType.OCIIndex)
    expect(thrown(() => listMimeTypeFor('text/plain')).kind).toBe('unknown-media-type')
  })
})

describe('guessing and parsing errors name what was wrong', () => {
  it('malformed JSON', () => {
    const e = thrown(() => guessMimeType(fixture('non-json.manifest.json')))
    expect(e.kind).toBe('malformed-json')
    expect(e.message).toContain('offset 0')
    expect(
      thrown(() => parseImageManifest(Buffer.from('{"schemaVersion":2,}'), MediaType.OCIManifest)).kind
    ).toBe('malformed-json')
  })

  it('a truncated manifest', () => {
    const bytes = fixture('v2s2.manifest.json')
    for (const cut of [1, 50, bytes.length - 2]) {
      const e = thrown(() => guessMimeType(bytes.subarray(0, cut)))
      expect(e.kind).toBe('truncated')
      expect(thrown(() => parseImageManifest(bytes.subarray(0, cut), MediaType.DockerV2Schema2)).kind).toBe(
        'truncated'
      )
    }
  })

  it('an unknown media type', () => {
    const e = thrown(() => guessMimeType(fixture('unknown-version.manifest.json')))
    expect(e.kind).toBe('unknown-media-type')
    expect(e.message).toContain('schemaVersion 99999')
    const declared = thrown(() => guessMimeType(Buffer.from('{"mediaType":"application/x-mine"}')))
    expect(declared.message).toContain('application/x-mine')
    expect(thrown(() => guessMimeType(Buffer.from('[1]'))).kind).toBe('unknown-media-type')
    expect(thrown(() => guessMimeType(Buffer.from('{"mediaType":5}'))).kind).toBe('unknown-media-type')
  })

  it('guesses lists without mediaType, artifacts, and the known upstream quirk', () => {
    expect(guessMimeType(Buffer.from('{"schemaVersion":2,"manifests":[{"digest":"x"}]}'))).toBe(
      MediaType.OCIIndex
    )
    expect(guessMimeType(Buffer.from('{"schemaVersion":2,"config":{"mediaType":"application/x-art"}}'))).toBe(
      MediaType.OCIManifest
    )
    expect(
      guessMimeType(
        Buffer.from('{"schemaVersion":2,"config":{"mediaType":"' + MediaType.DockerV2Schema2Config + '"}}')
      )
    ).toBe(MediaType.DockerV2Schema2)
    expect(guessMimeType(Buffer.from('{"schemaVersion":1,"signatures":[]}'))).toBe(
      MediaType.DockerV2Schema1Signed
    )
    expect(guessMimeType(Buffer.from('{"schemaVersion":1,"signatures":null}'))).toBe(
      MediaType.DockerV2Schema1
    )
    expect(guessMimeType(Buffer.from('{"SchemaVersion":1,"MediaType":"' + MediaType.OCIIndex + '"}'))).toBe(
      MediaType.OCIIndex
    )
  })

  it('a field of the wrong type', () => {
    const bad = Buffer.from(
      fixture('v2s2.manifest.json').toString().replace('"size": 7023', '"size": "7023"')
    )
    const e = thrown(() => parseImageManifest(bad, MediaType.DockerV2Schema2))
    expect(e.kind).toBe('invalid-field')
    expect(e.message).toContain('config.size')
    const badLayer = Buffer.from(
      fixture('v2s2.manifest.json').toString().replace(MediaType.DockerV2Schema2Layer, 'application/x-foo')
    )
    expect(thrown(() => parseImageManifest(badLayer, MediaType.DockerV2Schema2)).message).toContain(
      'application/x-foo'
    )
  })
})
