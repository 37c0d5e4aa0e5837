// The GC pacer in the shipped bundle: a copy asks V8 for a young-generation collection after every
// 4 MiB of blob bytes read, so dead chunk buffers are freed as the copy goes (src/memory.ts).
// Without the pacer a copy like this one runs only a handful of scavenges (4-6 measured) and leaves
// its chunks to pile up until V8's external-memory limit forces a full collection.
import { afterAll, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { COLLECT_EVERY_BYTES } from '../../../src/memory.js'
import { requireNode24 } from '../../harness/action-runner.js'
import { ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import { makeImage, writeOciLayout } from '../registry/fixtures.js'

const run = promisify(execFile)

afterAll(removeTempDirs)

it('the bundled CLI collects the young generation every 4 MiB of blob bytes read', async () => {
  const node24 = requireNode24()
  if (node24 === undefined) return
  const image = makeImage({ layerSizes: [48 << 20] }) // random bytes: the gzip layer is as large
  const moved = image.layers[0].size + image.config.size
  const src = await tempDir()
  await writeOciLayout(src, [image], 'big')
  const dest = await tempDir()
  const { stdout } = await run(
    node24,
    ['--trace-gc', path.join('dist', 'cli', 'index.js'), `oci:${src}:big`, `oci:${dest}:big`, '--quiet'],
    { maxBuffer: 16 << 20 }
  )
  expect(await ociRefDigest(dest, 'big')).toBe(image.digest)
  const scavenges = stdout.split('\n').filter(l => l.includes('Scavenge')).length
  expect(scavenges).toBeGreaterThanOrEqual(Math.floor(moved / COLLECT_EVERY_BYTES))
}, 120_000)
