// Writing Docker schema1 (force-mime-type: v2s1, and as the last fallback) to a distribution registry
// that accepts it (`compatibility: schema1: enabled: true`), read back and cross-checked with skopeo.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import {
  GZIPPED_EMPTY_LAYER_DIGEST,
  MediaType,
  manifestDigest,
  verifySchema1Signatures
} from '../../../src/manifest/index.js'
import { configureRegistry, type RegistrySettings } from '../../../src/registry/settings.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { exampleLayout, ociRefDigest, removeTempDirs, sha256, skopeo, tempDir } from '../../harness/local.js'
import { describeWithPrograms, findProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const V2S1 = MediaType.DockerV2Schema1Signed
const amd64 = { os: 'linux', architecture: 'amd64' }

interface Schema1Doc {
  name: string
  tag: string
  fsLayers: Array<{ blobSum: string }>
  history: Array<{ v1Compatibility: string }>
  schemaVersion: number
}

/**
 * A v2s2 `dir:` image whose config history has empty layers (an ENV between the two layers, a CMD
 * on top), made from the example's amd64 image: schema1 then needs throwaway entries and the
 * gzipped empty layer.
 */
async function imageWithEmptyLayers(sk: (...args: string[]) => Promise<string>): Promise<string> {
  const dir = path.join(await tempDir(), 'v2s2')
  await sk(
    '--override-os',
    'linux',
    '--override-arch',
    'amd64',
    'copy',
    '--format',
    'v2s2',
    `oci:${exampleLayout}:1.0`,
    `dir:${dir}`
  )
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))
  const configPath = path.join(dir, manifest.config.digest.slice('sha256:'.length))
  const config = JSON.parse(await readFile(configPath, 'utf8'))
  config.history = [
    { created: '2026-01-01T00:00:00Z', created_by: 'ADD base /' },
    {
      created: '2026-01-01T00:00:01Z',
      created_by: 'ENV A=1',
      empty_layer: true,
      comment: 'an <empty> layer'
    },
    { created: '2026-01-01T00:00:02Z', created_by: 'ADD top /', author: 'me' },
    { created: '2026-01-01T00:00:03Z', created_by: 'CMD ["/bin/sh"]', empty_layer: true }
  ]
  const bytes = Buffer.from(JSON.stringify(config))
  const digest = sha256(bytes)
  await writeFile(path.join(dir, digest.slice('sha256:'.length)), bytes)
  manifest.config = { ...manifest.config, digest, size: bytes.length }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest))
  return `dir:${dir}`
}

describeWithPrograms(['docker-registry', 'skopeo'], 'writing schema1 to a registry that accepts it', () => {
  let s1a: TestRegistry
  let s1b: TestRegistry
  let plain: TestRegistry
  let proxy: FaultProxy
  let policyDir: string
  let source: string
  let previous: RegistrySettings
  const sk = (...args: string[]) => skopeo(findProgram('skopeo')!, args, policyDir)
  const raw = async (ref: string) => Buffer.from(await sk('inspect', '--raw', '--tls-verify=false', ref))
  const copy = (src: string, dests: string[], extra: Partial<CopyOptions> = {}) =>
    copyImage({
      source: parseImageReference(src),
      destinations: dests.map(d => parseImageReference(d)),
      selection: { kind: 'system', platform: amd64 },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 4,
      sourceContext: { registry: { tlsVerify: false, retryTimes: 1 } },
      destinationContext: { registry: { tlsVerify: false, retryTimes: 1 } },
      ...extra
    })

  beforeAll(async () => {
    previous = configureRegistry({ retryBaseDelayMs: 20, retryMaxDelayMs: 100 })
    policyDir = await tempDir()
    ;[s1a, s1b, plain] = await Promise.all([
      startRegistry({ schema1: true }),
      startRegistry({ schema1: true }),
      startRegistry()
    ])
    proxy = await startFaultProxy(s1a.url)
    source = await imageWithEmptyLayers(sk)
  })
  afterAll(async () => {
    configureRegistry(previous)
    await Promise.all([proxy?.stop(), s1a?.stop(), s1b?.stop(), plain?.stop()])
    await removeTempDirs()
  })

  it('force-mime-type v2s1: signed schema1 with throwaway layers, its signature checked by the registry; skopeo reads it, copies it back, and converts to the same digest', async () => {
    const dest = `docker://${s1a.host}/acme/app:1`
    const result = await copy(source, [dest], { forceMimeType: V2S1 })
    expect(result.destinations[0].mediaType).toBe(V2S1)

    const bytes = await raw(dest)
    expect(verifySchema1Signatures(bytes)).toBe(1)
    const doc = JSON.parse(bytes.toString()) as Schema1Doc
    expect(doc).toMatchObject({ schemaVersion: 1, name: 'acme/app', tag: '1' })
    const throwaway = doc.history.map(
      h => (JSON.parse(h.v1Compatibility) as { throwaway?: boolean }).throwaway ?? false
    )
    expect(throwaway).toEqual([true, false, true, false]) // newest first
    expect(doc.fsLayers.map(l => l.blobSum === GZIPPED_EMPTY_LAYER_DIGEST)).toEqual(throwaway)
    // The digest is the payload's (signatures aside), as the registry and skopeo compute it.
    expect(result.destinations[0].digest).toBe(manifestDigest(bytes))
    const inspected = JSON.parse(await sk('inspect', '--tls-verify=false', dest)) as {
      Digest: string
      Layers: string[]
    }
    expect(inspected.Digest).toBe(result.destinations[0].digest)

    // skopeo converts the same image to schema1 with the same name and tag: the same payload, so the same digest.
    const theirs = `docker://${s1b.host}/acme/app:1`
    await sk('copy', '--dest-tls-verify=false', '--format', 'v2s1', source, theirs)
    expect(manifestDigest(await raw(theirs))).toBe(result.destinations[0].digest)

    // The registry checks schema1 signatures (libtrust): ours was accepted; the same bytes with another signature are not.
    const sig = (JSON.parse(bytes.toString()) as { signatures: Array<{ signature: string }> }).signatures[0]
      .signature
    const forged = bytes.toString().replace(sig, (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1))
    const put = (body: string) =>
      fetch(`${s1a.url}/v2/acme/app/manifests/check`, {
        method: 'PUT',
        headers: { 'content-type': V2S1 },
        body
      })
    const refused = await put(forged)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('MANIFEST_UNVERIFIED')
    expect((await put(bytes.toString())).status).toBe(201)

    // skopeo copies it back (schema1 → OCI, which needs every layer, the empty one included).
    const layout = path.join(await tempDir(), 'back')
    await sk('copy', '--src-tls-verify=false', dest, `oci:${layout}:x`)
    expect(await ociRefDigest(layout, 'x')).toMatch(/^sha256:/)
  })

  it('a schema1 source kept as schema1: renamed to the destination, re-signed; preserve-digests refuses the rename', async () => {
    const src = `docker://${s1a.host}/acme/app:1`
    await copy(source, [src], { forceMimeType: V2S1 })
    const dest = `docker://${s1b.host}/other/name:2`
    const result = await copy(src, [dest])
    expect(result.destinations[0].mediaType).toBe(V2S1)
    const bytes = await raw(dest)
    expect(JSON.parse(bytes.toString())).toMatchObject({ name: 'other/name', tag: '2' })
    expect(verifySchema1Signatures(bytes)).toBe(1)
    expect(result.destinations[0].digest).toBe(manifestDigest(bytes))
    expect(result.destinations[0].digest).not.toBe(result.sourceDigest)
    const same = await copy(src, [`docker://${s1b.host}/acme/app:1`])
    expect(same.destinations[0].digest).toBe(same.sourceDigest) // same name and tag: the original bytes

    await expect(copy(src, [`docker://${s1b.host}/third/name:3`], { preserveDigests: true })).rejects.toThrow(
      /embedded Docker reference.*would change the manifest.*preserve digests/
    )
  })

  it('schema1 is the last fallback: when the registry refuses OCI and schema2, schema1 is written', async () => {
    const oci = `oci:${await tempDir()}/oci:1`
    await copy(source, [oci], { forceMimeType: MediaType.OCIManifest })
    proxy.inject({
      kind: 'status',
      status: 400,
      code: 'MANIFEST_INVALID',
      count: 2,
      match: { method: 'PUT', path: /\/manifests\// }
    })
    const dest = `docker://${proxy.host}/fallback/app:1`
    const result = await copy(oci, [dest])
    expect(result.destinations[0].mediaType).toBe(V2S1)
    const puts = proxy.records.filter(r => r.method === 'PUT' && r.path.includes('/manifests/'))
    expect(puts.map(r => r.status)).toEqual([400, 400, 201])
    expect(JSON.parse((await raw(dest)).toString())).toMatchObject({ schemaVersion: 1, name: 'fallback/app' })
  })

  it('all images with v2s1: a Docker list of schema1 manifests (no list type is schema1), byte for byte what skopeo writes', async () => {
    const ours = `docker://${s1a.host}/list/app:1`
    const theirs = `docker://${s1b.host}/list/app:1`
    const result = await copy(`oci:${exampleLayout}:1.0`, [ours], {
      forceMimeType: V2S1,
      selection: { kind: 'all' }
    })
    expect(result.destinations[0].mediaType).toBe(MediaType.DockerV2List)
    await sk(
      'copy',
      '--all',
      '--format',
      'v2s1',
      '--dest-tls-verify=false',
      `oci:${exampleLayout}:1.0`,
      theirs
    )
    const list = await raw(ours)
    expect(list.toString()).toBe((await raw(theirs)).toString())
    const entries = (
      JSON.parse(list.toString()) as { manifests: Array<{ mediaType: string; digest: string }> }
    ).manifests
    expect(entries.map(e => e.mediaType)).toEqual(entries.map(() => V2S1))
    for (const e of entries) {
      const instance = await raw(`docker://${s1a.host}/list/app@${e.digest}`)
      expect(verifySchema1Signatures(instance)).toBe(1)
      expect(manifestDigest(instance)).toBe(e.digest)
    }
  })

  it('a registry that refuses schema1 (distribution answers HTTP 500): the error says schema1 and how to avoid it', async () => {
    await expect(
      copy(source, [`docker://${plain.host}/acme/app:1`], { forceMimeType: V2S1 })
    ).rejects.toMatchObject({
      message: expect.stringMatching(/schema1 manifest .*HTTP 500/),
      hint: expect.stringMatching(/refuse schema1.*write v2s2 or oci/)
    })
  })
})
