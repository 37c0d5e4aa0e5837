// What one copy run carries through its phases (copy-image.ts reads as the phases; the skip of
// unchanged destinations lives in skip-unchanged.ts).
import type { ImageDestination, ImageSource } from '../transports/types.js'
import type { DestinationWriter } from './destination-writer.js'
import type { CopyEvent } from './events.js'
import type { CompressionRequest } from './layer-conversion.js'
import type { CopyOptions } from './options.js'
import type { CopyResult } from './result.js'

/** What a destination's reference names now (ImageDestination.existingManifest), when asked. */
export type Existing = { digest: string; mimeType: string } | undefined

/** The source and the destinations, opened (destinations while the source's manifests are read). */
export interface Ends {
  /** Not opened yet when every destination may turn out unchanged without reading it. */
  source?: ImageSource
  opening: Array<Promise<ImageDestination>>
  opened: ImageDestination[]
  /** By destination index, asked as soon as it opens (skipUnchanged only). */
  existing: Array<Promise<Existing>>
}

/** What one copy run carries through its phases. */
export interface Run {
  options: CopyOptions
  emit: (event: CopyEvent) => void
  result: CopyResult
  compression: CompressionRequest
  writers: DestinationWriter[]
  /** Indexes of destinations found unchanged (their results are in `result` already). */
  unchanged: Set<number>
}
