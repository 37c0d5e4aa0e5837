// Save against a failing cache service: never a thrown error, one warning line, bounded time.
// The 500 test takes about half a minute (the library's 5 attempts; see restore-faults.test.ts).
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { saveBlobCache } from '../../../src/cache/actions-cache.js'
import { faultFixture, quietly, recordingLog } from './helpers.js'

let fixture: Awaited<ReturnType<typeof faultFixture>>

beforeAll(async () => {
  fixture = await faultFixture()
})

afterAll(async () => {
  await fixture?.stop()
})

it('a service answering 500: status failed, one warning line naming the 500 (not "another job")', async () => {
  const { server, dir } = fixture
  server.fault = 'fail500'
  const log = recordingLog()
  const { result, annotations } = await quietly(() => saveBlobCache(dir, 'image-copy-blobs-f-1-1', log))
  expect(result.status).toBe('failed')
  expect(result.message).toMatch(/CreateCacheEntry.*\(500\)/)
  expect(log.lines).toEqual([
    { level: 'warning', message: `Blob cache not saved as image-copy-blobs-f-1-1: ${result.message}` }
  ])
  expect(annotations).toEqual([])
  expect(server.counters.failed).toBe(5)
  expect(server.entries()).toEqual([])
}, 90_000)

it('a service that never answers: gives up at the deadline with one warning line', async () => {
  const { server, dir } = fixture
  server.fault = 'hang'
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
  expect(log.lines).toEqual([
    {
      level: 'warning',
      message: 'Blob cache not saved as image-copy-blobs-h-1-1: the save did not finish within 1.5 s'
    }
  ])
  expect(annotations).toEqual([])
  expect(server.counters.hung).toBe(1)
})
