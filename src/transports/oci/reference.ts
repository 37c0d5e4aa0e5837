// `oci:` references; see reference-syntax.ts for the grammar.
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'
import { splitOciReference, type OciSelection } from './reference-syntax.js'

export class OciReference implements ImageReference {
  readonly transport = 'oci'

  readonly digest: string | undefined

  constructor(
    readonly reference: string,
    readonly path: string,
    readonly selection: OciSelection
  ) {
    this.digest = selection.kind === 'digest' ? selection.digest : undefined
  }

  toString(): string {
    return `oci:${this.reference}`
  }

  // Loaded only by a copy that uses an OCI layout (see docker/reference.ts).
  async newSource(ctx: TransportContext): Promise<ImageSource> {
    const { OciImageSource } = await import('./source.js')
    return OciImageSource.open(this, this.path, this.selection, ctx)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    const { OciImageDestination } = await import('./destination.js')
    return OciImageDestination.open(this, this.path, this.selection, ctx)
  }
}

export function parseOciReference(reference: string): ImageReference {
  const { path, selection } = splitOciReference(reference, 'oci')
  return new OciReference(reference, path, selection)
}
