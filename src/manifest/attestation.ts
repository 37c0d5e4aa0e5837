// BuildKit attestation manifests (docker/build-push-action adds provenance and SBOM by default): list
// entries with platform unknown/unknown and the annotations below, each naming the image it describes.
// They are not images to run: a platform never picks them, and a subset of a list keeps exactly the
// attestations of the images it keeps.
import { isValidDigest } from './digest.js'
import type { Descriptor } from './types.js'

export const AttestationReferenceTypeAnnotation = 'vnd.docker.reference.type'
export const AttestationReferenceDigestAnnotation = 'vnd.docker.reference.digest'
export const AttestationManifestType = 'attestation-manifest'

/** Whether a list entry is an attestation manifest (by its reference-type annotation). */
export function isAttestation(entry: Pick<Descriptor, 'annotations'>): boolean {
  return entry.annotations?.[AttestationReferenceTypeAnnotation] === AttestationManifestType
}

/** The digest of the image an attestation entry describes; undefined for other entries or a bad digest. */
export function attestedDigest(entry: Pick<Descriptor, 'annotations'>): string | undefined {
  if (!isAttestation(entry)) return undefined
  const digest = entry.annotations?.[AttestationReferenceDigestAnnotation]
  return digest !== undefined && isValidDigest(digest) ? digest : undefined
}

/**
 * `selected` plus the attestations of the selected images, in list order. Attestations not named in
 * `selected` whose image is not selected stay out.
 */
export function withAttestations(
  entries: Array<Pick<Descriptor, 'digest' | 'annotations'>>,
  selected: string[]
): string[] {
  const chosen = new Set(selected)
  for (const e of entries) {
    const of = attestedDigest(e)
    if (of !== undefined && chosen.has(of)) chosen.add(e.digest)
  }
  return entries.map(e => e.digest).filter((d, i, all) => chosen.has(d) && all.indexOf(d) === i)
}

/** The entries that are images (not attestations): the only ones a platform may pick. */
export function imageEntries<T extends Pick<Descriptor, 'annotations'>>(entries: T[]): T[] {
  return entries.filter(e => !isAttestation(e))
}

/** How many entries are images (not attestations). */
export function imageCount(entries: Array<Pick<Descriptor, 'annotations'>>): number {
  return imageEntries(entries).length
}
