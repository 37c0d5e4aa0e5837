// Why a credential lookup failed. Messages name files, keys and helper programs, never a value read
// from a file or printed by a helper: either could be a secret.
import { ImageCopyError, type ErrorCategory } from '../errors.js'

export class CredentialLookupError extends ImageCopyError {
  constructor(message: string, category: ErrorCategory = 'usage', hint?: string) {
    super(message, category, hint)
    this.name = 'CredentialLookupError'
  }
}

/** A `credHelpers`/`credsStore` entry names a `docker-credential-*` program that is not on PATH. */
export class CredentialHelperMissingError extends CredentialLookupError {
  constructor(
    readonly program: string,
    readonly configuredBy: string
  ) {
    super(
      `credential helper ${program} (configured by ${configuredBy}) was not found on PATH`,
      'usage',
      `install ${program}, or remove that entry from the file`
    )
    this.name = 'CredentialHelperMissingError'
  }
}
