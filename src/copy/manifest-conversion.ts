// Which manifest types to try when writing to a destination, in order (containers/image
// copy/manifest.go determineManifestConversion and determineListConversion).
import {
  MediaType,
  allManifestMimeTypes,
  isListMimeType,
  normalizeMimeType,
  supportedListMimeTypes
} from '../manifest/index.js'

/** Conversion targets preferred when the original type cannot be kept: v2s2 needs no change when moved, v2s1 needs a signature. */
const preferredManifestMimeTypes: string[] = [MediaType.DockerV2Schema2, MediaType.DockerV2Schema1Signed]

export interface ManifestConversionPlan {
  /** The first type to try (kept unmodified when it equals the source type). */
  preferred: string
  preferredNeedsConversion: boolean
  /** Types to try, in order, when the destination rejects the preferred one as a type. */
  others: string[]
}

export function determineManifestConversion(input: {
  sourceMimeType: string
  destinationSupported: string[]
  forceMimeType?: string
  cannotModifyReason?: string
}): ManifestConversionPlan {
  const sourceType = normalizeMimeType(input.sourceMimeType)
  let supported = input.forceMimeType
    ? [input.forceMimeType]
    : input.destinationSupported.filter(t => !isListMimeType(t))
  if (supported.length === 0) supported = [...allManifestMimeTypes]

  const ordered: string[] = []
  const add = (t: string): void => {
    if (!ordered.includes(t)) ordered.push(t)
  }
  if (supported.includes(sourceType)) add(sourceType)
  if (input.cannotModifyReason) {
    // As upstream: take our chances with the original; the caller reports a clear error when the
    // destination cannot take it.
    return { preferred: sourceType, preferredNeedsConversion: false, others: [] }
  }
  for (const t of preferredManifestMimeTypes) if (supported.includes(t)) add(t)
  for (const t of supported) add(t)
  return {
    preferred: ordered[0],
    preferredNeedsConversion: ordered[0] !== sourceType,
    others: ordered.slice(1)
  }
}

export interface ListConversionPlan {
  selected: string
  others: string[]
}

export function determineListConversion(input: {
  currentListMimeType: string
  destinationSupported: string[]
  forcedListMimeType?: string
}): ListConversionPlan {
  let supported =
    input.destinationSupported.length === 0 ? [...supportedListMimeTypes] : input.destinationSupported
  if (input.forcedListMimeType) supported = [input.forcedListMimeType]
  const ordered: string[] = []
  const add = (t: string): void => {
    if (!ordered.includes(t)) ordered.push(t)
  }
  if (supported.includes(input.currentListMimeType)) add(input.currentListMimeType)
  for (const t of supported) if (isListMimeType(t)) add(t)
  if (ordered.length === 0) {
    throw new Error(
      `the destination does not support any manifest list type (it accepts ${supported.join(', ')}; lists are ${supportedListMimeTypes.join(', ')})`
    )
  }
  return { selected: ordered[0], others: ordered.slice(1) }
}

/** Whether a destination with these supported types can hold a list (containers/image supportsMultipleImages). */
export function destinationSupportsLists(destinationSupported: string[]): boolean {
  return destinationSupported.length === 0 || destinationSupported.some(t => isListMimeType(t))
}
