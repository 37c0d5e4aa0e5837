// The README's first command: the bundled CLI copies the bundled example image.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { requireNode24 } from '../../harness/action-runner.js'
import { loadedBy } from '../../harness/bundle-load.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'

function cli(
  args: string[],
  node = process.execPath,
  env: NodeJS.ProcessEnv = process.env
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(node, [path.join('dist', 'cli', 'index.js'), ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

const chunkText = (name: string): Promise<string> => readFile(path.join('dist', 'cli', name), 'utf8')

/** Every file under `dir`, recursively; none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter(e => e.isFile())
      .map(e => e.name)
  } catch {
    return []
  }
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

  it('--version and --help load the flag parser only; a copy between layouts no tar, http or process code', async () => {
    const node24 = requireNode24()
    if (node24 === undefined) return
    const heavy = ['crypto', 'zlib', 'child_process', 'http', 'tls', 'fs/promises']
    for (const flag of ['--version', '--help']) {
      const { chunks, builtins } = await loadedBy([flag], node24)
      // The flag parser (and for --help its text): a few tens of KB of a bundle of megabytes.
      expect(chunks.length).toBeLessThanOrEqual(flag === '--help' ? 2 : 1)
      const texts = await Promise.all(chunks.map(chunkText))
      expect(texts.reduce((sum, t) => sum + t.length, 0)).toBeLessThan(64 * 1024)
      expect(builtins.length).toBeGreaterThan(50)
      expect(heavy.filter(m => builtins.includes(m))).toEqual([])
    }
    const out = await tempDir()
    const { chunks, builtins } = await loadedBy(
      [`oci:${exampleLayout}:1.0`, `oci:${out}/c:1.0`, '--quiet'],
      node24
    )
    expect(chunks.length).toBeGreaterThan(1)
    // Every tar reader and writer (tar-stream, docker-archive, ostree) spells the tar magic.
    for (const chunk of chunks)
      expect([chunk, (await chunkText(chunk)).includes('ustar')]).toEqual([chunk, false])
    expect(builtins).toContain('crypto')
    expect(['child_process', 'http', 'tls'].filter(m => builtins.includes(m))).toEqual([])
  })

  it("keeps V8's compiled code of the bundle in Node's compile cache under the temp dir (Node 24)", async () => {
    const node24 = requireNode24()
    if (node24 === undefined) return
    const env = { ...process.env, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined }
    const tmp = await tempDir()
    const out = await tempDir()
    const run = await cli([`oci:${exampleLayout}:1.0`, `oci:${out}/c:1.0`, '--quiet'], node24, {
      ...env,
      TMPDIR: tmp
    })
    expect(run.code).toBe(0)
    expect((await filesUnder(path.join(tmp, 'node-compile-cache'))).length).toBeGreaterThanOrEqual(1)

    const disabledTmp = await tempDir()
    const disabled = await cli(['--version'], node24, {
      ...env,
      TMPDIR: disabledTmp,
      NODE_DISABLE_COMPILE_CACHE: '1'
    })
    expect(disabled.code).toBe(0)
    expect(await filesUnder(path.join(disabledTmp, 'node-compile-cache'))).toEqual([])
  })
})
