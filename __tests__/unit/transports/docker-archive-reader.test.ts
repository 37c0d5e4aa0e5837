// The docker-archive source: archives written by us, by old and new `docker save` (legacy layout with
// symlinked layers; Docker 25+ OCI layout inside), gzip-compressed archives, multi-image archives,
// the containers/image fixture, and broken archives.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { UsageError } from '../../../src/errors.js'
import { parseDockerArchiveReference } from '../../../src/transports/docker-archive/index.js'
import { ImageNotFoundError } from '../../../src/transports/errors.js'
import {
  almostEmpty,
  copy,
  example,
  filesIn,
  imageConfig,
  LAYER_GZIP,
  LAYER_TAR,
  makeLayer,
  V2S2,
  V2S2_CONFIG,
  writeTar,
  type TarInput
} from './docker-archive-helpers.js'
import { readAll, sha256, tempDir } from './helpers.js'

let root: string
let tmp: string
const ctx = () => ({ tmpDir: tmp })

beforeAll(async () => {
  root = await tempDir('docker-archive-reader')
  tmp = path.join(root, 'tmp')
  await fs.mkdir(tmp)
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})
afterEach(async () => {
  // Decompressed copies of archives are removed when their source closes.
  expect(await fs.readdir(tmp)).toEqual([])
})

async function fresh(label: string): Promise<string> {
  return fs.mkdtemp(path.join(root, `${label}-`))
}

async function manifestOf(ref: string): Promise<{
  config: { digest: string; size: number; mediaType: string }
  layers: Array<{ digest: string; size: number; mediaType: string }>
}> {
  const src = await parseDockerArchiveReference(ref).newSource(ctx())
  try {
    const raw = await src.getManifest()
    expect(raw.mimeType).toBe(V2S2)
    return JSON.parse(raw.bytes.toString())
  } finally {
    await src.close()
  }
}

/** The config and manifest.json entries of a hand-made archive of one image. */
function imageEntries(
  config: Buffer,
  configPath: string,
  layerPaths: string[],
  repoTags: string[] = []
): TarInput[] {
  return [
    { name: configPath, data: config },
    {
      name: 'manifest.json',
      data: Buffer.from(JSON.stringify([{ Config: configPath, RepoTags: repoTags, Layers: layerPaths }]))
    }
  ]
}

describe('docker-archive: source', () => {
  it('reads an archive we wrote: v2s2 with uncompressed layers named by DiffID, blobs that verify', async () => {
    const dir = await fresh('ours')
    const written = await copy(example, [`docker-archive:${dir}/a.tar:acme/app:1`])
    const writtenManifest = written.destinations[0].manifest
    const src = await parseDockerArchiveReference(`${dir}/a.tar`).newSource(ctx())
    const raw = await src.getManifest()
    // Our synthesized manifest is the one we wrote (same Go-style serialization).
    expect(raw.bytes.equals(writtenManifest)).toBe(true)
    const m = JSON.parse(raw.bytes.toString())
    for (const l of m.layers) {
      const { stream, size } = await src.getBlob({ digest: l.digest, size: l.size })
      const bytes = await readAll(stream)
      expect([sha256(bytes), bytes.length]).toEqual([l.digest, size])
    }
    const config = await readAll((await src.getBlob({ digest: m.config.digest, size: -1 })).stream)
    expect(sha256(config)).toBe(m.config.digest)
    await expect(src.getBlob({ digest: sha256(Buffer.from('nope')), size: -1 })).rejects.toMatchObject({
      code: 'ENOENT'
    })
    await expect(src.getManifest(m.config.digest)).rejects.toThrow(/manifest lists are not supported/)
    expect(await src.getSignatures()).toEqual([])
    await src.close()
  })

  it('reads the containers/image fixture almostempty.tar and copies it to oci:', async () => {
    const m = await manifestOf(almostEmpty)
    expect(m.config).toEqual({
      mediaType: V2S2_CONFIG,
      size: 1294,
      digest: 'sha256:9d7f147c0d0c4d4538a04c7ef385809e56eb1aac7bf800fbe976612188025b68'
    })
    expect(m.layers).toEqual([
      { mediaType: LAYER_TAR, size: 1536, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }
    ])
    const dir = await fresh('almostempty')
    const result = await copy(`docker-archive:${almostEmpty}`, [`oci:${dir}/layout:1`])
    const oci = JSON.parse(result.destinations[0].manifest.toString())
    // oci: wants compressed layers: the uncompressed layer is gzip-compressed on the way, and its
    // DiffID (the config's, converted to OCI) stays the uncompressed digest.
    expect(oci.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar+gzip'
    ])
    const blob = (digest: string) => `${dir}/layout/blobs/sha256/${digest.slice(7)}`
    for (const [i, l] of (oci.layers as Array<{ digest: string; size: number }>).entries()) {
      const gz = await fs.readFile(blob(l.digest))
      expect([sha256(gz), gz.length]).toEqual([l.digest, l.size])
      expect(sha256(gunzipSync(gz))).toBe(m.layers[i].digest)
    }
    const ociConfig = JSON.parse(await fs.readFile(blob(oci.config.digest), 'utf8'))
    expect(ociConfig.rootfs.diff_ids).toEqual(m.layers.map(l => l.digest))
  })

  it('reads the Docker 25+ format: manifest.json pointing into an OCI layout, compressed blobs kept as they are', async () => {
    const dir = await fresh('docker25')
    const plain = await makeLayer('etc/plain', 'plain')
    const packed = await makeLayer('etc/packed', 'packed')
    const config = imageConfig([plain.diffId, packed.diffId])
    const blob = (digest: string) => `blobs/sha256/${digest.slice(7)}`
    const file = path.join(dir, 'docker25.tar')
    await writeTar(file, [
      { name: 'blobs/', type: 'directory' },
      { name: 'blobs/sha256/', type: 'directory' },
      { name: blob(sha256(config)), data: config },
      { name: blob(plain.diffId), data: plain.tar },
      { name: blob(sha256(packed.gzip)), data: packed.gzip },
      { name: 'index.json', data: Buffer.from('{"schemaVersion":2,"manifests":[]}') },
      { name: 'oci-layout', data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') },
      { name: 'repositories', data: Buffer.from('{}') },
      ...imageEntries(
        config,
        blob(sha256(config)),
        [blob(plain.diffId), blob(sha256(packed.gzip))],
        ['acme/new:1']
      ).slice(1)
    ])
    const m = await manifestOf(`${file}:acme/new:1`)
    expect(m.layers).toEqual([
      { mediaType: LAYER_TAR, size: plain.tar.length, digest: plain.diffId },
      { mediaType: LAYER_GZIP, size: packed.gzip.length, digest: sha256(packed.gzip) }
    ])
    // Into another archive: the gzip layer is decompressed, its DiffID checked against the config.
    const out = await copy(`docker-archive:${file}`, [`docker-archive:${dir}/out.tar`], {
      destinationContext: ctx()
    })
    expect(
      JSON.parse(out.destinations[0].manifest.toString()).layers.map((l: { digest: string }) => l.digest)
    ).toEqual([plain.diffId, packed.diffId])
  })

  it('reads the legacy layout of older docker save: <id>/layer.tar files, a repeated layer as a symlink, a gzip layer hashed', async () => {
    const dir = await fresh('legacy')
    const base = await makeLayer('etc/base', 'base')
    const top = await makeLayer('etc/top', 'top')
    // base, top, base again (the same DiffID twice, as docker can produce)
    const config = imageConfig([base.diffId, top.diffId, base.diffId])
    const file = path.join(dir, 'legacy.tar')
    await writeTar(file, [
      { name: 'aaaa/', type: 'directory' },
      { name: 'aaaa/layer.tar', data: base.tar },
      { name: 'bbbb/', type: 'directory' },
      { name: 'bbbb/layer.tar', data: top.gzip },
      { name: 'cccc/', type: 'directory' },
      { name: 'cccc/layer.tar', type: 'symlink', linkname: '../aaaa/layer.tar' },
      ...imageEntries(
        config,
        'cfg.json',
        ['aaaa/layer.tar', 'bbbb/layer.tar', 'cccc/layer.tar'],
        ['docker.io/acme/old:2']
      )
    ])
    const m = await manifestOf(file)
    expect(m.config).toEqual({ mediaType: V2S2_CONFIG, size: config.length, digest: sha256(config) })
    expect(m.layers).toEqual([
      { mediaType: LAYER_TAR, size: base.tar.length, digest: base.diffId },
      { mediaType: LAYER_GZIP, size: top.gzip.length, digest: sha256(top.gzip) },
      { mediaType: LAYER_TAR, size: base.tar.length, digest: base.diffId }
    ])
    const result = await copy(`docker-archive:${file}`, [`oci:${dir}/layout:1`])
    expect(JSON.parse(result.destinations[0].manifest.toString()).layers).toHaveLength(3)
  })

  it('selects an image of a multi-image archive by name:tag (normalized) or by @N', async () => {
    const dir = await fresh('multi')
    const a = await makeLayer('etc/a', 'a')
    const b = await makeLayer('etc/b', 'b')
    const configA = imageConfig([a.diffId], 'amd64')
    const configB = imageConfig([b.diffId], 'arm64')
    const file = path.join(dir, 'multi.tar')
    await writeTar(file, [
      { name: 'a.tar', data: a.tar },
      { name: 'b.tar', data: b.tar },
      { name: 'a.json', data: configA },
      { name: 'b.json', data: configB },
      {
        name: 'manifest.json',
        data: Buffer.from(
          JSON.stringify([
            { Config: 'a.json', RepoTags: ['acme/a:1', 'docker.io/library/alpine:3'], Layers: ['a.tar'] },
            { Config: 'b.json', RepoTags: ['localhost:5000/acme/b:2'], Layers: ['b.tar'] }
          ])
        )
      }
    ])
    expect((await manifestOf(`${file}:docker.io/acme/a:1`)).config.digest).toBe(sha256(configA))
    expect((await manifestOf(`${file}:alpine:3`)).config.digest).toBe(sha256(configA))
    expect((await manifestOf(`${file}:localhost:5000/acme/b:2`)).config.digest).toBe(sha256(configB))
    expect((await manifestOf(`${file}:@1`)).config.digest).toBe(sha256(configB))
    await expect(manifestOf(file)).rejects.toThrow(UsageError)
    await expect(manifestOf(file)).rejects.toThrow(/holds 2 images; choose one \(tags present: "acme\/a:1"/)
    await expect(manifestOf(`${file}:acme/a:2`)).rejects.toThrow(ImageNotFoundError)
    await expect(manifestOf(`${file}:acme/a:2`)).rejects.toThrow(/tag "docker.io\/acme\/a:2" not found/)
    await expect(manifestOf(`${file}:@2`)).rejects.toThrow(/invalid source index @2, only 2 manifest items/)
  })

  it('reads a gzip-compressed archive through a temp copy removed on close', async () => {
    const dir = await fresh('gzip')
    await copy(example, [`docker-archive:${dir}/a.tar:acme/app:1`])
    await fs.writeFile(`${dir}/a.tar.gz`, gzipSync(await fs.readFile(`${dir}/a.tar`)))
    expect(await manifestOf(`${dir}/a.tar.gz`)).toEqual(await manifestOf(`${dir}/a.tar`))
    const result = await copy(`docker-archive:${dir}/a.tar.gz`, [`oci:${dir}/layout:1`], {
      sourceContext: ctx()
    })
    expect(result.destinations).toHaveLength(1)
  })

  it('fails clearly on a missing file, a non-archive, an OCI archive, a missing layer and a config without rootfs', async () => {
    const dir = await fresh('broken')
    await expect(manifestOf(`${dir}/missing.tar`)).rejects.toThrow(ImageNotFoundError)
    await fs.writeFile(`${dir}/text.tar`, 'this is not a tar archive at all'.repeat(40))
    await expect(manifestOf(`${dir}/text.tar`)).rejects.toThrow(/invalid tar header/)
    await writeTar(`${dir}/oci.tar`, [{ name: 'index.json', data: Buffer.from('{}') }])
    await expect(manifestOf(`${dir}/oci.tar`)).rejects.toThrow(/has no manifest.json/)
    const layer = await makeLayer('etc/x', 'x')
    await writeTar(`${dir}/nolayer.tar`, imageEntries(imageConfig([layer.diffId]), 'c.json', ['gone.tar']))
    await expect(manifestOf(`${dir}/nolayer.tar`)).rejects.toThrow(
      /the layer file "gone.tar" named by manifest.json is missing/
    )
    await writeTar(`${dir}/count.tar`, [
      { name: 'l.tar', data: layer.tar },
      ...imageEntries(imageConfig([]), 'c.json', ['l.tar'])
    ])
    await expect(manifestOf(`${dir}/count.tar`)).rejects.toThrow(
      /inconsistent layer count: 1 in manifest.json, 0 in the config/
    )
    await writeTar(`${dir}/norootfs.tar`, imageEntries(Buffer.from('{"os":"linux"}'), 'c.json', []))
    await expect(manifestOf(`${dir}/norootfs.tar`)).rejects.toThrow(/rootfs is not set/)
  })

  it('a corrupted layer fails the copy with an error naming the blob, leaving no partial image', async () => {
    const dir = await fresh('corrupt')
    await copy(example, [`docker-archive:${dir}/a.tar`])
    const m = await manifestOf(`${dir}/a.tar`)
    const victim = m.layers[1].digest
    // Change one byte inside the layer file's data (its offset found with our own index).
    const bytes = await fs.readFile(`${dir}/a.tar`)
    const name = Buffer.from(`${victim.slice(7)}.tar`)
    const headerAt = bytes.indexOf(name)
    bytes[headerAt + 512 + 100] ^= 0x01
    await fs.writeFile(`${dir}/bad.tar`, bytes)
    for (const dest of [`oci:${dir}/layout:1`, `docker-archive:${dir}/out.tar`, `dir:${dir}/dir`]) {
      await expect(
        copy(`docker-archive:${dir}/bad.tar`, [dest], { destinationContext: ctx() })
      ).rejects.toThrow(new RegExp(`blob ${victim} does not match its digest`))
    }
    expect(await filesIn(dir)).toEqual(['a.tar', 'bad.tar', 'layout'])
    // The OCI layout keeps the blobs it got (another copy may have reused them), but no index.json
    // (no image) and no temp file.
    const layout = (await fs.readdir(`${dir}/layout`, { recursive: true })).map(String)
    expect(layout.filter(n => !/^blobs(\/sha256(\/[0-9a-f]{64})?)?$/.test(n))).toEqual([])
  })
})
