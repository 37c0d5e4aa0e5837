// The copy engine through real registries (two CNCF distribution registry processes), each result
// read back by skopeo: registry → registry, registry → oci/dir, oci/dir → registry, for lists and
// single images, all images, instances and platforms; mounts, retries exhausted, refusals.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { configureRegistry, type RegistrySettings } from '../../../src/registry/settings.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { exampleLayout, ociRefDigest, removeTempDirs, sha256, skopeo, tempDir } from '../../harness/local.js'
import { describeWithPrograms, findProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const example = `oci:${exampleLayout}:1.0`

describeWithPrograms(['docker-registry', 'skopeo'], 'copies through registries, read back by skopeo', () => {
  let a: TestRegistry
  let b: TestRegistry
  let proxyA: FaultProxy
  let policyDir: string
  let exampleDigest: string
  let list: { manifests: Array<{ digest: string; platform: { architecture: string; variant?: string } }> }
  let previous: RegistrySettings
  const sk = (...args: string[]) => skopeo(findProgram('skopeo')!, args, policyDir)
  const raw = async (ref: string) => Buffer.from(await sk('inspect', '--raw', '--tls-verify=false', ref))
  const copy = (src: string, dests: string[], extra: Partial<CopyOptions> = {}) =>
    copyImage({
      source: parseImageReference(src),
      destinations: dests.map(d => parseImageReference(d)),
      selection: { kind: 'all' },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 4,
      sourceContext: { registry: { tlsVerify: false, retryTimes: 2 } },
      destinationContext: { registry: { tlsVerify: false, retryTimes: 2 } },
      ...extra
    })
  /** skopeo copies the whole of what we wrote to a fresh layout, with the same digest. */
  async function skopeoCopiesBack(ref: string, digest: string): Promise<void> {
    const layout = path.join(await tempDir(), 'back')
    await sk('copy', '--all', '--src-tls-verify=false', ref, `oci:${layout}:x`)
    expect(await ociRefDigest(layout, 'x')).toBe(digest)
  }

  beforeAll(async () => {
    previous = configureRegistry({ retryBaseDelayMs: 20, retryMaxDelayMs: 100 })
    policyDir = await tempDir()
    ;[a, b] = await Promise.all([startRegistry(), startRegistry()])
    proxyA = await startFaultProxy(a.url)
    exampleDigest = (await ociRefDigest(exampleLayout, '1.0'))!
    list = JSON.parse((await sk('inspect', '--raw', example)).toString())
    await copy(example, [`docker://${a.host}/src/app:1.0`])
  })
  afterAll(async () => {
    configureRegistry(previous)
    await Promise.all([proxyA?.stop(), a?.stop(), b?.stop()])
    await removeTempDirs()
  })

  it('registry → registry, all images: digests kept; skopeo reads and copies it', async () => {
    const dest = `docker://${b.host}/mirror/app:1.0`
    const result = await copy(`docker://${a.host}/src/app:1.0`, [dest])
    expect(result.destinations[0].digest).toBe(exampleDigest)
    expect(sha256(await raw(dest))).toBe(exampleDigest)
    await skopeoCopiesBack(dest, exampleDigest)
  })

  it('registry → oci: and dir:, one instance by digest (strip): a valid list skopeo copies whole', async () => {
    const arm64 = list.manifests.find(m => m.platform.architecture === 'arm64')!
    const oci = `oci:${await tempDir()}/l:1.0`
    const dir = `dir:${await tempDir()}/d`
    const result = await copy(`docker://${a.host}/src/app:1.0`, [oci, dir], {
      selection: { kind: 'specific', instances: [arm64.digest], platforms: [] }
    })
    const digest = result.destinations[0].digest
    expect(result.destinations[1].digest).toBe(digest)
    for (const ref of [oci, dir]) {
      const written = await raw(ref)
      expect(sha256(written)).toBe(digest)
      expect(JSON.parse(written.toString()).manifests.map((m: { digest: string }) => m.digest)).toEqual([
        arm64.digest
      ])
      await skopeoCopiesBack(ref, digest)
    }
    // one read of the source for both destinations: 2 layers + 1 config
    expect(result.stats.pulledBlobs).toBe(3)
  })

  it('dir → registry by platform (linux/arm/v7), and a single image picked for linux/arm/v7', async () => {
    const dir = `dir:${await tempDir()}/d`
    await copy(example, [dir])
    const dest = `docker://${b.host}/armv7/app:list`
    const result = await copy(dir, [dest], {
      selection: {
        kind: 'specific',
        instances: [],
        platforms: [{ os: 'linux', architecture: 'arm', variant: 'v7' }]
      }
    })
    expect(sha256(await raw(dest))).toBe(result.destinations[0].digest)
    await skopeoCopiesBack(dest, result.destinations[0].digest)

    const armv7 = list.manifests.find(m => m.platform.variant === 'v7')!
    const single = `docker://${b.host}/armv7/app:single`
    const picked = await copy(`docker://${a.host}/src/app:1.0`, [single], {
      selection: { kind: 'system', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } }
    })
    expect(picked.destinations[0].digest).toBe(armv7.digest)
    expect(sha256(await raw(single))).toBe(armv7.digest)
  })

  it('oci → registry with a conversion to v2s2: the digest skopeo reads', async () => {
    const dest = `docker://${b.host}/v2s2/app:1.0`
    const result = await copy(example, [dest], {
      forceMimeType: 'application/vnd.docker.distribution.manifest.v2+json'
    })
    expect(result.destinations[0].mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json')
    expect(sha256(await raw(dest))).toBe(result.destinations[0].digest)
  })

  it('same-registry copy to another repository mounts every blob: only manifests are uploaded', async () => {
    proxyA.resetCounters()
    const result = await copy(`docker://${proxyA.host}/src/app:1.0`, [
      `docker://${proxyA.host}/promoted/app:1.0`
    ])
    expect(result.destinations[0].digest).toBe(exampleDigest)
    expect(result.stats.mountedBlobs).toBe(7)
    expect(result.stats.pushedBytes).toBe(0)
    const blobUploadBytes = proxyA.requestBytes({ path: /\/blobs\/uploads\// })
    const manifestBytes = proxyA.requestBytes({ method: 'PUT', path: /\/manifests\// })
    expect(blobUploadBytes).toBe(0)
    expect(manifestBytes).toBeGreaterThan(0)
    console.log(`same-registry copy: ${blobUploadBytes} blob bytes uploaded, ${manifestBytes} manifest bytes`)
  })

  it('retries exhausted on manifest uploads: a clear error, and no manifest at the destination', async () => {
    proxyA.inject({
      kind: 'status',
      status: 503,
      count: 1000,
      match: { method: 'PUT', path: /\/manifests\// }
    })
    try {
      await expect(copy(example, [`docker://${proxyA.host}/failed/app:1.0`])).rejects.toThrow(/503/)
    } finally {
      proxyA.clearFaults()
    }
    await expect(
      sk('inspect', '--raw', '--tls-verify=false', `docker://${a.host}/failed/app:1.0`)
    ).rejects.toThrow(/manifest unknown|not found|MANIFEST_UNKNOWN|NAME_UNKNOWN/i)
  })

  it('a destination reference with another digest is refused before anything is written', async () => {
    await expect(copy(example, [`docker://${b.host}/pinned/app@sha256:${'0'.repeat(64)}`])).rejects.toThrow(
      /would not match the destination reference/
    )
  })

  it('a destination reference naming the right digest is accepted and nothing is converted', async () => {
    const result = await copy(example, [`docker://${b.host}/pinned/app@${exampleDigest}`])
    expect(result.destinations[0].digest).toBe(exampleDigest)
  })

  it('sparse-list keep: the registry refuses a list naming absent images, and the error says to strip', async () => {
    await expect(
      copy(example, [`docker://${b.host}/sparse/app:1.0`], {
        selection: { kind: 'specific', instances: [], platforms: [{ os: 'linux', architecture: 'arm64' }] },
        sparseList: 'keep'
      })
    ).rejects.toMatchObject({ hint: expect.stringMatching(/sparse-list: strip/) })
  })

  it("sends each image's config to a registry while its layers are still being uploaded", async () => {
    const blob = async (digest: string) =>
      JSON.parse(await readFile(path.join(exampleLayout, 'blobs', 'sha256', digest.slice(7)), 'utf8'))
    const manifests = await Promise.all(
      (await blob(exampleDigest)).manifests.map((m: { digest: string }) => blob(m.digest))
    )
    const configs: string[] = manifests.map(m => m.config.digest)
    const layers = [
      ...new Set<string>(manifests.flatMap(m => m.layers.map((l: { digest: string }) => l.digest)))
    ]
    const proxyB = await startFaultProxy(b.url)
    try {
      // every layer's upload is held 1.5 s at the proxy; the configs' are not
      proxyB.inject({
        kind: 'stall',
        ms: 1500,
        count: layers.length,
        match: { method: 'PUT', path: new RegExp(`digest=(${layers.map(encodeURIComponent).join('|')})`) }
      })
      const exists = async (digest: string) =>
        (await fetch(`${b.url}/v2/early/app/blobs/${digest}`, { method: 'HEAD' })).status === 200
      let done = false
      const copying = copy(example, [`docker://${proxyB.host}/early/app:1.0`]).finally(() => (done = true))
      let configsFirst = false
      while (!done && !configsFirst) {
        const [c, l] = await Promise.all([Promise.all(configs.map(exists)), Promise.all(layers.map(exists))])
        configsFirst = c.every(Boolean) && !l.every(Boolean)
        await new Promise(r => setTimeout(r, 50))
      }
      expect((await copying).destinations[0].digest).toBe(exampleDigest)
      // the configs were stored while layers were still missing (before: only after every layer)
      expect(configsFirst).toBe(true)
    } finally {
      await proxyB.stop()
    }
  })
})
