// Errors the transports share. The CLI and the Action map `category`/`code` to an exit code.
import { ImageCopyError } from '../errors.js'

/** The location exists in principle (or was named correctly), but holds no image matching the reference. */
export class ImageNotFoundError extends ImageCopyError {
  readonly code = 'not-found'

  constructor(message: string, hint?: string) {
    super(message, 'not-found', hint)
    this.name = 'ImageNotFoundError'
  }
}
