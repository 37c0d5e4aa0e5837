// How much each copy job moves, without moving anything: the source's manifests are read (blobs are
// not), and for the plan each registry destination is asked with HEADs what it already has.
// `sourceBytes` (the image's blobs at the source) splits jobs into shards: it does not change when an
// earlier shard has run, so every shard computes the same split. `missingBytes` is what the plan shows.
import type { CopyOptions } from '../copy/options.js'
import { runtimePlatform } from '../copy/runtime-platform.js'
import {
  defaultRequestedManifestMimeTypes,
  isListMimeType,
  manifestDigest,
  parseImageManifest,
  parseList,
  platformMatches,
  type Descriptor
} from '../manifest/index.js'
import { blobExists, headManifest } from '../registry/index.js'
import { registryClientFor } from '../transports/docker/client-factory.js'
import { isDockerImageReference } from '../transports/docker/reference.js'
import type { ImageReference, RawManifest, TransportContext } from '../transports/types.js'

export interface SourceWeight {
  /** The digest a destination gets when nothing is converted (the list, or the one instance). */
  digest: string
  /** Blobs (config and layers) by digest, with their sizes. */
  blobs: Map<string, number>
  sourceBytes: number
}

function imageBlobs(raw: RawManifest, into: Map<string, number>): void {
  const manifest = parseImageManifest(raw.bytes, raw.mimeType)
  const config = manifest.configDescriptor()
  for (const b of [...(config ? [config] : []), ...manifest.layerInfos()])
    into.set(b.digest, Math.max(0, b.size))
}

/** The instances a copy with these options takes from a list (an estimate for `specific`: all). */
function chosenInstances(instances: Descriptor[], options: CopyOptions): Descriptor[] {
  const selection = options.selection
  if (selection.kind !== 'system') return instances
  const wanted = selection.platform ?? options.runtimePlatform ?? runtimePlatform()
  const match = instances.find(i => i.platform && platformMatches(i.platform, wanted))
  return match ? [match] : instances.slice(0, 1)
}

export async function weighSource(options: CopyOptions): Promise<SourceWeight> {
  const source = await options.source.newSource(options.sourceContext)
  try {
    const top = await source.getManifest()
    const blobs = new Map<string, number>()
    let digest = manifestDigest(top.bytes)
    if (isListMimeType(top.mimeType)) {
      const chosen = chosenInstances(parseList(top.bytes, top.mimeType).instances(), options)
      if (options.selection.kind === 'system' && chosen.length === 1) digest = chosen[0].digest
      for (const i of chosen) imageBlobs(await source.getManifest(i.digest), blobs)
    } else {
      imageBlobs(top, blobs)
    }
    const sourceBytes = [...blobs.values()].reduce((a, b) => a + b, 0)
    return { digest, blobs, sourceBytes }
  } finally {
    await source.close()
  }
}

function contextOf(options: CopyOptions, ref: ImageReference): TransportContext {
  const ctx = options.destinationContext
  return typeof ctx === 'function' ? ctx(ref) : ctx
}

/**
 * Bytes `destination` lacks: 0 when its tag already names `weight.digest` (one manifest HEAD), else
 * the blobs a HEAD does not find. Destinations that are not registries lack everything.
 */
export async function missingBytes(
  options: CopyOptions,
  destination: ImageReference,
  weight: SourceWeight
): Promise<number> {
  if (!isDockerImageReference(destination)) return weight.sourceBytes
  const ref = destination.docker
  const client = await registryClientFor(ref, contextOf(options, destination), 'pull')
  const head = await headManifest(client, ref.digest ?? ref.tag ?? 'latest', [
    ...defaultRequestedManifestMimeTypes
  ])
  // weight.digest is a valid digest: equal to it, the header needs no other check.
  if (head?.digestHeader?.trim() === weight.digest) return 0
  let missing = 0
  for (const [digest, size] of weight.blobs) {
    if (!(await blobExists(client, digest))) missing += size
  }
  return missing
}
