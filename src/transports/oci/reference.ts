// `oci:` references; see reference-syntax.ts for the grammar.
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'
import { OciImageDestination } from './destination.js'
import { splitOciReference, type OciSelection } from './reference-syntax.js'
import { OciImageSource } from './source.js'

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

  newSource(ctx: TransportContext): Promise<ImageSource> {
    return OciImageSource.open(this, this.path, this.selection, ctx)
  }

  newDestination(ctx: TransportContext): Promise<ImageDestination> {
    return OciImageDestination.open(this, this.path, this.selection, ctx)
  }
}

export function parseOciReference(reference: string): ImageReference {
  const { path, selection } = splitOciReference(reference, 'oci')
  return new OciReference(reference, path, selection)
}
