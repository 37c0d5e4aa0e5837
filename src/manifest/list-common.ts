import { ManifestError } from './errors.js'
import { parseDigest } from './digest.js'
import type { CompressionAlgorithm, Descriptor, InstanceUpdate } from './types.js'

export function findInstance(manifests: Descriptor[], digest: string, listName: string): Descriptor {
  const found = manifests.find(m => m.digest === digest)
  if (!found)
    throw new ManifestError('no-matching-instance', `unable to find instance ${digest} in ${listName}`)
  return found
}

function checkDigest(digest: string, what: string): void {
  try {
    parseDigest(digest)
  } catch (e) {
    throw new ManifestError('invalid-digest', `${what}: ${(e as Error).message}`, { cause: e })
  }
}

/**
 * containers/image EditInstances with ListOpUpdate: each update names an entry by its current digest
 * and sets digest, size and media type; `onCompression` may then adjust the entry (OCI: zstd annotation).
 */
export function applyInstanceUpdates(
  manifests: Descriptor[],
  updates: InstanceUpdate[],
  listName: string,
  onCompression: (entry: Descriptor, algorithms: CompressionAlgorithm[]) => void
): Descriptor[] {
  const out = manifests.map(m => ({ ...m }))
  updates.forEach((u, i) => {
    checkDigest(u.digest, `${listName}: attempting to update ${u.digest} which is an invalid digest`)
    checkDigest(u.newDigest, `${listName}: modified digest ${u.newDigest} is an invalid digest`)
    const target = out.findIndex(m => m.digest === u.digest)
    if (target < 0)
      throw new ManifestError('no-matching-instance', `${listName}: digest ${u.digest} not found`)
    if (!Number.isSafeInteger(u.size) || u.size < 0) {
      throw new ManifestError(
        'invalid-field',
        `update ${i + 1} of ${updates.length} passed to ${listName} had an invalid size (${u.size})`
      )
    }
    if (u.mediaType === '') {
      throw new ManifestError(
        'invalid-field',
        `update ${i + 1} of ${updates.length} passed to ${listName} had no media type`
      )
    }
    out[target] = { ...out[target], digest: u.newDigest, size: u.size, mediaType: u.mediaType }
    if (u.compressionAlgorithms) onCompression(out[target], u.compressionAlgorithms)
  })
  return out
}

/** The entries without those of `digests`; each digest must be present, and a non-empty list may not become empty. */
export function removeInstances(manifests: Descriptor[], digests: string[]): Descriptor[] {
  for (const d of digests) {
    if (!manifests.some(m => m.digest === d)) {
      throw new ManifestError(
        'no-matching-instance',
        `cannot remove instance ${d}: it is not in the manifest list`
      )
    }
  }
  const drop = new Set(digests)
  const kept = manifests.filter(m => !drop.has(m.digest))
  if (kept.length === 0 && manifests.length > 0) {
    throw new ManifestError(
      'no-matching-instance',
      'requested operation filtered out all platforms and would create an empty image'
    )
  }
  return kept
}
