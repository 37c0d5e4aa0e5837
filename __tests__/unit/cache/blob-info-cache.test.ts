import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks'
import { promisify } from 'node:util'
import {
  defaultBlobInfoCachePath,
  MAX_BLOB_INFO_ENTRIES,
  memoryBlobInfoCache,
  openBlobInfoCache
} from '../../../src/cache/blob-info-cache.js'
import { noteBytesRead } from '../../../src/memory.js'
import { removeTempDirs, tempDir } from '../../harness/local.js'
import { transpileForChild } from '../../harness/transpile.js'

afterAll(removeTempDirs)

/** A valid sha256 digest, different for each name. */
function d(name: string | number): string {
  return `sha256:${createHash('sha256').update(String(name)).digest('hex')}`
}

const REGISTRY = '127.0.0.1:5000'

describe('blob-info cache in memory', () => {
  it('pairs: each digest knows its uncompressed digest and its other compressions, most recent first', () => {
    const cache = memoryBlobInfoCache()
    cache.recordDigestPair(d('gz'), 'gzip', d('tar'))
    cache.recordDigestPair(d('zst'), 'zstd', d('tar'))
    expect(cache.uncompressedDigest(d('gz'))).toBe(d('tar'))
    expect(cache.uncompressedDigest(d('tar'))).toBe(d('tar'))
    expect(cache.uncompressedDigest(d('other'))).toBeUndefined()
    expect(cache.variants(d('gz'))).toEqual([
      { digest: d('zst'), compression: 'zstd' },
      { digest: d('tar'), compression: 'none' }
    ])
    expect(cache.variants(d('tar'))).toEqual([
      { digest: d('zst'), compression: 'zstd' },
      { digest: d('gz'), compression: 'gzip' }
    ])
    expect(cache.variants(d('other'))).toEqual([])
  })

  it('a compressed digest names one uncompressed content: a new pair replaces the old one', () => {
    const cache = memoryBlobInfoCache()
    cache.recordDigestPair(d('gz'), 'gzip', d('tar1'))
    cache.recordDigestPair(d('gz'), 'gzip', d('tar2'))
    expect(cache.uncompressedDigest(d('gz'))).toBe(d('tar2'))
    expect(cache.variants(d('tar1'))).toEqual([])
    expect(cache.variants(d('tar2'))).toEqual([{ digest: d('gz'), compression: 'gzip' }])
  })

  it('an uncompressed digest on its own is its own DiffID, with no variants', () => {
    const cache = memoryBlobInfoCache()
    cache.recordUncompressed(d('tar'))
    expect(cache.uncompressedDigest(d('tar'))).toBe(d('tar'))
    expect(cache.variants(d('tar'))).toEqual([])
  })

  it('locations per registry, most recent first; forgetting one removes only it', () => {
    const cache = memoryBlobInfoCache()
    cache.recordKnownLocation(REGISTRY, 'team/a', d(1))
    cache.recordKnownLocation(REGISTRY, 'team/b', d(1))
    cache.recordKnownLocation('ghcr.io', 'team/c', d(1))
    expect(cache.knownLocations(REGISTRY, d(1))).toEqual(['team/b', 'team/a'])
    cache.recordKnownLocation(REGISTRY, 'team/a', d(1))
    expect(cache.knownLocations(REGISTRY, d(1))).toEqual(['team/a', 'team/b'])
    expect(cache.knownLocations('ghcr.io', d(1))).toEqual(['team/c'])
    expect(cache.knownLocations(REGISTRY, d(2))).toEqual([])
    cache.forgetKnownLocation(REGISTRY, 'team/a', d(1))
    expect(cache.knownLocations(REGISTRY, d(1))).toEqual(['team/b'])
  })

  it('is bounded: beyond the bound the least recently recorded entries are dropped', () => {
    const cache = memoryBlobInfoCache()
    cache.recordDigestPair(d('gz'), 'gzip', d('tar'))
    for (let i = 0; i < MAX_BLOB_INFO_ENTRIES; i++) cache.recordKnownLocation(REGISTRY, 'r', d(i))
    expect(cache.uncompressedDigest(d('gz'))).toBeUndefined() // the oldest entry went first
    expect(cache.knownLocations(REGISTRY, d(0))).toEqual(['r'])
    cache.recordKnownLocation(REGISTRY, 'r', d(0)) // refreshed: now the newest
    cache.recordKnownLocation(REGISTRY, 'r', d('new'))
    expect(cache.knownLocations(REGISTRY, d(0))).toEqual(['r'])
    expect(cache.knownLocations(REGISTRY, d(1))).toEqual([])
  })
})

describe('blob-info cache file', () => {
  async function fileIn(): Promise<string> {
    return path.join(await tempDir('bic-'), 'sub', 'blob-info-cache-v1.json')
  }

  it('keeps what one process recorded for the next, in a file of mode 0600', async () => {
    const file = await fileIn()
    const first = await openBlobInfoCache(file)
    first.recordDigestPair(d('gz'), 'gzip', d('tar'))
    first.recordUncompressed(d('plain'))
    first.recordKnownLocation(REGISTRY, 'team/a', d('gz'))
    first.recordKnownLocation('docker.io', 'library/alpine', d('gz'))
    await first.save()
    expect((await stat(file)).mode & 0o777).toBe(0o600)

    const second = await openBlobInfoCache(file)
    expect(second.variants(d('tar'))).toEqual([{ digest: d('gz'), compression: 'gzip' }])
    expect(second.uncompressedDigest(d('plain'))).toBe(d('plain'))
    expect(second.knownLocations(REGISTRY, d('gz'))).toEqual(['team/a'])
    expect(second.knownLocations('docker.io', d('gz'))).toEqual(['library/alpine'])
    expect(await readdir(path.dirname(file))).toEqual(['blob-info-cache-v1.json']) // no temp file left
  })

  it('save merges with what another process saved meanwhile, and keeps what this one forgot forgotten', async () => {
    const file = await fileIn()
    const seed = await openBlobInfoCache(file)
    seed.recordKnownLocation(REGISTRY, 'old/stale', d(1))
    await seed.save()
    const a = await openBlobInfoCache(file)
    const b = await openBlobInfoCache(file)
    a.recordKnownLocation(REGISTRY, 'from/a', d(1))
    a.forgetKnownLocation(REGISTRY, 'old/stale', d(1))
    b.recordKnownLocation(REGISTRY, 'from/b', d(1))
    await b.save()
    await a.save()
    const after = await openBlobInfoCache(file)
    expect(after.knownLocations(REGISTRY, d(1)).sort()).toEqual(['from/a', 'from/b'])
  })

  it('a second save of one process still merges what another saved after its first', async () => {
    const file = await fileIn()
    const a = await openBlobInfoCache(file)
    a.recordKnownLocation(REGISTRY, 'from/a', d(2))
    await a.save() // the file is now as `a` wrote it: its next save may skip reading it…
    const b = await openBlobInfoCache(file)
    b.recordKnownLocation(REGISTRY, 'from/b', d(2))
    await b.save() // …unless it changed, as here
    a.recordKnownLocation(REGISTRY, 'again/a', d(2))
    await a.save()
    const after = await openBlobInfoCache(file)
    expect(after.knownLocations(REGISTRY, d(2)).sort()).toEqual(['again/a', 'from/a', 'from/b'])
  })

  it('takes in only the registries it is asked about, and keeps the others in the file on save', async () => {
    const file = await fileIn()
    const seed = await openBlobInfoCache(file)
    seed.recordKnownLocation(REGISTRY, 'mine/a', d(3))
    seed.recordKnownLocation('other.example', 'theirs/b', d(3))
    await seed.save()
    const text = await readFile(file, 'utf8')
    const data = JSON.parse(text) as { locations: unknown[][] }
    data.locations.push(['other.example', '../escape', d(3), 1]) // not a valid name: never used
    await writeFile(file, JSON.stringify(data))

    const cache = await openBlobInfoCache(file)
    expect(cache.knownLocations(REGISTRY, d(3))).toEqual(['mine/a'])
    cache.recordKnownLocation(REGISTRY, 'mine/c', d(3))
    await cache.save()
    const after = await openBlobInfoCache(file)
    expect(after.knownLocations(REGISTRY, d(3))).toEqual(['mine/c', 'mine/a'])
    expect(after.knownLocations('other.example', d(3))).toEqual(['theirs/b'])
    // Rows of a registry this process never took in go back as they were; they are validated by the
    // process that takes them in (above: the invalid name is not among other.example's locations).
    const saved = JSON.parse(await readFile(file, 'utf8')) as { locations: unknown[][] }
    expect(saved.locations.map(r => r[1]).sort()).toEqual(['../escape', 'mine/a', 'mine/c', 'theirs/b'])
  })

  it('the file is bounded too: the newest entries are kept', async () => {
    const file = await fileIn()
    const cache = await openBlobInfoCache(file)
    for (let i = 0; i < MAX_BLOB_INFO_ENTRIES + 10; i++) cache.recordKnownLocation(REGISTRY, 'r', d(i))
    await cache.save()
    const data = JSON.parse(await readFile(file, 'utf8')) as { locations: unknown[] }
    expect(data.locations).toHaveLength(MAX_BLOB_INFO_ENTRIES)
    const reopened = await openBlobInfoCache(file)
    expect(reopened.knownLocations(REGISTRY, d(9))).toEqual([])
    expect(reopened.knownLocations(REGISTRY, d(MAX_BLOB_INFO_ENTRIES + 9))).toEqual(['r'])
  })

  it('a corrupt file is ignored (reported, no crash) and replaced by a valid one on save', async () => {
    for (const text of ['{"version":1,"locations":[[', 'null', '[]', '{"version":2}', '\u0000\u0001']) {
      const file = await fileIn()
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, text)
      const problems: string[] = []
      const cache = await openBlobInfoCache(file, m => problems.push(m))
      expect(cache.knownLocations(REGISTRY, d(1))).toEqual([])
      expect(problems).toHaveLength(1) // read on first use
      cache.recordKnownLocation(REGISTRY, 'r', d(1))
      await cache.save()
      expect((await openBlobInfoCache(file)).knownLocations(REGISTRY, d(1))).toEqual(['r'])
    }
  })

  it('a hostile file: every malformed entry is dropped, the valid ones kept', async () => {
    const file = await fileIn()
    await mkdir(path.dirname(file), { recursive: true })
    const t = 1_700_000_000_000
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        pairs: [
          [d('gz'), 'gzip', d('tar'), t],
          ['sha256:../../etc/passwd', 'gzip', d('tar'), t],
          [d('x'), 'brotli', d('tar'), t],
          [d('y'), 'gzip', d('y'), t],
          [d('z'), 'zstd', d('tar').toUpperCase(), t],
          [d('w'), 'zstd', d('tar'), 'yesterday'],
          { compressed: d('v'), algorithm: 'gzip', uncompressed: d('tar'), time: t },
          [d('u'), 'gzip', d('tar'), t, 'extra']
        ],
        uncompressed: [
          [d('plain'), t],
          ['md5:abc', t],
          [d('neg'), -1],
          [d('inf'), 'INFINITY'],
          [d('half'), 1.5]
        ],
        locations: [
          [REGISTRY, 'team/a', d('gz'), t],
          ['user:secret@127.0.0.1:5000', 'team/b', d('gz'), t],
          [REGISTRY, 'Team/C', d('gz'), t],
          [REGISTRY, '../d', d('gz'), t],
          ['evil host', 'team/e', d('gz'), t],
          [REGISTRY, 'team/f', 'sha256:short', t],
          ['docker.io', 'alpine', d('gz'), t], // not normalized: docker.io names it library/alpine
          [REGISTRY, 'team/g\u001b[31m', d('gz'), t],
          [{ toString: 1 }, 'team/h', d('gz'), t]
        ]
      })
        .replace(/^\{/, '{"__proto__":{"polluted":true},')
        .replace('"INFINITY"', '1e400')
    )
    const cache = await openBlobInfoCache(file)
    expect(cache.variants(d('tar'))).toEqual([{ digest: d('gz'), compression: 'gzip' }])
    expect(cache.uncompressedDigest(d('plain'))).toBe(d('plain'))
    expect(cache.uncompressedDigest(d('neg'))).toBeUndefined()
    expect(cache.uncompressedDigest(d('inf'))).toBeUndefined()
    expect(cache.uncompressedDigest(d('half'))).toBeUndefined()
    expect(cache.knownLocations(REGISTRY, d('gz'))).toEqual(['team/a'])
    expect(cache.knownLocations('docker.io', d('gz'))).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a FIFO or a directory in the file’s place: no hang, no crash, the problem reported', async () => {
    const dir = await tempDir('bic-')
    const fifo = path.join(dir, 'fifo')
    await promisify(execFile)('mkfifo', [fifo])
    const problems: string[] = []
    const cache = await openBlobInfoCache(fifo, m => problems.push(m))
    expect(cache.knownLocations(REGISTRY, d(1))).toEqual([])
    expect(problems.join('\n')).toMatch(/not a regular file/)

    const folder = path.join(dir, 'folder')
    await mkdir(folder)
    const inFolder = await openBlobInfoCache(folder, m => problems.push(m))
    inFolder.recordKnownLocation(REGISTRY, 'r', d(1))
    await inFolder.save() // rename over a directory fails: reported, not thrown
    expect(problems.at(-1)).toMatch(/not saved/)
  })

  it('two processes saving at once, again and again, leave a valid file and no temp files', async () => {
    const dir = await tempDir('bic-')
    const module = await transpileForChild('cache/blob-info-cache', path.join(dir, 'js'))
    const file = path.join(dir, 'cache', 'blob-info-cache-v1.json')
    const script = path.join(dir, 'writer.mjs')
    await writeFile(
      script,
      `import { createHash } from 'node:crypto'
import { openBlobInfoCache } from ${JSON.stringify(module)}
const [file, tag] = process.argv.slice(2)
const d = s => 'sha256:' + createHash('sha256').update(s).digest('hex')
for (let round = 0; round < 25; round++) {
  const cache = await openBlobInfoCache(file, m => { console.error(m); process.exitCode = 1 })
  for (let i = 0; i < 200; i++) cache.recordKnownLocation('127.0.0.1:5000', tag + '/r' + round, d(tag + i))
  cache.recordDigestPair(d(tag + 'gz' + round), 'gzip', d(tag + 'tar'))
  await cache.save()
}
`
    )
    const run = (tag: string): Promise<unknown> => promisify(execFile)(process.execPath, [script, file, tag])
    await Promise.all([run('a'), run('b')]) // rejects if a process reported a problem
    const text = await readFile(file, 'utf8')
    const data = JSON.parse(text) as { version: number; pairs: unknown[]; locations: unknown[] }
    expect(data.version).toBe(1)
    const cache = await openBlobInfoCache(file)
    // Both writers' last rounds: each saved after reading the other's file, or last.
    const last = ['a', 'b'].map(tag => cache.knownLocations('127.0.0.1:5000', d(`${tag}0`))[0])
    expect(last.some(repo => repo === 'a/r24' || repo === 'b/r24')).toBe(true)
    expect(data.locations.length).toBeGreaterThanOrEqual(200)
    expect((await readdir(path.dirname(file))).sort()).toEqual(['blob-info-cache-v1.json'])
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })
})

describe('where the cache file is', () => {
  it('IMAGE_COPY_BLOB_INFO_CACHE names the file; "off" or "" turns the cache off', () => {
    expect(defaultBlobInfoCachePath({ IMAGE_COPY_BLOB_INFO_CACHE: '/x/c.json', HOME: '/h' })).toBe(
      '/x/c.json'
    )
    expect(defaultBlobInfoCachePath({ IMAGE_COPY_BLOB_INFO_CACHE: 'off', HOME: '/h' })).toBeUndefined()
    expect(defaultBlobInfoCachePath({ IMAGE_COPY_BLOB_INFO_CACHE: 'OFF', HOME: '/h' })).toBeUndefined()
    expect(defaultBlobInfoCachePath({ IMAGE_COPY_BLOB_INFO_CACHE: '', HOME: '/h' })).toBeUndefined()
  })

  it('else $XDG_CACHE_HOME (when absolute), else ~/.cache', () => {
    expect(defaultBlobInfoCachePath({ XDG_CACHE_HOME: '/xdg', HOME: '/h' })).toBe(
      '/xdg/image-copy/blob-info-cache-v1.json'
    )
    expect(defaultBlobInfoCachePath({ XDG_CACHE_HOME: 'relative', HOME: '/h' })).toBe(
      '/h/.cache/image-copy/blob-info-cache-v1.json'
    )
    expect(defaultBlobInfoCachePath({ HOME: '/h' })).toBe('/h/.cache/image-copy/blob-info-cache-v1.json')
  })
})

describe('blob-info cache save and memory', () => {
  it('frees what the transfers left (a full collection) before it saves, once bulk bytes have moved', async () => {
    noteBytesRead(1) // bytes have moved: the collection pacing runs (src/memory.ts)
    const cache = await openBlobInfoCache(path.join(await tempDir(), 'cache.json'))
    cache.recordKnownLocation(REGISTRY, 'team/a', d('gc'))
    const kinds: number[] = []
    const observer = new PerformanceObserver(list => {
      for (const entry of list.getEntries())
        kinds.push((entry as unknown as { detail: { kind: number } }).detail.kind)
    })
    observer.observe({ entryTypes: ['gc'] })
    await cache.save()
    await new Promise(resolve => setTimeout(resolve, 50)) // gc entries are delivered asynchronously
    observer.disconnect()
    expect(kinds).toContain(perfConstants.NODE_PERFORMANCE_GC_MAJOR)
  })
})
