import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from '@jest/globals'
import {
  DockerSchema1Manifest,
  GZIPPED_EMPTY_LAYER,
  GZIPPED_EMPTY_LAYER_DIGEST,
  MediaType,
  convertManifest,
  manifestDigest,
  parseImageManifest,
  sha256Digest,
  verifySchema1Signatures,
  type ImageManifest
} from '../../../src/manifest/index.js'
import { localFixture, thrown } from './helpers.js'

const parse = (bytes: Buffer, mimeType: string): ImageManifest => parseImageManifest(bytes, mimeType)

/** The signed bytes without their signatures: what libtrust signs and what the digest covers. */
function payloadOf(bytes: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, bytes.indexOf(',"signatures":')), Buffer.from('}')])
}

function withoutSignatures(bytes: Buffer): unknown {
  const doc = JSON.parse(bytes.toString()) as Record<string, unknown>
  delete doc.signatures
  return doc
}

const httpd = { name: 'library/httpd-copy', tag: 'latest' }

describe('schema2 → schema1 (containers/image convertToManifestSchema1)', () => {
  const s2 = (): ImageManifest => parse(localFixture('upstream/schema2.golden'), MediaType.DockerV2Schema2)
  const config = localFixture('upstream/schema2-config.golden')

  it('matches upstream schema2-to-schema1-by-docker.json (TestConvertToManifestSchema1), signatures aside', () => {
    const out = convertManifest(s2(), MediaType.DockerV2Schema1Signed, {
      configBytes: config,
      dockerReference: httpd
    })
    expect(out.manifest.mimeType).toBe(MediaType.DockerV2Schema1Signed)
    expect(out.configBytes).toBeUndefined()
    expect(withoutSignatures(out.manifest.serialize())).toEqual(
      withoutSignatures(localFixture('upstream/schema2-to-schema1-by-docker.golden'))
    )
    expect(out.extraBlobs).toEqual([
      { digest: GZIPPED_EMPTY_LAYER_DIGEST, size: GZIPPED_EMPTY_LAYER.length, bytes: GZIPPED_EMPTY_LAYER }
    ])
  })

  it('the empty layer blob is a gzipped 1024-byte empty tar with the digest upstream names', () => {
    expect(sha256Digest(GZIPPED_EMPTY_LAYER)).toBe(GZIPPED_EMPTY_LAYER_DIGEST)
    expect(gunzipSync(GZIPPED_EMPTY_LAYER)).toEqual(Buffer.alloc(1024))
  })

  it('reverse order, throwaway flags and the v1 ID chain, computed as upstream computes them', () => {
    const out = convertManifest(s2(), MediaType.DockerV2Schema1Signed, { configBytes: config })
    const doc = JSON.parse(out.manifest.serialize().toString()) as {
      name: string
      fsLayers: Array<{ blobSum: string }>
      history: Array<{ v1Compatibility: string }>
    }
    expect(doc.name).toBe('')
    const compat = doc.history.map(h => JSON.parse(h.v1Compatibility) as Record<string, unknown>)
    const cfg = JSON.parse(config.toString()) as {
      history: Array<{ empty_layer?: boolean; created_by: string }>
    }
    expect(compat).toHaveLength(cfg.history.length)
    // Newest first: the last history entry of the config is the first of the manifest.
    cfg.history.forEach((h, i) => {
      const c = compat[compat.length - 1 - i]
      expect(c.throwaway ?? false).toBe(h.empty_layer ?? false)
      if (i < cfg.history.length - 1)
        expect((c.container_config as { Cmd: string[] }).Cmd).toEqual([h.created_by])
      const blob = doc.fsLayers[compat.length - 1 - i].blobSum
      if (h.empty_layer) expect(blob).toBe(GZIPPED_EMPTY_LAYER_DIGEST)
      else expect(blob).not.toBe(GZIPPED_EMPTY_LAYER_DIGEST)
    })
    // IDs chain: each entry's parent is the next (older) one's ID; the base has none.
    compat.forEach((c, i) => {
      if (i === compat.length - 1) expect(c.parent).toBeUndefined()
      else expect(c.parent).toBe(compat[i + 1].id)
      const hex = doc.fsLayers[i].blobSum.slice('sha256:'.length)
      const parts = i === 0 ? [hex, c.parent, config.toString()] : [hex, c.parent ?? '']
      expect(c.id).toBe(createHash('sha256').update(parts.join(' ')).digest('hex'))
    })
    // The top entry carries the config's own fields, without rootfs and history.
    expect(compat[0]).toMatchObject({ architecture: 'amd64', os: 'linux' })
    expect(compat[0]).not.toHaveProperty('rootfs')
    expect(compat[0]).not.toHaveProperty('history')
  })

  it('is signed: our verifier accepts it, a changed payload fails, and the digest is the payload digest', () => {
    const bytes = convertManifest(s2(), MediaType.DockerV2Schema1Signed, {
      configBytes: config
    }).manifest.serialize()
    expect(verifySchema1Signatures(bytes)).toBe(1)
    const sig = (
      JSON.parse(bytes.toString()) as { signatures: Array<{ header: { alg: string; jwk: { crv: string } } }> }
    ).signatures[0]
    expect(sig.header.alg).toBe('ES256')
    expect(sig.header.jwk.crv).toBe('P-256')
    expect(manifestDigest(bytes)).toBe(sha256Digest(payloadOf(bytes)))
    const tampered = Buffer.from(bytes.toString().replace('"architecture":"amd64"', '"architecture":"arm64"'))
    expect(thrown(() => verifySchema1Signatures(tampered)).message).toContain('invalid signature')
    // The skopeo-signed golden (Go libtrust) verifies too.
    expect(verifySchema1Signatures(localFixture('skopeo/img2.s1.golden'))).toBe(1)
  })

  it('is byte for byte what skopeo wrote for the same image (img2: an empty layer between two)', () => {
    const m = parse(localFixture('skopeo/img2.v2s2.golden'), MediaType.DockerV2Schema2)
    const out = convertManifest(m, MediaType.DockerV2Schema1Signed, {
      configBytes: localFixture('skopeo/img2.v2s2-config.golden')
    })
    const bytes = out.manifest.serialize()
    expect(payloadOf(bytes).toString()).toBe(payloadOf(localFixture('skopeo/img2.s1.golden')).toString())
    expect(manifestDigest(bytes)).toBe(manifestDigest(localFixture('skopeo/img2.s1.golden')))
  })

  it('layer edits: applied after the conversion, with the empty layers in place (upstream expectations)', () => {
    const m = s2()
    const edits = m.layerInfos().map((l, i) => ({ digest: 'sha256:' + String(i).repeat(64), size: 1 }))
    const out = convertManifest(m, MediaType.DockerV2Schema1Signed, {
      configBytes: config,
      layerInfos: edits
    })
    const layers = out.manifest.layerInfos()
    expect(layers.filter(l => !l.emptyLayer).map(l => l.digest)).toEqual(edits.map(e => e.digest))
    expect(layers.filter(l => l.emptyLayer).every(l => l.digest === GZIPPED_EMPTY_LAYER_DIGEST)).toBe(true)
    expect(layers).toHaveLength(15)
    // The v1 IDs come from the layers before the edits, as upstream computes them.
    const ids = (mm: ImageManifest): unknown[] => (mm as DockerSchema1Manifest).compat.map(c => c.id)
    const unedited = convertManifest(m, MediaType.DockerV2Schema1Signed, { configBytes: config })
    expect(ids(out.manifest)).toEqual(ids(unedited.manifest))
    // From OCI too (through schema2).
    const oci = parse(localFixture('upstream/oci1.golden'), MediaType.OCIManifest)
    const ociConfig = localFixture('upstream/oci1-config.golden')
    const ociEdits = oci.layerInfos().map((l, i) => ({ digest: 'sha256:' + String(i).repeat(64), size: 1 }))
    const ociOut = convertManifest(oci, MediaType.DockerV2Schema1Signed, {
      configBytes: ociConfig,
      layerInfos: ociEdits
    })
    expect(
      ociOut.manifest
        .layerInfos()
        .filter(l => !l.emptyLayer)
        .map(l => l.digest)
    ).toEqual(ociEdits.map(e => e.digest))
    expect(ids(ociOut.manifest)).toEqual(
      ids(convertManifest(oci, MediaType.DockerV2Schema1Signed, { configBytes: ociConfig }).manifest)
    )
  })

  it('refuses a config with no history, and a history that needs more layers than the manifest has', () => {
    const noHistory = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } })
    )
    expect(
      thrown(() => convertManifest(s2(), MediaType.DockerV2Schema1Signed, { configBytes: noHistory })).message
    ).toContain('0 history entries')
    const tooMany = Buffer.from(
      JSON.stringify({ history: Array.from({ length: 6 }, () => ({ created_by: 'x' })) })
    )
    expect(
      thrown(() => convertManifest(s2(), MediaType.DockerV2Schema1Signed, { configBytes: tooMany })).message
    ).toContain('needs more than the 5 distributed layers')
    expect(thrown(() => convertManifest(s2(), MediaType.DockerV2Schema1Signed)).message).toContain('config')
  })
})

describe('OCI → schema1 (through schema2)', () => {
  it('matches upstream oci1-to-schema1.json (TestManifestOCI1ConvertToManifestSchema1), signatures aside', () => {
    const m = parse(localFixture('upstream/oci1.golden'), MediaType.OCIManifest)
    const out = convertManifest(m, MediaType.DockerV2Schema1Signed, {
      configBytes: localFixture('upstream/oci1-config.golden'),
      dockerReference: httpd
    })
    expect(withoutSignatures(out.manifest.serialize())).toEqual(
      withoutSignatures(localFixture('upstream/oci1-to-schema1.golden'))
    )
    expect(verifySchema1Signatures(out.manifest.serialize())).toBe(1)
  })

  it('refuses artifacts and zstd layers', () => {
    const m = parse(localFixture('upstream/oci1.golden'), MediaType.OCIManifest)
    const zstd = (m as unknown as { updateLayerInfos: (u: unknown[]) => ImageManifest }).updateLayerInfos(
      m.layerInfos().map(l => ({ ...l, mediaType: MediaType.OCILayerZstd }))
    )
    const e = thrown(() =>
      convertManifest(zstd, MediaType.DockerV2Schema1Signed, {
        configBytes: localFixture('upstream/oci1-config.golden')
      })
    )
    expect(e.kind).toBe('unsupported-conversion')
  })
})

describe('schema1 → schema1', () => {
  it('is unchanged (the original bytes) unless the embedded reference changes', () => {
    const golden = localFixture('skopeo/img2.s1.golden')
    const m = parse(golden, MediaType.DockerV2Schema1Signed) as DockerSchema1Manifest
    expect(convertManifest(m, MediaType.DockerV2Schema1Signed).manifest.serialize()).toEqual(golden)
  })
})
