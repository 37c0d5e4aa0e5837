import { nodeCrypto } from '../lazy-builtin.js'
import { ManifestError } from './errors.js'
import { guessMimeTypeOrEmpty } from './guess.js'
import { schema1SignedPayload } from './jws.js'
import { MediaType } from './media-types.js'
import { SMALL_INPUT_BYTES, jsSha256Hex } from './sha256.js'

const hexLengths: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 }

/**
 * A sha256 digest. Small inputs are hashed in JavaScript until node:crypto has been loaded through
 * `nodeCrypto` (a re-run that moves no blob never loads it).
 */
export function sha256Digest(bytes: Uint8Array): string {
  const inJavaScript = bytes.length <= SMALL_INPUT_BYTES && !nodeCrypto.loaded()
  if (inJavaScript) return `sha256:${jsSha256Hex(bytes)}`
  return `sha256:${nodeCrypto().createHash('sha256').update(bytes).digest('hex')}`
}

/** A digest of `bytes` with one of the algorithms go-digest knows (sha256, sha384, sha512). */
export function digestWithAlgorithm(bytes: Uint8Array, algorithm: string): string {
  if (!(algorithm in hexLengths)) {
    throw new ManifestError('invalid-digest', `unsupported digest algorithm ${JSON.stringify(algorithm)}`)
  }
  if (algorithm === 'sha256') return sha256Digest(bytes)
  return `${algorithm}:` + nodeCrypto().createHash(algorithm).update(bytes).digest('hex')
}

/**
 * The digest of a manifest as registries and containers/image compute it: the bytes' sha256, except
 * for signed schema1, whose digest covers the payload with the signatures removed.
 */
export function manifestDigest(bytes: Uint8Array, algorithm = 'sha256'): string {
  return digestWithAlgorithm(manifestDigestedBytes(bytes), algorithm)
}

/** The bytes whose hash is the manifest's digest. */
export function manifestDigestedBytes(bytes: Uint8Array): Uint8Array {
  if (guessMimeTypeOrEmpty(bytes) === MediaType.DockerV2Schema1Signed) return schema1SignedPayload(bytes)
  return bytes
}

/** Whether the manifest has this digest (any supported algorithm). Throws if a schema1 signature cannot be parsed. */
export function matchesDigest(bytes: Uint8Array, digest: string): boolean {
  let algorithm: string
  try {
    algorithm = parseDigest(digest).algorithm
  } catch {
    return false
  }
  return manifestDigest(bytes, algorithm) === digest
}

export interface ParsedDigest {
  algorithm: string
  hex: string
}

/** Validates a digest as go-digest does: a known algorithm and lowercase hex of the right length. */
export function parseDigest(digest: string): ParsedDigest {
  const i = digest.indexOf(':')
  if (i <= 0 || i + 1 === digest.length) {
    throw new ManifestError(
      'invalid-digest',
      `invalid digest ${JSON.stringify(digest)}: expected algorithm:hex`
    )
  }
  const algorithm = digest.slice(0, i)
  const hex = digest.slice(i + 1)
  const length = hexLengths[algorithm]
  if (length === undefined) {
    throw new ManifestError(
      'invalid-digest',
      `invalid digest ${JSON.stringify(digest)}: unsupported algorithm ${JSON.stringify(algorithm)} (sha256, sha384 or sha512)`
    )
  }
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
    throw new ManifestError(
      'invalid-digest',
      `invalid digest ${JSON.stringify(digest)}: ${algorithm} needs ${length} lowercase hexadecimal characters`
    )
  }
  return { algorithm, hex }
}

export function isValidDigest(digest: string): boolean {
  try {
    parseDigest(digest)
    return true
  } catch {
    return false
  }
}

/**
 * Refuses a digest taken from a manifest field before anything uses it (a path or a URL built from
 * `sha256:../../x` would reach other files or other API endpoints). `field` is where it was found,
 * e.g. `manifests[1].digest`.
 */
export function checkDigestField(digest: string, field: string): void {
  if (isValidDigest(digest)) return
  const shown = digest.length > 100 ? `${digest.slice(0, 100)}…` : digest
  throw new ManifestError('invalid-digest', `invalid digest ${JSON.stringify(shown)} in ${field}`)
}

/**
 * Checks the digests of descriptors found at `field` (`layers`, `manifests`) or of one descriptor
 * (`config`, `subject`); one descriptor may be absent (digest ''), as Go decodes a missing `config`.
 */
export function checkDescriptorDigests(
  descriptors: ReadonlyArray<{ digest: string }> | { digest: string } | undefined,
  field: string
): void {
  if (descriptors === undefined) return
  if (!Array.isArray(descriptors)) {
    const digest = (descriptors as { digest: string }).digest
    if (digest !== '') checkDigestField(digest, `${field}.digest`)
    return
  }
  descriptors.forEach((d, i) => checkDigestField(d.digest, `${field}[${i}].digest`))
}
