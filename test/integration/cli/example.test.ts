// The README's first command: the bundled CLI copies the bundled example image.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [path.join('dist', 'cli', 'index.js'), ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

describe('the image-copy CLI bundle', () => {
  afterAll(removeTempDirs)

  it('copies the example image and prints the digest and a table of instances', async () => {
    const out = await tempDir()
    const { code, stdout } = await cli([`oci:${exampleLayout}:1.0`, `oci:${out}/copy:1.0`, '--all-images'])
    expect(code).toBe(0)
    const digest = await ociRefDigest(exampleLayout, '1.0')
    expect(stdout).toContain(digest!)
    expect(stdout).toMatch(/linux\/amd64/)
    expect(stdout).toMatch(/linux\/arm64\/v8/)
    expect(stdout).toMatch(/linux\/arm\/v7/)
    expect(await ociRefDigest(`${out}/copy`, '1.0')).toBe(digest)
  })

  it('--json prints the result object', async () => {
    const out = await tempDir()
    const { code, stdout } = await cli([
      `oci:${exampleLayout}:1.0`,
      `dir:${out}/d`,
      '--platform',
      'linux/arm/v7',
      '--json',
      '--quiet'
    ])
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(result.destinations[0].mediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(result.sourceMediaType).toBe('application/vnd.oci.image.index.v1+json')
  })

  it('bad usage exits 2 naming the flag', async () => {
    const { code, stderr } = await cli([
      `oci:${exampleLayout}:1.0`,
      'oci:/tmp/never:1.0',
      '--sparse-list',
      'drop'
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('--sparse-list')
  })

  it('a missing source image exits 3', async () => {
    const out = await tempDir()
    const { code, stderr } = await cli([`oci:${exampleLayout}:no-such-ref`, `oci:${out}/x:1.0`])
    expect(code).toBe(3)
    expect(stderr).toContain('no-such-ref')
  })
})
