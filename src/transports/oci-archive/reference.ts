// `oci-archive:FILE[:REF]` references (containers/image oci/archive/oci_transport.go); like `oci:`,
// also FILE@DIGEST and FILE:@N for sources.
import { splitOciReference, type OciSelection } from '../oci/reference-syntax.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'

export class OciArchiveReference implements ImageReference {
  readonly transport = 'oci-archive'

  readonly digest: string | undefined

  constructor(
    readonly reference: string,
    readonly path: string,
    readonly selection: OciSelection
  ) {
    this.digest = selection.kind === 'digest' ? selection.digest : undefined
  }

  toString(): string {
    return `oci-archive:${this.reference}`
  }

  // The tar code is loaded only by a copy that uses an archive (see docker/reference.ts).
  async newSource(ctx: TransportContext): Promise<ImageSource> {
    const { OciArchiveImageSource } = await import('./source.js')
    return OciArchiveImageSource.open(this, ctx)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    const { OciArchiveImageDestination } = await import('./destination.js')
    return OciArchiveImageDestination.open(this, ctx)
  }
}

export function parseOciArchiveReference(reference: string): ImageReference {
  const { path, selection } = splitOciReference(reference, 'oci-archive')
  return new OciArchiveReference(reference, path, selection)
}
