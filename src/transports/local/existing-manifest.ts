// What a local layout's reference names now, for skipping a copy that would change nothing
// (ImageDestination.existingManifest): reported only when the image is there complete, its
// manifests verified against their digests and every blob they name present.
import { promises as fs } from 'node:fs'
import {
  guessMimeTypeOrEmpty,
  isListMimeType,
  matchesDigest,
  parseImageManifest,
  parseList
} from '../../manifest/index.js'

export interface LocalImageStore {
  /** A manifest's bytes by digest (a list's instance), or undefined when absent. */
  manifest(digest: string): Promise<Buffer | undefined>
  hasBlob(digest: string): Promise<boolean>
}

/** The image `bytes` (stored under `digest`) when it is complete in `store`, else undefined. */
export async function completeManifest(
  store: LocalImageStore,
  digest: string,
  bytes: Buffer | undefined,
  declaredType: string | undefined
): Promise<{ digest: string; mimeType: string } | undefined> {
  if (!bytes || !matchesDigest(bytes, digest)) return undefined
  const mimeType = declaredType || guessMimeTypeOrEmpty(bytes)
  try {
    if (!isListMimeType(mimeType))
      return (await imageComplete(store, bytes, mimeType)) ? { digest, mimeType } : undefined
    for (const entry of parseList(bytes, mimeType).instances()) {
      const instance = await store.manifest(entry.digest)
      if (!instance || !matchesDigest(instance, entry.digest)) return undefined
      const type = entry.mediaType || guessMimeTypeOrEmpty(instance)
      if (isListMimeType(type) || !(await imageComplete(store, instance, type))) return undefined
    }
    return { digest, mimeType }
  } catch {
    return undefined // not a manifest we can read: nothing is known
  }
}

/** Its config and every layer not left out as foreign (URLs) are present. */
async function imageComplete(store: LocalImageStore, bytes: Buffer, mimeType: string): Promise<boolean> {
  const manifest = parseImageManifest(bytes, mimeType)
  const config = manifest.configDescriptor()
  if (config && !(await store.hasBlob(config.digest))) return false
  for (const layer of manifest.layerInfos()) {
    if (layer.urls && layer.urls.length > 0) continue
    if (!(await store.hasBlob(layer.digest))) return false
  }
  return true
}

/** A file's bytes when it exists and is no larger than `max`; undefined otherwise. */
export async function readSmallFile(file: string, max: number): Promise<Buffer | undefined> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(file, 'r')
    if ((await handle.stat()).size > max) return undefined
    return await handle.readFile()
  } catch {
    return undefined
  } finally {
    await handle?.close()
  }
}
