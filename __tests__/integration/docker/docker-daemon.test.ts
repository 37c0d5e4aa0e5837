// docker-daemon: against a real Docker Engine (Debian's dockerd, started by the harness) and a real
// registry: registry → daemon → registry round trips for a single-platform image and for a system
// pick from a multi-arch list, `docker load` of an archive we wrote, and the failure paths.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { closeAllConnections } from '../../../src/registry/index.js'
import { ImageNotFoundError } from '../../../src/transports/errors.js'
import { describeWithDockerd, startDockerd, type TestDockerd } from '../../harness/dockerd.js'
import { removeTempDirs, skopeo, tempDir } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import {
  copy,
  example,
  imageConfig,
  makeLayer,
  OCI_LAYER_GZIP_TYPE,
  writeOciImage
} from '../../unit/transports/docker-archive-helpers.js'
import { sha256 } from '../../unit/transports/helpers.js'

const registryContext = { registry: { tlsVerify: false } }

interface DockerImage {
  Id: string
  RepoTags: string[]
  Architecture: string
  Variant?: string
  Os: string
  RootFS: { Layers: string[] }
}

describeWithDockerd('docker-daemon: against dockerd and a registry', ['docker-registry', 'skopeo'], () => {
  let dockerd: TestDockerd
  let registry: TestRegistry
  let policyDir: string
  let savedHost: string | undefined
  const sk = (...args: string[]) => skopeo(requireProgram('skopeo')!, args, policyDir)
  const inRegistry = (name: string) => `docker://${registry.host}/${name}`
  const registryConfig = async (name: string) =>
    JSON.parse(await sk('inspect', '--config', '--raw', '--tls-verify=false', inRegistry(name))) as {
      architecture: string
      variant?: string
      rootfs: { diff_ids: string[] }
    }
  const registryManifest = async (name: string) =>
    JSON.parse(await sk('inspect', '--raw', '--tls-verify=false', inRegistry(name))) as {
      config: { digest: string }
    }
  const dockerInspect = async (name: string) =>
    (JSON.parse(await dockerd.docker(['image', 'inspect', name])) as DockerImage[])[0]

  beforeAll(async () => {
    ;[dockerd, registry] = await Promise.all([startDockerd(), startRegistry()])
    savedHost = process.env.DOCKER_HOST
    process.env.DOCKER_HOST = dockerd.host
    policyDir = await tempDir()
    // The example list, all of it, and its amd64 image alone as a single-platform image.
    await copy(example, [inRegistry('example/multiarch:1.0')], {
      selection: { kind: 'all' },
      destinationContext: registryContext
    })
    await copy(example, [inRegistry('example/single:1')], { destinationContext: registryContext })
  }, 120_000)
  afterAll(async () => {
    if (savedHost === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = savedHost
    await closeAllConnections()
    await Promise.all([dockerd?.stop(), registry?.stop()])
    await removeTempDirs()
  })

  it('registry → docker-daemon → registry: a single-platform image keeps its config and DiffIDs', async () => {
    const original = await registryConfig('example/single:1')
    const originalDigest = (await registryManifest('example/single:1')).config.digest
    await copy(inRegistry('example/single:1'), ['docker-daemon:acme/single:1'], {
      sourceContext: registryContext
    })

    const image = await dockerInspect('acme/single:1')
    expect(image.Id).toBe(originalDigest)
    expect(image.RepoTags).toEqual(['acme/single:1'])
    expect([image.Os, image.Architecture]).toEqual(['linux', 'amd64'])
    expect(image.RootFS.Layers).toEqual(original.rootfs.diff_ids)

    const back = await copy('docker-daemon:acme/single:1', [inRegistry('back/single:1')], {
      destinationContext: registryContext
    })
    expect(JSON.parse(back.destinations[0].manifest.toString()).config.digest).toBe(originalDigest)
    expect((await registryManifest('back/single:1')).config.digest).toBe(originalDigest)
    expect((await registryConfig('back/single:1')).rootfs.diff_ids).toEqual(original.rootfs.diff_ids)
  })

  it('registry → docker-daemon → registry: a system pick from the multi-arch list (linux/arm64/v8)', async () => {
    const list = JSON.parse(
      await sk('inspect', '--raw', '--tls-verify=false', inRegistry('example/multiarch:1.0'))
    ) as {
      manifests: Array<{ digest: string; platform: { architecture: string } }>
    }
    const arm64 = list.manifests.find(m => m.platform.architecture === 'arm64')!.digest
    const instance = `example/multiarch@${arm64}`
    const original = await registryConfig(instance)
    const originalDigest = (await registryManifest(instance)).config.digest

    const result = await copy(inRegistry('example/multiarch:1.0'), ['docker-daemon:acme/multi:arm64'], {
      selection: { kind: 'system', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      sourceContext: registryContext
    })
    expect(result.destinations[0].instances.map(i => i.sourceDigest)).toEqual([arm64])

    const image = await dockerInspect('acme/multi:arm64')
    expect([image.Architecture, image.Variant, image.RepoTags]).toEqual(['arm64', 'v8', ['acme/multi:arm64']])
    expect(image.Id).toBe(originalDigest)
    expect(image.RootFS.Layers).toEqual(original.rootfs.diff_ids)

    await copy('docker-daemon:acme/multi:arm64', [inRegistry('back/multi:arm64')], {
      destinationContext: registryContext
    })
    expect((await registryManifest('back/multi:arm64')).config.digest).toBe(originalDigest)
    expect((await registryConfig('back/multi:arm64')).rootfs.diff_ids).toEqual(original.rootfs.diff_ids)
  })

  it('loads concurrent multi-megabyte layers (no spool file left behind), and the same image from a docker-archive', async () => {
    const dir = await tempDir()
    const spool = path.join(dir, 'spool')
    await fs.mkdir(spool)
    const layers = await Promise.all(
      [0, 1, 2, 3].map(i =>
        makeLayer(`data/blob${i}`, randomBytes(1_500_000 + i * 300_000).toString('base64'))
      )
    )
    const src = await writeOciImage(
      path.join(dir, 'layout'),
      imageConfig(layers.map(l => l.diffId)),
      layers.map(l => ({ bytes: l.gzip, mediaType: OCI_LAYER_GZIP_TYPE }))
    )
    await copy(src, ['docker-daemon:acme/big:1', `docker-archive:${dir}/big.tar:acme/big-archive:1`], {
      destinationContext: { tmpDir: spool }
    })
    expect(await fs.readdir(spool)).toEqual([])
    expect((await dockerInspect('acme/big:1')).RootFS.Layers).toEqual(layers.map(l => l.diffId))

    await copy(`docker-archive:${dir}/big.tar`, ['docker-daemon:acme/big-archive:1'], {
      destinationContext: { tmpDir: spool }
    })
    expect(await fs.readdir(spool)).toEqual([])
    const fromArchive = await dockerInspect('acme/big-archive:1')
    expect(fromArchive.RootFS.Layers).toEqual(layers.map(l => l.diffId))
    expect(fromArchive.Id).toBe((await dockerInspect('acme/big:1')).Id)
  })

  it('docker load takes an archive we wrote', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'image.tar')
    await copy(inRegistry('example/single:1'), [`docker-archive:${file}:acme/loaded:1`], {
      sourceContext: registryContext
    })
    expect(await dockerd.docker(['load', '--input', file])).toContain('Loaded image: acme/loaded:1')
    const image = await dockerInspect('acme/loaded:1')
    expect(image.RootFS.Layers).toEqual((await registryConfig('example/single:1')).rootfs.diff_ids)
  })

  it('a schema1 source (written by us, with v2s1): the docker-archive names the layer files it holds; docker load and skopeo read it', async () => {
    const dir = await tempDir()
    const s1 = `dir:${path.join(dir, 's1')}`
    await copy(inRegistry('example/single:1'), [s1], {
      sourceContext: registryContext,
      forceMimeType: 'application/vnd.docker.distribution.manifest.v1+prettyjws'
    })
    const file = path.join(dir, 'from-s1.tar')
    await copy(s1, [`docker-archive:${file}:acme/from-s1:1`])
    const { diff_ids: diffIds } = (await registryConfig('example/single:1')).rootfs
    const archived = JSON.parse(await sk('inspect', '--raw', `docker-archive:${file}`)) as {
      layers: Array<{ digest: string }>
    }
    expect(archived.layers.map(l => l.digest)).toEqual(diffIds) // uncompressed in the archive, named by DiffID
    const layout = path.join(dir, 'back')
    await sk('copy', `docker-archive:${file}`, `oci:${layout}:x`)
    expect(await dockerd.docker(['load', '--input', file])).toContain('Loaded image: acme/from-s1:1')
    expect((await dockerInspect('acme/from-s1:1')).RootFS.Layers).toEqual(diffIds)
    await copy(s1, ['docker-daemon:acme/from-s1-daemon:1'])
    expect((await dockerInspect('acme/from-s1-daemon:1')).RootFS.Layers).toEqual(diffIds)
  })

  it('reads an image by its ID, and says when an image does not exist', async () => {
    const image = await dockerInspect('acme/single:1')
    const dir = await tempDir()
    const result = await copy(`docker-daemon:${image.Id}`, [`docker-archive:${dir}/by-id.tar`])
    expect(JSON.parse(result.destinations[0].manifest.toString()).config.digest).toBe(image.Id)
    const missing = copy('docker-daemon:acme/missing:1', [`oci:${dir}/layout:1`])
    await expect(missing).rejects.toThrow(ImageNotFoundError)
    await expect(missing).rejects.toThrow(/acme\/missing:1/)
  })

  it('refuses a copy of all images, and loads nothing from a copy that fails', async () => {
    await expect(copy(example, ['docker-daemon:acme/all:1'], { selection: { kind: 'all' } })).rejects.toThrow(
      /cannot hold a manifest list/
    )

    const dir = await tempDir()
    const layer = await makeLayer('etc/x', 'x'.repeat(50_000))
    const src = await writeOciImage(dir, imageConfig([layer.diffId]), [
      { bytes: layer.gzip, mediaType: OCI_LAYER_GZIP_TYPE }
    ])
    const blob = path.join(dir, 'blobs', 'sha256', sha256(layer.gzip).slice(7))
    const bytes = await fs.readFile(blob)
    bytes[bytes.length - 30] ^= 0xff
    await fs.writeFile(blob, bytes)
    await expect(copy(src, ['docker-daemon:acme/broken:1'])).rejects.toThrow(
      `blob ${sha256(layer.gzip)} does not match its digest`
    )
    await expect(dockerd.docker(['image', 'inspect', 'acme/all:1'])).rejects.toThrow(/No such image/)
    await expect(dockerd.docker(['image', 'inspect', 'acme/broken:1'])).rejects.toThrow(/No such image/)
  })

  it('surfaces what the engine says when it refuses an image (wrong DiffID in the config)', async () => {
    const dir = await tempDir()
    const layer = await makeLayer('etc/y', 'y')
    const wrong = sha256(Buffer.from('not the layer'))
    const src = await writeOciImage(dir, imageConfig([wrong]), [
      { bytes: layer.gzip, mediaType: OCI_LAYER_GZIP_TYPE }
    ])
    // docker-daemon keeps gzip layers as they are (as upstream), so the engine is the one that checks.
    await expect(copy(src, ['docker-daemon:acme/wrong:1'])).rejects.toThrow(
      `docker engine reported: invalid diffID for layer 0: expected "${wrong}", got "${layer.diffId}"`
    )
    await expect(dockerd.docker(['image', 'inspect', 'acme/wrong:1'])).rejects.toThrow(/No such image/)
  })
})
