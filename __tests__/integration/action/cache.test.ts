// The blob cache as users meet it: the bundled Action run twice like the runner (main, then post),
// with @actions/cache pointed at a local server of the cache service protocol. The second run
// restores the cache and pulls no blob bytes from the source registry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { copyImage } from '../../../src/copy/copy-image.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { requireNode24, runActionStep, runActionWithPost } from '../../harness/action-runner.js'
import { cacheEnv, startCacheServer, type CacheServer } from '../../harness/cache-server.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const node24 = requireNode24()
const registryPath = requireProgram('docker-registry')
const withAll = node24 && registryPath ? describe : describe.skip

withAll('the blob cache between workflow runs', () => {
  let registry: TestRegistry
  let proxy: FaultProxy
  let server: CacheServer
  let src: string
  const blobBytes = () => proxy.responseBytes({ method: 'GET', path: /\/blobs\/sha256:/ })

  beforeAll(async () => {
    registry = await startRegistry()
    proxy = await startFaultProxy(registry.url)
    server = await startCacheServer()
    src = `docker://${proxy.host}/acme/app:1.0`
    await copyImage({
      source: parseImageReference(`oci:${exampleLayout}:1.0`),
      destinations: [parseImageReference(src)],
      selection: { kind: 'all' },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 4,
      sourceContext: {},
      destinationContext: { registry: { tlsVerify: false } }
    })
  })
  afterAll(async () => {
    await Promise.all([proxy?.stop(), registry?.stop(), server?.close()])
    await removeTempDirs()
  })

  // A fresh runner: an empty RUNNER_TEMP, at the same path every run (as on GitHub's runners; the
  // Actions cache versions entries by the cached path).
  let runnerTemp: string
  async function runOnFreshRunner(runId: string, dest: string) {
    runnerTemp ??= await tempDir()
    await rm(runnerTemp, { recursive: true, force: true })
    await mkdir(runnerTemp, { recursive: true })
    return runActionWithPost(
      node24!,
      { src, dest, 'all-images': 'true', 'src-tls-verify': 'false' },
      { ...cacheEnv(server, { runnerTemp }), GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: '1' }
    )
  }

  it('the second run restores the cache, pulls zero blob bytes from the source, and writes the same image', async () => {
    proxy.resetCounters()
    const first = await runOnFreshRunner('101', `oci:${await tempDir()}/one:1.0`)
    // Every input the runner sets, at its action.yml default but for those named above: cache is on.
    expect(first.main.inputs.INPUT_CACHE).toBe('true')
    expect(first.main.inputs['INPUT_CACHE-MAX-SIZE']).toBe('2GiB')
    expect(first.main.code).toBe(0)
    expect(first.post.code).toBe(0)
    expect(blobBytes()).toBeGreaterThan(0)
    expect(
      server
        .entries()
        .filter(e => e.finalized)
        .map(e => e.key)
    ).toEqual([expect.stringMatching(/^image-copy-blobs-[0-9a-f]{16}-101-1$/)])
    expect(first.post.stdout).toMatch(/saved/i)

    proxy.resetCounters()
    const secondDest = `${await tempDir()}/two`
    const second = await runOnFreshRunner('102', `oci:${secondDest}:1.0`)
    expect(second.main.code).toBe(0)
    expect(second.main.stdout).toMatch(/^Blob cache: restored image-copy-blobs-[0-9a-f]{16}-101-1, /m)
    expect(blobBytes()).toBe(0)
    expect(proxy.count({ method: 'GET', path: /\/blobs\/sha256:/ })).toBe(0)
    expect(second.main.outputs.manifest).toBe(first.main.outputs.manifest)
    expect(second.main.outputs.digest).toBe(first.main.outputs.digest)
    expect(await ociRefDigest(secondDest, '1.0')).toBe(await ociRefDigest(exampleLayout, '1.0'))
    expect(second.main.stdout).toMatch(/Totals: pulled 0 blobs \(0 B\), from cache 7/)
    // Nothing new, so nothing to save.
    expect(second.post.stdout).toContain('nothing to save')
    expect(server.entries().filter(e => e.finalized)).toHaveLength(1)
    expect(second.main.summary).toContain('from cache 7')
    const layers = await readFile(path.join(secondDest, 'index.json'), 'utf8')
    expect(layers).toContain('"1.0"')
  })

  it('a cache service answering 500: the copy succeeds, with one warning', async () => {
    server.fault = 'fail500'
    try {
      const run = await runActionStep(
        node24!,
        'dist/main/index.js',
        { src, dest: `oci:${await tempDir()}/x:1.0`, 'all-images': 'true', 'src-tls-verify': 'false' },
        {
          ...cacheEnv(server, { runnerTemp: await tempDir() }),
          GITHUB_RUN_ID: '103',
          GITHUB_RUN_ATTEMPT: '1'
        }
      )
      expect(run.code).toBe(0)
      expect(run.outputs.digest).toBe(await ociRefDigest(exampleLayout, '1.0'))
      expect(run.stdout.split('\n').filter(l => l.startsWith('::warning'))).toHaveLength(1)
      expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toHaveLength(0)
    } finally {
      server.fault = 'none'
    }
  })

  it('cache: false leaves the cache service alone', async () => {
    server.resetCounters()
    const run = await runActionStep(
      node24!,
      'dist/main/index.js',
      { src, dest: `oci:${await tempDir()}/x:1.0`, cache: 'false', 'src-tls-verify': 'false' },
      { ...cacheEnv(server, { runnerTemp: await tempDir() }), GITHUB_RUN_ID: '104', GITHUB_RUN_ATTEMPT: '1' }
    )
    expect(run.code).toBe(0)
    expect(Object.keys(server.counters.rpc)).toHaveLength(0)
  })

  it('cache-location runner: a self-hosted runner keeps the blobs in its tool cache; the next job pulls nothing and uses no cache service', async () => {
    const toolCache = await tempDir()
    const job = async (runId: string, dest: string) =>
      runActionWithPost(
        node24!,
        {
          src,
          dest,
          'all-images': 'true',
          'src-tls-verify': 'false',
          'cache-location': 'runner',
          'cache-max-size': '1GiB'
        },
        // No cache service at all (as outside GitHub): the runner's disk is the only place blobs live.
        {
          RUNNER_TEMP: await tempDir(),
          RUNNER_TOOL_CACHE: toolCache,
          GITHUB_RUN_ID: runId,
          GITHUB_RUN_ATTEMPT: '1'
        }
      )
    proxy.resetCounters()
    const first = await job('201', `oci:${await tempDir()}/one:1.0`)
    expect([first.main.code, first.post.code]).toEqual([0, 0])
    expect(blobBytes()).toBeGreaterThan(0)
    expect(first.post.stdout).toMatch(/the runner's tool cache holds 7 blobs/)
    // Where @actions/tool-cache keeps a tool: <tool cache>/image-copy-blobs/<version>/<arch>, marked complete.
    const versions = await readdir(path.join(toolCache, 'image-copy-blobs'))
    expect(versions.filter(v => /^1\.0\.0-[0-9a-f]{16}$/.test(v))).toHaveLength(1)
    expect(versions.filter(v => v.endsWith('.complete'))).toEqual([])

    proxy.resetCounters()
    const secondDest = `${await tempDir()}/two`
    const second = await job('202', `oci:${secondDest}:1.0`)
    expect(second.main.code).toBe(0)
    expect(second.main.stdout).toMatch(/the runner's tool cache at .* holds 7 blobs/)
    expect(proxy.count({ method: 'GET', path: /\/blobs\/sha256:/ })).toBe(0)
    expect(second.main.stdout).toMatch(/Totals: pulled 0 blobs \(0 B\), from cache 7/)
    expect(await ociRefDigest(secondDest, '1.0')).toBe(await ociRefDigest(exampleLayout, '1.0'))
  })

  it('cache-location both: the runner directory is also saved to and restored from the Actions cache', async () => {
    const job = async (runId: string, toolCache: string) =>
      runActionWithPost(
        node24!,
        {
          src,
          dest: `oci:${await tempDir()}/x:1.0`,
          'all-images': 'true',
          'src-tls-verify': 'false',
          'cache-location': 'both',
          'cache-key': 'both-test'
        },
        {
          ...cacheEnv(server, { runnerTemp: await tempDir() }),
          RUNNER_TOOL_CACHE: toolCache,
          GITHUB_RUN_ID: runId,
          GITHUB_RUN_ATTEMPT: '1'
        }
      )
    const shared = await tempDir()
    const first = await job('301', shared)
    expect([first.main.code, first.post.code]).toEqual([0, 0])
    expect(
      server.entries().filter(e => e.finalized && e.key.startsWith('image-copy-blobs-both-test-301'))
    ).toHaveLength(1)
    // Another machine (an empty tool cache at the same path) restores from the Actions cache.
    await rm(shared, { recursive: true, force: true })
    await mkdir(shared, { recursive: true })
    proxy.resetCounters()
    const second = await job('302', shared)
    expect(second.main.code).toBe(0)
    expect(second.main.stdout).toMatch(/^Blob cache: restored image-copy-blobs-both-test-301-1, /m)
    expect(proxy.count({ method: 'GET', path: /\/blobs\/sha256:/ })).toBe(0)
  })
})
