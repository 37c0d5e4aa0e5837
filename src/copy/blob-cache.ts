import type { Readable } from 'node:stream'

/**
 * Where the engine looks for a blob before pulling it from the source, and stores what it pulled.
 * Implemented by src/cache; the engine verifies whatever it serves like any other blob.
 */
export interface BlobCache {
  /** A stream of the cached bytes, or undefined when the blob is not cached. */
  get(digest: string): Promise<Readable | undefined>
  /** Forget a blob whose cached bytes did not verify. */
  discard(digest: string): Promise<void>
  /** A writable sink for a blob being pulled; `commit` keeps it, `abort` drops it. */
  begin(digest: string): Promise<CacheWriter>
}

export interface CacheWriter {
  stream: NodeJS.WritableStream
  commit(): Promise<void>
  abort(): Promise<void>
}
