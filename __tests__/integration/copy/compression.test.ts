// Layer compression as containers/image does it (issue 14): uncompressed layers (from a
// docker-archive:) are gzip-compressed for a registry and oci:, their DiffIDs stay the config's; with
// dest-compress-format zstd (Node 24, the Action's) the image becomes OCI with zstd layers that skopeo
// 1.9.3 reads back; dest-decompress stores a dir: uncompressed.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { requireNode24 } from '../../harness/action-runner.js'
import { exampleLayout, removeTempDirs, repoRoot, sha256, skopeo, tempDir } from '../../harness/local.js'
import { describeWithPrograms, findProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const run = promisify(execFile)
const amd64 = { os: 'linux', architecture: 'amd64' }
const GZIP_MAGIC = [0x1f, 0x8b]
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd]

interface Descriptor {
  mediaType: string
  digest: string
  size: number
}
interface Manifest {
  mediaType?: string
  config: Descriptor
  layers: Descriptor[]
}

function copy(src: string, dests: string[], extra: Partial<CopyOptions> = {}) {
  return copyImage({
    source: parseImageReference(src),
    destinations: dests.map(d => parseImageReference(d)),
    selection: { kind: 'system', platform: amd64 },
    sparseList: 'strip',
    preserveDigests: false,
    removeSignatures: false,
    parallel: 4,
    sourceContext: {},
    destinationContext: { registry: { tlsVerify: false, retryTimes: 1 } },
    ...extra
  })
}

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b)

describeWithPrograms(['docker-registry', 'skopeo'], 'layer compression', () => {
  let registry: TestRegistry
  let policyDir: string
  let archive: string
  let diffIds: string[]
  const sk = (...args: string[]) => skopeo(findProgram('skopeo')!, args, policyDir)
  const registryBlob = async (repo: string, digest: string) =>
    Buffer.from(await (await fetch(`${registry.url}/v2/${repo}/blobs/${digest}`)).arrayBuffer())
  const registryManifest = async (repo: string, tag: string): Promise<Manifest> =>
    JSON.parse(await sk('inspect', '--raw', '--tls-verify=false', `docker://${registry.host}/${repo}:${tag}`))

  beforeAll(async () => {
    policyDir = await tempDir()
    registry = await startRegistry()
    // A docker-archive: stores layers uncompressed, named by DiffID.
    archive = path.join(await tempDir(), 'app.tar')
    const written = await copy(`oci:${exampleLayout}:1.0`, [`docker-archive:${archive}:acme/app:1`])
    const m = JSON.parse(written.destinations[0].manifest.toString()) as Manifest
    diffIds = m.layers.map(l => l.digest)
  })
  afterAll(async () => {
    await registry?.stop()
    await removeTempDirs()
  })

  it("an uncompressed source to a registry and to oci: in one run: gzip layers whose DiffIDs are the config's", async () => {
    const layout = path.join(await tempDir(), 'layout')
    const result = await copy(`docker-archive:${archive}`, [
      `docker://${registry.host}/acme/gz:1`,
      `oci:${layout}:1`
    ])

    const pushed = await registryManifest('acme/gz', '1')
    expect(pushed.layers.map(l => l.mediaType)).toEqual(
      diffIds.map(() => 'application/vnd.docker.image.rootfs.diff.tar.gzip')
    )
    const config = JSON.parse((await registryBlob('acme/gz', pushed.config.digest)).toString())
    expect(config.rootfs.diff_ids).toEqual(diffIds)
    for (const [i, l] of pushed.layers.entries()) {
      const gz = await registryBlob('acme/gz', l.digest)
      expect(startsWith(gz, GZIP_MAGIC)).toBe(true)
      expect([sha256(gz), gz.length]).toEqual([l.digest, l.size])
      expect(sha256(gunzipSync(gz))).toBe(diffIds[i])
    }

    const oci = JSON.parse(result.destinations[1].manifest.toString()) as Manifest
    expect(oci.layers.map(l => l.mediaType)).toEqual(
      diffIds.map(() => 'application/vnd.oci.image.layer.v1.tar+gzip')
    )
    for (const [i, l] of oci.layers.entries()) {
      const gz = await readFile(path.join(layout, 'blobs', 'sha256', l.digest.slice(7)))
      expect(sha256(gunzipSync(gz))).toBe(diffIds[i])
    }
    // skopeo reads what was pushed, layer by layer.
    const back = path.join(await tempDir(), 'back')
    await sk('copy', '--src-tls-verify=false', `docker://${registry.host}/acme/gz:1`, `dir:${back}`)
    for (const l of pushed.layers)
      expect(sha256(await readFile(path.join(back, l.digest.slice(7))))).toBe(l.digest)
  })

  it('dest-decompress stores a dir: with uncompressed layers named by their DiffIDs; dest-oci-accept-uncompressed-layers keeps them in oci:', async () => {
    const dir = path.join(await tempDir(), 'dir')
    const layout = path.join(await tempDir(), 'layout')
    await copy(`oci:${exampleLayout}:1.0`, [`dir:${dir}`], {
      destinationContext: { dirForceDecompress: true }
    })
    const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
    expect(m.layers.map(l => l.digest)).toEqual(diffIds)
    expect(m.layers.map(l => l.mediaType)).toEqual(
      diffIds.map(() => 'application/vnd.oci.image.layer.v1.tar')
    )

    const kept = await copy(`docker-archive:${archive}`, [`oci:${layout}:1`], {
      destinationContext: { ociAcceptUncompressedLayers: true }
    })
    expect(
      (JSON.parse(kept.destinations[0].manifest.toString()) as Manifest).layers.map(l => l.digest)
    ).toEqual(diffIds)
  })

  it('preserve-digests keeps uncompressed layers uncompressed (the manifest must not change)', async () => {
    const result = await copy(`docker-archive:${archive}`, [`docker://${registry.host}/acme/kept:1`], {
      preserveDigests: true
    })
    const pushed = await registryManifest('acme/kept', '1')
    expect(pushed.layers.map(l => l.digest)).toEqual(diffIds)
    expect(result.destinations[0].digest).toBe(result.sourceDigest)
  })

  it('dest-compress-format zstd on Node 24 (the bundled CLI): OCI with zstd layers; skopeo 1.9.3 copies it back to dir: with the same DiffIDs', async () => {
    const node24 = requireNode24()
    if (!node24) return
    const dest = `docker://${registry.host}/acme/zstd:1`
    await run(
      node24,
      [
        path.join(repoRoot, 'dist', 'cli', 'index.js'),
        `docker-archive:${archive}`,
        dest,
        '--dest-tls-verify=false',
        '--dest-compress-format',
        'zstd',
        '--quiet'
      ],
      { env: { ...process.env, IMAGE_COPY_BLOB_INFO_CACHE: 'off' } }
    )
    const pushed = await registryManifest('acme/zstd', '1')
    expect(pushed.mediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(pushed.layers.map(l => l.mediaType)).toEqual(
      diffIds.map(() => 'application/vnd.oci.image.layer.v1.tar+zstd')
    )

    const back = path.join(await tempDir(), 'back')
    await sk('copy', '--src-tls-verify=false', dest, `dir:${back}`)
    const m = JSON.parse(await readFile(path.join(back, 'manifest.json'), 'utf8')) as Manifest
    const config = JSON.parse(await readFile(path.join(back, m.config.digest.slice(7)), 'utf8'))
    expect(config.rootfs.diff_ids).toEqual(diffIds)
    const files = m.layers.map(l => path.join(back, l.digest.slice(7)))
    for (const f of files) expect(startsWith(await readFile(f), ZSTD_MAGIC)).toBe(true)
    // Decompressed (by Node 24's zstd), each layer hashes to its DiffID.
    const script =
      "const z=require('zlib'),c=require('crypto'),fs=require('fs');" +
      "for (const f of process.argv.slice(1)) console.log('sha256:'+c.createHash('sha256').update(z.zstdDecompressSync(fs.readFileSync(f))).digest('hex'))"
    const { stdout } = await run(node24, ['-e', script, ...files])
    expect(stdout.trim().split('\n')).toEqual(diffIds)
    expect(await readdir(back)).toContain('manifest.json')
  })

  it('a second run to another repository of the same registry mounts the compressed layers instead of compressing again (the blob-info cache)', async () => {
    const cacheFile = path.join(await tempDir(), 'blob-info.json')
    const cli = async (dest: string) => {
      const { stdout } = await run(
        process.execPath,
        [
          path.join(repoRoot, 'dist', 'cli', 'index.js'),
          `docker-archive:${archive}`,
          dest,
          '--dest-tls-verify=false',
          '--json',
          '--quiet'
        ],
        { env: { ...process.env, IMAGE_COPY_BLOB_INFO_CACHE: cacheFile } }
      )
      return JSON.parse(stdout) as { destinations: Array<{ stats: Record<string, number> }> }
    }
    const first = await cli(`docker://${registry.host}/acme/first:1`)
    expect(first.destinations[0].stats.pushedBlobs).toBe(diffIds.length + 1)
    const second = await cli(`docker://${registry.host}/acme/second:1`)
    expect(second.destinations[0].stats).toMatchObject({ pushedBlobs: 0, mountedBlobs: diffIds.length + 1 })
    const [a, b] = await Promise.all([
      registryManifest('acme/first', '1'),
      registryManifest('acme/second', '1')
    ])
    expect(b.layers).toEqual(a.layers)
    // Without the cache the same copy compresses and uploads again.
    const third = await run(
      process.execPath,
      [
        path.join(repoRoot, 'dist', 'cli', 'index.js'),
        `docker-archive:${archive}`,
        `docker://${registry.host}/acme/third:1`,
        '--dest-tls-verify=false',
        '--json',
        '--quiet'
      ],
      { env: { ...process.env, IMAGE_COPY_BLOB_INFO_CACHE: 'off' } }
    )
    expect(
      (JSON.parse(third.stdout) as { destinations: Array<{ stats: Record<string, number> }> }).destinations[0]
        .stats.mountedBlobs
    ).toBe(0)
  })
})
