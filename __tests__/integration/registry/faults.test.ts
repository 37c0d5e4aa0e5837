// Pulls and pushes through a proxy that breaks connections and answers 429/503: retries and resumed
// downloads still produce the right digests; when retries run out, the error says what happened.
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { closeAllConnections, configureRegistry, resetRegistrySettings } from '../../../src/registry/index.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import {
  makeImage,
  openDestination,
  openSource,
  pushImage,
  readStream,
  registryContext,
  sha256,
  type TestImage
} from './fixtures.js'

describeWithPrograms(['docker-registry', 'openssl'], 'registry faults', () => {
  let registry: TestRegistry
  let proxy: FaultProxy
  let image: TestImage
  const ctx = registryContext()
  let ref: string
  const logged: string[] = []

  beforeAll(async () => {
    configureRegistry({ retryBaseDelayMs: 20, retryMaxDelayMs: 100, log: (_level, m) => logged.push(m) })
    registry = await startRegistry()
    proxy = await startFaultProxy(registry.url)
    image = makeImage({ layerSizes: [2 << 20, 4000] })
    ref = `${proxy.host}/faults/app:v1`
    await pushImage(await openDestination(ref, ctx), image)
  })
  afterEach(() => {
    expect(proxy.pendingFaults()).toBe(0)
    proxy.clearFaults()
    proxy.resetCounters()
  })
  afterAll(async () => {
    resetRegistrySettings()
    await closeAllConnections()
    await proxy?.stop()
    await registry?.stop()
  })

  async function pullAll(): Promise<void> {
    const src = await openSource(ref, ctx)
    expect(sha256((await src.getManifest()).bytes)).toBe(image.digest)
    for (const b of [...image.layers, image.config]) {
      const { stream } = await src.getBlob({ digest: b.digest, size: b.size })
      expect(sha256(await readStream(stream))).toBe(b.digest)
    }
  }

  it('resumes a blob download reset twice midway, with Range', async () => {
    proxy.inject({ kind: 'reset', afterBytes: 300_000, count: 2 })
    await pullAll()
    const big = image.layers[0].digest
    const gets = proxy.records.filter(r => r.method === 'GET' && r.path.endsWith(big))
    expect(gets.length).toBe(3)
    expect(gets.map(r => r.status)).toEqual([200, 206, 206])
    expect(gets[0].fault).toBe('reset')
    // one line per resumption, counting attempts against retry-times (3 → 4 attempts)
    const resumed = logged.filter(l => l.includes(big) && l.includes('resuming in'))
    expect(resumed).toHaveLength(2)
    expect(resumed[0]).toMatch(
      new RegExp(
        `^reading blob ${big} in \\S+: broke after \\d+ bytes \\(.+\\) \\(attempt 1 of 4\\); resuming in \\d\\.\\d s$`
      )
    )
    expect(resumed[1]).toContain('(attempt 2 of 4)')
  })

  it('resumes after a truncated body (connection closed) and after a body that ends early', async () => {
    proxy.inject({ kind: 'truncate', afterBytes: 100_000, count: 1 })
    proxy.inject({ kind: 'truncate', afterBytes: 1000, count: 1, clean: true })
    await pullAll()
  })

  it('waits out 429 with Retry-After and retries 503', async () => {
    proxy.inject({ kind: 'status', status: 429, retryAfter: '1', count: 1 })
    proxy.inject({ kind: 'status', status: 503, count: 2, match: { method: 'GET', path: /\/blobs\// } })
    const start = Date.now()
    await pullAll()
    expect(Date.now() - start).toBeGreaterThanOrEqual(1000)
    expect(proxy.records.filter(r => r.status === 429 || r.status === 503)).toHaveLength(3)
  })

  it('pushes through 429 and 503 on every kind of request', async () => {
    const pushed = makeImage({ layerSizes: [1500_000, 3000] })
    const previous = configureRegistry({ uploadChunkSize: 512 * 1024 })
    try {
      for (const method of ['HEAD', 'POST', 'PATCH', 'PUT']) {
        proxy.inject({ kind: 'status', status: 503, count: 1, match: { method } })
      }
      proxy.inject({ kind: 'status', status: 429, retryAfter: '0', count: 1, match: { method: 'PATCH' } })
      proxy.inject({ kind: 'status', status: 503, count: 1, match: { method: 'PUT', path: /\/manifests\// } })
      const dest = await openDestination(`${proxy.host}/faults/pushed:v1`, ctx)
      await pushImage(dest, pushed)
    } finally {
      configureRegistry(previous)
    }
    const src = await openSource(`${proxy.host}/faults/pushed:v1`, ctx)
    expect(sha256((await src.getManifest()).bytes)).toBe(pushed.digest)
    const { stream } = await src.getBlob(pushed.layers[0])
    expect(sha256(await readStream(stream))).toBe(pushed.layers[0].digest)
    expect(proxy.count({ method: 'PATCH' })).toBeGreaterThanOrEqual(4) // 3 chunks + retries
  })

  it('gives a clear error when retries run out', async () => {
    proxy.inject({ kind: 'status', status: 503, count: 4, match: { path: /\/manifests\// } })
    const e = (await openSource(ref, ctx).catch(x => x)) as Error
    expect(e.message).toBe(
      `reading manifest v1 of ${proxy.host}/faults/app: UNAVAILABLE: injected HTTP 503 (HTTP 503, GET http://${proxy.host}/v2/faults/app/manifests/v1, after 4 attempts)`
    )
  })

  it('gives a clear error when a download keeps breaking', async () => {
    const src = await openSource(ref, ctx)
    proxy.inject({ kind: 'reset', afterBytes: 10_000, count: 4 })
    const { stream } = await src.getBlob(image.layers[0])
    const e = (await readStream(stream).catch(x => x)) as Error
    expect(e.message).toMatch(
      new RegExp(
        `^reading blob ${image.layers[0].digest} in ${proxy.host}/faults/app: .+; gave up after 3 resumed downloads$`
      )
    )
  })

  it('fails a streaming upload whose connection breaks, leaving no blob', async () => {
    const layer = makeImage({ layerSizes: [2 << 20] }).layers[0]
    const dest = await openDestination(`${proxy.host}/faults/broken:v1`, ctx)
    proxy.inject({ kind: 'status', status: 503, count: 1, match: { method: 'PATCH' } })
    await expect(dest.putBlob(Readable.from([layer.data]), layer, { isConfig: false })).rejects.toThrow(
      /uploading blob sha256:[a-f0-9]{64} to .*: UNAVAILABLE: injected HTTP 503 \(HTTP 503, PATCH /
    )
    expect(await dest.tryReusingBlob(layer, {})).toEqual({ reused: false })
  })
})
