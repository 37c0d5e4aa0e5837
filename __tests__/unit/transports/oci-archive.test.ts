import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createReadStream, promises as fs } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { createWriteStream } from 'node:fs'
import { spawn } from 'node:child_process'
import { parseOciReference } from '../../../src/transports/oci/index.js'
import tar from 'tar-stream'
import { ImageNotFoundError } from '../../../src/transports/errors.js'
import { parseOciArchiveReference } from '../../../src/transports/oci-archive/index.js'
import { archiveTimestamp, packDirectory } from '../../../src/transports/oci-archive/tar-pack.js'
import {
  blobDigest,
  fixturesDir,
  listFiles,
  OCI_INDEX,
  sha256,
  tempDir,
  tinyImage,
  writeImage,
  writeImageParts,
  writeIndex
} from './helpers.js'

let root: string
let tmp: string
beforeAll(async () => {
  root = await tempDir('archive')
  tmp = path.join(root, 'tmp')
  await fs.mkdir(tmp)
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})
afterEach(async () => {
  // Every source and destination removes its temp directory on close.
  expect(await fs.readdir(tmp)).toEqual([])
})

interface TarEntry {
  name: string
  type: string
  mtime: number
  mode: number
  uid: number
}

async function tarEntries(file: string): Promise<TarEntry[]> {
  const extract = tar.extract()
  const entries: TarEntry[] = []
  const done = pipeline(createReadStream(file), extract)
  for await (const e of extract) {
    const h = e.header
    entries.push({
      name: h.name,
      type: h.type ?? '',
      mtime: h.mtime?.getTime() ?? -1,
      mode: h.mode ?? -1,
      uid: h.uid ?? -1
    })
    e.resume()
  }
  await done
  return entries
}

describe('oci-archive:', () => {
  it('writes a deterministic tar of a layout and reads it back', async () => {
    const images = [tinyImage('arch-a', 'amd64'), tinyImage('arch-b', 'arm64')]
    const files = [path.join(root, 'one.tar'), path.join(root, 'two.tar')]
    let index: Buffer = Buffer.alloc(0)
    for (const file of files) {
      const dest = await parseOciArchiveReference(`${file}:v1`).newDestination({ tmpDir: tmp })
      expect(dest.properties.supportedManifestMimeTypes).toEqual([
        'application/vnd.oci.image.manifest.v1+json',
        OCI_INDEX
      ])
      index = await writeIndex(dest, images)
      await dest.close()
    }
    expect(await fs.readFile(files[0])).toEqual(await fs.readFile(files[1]))

    const entries = await tarEntries(files[0])
    const blobNames = [
      ...images.flatMap(i => [i.config.digest, i.layers[0].digest, i.digest]),
      sha256(index)
    ].map(d => `blobs/sha256/${d.slice(7)}`)
    expect(entries.map(e => e.name)).toEqual([
      'blobs/',
      'blobs/sha256/',
      ...blobNames.sort(),
      'index.json',
      'oci-layout'
    ])
    for (const e of entries) {
      expect(e.mtime).toBe(archiveTimestamp().getTime())
      expect(e.uid).toBe(0)
      expect(e.mode).toBe(e.type === 'directory' ? 0o755 : 0o644)
    }

    const src = await parseOciArchiveReference(`${files[0]}:v1`).newSource({ tmpDir: tmp })
    expect(await src.getManifest()).toEqual({ bytes: index, mimeType: OCI_INDEX })
    expect((await src.getManifest(images[1].digest)).bytes).toEqual(images[1].manifest)
    expect(await blobDigest(src, images[0].layers[0].digest)).toEqual({
      digest: images[0].layers[0].digest,
      size: images[0].layers[0].size
    })
    await src.close()
  })

  it('replaces an existing file only on commit; close() without commit leaves it untouched', async () => {
    const file = path.join(root, 'existing.tar')
    await fs.writeFile(file, 'previous archive')
    const dest = await parseOciArchiveReference(`${file}:v1`).newDestination({ tmpDir: tmp })
    await writeImageParts(dest, tinyImage('abandoned'), true)
    await dest.close()
    expect(await fs.readFile(file, 'utf8')).toBe('previous archive')
    expect((await fs.readdir(root)).filter(n => n.startsWith('.existing'))).toEqual([])

    const image = tinyImage('committed')
    const again = await parseOciArchiveReference(`${file}:v1`).newDestination({ tmpDir: tmp })
    await writeImageParts(again, image)
    await again.putManifest({ bytes: image.manifest, mimeType: 'application/vnd.oci.image.manifest.v1+json' })
    expect(await fs.readFile(file, 'utf8')).toBe('previous archive')
    await again.commit({ bytes: image.manifest, mimeType: 'application/vnd.oci.image.manifest.v1+json' })
    await again.close()
    const src = await parseOciArchiveReference(file).newSource({ tmpDir: tmp })
    expect((await src.getManifest()).bytes).toEqual(image.manifest)
    await src.close()
  })

  it('honours SOURCE_DATE_EPOCH for entry times', () => {
    expect(archiveTimestamp({ SOURCE_DATE_EPOCH: '1700000000' }).getTime()).toBe(1700000000000)
    expect(archiveTimestamp({}).getTime()).toBe(0)
    expect(archiveTimestamp({ SOURCE_DATE_EPOCH: 'soon' }).getTime()).toBe(0)
  })

  it('reads a gzip-compressed archive of the fixture layout, every ref', async () => {
    const plain = path.join(root, 'fixture.tar')
    const gz = path.join(root, 'fixture.tar.gz')
    await packDirectory(path.join(fixturesDir, 'delete_image_multiple_images'), plain, new Date(0))
    await pipeline(createReadStream(plain), createGzip(), createWriteStream(gz))
    for (const ref of ['latest', '3.18.3', '3', '3.18', '3.17.5', '3.16.7', '1.0.0']) {
      const src = await parseOciArchiveReference(`${gz}:${ref}`).newSource({ tmpDir: tmp })
      const m = await src.getManifest()
      expect(m.bytes.length).toBeGreaterThan(0)
      await src.close()
    }
    const e = await parseOciArchiveReference(`${plain}:nope`)
      .newSource({ tmpDir: tmp })
      .catch((err: unknown) => err)
    expect(e).toBeInstanceOf(ImageNotFoundError)
    expect((e as Error).message).toContain(`OCI archive ${plain}`)
    expect((e as Error).message).not.toContain(tmp)
  })

  it('reports a missing archive as not found', async () => {
    await expect(
      parseOciArchiveReference(path.join(root, 'none.tar')).newSource({ tmpDir: tmp })
    ).rejects.toThrow(ImageNotFoundError)
  })

  it('refuses an archive entry that escapes the extraction directory', async () => {
    const evil = path.join(root, 'evil.tar')
    const pack = tar.pack()
    pack.entry({ name: '../escape', size: 1 }, 'x')
    pack.finalize()
    await pipeline(pack, createWriteStream(evil))
    await expect(parseOciArchiveReference(evil).newSource({ tmpDir: tmp })).rejects.toThrow(
      /outside the archive root/
    )
    await expect(fs.access(path.join(tmp, '..', 'escape'))).rejects.toThrow()
  })

  it('extracts only what a layout uses: a huge junk entry is skipped without writing a byte', async () => {
    const layout = path.join(root, 'junk-layout')
    const image = tinyImage('junk')
    await writeImage(await parseOciReference(`${layout}:v1`).newDestination({}), image)
    const archive = path.join(root, 'junk.tar.gz')
    const junkSize = 256 * 1024 * 1024
    const pack = tar.pack()
    const writing = pipeline(pack, createGzip(), createWriteStream(archive))
    const add = (name: string, data: Buffer) =>
      new Promise<void>((resolve, reject) =>
        pack.entry({ name, size: data.length }, data, e => (e ? reject(e) : resolve()))
      )
    const layoutFiles: Record<string, Buffer> = {}
    for (const f of await listFiles(layout)) layoutFiles[f] = await fs.readFile(path.join(layout, f))
    for (const [name, data] of Object.entries(layoutFiles)) await add(name, data)
    // 256 MiB of padding (a few hundred KiB compressed), and names a layout has no use for.
    const padding = pack.entry({ name: 'padding', size: junkSize })
    const zeros = Buffer.alloc(1 << 20)
    for (let i = 0; i < junkSize / zeros.length; i++) {
      if (!padding.write(zeros)) await new Promise<void>(resolve => padding.once('drain', () => resolve()))
    }
    padding.end(zeros.subarray(0, 0))
    await add(`blobs/sha256/${'z'.repeat(64)}`, Buffer.from('not a digest'))
    await add('blobs/sha256/../../other', Buffer.from('x'))
    await add('blobs/md5/0123', Buffer.from('x'))
    pack.entry({ name: 'link', type: 'symlink', linkname: '/etc/passwd' })
    pack.finalize()
    await writing
    expect((await fs.stat(archive)).size).toBeLessThan(2 * 1024 * 1024)

    const src = await parseOciArchiveReference(`${archive}:v1`).newSource({ tmpDir: tmp })
    const [extraction] = await fs.readdir(tmp)
    expect(extraction).toMatch(new RegExp(`^image-copy-oci-archive-${process.pid}-[0-9a-f]{16}$`))
    const written = await listFiles(path.join(tmp, extraction))
    expect(written).toEqual(Object.keys(layoutFiles).sort())
    let bytes = 0
    for (const f of written) bytes += (await fs.stat(path.join(tmp, extraction, f))).size
    expect(bytes).toBe(Object.values(layoutFiles).reduce((n, b) => n + b.length, 0))
    expect((await src.getManifest()).bytes).toEqual(image.manifest)
    await src.close()
  })

  it('refuses an index.json larger than a manifest may be', async () => {
    const archive = path.join(root, 'big-index.tar')
    const pack = tar.pack()
    const writing = pipeline(pack, createWriteStream(archive))
    pack.entry({ name: 'oci-layout' }, '{"imageLayoutVersion":"1.0.0"}')
    pack.entry({ name: 'index.json' }, Buffer.alloc(4 * 1024 * 1024 + 1, 0x20))
    pack.finalize()
    await writing
    await expect(parseOciArchiveReference(archive).newSource({ tmpDir: tmp })).rejects.toThrow(
      `${archive}: index.json is 4194305 bytes, more than the 4194304 an OCI layout's index.json may have`
    )
  })

  it('an open removes the extraction directories of dead processes, not those of live ones', async () => {
    const dead = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
      child.on('error', reject)
      child.on('exit', () => resolve(child.pid!))
    })
    const stale = path.join(tmp, `image-copy-oci-archive-${dead}-0123456789abcdef`)
    const live = path.join(tmp, `image-copy-oci-archive-${process.pid}-0123456789abcdef`)
    for (const d of [stale, live]) {
      await fs.mkdir(path.join(d, 'blobs'), { recursive: true })
      await fs.writeFile(path.join(d, 'blobs', 'partial'), 'x')
    }
    const file = path.join(root, 'sweep.tar')
    const dest = await parseOciArchiveReference(`${file}:v1`).newDestination({ tmpDir: tmp })
    await writeImage(dest, tinyImage('sw'))
    await dest.close()
    expect((await fs.readdir(tmp)).sort()).toEqual([path.basename(live)])
    await fs.rm(live, { recursive: true })
  })

  it('writes a single image: layout files plus three blobs', async () => {
    const file = path.join(root, 'single.tar')
    const dest = await parseOciArchiveReference(`${file}:1.0`).newDestination({ tmpDir: tmp })
    await writeImage(dest, tinyImage('single-archive'))
    await dest.close()
    const entries = await tarEntries(file)
    expect(entries.filter(e => e.type === 'file')).toHaveLength(5)
  })
})
