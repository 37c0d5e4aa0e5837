// The bundled Action (dist/) run as the runner runs it, on local transports.
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { requireNode24, runActionWithPost, runActionStep } from '../../harness/action-runner.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'

const node24 = requireNode24()
const withNode24 = node24 ? describe : describe.skip

withNode24('the Action on Node 24, from dist/', () => {
  afterAll(removeTempDirs)

  it('copies all images to two destinations; outputs match what was written', async () => {
    const a = await tempDir()
    const b = await tempDir()
    const digestFile = path.join(a, 'digest.txt')
    const { main, post } = await runActionWithPost(node24!, {
      src: `oci:${exampleLayout}:1.0`,
      dest: `oci:${a}/layout:1.0\ndir:${b}/img`,
      'all-images': 'true',
      digestfile: digestFile
    })
    expect(main.stderr).toBe('')
    expect(main.code).toBe(0)
    const expected = await ociRefDigest(exampleLayout, '1.0')
    expect(main.outputs.digest).toBe(expected)
    expect(main.outputs['media-type']).toBe('application/vnd.oci.image.index.v1+json')
    expect(await ociRefDigest(`${a}/layout`, '1.0')).toBe(expected)
    expect(JSON.parse(main.outputs.digests)).toEqual({
      [`oci:${a}/layout:1.0`]: expected,
      [`dir:${b}/img`]: expected
    })
    const instances = JSON.parse(main.outputs.instances) as Array<{ platform: string; status: string }>
    expect(instances.map(i => i.platform)).toEqual(['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7'])
    expect(instances.every(i => i.status === 'copied')).toBe(true)
    expect(JSON.parse(main.outputs.manifest).manifests).toHaveLength(3)
    expect(await readFile(digestFile, 'utf8')).toBe(expected)
    expect(main.stdout).toContain('::group::')
    expect(main.summary).toContain('linux/arm/v7')
    expect(post.code).toBe(0)
  })

  it('a bad input fails with one error naming the input', async () => {
    const run = await runActionStep(node24!, 'dist/main/index.js', {
      src: `oci:${exampleLayout}:1.0`,
      dest: `oci:${await tempDir()}/x:1.0`,
      'all-images': 'yes'
    })
    expect(run.code).not.toBe(0)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('input "all-images"')
    expect(errors[0]).toContain('"yes"')
  })

  it('outside GitHub (no cache service) the blob cache is a local directory, with one notice', async () => {
    const run = await runActionStep(node24!, 'dist/main/index.js', {
      src: `oci:${exampleLayout}:1.0`,
      dest: `oci:${await tempDir()}/x:1.0`
    })
    expect(run.code).toBe(0)
    // (the other notice says which platform of the list was copied)
    expect(run.stdout.split('\n').filter(l => l.startsWith('::notice::Blob cache'))).toHaveLength(1)
    expect(run.stdout.split('\n').filter(l => l.startsWith('::warning'))).toHaveLength(0)
  })
})
