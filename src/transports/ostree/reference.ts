// `ostree:IMAGE[@/absolute/repo]` (containers/image ostree/ostree_transport.go): IMAGE must parse as
// a docker reference but is kept as typed, plus `:latest` when it names neither tag nor digest; the
// image's branch is `ociimage/` + IMAGE with every byte outside [A-Za-z0-9.-] written `_%02X`.
import path from 'node:path'
import { UsageError } from '../../errors.js'
import { parseDockerReference } from '../../reference/docker.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'

export const DEFAULT_REPO = '/ostree/repo'

export function encodeOstreeRef(image: string): string {
  let out = ''
  for (const byte of Buffer.from(image, 'utf8')) {
    const c = String.fromCharCode(byte)
    out += /[A-Za-z0-9.-]/.test(c) ? c : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

export class OstreeReference implements ImageReference {
  readonly transport = 'ostree'
  readonly digest = undefined

  constructor(
    readonly reference: string,
    /** The image name as typed, with `:latest` added when it had neither tag nor digest. */
    readonly image: string,
    readonly repo: string
  ) {}

  /** The image's branch (`ociimage/<encoded image>`). */
  get branch(): string {
    return `ociimage/${encodeOstreeRef(this.image)}`
  }

  toString(): string {
    return `ostree:${this.image}@${this.repo}`
  }

  // The transport's code (GVariant, tar-split, repository I/O) loads on first use: most copies never need it.
  async newSource(_ctx: TransportContext): Promise<ImageSource> {
    const { OstreeImageSource } = await import('./source.js')
    return OstreeImageSource.open(this)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    const { OstreeImageDestination } = await import('./destination.js')
    return OstreeImageDestination.open(this, ctx)
  }
}

export function parseOstreeReference(reference: string): ImageReference {
  const at = reference.indexOf('@/')
  let image = at < 0 ? reference : reference.slice(0, at)
  const repo = at < 0 ? DEFAULT_REPO : path.resolve(reference.slice(at + 1))
  let parsed
  try {
    parsed = parseDockerReference(image, { defaultTag: false })
  } catch (e) {
    throw new UsageError(`invalid ostree: reference "${reference}": ${(e as Error).message}`)
  }
  if (parsed.tag === undefined && parsed.digest === undefined) image += ':latest'
  if (repo.includes(':'))
    throw new UsageError(
      `invalid ostree: reference "${reference}": the repository path ${repo} contains a colon`
    )
  return new OstreeReference(reference, image, repo)
}
