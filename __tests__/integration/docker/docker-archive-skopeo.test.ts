// docker-archive: cross-checked with skopeo 1.9.3 (containers/image) and a real registry: skopeo reads
// the archives we write (which are byte-identical to its own), we read the archives skopeo writes
// and copy them to oci: and to a registry, and a corrupted archive fails cleanly.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { closeAllConnections } from '../../../src/registry/index.js'
import { removeTempDirs, sha256, skopeo, tempDir } from '../../harness/local.js'
import { describeWithPrograms, requireProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import {
  almostEmpty,
  copy,
  example,
  exampleLayout,
  V2S2
} from '../../unit/transports/docker-archive-helpers.js'

const registryContext = { registry: { tlsVerify: false } }

interface Inspect {
  Digest: string
  Architecture: string
  Layers: string[]
}

describeWithPrograms(
  ['skopeo', 'docker-registry'],
  'docker-archive: cross-checked with skopeo and a registry',
  () => {
    let registry: TestRegistry
    let policyDir: string
    const sk = (...args: string[]) => skopeo(requireProgram('skopeo')!, args, policyDir)
    const inspect = async (ref: string, ...flags: string[]) =>
      JSON.parse(await sk('inspect', ...flags, ref)) as Inspect
    const rawManifest = async (ref: string, ...flags: string[]) =>
      JSON.parse(await sk('inspect', '--raw', ...flags, ref))
    const configOf = async (ref: string, ...flags: string[]) =>
      JSON.parse(await sk('inspect', '--config', '--raw', ...flags, ref)) as {
        architecture: string
        rootfs: { diff_ids: string[] }
      }

    beforeAll(async () => {
      policyDir = await tempDir()
      registry = await startRegistry()
    })
    afterAll(async () => {
      await closeAllConnections()
      await registry?.stop()
      await removeTempDirs()
    })

    it.each([
      ['amd64', undefined],
      ['arm64', 'v8']
    ])(
      'an archive we write (%s) is byte-identical to skopeo’s, which skopeo inspects and copies to oci:',
      async (arch, variant) => {
        const dir = await tempDir()
        const ours = path.join(dir, 'ours.tar')
        const theirs = path.join(dir, 'theirs.tar')
        await copy(example, [`docker-archive:${ours}:acme/app:1`], {
          selection: { kind: 'system', platform: { os: 'linux', architecture: arch, variant } }
        })
        await sk(
          'copy',
          '--override-arch',
          arch,
          ...(variant ? ['--override-variant', variant] : []),
          example,
          `docker-archive:${theirs}:acme/app:1`
        )
        expect(sha256(await fs.readFile(ours))).toBe(sha256(await fs.readFile(theirs)))

        const info = await inspect(`docker-archive:${ours}`)
        expect(info.Architecture).toBe(arch)
        const config = await configOf(`docker-archive:${ours}`)
        expect(info.Layers).toEqual(config.rootfs.diff_ids)
        await sk('copy', `docker-archive:${ours}`, `oci:${dir}/layout:1`)
        const copied = await rawManifest(`oci:${dir}/layout:1`)
        expect(copied.layers).toHaveLength(config.rootfs.diff_ids.length)
      }
    )

    it('reads an archive skopeo wrote and copies it to oci: and to a registry as skopeo does', async () => {
      const dir = await tempDir()
      const archive = `docker-archive:${dir}/x.tar:acme/app:1`
      await sk('copy', '--override-arch', 'arm64', `oci:${exampleLayout}:1.0`, archive)
      const theirs = await rawManifest(archive)
      const ourSource = await copy(archive, [`oci:${dir}/ours:1`, `docker://${registry.host}/acme/app:1`], {
        destinationContext: registryContext
      })
      expect(ourSource.sourceMediaType).toBe(V2S2)
      // The archive's layers are uncompressed: a registry gets them gzip-compressed, as skopeo pushes
      // them; the config (and so the DiffIDs) is unchanged. (skopeo's synthesized source manifest
      // labels them tar.gzip; ours says what they are.)
      const [oci, pushed] = ourSource.destinations.map(d => JSON.parse(d.manifest.toString()))
      expect(pushed.config.digest).toBe(theirs.config.digest)
      expect(pushed.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual(
        theirs.layers.map(() => 'application/vnd.docker.image.rootfs.diff.tar.gzip')
      )
      expect(theirs.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual(
        theirs.layers.map(() => 'application/vnd.docker.image.rootfs.diff.tar.gzip')
      )

      // What skopeo makes of the same copy to oci:: the same config, converted to OCI. skopeo 1.9.3
      // vendors an image-spec that keeps `variant` before `os`; current containers/image (which we
      // follow) writes it after `os` (see __tests__/integration/copy/local-transports.test.ts), so for this
      // arm64/v8 image the configs are equal as JSON values but not byte for byte.
      await sk('copy', archive, `oci:${dir}/theirs:1`)
      const theirOci = await rawManifest(`oci:${dir}/theirs:1`)
      expect(oci.config.size).toBe(theirOci.config.size)
      expect(await configOf(`oci:${dir}/ours:1`)).toEqual(await configOf(`oci:${dir}/theirs:1`))

      // skopeo reads the pushed image back, and it runs on arm64 with the archive's DiffIDs.
      const remote = await inspect(`docker://${registry.host}/acme/app:1`, '--tls-verify=false')
      expect(remote.Architecture).toBe('arm64')
      expect(remote.Layers).toEqual(pushed.layers.map((l: { digest: string }) => l.digest))
      await sk('copy', '--src-tls-verify=false', `docker://${registry.host}/acme/app:1`, `oci:${dir}/back:1`)
      for (const [i, l] of (pushed.layers as Array<{ digest: string }>).entries()) {
        const gz = await fs.readFile(path.join(dir, 'back', 'blobs', 'sha256', l.digest.slice(7)))
        expect(sha256(gunzipSync(gz))).toBe(theirs.layers[i].digest)
      }
    })

    it('copies the containers/image fixture almostempty.tar to oci: with the config and DiffIDs skopeo gets', async () => {
      const dir = await tempDir()
      const result = await copy(`docker-archive:${almostEmpty}`, [`oci:${dir}/ours:1`])
      await sk('copy', `docker-archive:${almostEmpty}`, `oci:${dir}/theirs:1`)
      const theirs = await rawManifest(`oci:${dir}/theirs:1`)
      expect(JSON.parse(result.destinations[0].manifest.toString()).config.digest).toBe(theirs.config.digest)
      expect((await configOf(`oci:${dir}/ours:1`)).rootfs.diff_ids).toEqual(
        (await configOf(`oci:${dir}/theirs:1`)).rootfs.diff_ids
      )
      expect((await inspect(`oci:${dir}/ours:1`)).Layers).toHaveLength(1)
    })

    it('a corrupted layer in an archive: a clear error naming the blob, nothing written anywhere', async () => {
      const dir = await tempDir()
      const file = path.join(dir, 'x.tar')
      await sk('copy', '--override-arch', 'amd64', example, `docker-archive:${file}:acme/bad:1`)
      const manifest = await rawManifest(`docker-archive:${file}`)
      const victim = manifest.layers[0].digest as string
      const bytes = await fs.readFile(file)
      bytes[bytes.indexOf(Buffer.from(`${victim.slice(7)}.tar`)) + 512 + 200] ^= 0x20
      await fs.writeFile(file, bytes)
      const dests = [
        `docker://${registry.host}/acme/bad:1`,
        `docker-archive:${dir}/out.tar`,
        `oci:${dir}/layout:1`
      ]
      await expect(
        copy(`docker-archive:${file}`, dests, { destinationContext: registryContext })
      ).rejects.toThrow(new RegExp(`blob ${victim} does not match its digest`))
      // No archive and no image: the layout has no index.json, only blobs that finished before the
      // failure (content-addressed and complete; a rollback never deletes blobs, see oci/destination.ts).
      expect((await fs.readdir(dir)).filter(f => f !== 'layout').sort()).toEqual(['x.tar'])
      const layout = path.join(dir, 'layout')
      const left = await fs.readdir(layout).catch(() => [] as string[])
      expect(left.filter(f => f !== 'blobs')).toEqual([])
      const blobDir = path.join(layout, 'blobs', 'sha256')
      for (const name of await fs.readdir(blobDir).catch(() => [] as string[]))
        expect(sha256(await fs.readFile(path.join(blobDir, name)))).toBe(`sha256:${name}`)
      await expect(
        sk('inspect', '--tls-verify=false', `docker://${registry.host}/acme/bad:1`)
      ).rejects.toThrow(/manifest unknown|not found/i)
    })
  }
)
