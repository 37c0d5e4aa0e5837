// The text after `oci:` / `oci-archive:`: PATH[:REF], PATH:@N (source only), and PATH@DIGEST
// (source only; ours). Splitting follows containers/image oci/internal ParseReferenceIntoElements:
// the path ends at the first `:` (so it cannot contain one) and the ref, which may contain `:`, is
// validated against the OCI ref-name grammar.
import { UsageError } from '../../errors.js'
import { isValidDigest } from '../local/digest.js'

/** Which manifest of index.json a reference means. */
export type OciSelection =
  /** No ref: as a source the only manifest in index.json; as a destination an entry without a ref name. */
  | { kind: 'only' }
  | { kind: 'name'; name: string }
  | { kind: 'digest'; digest: string }
  /** Zero-based position in index.json (`PATH:@N`). */
  | { kind: 'index'; index: number }

export interface OciReferenceParts {
  path: string
  selection: OciSelection
}

// OCI image-spec annotations.md, org.opencontainers.image.ref.name (as oci/internal/oci_util.go).
const SEPARATOR = '(?:[-._:@+]|--)'
const ALPHANUM = '(?:[A-Za-z0-9]+)'
const COMPONENT = `(?:${ALPHANUM}(?:${SEPARATOR}${ALPHANUM})*)`
const REF_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`)

export function isValidRefName(name: string): boolean {
  return REF_NAME.test(name)
}

/**
 * Splits the part after `oci:` / `oci-archive:`; `transport` only names the transport in errors.
 * On Windows a path starts with a drive (`C:\\…`), so the split is at the colon after it.
 */
export function splitOciReference(
  reference: string,
  transport: string,
  platform: NodeJS.Platform = process.platform
): OciReferenceParts {
  const at = reference.lastIndexOf('@')
  if (at >= 0 && !hasImagePart(reference.slice(0, at), platform)) {
    const digest = reference.slice(at + 1)
    if (isValidDigest(digest)) {
      return { path: checkPath(reference.slice(0, at), transport), selection: { kind: 'digest', digest } }
    }
    if (/^sha(256|384|512):/.test(digest)) {
      throw new UsageError(
        `invalid ${transport}: reference ${JSON.stringify(reference)}: ${digest} is not a valid digest`
      )
    }
  }
  const [dir, image] = splitPathAndImage(reference, platform)
  const path = checkPath(dir, transport)
  if (image === '') return { path, selection: { kind: 'only' } }
  if (image.startsWith('@')) {
    if (!/^\d+$/.test(image.slice(1))) {
      throw new UsageError(
        `invalid ${transport}: reference ${JSON.stringify(reference)}: source index ${image} is not a non-negative integer`
      )
    }
    return { path, selection: { kind: 'index', index: Number(image.slice(1)) } }
  }
  if (!isValidRefName(image)) {
    throw new UsageError(
      `invalid ${transport}: reference ${JSON.stringify(reference)}: ${JSON.stringify(image)} is not a valid image ref name`,
      'a ref name is components of letters and digits separated by one of - . _ : @ + or --, joined by /'
    )
  }
  return { path, selection: { kind: 'name', name: image } }
}

/**
 * oci/internal/oci_util.go SplitPathAndImage. On Windows upstream splits `C:\\path:ref` after the
 * drive and otherwise takes the whole text as the path. A Windows file name cannot hold a `:`, so
 * where upstream's reading gives such a path we split as on other systems: `C:/path:ref` (upstream:
 * "path contains more than one colon") and a relative `layout:ref` (upstream: a path `layout:ref`).
 * A leading letter and colon is always a drive (`C:layout` is drive-relative).
 */
export function splitPathAndImage(reference: string, platform: NodeJS.Platform): [string, string] {
  const drive = platform === 'win32' && /^[a-zA-Z]:/.test(reference) ? 2 : 0
  const colon = reference.indexOf(':', drive)
  return colon < 0 ? [reference, ''] : [reference.slice(0, colon), reference.slice(colon + 1)]
}

function hasImagePart(reference: string, platform: NodeJS.Platform): boolean {
  return splitPathAndImage(reference, platform)[1] !== '' || reference.endsWith(':')
}

function checkPath(path: string, transport: string): string {
  if (path === '') throw new UsageError(`invalid ${transport}: reference: the path is empty`)
  return path
}
