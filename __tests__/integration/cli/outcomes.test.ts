// What the CLI bundle prints when some destinations fail (successes on stdout, failures on stderr,
// `failed` in --json), the platform note of a single-image copy, and its retry lines.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { nodeToOciPlatform } from '../../../src/manifest/index.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import { freePort } from '../../harness/registry.js'

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [path.join('dist', 'cli', 'index.js'), ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

const example = `oci:${exampleLayout}:1.0`

describe('what the CLI reports', () => {
  afterAll(removeTempDirs)

  async function destinations(): Promise<{ good: string; bad: string }> {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'file'), 'a regular file')
    return { good: `oci:${dir}/out:1.0`, bad: `oci:${dir}/file/layout:1.0` }
  }

  it('one destination failing: the other on stdout, the failure on stderr, exit 1', async () => {
    const { good, bad } = await destinations()
    const digest = await ociRefDigest(exampleLayout, '1.0')
    const { code, stdout, stderr } = await cli([example, bad, good, '--all-images'])
    expect(code).toBe(1)
    expect(stdout.startsWith(`${good}\n${digest}\n`)).toBe(true)
    expect(stdout).not.toContain(bad)
    expect(stderr).toMatch(
      new RegExp(
        `^image-copy: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S+index\\.json cannot be read: ENOTDIR`,
        'm'
      )
    )
  })

  it('--json holds the successes and failed (destination → error)', async () => {
    const { good, bad } = await destinations()
    const { code, stdout } = await cli([example, good, bad, '--all-images', '--json', '--quiet'])
    expect(code).toBe(1)
    const result = JSON.parse(stdout) as { destinations: unknown[]; failed: Record<string, string> }
    expect(result.destinations).toHaveLength(1)
    expect(Object.keys(result.failed)).toEqual([bad])
    expect(result.failed[bad]).toMatch(/ENOTDIR/)
  })

  it('a single image from a list: a note on stderr names the platform and the flags', async () => {
    const out = await tempDir()
    const { code, stderr } = await cli([example, `oci:${out}/l:1`])
    expect(code).toBe(0)
    const { architecture } = nodeToOciPlatform(process.platform, process.arch)
    expect(stderr).toContain(
      `note: Copied only linux/${architecture}${architecture === 'arm64' ? '/v8' : ''} (the default: this runner's architecture) of the 3 images in the list; set --all-images to copy the whole list, or --platforms to choose`
    )
  })

  it('a retry is one line on stderr', async () => {
    const port = await freePort()
    const { code, stderr } = await cli([
      example,
      `docker://127.0.0.1:${port}/x/app:1`,
      '--dest-tls-verify=false',
      '--retry-times',
      '1'
    ])
    expect(code).toBe(1)
    expect(stderr).toMatch(
      new RegExp(
        `^GET https://127\\.0\\.0\\.1:${port}/v2/: connect ECONNREFUSED 127\\.0\\.0\\.1:${port} \\(attempt 1 of 2\\); retrying in \\d\\.\\d s$`,
        'm'
      )
    )
  })
})
