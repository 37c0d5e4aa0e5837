// The blob directory as the copy engine's BlobCache: filled by a first copy, serving the second, and
// a corrupt entry discarded and pulled again.
import { afterAll, expect, it } from '@jest/globals'
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { BlobDirectory } from '../../../src/cache/blob-directory.js'
import { copyImage } from '../../../src/copy/copy-image.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'

afterAll(removeTempDirs)

function copy(cache: BlobDirectory, dest: string) {
  return copyImage({
    source: parseImageReference(`oci:${exampleLayout}:1.0`),
    destinations: [parseImageReference(dest)],
    selection: { kind: 'all' },
    sparseList: 'strip',
    preserveDigests: false,
    removeSignatures: false,
    parallel: 4,
    sourceContext: {},
    destinationContext: {},
    blobCache: cache
  })
}

it('a second copy reads every blob from the cache; a corrupt entry is discarded and pulled again', async () => {
  const work = await tempDir()
  const cache = new BlobDirectory(path.join(work, 'cache'))

  const first = await copy(cache, `oci:${work}/a:1.0`)
  expect(first.stats.cachedBlobs).toBe(0)
  expect(first.stats.pulledBlobs).toBeGreaterThan(0)
  expect(cache.added.count).toBe(first.stats.pulledBlobs)
  expect(cache.added.bytes).toBe(first.stats.pulledBytes)
  const stored = (await cache.list()).map(b => b.hex).sort()
  expect(stored).toHaveLength(first.stats.pulledBlobs)
  expect(await readdir(cache.dir)).toEqual(['sha256'])

  const second = await copy(cache, `oci:${work}/b:1.0`)
  expect(second.stats.pulledBlobs).toBe(0)
  expect(second.stats.cachedBlobs).toBe(first.stats.pulledBlobs)
  expect(await ociRefDigest(`${work}/b`, '1.0')).toBe(await ociRefDigest(exampleLayout, '1.0'))

  // corrupt one cached blob: the engine discards it, pulls it from the source, and the cache heals
  const victim = stored[0]
  await writeFile(path.join(cache.blobsDir, victim), 'not the blob')
  const third = await copy(cache, `oci:${work}/c:1.0`)
  expect(third.stats.pulledBlobs).toBe(1)
  expect(await ociRefDigest(`${work}/c`, '1.0')).toBe(await ociRefDigest(exampleLayout, '1.0'))
  expect((await cache.list()).map(b => b.hex).sort()).toEqual(stored)
  const healed = await cache.get(`sha256:${victim}`)
  const chunks: Buffer[] = []
  for await (const c of healed!) chunks.push(c as Buffer)
  expect(Buffer.concat(chunks).toString()).not.toBe('not the blob')
})
