// The blob-info cache in memory. Entries are kept in recency order (a Map's insertion order: touching
// an entry moves it last), so the oldest are dropped first when the bound is reached. Each carries the
// time it was last recorded, which orders entries of two processes when a file is merged on save.
import type { BlobCompression, BlobInfoCache, BlobInfoEntry } from './blob-info-cache.js'

/** Entries kept (pairs, uncompressed digests and locations together); the oldest go first. */
export const MAX_BLOB_INFO_ENTRIES = 5_000

export function entryKey(e: BlobInfoEntry): string {
  switch (e.kind) {
    case 'pair':
      return `p ${e.compressed}`
    case 'uncompressed':
      return `u ${e.digest}`
    case 'location':
      return `l ${e.registry} ${e.repository} ${e.digest}`
  }
}

function locationKey(registry: string, digest: string): string {
  return `${registry} ${digest}`
}

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key)
  if (!set) index.set(key, (set = new Set()))
  set.delete(value) // re-added last: most recent
  set.add(value)
}

function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) index.delete(key)
}

export class MemoryBlobInfoCache implements BlobInfoCache {
  /** Oldest first. */
  protected readonly entries = new Map<string, BlobInfoEntry>()
  /** Keys forgotten by this process, with when: a merge must not bring them back from a file. */
  protected readonly forgotten = new Map<string, number>()
  /** Set by every change, so that a file cache with nothing new is not written. */
  protected changed = false
  private readonly compressedOf = new Map<string, Set<string>>() // uncompressed → compressed digests
  private readonly locations = new Map<string, Set<string>>() // `${registry} ${digest}` → repositories

  constructor(private readonly maxEntries = MAX_BLOB_INFO_ENTRIES) {}

  recordDigestPair(compressed: string, algorithm: 'gzip' | 'zstd', uncompressed: string): void {
    this.ready()
    if (compressed === uncompressed) return
    this.record({ kind: 'pair', compressed, algorithm, uncompressed, time: Date.now() })
  }

  recordUncompressed(digest: string): void {
    this.ready()
    this.record({ kind: 'uncompressed', digest, time: Date.now() })
  }

  uncompressedDigest(digest: string): string | undefined {
    this.ready()
    if (this.entries.has(`u ${digest}`) || this.compressedOf.has(digest)) return digest
    const pair = this.entries.get(`p ${digest}`)
    return pair?.kind === 'pair' ? pair.uncompressed : undefined
  }

  variants(digest: string): Array<{ digest: string; compression: BlobCompression }> {
    this.ready()
    const uncompressed = this.uncompressedDigest(digest)
    if (uncompressed === undefined) return []
    const found: Array<{ digest: string; compression: BlobCompression }> = []
    for (const c of [...(this.compressedOf.get(uncompressed) ?? [])].reverse()) {
      const pair = this.entries.get(`p ${c}`)
      if (c !== digest && pair?.kind === 'pair') found.push({ digest: c, compression: pair.algorithm })
    }
    if (uncompressed !== digest) found.push({ digest: uncompressed, compression: 'none' })
    return found
  }

  recordKnownLocation(registry: string, repository: string, digest: string): void {
    this.readyFor(registry)
    this.record({ kind: 'location', registry, repository, digest, time: Date.now() })
  }

  forgetKnownLocation(registry: string, repository: string, digest: string): void {
    this.readyFor(registry)
    const key = entryKey({ kind: 'location', registry, repository, digest, time: 0 })
    this.forgotten.set(key, Date.now())
    if (this.remove(key)) this.changed = true
  }

  knownLocations(registry: string, digest: string): string[] {
    this.readyFor(registry)
    return [...(this.locations.get(locationKey(registry, digest)) ?? [])].reverse()
  }

  /** Called first by every method of the interface (a file cache loads its file then). */
  protected ready(): void {}

  /** Called first by the methods about one registry's locations (a file cache takes those in then). */
  protected readyFor(_registry: string): void {
    this.ready()
  }

  /** Adds (or refreshes) an entry as the most recent one, dropping the oldest beyond the bound. */
  protected record(entry: BlobInfoEntry): void {
    const key = entryKey(entry)
    this.remove(key)
    this.entries.set(key, entry)
    this.forgotten.delete(key)
    this.changed = true
    if (entry.kind === 'pair') addTo(this.compressedOf, entry.uncompressed, entry.compressed)
    if (entry.kind === 'location')
      addTo(this.locations, locationKey(entry.registry, entry.digest), entry.repository)
    while (this.entries.size > this.maxEntries) this.remove(this.entries.keys().next().value as string)
  }

  private remove(key: string): boolean {
    const e = this.entries.get(key)
    if (!e) return false
    this.entries.delete(key)
    if (e.kind === 'pair') removeFrom(this.compressedOf, e.uncompressed, e.compressed)
    if (e.kind === 'location') removeFrom(this.locations, locationKey(e.registry, e.digest), e.repository)
    return true
  }
}

export function memoryBlobInfoCache(): BlobInfoCache {
  return new MemoryBlobInfoCache()
}

let processCache: BlobInfoCache | undefined

/** The cache of this process, used where no other is given (a memory cache, as blob locations always were). */
export function processBlobInfoCache(): BlobInfoCache {
  return (processCache ??= memoryBlobInfoCache())
}
