// Restore against a failing cache service: never a thrown error, one warning line, bounded time.
// The 500 test takes about half a minute: the library retries a failing Twirp call 5 times (3 s, then
// ×1.5) and has no option to change that. (The save faults are in save-faults.test.ts, so that jest
// runs the two waits in parallel.)
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { restoreBlobCache } from '../../../src/cache/actions-cache.js'
import { BlobDirectory } from '../../../src/cache/blob-directory.js'
import { faultFixture, quietly, recordingLog } from './helpers.js'

let fixture: Awaited<ReturnType<typeof faultFixture>>

beforeAll(async () => {
  fixture = await faultFixture()
})

afterAll(async () => {
  await fixture?.stop()
})

it('a service answering 500: status failed, one warning line, no annotation from the library', async () => {
  const { server, dir, hex } = fixture
  server.fault = 'fail500'
  const log = recordingLog()
  const { result, annotations } = await quietly(() =>
    restoreBlobCache(dir, 'image-copy-blobs-f-1-1', ['image-copy-blobs-f-1-', 'image-copy-blobs-f-'], log)
  )
  expect(result.status).toBe('failed')
  expect(result.message).toMatch(/GetCacheEntryDownloadURL.*\(500\)/)
  expect(log.lines).toEqual([
    { level: 'warning', message: `Blob cache not restored (the copy goes on without it): ${result.message}` }
  ])
  expect(annotations).toEqual([]) // the library's own ::warning:: was folded into ours
  expect(server.counters.failed).toBe(5) // the library's 5 attempts
  expect((await new BlobDirectory(dir).list()).map(b => b.hex)).toEqual([hex]) // local blobs untouched
}, 90_000)

it('a service that never answers: gives up at the deadline with one warning line', async () => {
  const { server, dir } = fixture
  server.fault = 'hang'
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
  expect(log.lines).toEqual([
    {
      level: 'warning',
      message:
        'Blob cache not restored (the copy goes on without it): no answer from the cache service within 1.5 s'
    }
  ])
  expect(annotations).toEqual([])
  expect(server.counters.hung).toBe(1)
})
