import type { Platform } from '../manifest/index.js'
import type { ImageReference, TransportContext } from '../transports/types.js'
import type { CopyEvent } from './events.js'
import type { BlobCache } from './blob-cache.js'
import type { CompressionAlgorithm } from '../compression/streams.js'
import type { BlobInfoCache } from '../cache/blob-info-cache.js'
import type { ReferrerOptions } from './referrers.js'

/** Which images of a list to copy (containers/image ImageListSelection). */
export type ImageSelection =
  /** One instance chosen by platform: `platform`, else the runtime's. */
  | { kind: 'system'; platform?: Platform }
  /** The list and every instance. */
  | { kind: 'all' }
  /** The list and the instances named by digest or matching a platform. */
  | { kind: 'specific'; instances: string[]; platforms: Platform[] }

/** What happens to list entries that were not selected: strip them (a valid, complete list) or keep them. */
export type SparseListAction = 'strip' | 'keep'

export interface CopyOptions {
  source: ImageReference
  destinations: ImageReference[]
  selection: ImageSelection
  sparseList: SparseListAction
  /** A manifest MIME type every written single manifest must have; lists follow it. */
  forceMimeType?: string
  preserveDigests: boolean
  removeSignatures: boolean
  /** Blobs copied at once, across instances and destinations. */
  parallel: number
  sourceContext: TransportContext
  destinationContext: TransportContext | ((destination: ImageReference) => TransportContext)
  /** Consulted before pulling a blob from the source, and filled with what was pulled. */
  blobCache?: BlobCache
  /**
   * What is known of blobs across copies (the entry points keep it in a file): the engine records
   * compressed ↔ uncompressed digest pairs it learns, and asks destinations to reuse a substitute
   * (tryReusingBlob with canSubstitute). The same object as the contexts' `blobInfoCache`, where
   * registry clients record blob locations. Default: one memory cache for the process.
   */
  blobInfoCache?: BlobInfoCache
  /** What layers are compressed with where a destination wants them compressed (`dest-compress-format`); gzip when unset. */
  compressFormat?: CompressionAlgorithm
  /** gzip 1-9, zstd 1-20 (`dest-compress-level`); zlib's default when unset. */
  compressLevel?: number
  /** Referrers and cosign's digest tags copied with every manifest whose digest the copy keeps (default: none). */
  referrers?: ReferrerOptions
  /**
   * Ask each destination what its reference names first, and write nothing where that is exactly what
   * would be written (status `unchanged`; unchanged.ts has the rules). Default false here; the entry
   * points' `skip-unchanged` defaults to true.
   */
  skipUnchanged?: boolean
  onEvent?: (event: CopyEvent) => void
  /** The platform a system copy picks when `selection.platform` is absent. Defaults to this process's. */
  runtimePlatform?: Platform
  /**
   * Cancels the copy (SIGINT/SIGTERM in the entry points): no new blob is started, blobs in flight
   * are stopped, nothing is committed, every destination is closed (rolled back), and copyImage
   * rejects with the signal's reason.
   */
  signal?: AbortSignal
}
