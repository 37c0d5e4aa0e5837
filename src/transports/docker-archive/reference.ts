// `docker-archive:PATH[:NAME:TAG | :@N]` (containers/image docker/archive/transport.go): the path
// ends at the first `:`; then either a docker reference with a tag (normalized, `alpine:3` →
// `docker.io/library/alpine:3`, `:latest` added to a bare name; no digests), or `@N`, the N-th image
// of a multi-image archive (sources only).
import { UsageError } from '../../errors.js'
import { parseDockerReference, type DockerReference } from '../../reference/docker.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'
import type { ArchiveSelection } from './archive-reader.js'

export class DockerArchiveReference implements ImageReference {
  readonly transport = 'docker-archive'
  readonly digest = undefined

  constructor(
    readonly reference: string,
    readonly path: string,
    readonly selection: ArchiveSelection
  ) {}

  toString(): string {
    return `docker-archive:${this.reference}`
  }

  // The tar code is loaded only by a copy that uses an archive (see docker/reference.ts).
  async newSource(ctx: TransportContext): Promise<ImageSource> {
    const { DockerArchiveImageSource } = await import('./source.js')
    return DockerArchiveImageSource.open(this, this.path, this.selection, ctx)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    const { openArchiveDestination } = await import('./destination.js')
    return openArchiveDestination(this, ctx)
  }
}

export function parseDockerArchiveReference(
  reference: string,
  platform: NodeJS.Platform = process.platform
): DockerArchiveReference {
  // Upstream splits at the first `:` everywhere; on Windows that would cut `C:\\img.tar` after the
  // drive letter, so there the path's drive is kept, as for oci: (reference-syntax.ts).
  const colon = reference.indexOf(':', platform === 'win32' && /^[a-zA-Z]:/.test(reference) ? 2 : 0)
  const file = colon < 0 ? reference : reference.slice(0, colon)
  if (file === '') {
    throw new UsageError(
      `invalid docker-archive: reference ${JSON.stringify(reference)}: the path is empty`,
      'write docker-archive:PATH[:NAME:TAG] or docker-archive:PATH:@N'
    )
  }
  if (colon < 0) return new DockerArchiveReference(reference, file, { kind: 'only' })
  const rest = reference.slice(colon + 1)
  if (rest.startsWith('@')) {
    if (!/^\d+$/.test(rest.slice(1))) {
      throw new UsageError(
        `invalid docker-archive: reference ${JSON.stringify(reference)}: invalid source index ${rest}`
      )
    }
    return new DockerArchiveReference(reference, file, { kind: 'index', index: Number(rest.slice(1)) })
  }
  let name: DockerReference
  try {
    name = parseDockerReference(rest)
  } catch (e) {
    throw new UsageError(
      `invalid docker-archive: reference ${JSON.stringify(reference)}: ${(e as Error).message}`
    )
  }
  if (name.digest !== undefined) {
    throw new UsageError(
      `invalid docker-archive: reference ${JSON.stringify(reference)}: docker-archive doesn't support digest references`,
      'name the image by NAME:TAG, or by :@N'
    )
  }
  return new DockerArchiveReference(reference, file, { kind: 'name', name })
}
