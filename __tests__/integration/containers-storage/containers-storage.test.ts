// containers-storage: against Debian's podman 4.3 (a libpod service started by the harness as root,
// vfs on a temp store), a real registry and skopeo 1.9 as the oracle: registry → store → registry,
// parity with what skopeo stores and reads, one image from a 3-platform list (stored with the list),
// a `podman manifest` list pushed whole, a service started for the copy and stopped, and podman missing.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { closeAllConnections } from '../../../src/registry/index.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { removeTempDirs, skopeo, tempDir } from '../../harness/local.js'
import {
  describeWithPodman,
  newStore,
  podmanProcesses,
  startPodman,
  type TestPodman
} from '../../harness/podman.js'
import { requireProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { copy, example, exampleLayout } from '../../unit/transports/docker-archive-helpers.js'
import { sha256 } from '../../unit/transports/helpers.js'

interface StoredImageJson {
  id: string
  digest: string
  names?: string[]
  'big-data-names': string[]
}

describeWithPodman(
  'containers-storage: against podman, a registry and skopeo',
  ['docker-registry', 'skopeo'],
  () => {
    let podman: TestPodman
    let registry: TestRegistry
    let policyDir: string
    let savedHost: string | undefined
    const logs: string[] = []
    const sk = (...args: string[]) => skopeo(requireProgram('skopeo')!, args, policyDir)
    const inRegistry = (name: string) => `docker://${registry.host}/${name}`
    const inStore = (name: string, store: { spec: string } = podman) =>
      `containers-storage:${store.spec}${name}`
    /** A fresh store with its own service, as CONTAINER_HOST for `body` (same config = same record). */
    const withFreshPodman = async (body: (fresh: TestPodman) => Promise<void>) => {
      const fresh = await startPodman()
      process.env.CONTAINER_HOST = fresh.host
      try {
        await body(fresh)
      } finally {
        process.env.CONTAINER_HOST = podman.host
        await fresh.stop()
      }
    }
    const context = {
      registry: { tlsVerify: false, log: (_level: string, message: string) => logs.push(message) }
    }
    const run = (src: string, dests: string[], extra: Partial<CopyOptions> = {}) =>
      copy(src, dests, { sourceContext: context, destinationContext: context, ...extra })
    const registryConfig = async (name: string) =>
      JSON.parse(await sk('inspect', '--config', '--raw', '--tls-verify=false', inRegistry(name))) as {
        rootfs: { diff_ids: string[] }
      }
    const registryManifest = async (name: string) =>
      JSON.parse(await sk('inspect', '--raw', '--tls-verify=false', inRegistry(name))) as {
        config: { digest: string }
        manifests?: Array<{ digest: string; platform: { architecture: string } }>
      }
    const imagesJson = async (graphRoot: string): Promise<StoredImageJson[]> =>
      JSON.parse(await fs.readFile(path.join(graphRoot, 'vfs-images', 'images.json'), 'utf8'))
    const bigData = (graphRoot: string, id: string, key: string) =>
      fs.readFile(
        path.join(
          graphRoot,
          'vfs-images',
          id,
          /^[0-9a-z.]*$/.test(key) ? key : `=${Buffer.from(key).toString('base64')}`
        )
      )

    beforeAll(async () => {
      ;[podman, registry] = await Promise.all([startPodman(), startRegistry()])
      savedHost = process.env.CONTAINER_HOST
      process.env.CONTAINER_HOST = podman.host
      policyDir = await tempDir()
      await fs.writeFile(
        path.join(policyDir, 'policy.json'),
        JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] })
      )
      await copy(example, [inRegistry('example/multiarch:1.0')], {
        selection: { kind: 'all' },
        destinationContext: context
      })
      await copy(example, [inRegistry('example/single:1')], { destinationContext: context })
    }, 180_000)
    afterAll(async () => {
      if (savedHost === undefined) delete process.env.CONTAINER_HOST
      else process.env.CONTAINER_HOST = savedHost
      await closeAllConnections()
      await Promise.all([podman?.stop(), registry?.stop()])
      await removeTempDirs()
    })

    it("registry → containers-storage → registry: the config digest and DiffIDs are the source's; podman and skopeo see our name", async () => {
      const original = await registryManifest('example/single:1')
      const diffIds = (await registryConfig('example/single:1')).rootfs.diff_ids
      const stored = await run(inRegistry('example/single:1'), [inStore('acme/single:1')])
      expect(stored.destinations[0].manifest).toEqual(
        Buffer.from(await sk('inspect', '--raw', '--tls-verify=false', inRegistry('example/single:1')))
      )

      const images = JSON.parse(await podman.podman(['images', '--format', 'json'])) as Array<{
        Id: string
        Names: string[]
      }>
      const mine = images.find(i => i.Names?.includes('localhost/acme/single:1'))
      expect(`sha256:${mine?.Id}`).toBe(original.config.digest)
      const inspected = JSON.parse(await sk('inspect', inStore('localhost/acme/single:1'))) as {
        Digest: string
        Layers: string[]
      }
      expect(inspected.Digest).toBe(stored.destinations[0].digest)

      const back = await run(inStore('acme/single:1'), [inRegistry('back/single:1')])
      expect((await registryManifest('back/single:1')).config.digest).toBe(original.config.digest)
      expect((await registryConfig('back/single:1')).rootfs.diff_ids).toEqual(diffIds)
      // Layers came out uncompressed and were compressed again for the registry.
      const layers = (
        JSON.parse(back.destinations[0].manifest.toString()) as { layers: Array<{ mediaType: string }> }
      ).layers
      expect(layers.every(l => l.mediaType.endsWith('gzip'))).toBe(true)

      // By an image ID prefix, as containers/image resolves one; the layers must change, so
      // preserve-digests is refused.
      const byId = await run(inStore(`@${mine!.Id.slice(0, 12)}`), [
        `dir:${path.join(await tempDir(), 'byid')}`
      ])
      expect(JSON.parse(byId.destinations[0].manifest.toString()).config.digest).toBe(original.config.digest)
      await expect(
        run(inStore('acme/single:1'), [inRegistry('back/preserved:1')], { preserveDigests: true })
      ).rejects.toThrow(/would change the representation of its layers.*preserve digests/)
    })

    it('parity with skopeo: the same manifests stored; each reads what the other stored', async () => {
      const single = `oci:${exampleLayout}:1.0`
      const theirs = await newStore()
      await withFreshPodman(async mine => {
        await theirs.exec('skopeo', [
          '--policy',
          path.join(policyDir, 'policy.json'),
          'copy',
          single,
          'containers-storage:localhost/parity:1'
        ])
        await run(single, [inStore('parity:1', mine)])
        const find = (list: StoredImageJson[]) => list.find(i => i.names?.includes('localhost/parity:1'))!
        const ours = find(await imagesJson(mine.graphRoot))
        const skopeos = find(await imagesJson(theirs.graphRoot))
        expect(ours.id).toBe(skopeos.id)
        expect(ours.digest).toBe(skopeos.digest)
        const keys = (i: StoredImageJson) =>
          i['big-data-names'].filter(k => !k.startsWith('signature-')).sort()
        expect(keys(ours)).toEqual(keys(skopeos))
        for (const key of keys(ours))
          expect(await bigData(mine.graphRoot, ours.id, key)).toEqual(
            await bigData(theirs.graphRoot, skopeos.id, key)
          )

        // skopeo reads ours, and we read skopeo's (its store has no service: we start one).
        const skopeoDir = path.join(await tempDir(), 'sk')
        await sk('copy', inStore('localhost/parity:1', mine), `dir:${skopeoDir}`)
        const ourDir = path.join(await tempDir(), 'ours')
        logs.length = 0
        await run(`containers-storage:${theirs.spec}parity:1`, [`dir:${ourDir}`])
        expect(logs.some(l => l.includes('started podman'))).toBe(true)
        expect(await podmanProcesses(theirs.dir)).toEqual([])
        const manifestOf = async (dir: string) =>
          JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
            config: { digest: string }
            layers: Array<{ digest: string }>
          }
        const [a, b] = [await manifestOf(skopeoDir), await manifestOf(ourDir)]
        expect(b.config.digest).toBe(a.config.digest)
        // dir: keeps the uncompressed layers: their digests are the DiffIDs, on both sides.
        expect(b.layers.map(l => l.digest)).toEqual(a.layers.map(l => l.digest))
        for (const layer of b.layers) {
          const bytes = await fs.readFile(path.join(ourDir, layer.digest.slice(7)))
          expect(sha256(bytes)).toBe(layer.digest)
        }
      }).finally(() => theirs.remove())
    })

    it('one image from a 3-platform list is stored together with the list; all-images is refused', async () => {
      const list = await registryManifest('example/multiarch:1.0')
      const listBytes = await sk(
        'inspect',
        '--raw',
        '--tls-verify=false',
        inRegistry('example/multiarch:1.0')
      )
      const amd64 = list.manifests!.find(m => m.platform.architecture === 'amd64')!.digest
      await withFreshPodman(async fresh => {
        const result = await run(inRegistry('example/multiarch:1.0'), [inStore('acme/multi:1', fresh)])
        expect(result.destinations[0].digest).toBe(amd64)
        const record = (await imagesJson(fresh.graphRoot)).find(i =>
          i.names?.includes('localhost/acme/multi:1')
        )!
        expect(record['big-data-names']).toEqual(
          expect.arrayContaining([
            `manifest-${sha256(Buffer.from(listBytes))}`,
            `manifest-${amd64}`,
            'manifest'
          ])
        )
        const digests = await fresh.podman([
          'images',
          '--digests',
          '--format',
          '{{.Digest}}',
          'localhost/acme/multi:1'
        ])
        expect(digests.trim()).toBe(sha256(Buffer.from(listBytes)))
      })

      await expect(
        run(inRegistry('example/multiarch:1.0'), [inStore('acme/multi:all')], { selection: { kind: 'all' } })
      ).rejects.toThrow(/cannot hold a manifest list/)
    })

    it('a podman manifest list of two images is pushed whole with all-images; skopeo copies it back', async () => {
      const platform = (architecture: string, variant?: string) => ({
        kind: 'system' as const,
        platform: { os: 'linux', architecture, variant }
      })
      await run(inRegistry('example/multiarch:1.0'), [inStore('acme/part:amd64')], {
        selection: platform('amd64')
      })
      logs.length = 0
      await run(inRegistry('example/multiarch:1.0'), [inStore('acme/part:arm64')], {
        selection: platform('arm64', 'v8')
      })
      expect(logs.some(l => l.includes('only the chosen image is stored'))).toBe(true)
      await podman.podman(['manifest', 'create', 'localhost/acme/list:1'])
      for (const tag of ['amd64', 'arm64'])
        await podman.podman([
          'manifest',
          'add',
          'localhost/acme/list:1',
          `containers-storage:localhost/acme/part:${tag}`
        ])

      await run(inStore('acme/list:1'), [inRegistry('pushed/list:1')], { selection: { kind: 'all' } })
      // Without all-images, one image of the list, by platform.
      const one = await run(inStore('acme/list:1'), [`dir:${path.join(await tempDir(), 'one')}`], {
        selection: platform('arm64', 'v8')
      })
      expect(one.destinations[0].instances.map(i => i.platform?.architecture)).toEqual(['arm64'])
      const pushed = await registryManifest('pushed/list:1')
      expect(pushed.manifests!.map(m => m.platform.architecture).sort()).toEqual(['amd64', 'arm64'])
      const source = await registryManifest('example/multiarch:1.0')
      for (const m of pushed.manifests!) {
        const original = source.manifests!.find(
          s => s.platform.architecture === m.platform.architecture
        )!.digest
        expect((await registryManifest(`pushed/list@${m.digest}`)).config.digest).toBe(
          (await registryManifest(`example/multiarch@${original}`)).config.digest
        )
        expect((await registryConfig(`pushed/list@${m.digest}`)).rootfs.diff_ids).toEqual(
          (await registryConfig(`example/multiarch@${original}`)).rootfs.diff_ids
        )
      }
      const back = path.join(await tempDir(), 'back')
      await sk('copy', '--all', '--src-tls-verify=false', inRegistry('pushed/list:1'), `oci:${back}:1`)
      const index = JSON.parse(await fs.readFile(path.join(back, 'index.json'), 'utf8')) as {
        manifests: Array<{ digest: string }>
      }
      expect(index.manifests[0].digest).toBe(
        sha256(Buffer.from(await sk('inspect', '--raw', '--tls-verify=false', inRegistry('pushed/list:1'))))
      )
    })

    it('a Docker schema2 image is stored as such, and read back as schema2 naming its DiffIDs', async () => {
      // A fresh store: the same config in the shared one is the same record, whose manifest the last write sets.
      await withFreshPodman(async fresh => {
        const V2S2 = 'application/vnd.docker.distribution.manifest.v2+json'
        const stored = await run(example, [inStore('acme/v2s2:1', fresh)], { forceMimeType: V2S2 })
        expect(stored.destinations[0].mediaType).toBe(V2S2)
        const [image] = JSON.parse(
          await fresh.podman(['image', 'inspect', 'localhost/acme/v2s2:1'])
        ) as Array<{
          RepoDigests: string[]
        }>
        expect(image.RepoDigests).toContain(`localhost/acme/v2s2@${stored.destinations[0].digest}`)
        // dir: takes uncompressed layers as they come: the manifest names the DiffIDs, still schema2.
        const out = path.join(await tempDir(), 'v2s2')
        const read = await run(inStore('acme/v2s2:1', fresh), [`dir:${out}`])
        expect(read.destinations[0].mediaType).toBe(V2S2)
        const config = JSON.parse(
          await fs.readFile(
            path.join(out, JSON.parse(read.destinations[0].manifest.toString()).config.digest.slice(7)),
            'utf8'
          )
        ) as { rootfs: { diff_ids: string[] } }
        const layers = (
          JSON.parse(read.destinations[0].manifest.toString()) as {
            layers: Array<{ digest: string; mediaType: string }>
          }
        ).layers
        expect(layers.map(l => l.digest)).toEqual(config.rootfs.diff_ids)
        expect(layers.every(l => l.mediaType === 'application/vnd.docker.image.rootfs.diff.tar')).toBe(true)
      })
    })

    it('no service running: one is started on the store the reference names, and stopped after the copy', async () => {
      const saved = { CONTAINER_HOST: process.env.CONTAINER_HOST, XDG: process.env.XDG_RUNTIME_DIR }
      delete process.env.CONTAINER_HOST
      delete process.env.XDG_RUNTIME_DIR
      const store = await newStore()
      try {
        logs.length = 0
        const result = await run(example, [inStore('acme/started:1', store)])
        expect(logs.some(l => l.includes(`started podman 4.`) && l.includes(store.graphRoot))).toBe(true)
        expect(await podmanProcesses(store.dir)).toEqual([])
        // The store holds it under our name, as the image we wrote (its config is the image ID).
        const [image] = JSON.parse(
          await store.podman(['image', 'inspect', 'localhost/acme/started:1'])
        ) as Array<{ Id: string; RepoDigests: string[] }>
        expect(`sha256:${image.Id}`).toBe((await registryManifest('example/single:1')).config.digest)
        expect(image.RepoDigests).toContain(`localhost/acme/started@${result.destinations[0].digest}`)
      } finally {
        if (saved.CONTAINER_HOST !== undefined) process.env.CONTAINER_HOST = saved.CONTAINER_HOST
        if (saved.XDG !== undefined) process.env.XDG_RUNTIME_DIR = saved.XDG
        await store.remove()
      }
    })

    it('podman missing: the error says to install it', async () => {
      const saved = {
        PATH: process.env.PATH,
        CONTAINER_HOST: process.env.CONTAINER_HOST,
        XDG: process.env.XDG_RUNTIME_DIR
      }
      const empty = await tempDir()
      process.env.PATH = empty
      delete process.env.CONTAINER_HOST
      delete process.env.XDG_RUNTIME_DIR
      try {
        // A store no running service serves, so that only a podman we start could serve it.
        const error = await run(`containers-storage:[vfs@${empty}/graph+${empty}/run]acme/x:1`, [
          'oci:/tmp/never:1'
        ]).catch((e: Error & { hint?: string }) => e)
        expect(error).toBeInstanceOf(Error)
        expect((error as Error).message).toContain('needs podman')
        expect((error as { hint?: string }).hint).toContain('install podman')
      } finally {
        process.env.PATH = saved.PATH
        if (saved.CONTAINER_HOST !== undefined) process.env.CONTAINER_HOST = saved.CONTAINER_HOST
        if (saved.XDG !== undefined) process.env.XDG_RUNTIME_DIR = saved.XDG
      }
    })
  }
)
