// The docker-archive destination: the `docker save` format, written through the engine and through
// the ImageDestination API directly (concurrent layers, failures, rollback). Archives are read back
// with tar-stream, an implementation independent of ours.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createReadStream, promises as fs } from 'node:fs'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import zlib from 'node:zlib'
import { copyImage } from '../../../src/copy/copy-image.js'
import { UsageError } from '../../../src/errors.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { parseDockerArchiveReference } from '../../../src/transports/docker-archive/index.js'
import type { ImageDestination, ImageReference } from '../../../src/transports/types.js'
import {
  copy,
  entryData,
  example,
  exampleLayout,
  filesIn,
  imageConfig,
  LAYER_TAR,
  makeLayer,
  OCI_LAYER_GZIP_TYPE,
  OCI_LAYER_ZSTD_TYPE,
  tarEntries,
  V2S2,
  writeOciImage
} from './docker-archive-helpers.js'
import { sha256, tempDir, verifying } from './helpers.js'

let root: string
let tmp: string
const ctx = () => ({ tmpDir: tmp })

beforeAll(async () => {
  root = await tempDir('docker-archive-writer')
  tmp = path.join(root, 'tmp')
  await fs.mkdir(tmp)
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})
afterEach(async () => {
  // Spooled layers never outlive their destination.
  expect(await fs.readdir(tmp)).toEqual([])
})

async function fresh(label: string): Promise<string> {
  return fs.mkdtemp(path.join(root, `${label}-`))
}

/** The digest of the first layer of the example's linux/amd64 image, as the source stores it. */
async function firstLayerOfAmd64(): Promise<string> {
  const blob = async (digest: string) =>
    JSON.parse(await fs.readFile(path.join(exampleLayout, 'blobs', 'sha256', digest.slice(7)), 'utf8'))
  const index = JSON.parse(await fs.readFile(path.join(exampleLayout, 'index.json'), 'utf8'))
  const list = await blob(index.manifests[0].digest)
  const amd64 = list.manifests.find(
    (m: { platform: { architecture: string } }) => m.platform.architecture === 'amd64'
  )
  return (await blob(amd64.digest)).layers[0].digest
}

/** A layer stream that arrives in small pieces over some milliseconds, as a download does. */
function slowStream(bytes: Buffer, pieces = 4, delayMs = 5): Readable {
  const size = Math.ceil(bytes.length / pieces)
  async function* gen(): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += size) {
      await new Promise(resolve => setTimeout(resolve, delayMs))
      yield bytes.subarray(i, i + size)
    }
  }
  return Readable.from(gen())
}

async function putConfig(dest: ImageDestination, config: Buffer): Promise<void> {
  await dest.putBlob(
    Readable.from([config]),
    { digest: sha256(config), size: config.length },
    { isConfig: true }
  )
}

function v2s2Manifest(config: Buffer, layers: Array<{ digest: string; size: number }>): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: V2S2,
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: sha256(config)
      },
      layers: layers.map(l => ({ mediaType: LAYER_TAR, size: l.size, digest: l.digest }))
    })
  )
}

describe('docker-archive: destination', () => {
  it('writes the docker save format: decompressed layers named by DiffID, legacy dirs, manifest.json and repositories last', async () => {
    const dir = await fresh('format')
    const file = path.join(dir, 'image.tar')
    const result = await copy(example, [`docker-archive:${file}:acme/app:1`], { destinationContext: ctx() })
    const written = JSON.parse(result.destinations[0].manifest.toString())
    expect(result.destinations[0].mediaType).toBe(V2S2)
    const diffIds = [
      'sha256:4ea12ecd41df9a4906ae84f02734b90e446d380cb3d3136b8f2dc23f88e478dd',
      'sha256:d8d5aa02c533274d8b4ed1946e72b75c514a68c647f5fa718f42297f0245efd3'
    ]
    expect(written.layers).toEqual(diffIds.map(digest => ({ mediaType: LAYER_TAR, size: 2048, digest })))

    const entries = await tarEntries(file)
    const names = entries.map(e => e.name)
    const configName = `${written.config.digest.slice(7)}.json`
    expect(names.slice(0, 3).sort()).toEqual([...diffIds.map(d => `${d.slice(7)}.tar`), configName].sort())
    expect(names.slice(-2)).toEqual(['manifest.json', 'repositories'])
    for (const d of diffIds) expect(sha256(entryData(entries, `${d.slice(7)}.tar`))).toBe(d)
    expect(sha256(entryData(entries, configName))).toBe(written.config.digest)

    const manifestJson = JSON.parse(entryData(entries, 'manifest.json').toString())
    expect(manifestJson).toEqual([
      {
        Config: configName,
        RepoTags: ['docker.io/acme/app:1'],
        Layers: diffIds.map(d => `${d.slice(7)}.tar`)
      }
    ])
    // Legacy layout: one directory per layer, layer.tar a symlink to the layer at the root.
    const symlinks = entries.filter(e => e.type === 'symlink')
    expect(symlinks.map(s => s.linkname)).toEqual(diffIds.map(d => `../${d.slice(7)}.tar`))
    const ids = symlinks.map(s => s.name.split('/')[0])
    for (const id of ids) {
      expect(entryData(entries, `${id}/VERSION`).toString()).toBe('1.0')
      expect(JSON.parse(entryData(entries, `${id}/json`).toString()).id).toBe(id)
    }
    const top = JSON.parse(entryData(entries, `${ids[1]}/json`).toString())
    expect(top).toMatchObject({ parent: ids[0], architecture: 'amd64', os: 'linux', container: null })
    expect(JSON.parse(entryData(entries, 'repositories').toString())).toEqual({
      'docker.io/acme/app': { '1': ids[1] }
    })
    expect(await filesIn(dir)).toEqual(['image.tar'])
  })

  it("writes layers in the manifest's order, even when the first one downloads last", async () => {
    const dir = await fresh('order')
    const file = path.join(dir, 'image.tar')
    const source = parseImageReference(example)
    const held = await firstLayerOfAmd64()
    // the source, with its first layer held back 300 ms
    const slowFirst: ImageReference = {
      transport: source.transport,
      reference: source.reference,
      toString: () => source.toString(),
      newDestination: ctx => source.newDestination(ctx),
      newSource: async ctx => {
        const inner = await source.newSource(ctx)
        return {
          ref: inner.ref,
          properties: inner.properties,
          getManifest: d => inner.getManifest(d),
          getSignatures: d => inner.getSignatures(d),
          getBlob: async info => {
            if (info.digest === held) await new Promise(r => setTimeout(r, 300))
            return inner.getBlob(info)
          },
          close: () => inner.close()
        }
      }
    }
    const result = await copyImage({
      source: slowFirst,
      destinations: [parseImageReference(`docker-archive:${file}:acme/app:1`)],
      selection: { kind: 'system' },
      runtimePlatform: { os: 'linux', architecture: 'amd64' },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 4,
      sourceContext: {},
      destinationContext: ctx()
    })
    const layers = (
      JSON.parse(result.destinations[0].manifest.toString()).layers as Array<{ digest: string }>
    ).map(l => `${l.digest.slice(7)}.tar`)
    const names = (await tarEntries(file)).map(e => e.name)
    expect(names.filter(n => layers.includes(n))).toEqual(layers)
  })

  it('normalizes the name as docker does, and without a name writes no RepoTags', async () => {
    const dir = await fresh('names')
    await copy(example, [`docker-archive:${dir}/a.tar:alpine`, `docker-archive:${dir}/b.tar`])
    const a = JSON.parse(entryData(await tarEntries(`${dir}/a.tar`), 'manifest.json').toString())
    expect(a[0].RepoTags).toEqual(['docker.io/library/alpine:latest'])
    const b = await tarEntries(`${dir}/b.tar`)
    expect(JSON.parse(entryData(b, 'manifest.json').toString())[0].RepoTags).toEqual([])
    expect(entryData(b, 'repositories').toString()).toBe('{}')
  })

  it('picks one image of a list for a system copy; refuses all-images with a clear error', async () => {
    const dir = await fresh('lists')
    const arm = await copy(example, [`docker-archive:${dir}/arm.tar`], {
      selection: { kind: 'system', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }
    })
    const config = JSON.parse(
      entryData(
        await tarEntries(`${dir}/arm.tar`),
        `${JSON.parse(arm.destinations[0].manifest.toString()).config.digest.slice(7)}.json`
      ).toString()
    )
    expect(config.architecture).toBe('arm64')
    await expect(
      copy(example, [`docker-archive:${dir}/all.tar`], { selection: { kind: 'all' } })
    ).rejects.toThrow(/cannot hold a manifest list/)
    await expect(copy(example, [`docker-archive:${dir}/p.tar`], { preserveDigests: true })).rejects.toThrow(
      /preserve digests/
    )
    expect(await filesIn(dir)).toEqual(['arm.tar'])
  })

  it('refuses an existing non-empty file, naming it, and leaves it as it was', async () => {
    const dir = await fresh('existing')
    const file = path.join(dir, 'image.tar')
    await copy(example, [`docker-archive:${file}`])
    const before = await fs.readFile(file)
    await expect(copy(example, [`docker-archive:${file}:acme/other:2`])).rejects.toThrow(
      `docker-archive:${file}:acme/other:2: ${file} already exists and is not empty; docker-archive doesn't support modifying existing images`
    )
    await expect(parseDockerArchiveReference(file).newDestination(ctx())).rejects.toMatchObject({
      hint: 'remove the file or choose another path'
    })
    expect(await fs.readFile(file)).toEqual(before)
    expect(await filesIn(dir)).toEqual(['image.tar'])
  })

  it('does not replace a file that appeared after the destination was opened', async () => {
    const dir = await fresh('appeared')
    const file = path.join(dir, 'image.tar')
    const dest = await parseDockerArchiveReference(file).newDestination(ctx())
    await fs.writeFile(file, 'written meanwhile')
    const layer = await makeLayer('etc/a', 'a')
    const config = imageConfig([layer.diffId])
    await dest.putBlob(
      Readable.from([layer.gzip]),
      { digest: sha256(layer.gzip), size: layer.gzip.length },
      { isConfig: false }
    )
    await dest.putBlob(
      Readable.from([config]),
      { digest: sha256(config), size: config.length },
      { isConfig: true }
    )
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {
          mediaType: 'application/vnd.docker.container.image.v1+json',
          digest: sha256(config),
          size: config.length
        },
        layers: [
          {
            mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
            digest: sha256(layer.gzip),
            size: layer.gzip.length
          }
        ]
      })
    )
    await expect(
      dest.commit({ bytes: manifest, mimeType: 'application/vnd.docker.distribution.manifest.v2+json' })
    ).rejects.toThrow(/already exists and is not empty/)
    await dest.close()
    expect(await fs.readFile(file, 'utf8')).toBe('written meanwhile')
    expect(await filesIn(dir)).toEqual(['image.tar'])
  })

  it('replaces an empty existing file only at commit; a failed copy leaves it and no temp file', async () => {
    const dir = await fresh('replace')
    const file = path.join(dir, 'image.tar')
    await fs.writeFile(file, '')
    const good = await makeLayer('etc/good', 'good')
    const src = await writeOciImage(path.join(dir, 'src'), imageConfig([sha256(Buffer.from('wrong'))]), [
      { bytes: good.gzip, mediaType: OCI_LAYER_GZIP_TYPE }
    ])
    // The config's DiffID does not match the layer: the check at commit fails.
    await expect(copy(src, [`docker-archive:${file}`], { destinationContext: ctx() })).rejects.toThrow(
      new RegExp(
        `layer 0 \\(${good.diffId}\\) has DiffID ${good.diffId} .*but the image config lists sha256:`
      )
    )
    expect(await fs.readFile(file, 'utf8')).toBe('')
    expect(await filesIn(dir)).toEqual(['image.tar', 'src'])

    await copy(example, [`docker-archive:${file}`])
    expect((await tarEntries(file)).at(-1)?.name).toBe('repositories')
    expect(await filesIn(dir)).toEqual(['image.tar', 'src'])
  })

  it('close() without commit removes the temp file and the directories it created', async () => {
    const dir = await fresh('rollback')
    const dest = await parseDockerArchiveReference(`${dir}/new/sub/image.tar:acme/x:1`).newDestination(ctx())
    const layer = await makeLayer('etc/x', 'x')
    await dest.putBlob(
      Readable.from([layer.gzip]),
      { digest: sha256(layer.gzip), size: layer.gzip.length },
      { isConfig: false }
    )
    expect(await fs.readdir(path.join(dir, 'new', 'sub'))).toHaveLength(1) // the temp file
    await dest.close()
    expect(await filesIn(dir)).toEqual([])
  })

  it('takes concurrent layers (streaming one, spooling the others) and records each under both digests', async () => {
    const dir = await fresh('concurrent')
    const file = path.join(dir, 'image.tar')
    const layers = await Promise.all(
      [0, 1, 2, 3].map(i => makeLayer(`etc/file${i}`, `content ${i}\n`.repeat(2000 + i)))
    )
    const config = imageConfig(layers.map(l => l.diffId))
    const dest = await parseDockerArchiveReference(file).newDestination(ctx())
    expect(dest.properties.desiredLayerCompression).toBe('decompress')
    expect(dest.properties.supportedManifestMimeTypes).toEqual([V2S2])
    // Two of them arrive uncompressed (as from a docker-archive source), two gzip-compressed.
    const inputs = layers.map((l, i) => (i % 2 === 0 ? l.gzip : l.tar))
    const stored = await Promise.all(
      inputs.map(bytes =>
        dest.putBlob(slowStream(bytes), { digest: sha256(bytes), size: bytes.length }, { isConfig: false })
      )
    )
    expect(stored).toEqual(layers.map(l => ({ digest: l.diffId, size: l.tar.length, mediaType: LAYER_TAR })))
    for (const [i, bytes] of inputs.entries()) {
      expect(await dest.tryReusingBlob({ digest: sha256(bytes), size: bytes.length }, {})).toEqual({
        reused: true,
        how: 'exists',
        info: stored[i]
      })
    }
    await putConfig(dest, config)
    const manifest = v2s2Manifest(config, stored)
    await dest.putManifest({ bytes: manifest, mimeType: V2S2 })
    await dest.commit({ bytes: manifest, mimeType: V2S2 })
    await dest.close()
    const entries = await tarEntries(file)
    for (const l of layers) expect(entryData(entries, `${l.diffId.slice(7)}.tar`).equals(l.tar)).toBe(true)
    expect(entries.filter(e => e.name.endsWith('.tar') && !e.name.includes('/'))).toHaveLength(4)
  })

  it('spools a layer that arrives while another is being written, instead of holding its source back', async () => {
    const dir = await fresh('spool')
    const [slow, quick] = await Promise.all([makeLayer('etc/slow', 'slow'), makeLayer('etc/quick', 'quick')])
    const dest = await parseDockerArchiveReference(`${dir}/x.tar`).newDestination(ctx())
    const held = new PassThrough()
    const first = dest.putBlob(
      held,
      { digest: sha256(slow.gzip), size: slow.gzip.length },
      { isConfig: false }
    )
    held.write(slow.gzip.subarray(0, 10)) // the first layer now owns the archive, and stalls
    await new Promise(resolve => setTimeout(resolve, 20))
    // The second layer is read to its end while the first is still open: it goes to a spool file,
    // and into the archive once the first is done.
    const quickStream = Readable.from([quick.gzip])
    const second = dest.putBlob(
      quickStream,
      { digest: sha256(quick.gzip), size: quick.gzip.length },
      { isConfig: false }
    )
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(quickStream.readableEnded).toBe(true)
    const [spoolDir] = await fs.readdir(tmp)
    expect(await fs.readdir(path.join(tmp, spoolDir))).toHaveLength(1)
    held.end(slow.gzip.subarray(10))
    expect((await first).digest).toBe(slow.diffId)
    expect((await second).digest).toBe(quick.diffId)
    await dest.close()
  })

  it('keeps nothing of a layer whose bytes do not verify, and the archive stays valid', async () => {
    const dir = await fresh('corrupt')
    const file = path.join(dir, 'image.tar')
    const good = await makeLayer('etc/good', 'good')
    const bad = await makeLayer('etc/bad', 'bad')
    const dest = await parseDockerArchiveReference(file).newDestination(ctx())
    const corrupted = Buffer.from(bad.gzip)
    corrupted[corrupted.length - 12] ^= 0xff // inside the deflate data: still gzip, wrong digest
    const claimed = sha256(bad.gzip)
    await expect(
      dest.putBlob(
        Readable.from([corrupted]).pipe(verifying(claimed)),
        { digest: claimed, size: corrupted.length },
        { isConfig: false }
      )
    ).rejects.toThrow(/digest mismatch|layer/)
    expect(await dest.tryReusingBlob({ digest: claimed, size: -1 }, {})).toEqual({ reused: false })
    const stored = await dest.putBlob(
      Readable.from([good.gzip]),
      { digest: sha256(good.gzip), size: good.gzip.length },
      { isConfig: false }
    )
    const config = imageConfig([good.diffId])
    await putConfig(dest, config)
    const manifest = v2s2Manifest(config, [stored])
    await dest.putManifest({ bytes: manifest, mimeType: V2S2 })
    await dest.commit({ bytes: manifest, mimeType: V2S2 })
    await dest.close()
    const entries = await tarEntries(file)
    expect(entries.filter(e => e.name.endsWith('.tar') && !e.name.includes('/')).map(e => e.name)).toEqual([
      `${good.diffId.slice(7)}.tar`
    ])
  })

  it('refuses lists, signatures and other manifest types as upstream does', async () => {
    const dir = await fresh('refusals')
    const dest = await parseDockerArchiveReference(`${dir}/x.tar`).newDestination(ctx())
    await expect(
      dest.putManifest({ bytes: Buffer.from('{}'), mimeType: V2S2 }, sha256(Buffer.from('x')))
    ).rejects.toThrow(/Manifest lists are not supported/)
    await expect(
      dest.putManifest({
        bytes: Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}'),
        mimeType: 'application/vnd.oci.image.manifest.v1+json'
      })
    ).rejects.toMatchObject({ name: 'ManifestTypeRejectedError' })
    expect(dest.properties.supportsSignatures).toMatch(/not supported/)
    await expect(dest.putSignatures([Buffer.from('sig')])).rejects.toThrow(/not supported/)
    await dest.close()
    await expect(parseDockerArchiveReference(`${dir}/y.tar:@0`).newDestination(ctx())).rejects.toThrow(
      UsageError
    )
    await expect(parseDockerArchiveReference(dir).newDestination(ctx())).rejects.toThrow(/is a directory/)
    expect(await filesIn(dir)).toEqual([])
  })

  const hasZstd =
    typeof (zlib as unknown as { createZstdDecompress?: unknown }).createZstdDecompress === 'function'
  ;(hasZstd ? it.skip : it)(
    `refuses a zstd layer it cannot decompress, naming the layer${hasZstd ? ' (skipped: this Node has zstd; its twin below runs)' : ''}`,
    async () => {
      const dir = await fresh('zstd')
      const fakeZstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(64, 1)])
      const src = await writeOciImage(path.join(dir, 'src'), imageConfig([sha256(Buffer.from('x'))]), [
        { bytes: fakeZstd, mediaType: OCI_LAYER_ZSTD_TYPE }
      ])
      await expect(copy(src, [`docker-archive:${dir}/x.tar`], { destinationContext: ctx() })).rejects.toThrow(
        new RegExp(`layer ${sha256(fakeZstd)} is zstd-compressed and must be decompressed, but this node`)
      )
      expect(await filesIn(dir)).toEqual(['src'])
    }
  )

  ;(hasZstd ? it : it.skip)(
    `decompresses a zstd layer where this node can${hasZstd ? '' : ' (skipped: zstd needs Node >= 22.15; its twin above runs)'}`,
    async () => {
      const dir = await fresh('zstd-ok')
      const layer = await makeLayer('etc/z', 'zstd content\n'.repeat(100))
      const compress = (zlib as unknown as { zstdCompressSync: (b: Buffer) => Buffer }).zstdCompressSync
      const zstd = compress(layer.tar)
      const src = await writeOciImage(path.join(dir, 'src'), imageConfig([layer.diffId]), [
        { bytes: zstd, mediaType: OCI_LAYER_ZSTD_TYPE }
      ])
      const result = await copy(src, [`docker-archive:${dir}/x.tar`], { destinationContext: ctx() })
      expect(JSON.parse(result.destinations[0].manifest.toString()).layers[0].digest).toBe(layer.diffId)
    }
  )

  it('writes to a pipe directly (spooling layers whose size is unknown)', async () => {
    const dir = await fresh('fifo')
    const fifo = path.join(dir, 'pipe')
    execFileSync('mkfifo', [fifo])
    const collected: Buffer[] = []
    const reading = (async () => {
      for await (const c of createReadStream(fifo)) collected.push(c as Buffer)
    })()
    await copy(example, [`docker-archive:${fifo}:acme/piped:1`], { destinationContext: ctx() })
    await reading
    const out = path.join(dir, 'out.tar')
    await fs.writeFile(out, Buffer.concat(collected))
    const plain = await fresh('fifo-ref')
    await copy(example, [`docker-archive:${plain}/ref.tar:acme/piped:1`])
    // The same entries as a file target (layers may come in another order: they are spooled first).
    const listing = async (file: string) =>
      (await tarEntries(file)).map(e => `${e.name} ${e.linkname ?? ''} ${sha256(e.data)}`).sort()
    expect(await listing(out)).toEqual(await listing(`${plain}/ref.tar`))
    expect((await tarEntries(out)).at(-1)?.name).toBe('repositories')
  })
})
