import type { Platform } from '../manifest/index.js'

export interface BlobStats {
  /** Blobs and bytes read from the source. */
  pulledBlobs: number
  pulledBytes: number
  /** Blobs and bytes served from the blob cache instead of the source. */
  cachedBlobs: number
  cachedBytes: number
  /** Blobs and bytes written to the destination. */
  pushedBlobs: number
  pushedBytes: number
  /** Blobs the destination already had. */
  reusedBlobs: number
  reusedBytes: number
  /** Blobs mounted from another repository of the same registry. */
  mountedBlobs: number
  mountedBytes: number
}

export function emptyStats(): BlobStats {
  return {
    pulledBlobs: 0,
    pulledBytes: 0,
    cachedBlobs: 0,
    cachedBytes: 0,
    pushedBlobs: 0,
    pushedBytes: 0,
    reusedBlobs: 0,
    reusedBytes: 0,
    mountedBlobs: 0,
    mountedBytes: 0
  }
}

export function addStats(into: BlobStats, from: BlobStats): void {
  for (const key of Object.keys(into) as Array<keyof BlobStats>) into[key] += from[key]
}

export interface InstanceResult {
  sourceDigest: string
  /** The digest written; equals sourceDigest unless the manifest was converted. Absent when skipped. */
  digest?: string
  mediaType: string
  platform?: Platform
  /** For an attestation manifest (BuildKit provenance/SBOM): the source digest of the image it describes. */
  attests?: string
  /** `unchanged`: the destination already held it (nothing was written; see unchanged.ts). */
  status: 'copied' | 'unchanged' | 'skipped' | 'removed'
  stats: BlobStats
}

export interface DestinationResult {
  destination: string
  /** Position in CopyOptions.destinations (entry points name the destination as the user wrote it). */
  index: number
  /** `unchanged`: its reference already named exactly what would be written, and nothing was written. */
  status: 'copied' | 'unchanged'
  /** Digest and MIME type of the top-level manifest written (the list, or the single image), or found unchanged. */
  digest: string
  mediaType: string
  /** Empty when it was not read: unchanged, with the source pinned by digest and not read at all. */
  manifest: Buffer
  /** Empty when not known: an unchanged list whose source was not read. */
  instances: InstanceResult[]
  stats: BlobStats
  /** With `referrers`/`digest-tags`: the artifacts copied, and the manifests whose artifacts could not follow. */
  referrers?: ReferrerResult[]
  referrersLeftBehind?: LeftBehind[]
}

/** An artifact copied with the image: a referrer (by its `subject`) or a digest-tagged manifest (cosign). */
export interface ReferrerResult {
  digest: string
  mediaType: string
  artifactType?: string
  /** The digest it hangs off (an image, the list, or another artifact). */
  subject: string
  /** For a digest tag (`sha256-<hex>.sig`): the tag. */
  tag?: string
  /** How the destination holds it: its referrers API, the fallback tag's index, an OCI layout's index.json, or the digest tag. */
  via: 'api' | 'tag' | 'layout' | 'digest-tag'
}

/** A manifest written under another digest than the source's: its artifacts could not follow. */
export interface LeftBehind {
  sourceDigest: string
  digest: string
  /** The digests of the referrers and digest-tagged manifests left behind. */
  referrers: string[]
}

export interface DestinationFailure {
  destination: string
  /** Position in CopyOptions.destinations. */
  index: number
  error: Error
}

export interface CopyResult {
  source: string
  sourceDigest: string
  sourceMediaType: string
  destinations: DestinationResult[]
  failures: DestinationFailure[]
  /** Totals over all destinations; pulled and cached bytes count once per read from the source. */
  stats: BlobStats
}
