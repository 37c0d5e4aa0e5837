import { describe, expect, it } from '@jest/globals'
import {
  DockerSchema1Manifest,
  DockerSchema2Manifest,
  MediaType,
  OciManifest,
  convertManifest,
  dockerConfigToOci,
  manifestDigest,
  parseImageManifest,
  sha256Digest,
  type ImageManifest
} from '../../../src/manifest/index.js'
import { fixture, localFixture, thrown } from './helpers.js'

const l1 = { digest: 'sha256:872bfbc974240fa57fbaf9fef6517d9edf7f6b3b5dcca9f66c3317ddbef573ac', size: 120 }
const l2 = { digest: 'sha256:0fe3679b009eaac5f6833b8f96e1e58e0f8958851da88f0a5c87f99b2477e646', size: 119 }
const emptyGzip = {
  digest: 'sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4',
  size: 32
}
const l1DiffID = 'sha256:e2be2aa1fe7e9aa53fc8cbe10277c0b00e12dc010ba968df16b9cb6ae65d7646'
const l2DiffID = 'sha256:e4c5b085bb6dcc98d6c64fc1f74c655a3009be04a4e3b8479682f4009c24dab7'
const emptyTarDiffID = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef'

function parse(bytes: Buffer, mimeType: string): ImageManifest {
  return parseImageManifest(bytes, mimeType)
}

describe('schema2 → OCI, byte for byte as skopeo', () => {
  it.each(['img1', 'img2'])('%s: manifest and re-marshalled config', img => {
    const m = parse(localFixture(`skopeo/${img}.v2s2.golden`), MediaType.DockerV2Schema2)
    const out = convertManifest(m, MediaType.OCIManifest, {
      configBytes: localFixture(`skopeo/${img}.v2s2-config.golden`)
    })
    expect(out.manifest.mimeType).toBe(MediaType.OCIManifest)
    expect(out.configBytes!.toString()).toBe(localFixture(`skopeo/${img}.oci-config.golden`).toString())
    expect(out.manifest.serialize().toString()).toBe(localFixture(`skopeo/${img}.oci.golden`).toString())
  })

  it('OCI → schema2 keeps the config blob and maps media types', () => {
    for (const img of ['img1', 'img2']) {
      const m = parse(localFixture(`skopeo/${img}.oci.golden`), MediaType.OCIManifest)
      const out = convertManifest(m, MediaType.DockerV2Schema2)
      expect(out.configBytes).toBeUndefined()
      expect(out.manifest.serialize().toString()).toBe(
        localFixture(`skopeo/${img}.oci-v2s2.golden`).toString()
      )
      expect(out.manifest.configDescriptor()!.digest).toBe(m.configDescriptor()!.digest)
    }
  })

  it('the re-marshalled config has the structure of containers/image schema2-to-oci1-config.json', () => {
    const oci = dockerConfigToOci(localFixture('upstream/schema2-config.golden'))
    expect(JSON.parse(oci.toString())).toEqual(
      JSON.parse(localFixture('upstream/schema2-to-oci1-config.golden').toString())
    )
    // Re-marshalling an OCI config is a fixed point.
    expect(dockerConfigToOci(oci)).toEqual(oci)
  })

  it('refuses a config that Go cannot decode into v1.Image, naming the field', () => {
    const m = parse(localFixture('skopeo/img1.v2s2.golden'), MediaType.DockerV2Schema2)
    const e = thrown(() =>
      convertManifest(m, MediaType.OCIManifest, { configBytes: Buffer.from('{"created":"yesterday"}') })
    )
    expect(e.kind).toBe('invalid-field')
    expect(e.message).toContain('created')
    expect(
      thrown(() => convertManifest(m, MediaType.OCIManifest, { configBytes: Buffer.from('{"os":1}') }))
        .message
    ).toContain('os')
    expect(thrown(() => convertManifest(m, MediaType.OCIManifest)).kind).toBe('unsupported-conversion')
  })
})

describe('schema2 → OCI → schema2 on containers/image fixtures', () => {
  const config = localFixture('upstream/schema2-config.golden')

  it.each([
    ['v2s2.manifest.json', [MediaType.OCILayerGzip]],
    ['v2s2.uncompressed.manifest.json', [MediaType.OCILayer]],
    ['v2s2.nondistributable.manifest.json', [MediaType.OCILayerNonDistributable]],
    ['v2s2.everything.json', null]
  ])('%s', (name, ociLayerTypes) => {
    const s2 = parse(fixture(name), MediaType.DockerV2Schema2)
    const oci = convertManifest(s2, MediaType.OCIManifest, { configBytes: config })
    const ociLayers = oci.manifest.layerInfos()
    if (ociLayerTypes) expect([...new Set(ociLayers.map(l => l.mediaType))]).toEqual(ociLayerTypes)
    expect(ociLayers.map(l => [l.digest, l.size, l.urls])).toEqual(
      s2.layerInfos().map(l => [l.digest, l.size, l.urls])
    )
    expect(oci.manifest.configDescriptor()).toEqual({
      mediaType: MediaType.OCIConfig,
      digest: sha256Digest(oci.configBytes!),
      size: oci.configBytes!.length
    })
    const back = convertManifest(oci.manifest, MediaType.DockerV2Schema2)
    expect(back.manifest.layerInfos()).toEqual(s2.layerInfos())
    expect(back.manifest.configDescriptor()).toEqual({
      ...oci.manifest.configDescriptor(),
      mediaType: MediaType.DockerV2Schema2Config
    })
  })

  it('OCI fixtures to schema2: zstd, encrypted and artifacts are refused with a clear error', () => {
    const zstd = thrown(() =>
      convertManifest(
        parse(fixture('ociv1.zstd.manifest.json'), MediaType.OCIManifest),
        MediaType.DockerV2Schema2
      )
    )
    expect(zstd.kind).toBe('unsupported-conversion')
    expect(zstd.message).toContain('zstd')
    const enc = thrown(() =>
      convertManifest(
        parse(fixture('ociv1.encrypted.manifest.json'), MediaType.OCIManifest),
        MediaType.DockerV2Schema2
      )
    )
    expect(enc.kind).toBe('unsupported-conversion')
    expect(enc.message).toContain('encrypted')
    const artifact = parse(fixture('ociv1.artifact.json'), MediaType.OCIManifest)
    expect(artifact.isImage()).toBe(false)
    const art = thrown(() => convertManifest(artifact, MediaType.DockerV2Schema2))
    expect(art.kind).toBe('unsupported-conversion')
    expect(art.message).toContain('application/vnd.oci.custom.artifact.config.v1+json')
  })

  it('OCI non-distributable layers become foreign layers', () => {
    const out = convertManifest(
      parse(fixture('ociv1.nondistributable.manifest.json'), MediaType.OCIManifest),
      MediaType.DockerV2Schema2
    )
    expect(out.manifest.layerInfos().map(l => l.mediaType)).toEqual([MediaType.DockerV2Schema2ForeignLayer])
  })

  it('zstd layers recompressed to gzip during the copy can go to schema2 (OCI-only edits first)', () => {
    const m = parse(fixture('ociv1.zstd.manifest.json'), MediaType.OCIManifest)
    const edits = m.layerInfos().map((l, i) => ({
      digest: 'sha256:' + String(i).repeat(64),
      size: 10 + i,
      compression: { operation: 'compress' as const, algorithm: 'gzip' as const }
    }))
    const out = convertManifest(m, MediaType.DockerV2Schema2, { layerInfos: edits })
    expect(out.manifest.layerInfos().map(l => [l.mediaType, l.digest, l.size])).toEqual(
      edits.map(e => [MediaType.DockerV2Schema2Layer, e.digest, e.size])
    )
  })

  it('to schema1 needs the config (schema1-writing.test.ts has the rest), and same type is unchanged', () => {
    const s2 = parse(fixture('v2s2.manifest.json'), MediaType.DockerV2Schema2)
    const e = thrown(() => convertManifest(s2, MediaType.DockerV2Schema1Signed))
    expect(e.kind).toBe('unsupported-conversion')
    expect(e.message).toContain('needs the image config')
    expect(convertManifest(s2, MediaType.DockerV2Schema2).manifest).toBe(s2)
    expect(thrown(() => convertManifest(s2, 'text/plain')).kind).toBe('unsupported-conversion')
  })
})

describe('schema1 → schema2 / OCI', () => {
  const s1 = (): DockerSchema1Manifest =>
    parse(localFixture('skopeo/img2.s1.golden'), MediaType.DockerV2Schema1Signed) as DockerSchema1Manifest
  const ctx = {
    diffIDs: [l1DiffID, emptyTarDiffID, l2DiffID],
    layerInfos: [l1, emptyGzip, l2]
  }

  it('reads layers base first, with throwaway layers marked', () => {
    expect(s1().layerInfos()).toEqual([
      { mediaType: '', digest: l1.digest, size: -1, emptyLayer: false },
      { mediaType: '', digest: emptyGzip.digest, size: -1, emptyLayer: true },
      { mediaType: '', digest: l2.digest, size: -1, emptyLayer: false }
    ])
    expect(s1().configDescriptor()).toBeUndefined()
  })

  it('builds the config and manifest exactly as skopeo did', () => {
    const out = convertManifest(s1(), MediaType.DockerV2Schema2, ctx)
    expect(out.configBytes!.toString()).toBe(localFixture('skopeo/img2.s1-v2s2-config.golden').toString())
    expect(out.manifest.serialize().toString()).toBe(localFixture('skopeo/img2.s1-v2s2.golden').toString())
  })

  it('goes to OCI through schema2, exactly as skopeo did', () => {
    const out = convertManifest(s1(), MediaType.OCIManifest, ctx)
    expect(out.configBytes!.toString()).toBe(localFixture('skopeo/img2.s1-oci-config.golden').toString())
    expect(out.manifest.serialize().toString()).toBe(localFixture('skopeo/img2.s1-oci.golden').toString())
  })

  it('matches containers/image schema1-to-schema2-config.json (TestManifestSchema1ConvertToSchema2)', () => {
    const m = parse(localFixture('upstream/schema1.golden'), MediaType.DockerV2Schema1Signed)
    const diffIDs = [
      'sha256:e1d829eddb62dc49f1c56dbf8acd0c71299b3996115399de853a9d66d81b822f',
      'sha256:02404b4d7e5d89b1383ca346b4462b199128aa4b238c5a2b2c186004ac148ba8',
      'sha256:45fad80a4b1cec165c421eb570dec312d825bd8fac362e255028fa3f2169148d',
      'sha256:7ddef8efd44586e54880ec4797458eac87b368544c438d7e7c63fbc0d9a7ae97',
      'sha256:b56b16b6407ba1b86252e7e50f98f142cf6844fab42e4495d56ebb7ce559e2af',
      'sha256:9bd63850e406167b4751f5050f6dc0ebd789bb5ef5e5c6c31ed062bda8c063e8'
    ]
    const sizes = [74876245, 1239, 78339724, 76857203, 25923380, 23511300]
    const layerInfos = m.layerInfos().map((l, i) => ({ digest: l.digest, size: sizes[i] }))
    const out = convertManifest(m, MediaType.DockerV2Schema2, { diffIDs, layerInfos })
    expect(JSON.parse(out.configBytes!.toString())).toEqual(
      JSON.parse(localFixture('upstream/schema1-to-schema2-config.golden').toString())
    )
    expect(out.manifest.layerInfos().map(l => l.size)).toEqual(sizes)
  })

  it('needs DiffIDs and layer sizes', () => {
    expect(
      thrown(() => convertManifest(s1(), MediaType.DockerV2Schema2, { layerInfos: ctx.layerInfos })).message
    ).toContain('DiffIDs')
    expect(
      thrown(() => convertManifest(s1(), MediaType.DockerV2Schema2, { diffIDs: ctx.diffIDs })).message
    ).toContain('sizes')
    expect(
      thrown(() => convertManifest(s1(), MediaType.DockerV2Schema2, { ...ctx, diffIDs: [l1DiffID] })).kind
    ).toBe('invalid-field')
  })

  it('the upstream schema1 fixture with many throwaway layers', () => {
    const m = parse(
      localFixture('upstream/schema2-to-schema1-by-docker.golden'),
      MediaType.DockerV2Schema1Signed
    )
    const layers = m.layerInfos()
    expect(layers.filter(l => !l.emptyLayer)).toHaveLength(5)
    const out = convertManifest(m, MediaType.DockerV2Schema2, {
      diffIDs: layers.map((_, i) => 'sha256:' + (i % 10).toString().repeat(64)),
      layerInfos: layers.map(l => ({ digest: l.digest, size: 7 }))
    })
    expect(out.manifest.layerInfos().map(l => l.digest)).toEqual(
      layers.filter(l => !l.emptyLayer).map(l => l.digest)
    )
    const config = JSON.parse(out.configBytes!.toString())
    expect(config.history).toHaveLength(layers.length)
    expect(config.rootfs.diff_ids).toHaveLength(5)
  })

  it('schema1 ↔ schema1 is a no-op', () => {
    const m = s1()
    expect(convertManifest(m, MediaType.DockerV2Schema1).manifest).toBe(m)
  })
})

describe('updateLayerInfos', () => {
  it('schema2: media type follows the compression change; URLs replaced', () => {
    const m = parse(
      fixture('v2s2.uncompressed.manifest.json'),
      MediaType.DockerV2Schema2
    ) as DockerSchema2Manifest
    const n = m.layerInfos().length
    const compressed = m.updateLayerInfos(
      m
        .layerInfos()
        .map(l => ({ digest: l.digest, size: 1, compression: { operation: 'compress', algorithm: 'gzip' } }))
    )
    expect(compressed.layerInfos().map(l => l.mediaType)).toEqual(
      Array(n).fill(MediaType.DockerV2Schema2Layer)
    )
    const e = thrown(() =>
      m.updateLayerInfos(
        m.layerInfos().map(l => ({
          digest: l.digest,
          size: 1,
          compression: { operation: 'compress', algorithm: 'zstd' }
        }))
      )
    )
    expect(e.kind).toBe('unsupported-conversion')
    expect(e.message).toContain('zstd compression is not supported')
    expect(thrown(() => m.updateLayerInfos([])).message).toContain('layer count changed')
    expect(m.layerInfos().map(l => l.size)).not.toContain(1) // the original is unchanged
  })

  it('OCI: zstd allowed; decompress; annotations replaced', () => {
    const m = parse(fixture('ociv1.manifest.json'), MediaType.OCIManifest) as OciManifest
    const zstd = m.updateLayerInfos(
      m.layerInfos().map(l => ({
        digest: l.digest,
        size: l.size,
        annotations: { a: 'b' },
        compression: { operation: 'compress', algorithm: 'zstd:chunked' }
      }))
    )
    expect(
      zstd.layerInfos().every(l => l.mediaType === MediaType.OCILayerZstd && l.annotations?.a === 'b')
    ).toBe(true)
    const plain = zstd.updateLayerInfos(
      zstd
        .layerInfos()
        .map(l => ({ digest: l.digest, size: l.size, compression: { operation: 'decompress' } }))
    )
    expect(
      plain.layerInfos().every(l => l.mediaType === MediaType.OCILayer && l.annotations === undefined)
    ).toBe(true)
  })

  it('schema1: digests replaced in reverse order; a changed schema1 is re-signed, its digest the payload digest', () => {
    const m = parse(
      localFixture('skopeo/img2.s1.golden'),
      MediaType.DockerV2Schema1Signed
    ) as DockerSchema1Manifest
    const infos = m
      .layerInfos()
      .map((l, i) => ({ digest: i === 0 ? 'sha256:' + 'f'.repeat(64) : l.digest, size: 1 }))
    const updated = m.updateLayerInfos(infos)
    expect(updated.layerInfos()[0].digest).toBe('sha256:' + 'f'.repeat(64))
    const bytes = updated.serialize()
    const reparsed = parse(bytes, MediaType.DockerV2Schema1Signed)
    expect(reparsed.layerInfos().map(l => l.digest)).toEqual(infos.map(i => i.digest))
    const payload = Buffer.concat([bytes.subarray(0, bytes.indexOf(',"signatures":')), Buffer.from('}')])
    expect(manifestDigest(bytes)).toBe(sha256Digest(payload))
    expect(manifestDigest(updated.serialize())).toBe(manifestDigest(bytes)) // a new key each time, same digest
    const renamed = m.withEmbeddedReference('acme/app', '1.0')
    expect(JSON.parse(renamed.serialize().toString())).toMatchObject({ name: 'acme/app', tag: '1.0' })
  })
})
