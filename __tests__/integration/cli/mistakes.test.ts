// New users' mistakes through the bundles as users run them: the CLI (dist/cli) and the Action
// (dist/main on Node 24). Shared traps (a transport, a local path, a platform, plain http) read the
// same in both, each naming the option the way that entry point spells it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { requireNode24, runActionStep } from '../../harness/action-runner.js'
import { exampleLayout, removeTempDirs, tempDir } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const example = `oci:${exampleLayout}:1.0`

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [path.join('dist', 'cli', 'index.js'), ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

describe('the CLI bundle refuses the usual mistakes', () => {
  afterAll(removeTempDirs)

  it('--all-images false (with a space) exits 2 telling to write --all-images=false', async () => {
    const { code, stderr } = await cli([example, 'oci:/tmp/never:1.0', '--all-images', 'false'])
    expect(code).toBe(2)
    expect(stderr).toContain('write --all-images=false')
  })

  it('an unknown transport exits 2 listing the known ones', async () => {
    const { code, stderr } = await cli(['oci-layout:/x', 'oci:/tmp/never:1.0'])
    expect(code).toBe(2)
    expect(stderr).toContain(
      'unknown transport "oci-layout"; known: docker, oci, oci-archive, dir, docker-archive, docker-daemon, containers-storage, ostree'
    )
  })

  it('a local layout given without a transport exits 2 suggesting oci:', async () => {
    const { code, stderr } = await cli([exampleLayout, 'oci:/tmp/never:1.0'])
    expect(code).toBe(2)
    expect(stderr).toContain(`write oci:${exampleLayout}[:TAG]`)
  })

  it("skopeo's --all exits 2 pointing to --all-images", async () => {
    const { code, stderr } = await cli([example, 'oci:/tmp/never:1.0', '--all'])
    expect(code).toBe(2)
    expect(stderr).toContain('unknown flag --all: use --all-images')
  })
})

const registryPath = requireProgram('docker-registry')
const node24 = requireNode24()
const withRegistry = registryPath && node24 ? describe : describe.skip

withRegistry('a plain-http registry reached with TLS verification on', () => {
  let registry: TestRegistry

  beforeAll(async () => {
    registry = await startRegistry()
    const seed = await cli([example, `docker://${registry.host}/seed/app:1.0`, '--dest-tls-verify=false'])
    expect(seed.code).toBe(0)
  })
  afterAll(async () => {
    await registry?.stop()
    await removeTempDirs()
  })

  it('CLI, source: the error says it speaks plain http and hints --src-tls-verify=false', async () => {
    const out = await tempDir()
    const { code, stderr } = await cli([`docker://${registry.host}/seed/app:1.0`, `oci:${out}/x:1.0`])
    expect(code).toBe(1)
    expect(stderr).toContain(`${registry.host} seems to speak plain http, not https`)
    expect(stderr).toMatch(/wrong version number|packet length too long/i)
    expect(stderr).toContain(
      'hint: for a registry on plain http, turn TLS verification off: --src-tls-verify=false'
    )
  })

  it('CLI, destination: the hint names --dest-tls-verify=false', async () => {
    const { code, stderr } = await cli([example, `docker://${registry.host}/other/app:1.0`])
    expect(code).toBe(1)
    expect(stderr).toContain('turn TLS verification off: --dest-tls-verify=false')
  })

  it('Action: the same error names the input, src-tls-verify: false', async () => {
    const run = await runActionStep(node24!, 'dist/main/index.js', {
      src: `docker://${registry.host}/seed/app:1.0`,
      dest: `oci:${await tempDir()}/x:1.0`
    })
    expect(run.code).not.toBe(0)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('seems to speak plain http, not https')
    expect(errors[0]).toContain('turn TLS verification off: src-tls-verify: false')
  })
})

const withNode24 = node24 ? describe : describe.skip

withNode24('the Action refuses the shared mistakes the same way', () => {
  afterAll(removeTempDirs)

  async function failure(inputs: Record<string, string>): Promise<string> {
    const run = await runActionStep(node24!, 'dist/main/index.js', inputs)
    expect(run.code).not.toBe(0)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    return errors[0]
  }

  it('an unknown transport', async () => {
    const error = await failure({ src: 'containers-storage-typo:x', dest: 'oci:/tmp/never:1.0' })
    expect(error).toContain(
      'input "src" "containers-storage-typo:x": unknown transport "containers-storage-typo"; known: docker, oci'
    )
  })

  it('a local directory without a transport', async () => {
    const error = await failure({ src: example, dest: './layout' })
    expect(error).toContain('input "dest" "./layout" looks like a local path')
    expect(error).toContain('oci:./layout')
  })

  it('a platform the list does not have', async () => {
    const error = await failure({
      src: example,
      dest: `oci:${await tempDir()}/x:1.0`,
      platforms: 'linux/s390x'
    })
    expect(error).toContain(
      'no image for linux/s390x in the list; it has linux/amd64, linux/arm64/v8, linux/arm/v7'
    )
  })
})
