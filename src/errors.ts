// Errors the entry points turn into exit codes and annotations. Every layer but manifest/ may
// throw these; manifest/ has its own ManifestError (it imports nothing of ours).

export type ErrorCategory = 'usage' | 'not-found' | 'failure'

/** An error a user can act on: `hint` says what to change. */
export class ImageCopyError extends Error {
  constructor(
    message: string,
    readonly category: ErrorCategory = 'failure',
    readonly hint?: string
  ) {
    super(message)
    this.name = 'ImageCopyError'
  }
}

/** Bad input: names the input and says what to change. */
export class UsageError extends ImageCopyError {
  constructor(message: string, hint?: string) {
    super(message, 'usage', hint)
    this.name = 'UsageError'
  }
}

/** The error a cancelled copy fails with: the signal's reason when it is an Error. */
export function cancellationError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the copy was cancelled')
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
