// Skip what is already there (issue 15 item 1): when a copy provably writes the source's own manifest
// (foreseeManifest, from the plan), and when it may be decided without reading the source at all
// (pinnedUnchanged). Each rule where it must not skip is one case.
import { describe, expect, it } from '@jest/globals'
import { planDestination } from '../../../src/copy/destination-checks.js'
import { chooseCopySet } from '../../../src/copy/instances.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { buildCopyPlan } from '../../../src/copy/plan.js'
import { foreseeManifest, pinnedUnchanged, type Foresight } from '../../../src/copy/unchanged.js'
import { MediaType } from '../../../src/manifest/index.js'
import { registryDestinationProperties } from '../../../src/transports/docker/destination.js'
import { ociDestinationProperties } from '../../../src/transports/oci/destination.js'
import { dirDestinationProperties } from '../../../src/transports/dir/destination.js'
import {
  MemoryDestination,
  MemorySource,
  layerBlob,
  memoryBlob,
  memoryImage,
  memoryIndex,
  type MemoryDestinationOptions,
  type MemoryImage,
  memoryCopyOptions
} from '../../harness/memory-transport.js'

const registryLike: MemoryDestinationOptions = {
  desiredLayerCompression: 'compress',
  takesConfigsEarly: true
}

function threePlatforms(): { source: MemorySource; images: MemoryImage[]; digest: string } {
  const shared = layerBlob('shared', 300)
  const images = ['amd64', 'arm64', 's390x'].map(arch => memoryImage(arch, [shared, layerBlob(arch)], arch))
  const index = memoryIndex(images)
  return { source: new MemorySource('list', { top: index.raw, images }), images, digest: index.digest }
}

function single(layers = [layerBlob('one', 200)]): { source: MemorySource; image: MemoryImage } {
  const image = memoryImage('single', layers)
  return { source: new MemorySource('single', { top: image.raw, images: [image] }), image }
}

async function foresee(
  source: MemorySource,
  destination: MemoryDestinationOptions,
  more: Partial<CopyOptions> = {},
  signatures = new Map<string, Buffer[]>()
): Promise<Foresight> {
  const dest = new MemoryDestination('dest', destination)
  const options = memoryCopyOptions(source, [dest], more)
  const set = await chooseCopySet(source, options.selection, { os: 'linux', architecture: 'arm64' })
  const compression = {
    algorithm: options.compressFormat ?? 'gzip',
    explicit: options.compressFormat !== undefined
  }
  const planned = planDestination({
    name: dest.name,
    index: 0,
    destination: dest,
    options,
    set,
    signatures,
    compression
  })
  const plan = buildCopyPlan({
    source: 'memory:src',
    set,
    destinations: [planned],
    compression,
    skipsForeignLayers: () => false
  })
  return foreseeManifest({
    set,
    destination: planned,
    blobs: plan.blobs,
    signatures,
    removeSignatures: options.removeSignatures,
    compression
  })
}

function reasonOf(f: Foresight): string {
  if (f.known) throw new Error(`expected no foresight, got ${f.manifest.digest}`)
  return f.reason
}

describe('foreseeManifest: what a copy provably writes', () => {
  it('a 3-platform list with all images, to a registry-like destination: the source list itself', async () => {
    const { source, digest } = threePlatforms()
    const f = await foresee(source, registryLike)
    expect(f.known && f.manifest.digest).toBe(digest)
    expect(f.known && f.manifest.mimeType).toBe(MediaType.OCIIndex)
  })

  it('a single image: its manifest; one image chosen from a list: that instance', async () => {
    const { source, image } = single()
    const f = await foresee(source, registryLike, { selection: { kind: 'system' } })
    expect(f.known && f.manifest.digest).toBe(image.digest)
    const list = threePlatforms()
    const chosen = await foresee(list.source, registryLike, { selection: { kind: 'system' } })
    expect(chosen.known && chosen.manifest.digest).toBe(list.images[1].digest) // arm64
  })

  it('not when signatures would be written; yes when they are removed', async () => {
    const { source, image } = single()
    const sigs = new Map([[image.digest, [Buffer.from('sig')]]])
    expect(reasonOf(await foresee(source, {}, {}, sigs))).toMatch(/signatures/)
    const removed = await foresee(source, {}, { removeSignatures: true }, sigs)
    expect(removed.known).toBe(true)
  })

  it('not for a sparse list, stripped or kept', async () => {
    const { source, images } = threePlatforms()
    const selection = { kind: 'specific' as const, instances: [images[0].digest], platforms: [] }
    expect(reasonOf(await foresee(source, registryLike, { selection }))).toMatch(/sparse/)
    expect(reasonOf(await foresee(source, registryLike, { selection, sparseList: 'keep' }))).toMatch(/sparse/)
  })

  it('not when a manifest would be converted: force-mime-type, or a destination without the type', async () => {
    const { source } = single()
    expect(reasonOf(await foresee(source, {}, { forceMimeType: MediaType.DockerV2Schema2 }))).toMatch(
      /converted to application\/vnd.docker.distribution.manifest.v2\+json/
    )
    const docker = { supportedManifestMimeTypes: [MediaType.DockerV2Schema2, MediaType.DockerV2List] }
    expect(reasonOf(await foresee(source, docker))).toMatch(/converted/)
    expect(reasonOf(await foresee(threePlatforms().source, docker))).toMatch(/list would be converted/)
  })

  it('not when an uncompressed layer would be compressed; yes where layers stay (preserve, preserve-digests)', async () => {
    const { source } = single([memoryBlob(Buffer.from('plain tar bytes'), MediaType.OCILayer)])
    expect(reasonOf(await foresee(source, registryLike))).toMatch(/would be compressed/)
    expect((await foresee(source, {})).known).toBe(true)
    expect((await foresee(source, registryLike, { preserveDigests: true })).known).toBe(true)
  })

  it('not when compression is asked for explicitly, nor to a decompressing destination', async () => {
    const { source } = single()
    expect(reasonOf(await foresee(source, registryLike, { compressFormat: 'gzip' }))).toMatch(
      /as asked \(gzip\)/
    )
    expect(reasonOf(await foresee(source, { desiredLayerCompression: 'decompress' }))).toMatch(/decompressed/)
  })

  it('not when the source serves other layers than its manifest names', async () => {
    const layer = layerBlob('stored', 200)
    const image = memoryImage('over', [layer])
    const source = new MemorySource('over', {
      top: image.raw,
      images: [image],
      layerOverrides: new Map([[image.digest, [layerBlob('uncompressed', 300)]]])
    })
    expect(reasonOf(await foresee(source, {}))).toMatch(/other layers/)
  })
})

describe('pinnedUnchanged: without reading the source', () => {
  const digest = `sha256:${'a'.repeat(64)}`
  const base = {
    sourceDigest: digest,
    servesImagesAsStored: true,
    existing: { digest, mimeType: MediaType.OCIManifest },
    selection: { kind: 'system' as const },
    properties: registryDestinationProperties,
    compressionExplicit: false
  }

  it('an image already there under its digest, at a registry: unchanged', () => {
    expect(pinnedUnchanged(base)).toBe(true)
    expect(pinnedUnchanged({ ...base, properties: ociDestinationProperties({}) })).toBe(true)
  })

  it('not when the destination holds another digest, or the source could carry signatures or overrides', () => {
    expect(
      pinnedUnchanged({ ...base, existing: { ...base.existing, digest: `sha256:${'b'.repeat(64)}` } })
    ).toBe(false)
    expect(pinnedUnchanged({ ...base, servesImagesAsStored: false })).toBe(false)
  })

  it('not with force-mime-type, explicit compression, a decompressing destination, or schema1', () => {
    expect(pinnedUnchanged({ ...base, forceMimeType: MediaType.OCIManifest })).toBe(false)
    expect(pinnedUnchanged({ ...base, compressionExplicit: true })).toBe(false)
    expect(
      pinnedUnchanged({ ...base, properties: dirDestinationProperties({ dirForceDecompress: true }) })
    ).toBe(false)
    const schema1 = { digest, mimeType: MediaType.DockerV2Schema1Signed }
    expect(pinnedUnchanged({ ...base, existing: schema1 })).toBe(false)
  })

  it('a list: only with all images, to a destination that takes every manifest type', () => {
    const list = { ...base, existing: { digest, mimeType: MediaType.OCIIndex } }
    expect(pinnedUnchanged({ ...list, selection: { kind: 'all' } })).toBe(true)
    expect(
      pinnedUnchanged({ ...list, selection: { kind: 'all' }, properties: dirDestinationProperties({}) })
    ).toBe(true)
    // a system copy writes one instance: it cannot be the list
    expect(pinnedUnchanged(list)).toBe(false)
    expect(pinnedUnchanged({ ...list, selection: { kind: 'specific', instances: [], platforms: [] } })).toBe(
      false
    )
    // oci: takes OCI types only: the instances' types are not known without reading the list
    expect(
      pinnedUnchanged({ ...list, selection: { kind: 'all' }, properties: ociDestinationProperties({}) })
    ).toBe(false)
  })
})
