// The `dir:` format (containers/image directory/directory_transport.go, version.go): file names
// and the version file.
import path from 'node:path'
import { parseDigest } from '../local/digest.js'

export const VERSION_FILE = 'version'
export const MANIFEST_FILE = 'manifest.json'

const VERSION_PREFIX = 'Directory Transport Version: '
/** 1.1, or 1.2 when some file is named by a non-sha256 digest. */
export const VERSION_1_1 = `${VERSION_PREFIX}1.1\n`
export const VERSION_1_2 = `${VERSION_PREFIX}1.2\n`
const MAX_SUPPORTED = { major: 1, minor: 2 }

export interface DirVersion {
  major: number
  minor: number
}

/** Parses a version file's content exactly as upstream (which re-formats and compares); undefined when invalid. */
export function parseVersion(content: string): DirVersion | undefined {
  const m = /^Directory Transport Version: (0|[1-9]\d*)\.(0|[1-9]\d*)\n$/.exec(content)
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined
}

export function isSupportedVersion(v: DirVersion): boolean {
  return v.major < MAX_SUPPORTED.major || (v.major === MAX_SUPPORTED.major && v.minor <= MAX_SUPPORTED.minor)
}

/** `<hex>` for sha256, `<algorithm>-<hex>` otherwise. */
function digestFileStem(digest: string): string {
  const { algorithm, hex } = parseDigest(digest)
  return algorithm === 'sha256' ? hex : `${algorithm}-${hex}`
}

export function usesNonSha256(digest: string): boolean {
  return parseDigest(digest).algorithm !== 'sha256'
}

export function manifestPath(dir: string, instanceDigest?: string): string {
  return path.join(
    dir,
    instanceDigest === undefined ? MANIFEST_FILE : `${digestFileStem(instanceDigest)}.manifest.json`
  )
}

export function layerPath(dir: string, digest: string): string {
  return path.join(dir, digestFileStem(digest))
}

/** `index` is zero-based; file names count from 1. */
export function signaturePath(dir: string, index: number, instanceDigest?: string): string {
  const name = `signature-${index + 1}`
  return path.join(dir, instanceDigest === undefined ? name : `${digestFileStem(instanceDigest)}.${name}`)
}
