// A plain-http registry with TLS verification off (a `registry:2` service on localhost in CI): the
// https ping is skipped once the server answers a ClientHello in plain HTTP (tls-sniff.ts), so no TLS
// handshake is made and a re-run that finds the image up to date loads neither node:tls nor the
// modules a blob transfer needs.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { closeAllConnections } from '../../../src/registry/index.js'
import { requireNode24 } from '../../harness/action-runner.js'
import { loadedBy } from '../../harness/bundle-load.js'
import { runCli } from '../../harness/cli-run.js'
import { exampleLayout, removeTempDirs } from '../../harness/local.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { countingTls } from '../../harness/tls.js'
import { openSource, registryContext, sha256 } from './fixtures.js'

describeWithPrograms(['docker-registry'], 'a plain-http registry with TLS verification off', () => {
  let registry: TestRegistry
  let ref: string

  beforeAll(async () => {
    registry = await startRegistry()
    ref = `${registry.host}/plain/app:1.0`
    const push = await runCli([
      `oci:${exampleLayout}:1.0`,
      `docker://${ref}`,
      '--all-images',
      '--dest-tls-verify=false'
    ])
    expect(push.stderr).toContain('Wrote top-level manifest')
    expect(push.code).toBe(0)
  })
  afterAll(async () => {
    await closeAllConnections()
    await registry?.stop()
    await removeTempDirs()
  })

  it('is pinged and read without a TLS handshake', async () => {
    await closeAllConnections()
    const { connections } = await countingTls(async () => {
      const src = await openSource(ref, registryContext())
      const manifest = await src.getManifest()
      expect(sha256(manifest.bytes)).toMatch(/^sha256:[0-9a-f]{64}$/)
    })
    expect(connections).toBe(0)
  })

  it('a re-run of the bundle (Node 24) finds it up to date loading no TLS, crypto, zlib, v8 or vm module', async () => {
    const node24 = requireNode24()
    if (node24 === undefined) return
    const dest = `docker://${registry.host}/plain/copy:1.0`
    const flags = ['--all-images', '--src-tls-verify=false', '--dest-tls-verify=false']
    const first = await loadedBy([`docker://${ref}`, dest, ...flags], node24)
    expect(first.stderr).toContain('Wrote top-level manifest')
    const rerun = await loadedBy([`docker://${ref}`, dest, ...flags], node24)
    expect(rerun.stderr).toMatch(/Unchanged: .* nothing written/)
    expect(rerun.builtins).toContain('http')
    // node:v8 would mean a V8 flag set at start-up: node's own modules then lose their code cache (memory.ts)
    // node:crypto: the manifests' digests are hashed in JavaScript (src/manifest/sha256.ts)
    expect(['tls', 'https', 'crypto', 'zlib', 'v8', 'vm'].filter(m => rerun.builtins.includes(m))).toEqual([])
  })
})
