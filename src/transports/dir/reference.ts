// `dir:PATH` references: the whole text is the path (it may contain `:`).
import { UsageError } from '../../errors.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'
import { DirImageDestination } from './destination.js'
import { DirImageSource } from './source.js'

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

  newSource(_ctx: TransportContext): Promise<ImageSource> {
    return DirImageSource.open(this)
  }

  newDestination(ctx: TransportContext): Promise<ImageDestination> {
    return DirImageDestination.open(this, ctx)
  }
}

export function parseDirReference(reference: string): ImageReference {
  if (reference === '') throw new UsageError('invalid dir: reference: the path is empty')
  return new DirReference(reference)
}
