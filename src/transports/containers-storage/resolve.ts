// Which stored image a containers-storage: source reference means. The store's own records are read
// first (a podman manifest list is only visible there: the API resolves a list's name to one of its
// images), then podman is asked, which applies its short-name rules and resolves ID prefixes.
import { parseDockerReference } from '../../reference/docker.js'
import { ImageNotFoundError } from '../errors.js'
import type { LibpodClient } from './libpod-client.js'
import type { ContainersStorageReference } from './reference.js'
import type { StoreMetadata, StoredImage } from './store-metadata.js'

/** The image's ID, and its record when the store's metadata can be read here. */
export interface ResolvedImage {
  id: string
  record?: StoredImage
}

export async function resolveImage(
  ref: ContainersStorageReference,
  client: LibpodClient,
  meta: StoreMetadata | undefined
): Promise<ResolvedImage> {
  const found = (id: string): ResolvedImage => ({ id, record: meta?.byId(id) })
  if (ref.name === undefined || ref.imageId !== undefined) {
    const id = ref.imageId!
    const local = meta?.byIdPrefix(id)
    if (local?.length === 1) return found(local[0].id)
    const image = await client.image(id)
    if (image && image.id.startsWith(id)) return found(image.id)
    throw notFound(ref)
  }
  const names = candidateNames(ref)
  for (const name of names) {
    const record = byName(meta, name, ref.name.digest)
    if (record) return found(record.id)
  }
  for (const name of names) {
    const image = await client.image(name)
    if (image) return found(image.id)
  }
  throw notFound(ref)
}

/** The normalised name, then (for a name written without a host) docker's reading of it. */
function candidateNames(ref: ContainersStorageReference): string[] {
  const names = [ref.name!.toString()]
  if (ref.givenName !== undefined && !ref.givenName.startsWith('localhost/')) {
    try {
      names.push(parseDockerReference(ref.givenName).toString())
    } catch {
      // not a docker name either: the local one only
    }
  }
  return [...new Set(names)]
}

function byName(
  meta: StoreMetadata | undefined,
  name: string,
  digest: string | undefined
): StoredImage | undefined {
  if (!meta) return undefined
  if (digest === undefined) return meta.byName(name)
  const repository = name.slice(0, name.indexOf('@'))
  return meta.images.find(
    i =>
      i.names.some(n => n.startsWith(`${repository}:`) || n.startsWith(`${repository}@`)) &&
      Object.entries(i.bigDataDigests).some(([k, d]) => k.startsWith('manifest') && d === digest)
  )
}

function notFound(ref: ContainersStorageReference): ImageNotFoundError {
  const what = ref.name ? ref.name.toString() : `the image with ID ${ref.imageId}`
  return new ImageNotFoundError(
    `${ref.toString()}: no image ${what} in this store`,
    '`podman images` lists what the store holds (names of local images start with localhost/)'
  )
}
