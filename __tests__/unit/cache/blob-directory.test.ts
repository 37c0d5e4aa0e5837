import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  stat,
  symlink,
  utimes,
  writeFile,
  type FileHandle
} from 'node:fs/promises'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { BlobDirectory } from '../../../src/cache/blob-directory.js'
import type { CacheWriter } from '../../../src/copy/blob-cache.js'
import { removeTempDirs, tempDir } from '../../harness/local.js'

afterAll(removeTempDirs)

function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function hexOf(bytes: Buffer): string {
  return digestOf(bytes).slice('sha256:'.length)
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Writes `bytes` through the writer the way the engine does: piped, commit once the source has ended. */
async function pipeAndCommit(writer: CacheWriter, bytes: Buffer, chunkSize = 1009): Promise<void> {
  const chunks: Buffer[] = []
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize))
  const branch = new PassThrough()
  branch.pipe(writer.stream as NodeJS.WritableStream)
  Readable.from(chunks).pipe(branch)
  await finished(branch)
  await writer.commit()
}

async function store(cache: BlobDirectory, bytes: Buffer): Promise<string> {
  const digest = digestOf(bytes)
  await pipeAndCommit(await cache.begin(digest), bytes)
  return digest
}

/** Buffer equality without jest's element-by-element diff (slow on megabytes). */
function expectSame(actual: Buffer, expected: Buffer): void {
  expect(actual.length).toBe(expected.length)
  expect(actual.equals(expected)).toBe(true)
}

/** Names under <dir>, relative, recursively. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.map(String).sort()
}

describe('BlobDirectory', () => {
  it('stores a blob whose bytes hash to its digest, at <dir>/sha256/<hex>, and serves it', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const bytes = Buffer.from('a layer, more or less'.repeat(1000))
    const digest = await store(cache, bytes)
    expect(await tree(dir)).toEqual(['sha256', `sha256/${hexOf(bytes)}`])
    expectSame(await readFile(path.join(dir, 'sha256', hexOf(bytes))), bytes)
    const served = await cache.get(digest)
    expect(served).toBeDefined()
    expectSame(await readAll(served!), bytes)
    expect(cache.added).toEqual({ count: 1, bytes: bytes.length })
    expect(await cache.stats()).toEqual({ count: 1, bytes: bytes.length })
  })

  it('accepts end() from the writer itself and a commit before the sink has flushed', async () => {
    const cache = new BlobDirectory(await tempDir())
    const bytes = Buffer.alloc(3 << 20, 0x5a)
    const writer = await cache.begin(digestOf(bytes))
    writer.stream.write(bytes.subarray(0, 1 << 20))
    writer.stream.write(bytes.subarray(1 << 20))
    await writer.commit() // ends the stream and waits for the file
    expectSame(await readAll((await cache.get(digestOf(bytes)))!), bytes)
  })

  it('stores the empty blob', async () => {
    const cache = new BlobDirectory(await tempDir())
    const empty = Buffer.alloc(0)
    const writer = await cache.begin(digestOf(empty))
    writer.stream.end()
    await writer.commit()
    expectSame(await readAll((await cache.get(digestOf(empty)))!), empty)
  })

  it('rejects bytes that do not hash to the digest on commit, leaving nothing behind', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const good = Buffer.from('the real blob')
    const bad = Buffer.from('the real blob, tampered')
    const writer = await cache.begin(digestOf(good))
    await expect(pipeAndCommit(writer, bad)).rejects.toThrow(
      new RegExp(`${digestOf(good)}.*${bad.length} bytes written hash to ${digestOf(bad)}`)
    )
    expect(await tree(dir)).toEqual(['sha256'])
    expect(await cache.get(digestOf(good))).toBeUndefined()
    expect(cache.added).toEqual({ count: 0, bytes: 0 })
    await expect(writer.abort()).resolves.toBeUndefined() // the engine may still call abort
  })

  it('lets concurrent writers of one blob both commit; one file, counted once, no temp files', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const bytes = Buffer.from('shared layer '.repeat(50_000))
    const digest = digestOf(bytes)
    const writers = await Promise.all([cache.begin(digest), cache.begin(digest), cache.begin(digest)])
    // interleave the writes, then commit all at once
    for (let i = 0; i < bytes.length; i += 65536) {
      for (const w of writers) w.stream.write(bytes.subarray(i, i + 65536))
    }
    await Promise.all(writers.map(w => w.commit()))
    expect(await tree(dir)).toEqual(['sha256', `sha256/${hexOf(bytes)}`])
    expectSame(await readAll((await cache.get(digest))!), bytes)
    expect(cache.added).toEqual({ count: 1, bytes: bytes.length })
  })

  it('keeps the good blob when a concurrent writer of the same digest got bad bytes', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const bytes = Buffer.from('x'.repeat(100_000))
    const digest = digestOf(bytes)
    const [good, bad] = await Promise.all([cache.begin(digest), cache.begin(digest)])
    const results = await Promise.allSettled([
      pipeAndCommit(bad, Buffer.from('y'.repeat(100_000))),
      pipeAndCommit(good, bytes)
    ])
    expect(results.map(r => r.status)).toEqual(['rejected', 'fulfilled'])
    expect(await tree(dir)).toEqual(['sha256', `sha256/${hexOf(bytes)}`])
    expectSame(await readFile(path.join(dir, 'sha256', hexOf(bytes))), bytes)
  })

  it('does not count a blob that was already there (another process stored it)', async () => {
    const dir = await tempDir()
    const bytes = Buffer.from('restored earlier')
    await store(new BlobDirectory(dir), bytes)
    const later = new BlobDirectory(dir)
    await store(later, bytes)
    expect(later.added).toEqual({ count: 0, bytes: 0 })
    const other = Buffer.from('new in this run')
    await store(later, other)
    expect(later.added).toEqual({ count: 1, bytes: other.length })
    expect(await later.stats()).toEqual({ count: 2, bytes: bytes.length + other.length })
  })

  it('abort removes the partial file, before or after writes', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const bytes = Buffer.from('half of a blob'.repeat(1000))
    const writer = await cache.begin(digestOf(bytes))
    writer.stream.write(bytes.subarray(0, 5000))
    await writer.abort()
    const untouched = await cache.begin(digestOf(Buffer.from('never written')))
    await untouched.abort()
    await untouched.abort() // twice is fine
    expect(await tree(dir)).toEqual(['sha256'])
    expect(cache.added).toEqual({ count: 0, bytes: 0 })
    await expect(writer.commit()).rejects.toThrow(/already committed or aborted/)
  })

  it('abort after the source failed mid-stream (the engine path) leaves nothing', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const writer = await cache.begin(digestOf(Buffer.from('whole')))
    const branch = new PassThrough()
    branch.pipe(writer.stream as NodeJS.WritableStream)
    branch.write('who')
    branch.destroy(new Error('source reset'))
    await finished(branch).catch(() => undefined)
    await writer.abort()
    expect(await tree(dir)).toEqual(['sha256'])
  })

  it('a failing disk write does not stall or fail the stream; commit reports it and cleans up', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const bytes = Buffer.alloc(3 << 20, 7)
    const writer = await cache.begin(digestOf(bytes))
    // the file goes away under the writer (as on a full or failing disk): writes fail with EBADF
    await (writer.stream as unknown as { handle: FileHandle }).handle.close()
    let streamError: Error | undefined
    writer.stream.on('error', e => (streamError = e))
    await expect(pipeAndCommit(writer, bytes, 65536)).rejects.toThrow(/EBADF|closed/)
    expect(streamError).toBeUndefined()
    expect(await tree(dir)).toEqual(['sha256'])
    expect(cache.added).toEqual({ count: 0, bytes: 0 })
  })

  it('get: undefined for a blob not cached, or a digest that is not sha256; begin refuses those', async () => {
    const cache = new BlobDirectory(await tempDir())
    expect(await cache.get(digestOf(Buffer.from('absent')))).toBeUndefined()
    expect(await cache.get(`sha512:${'a'.repeat(128)}`)).toBeUndefined()
    expect(await cache.get('sha256:../../etc/passwd')).toBeUndefined()
    await expect(cache.begin(`sha512:${'a'.repeat(128)}`)).rejects.toThrow(/only sha256/)
    await expect(cache.begin('sha256:ABC')).rejects.toThrow(/only sha256/)
  })

  it('discard forgets a blob (and is quiet about one that is not there)', async () => {
    const cache = new BlobDirectory(await tempDir())
    const digest = await store(cache, Buffer.from('corrupt on disk'))
    await cache.discard(digest)
    expect(await cache.get(digest)).toBeUndefined()
    await expect(cache.discard(digest)).resolves.toBeUndefined()
  })

  it('get refreshes the modification time (the LRU clock)', async () => {
    const cache = new BlobDirectory(await tempDir())
    const digest = await store(cache, Buffer.from('touch me'))
    const file = cache.pathOf(digest)!
    const old = new Date('2020-01-01T00:00:00Z')
    await utimes(file, old, old)
    const before = Date.now()
    ;(await cache.get(digest))!.destroy()
    expect((await stat(file)).mtimeMs).toBeGreaterThanOrEqual(before - 1000)
  })

  it('prune drops least recently used blobs first until the total fits', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const a = Buffer.alloc(1000, 1)
    const b = Buffer.alloc(2000, 2)
    const c = Buffer.alloc(3000, 3)
    const [da, db, dc] = [await store(cache, a), await store(cache, b), await store(cache, c)]
    await utimes(cache.pathOf(da)!, new Date('2021-01-01'), new Date('2021-01-01'))
    await utimes(cache.pathOf(db)!, new Date('2022-01-01'), new Date('2022-01-01'))
    await utimes(cache.pathOf(dc)!, new Date('2023-01-01'), new Date('2023-01-01'))
    ;(await cache.get(da))!.destroy() // a is now the most recently used

    expect(await cache.prune(6000)).toEqual({ count: 0, bytes: 0 }) // fits already
    expect(await cache.prune(4500)).toEqual({ count: 1, bytes: 2000 }) // b is the oldest
    expect(await cache.get(db)).toBeUndefined()
    expect(await cache.stats()).toEqual({ count: 2, bytes: 4000 })
    expect(await cache.prune(3999)).toEqual({ count: 1, bytes: 3000 }) // then c
    expect((await cache.list()).map(x => `sha256:${x.hex}`)).toEqual([da])
    expect(await cache.prune(0)).toEqual({ count: 1, bytes: 1000 })
    expect(await cache.stats()).toEqual({ count: 0, bytes: 0 })
  })

  it('sweep removes everything in sha256/ that is not a blob; stats and prune ignore such entries', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const digest = await store(cache, Buffer.from('keep'))
    const blobs = path.join(dir, 'sha256')
    await writeFile(path.join(blobs, '.0123456789abcdef.0011223344556677.tmp'), 'left by a crash')
    await writeFile(path.join(blobs, 'config.json'), '{"auths":{}}')
    await mkdir(path.join(blobs, 'nested'))
    await writeFile(path.join(blobs, 'nested', 'x'), 'x')
    await symlink('../../elsewhere', path.join(blobs, 'f'.repeat(64)))
    expect(await cache.stats()).toEqual({ count: 1, bytes: 4 })
    expect((await cache.sweep()).sort()).toEqual(
      ['.0123456789abcdef.0011223344556677.tmp', 'config.json', 'f'.repeat(64), 'nested'].sort()
    )
    expect(await tree(dir)).toEqual(['sha256', `sha256/${digest.slice(7)}`])
    expect(await new BlobDirectory(path.join(dir, 'missing')).sweep()).toEqual([])
  })

  it('never serves through a symbolic link; storing the real blob replaces the link', async () => {
    const dir = await tempDir()
    const cache = new BlobDirectory(dir)
    const bytes = Buffer.from('the real blob behind a link')
    const secret = path.join(dir, 'secret.txt')
    await writeFile(secret, bytes)
    await mkdir(path.join(dir, 'sha256'))
    await symlink(secret, path.join(dir, 'sha256', hexOf(bytes)))
    expect(await cache.get(digestOf(bytes))).toBeUndefined()
    await store(cache, bytes)
    expect((await lstat(path.join(dir, 'sha256', hexOf(bytes)))).isFile()).toBe(true)
    expect(cache.added).toEqual({ count: 1, bytes: bytes.length })
    expectSame(await readAll((await cache.get(digestOf(bytes)))!), bytes)
  })

  it('a missing directory is an empty cache', async () => {
    const cache = new BlobDirectory(path.join(await tempDir(), 'not-yet'))
    expect(await cache.stats()).toEqual({ count: 0, bytes: 0 })
    expect(await cache.prune(0)).toEqual({ count: 0, bytes: 0 })
    expect(await cache.get(digestOf(Buffer.from('x')))).toBeUndefined()
  })
})
