// An archive over the library's 128 MiB single-shot limit: uploaded as blocks plus a block list.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { createCipheriv, createHash } from 'node:crypto'
import { rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { restoreBlobCache, saveBlobCache } from '../../../src/cache/actions-cache.js'
import { BlobDirectory } from '../../../src/cache/blob-directory.js'
import {
  cacheEnv,
  cacheEnvUnset,
  setProcessEnv,
  startCacheServer,
  type CacheServer
} from '../../harness/cache-server.js'
import { fileSha256Hex, listArchive, quietly, recordingLog } from './helpers.js'

const size = 136 * 1024 * 1024 // over 128 MiB after compression too: the bytes do not compress

/** A repeatable stream of pseudo-random bytes (AES-128-CTR of zeros), 4 MiB at a time. */
function pseudoRandom(bytes: number): Readable {
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0))
  const zeros = Buffer.alloc(4 << 20)
  return Readable.from(
    (function* () {
      for (let left = bytes; left > 0; left -= zeros.length)
        yield cipher.update(zeros.subarray(0, Math.min(left, zeros.length)))
    })()
  )
}

let server: CacheServer
let restoreEnv: () => void

beforeAll(async () => {
  server = await startCacheServer()
  restoreEnv = setProcessEnv({ ...cacheEnvUnset, ...cacheEnv(server) })
})

afterAll(async () => {
  restoreEnv?.()
  await server?.close()
})

it('a blob of more than 128 MiB goes up as blocks and a block list, and comes back intact', async () => {
  const hash = createHash('sha256')
  for await (const chunk of pseudoRandom(size)) hash.update(chunk as Buffer)
  const hex = hash.digest('hex')

  const dir = path.join(server.workspace, 'large')
  const cache = new BlobDirectory(dir)
  const writer = await cache.begin(`sha256:${hex}`)
  await pipeline(pseudoRandom(size), writer.stream as NodeJS.WritableStream)
  await writer.commit()
  expect(cache.added).toEqual({ count: 1, bytes: size })

  const key = 'image-copy-blobs-large-1-1'
  const log = recordingLog()
  const saved = await quietly(() => saveBlobCache(dir, key, log))
  expect(saved.result).toMatchObject({ status: 'saved', blobs: { count: 1, bytes: size } })
  expect(log.of('warning')).toEqual([])
  expect(saved.annotations).toEqual([])
  expect(server.counters.uploads).toBe(0)
  expect(server.counters.blocks).toBeGreaterThanOrEqual(3) // 64 MiB blocks
  expect(server.counters.blockLists).toBe(1)
  const entry = server.entry(key)!
  expect((await stat(entry.file)).size).toBeGreaterThan(128 * 1024 * 1024)
  expect(entry.sizeBytes).toBe((await stat(entry.file)).size)
  expect((await listArchive(entry.file)).names).toEqual(['large/sha256/', `large/sha256/${hex}`])

  await rm(dir, { recursive: true, force: true })
  const restored = await quietly(() => restoreBlobCache(dir, key, [], recordingLog()))
  expect(restored.result).toMatchObject({ status: 'hit', exact: true, blobs: { count: 1, bytes: size } })
  expect(server.counters.downloads).toBe(1)
  expect(await fileSha256Hex(cache.pathOf(`sha256:${hex}`)!)).toBe(hex)
})
