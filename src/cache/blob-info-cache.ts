// What is known about blobs beyond their bytes (containers/image pkg/blobinfocache): which compressed
// digests decompress to which uncompressed one, and which repositories of a registry hold a digest.
// A destination asks it for a repository to mount from, or for another compression of the same
// content to reuse, instead of uploading.
//
// Kept in memory (blob-info-memory.ts), and by the entry points in a JSON file between processes
// (blob-info-file.ts). Nothing but digests, registry hosts and repository names is ever held.

export type BlobCompression = 'gzip' | 'zstd' | 'none'

export interface BlobInfoCache {
  /** `compressed`, made with `algorithm`, decompresses to `uncompressed`. */
  recordDigestPair(compressed: string, algorithm: 'gzip' | 'zstd', uncompressed: string): void
  /** `digest` names an uncompressed blob (its own DiffID). */
  recordUncompressed(digest: string): void
  uncompressedDigest(digest: string): string | undefined
  /** Other known digests of the same content with their compression (the uncompressed one as 'none'); not `digest` itself. */
  variants(digest: string): Array<{ digest: string; compression: BlobCompression }>
  recordKnownLocation(registry: string, repository: string, digest: string): void
  forgetKnownLocation(registry: string, repository: string, digest: string): void
  /** Repositories of `registry` known to hold `digest`, most recent first. */
  knownLocations(registry: string, digest: string): string[]
}

export type BlobInfoEntry =
  | { kind: 'pair'; compressed: string; algorithm: 'gzip' | 'zstd'; uncompressed: string; time: number }
  | { kind: 'uncompressed'; digest: string; time: number }
  | { kind: 'location'; registry: string; repository: string; digest: string; time: number }

export {
  MAX_BLOB_INFO_ENTRIES,
  MemoryBlobInfoCache,
  memoryBlobInfoCache,
  processBlobInfoCache,
  entryKey
} from './blob-info-memory.js'
export {
  openBlobInfoCache,
  defaultBlobInfoCachePath,
  openUserBlobInfoCache,
  type PersistentBlobInfoCache
} from './blob-info-file.js'
