export type ManifestErrorKind =
  | 'malformed-json'
  | 'truncated'
  | 'unknown-media-type'
  | 'nested-list'
  | 'invalid-field'
  | 'unsupported-conversion'
  | 'no-matching-instance'
  | 'invalid-digest'
  | 'invalid-platform'

export class ManifestError extends Error {
  readonly kind: ManifestErrorKind

  constructor(kind: ManifestErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ManifestError'
    this.kind = kind
  }
}
