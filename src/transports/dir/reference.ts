// `dir:PATH` references: the whole text is the path (it may contain `:`).
import { UsageError } from '../../errors.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'

export class DirReference implements ImageReference {
  readonly transport = 'dir'
  readonly digest = undefined

  constructor(readonly reference: string) {}

  get path(): string {
    return this.reference
  }

  toString(): string {
    return `dir:${this.reference}`
  }

  // Like every transport, its code is loaded only by a copy that uses it (see docker/reference.ts).
  async newSource(_ctx: TransportContext): Promise<ImageSource> {
    const { DirImageSource } = await import('./source.js')
    return DirImageSource.open(this)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    const { DirImageDestination } = await import('./destination.js')
    return DirImageDestination.open(this, ctx)
  }
}

export function parseDirReference(reference: string): ImageReference {
  if (reference === '') throw new UsageError('invalid dir: reference: the path is empty')
  return new DirReference(reference)
}
