// The OCI image layout on disk: file names, index.json reading/writing, descriptor lookup.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../../errors.js'
import { ImageNotFoundError } from '../errors.js'
import { parseDigest } from '../local/digest.js'
import { isNotFound } from '../local/files.js'
import { checkDigestField, MediaType } from '../../manifest/index.js'
import type { OciSelection } from './reference-syntax.js'

export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name'
export const LAYOUT_FILE = 'oci-layout'
export const INDEX_FILE = 'index.json'
export const BLOBS_DIR = 'blobs'
export const LAYOUT_FILE_CONTENT = '{"imageLayoutVersion":"1.0.0"}'

/** A descriptor as found in index.json; fields we do not know are kept as they are. */
export interface OciDescriptor {
  mediaType?: string
  digest: string
  size: number
  annotations?: Record<string, string>
  [field: string]: unknown
}

export interface OciIndexJson {
  schemaVersion: number
  manifests: OciDescriptor[]
  [field: string]: unknown
}

/** `<blobDir>/<algorithm>/<hex>`; the digest is validated so it cannot escape the directory. */
export function blobPath(blobDir: string, digest: string): string {
  const { algorithm, hex } = parseDigest(digest)
  return path.join(blobDir, algorithm, hex)
}

export function newIndex(): OciIndexJson {
  return { schemaVersion: 2, mediaType: MediaType.OCIIndex, manifests: [] }
}

/** The layout's index.json, or undefined when there is none. */
export async function readIndex(layoutDir: string): Promise<OciIndexJson | undefined> {
  const file = path.join(layoutDir, INDEX_FILE)
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (e) {
    if (isNotFound(e)) return undefined
    const code = (e as { code?: string }).code
    const reason =
      code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read: ${(e as Error).message}`
    throw new Error(`${file} ${reason}`, { cause: e })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`, { cause: e })
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} is not an OCI image index`)
  }
  const index = parsed as OciIndexJson
  if (index.manifests === undefined || index.manifests === null) index.manifests = []
  if (!Array.isArray(index.manifests)) throw new Error(`${file}: "manifests" is not an array`)
  index.manifests.forEach((d, i) => {
    if (typeof d !== 'object' || d === null || typeof d.digest !== 'string') {
      throw new Error(`${file}: a manifest descriptor has no digest`)
    }
    try {
      checkDigestField(d.digest, `manifests[${i}].digest`)
    } catch (e) {
      throw new Error(`${(e as Error).message} of ${file}`, { cause: e })
    }
  })
  return index
}

export function serializeIndex(index: OciIndexJson): string {
  return JSON.stringify(index)
}

export function refName(d: OciDescriptor): string {
  return d.annotations?.[REF_NAME_ANNOTATION] ?? ''
}

/**
 * Adds the descriptor of a committed image, as containers/image oci_dest.go addManifest does:
 * the first older entry carrying the same ref name loses that annotation (the entry itself stays);
 * an unnamed entry with the same digest is replaced whole; otherwise the descriptor is appended.
 */
export function addManifestToIndex(index: OciIndexJson, desc: OciDescriptor): void {
  const name = refName(desc)
  if (name !== '') {
    for (const m of index.manifests) {
      if (m.annotations !== undefined && refName(m) === name) {
        delete m.annotations[REF_NAME_ANNOTATION]
        // Go marshals an empty annotations map as nothing (omitempty).
        if (Object.keys(m.annotations).length === 0) delete m.annotations
        break
      }
    }
  }
  const same = index.manifests.findIndex(m => m.digest === desc.digest && refName(m) === '')
  if (same >= 0) index.manifests[same] = desc
  else index.manifests.push(desc)
}

// Media types a ref name may point at (oci_transport.go getManifestDescriptor).
const NAMEABLE_TYPES: string[] = [
  MediaType.OCIManifest,
  MediaType.OCIIndex,
  MediaType.DockerV2Schema2,
  MediaType.DockerV2List
]

/**
 * The index.json entry a source reference means. `label` names the reference and `where` the
 * layout in messages. Returns undefined for a digest that no entry of index.json has.
 */
export function selectDescriptor(
  index: OciIndexJson,
  selection: OciSelection,
  label: string,
  where: string
): OciDescriptor | undefined {
  const manifests = index.manifests
  switch (selection.kind) {
    case 'index': {
      const d = manifests[selection.index]
      if (d === undefined) {
        throw new ImageNotFoundError(
          `${label}: index @${selection.index} is too large, only ${manifests.length} entries in ${where}`
        )
      }
      return d
    }
    case 'digest':
      return manifests.find(m => m.digest === selection.digest)
    case 'name': {
      const unsupported: string[] = []
      for (const d of manifests) {
        if (refName(d) !== selection.name) continue
        if (NAMEABLE_TYPES.includes(d.mediaType ?? '')) return d
        unsupported.push(d.mediaType ?? '')
      }
      if (unsupported.length > 0) {
        throw new Error(
          `${label}: reference ${JSON.stringify(selection.name)} matches unsupported manifest MIME types ${JSON.stringify(unsupported)}`
        )
      }
      throw new ImageNotFoundError(
        `${label}: no image named ${JSON.stringify(selection.name)} in ${where}; ${listRefs(index)}`
      )
    }
    case 'only': {
      if (manifests.length === 1) return manifests[0]
      if (manifests.length === 0) throw new ImageNotFoundError(`${label}: ${where} holds no images`)
      throw new UsageError(
        `${label}: ${where} holds ${manifests.length} images; choose one (${listRefs(index)})`,
        'add :REF (or @DIGEST, or :@N for the N-th entry of index.json) to the reference'
      )
    }
  }
}

function listRefs(index: OciIndexJson): string {
  const names = [...new Set(index.manifests.map(refName).filter(n => n !== ''))]
  return names.length === 0
    ? 'it has no named images'
    : `refs present: ${names.map(n => JSON.stringify(n)).join(', ')}`
}
