// Digests of content-addressed files. A digest becomes a file name, so it is always validated
// first (parseDigest refuses anything but a known algorithm and lowercase hex of its length).
import { digestWithAlgorithm, parseDigest } from '../../manifest/index.js'

export { isValidDigest, parseDigest } from '../../manifest/index.js'

/** The digest of `bytes` (as stored, not a schema1 payload digest), with the algorithm of `like` or sha256. */
export function digestOf(bytes: Buffer, like?: string): string {
  return digestWithAlgorithm(bytes, like === undefined ? 'sha256' : parseDigest(like).algorithm)
}
