// `containers-storage:[driver@graphroot+runroot:opt1,opt2]NAME[:TAG][@DIGEST]`,
// `containers-storage:NAME@<image ID>` and `containers-storage:@<image ID>` (containers/image
// storage/storage_transport.go ParseStoreReference). Parsing touches no store: an ID is 64 hex digits,
// or after `@` a prefix of at least 3, resolved when the image is opened. Names are normalised as
// podman names images: an unqualified name is local (`app:1` → `localhost/app:1`), and a bare name
// gets `:latest`.
import { UsageError } from '../../errors.js'
import { isValidDigest } from '../../manifest/index.js'
import { parseDockerReference, type DockerReference } from '../../reference/docker.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'

/** The store a reference names in brackets; every part but the graph root may be omitted. */
export interface StoreSpec {
  driver?: string
  graphRoot: string
  runRoot?: string
  options: string[]
}

const FULL_ID = /^[a-f0-9]{64}$/
const ID_PREFIX = /^[a-f0-9]{3,64}$/

export class ContainersStorageReference implements ImageReference {
  readonly transport = 'containers-storage'
  readonly digest: string | undefined

  constructor(
    readonly reference: string,
    readonly store: StoreSpec | undefined,
    /** The normalised name (with a tag unless a digest is named), or undefined for an ID alone. */
    readonly name: DockerReference | undefined,
    /** A full image ID or a prefix of one (hex, no algorithm). */
    readonly imageId: string | undefined,
    /** The name as written, before normalisation (a source also looks it up as docker would). */
    readonly givenName?: string
  ) {
    this.digest = name?.digest
  }

  /** The store part as written, `[vfs@/g+/r]`, or ''. */
  get storePart(): string {
    return this.store ? formatStoreSpec(this.store) : ''
  }

  toString(): string {
    return `containers-storage:${this.reference}`
  }

  // The libpod client (and undici) is loaded only by a copy that talks to podman.
  async newSource(ctx: TransportContext): Promise<ImageSource> {
    const { openStorageSource } = await import('./source.js')
    return openStorageSource(this, ctx)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    const { openStorageDestination } = await import('./destination.js')
    return openStorageDestination(this, ctx)
  }
}

export function formatStoreSpec(store: StoreSpec): string {
  const driver = store.driver ? `${store.driver}@` : ''
  const run = store.runRoot ? `+${store.runRoot}` : ''
  const options = store.options.length > 0 ? `:${store.options.join(',')}` : ''
  return `[${driver}${store.graphRoot}${run}${options}]`
}

export function parseContainersStorageReference(reference: string): ContainersStorageReference {
  const invalid = (reason: string, hint?: string): never => {
    throw new UsageError(
      `invalid containers-storage: reference ${JSON.stringify(reference)}: ${reason}`,
      hint
    )
  }
  let rest = reference
  let store: StoreSpec | undefined
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) invalid('the store specifier has no closing "]"')
    store = parseStoreSpec(rest.slice(1, close), invalid)
    rest = rest.slice(close + 1)
  }
  if (rest === '')
    invalid('it names no image', 'write containers-storage:NAME[:TAG] or containers-storage:@IMAGE-ID')
  let imageId: string | undefined
  const at = rest.lastIndexOf('@')
  if (at >= 0 && !isValidDigest(rest.slice(at + 1))) {
    const id = rest.slice(at + 1)
    if (!ID_PREFIX.test(id))
      invalid(`"@${id}" is neither a digest (sha256:…) nor an image ID (at least 3 lowercase hex digits)`)
    imageId = id
    rest = rest.slice(0, at)
  } else if (FULL_ID.test(rest)) {
    return new ContainersStorageReference(reference, store, undefined, rest)
  }
  if (rest === '') return new ContainersStorageReference(reference, store, undefined, imageId)
  let name: DockerReference
  try {
    name = parseDockerReference(localName(rest))
  } catch (e) {
    return invalid((e as Error).message)
  }
  return new ContainersStorageReference(reference, store, name, imageId, rest)
}

/** podman's naming: a name whose first component is not a host is a local image, under localhost/. */
export function localName(name: string): string {
  const slash = name.indexOf('/')
  const first = slash >= 0 ? name.slice(0, slash) : ''
  const qualified = first.includes('.') || first.includes(':') || first === 'localhost'
  return qualified ? name : `localhost/${name}`
}

function parseStoreSpec(text: string, invalid: (reason: string) => never): StoreSpec {
  let rest = text
  let driver: string | undefined
  const atSign = rest.indexOf('@')
  if (atSign >= 0) {
    driver = rest.slice(0, atSign)
    rest = rest.slice(atSign + 1)
    if (!/^[a-z0-9_-]+$/.test(driver))
      invalid(`the storage driver ${JSON.stringify(driver)} is not a driver name`)
  }
  let options: string[] = []
  const colon = rest.indexOf(':')
  if (colon >= 0) {
    options = rest
      .slice(colon + 1)
      .split(',')
      .filter(o => o !== '')
    rest = rest.slice(0, colon)
  }
  const plus = rest.indexOf('+')
  const graphRoot = plus >= 0 ? rest.slice(0, plus) : rest
  const runRoot = plus >= 0 ? rest.slice(plus + 1) : undefined
  if (!graphRoot.startsWith('/')) invalid('the graph root in the store specifier must be an absolute path')
  if (runRoot !== undefined && !runRoot.startsWith('/'))
    invalid('the run root in the store specifier must be an absolute path')
  return { driver, graphRoot, runRoot, options }
}
