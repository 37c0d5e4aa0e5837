// OCI referrers (image-spec 1.1 `subject`, distribution-spec 1.1 referrers API and tag schema): what an
// artifact manifest points at, the descriptor a referrers list holds for it, the fallback tag, and
// merging a descriptor into a referrers index. Pure; every field read from a manifest is checked.
import { parseDigest } from './digest.js'
import { ManifestError } from './errors.js'
import { guessMimeTypeOrEmpty } from './guess.js'
import { MediaType } from './media-types.js'

export const OCIEmptyConfig = 'application/vnd.oci.empty.v1+json'

/** A descriptor in a referrers list (an OCI index's `manifests` entry). */
export interface ReferrerDescriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

/** What copying a manifest byte for byte needs: the blobs and child manifests it names, and its subject. */
export interface ManifestLinks {
  mediaType: string
  subject?: string
  artifactType?: string
  annotations?: Record<string, string>
  /** Config and layers (image manifests). */
  blobs: ReferrerDescriptor[]
  /** Manifests (an index). */
  children: ReferrerDescriptor[]
}

/**
 * The referrers fallback tag of a digest (distribution-spec "Referrers Tag Schema"):
 * `<alg>-<ref>`, the algorithm cut to 32 and the hex to 64 characters, anything outside
 * `[a-zA-Z0-9._-]` replaced by `-`.
 */
export function fallbackTag(digest: string): string {
  const { algorithm, hex } = parseDigest(digest)
  const clean = (s: string): string => s.replace(/[^a-zA-Z0-9._-]/g, '-')
  return `${clean(algorithm.slice(0, 32))}-${clean(hex.slice(0, 64))}`
}

function fail(message: string): never {
  throw new ManifestError('invalid-field', message)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function stringMap(v: unknown, what: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined
  if (!isObject(v) || Object.values(v).some(x => typeof x !== 'string')) fail(`${what} is not a string map`)
  return v as Record<string, string>
}

function optionalString(v: unknown, what: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v !== 'string') fail(`${what} is not a string`)
  return v
}

/** A descriptor as found in a manifest or a referrers list, checked (digest syntax, a whole size). */
export function checkDescriptor(v: unknown, what: string): ReferrerDescriptor {
  if (!isObject(v)) fail(`${what} is not a descriptor`)
  if (typeof v.digest !== 'string') fail(`${what} has no digest`)
  try {
    parseDigest(v.digest)
  } catch (e) {
    fail(`${what}: ${(e as Error).message}`)
  }
  if (typeof v.size !== 'number' || !Number.isSafeInteger(v.size) || v.size < 0)
    fail(`${what} has no valid size`)
  const mediaType = optionalString(v.mediaType, `${what}.mediaType`) ?? ''
  const desc: ReferrerDescriptor = { mediaType, digest: v.digest, size: v.size }
  const artifactType = optionalString(v.artifactType, `${what}.artifactType`)
  if (artifactType !== undefined) desc.artifactType = artifactType
  const annotations = stringMap(v.annotations, `${what}.annotations`)
  if (annotations !== undefined) desc.annotations = annotations
  return desc
}

function parseJson(bytes: Uint8Array, what: string): Record<string, unknown> {
  let doc: unknown
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch (e) {
    fail(`${what} is not JSON: ${(e as Error).message}`)
  }
  if (!isObject(doc)) fail(`${what} is not a JSON object`)
  return doc
}

function descriptors(v: unknown, what: string): ReferrerDescriptor[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) fail(`${what} is not an array`)
  return v.map((d, i) => checkDescriptor(d, `${what}[${i}]`))
}

/** The links of an OCI or Docker schema2 manifest or index (schema1 names no subject and is refused). */
export function manifestLinks(bytes: Uint8Array, mimeType: string): ManifestLinks {
  const doc = parseJson(bytes, 'the manifest')
  const mediaType = mimeType || guessMimeTypeOrEmpty(bytes)
  const isIndex = mediaType === MediaType.OCIIndex || mediaType === MediaType.DockerV2List
  const isImage = mediaType === MediaType.OCIManifest || mediaType === MediaType.DockerV2Schema2
  if (!isIndex && !isImage)
    fail(`a ${mediaType || 'manifest of unknown type'} cannot be copied as a referrer`)
  const links: ManifestLinks = {
    mediaType,
    blobs: isImage
      ? [
          ...(doc.config === undefined ? [] : [checkDescriptor(doc.config, 'config')]),
          ...descriptors(doc.layers, 'layers')
        ]
      : [],
    children: isIndex ? descriptors(doc.manifests, 'manifests') : []
  }
  if (doc.subject !== undefined && doc.subject !== null)
    links.subject = checkDescriptor(doc.subject, 'subject').digest
  const artifactType = optionalString(doc.artifactType, 'artifactType')
  if (artifactType !== undefined) links.artifactType = artifactType
  const annotations = stringMap(doc.annotations, 'annotations')
  if (annotations !== undefined) links.annotations = annotations
  return links
}

/**
 * The descriptor a referrers list holds for a manifest (distribution-spec: `artifactType` is the
 * manifest's, else its config's media type; the manifest's annotations).
 */
export function referrerDescriptor(bytes: Uint8Array, mimeType: string, digest: string): ReferrerDescriptor {
  const links = manifestLinks(bytes, mimeType)
  const desc: ReferrerDescriptor = { mediaType: links.mediaType, digest, size: bytes.length }
  const artifactType = links.artifactType ?? links.blobs[0]?.mediaType
  if (artifactType) desc.artifactType = artifactType
  if (links.annotations !== undefined) desc.annotations = links.annotations
  return desc
}

/** The descriptors of a referrers list (the API's answer, or a fallback tag's index). */
export function parseReferrersIndex(bytes: Uint8Array): ReferrerDescriptor[] {
  const doc = parseJson(bytes, 'the referrers index')
  if (doc.mediaType !== undefined && doc.mediaType !== MediaType.OCIIndex)
    fail(`the referrers index has media type ${JSON.stringify(doc.mediaType)}, not an OCI index`)
  return descriptors(doc.manifests, 'the referrers index manifests')
}

/**
 * A fallback tag's index with `desc` added (read-modify-write: every other entry, field and
 * annotation kept as it was). `undefined` when it is there already.
 */
export function mergeReferrersIndex(
  existing: Uint8Array | undefined,
  desc: ReferrerDescriptor
): Buffer | undefined {
  const doc = existing
    ? parseJson(existing, 'the referrers index')
    : { schemaVersion: 2, mediaType: MediaType.OCIIndex, manifests: [] }
  const entries = descriptors(doc.manifests, 'the referrers index manifests')
  if (entries.some(d => d.digest === desc.digest)) return undefined
  const manifests = Array.isArray(doc.manifests) ? [...(doc.manifests as unknown[])] : []
  manifests.push(desc)
  return Buffer.from(JSON.stringify({ ...doc, schemaVersion: 2, mediaType: MediaType.OCIIndex, manifests }))
}

/** Whether a referrer passes an artifact type filter (none: all pass). */
export function matchesArtifactTypes(desc: ReferrerDescriptor, types: readonly string[]): boolean {
  return types.length === 0 || (desc.artifactType !== undefined && types.includes(desc.artifactType))
}
