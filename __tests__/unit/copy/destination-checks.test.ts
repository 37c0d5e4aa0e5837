// What is decided per destination before any blob moves (src/copy/destination-checks.ts): the zstd
// rules (OCI only; refused where the manifest must not change or another type is forced), run
// directly, so they are checked on every node (the copy itself refuses zstd on a node without it).
import { describe, expect, it } from '@jest/globals'
import { planDestination, type DestinationContext } from '../../../src/copy/destination-checks.js'
import { chooseCopySet } from '../../../src/copy/instances.js'
import type { CompressionRequest } from '../../../src/copy/layer-conversion.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { MediaType } from '../../../src/manifest/index.js'
import { MemoryDestination, MemorySource, layerBlob, memoryImage } from '../../harness/memory-transport.js'

const gzip: CompressionRequest = { algorithm: 'gzip', explicit: false }
const zstd: CompressionRequest = { algorithm: 'zstd', explicit: true }

async function plan(
  destination: MemoryDestination,
  compression: CompressionRequest,
  more: Partial<CopyOptions> = {}
) {
  const image = memoryImage('checks', [layerBlob('l', 80)])
  const source = new MemorySource('checks-src', { top: image.raw, images: [image] })
  const set = await chooseCopySet(source, { kind: 'system' }, { os: 'linux', architecture: 'amd64' })
  const options = {
    preserveDigests: false,
    removeSignatures: false,
    sparseList: 'strip',
    ...more
  } as CopyOptions
  const ctx: DestinationContext = {
    name: destination.ref.toString(),
    index: 0,
    destination,
    options,
    set,
    signatures: new Map(),
    compression
  }
  return { planned: () => planDestination(ctx), digest: image.digest }
}

const registryLike = () =>
  new MemoryDestination('registry', {
    desiredLayerCompression: 'compress',
    supportedManifestMimeTypes: [
      MediaType.OCIManifest,
      MediaType.DockerV2Schema2,
      MediaType.DockerV2Schema1Signed
    ]
  })

describe('zstd and manifest types', () => {
  it("gzip keeps the destination's order of types", async () => {
    const { planned, digest } = await plan(registryLike(), gzip)
    expect(planned().manifestTypes[digest]).toEqual([
      MediaType.OCIManifest,
      MediaType.DockerV2Schema2,
      MediaType.DockerV2Schema1Signed
    ])
  })

  it('zstd to a destination that compresses: OCI only', async () => {
    const { planned, digest } = await plan(registryLike(), zstd)
    expect(planned().manifestTypes[digest]).toEqual([MediaType.OCIManifest])
  })

  it('zstd with force-mime-type v2s2 is refused, naming both and what to do', async () => {
    const { planned } = await plan(registryLike(), zstd, { forceMimeType: MediaType.DockerV2Schema2 })
    expect(planned).toThrow(
      /dest-compress-format zstd needs OCI manifests.*application\/vnd\.docker\.distribution\.manifest\.v2\+json/
    )
    expect(planned).toThrow(
      expect.objectContaining({ hint: 'set force-mime-type: oci, or leave dest-compress-format unset' })
    )
  })

  it('zstd where the manifest must not change (preserve-digests) is refused with the reason', async () => {
    const { planned } = await plan(registryLike(), zstd, { preserveDigests: true })
    expect(planned).toThrow(/changes the layers \(and so the manifest\).*Instructed to preserve digests/)
  })

  it('zstd to a destination that keeps layers as they are (dir:-like) changes nothing there', async () => {
    const keeps = new MemoryDestination('dir', {
      supportedManifestMimeTypes: [MediaType.DockerV2Schema2, MediaType.OCIManifest]
    })
    const { planned, digest } = await plan(keeps, zstd, { preserveDigests: true })
    expect(planned().manifestTypes[digest][0]).toBe(MediaType.OCIManifest)
  })
})
