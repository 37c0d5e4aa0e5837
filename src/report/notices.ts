// Notices about choices the user may not know were made: which one image of a list was copied.
import type { CopyEvent } from '../copy/events.js'
import { runtimePlatformNote } from '../copy/runtime-platform.js'

/** How the entry point names its options: `all-images: true` (Action) or `--all-images` (CLI). */
export interface OptionPhrases {
  allImages: string
  platforms: string
}

export const actionPhrases: OptionPhrases = { allImages: 'all-images: true', platforms: 'platforms:' }
export const cliPhrases: OptionPhrases = { allImages: '--all-images', platforms: '--platforms' }

/**
 * For a single image copied from a list of several: which platform was copied and how to get more.
 * Undefined for other events and for lists of one image. `host` is the runner's OS (process.platform).
 */
export function platformChoiceNotice(
  event: CopyEvent,
  phrases: OptionPhrases,
  host: NodeJS.Platform = process.platform
): string | undefined {
  if (event.type !== 'instance-chosen' || event.images < 2) return undefined
  const platform = event.platform ?? `instance ${event.digest}`
  const note = runtimePlatformNote(host)
  const why =
    event.by === 'platform'
      ? ' (the platform asked for)'
      : ` (the default: this runner's architecture${note ? `; ${note}` : ''})`
  return (
    `Copied only ${platform}${why} of the ${event.images} images in the list; ` +
    `set ${phrases.allImages} to copy the whole list, or ${phrases.platforms} to choose`
  )
}
