import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { ImageNotFoundError } from '../../../src/transports/errors.js'
import { NotImageDirectoryError, parseDirReference } from '../../../src/transports/dir/index.js'
import {
  blobDigest,
  failingStream,
  listFiles,
  OCI_INDEX,
  OCI_MANIFEST,
  sha256,
  tempDir,
  tinyImage,
  indexOf,
  verifying,
  writeImage,
  writeImageParts
} from './helpers.js'

let root: string
beforeAll(async () => {
  root = await tempDir('dir')
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

const hex = (digest: string): string => digest.slice('sha256:'.length)

describe('dir: destination and source', () => {
  it('writes the files containers/image writes, and reads them back', async () => {
    const dir = path.join(root, 'single')
    const image = tinyImage('dir-single')
    const dest = await parseDirReference(dir).newDestination({})
    expect(dest.properties.supportedManifestMimeTypes).toEqual([])
    expect(dest.properties.desiredLayerCompression).toBe('preserve')
    expect(dest.properties.supportsSignatures).toBe(true)
    expect(dest.properties.acceptsForeignLayerURLs).toBe(false)
    await writeImage(dest, image)
    await dest.close()
    expect(await listFiles(dir)).toEqual(
      [hex(image.config.digest), hex(image.layers[0].digest), 'manifest.json', 'version'].sort()
    )
    expect(await fs.readFile(path.join(dir, 'version'), 'utf8')).toBe('Directory Transport Version: 1.1\n')
    expect(await fs.readFile(path.join(dir, 'manifest.json'))).toEqual(image.manifest)

    const src = await parseDirReference(dir).newSource({})
    expect(src.properties.hasThreadSafeGetBlob).toBe(true)
    expect(await src.getManifest()).toEqual({ bytes: image.manifest, mimeType: OCI_MANIFEST })
    expect(await blobDigest(src, image.layers[0].digest)).toEqual({
      digest: image.layers[0].digest,
      size: image.layers[0].size
    })
    expect(await src.getSignatures()).toEqual([])
    await src.close()
  })

  it('writes a list: instances as <hex>.manifest.json, signatures as signature-N and <hex>.signature-N', async () => {
    const dir = path.join(root, 'list')
    const images = [tinyImage('dir-amd', 'amd64'), tinyImage('dir-arm', 'arm64')]
    const dest = await parseDirReference(dir).newDestination({})
    for (const image of images) await writeImageParts(dest, image, true)
    await dest.putSignatures([Buffer.from('top-1'), Buffer.from('top-2')])
    await dest.putSignatures([Buffer.from('inst-1')], images[1].digest)
    const index = indexOf(images)
    await dest.putManifest({ bytes: index, mimeType: OCI_INDEX })
    await dest.commit({ bytes: index, mimeType: OCI_INDEX })
    await dest.close()
    const files = await listFiles(dir)
    expect(files).toEqual(
      expect.arrayContaining([
        `${hex(images[0].digest)}.manifest.json`,
        `${hex(images[1].digest)}.manifest.json`,
        'signature-1',
        'signature-2',
        `${hex(images[1].digest)}.signature-1`,
        'manifest.json',
        'version'
      ])
    )
    const src = await parseDirReference(dir).newSource({})
    expect((await src.getManifest(images[1].digest)).bytes).toEqual(images[1].manifest)
    expect(await src.getManifest()).toEqual({ bytes: index, mimeType: OCI_INDEX })
    expect(await src.getSignatures()).toEqual([Buffer.from('top-1'), Buffer.from('top-2')])
    expect(await src.getSignatures(images[1].digest)).toEqual([Buffer.from('inst-1')])
    expect(await src.getSignatures(images[0].digest)).toEqual([])
  })

  it('refuses a non-empty directory that is not an image directory, and leaves it alone', async () => {
    const dir = path.join(root, 'precious')
    await fs.mkdir(dir)
    await fs.writeFile(path.join(dir, 'thesis.tex'), 'years of work')
    await expect(parseDirReference(dir).newDestination({})).rejects.toThrow(NotImageDirectoryError)
    await fs.writeFile(path.join(dir, 'version'), 'Directory Transport Version: 1.1') // no newline: invalid
    await expect(parseDirReference(dir).newDestination({})).rejects.toThrow(
      /not a containers image directory/
    )
    expect(await listFiles(dir)).toEqual(['thesis.tex', 'version'])
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/^\.precious/))
  })

  it('refuses a directory of a newer format version', async () => {
    const dir = path.join(root, 'future')
    await fs.mkdir(dir)
    await fs.writeFile(path.join(dir, 'version'), 'Directory Transport Version: 1.3\n')
    await expect(parseDirReference(dir).newDestination({})).rejects.toThrow(
      /unsupported directory transport version/
    )
    await fs.writeFile(path.join(dir, 'manifest.json'), '{}')
    await expect(parseDirReference(dir).newSource({})).rejects.toThrow(
      /unsupported directory transport version/
    )
  })

  it('replaces an existing image directory only at commit', async () => {
    const dir = path.join(root, 'replace')
    const [a, b] = [tinyImage('dir-old'), tinyImage('dir-new')]
    const first = await parseDirReference(dir).newDestination({})
    await writeImage(first, a)
    await first.close()
    const before = await listFiles(dir)

    const second = await parseDirReference(dir).newDestination({})
    await writeImageParts(second, b)
    await second.putManifest({ bytes: b.manifest, mimeType: OCI_MANIFEST })
    expect(await listFiles(dir)).toEqual(before) // nothing visible yet
    await second.commit({ bytes: b.manifest, mimeType: OCI_MANIFEST })
    await second.close()
    expect(await listFiles(dir)).toEqual(
      [hex(b.config.digest), hex(b.layers[0].digest), 'manifest.json', 'version'].sort()
    )
    expect(await fs.readdir(root)).not.toContainEqual(expect.stringMatching(/^\.replace/))
  })

  it('close() without commit leaves the old image and no temp directory', async () => {
    const dir = path.join(root, 'abandon')
    const a = tinyImage('dir-kept')
    const first = await parseDirReference(dir).newDestination({})
    await writeImage(first, a)
    await first.close()
    const before = await listFiles(dir)
    const dest = await parseDirReference(dir).newDestination({})
    await writeImageParts(dest, tinyImage('dir-abandoned'), true)
    await dest.close()
    expect(await listFiles(dir)).toEqual(before)
    expect(await fs.readdir(root)).not.toContainEqual(expect.stringMatching(/^\.abandon/))
  })

  it('close() without commit into a new path creates nothing', async () => {
    const dir = path.join(root, 'not', 'there')
    const dest = await parseDirReference(dir).newDestination({})
    await writeImageParts(dest, tinyImage('nothing'), true)
    await dest.close()
    await expect(fs.access(path.join(root, 'not'))).rejects.toThrow()
  })

  it('keeps nothing of a failed putBlob', async () => {
    const dir = path.join(root, 'failed-blob')
    const dest = await parseDirReference(dir).newDestination({})
    const staging = (await fs.readdir(root)).find(n => n.startsWith('.failed-blob'))!
    const digest = sha256(Buffer.from('x'))
    await expect(dest.putBlob(failingStream(), { digest, size: -1 }, { isConfig: false })).rejects.toThrow(
      /reset/
    )
    const wrong = Readable.from([Buffer.from('y')]).pipe(verifying(digest))
    await expect(dest.putBlob(wrong, { digest, size: -1 }, { isConfig: false })).rejects.toThrow(
      /digest mismatch/
    )
    expect(await fs.readdir(path.join(root, staging))).toEqual([])
    await dest.close()
  })

  it('writes version 1.2 when a file is named by a non-sha256 digest', async () => {
    const dir = path.join(root, 'sha512')
    const dest = await parseDirReference(dir).newDestination({})
    const bytes = Buffer.from('five-twelve')
    const { createHash } = await import('node:crypto')
    const digest = `sha512:${createHash('sha512').update(bytes).digest('hex')}`
    await dest.putBlob(Readable.from([bytes]), { digest, size: bytes.length }, { isConfig: false })
    await dest.commit({ bytes: Buffer.from('{"schemaVersion":2}'), mimeType: OCI_MANIFEST })
    await dest.close()
    expect(await fs.readFile(path.join(dir, 'version'), 'utf8')).toBe('Directory Transport Version: 1.2\n')
    expect(await listFiles(dir)).toContain(`sha512-${digest.slice(7)}`)
  })

  it('replaces the working directory in place instead of renaming it away', async () => {
    const dir = path.join(root, 'cwd')
    const [a, b] = [tinyImage('cwd-old'), tinyImage('cwd-new')]
    const first = await parseDirReference(dir).newDestination({})
    await writeImage(first, a)
    await first.close()
    const previous = process.cwd()
    process.chdir(dir)
    try {
      const dest = await parseDirReference('.').newDestination({})
      await writeImage(dest, b)
      await dest.close()
      expect(await fs.readFile('manifest.json')).toEqual(b.manifest)
    } finally {
      process.chdir(previous)
    }
    expect(await listFiles(dir)).toEqual(
      [hex(b.config.digest), hex(b.layers[0].digest), 'manifest.json', 'version'].sort()
    )
  })

  it('reports a missing directory as not found', async () => {
    await expect(parseDirReference(path.join(root, 'nope')).newSource({})).rejects.toThrow(ImageNotFoundError)
  })
})
