// Cache service failures: never a thrown error, one warning line, bounded time.
// The 500 tests take about half a minute each: the library retries a failing Twirp call 5 times
// (3 s, then ×1.5) and offers no option to change that.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { restoreBlobCache, saveBlobCache } from '../../../src/cache/actions-cache.js'
import { BlobDirectory } from '../../../src/cache/blob-directory.js'
import {
  cacheEnv,
  cacheEnvUnset,
  captureStdout,
  setProcessEnv,
  startCacheServer,
  type CacheServer
} from '../../harness/cache-server.js'
import { putBlob, quietly, recordingLog } from './helpers.js'

let server: CacheServer
let restoreEnv: () => void
let dir: string
let hex: string

beforeAll(async () => {
  server = await startCacheServer()
  restoreEnv = setProcessEnv({ ...cacheEnvUnset, ...cacheEnv(server) })
  dir = path.join(server.workspace, 'blobs')
  hex = await putBlob(new BlobDirectory(dir), Buffer.from('a blob worth saving'))
})

afterAll(async () => {
  // Calls left hanging by the 'hang' tests fail when their connections are destroyed; keep what the
  // library then prints out of the test output.
  const capture = captureStdout()
  try {
    await server?.close()
    await new Promise(resolve => setTimeout(resolve, 300))
  } finally {
    capture.restore()
    restoreEnv?.()
  }
})

describe('a cache service answering 500 to everything', () => {
  beforeAll(() => {
    server.fault = 'fail500'
  })

  it('restore: status failed, one warning line, no annotation from the library, no throw', async () => {
    server.resetCounters()
    const log = recordingLog()
    const { result, annotations } = await quietly(() =>
      restoreBlobCache(dir, 'image-copy-blobs-f-1-1', ['image-copy-blobs-f-1-', 'image-copy-blobs-f-'], log)
    )
    expect(result.status).toBe('failed')
    expect(result.message).toMatch(/GetCacheEntryDownloadURL.*\(500\)/)
    expect(log.of('warning')).toEqual([
      `Blob cache not restored (the copy goes on without it): ${result.message}`
    ])
    expect(log.lines).toHaveLength(1)
    expect(annotations).toEqual([])
    expect(server.counters.failed).toBe(5) // the library's 5 attempts
    expect(new BlobDirectory(dir).pathOf(`sha256:${hex}`)).toBeDefined()
  }, 90_000)

  it('save: status failed, one warning line naming the 500, no throw', async () => {
    server.resetCounters()
    const log = recordingLog()
    const { result, annotations } = await quietly(() => saveBlobCache(dir, 'image-copy-blobs-f-1-1', log))
    expect(result.status).toBe('failed')
    expect(result.message).toMatch(/CreateCacheEntry.*\(500\)/)
    expect(log.of('warning')).toEqual([`Blob cache not saved as image-copy-blobs-f-1-1: ${result.message}`])
    expect(log.lines).toHaveLength(1)
    expect(annotations).toEqual([])
    expect(server.counters.failed).toBe(5)
  }, 90_000)
})

describe('a cache service that accepts connections and never answers', () => {
  beforeAll(() => {
    server.fault = 'hang'
  })

  it('restore: gives up at its deadline with one warning, no throw', async () => {
    server.resetCounters()
    const log = recordingLog()
    const started = Date.now()
    const { result, annotations } = await quietly(() =>
      restoreBlobCache(dir, 'image-copy-blobs-h-1-1', ['image-copy-blobs-h-'], log, { timeoutMs: 1500 })
    )
    const elapsed = Date.now() - started
    expect(result).toEqual({ status: 'timeout', message: 'no answer from the cache service within 1.5 s' })
    expect(elapsed).toBeGreaterThanOrEqual(1400)
    expect(elapsed).toBeLessThan(5000)
    expect(log.of('warning')).toEqual([
      'Blob cache not restored (the copy goes on without it): no answer from the cache service within 1.5 s'
    ])
    expect(log.lines).toHaveLength(1)
    expect(annotations).toEqual([])
    expect(server.counters.hung).toBeGreaterThanOrEqual(1)
  })

  it('save: gives up at its deadline with one warning, no throw', async () => {
    server.resetCounters()
    const log = recordingLog()
    const started = Date.now()
    const { result, annotations } = await quietly(() =>
      saveBlobCache(dir, 'image-copy-blobs-h-1-1', log, { timeoutMs: 1500 })
    )
    const elapsed = Date.now() - started
    expect(result).toEqual({
      status: 'timeout',
      pruned: { count: 0, bytes: 0 },
      message: 'the save did not finish within 1.5 s'
    })
    expect(elapsed).toBeLessThan(5000)
    expect(log.of('warning')).toEqual([
      'Blob cache not saved as image-copy-blobs-h-1-1: the save did not finish within 1.5 s'
    ])
    expect(annotations).toEqual([])
    expect(server.counters.hung).toBeGreaterThanOrEqual(1)
  })
})
