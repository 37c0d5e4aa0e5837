// The blob directory saved and restored with the real @actions/cache 6 against a local cache service.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { lstat, mkdir, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { cacheKey, restoreBlobCache, saveBlobCache } from '../../../src/cache/actions-cache.js'
import { BlobDirectory } from '../../../src/cache/blob-directory.js'
import {
  cacheEnv,
  cacheEnvUnset,
  setProcessEnv,
  startCacheServer,
  type CacheServer
} from '../../harness/cache-server.js'
import {
  expectedCompression,
  fileSha256Hex,
  listArchive,
  putBlob,
  quietly,
  randomBlob,
  recordingLog
} from './helpers.js'

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

let dirCount = 0
let dir: string
beforeEach(() => {
  dir = path.join(server.workspace, `blobs-${++dirCount}`)
})

async function blobFiles(d: string): Promise<Record<string, string>> {
  const names = (await readdir(path.join(d, 'sha256'))).sort()
  const out: Record<string, string> = {}
  for (const name of names) out[name] = await fileSha256Hex(path.join(d, 'sha256', name))
  return out
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false
  )
}

describe('blob cache in the Actions cache (real @actions/cache, local cache service v2)', () => {
  it('save then restore round-trips the blobs byte for byte; the archive holds only sha256/<hex>', async () => {
    const cache = new BlobDirectory(dir)
    const hexes = [
      await putBlob(cache, Buffer.alloc(0)),
      await putBlob(cache, Buffer.from('{"architecture":"amd64"}')),
      await putBlob(cache, randomBlob(3 << 20))
    ]
    const old = new Date('2024-03-01T12:00:00Z')
    await utimes(cache.pathOf(`sha256:${hexes[1]}`)!, old, old)
    // What must never reach the cache: credentials and config next to the cache dir and inside it,
    // an unfinished write, and a symbolic link posing as a blob.
    await writeFile(path.join(server.workspace, 'config.json'), '{"auths":{"ghcr.io":{"auth":"c2VjcmV0"}}}')
    await writeFile(path.join(server.workspace, 'auth.json'), '{"auths":{}}')
    await writeFile(path.join(dir, 'config.json'), '{"auths":{"docker.io":{"auth":"c2VjcmV0"}}}')
    await writeFile(path.join(dir, 'sha256', 'auth.json'), '{"auths":{}}')
    await writeFile(path.join(dir, 'sha256', '.0123456789abcdef.0123456789abcdef.tmp'), 'partial')
    await symlink(path.join(server.workspace, 'config.json'), path.join(dir, 'sha256', 'e'.repeat(64)))
    const key = 'image-copy-blobs-roundtrip-1-1'

    server.resetCounters()
    const log = recordingLog()
    const saved = await quietly(() => saveBlobCache(dir, key, log))
    expect(saved.result).toEqual({
      status: 'saved',
      blobs: { count: 3, bytes: (3 << 20) + 24 },
      pruned: { count: 0, bytes: 0 }
    })
    expect(log.of('warning')).toEqual([])
    expect(log.of('info')).toEqual([`Blob cache: saved ${key}, 3 blobs, 3.0 MiB`])
    expect(saved.annotations).toEqual([])
    expect(server.counters.uploads).toBe(1)
    expect(server.counters.blocks).toBe(0)

    const entry = server.entry(key)!
    const archive = await listArchive(entry.file)
    expect(archive.compression).toBe(expectedCompression())
    const rel = path.basename(dir)
    for (const name of archive.names) expect(name).toMatch(new RegExp(`^${rel}/sha256(/[0-9a-f]{64})?/?$`))
    expect(archive.names.filter(n => /[0-9a-f]{64}$/.test(n)).sort()).toEqual(
      hexes.map(h => `${rel}/sha256/${h}`).sort()
    )
    expect(archive.names.join('\n')).not.toMatch(/config\.json|auth\.json|\.tmp/)

    await rm(dir, { recursive: true, force: true })
    const restoreLog = recordingLog()
    const restored = await quietly(() => restoreBlobCache(dir, key, [], restoreLog))
    expect(restored.result).toEqual({
      status: 'hit',
      matchedKey: key,
      exact: true,
      blobs: { count: 3, bytes: (3 << 20) + 24 }
    })
    expect(restoreLog.of('warning')).toEqual([])
    expect(restored.annotations).toEqual([])
    const after = await blobFiles(dir)
    expect(after).toEqual(Object.fromEntries(hexes.map(h => [h, h])))
    expect(await readdir(dir)).toEqual(['sha256'])
    // tar keeps modification times, so the LRU order survives the round trip
    expect(Math.abs((await stat(cache.pathOf(`sha256:${hexes[1]}`)!)).mtimeMs - old.getTime())).toBeLessThan(
      1000
    )
    const served = await cache.get(`sha256:${hexes[1]}`)
    const chunks: Buffer[] = []
    for await (const c of served!) chunks.push(c as Buffer)
    expect(Buffer.concat(chunks).toString()).toBe('{"architecture":"amd64"}')
  })

  it('a new run restores its own run first, then the newest entry for the same sources', async () => {
    const sourceRefs = ['docker://ghcr.io/acme/app:1.4.0']
    const run101 = cacheKey({ sourceRefs, runId: '101', attempt: '1' })
    const run100 = cacheKey({ sourceRefs, runId: '100', attempt: '1' })
    const cache = new BlobDirectory(dir)
    const a = await putBlob(cache, Buffer.from('saved by run 101'))
    expect((await quietly(() => saveBlobCache(dir, run101.key, recordingLog()))).result.status).toBe('saved')
    await cache.discard(`sha256:${a}`)
    const b = await putBlob(cache, Buffer.from('saved by run 100, later'))
    expect((await quietly(() => saveBlobCache(dir, run100.key, recordingLog()))).result.status).toBe('saved')

    // attempt 2 of run 101: its own run's entry, though run 100's is newer
    await rm(dir, { recursive: true, force: true })
    const retry = cacheKey({ sourceRefs, runId: '101', attempt: '2' })
    const log = recordingLog()
    const first = await quietly(() => restoreBlobCache(dir, retry.key, retry.restoreKeys, log))
    expect(first.result).toMatchObject({ status: 'hit', matchedKey: run101.key, exact: false })
    expect(Object.keys(await blobFiles(dir))).toEqual([a])
    expect(log.of('warning')).toEqual([])

    // run 102: the newest entry for these sources
    await rm(dir, { recursive: true, force: true })
    const next = cacheKey({ sourceRefs, runId: '102', attempt: '1' })
    const second = await quietly(() => restoreBlobCache(dir, next.key, next.restoreKeys, recordingLog()))
    expect(second.result).toMatchObject({ status: 'hit', matchedKey: run100.key, exact: false })
    expect(Object.keys(await blobFiles(dir))).toEqual([b])

    // other sources: a miss, one info line
    await rm(dir, { recursive: true, force: true })
    const other = cacheKey({ sourceRefs: ['docker://quay.io/other:1'], runId: '102', attempt: '1' })
    const missLog = recordingLog()
    const miss = await quietly(() => restoreBlobCache(dir, other.key, other.restoreKeys, missLog))
    expect(miss.result).toEqual({ status: 'miss' })
    expect(missLog.lines).toEqual([{ level: 'info', message: expect.stringContaining('no entry for') }])
    expect(miss.annotations).toEqual([])
    expect(await exists(dir)).toBe(false)
  })

  it('saving a key that is already saved (another job of the run) is an info line, not a warning', async () => {
    const cache = new BlobDirectory(dir)
    await putBlob(cache, Buffer.from('matrix job'))
    const key = 'image-copy-blobs-matrix-7-1'
    expect((await quietly(() => saveBlobCache(dir, key, recordingLog()))).result.status).toBe('saved')
    const log = recordingLog()
    const again = await quietly(() => saveBlobCache(dir, key, log))
    expect(again.result).toEqual({ status: 'exists', pruned: { count: 0, bytes: 0 } })
    expect(log.lines).toEqual([{ level: 'info', message: expect.stringContaining('saved already') }])
    expect(again.annotations).toEqual([])
  })

  it('prunes to maxBytes before saving, least recently used first', async () => {
    const cache = new BlobDirectory(dir)
    const older = await putBlob(cache, Buffer.alloc(4000, 1))
    const newer = await putBlob(cache, Buffer.alloc(4000, 2))
    await utimes(cache.pathOf(`sha256:${older}`)!, new Date('2024-01-01'), new Date('2024-01-01'))
    const key = 'image-copy-blobs-prune-1-1'
    const log = recordingLog()
    const saved = await quietly(() => saveBlobCache(dir, key, log, { maxBytes: 5000 }))
    expect(log.of('info')[0]).toBe(
      'Blob cache: dropped the least recently used 1 blob, 3.9 KiB to fit 4.9 KiB'
    )
    expect(saved.result).toEqual({
      status: 'saved',
      blobs: { count: 1, bytes: 4000 },
      pruned: { count: 1, bytes: 4000 }
    })
    const names = (await listArchive(server.entry(key)!.file)).names.filter(n => /[0-9a-f]{64}$/.test(n))
    expect(names.map(n => path.basename(n))).toEqual([newer])
  })

  it('an empty directory is not saved', async () => {
    const log = recordingLog()
    server.resetCounters()
    expect(await saveBlobCache(dir, 'image-copy-blobs-empty-1-1', log)).toEqual({
      status: 'empty',
      pruned: { count: 0, bytes: 0 }
    })
    expect(log.of('info')).toEqual(['Blob cache: empty, nothing to save'])
    expect(server.counters.rpc).toEqual({})
  })

  it('ACTIONS_CACHE_MODE=read restores but does not save', async () => {
    const undo = setProcessEnv({ ACTIONS_CACHE_MODE: 'read' })
    try {
      await putBlob(new BlobDirectory(dir), Buffer.from('read only'))
      const log = recordingLog()
      server.resetCounters()
      expect(await saveBlobCache(dir, 'image-copy-blobs-ro-1-1', log)).toEqual({ status: 'disabled' })
      expect(log.of('info')).toEqual([expect.stringContaining('does not allow writes')])
      expect(server.counters.rpc).toEqual({})
    } finally {
      undo()
    }
  })

  it('outside GitHub (no cache service): one notice each for restore and save, the directory stays local', async () => {
    const undo = setProcessEnv({ ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_URL: undefined })
    try {
      const hex = await putBlob(new BlobDirectory(dir), Buffer.from('local only'))
      server.resetCounters()
      const log = recordingLog()
      const restored = await quietly(() =>
        restoreBlobCache(dir, 'image-copy-blobs-x-1-1', ['image-copy-blobs-x-'], log)
      )
      const saved = await quietly(() => saveBlobCache(dir, 'image-copy-blobs-x-1-1', log))
      expect(restored.result).toEqual({ status: 'unavailable' })
      expect(saved.result).toEqual({ status: 'unavailable' })
      expect(log.lines.map(l => l.level)).toEqual(['notice', 'notice'])
      expect(log.lines[0].message).toContain(`using ${dir} as a local cache only`)
      expect(restored.stdout + saved.stdout).toBe('')
      expect(server.counters.rpc).toEqual({})
      expect(Object.keys(await blobFiles(dir))).toEqual([hex])
    } finally {
      undo()
    }
  })
})

it('never throws, even when the environment breaks the library (a malformed GITHUB_SERVER_URL)', async () => {
  const undo = setProcessEnv({ GITHUB_SERVER_URL: 'not a url' })
  try {
    const log = recordingLog()
    const restored = await quietly(() => restoreBlobCache(dir, 'image-copy-blobs-x-1-1', [], log))
    const saved = await quietly(() => saveBlobCache(dir, 'image-copy-blobs-x-1-1', log))
    expect(restored.result.status).toBe('failed')
    expect(saved.result.status).toBe('failed')
    expect(log.lines.map(l => l.level)).toEqual(['warning', 'warning'])
    expect(log.lines[0].message).toMatch(/^Blob cache not restored \(the copy goes on without it\): .*URL/)
  } finally {
    undo()
  }
})

describe('setProcessEnv', () => {
  it('puts back exactly what was there, including absent variables', async () => {
    await mkdir(server.workspace, { recursive: true })
    const undo = setProcessEnv({ IMAGE_COPY_TEST_A: 'x', ACTIONS_RESULTS_URL: undefined })
    expect(process.env.IMAGE_COPY_TEST_A).toBe('x')
    expect(process.env.ACTIONS_RESULTS_URL).toBeUndefined()
    undo()
    expect('IMAGE_COPY_TEST_A' in process.env).toBe(false)
    expect(process.env.ACTIONS_RESULTS_URL).toBe(server.url)
  })
})
