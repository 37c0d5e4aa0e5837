// Cancellation reaches the registry requests: a request stalled before its answer starts, or a retry
// waiting on Retry-After, ends at once when the copy's signal fires (in process: copyImage with an
// AbortController; the CLI bundle: SIGTERM/SIGINT). Nothing is committed and no upload session stays.
// The stalls are the fault proxy's, "forever" (days); only the tests' timeouts bound them.
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { copyImage } from '../../../src/copy/copy-image.js'
import { configureRegistry, type RegistrySettings } from '../../../src/registry/settings.js'
import { closeAllConnections } from '../../../src/registry/index.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { exampleLayout, removeTempDirs } from '../../harness/local.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const cliPath = path.resolve('dist', 'cli', 'index.js')
const example = `oci:${exampleLayout}:1.0`
const FOREVER_MS = 1_000_000_000
const MANIFEST_PUT = { method: 'PUT', path: /\/manifests\// }
const BLOB_PUT = { method: 'PUT', path: /\/blobs\/uploads\// }

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 3000; i++) {
    const found = await probe()
    if (found !== undefined) return found
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  throw new Error(`never saw: ${what}`)
}

describeWithPrograms(['docker-registry'], 'cancelling a copy to a registry', () => {
  let registry: TestRegistry
  let proxy: FaultProxy
  let previous: RegistrySettings

  beforeAll(async () => {
    previous = configureRegistry({ retryBaseDelayMs: 20, retryMaxDelayMs: 100 })
    registry = await startRegistry()
    proxy = await startFaultProxy(registry.url)
  })
  afterEach(() => {
    proxy.clearFaults()
    proxy.resetCounters()
  })
  afterAll(async () => {
    configureRegistry(previous)
    await closeAllConnections()
    await proxy?.stop()
    await registry?.stop()
    await removeTempDirs()
  })

  /** The registry's own answer (not through the proxy) for a manifest: its HTTP status. */
  async function manifestStatus(repo: string, tag: string): Promise<number> {
    const res = await fetch(`${registry.url}/v2/${repo}/manifests/${tag}`, { method: 'HEAD' })
    return res.status
  }

  /**
   * Upload sessions the registry holds for `repo`: distribution keeps each in `_uploads/<id>` with a
   * `startedat` file. (A cancelled session's handler writes `hashstates/` back after deleting the
   * directory; without `startedat` the registry no longer knows the session.)
   */
  async function uploadSessions(repo: string): Promise<string[]> {
    const dir = path.join(registry.dataDir, 'docker', 'registry', 'v2', 'repositories', repo, '_uploads')
    const ids = await fs.readdir(dir).catch(() => [])
    const live = await Promise.all(
      ids.map(id =>
        fs.access(path.join(dir, id, 'startedat')).then(
          () => id,
          () => undefined
        )
      )
    )
    return live.filter(id => id !== undefined)
  }

  it('in process: aborted during a stalled manifest PUT, copyImage rejects with the reason; no manifest', async () => {
    proxy.inject({ kind: 'stall', ms: FOREVER_MS, count: 1, match: MANIFEST_PUT })
    const controller = new AbortController()
    const reason = new Error('cancelled by the test')
    const copying = copyImage({
      source: parseImageReference(example),
      destinations: [parseImageReference(`docker://${proxy.host}/cancel/inproc:1.0`)],
      selection: { kind: 'all' },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 4,
      sourceContext: {},
      destinationContext: { registry: { tlsVerify: false } },
      signal: controller.signal
    })
    copying.catch(() => undefined)
    await waitFor('the stalled manifest PUT', () =>
      proxy.records.some(r => r.fault === 'stall') ? true : undefined
    )
    controller.abort(reason)
    await expect(copying).rejects.toBe(reason)
    expect(await manifestStatus('cancel/inproc', '1.0')).toBe(404)
    expect(await uploadSessions('cancel/inproc')).toEqual([])
  }, 60_000)

  /** Starts the CLI bundle copying the example to `repo` through the proxy; collects its output. */
  function startCli(repo: string, quiet: boolean) {
    const args = [cliPath, example, `docker://${proxy.host}/${repo}:1.0`, '--dest-tls-verify=false']
    if (quiet) args.push('--quiet')
    const child = spawn(process.execPath, args, {
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const run = { child, output: '', exited: new Promise<number | null>(r => child.on('exit', c => r(c))) }
    child.stdout.on('data', d => (run.output += String(d)))
    child.stderr.on('data', d => (run.output += String(d)))
    return run
  }

  it('the CLI, SIGTERM while a blob upload waits for its answer: exit 143, the session is cancelled', async () => {
    proxy.inject({ kind: 'stall', ms: FOREVER_MS, count: 1, match: BLOB_PUT })
    const run = startCli('cancel/stalled', true)
    await waitFor('the stalled blob PUT', () =>
      proxy.records.some(r => r.fault === 'stall') ? true : undefined
    )
    expect(await uploadSessions('cancel/stalled')).not.toEqual([]) // the stalled PUT's session
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(143)
    expect(run.output).toBe('image-copy: cancelled by SIGTERM; what this copy wrote was rolled back\n')
    expect(await manifestStatus('cancel/stalled', '1.0')).toBe(404)
    expect(await uploadSessions('cancel/stalled')).toEqual([])
    expect(proxy.count({ method: 'DELETE' })).toBeGreaterThanOrEqual(1)
  }, 60_000)

  it('the CLI, SIGINT during a 60 s Retry-After wait: the wait ends, exit 130', async () => {
    proxy.inject({
      kind: 'status',
      status: 429,
      retryAfter: '60',
      count: 1,
      match: { method: 'POST', path: /\/blobs\/uploads\// }
    })
    const run = startCli('cancel/retry', false)
    await waitFor('the retry line', () => (/retrying in 60 ?s/.test(run.output) ? true : undefined))
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(130)
    expect(run.output).toContain('image-copy: cancelled by SIGINT; what this copy wrote was rolled back\n')
    expect(await manifestStatus('cancel/retry', '1.0')).toBe(404)
    expect(await uploadSessions('cancel/retry')).toEqual([])
  }, 40_000)
})
