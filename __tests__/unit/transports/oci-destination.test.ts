import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { UsageError } from '../../../src/errors.js'
import { parseOciReference } from '../../../src/transports/oci/index.js'
import { ManifestTypeRejectedError } from '../../../src/transports/types.js'
import {
  blobDigest,
  copyDir,
  failingStream,
  fixturesDir,
  listFiles,
  OCI_INDEX,
  OCI_MANIFEST,
  putBlobBytes,
  sha256,
  tempDir,
  tinyImage,
  verifying,
  writeImage,
  writeImageParts,
  writeIndex
} from './helpers.js'

const REF = 'org.opencontainers.image.ref.name'

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', () => resolve(child.pid!))
  })
}
let root: string

beforeAll(async () => {
  root = await tempDir('oci-dest')
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

async function readIndexJson(
  layout: string
): Promise<{ manifests: Record<string, unknown>[]; [k: string]: unknown }> {
  return JSON.parse(await fs.readFile(path.join(layout, 'index.json'), 'utf8'))
}

describe('oci: destination', () => {
  it('creates a layout and writes an image that reads back', async () => {
    const layout = path.join(root, 'new', 'layout')
    const image = tinyImage('one')
    const dest = await parseOciReference(`${layout}:v1`).newDestination({})
    expect(dest.properties.supportedManifestMimeTypes).toEqual([OCI_MANIFEST, OCI_INDEX])
    expect(dest.properties.desiredLayerCompression).toBe('compress')
    expect(dest.properties.supportsSignatures).toMatch(/not supported/)
    expect(dest.properties.hasThreadSafePutBlob).toBe(true)
    expect(dest.properties.acceptsForeignLayerURLs).toBe(true)
    await writeImage(dest, image)
    await dest.close()

    expect(await fs.readFile(path.join(layout, 'oci-layout'), 'utf8')).toBe('{"imageLayoutVersion":"1.0.0"}')
    expect(await readIndexJson(layout)).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: image.digest,
          size: image.manifest.length,
          annotations: { [REF]: 'v1' }
        }
      ]
    })
    expect(await listFiles(layout)).toEqual(
      [
        'index.json',
        'oci-layout',
        ...[image.config, image.layers[0], { digest: image.digest }].map(
          b => `blobs/sha256/${b.digest.slice(7)}`
        )
      ].sort()
    )
    const src = await parseOciReference(`${layout}:v1`).newSource({})
    const m = await src.getManifest()
    expect(m).toEqual({ bytes: image.manifest, mimeType: OCI_MANIFEST })
    expect(await blobDigest(src, image.layers[0].digest)).toEqual({
      digest: image.layers[0].digest,
      size: image.layers[0].size
    })
    await src.close()
  })

  it('writes an index with its instances as blobs; the instances read back by digest', async () => {
    const layout = path.join(root, 'multi')
    const images = [tinyImage('amd', 'amd64'), tinyImage('arm', 'arm64')]
    const dest = await parseOciReference(`${layout}:multi`).newDestination({})
    const index = await writeIndex(dest, images)
    await dest.close()
    const src = await parseOciReference(`${layout}:multi`).newSource({})
    expect(await src.getManifest()).toEqual({ bytes: index, mimeType: OCI_INDEX })
    for (const i of images) expect((await src.getManifest(i.digest)).bytes).toEqual(i.manifest)
    expect((await readIndexJson(layout)).manifests).toHaveLength(1)
  })

  it('moves a ref as upstream: the older entry loses its ref annotation (and keeps the entry), other refs stay', async () => {
    const layout = path.join(root, 'moving')
    const [a, b, c] = [tinyImage('a'), tinyImage('b'), tinyImage('c')]
    for (const [ref, image] of [
      ['x', a],
      ['keep', c],
      ['x', b]
    ] as const) {
      const dest = await parseOciReference(`${layout}:${ref}`).newDestination({})
      await writeImage(dest, image)
      await dest.close()
    }
    expect((await readIndexJson(layout)).manifests).toEqual([
      { mediaType: OCI_MANIFEST, digest: a.digest, size: a.manifest.length },
      { mediaType: OCI_MANIFEST, digest: c.digest, size: c.manifest.length, annotations: { [REF]: 'keep' } },
      { mediaType: OCI_MANIFEST, digest: b.digest, size: b.manifest.length, annotations: { [REF]: 'x' } }
    ])
    // Writing `a` again without a ref replaces its now unnamed entry whole; with ref `x` it moves `x` back.
    const again = await parseOciReference(`${layout}:x`).newDestination({})
    await writeImage(again, a)
    await again.close()
    expect((await readIndexJson(layout)).manifests).toEqual([
      { mediaType: OCI_MANIFEST, digest: a.digest, size: a.manifest.length, annotations: { [REF]: 'x' } },
      { mediaType: OCI_MANIFEST, digest: c.digest, size: c.manifest.length, annotations: { [REF]: 'keep' } },
      { mediaType: OCI_MANIFEST, digest: b.digest, size: b.manifest.length }
    ])
  })

  it('keeps other annotations of an entry that loses its ref', async () => {
    const layout = path.join(root, 'annotated')
    const a = tinyImage('annotated-a')
    await fs.mkdir(layout)
    await fs.writeFile(
      path.join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          { mediaType: OCI_MANIFEST, digest: a.digest, size: 1, annotations: { [REF]: 'x', other: 'y' } }
        ],
        annotations: { top: 'level' }
      })
    )
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    const b = tinyImage('annotated-b')
    await writeImage(dest, b)
    await dest.close()
    const index = await readIndexJson(layout)
    expect(index.annotations).toEqual({ top: 'level' })
    expect(index.manifests[0]).toEqual({
      mediaType: OCI_MANIFEST,
      digest: a.digest,
      size: 1,
      annotations: { other: 'y' }
    })
  })

  it('without a ref adds an unnamed entry, and a second identical write does not duplicate it', async () => {
    const layout = path.join(root, 'unnamed')
    const image = tinyImage('unnamed')
    for (let i = 0; i < 2; i++) {
      const dest = await parseOciReference(layout).newDestination({})
      await writeImage(dest, image)
      await dest.close()
    }
    expect((await readIndexJson(layout)).manifests).toEqual([
      { mediaType: OCI_MANIFEST, digest: image.digest, size: image.manifest.length }
    ])
    const src = await parseOciReference(layout).newSource({})
    expect((await src.getManifest()).bytes).toEqual(image.manifest)
  })

  it('adds a ref to the fixture layout without touching the other refs', async () => {
    const layout = path.join(root, 'fixture-add')
    await copyDir(path.join(fixturesDir, 'delete_image_multiple_images'), layout)
    const before = await readIndexJson(layout)
    const dest = await parseOciReference(`${layout}:new`).newDestination({})
    await writeImage(dest, tinyImage('new'))
    await dest.close()
    const after = await readIndexJson(layout)
    expect(after.manifests.slice(0, before.manifests.length)).toEqual(before.manifests)
    expect(after.manifests).toHaveLength(before.manifests.length + 1)
    for (const ref of ['latest', '3.18.3', '3', '3.18', '3.17.5', '3.16.7', '1.0.0', 'new']) {
      const src = await parseOciReference(`${layout}:${ref}`).newSource({})
      await src.getManifest()
    }
  })

  it('refuses @digest and :@N destinations', async () => {
    const layout = path.join(root, 'refuse')
    await expect(parseOciReference(`${layout}@${tinyImage('x').digest}`).newDestination({})).rejects.toThrow(
      UsageError
    )
    await expect(parseOciReference(`${layout}:@0`).newDestination({})).rejects.toThrow(
      /must not contain a manifest index @0/
    )
  })

  it('rejects Docker manifest types with ManifestTypeRejectedError', async () => {
    const dest = await parseOciReference(path.join(root, 'docker-type')).newDestination({})
    const put = dest.putManifest({
      bytes: Buffer.from('{}'),
      mimeType: 'application/vnd.docker.distribution.manifest.v2+json'
    })
    await expect(put).rejects.toThrow(ManifestTypeRejectedError)
    await expect(dest.putSignatures([Buffer.from('sig')])).rejects.toThrow(/not supported/)
    await dest.close()
  })

  it('keeps nothing of a putBlob whose stream errors', async () => {
    const layout = path.join(root, 'failing')
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    const digest = sha256(Buffer.from('never'))
    await expect(dest.putBlob(failingStream(), { digest, size: -1 }, { isConfig: false })).rejects.toThrow(
      /connection reset/
    )
    const bytes = Buffer.from('good bytes, wrong digest')
    const stream = Readable.from([bytes]).pipe(verifying(digest))
    await expect(dest.putBlob(stream, { digest, size: bytes.length }, { isConfig: false })).rejects.toThrow(
      /digest mismatch/
    )
    expect(await listFiles(layout)).toEqual([])
    await dest.close()
  })

  it('refuses a blob of the wrong size and keeps nothing', async () => {
    const layout = path.join(root, 'size')
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    const bytes = Buffer.from('twelve bytes')
    const put = dest.putBlob(Readable.from([bytes]), { digest: sha256(bytes), size: 99 }, { isConfig: false })
    await expect(put).rejects.toThrow(/Size mismatch/)
    expect(await listFiles(layout)).toEqual([])
    await dest.close()
  })

  it('computes the digest of a blob given without one', async () => {
    const layout = path.join(root, 'nodigest')
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    const bytes = Buffer.from('anonymous')
    const info = await dest.putBlob(Readable.from([bytes]), { digest: '', size: -1 }, { isConfig: false })
    expect(info).toMatchObject({ digest: sha256(bytes), size: bytes.length })
    expect(await listFiles(layout)).toEqual([`blobs/sha256/${sha256(bytes).slice(7)}`])
    await dest.close()
  })

  it('stores one file when the same blob is put concurrently', async () => {
    const layout = path.join(root, 'concurrent')
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    const image = tinyImage('concurrent')
    const l = image.layers[0]
    const put = () =>
      dest.putBlob(Readable.from([l.bytes]), { digest: l.digest, size: l.size }, { isConfig: false })
    const results = await Promise.all([put(), put(), put(), put()])
    for (const r of results) expect(r).toMatchObject({ digest: l.digest, size: l.size })
    expect(await listFiles(layout)).toEqual([`blobs/sha256/${l.digest.slice(7)}`])
    await writeImage(dest, image)
    await dest.close()
    expect(await blobDigest(await parseOciReference(`${layout}:x`).newSource({}), l.digest)).toEqual({
      digest: l.digest,
      size: l.size
    })
  })

  it('close() without commit leaves index.json byte-identical, keeps the blobs (another process may use them) and no temp file', async () => {
    const layout = path.join(root, 'rollback')
    await copyDir(path.join(fixturesDir, 'delete_image_multiple_images'), layout)
    const indexBefore = await fs.readFile(path.join(layout, 'index.json'))
    const filesBefore = await listFiles(layout)
    const dest = await parseOciReference(`${layout}:latest`).newDestination({})
    const image = tinyImage('rollback')
    await writeImageParts(dest, image, true)
    // An existing blob, reused and written again: it must survive the rollback.
    const existing = await fs.readFile(
      path.join(layout, 'blobs/sha256/557ac7d133b7770216a8101268640edf4e88beab1b4e1e1bfc9b1891a1cab861')
    )
    const existingBlob = { bytes: existing, digest: sha256(existing), size: existing.length, mediaType: 'x' }
    expect(await dest.tryReusingBlob({ digest: existingBlob.digest, size: -1 }, {})).toMatchObject({
      reused: true,
      how: 'exists'
    })
    await dest.putBlob(
      Readable.from([existing]),
      { digest: existingBlob.digest, size: existing.length },
      { isConfig: false }
    )
    const filesWritten = await listFiles(layout)
    expect(filesWritten.length).toBe(filesBefore.length + 3)
    await dest.close()
    expect(await fs.readFile(path.join(layout, 'index.json'))).toEqual(indexBefore)
    expect(await listFiles(layout)).toEqual(filesWritten)
    expect(
      await fs.readFile(path.join(layout, existingBlob.digest.replace('sha256:', 'blobs/sha256/')))
    ).toEqual(existing)
  })

  it('close() without commit on a new layout leaves its blobs but no index.json and no temp file', async () => {
    const layout = path.join(root, 'gone', 'layout')
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    const image = tinyImage('gone')
    await writeImageParts(dest, image, true)
    await dest.close()
    expect(await listFiles(layout)).toEqual(
      [image.config, image.layers[0], { digest: image.digest }]
        .map(b => `blobs/sha256/${b.digest.slice(7)}`)
        .sort()
    )
  })

  it('close() without commit after nothing was written leaves no directory behind', async () => {
    const layout = path.join(root, 'nothing', 'layout')
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    await dest.close()
    await expect(fs.access(path.join(root, 'nothing'))).rejects.toThrow()
  })

  it('an open removes the temp files of dead processes, and keeps those of live ones', async () => {
    const layout = path.join(root, 'sweep')
    await writeImage(await parseOciReference(`${layout}:x`).newDestination({}), tinyImage('sweep'))
    const dead = await deadPid()
    const stale = [
      `blobs/sha256/.put-blob-${dead}-0123456789abcdef.tmp`,
      `.index.json-${dead}-0123456789abcdef.tmp`
    ]
    const live = `blobs/sha256/.put-blob-${process.pid}-0123456789abcdef.tmp`
    for (const f of [...stale, live]) await fs.writeFile(path.join(layout, f), 'partial')
    const before = await listFiles(layout)
    const dest = await parseOciReference(`${layout}:y`).newDestination({})
    expect(await listFiles(layout)).toEqual(before.filter(f => !stale.includes(f)))
    await dest.close()
  })

  it('does not delete a blob another destination of this process committed', async () => {
    const layout = path.join(root, 'two-dests')
    const image = tinyImage('shared-between')
    const a = await parseOciReference(`${layout}:a`).newDestination({})
    const b = await parseOciReference(`${layout}:b`).newDestination({})
    await writeImageParts(a, image) // `a` creates the blobs
    await writeImage(b, image) // `b` finds them, and commits
    await a.close() // `a` rolls back
    await b.close()
    const src = await parseOciReference(`${layout}:b`).newSource({})
    expect(await blobDigest(src, image.layers[0].digest)).toMatchObject({ digest: image.layers[0].digest })
    expect(await blobDigest(src, image.config.digest)).toMatchObject({ digest: image.config.digest })
  })

  it('commits concurrent destinations on one layout without losing a ref', async () => {
    const layout = path.join(root, 'parallel-commits')
    const images = ['p1', 'p2', 'p3', 'p4'].map(s => tinyImage(s))
    const dests = await Promise.all(
      images.map((_, i) => parseOciReference(`${layout}:r${i}`).newDestination({}))
    )
    await Promise.all(dests.map((d, i) => writeImage(d, images[i])))
    await Promise.all(dests.map(d => d.close()))
    const names = (await readIndexJson(layout)).manifests
      .map(m => (m.annotations as Record<string, string>)[REF])
      .sort()
    expect(names).toEqual(['r0', 'r1', 'r2', 'r3'])
  })

  it('writes blobs to a shared blob directory', async () => {
    const layout = path.join(root, 'shared-layout')
    const sharedBlobDir = path.join(root, 'shared-blobs')
    const image = tinyImage('shared')
    const dest = await parseOciReference(`${layout}:s`).newDestination({ sharedBlobDir })
    await writeImage(dest, image)
    await dest.close()
    expect(await listFiles(layout)).toEqual(['index.json', 'oci-layout'])
    expect(await listFiles(sharedBlobDir)).toHaveLength(3)
    const src = await parseOciReference(`${layout}:s`).newSource({ sharedBlobDir })
    expect((await src.getManifest()).bytes).toEqual(image.manifest)
  })

  it('a putBlob of a blob already present still reads its stream, and fails with it', async () => {
    const layout = path.join(root, 'drain')
    const image = tinyImage('drain')
    const dest = await parseOciReference(`${layout}:x`).newDestination({})
    await putBlobBytes(dest, image.layers[0])
    const stream = Readable.from([Buffer.from('wrong')]).pipe(verifying(image.layers[0].digest))
    await expect(
      dest.putBlob(stream, { digest: image.layers[0].digest, size: -1 }, { isConfig: false })
    ).rejects.toThrow(/digest mismatch/)
    await dest.close()
  })
})
