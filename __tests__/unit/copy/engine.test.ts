// The copy engine against the in-memory transport: one destination failing while the others
// succeed, one read per blob, verification, the serial-destination gate, cancellation, phase order.
import { describe, expect, it, jest } from '@jest/globals'
import { BlobVerificationError } from '../../../src/copy/verify.js'
import { CopyFailedError, copyImage } from '../../../src/copy/copy-image.js'
import type { CopyResult } from '../../../src/copy/result.js'
import {
  MemoryDestination,
  MemoryReference,
  MemorySource,
  layerBlob,
  memoryImage,
  memoryIndex,
  type Call,
  type MemoryImage,
  memoryCopyOptions
} from '../../harness/memory-transport.js'

// Everything is in memory: a copy that takes seconds is hanging (as one did when a destination's
// putBlob failed before reading).
jest.setTimeout(10_000)

function singleImage(seed: string, layerCount = 2): { source: MemorySource; image: MemoryImage } {
  const layers = Array.from({ length: layerCount }, (_, i) => layerBlob(`${seed}-layer${i}`, 64 + i * 16))
  const image = memoryImage(seed, layers)
  return { source: new MemorySource(`${seed}-src`, { top: image.raw, images: [image] }), image }
}

/** Three instances sharing one layer, each with a layer of its own, under an OCI index. */
function threeInstanceList(delays?: Map<string, number>): {
  source: MemorySource
  images: MemoryImage[]
  shared: string
  listDigest: string
} {
  const shared = layerBlob('shared', 300)
  const images = ['amd64', 'arm64', 's390x'].map(arch =>
    memoryImage(arch, [shared, layerBlob(arch, 100)], arch)
  )
  const index = memoryIndex(images)
  const source = new MemorySource('list-src', { top: index.raw, images, delays })
  return { source, images, shared: shared.digest, listDigest: index.digest }
}

/** The destination got exactly the image's blobs and manifest, and committed it. */
function expectComplete(dest: MemoryDestination, image: MemoryImage): void {
  for (const b of [image.config, ...image.layers]) expect(dest.blobs.get(b.digest)).toEqual(b.bytes)
  expect(dest.manifests.get('')?.bytes).toEqual(image.raw.bytes)
  expect(dest.committed?.bytes).toEqual(image.raw.bytes)
  expect(dest.of('close')).toHaveLength(1)
}

function expectNotCommitted(dest: MemoryDestination): void {
  expect(dest.of('commit')).toHaveLength(0)
  expect(dest.committed).toBeUndefined()
  expect(dest.of('close')).toHaveLength(1)
}

async function copyFailure(promise: Promise<CopyResult>): Promise<CopyFailedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(CopyFailedError)
  return error as CopyFailedError
}

describe('one destination failing while the others succeed', () => {
  it.each([
    [
      'putBlob of one layer',
      (layer: string) => (c: Pick<Call, 'kind' | 'digest'>) =>
        c.kind === 'putBlob-start' && c.digest === layer
    ],
    ['putManifest', () => (c: Pick<Call, 'kind' | 'digest'>) => c.kind === 'putManifest']
  ])('%s throws at the second of three: the others commit, it is closed uncommitted', async (_, which) => {
    const { source, image } = singleImage('one-fails')
    const failing = which(image.layers[1].digest)
    const a = new MemoryDestination('a')
    const b = new MemoryDestination('b', {
      failOn: c => (failing(c) ? new Error('disk full at b') : undefined)
    })
    const c = new MemoryDestination('c')

    const error = await copyFailure(copyImage(memoryCopyOptions(source, [a, b, c])))

    expectComplete(a, image)
    expectComplete(c, image)
    expectNotCommitted(b)
    expect(error.message).toBe('disk full at b')
    expect(error.result.failures).toHaveLength(1)
    expect(error.result.failures[0]).toMatchObject({ destination: 'memory:b', index: 1 })
    expect(error.result.failures[0].error.message).toBe('disk full at b')
    expect(error.result.destinations.map(d => [d.destination, d.index, d.digest])).toEqual([
      ['memory:a', 0, image.digest],
      ['memory:c', 2, image.digest]
    ])
    expect(error.result.sourceDigest).toBe(image.digest)
    expect(source.closed).toBe(1)
  })

  it('the second of three cannot be opened: the others commit, the failure names it and its index', async () => {
    const { source, image } = singleImage('open-fails')
    const a = new MemoryDestination('a')
    const c = new MemoryDestination('c')
    const unopenable = new MemoryReference('b') // no destination: newDestination throws

    const error = await copyFailure(
      copyImage({ ...memoryCopyOptions(source, [a, c]), destinations: [a.ref, unopenable, c.ref] })
    )

    expectComplete(a, image)
    expectComplete(c, image)
    expect(error.result.failures.map(f => [f.destination, f.index, f.error.message])).toEqual([
      ['memory:b', 1, 'memory:b has no destination']
    ])
    expect(error.result.destinations.map(d => d.index)).toEqual([0, 2])
  })
})

it('a blob shared by three instances and two destinations is read once from the source', async () => {
  const { source, images, shared, listDigest } = threeInstanceList()
  const a = new MemoryDestination('a')
  const b = new MemoryDestination('b')

  const result = await copyImage(memoryCopyOptions(source, [a, b]))

  expect(source.reads.get(shared)).toBe(1)
  // Every other blob too: one read each, whatever the number of destinations.
  const all = new Set(images.flatMap(i => [i.config, ...i.layers].map(x => x.digest)))
  expect([...source.reads.keys()].sort()).toEqual([...all].sort())
  for (const count of source.reads.values()) expect(count).toBe(1)
  expect(result.stats.pulledBlobs).toBe(all.size)
  for (const dest of [a, b]) {
    expect(dest.committed?.bytes).toEqual(source.top.bytes)
    expect(result.destinations.find(d => d.destination === dest.name)?.digest).toBe(listDigest)
    expect(dest.of('putBlob-start').filter(c => c.digest === shared)).toHaveLength(1)
    for (const image of images) {
      expect(dest.manifests.get(image.digest)?.bytes).toEqual(image.raw.bytes)
      for (const x of [image.config, ...image.layers]) expect(dest.blobs.get(x.digest)).toEqual(x.bytes)
    }
  }
})

it('the source failing to serve one layer fails every destination; nothing is committed', async () => {
  const { source: good, image } = singleImage('unreadable')
  const source = new MemorySource('unreadable-src', {
    top: good.top,
    images: [image],
    failures: new Map([[image.layers[0].digest, new Error('connection reset')]])
  })
  const dests = [new MemoryDestination('a'), new MemoryDestination('b')]

  const error = await copyFailure(copyImage(memoryCopyOptions(source, dests)))

  expect(error.result.failures.map(f => [f.index, f.error.message])).toEqual([
    [0, `reading blob ${image.layers[0].digest} from memory:unreadable-src: connection reset`],
    [1, `reading blob ${image.layers[0].digest} from memory:unreadable-src: connection reset`]
  ])
  for (const dest of dests) {
    expectNotCommitted(dest)
    expect(dest.manifests.size).toBe(0)
  }
  expect(source.reads.get(image.layers[0].digest)).toBe(1)
})

it('a source serving wrong bytes for a digest fails that blob for every destination; nothing is committed', async () => {
  const layers = [layerBlob('good', 80), layerBlob('bad', 80)]
  const image = memoryImage('corrupt', layers)
  // Same length, other content: only the digest check can catch it.
  const wrong = Buffer.from(layers[1].bytes).fill(0x41, 0, 8)
  const source = new MemorySource('corrupt-src', {
    top: image.raw,
    images: [image],
    wrongBytes: new Map([[layers[1].digest, wrong]])
  })
  const dests = [new MemoryDestination('a'), new MemoryDestination('b'), new MemoryDestination('c')]

  const error = await copyFailure(copyImage(memoryCopyOptions(source, dests)))

  expect(error.result.destinations).toEqual([])
  expect(error.result.failures.map(f => [f.destination, f.index])).toEqual([
    ['memory:a', 0],
    ['memory:b', 1],
    ['memory:c', 2]
  ])
  for (const f of error.result.failures) {
    expect(f.error).toBeInstanceOf(BlobVerificationError)
    expect((f.error as BlobVerificationError).digest).toBe(layers[1].digest)
  }
  for (const dest of dests) {
    expectNotCommitted(dest)
    expect(dest.manifests.size).toBe(0)
    // The bad bytes were never kept under any digest.
    expect([...dest.blobs.values()].some(b => b.equals(wrong))).toBe(false)
    expect(dest.of('putBlob-failed').map(c => c.digest)).toContain(layers[1].digest)
  }
})

/** Lets the in-memory copy run for a number of event-loop turns (no clock involved). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>(resolve => setImmediate(resolve))
}

/** One image whose layers grow in size, so largest-first order is the reverse of layer order. */
function growingLayers(): { source: MemorySource; image: MemoryImage } {
  const layers = [layerBlob('serial-0', 40), layerBlob('serial-1', 400), layerBlob('serial-2', 4000)]
  const image = memoryImage('serial', layers)
  return { source: new MemorySource('serial-src', { top: image.raw, images: [image] }), image }
}

describe('the serial-destination gate', () => {
  it('a destination without thread-safe putBlob gets its blobs one at a time, in manifest layer order', async () => {
    const { source, image } = growingLayers()
    const serial = new MemoryDestination('serial', { hasThreadSafePutBlob: false })
    const concurrent = new MemoryDestination('concurrent')

    await copyImage(memoryCopyOptions(source, [serial, concurrent]))

    const puts = serial.calls.filter(c => c.kind === 'putBlob-start' || c.kind === 'putBlob-end')
    const layerPuts = puts.filter(c => !c.isConfig)
    expect(layerPuts.map(c => [c.kind, c.digest])).toEqual(
      image.layers.flatMap(l => [
        ['putBlob-start', l.digest],
        ['putBlob-end', l.digest]
      ])
    )
    // No other putBlob (the config) overlaps a layer's: starts and ends alternate.
    expect(puts.map(c => c.kind)).toEqual(puts.map((_, i) => (i % 2 === 0 ? 'putBlob-start' : 'putBlob-end')))
    expectComplete(serial, image)
    expectComplete(concurrent, image)
  })

  // A serial destination has its own track: holding it must not hold the concurrent one.
  it('never slows the others: a concurrent destination gets every layer while the serial one is held', async () => {
    const { source, image } = growingLayers()
    const serial = new MemoryDestination('serial', { hasThreadSafePutBlob: false })
    const concurrent = new MemoryDestination('concurrent')
    const held = serial.hold(image.layers[0].digest)

    const copy = copyImage(memoryCopyOptions(source, [serial, concurrent]))
    await serial.waitFor(c => c.kind === 'putBlob-start' && c.digest === image.layers[0].digest)
    // Enough turns for an in-memory copy of three small blobs to finish several times over.
    await turns(500)
    held.release()
    await copy

    const release = serial.calls.find(c => c.kind === 'putBlob-end' && c.digest === image.layers[0].digest)!
    for (const layer of image.layers) {
      const start = concurrent.calls.find(c => c.kind === 'putBlob-start' && c.digest === layer.digest)!
      expect([layer.digest, start.seq < release.seq]).toEqual([layer.digest, true])
    }
  })
})

it('cancelling while a putBlob is held: copyImage rejects with the reason, nothing commits, everything is closed', async () => {
  const { source, image } = singleImage('cancel', 3)
  const dests = [new MemoryDestination('a'), new MemoryDestination('b'), new MemoryDestination('c')]
  const held = dests[1].hold(image.layers[0].digest)
  const controller = new AbortController()

  const copy = copyImage(memoryCopyOptions(source, dests, { signal: controller.signal }))
  const outcome = copy.then(
    () => undefined,
    (e: unknown) => e
  )
  await dests[1].waitFor(c => c.kind === 'putBlob-start' && c.digest === image.layers[0].digest)
  const reason = new Error('cancelled by the test')
  controller.abort(reason)

  expect(await outcome).toBe(reason)
  for (const dest of dests) expectNotCommitted(dest)
  // The held putBlob ended with the cancellation instead of storing anything.
  expect(dests[1].of('putBlob-failed').map(c => c.digest)).toContain(image.layers[0].digest)
  expect(dests[1].blobs.has(image.layers[0].digest)).toBe(false)
  expect(source.closed).toBe(1)
  held.release()
})

it('phase order of a list copy: layers before any manifest, each config before its manifest, instances before the list, commit last', async () => {
  // The shared layer is served after a delay, so it most likely ends last: the manifests still wait for it.
  const shared = layerBlob('shared', 300).digest
  const { source, images, listDigest } = threeInstanceList(new Map([[shared, 30]]))
  const dests = [new MemoryDestination('plain'), new MemoryDestination('early', { takesConfigsEarly: true })]

  const result = await copyImage(memoryCopyOptions(source, dests))

  expect(result.destinations.map(d => d.digest)).toEqual([listDigest, listDigest])
  for (const dest of dests) {
    const seqOf = (match: (c: Call) => boolean): number[] => dest.calls.filter(match).map(c => c.seq)
    const firstManifest = Math.min(...seqOf(c => c.kind === 'putManifest'))
    const layers = new Set(images.flatMap(i => i.layers.map(l => l.digest)))
    const layerEnds = seqOf(c => c.kind === 'putBlob-end' && layers.has(c.digest!))
    expect(layerEnds).toHaveLength(layers.size)
    expect(Math.max(...layerEnds)).toBeLessThan(firstManifest)
    for (const image of images) {
      const [configEnd] = seqOf(c => c.kind === 'putBlob-end' && c.digest === image.config.digest)
      const [manifest] = seqOf(c => c.kind === 'putManifest' && c.instanceDigest === image.digest)
      expect(configEnd).toBeLessThan(manifest)
    }
    const instanceManifests = seqOf(c => c.kind === 'putManifest' && c.instanceDigest !== undefined)
    const listManifests = dest.calls.filter(c => c.kind === 'putManifest' && c.instanceDigest === undefined)
    expect(instanceManifests).toHaveLength(images.length)
    expect(listManifests.map(c => c.digest)).toEqual([listDigest])
    expect(Math.max(...instanceManifests)).toBeLessThan(listManifests[0].seq)
    expect(dest.calls.slice(-2).map(c => c.kind)).toEqual(['commit', 'close'])
    expect(dest.of('commit')).toHaveLength(1)
  }
})
