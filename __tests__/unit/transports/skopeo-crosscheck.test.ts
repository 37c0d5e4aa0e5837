// skopeo (containers/image itself) reads what our local transports write, and we read what it writes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { parseDirReference } from '../../../src/transports/dir/index.js'
import { parseOciArchiveReference } from '../../../src/transports/oci-archive/index.js'
import { parseOciReference } from '../../../src/transports/oci/index.js'
import { requireProgram } from '../../harness/programs.js'
import { blobDigest, listFiles, OCI_INDEX, tempDir, tinyImage, writeImage, writeIndex } from './helpers.js'

const run = promisify(execFile)

// Missing skopeo: a printed skip on a developer machine, a failure under CI=true.
const skopeo = requireProgram('skopeo')
const describeWithSkopeo = skopeo === undefined ? describe.skip : describe

async function skopeoRun(...args: string[]): Promise<string> {
  return (await run(skopeo!, ['--insecure-policy', ...args], { maxBuffer: 16 * 1024 * 1024 })).stdout
}

describeWithSkopeo('skopeo cross-check of oci:, oci-archive:, dir:', () => {
  let root: string
  beforeAll(async () => {
    root = await tempDir('skopeo')
  })
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })

  it('skopeo inspect --raw reads our oci: layout and oci-archive: by ref', async () => {
    const images = [tinyImage('sk-amd', 'amd64'), tinyImage('sk-arm', 'arm64')]
    const layout = path.join(root, 'layout')
    const dest = await parseOciReference(`${layout}:multi`).newDestination({})
    const index = await writeIndex(dest, images)
    await dest.close()
    expect(Buffer.from(await skopeoRun('inspect', '--raw', `oci:${layout}:multi`))).toEqual(index)

    const archive = path.join(root, 'multi.tar')
    const adest = await parseOciArchiveReference(`${archive}:multi`).newDestination({})
    await writeIndex(adest, images)
    await adest.close()
    expect(Buffer.from(await skopeoRun('inspect', '--raw', `oci-archive:${archive}:multi`))).toEqual(index)

    // And skopeo copies the whole list out of our layout.
    const copied = path.join(root, 'copied-from-ours')
    await skopeoRun('copy', '--all', `oci:${layout}:multi`, `oci:${copied}:again`)
    expect(Buffer.from(await skopeoRun('inspect', '--raw', `oci:${copied}:again`))).toEqual(index)
  })

  it('skopeo copies our dir: to oci:, and we read the result', async () => {
    const image = tinyImage('sk-dir')
    const dir = path.join(root, 'dir')
    const dest = await parseDirReference(dir).newDestination({})
    await writeImage(dest, image)
    await dest.close()
    const layout = path.join(root, 'from-dir')
    await skopeoRun('copy', `dir:${dir}`, `oci:${layout}:x`)
    const src = await parseOciReference(`${layout}:x`).newSource({})
    expect((await src.getManifest()).bytes).toEqual(image.manifest)
    expect(await blobDigest(src, image.layers[0].digest)).toEqual({
      digest: image.layers[0].digest,
      size: image.layers[0].size
    })
  })

  it('we read dir: and oci-archive: written by skopeo', async () => {
    const images = [tinyImage('sk-back-amd', 'amd64'), tinyImage('sk-back-arm', 'arm64')]
    const layout = path.join(root, 'ours-for-back')
    const dest = await parseOciReference(`${layout}:v`).newDestination({})
    const index = await writeIndex(dest, images)
    await dest.close()

    const dir = path.join(root, 'skopeo-dir')
    await skopeoRun('copy', '--all', `oci:${layout}:v`, `dir:${dir}`)
    const dsrc = await parseDirReference(dir).newSource({})
    expect(await dsrc.getManifest()).toEqual({ bytes: index, mimeType: OCI_INDEX })
    expect((await dsrc.getManifest(images[0].digest)).bytes).toEqual(images[0].manifest)
    expect(await listFiles(dir)).toContain('version')

    const archive = path.join(root, 'skopeo.tar')
    await skopeoRun('copy', '--all', `oci:${layout}:v`, `oci-archive:${archive}:v`)
    const asrc = await parseOciArchiveReference(`${archive}:v`).newSource({})
    expect(await asrc.getManifest()).toEqual({ bytes: index, mimeType: OCI_INDEX })
    await asrc.close()
  })
})
