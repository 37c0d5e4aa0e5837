// Text a registry controls (error messages, platform strings) must not become workflow commands or
// terminal escapes: the bundled Action and the CLI print it escaped, the job summary HTML-escaped.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { requireNode24, runActionStep } from '../../harness/action-runner.js'
import { runCli } from '../../harness/cli-run.js'
import {
  bytesAnswer,
  serveLayout,
  startHostileRegistry,
  type HostileRegistry
} from '../../harness/hostile-registry.js'
import { exampleLayout, removeTempDirs, tempDir } from '../../harness/local.js'

const node24 = requireNode24()
const injectedError = 'no access\n::error::pwned\u001b]0;owned\u0007'
const injectedVariant = 'v8\n::set-output name=digest::sha256:0000<b>'

/** The Action's own workflow commands; any other line starting with `::` was injected. */
const ownCommands = /^::(group::|endgroup::|error[ :]|notice[ :]|warning[ :]|add-mask::|debug::)/

function injectedLines(stdout: string): string[] {
  return stdout.split('\n').filter(l => l.startsWith('::') && !ownCommands.test(l))
}

describe('registry text in logs, errors and the summary', () => {
  let registry: HostileRegistry
  let src: string
  let deniedSrc: string

  beforeAll(async () => {
    registry = await startHostileRegistry()
    await serveLayout(registry, 'app', exampleLayout)
    const index = JSON.parse(await readFile(path.join(exampleLayout, 'index.json'), 'utf8'))
    const topBytes = await readFile(
      path.join(exampleLayout, 'blobs', 'sha256', index.manifests[0].digest.slice(7))
    )
    const top = JSON.parse(topBytes.toString('utf8'))
    top.manifests[1].platform.variant = injectedVariant
    registry.route('/v2/app/manifests/1', bytesAnswer(JSON.stringify(top), top.mediaType))
    const denied = JSON.stringify({ errors: [{ code: 'DENIED', message: injectedError }] })
    registry.route('/v2/app/manifests/denied', bytesAnswer(denied, 'application/json', 403))
    src = `docker://${registry.host}/app:1`
    deniedSrc = `docker://${registry.host}/app:denied`
  })
  afterAll(async () => {
    await registry.close()
    await removeTempDirs()
  })

  const inputs = (source: string, dest: string): Record<string, string> => ({
    src: source,
    dest,
    'all-images': 'true',
    'src-tls-verify': 'false',
    'retry-times': '0',
    cache: 'false'
  })

  ;(node24 ? it : it.skip)('the Action: a registry error body cannot issue a workflow command', async () => {
    const run = await runActionStep(
      node24!,
      'dist/main/index.js',
      inputs(deniedSrc, `oci:${await tempDir()}/x:1`)
    )
    expect(run.code).not.toBe(0)
    expect(injectedLines(run.stdout)).toEqual([])
    expect(run.stdout).not.toContain('\u001b')
    expect(run.stdout).toContain('no access\\n::error::pwned\\x1b]0;owned\\x07')
  })

  ;(node24 ? it : it.skip)(
    'the Action: a platform variant cannot set an output; the summary escapes it',
    async () => {
      const out = await tempDir()
      const run = await runActionStep(node24!, 'dist/main/index.js', inputs(src, `oci:${out}/x:1`))
      expect(run.stderr).toBe('')
      expect(run.stdout).not.toContain('::error')
      expect(run.code).toBe(0)
      expect(injectedLines(run.stdout)).toEqual([])
      expect(run.stdout).toContain('linux/arm64/v8\\n::set-output name=digest::sha256:0000<b>')
      expect(run.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      expect(run.outputs.digest).not.toBe('sha256:0000')
      expect(run.summary).toContain('linux/arm64/v8\\n::set-output name=digest::sha256:0000&lt;b&gt;')
      expect(run.summary).not.toContain('<b>')
      expect(run.summary).not.toContain('\n::set-output')
    }
  )

  it('the CLI: the same texts reach stderr and stdout escaped', async () => {
    const denied = await runCli([deniedSrc, `oci:${await tempDir()}/x:1`, '--src-tls-verify=false'])
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('no access\\n::error::pwned\\x1b]0;owned\\x07')
    expect(denied.stderr).not.toContain('\u001b')
    expect(denied.stderr.split('\n').filter(l => l.startsWith('::'))).toEqual([])

    const copied = await runCli([src, `oci:${await tempDir()}/x:1`, '--all-images', '--src-tls-verify=false'])
    expect(copied.stderr).not.toContain('image-copy:')
    expect(copied.code).toBe(0)
    const all = `${copied.stdout}\n${copied.stderr}`
    expect(all.split('\n').filter(l => l.startsWith('::'))).toEqual([])
    expect(copied.stdout).toContain('linux/arm64/v8\\n::set-output name=digest::sha256:0000<b>')
  })

  it('a registry error message is capped in length', async () => {
    const long = JSON.stringify({ errors: [{ code: 'DENIED', message: 'x'.repeat(10_000) }] })
    registry.route('/v2/app/manifests/long', bytesAnswer(long, 'application/json', 403))
    const run = await runCli([
      `docker://${registry.host}/app:long`,
      `oci:${await tempDir()}/x:1`,
      '--src-tls-verify=false'
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('x'.repeat(400) + '…')
    expect(run.stderr.length).toBeLessThan(2000)
  })
})
