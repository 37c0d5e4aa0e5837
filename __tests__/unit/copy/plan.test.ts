// The copy plan as a value (issue 14 item 1), and layer-info overrides (item 3), against the
// in-memory transport.
import { afterEach, expect, it, jest } from '@jest/globals'
import { copyImage, CopyFailedError } from '../../../src/copy/copy-image.js'
import type { CopyEvent } from '../../../src/copy/events.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { formatPlan, type CopyPlan } from '../../../src/copy/plan.js'
import { MediaType } from '../../../src/manifest/index.js'
import {
  MemoryDestination,
  MemorySource,
  layerBlob,
  memoryImage,
  memoryIndex,
  memoryCopyOptions
} from '../../harness/memory-transport.js'

jest.setTimeout(10_000)

async function planOf(
  source: MemorySource,
  dests: MemoryDestination[],
  more: Partial<CopyOptions> = {}
): Promise<CopyPlan> {
  let plan: CopyPlan | undefined
  const onEvent = (e: CopyEvent): void => {
    if (e.type === 'plan') plan = e.plan
  }
  await copyImage(memoryCopyOptions(source, dests, { ...more, onEvent })).catch((e: unknown) => {
    if (!(e instanceof CopyFailedError)) throw e
  })
  return plan!
}

function threePlatforms() {
  const shared = layerBlob('shared', 300)
  const images = ['amd64', 'arm64', 's390x'].map(arch =>
    memoryImage(arch, [shared, layerBlob(arch, 100)], arch)
  )
  const index = memoryIndex(images)
  return { source: new MemorySource('list-src', { top: index.raw, images }), images, shared, index }
}

afterEach(() => {
  jest.restoreAllMocks()
})

it('a 3-platform list to a registry-like and an archive-like destination: the plan, printed', async () => {
  const { source, images, shared, index } = threePlatforms()
  const registry = new MemoryDestination('registry', {
    desiredLayerCompression: 'compress',
    takesConfigsEarly: true
  })
  const archive = new MemoryDestination('archive', { hasThreadSafePutBlob: false })

  const plan = await planOf(source, [registry, archive])
  const text = formatPlan(plan)
  console.log(text)

  expect(plan.sourceDigest).toBe(index.digest)
  expect(plan.images.map(i => [i.digest, i.platform, i.layersFrom])).toEqual(
    images.map(i => [i.digest, `linux/${i.arch}`, 'manifest'])
  )
  expect(plan.destinations.map(d => [d.name, d.serial, d.layerPolicy, d.listTypes?.[0]])).toEqual([
    ['memory:registry', false, 'compress', MediaType.OCIIndex],
    ['memory:archive', true, 'preserve', MediaType.OCIIndex]
  ])
  for (const d of plan.destinations) expect(Object.keys(d.manifestTypes)).toEqual(images.map(i => i.digest))
  // Four layers, each once, in the manifests' order; the shared one belongs to all three images.
  expect(plan.blobs.map(b => b.info.digest)).toEqual([shared.digest, ...images.map(i => i.layers[1].digest)])
  const sharedBlob = plan.blobs[0]
  expect(sharedBlob.images).toEqual(images.map(i => i.digest))
  expect(sharedBlob.targets).toEqual([
    { destination: 'memory:registry', track: 'shared', layerPolicy: 'compress', canModify: true },
    { destination: 'memory:archive', track: 'serial', layerPolicy: 'preserve', canModify: true }
  ])
  expect(sharedBlob.stages).toEqual(['try-reuse', 'read', 'detect', 'verify', 'tee', 'convert', 'put'])

  const lines = text.split('\n')
  expect(lines[0]).toBe(
    `copy plan: memory:list-src ${index.digest} (from a list) to 2 destination(s); compression gzip`
  )
  expect(lines).toContain(`  destination 2 memory:archive: serial track, layers preserve`)
  expect(lines).toContain(
    `  blob ${shared.digest} 300 B: try-reuse > read > detect > verify > tee > convert > put to memory:registry (shared), memory:archive (serial)`
  )
})

it('preserve-digests: no layer may change, so the plan converts nothing and says why each manifest stays', async () => {
  const { source, images } = threePlatforms()
  const registry = new MemoryDestination('registry', { desiredLayerCompression: 'compress' })
  const plan = await planOf(source, [registry], { preserveDigests: true })
  expect(plan.destinations[0].cannotModify).toEqual(
    Object.fromEntries(images.map(i => [i.digest, 'Instructed to preserve digests']))
  )
  for (const b of plan.blobs) {
    expect(b.targets.map(t => t.canModify)).toEqual([false])
    expect(b.stages).not.toContain('convert')
  }
  expect(formatPlan(plan)).toContain('(unchanged: Instructed to preserve digests)')
})

it('layer-info overrides: the source serves other layers; they are copied and the written manifest names them', async () => {
  const layers = [layerBlob('stored-a', 90), layerBlob('stored-b', 70)]
  const image = memoryImage('overridden', layers)
  const served = [layerBlob('served-a', 120), layerBlob('served-b', 110)]
  const source = new MemorySource('override-src', {
    top: image.raw,
    images: [image],
    layerOverrides: new Map([[image.digest, served]])
  })
  const dest = new MemoryDestination('dest')

  const result = await copyImage(memoryCopyOptions(source, [dest], { selection: { kind: 'system' } }))

  const written = JSON.parse(result.destinations[0].manifest.toString()) as {
    layers: Array<{ digest: string; size: number; mediaType: string }>
  }
  expect(written.layers.map(l => [l.digest, l.size])).toEqual(served.map(b => [b.digest, b.bytes.length]))
  expect(written.layers.map(l => l.mediaType)).toEqual(layers.map(l => l.mediaType))
  expect(result.destinations[0].digest).not.toBe(image.digest)
  for (const b of served) expect(dest.blobs.get(b.digest)).toEqual(b.bytes)
  for (const b of layers) expect(source.reads.get(b.digest)).toBeUndefined()
})

it('layer-info overrides with preserve-digests: refused before any blob moves', async () => {
  const layers = [layerBlob('kept-a', 90)]
  const image = memoryImage('kept', layers)
  const source = new MemorySource('kept-src', {
    top: image.raw,
    images: [image],
    layerOverrides: new Map([[image.digest, [layerBlob('other', 50)]]])
  })
  const dest = new MemoryDestination('dest')
  const error = await copyImage(
    memoryCopyOptions(source, [dest], { selection: { kind: 'system' }, preserveDigests: true })
  ).then(
    () => undefined,
    (e: unknown) => e as CopyFailedError
  )
  expect(error?.message).toContain('would change the representation of its layers')
  expect(dest.of('putBlob-start')).toEqual([])
})
