// The blob-info cache kept between processes in one JSON file, so that a second copy to another
// repository of the same registry mounts what the first one pushed:
//
//   {"version":1,
//    "pairs":[[compressed, "gzip"|"zstd", uncompressed, time]],
//    "uncompressed":[[digest, time]],
//    "locations":[[registry, repository, digest, time]]}
//
// The file is read whole once, when the cache is first used (a copy between local layouts never
// pays for it), synchronously (it is small: 5 000 entries take about 600 KB). Pairs and uncompressed
// digests are taken in at once; a registry's locations when that registry is first asked about, so a
// copy holds in memory only what concerns its own registries. Every entry is validated before use
// (digests by the manifest parser's rules, names by the reference grammar); anything else is dropped,
// and a file that is not this JSON is ignored. `save` reads the file again when another process
// replaced it meanwhile (a file still as this process read it is not read twice), merges (the newer
// of two entries wins; what this process forgot stays forgotten), writes back the rows of registries
// it never took in as they were, keeps the newest entries up to the bound, and replaces the file by
// a rename: two processes saving at once may lose one's new entries, never corrupt the file.
// Nothing in this cache may fail a copy: problems are reported to `onProblem` (a debug line).
import { nodeCrypto } from '../lazy-builtin.js'
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs'
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { isValidDigest } from '../manifest/digest.js'
import { releaseGarbage } from '../memory.js'
import { parseDockerReference } from '../reference/docker.js'
import type { BlobInfoCache, BlobInfoEntry } from './blob-info-cache.js'
import { entryKey, MAX_BLOB_INFO_ENTRIES, MemoryBlobInfoCache } from './blob-info-memory.js'

export type PersistentBlobInfoCache = BlobInfoCache & {
  /** Writes what this process learned into the file. Never rejects. */
  save(): Promise<void>
}

/** Larger files are not read (5 000 entries take about 600 KB). */
const MAX_FILE_BYTES = 16 << 20
const FILE_NAME = 'blob-info-cache-v1.json'

/**
 * `$IMAGE_COPY_BLOB_INFO_CACHE` (a file; "off" or "" turns the cache off: undefined), else
 * `$XDG_CACHE_HOME/image-copy/blob-info-cache-v1.json`, else `~/.cache/image-copy/…`.
 */
export function defaultBlobInfoCachePath(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.IMAGE_COPY_BLOB_INFO_CACHE
  if (given !== undefined) {
    return given.trim() === '' || given.trim().toLowerCase() === 'off' ? undefined : path.resolve(given)
  }
  const xdg = env.XDG_CACHE_HOME
  // The XDG spec: a relative path is invalid and is ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'image-copy', FILE_NAME)
  const home = env.HOME || os.homedir()
  return home ? path.join(home, '.cache', 'image-copy', FILE_NAME) : undefined
}

class FileBlobInfoCache extends MemoryBlobInfoCache implements PersistentBlobInfoCache {
  constructor(
    private readonly file: string,
    private readonly onProblem: (message: string) => void
  ) {
    super()
  }

  private loaded = false
  /** The file as it was read (or last written): unchanged at save, it needs no second read. */
  private seen?: FileIdentity
  /**
   * Location rows of the file per registry, not yet validated or indexed: a copy asks about one or
   * two registries, and a file of thousands of rows for others would cost it megabytes and
   * milliseconds. A registry's rows are taken in when it is first asked about.
   */
  private unread = new Map<string, unknown[][]>()

  protected override ready(): void {
    if (this.loaded) return
    this.loaded = true
    const { contents, identity } = readFileRows(this.file, this.onProblem)
    for (const e of contents.global) this.record(e)
    this.unread = contents.locations
    this.seen = identity
    this.changed = false
  }

  protected override readyFor(registry: string): void {
    this.ready()
    const rows = this.unread.get(registry)
    if (rows === undefined) return
    this.unread.delete(registry)
    const changed = this.changed
    for (const e of locationEntries(rows, new Map())) this.record(e)
    this.changed = changed
  }

  async save(): Promise<void> {
    if (!this.changed) return
    releaseGarbage() // the merge below holds every entry at once (measured: peak RSS 2 MiB lower)
    try {
      const merged = new Map<string, BlobInfoEntry>()
      const unchanged = this.seen !== undefined && sameFile(this.seen, identityOf(this.file))
      // Unchanged, the file holds what this process took in (in `entries`) and what it did not.
      const file = unchanged
        ? { global: [], locations: this.unread }
        : readFileRows(this.file, this.onProblem).contents
      for (const e of [...file.global, ...this.fileLocations(file.locations)]) {
        const key = entryKey(e)
        const forgotten = this.forgotten.get(key)
        if (forgotten === undefined || forgotten < e.time) merged.set(key, e)
      }
      for (const [key, e] of this.entries) {
        const theirs = merged.get(key)
        if (!theirs || theirs.time <= e.time) merged.set(key, e)
      }
      const kept = [...merged.values()].sort((a, b) => a.time - b.time).slice(-MAX_BLOB_INFO_ENTRIES)
      await replaceFile(this.file, serialize(kept))
      this.seen = identityOf(this.file)
      this.changed = false
    } catch (e) {
      this.onProblem(`blob-info cache ${this.file} not saved: ${(e as Error).message}`)
    }
  }

  /**
   * The file's locations to write back: validated for the registries this process took in (they are
   * merged with its own), passed through as they were for the others, which no one here has used:
   * they are validated by whichever process takes them in.
   */
  private fileLocations(byRegistry: Map<string, unknown[][]>): BlobInfoEntry[] {
    const names = new Map<string, boolean>()
    const entries: BlobInfoEntry[] = []
    for (const [registry, rows] of byRegistry) {
      entries.push(...locationEntries(rows, this.unread.has(registry) ? undefined : names))
    }
    return entries
  }
}

/** The cache in `file` (an absent, unreadable or corrupt file gives an empty cache). */
export async function openBlobInfoCache(
  file: string,
  onProblem: (message: string) => void = () => {}
): Promise<PersistentBlobInfoCache> {
  return new FileBlobInfoCache(path.resolve(file), onProblem)
}

/**
 * The entry points' cache: the file at defaultBlobInfoCachePath(env), or undefined when the cache is
 * turned off (the registry client then keeps locations in this process's memory, as before).
 */
export async function openUserBlobInfoCache(
  env: NodeJS.ProcessEnv,
  onProblem: (message: string) => void
): Promise<PersistentBlobInfoCache | undefined> {
  const file = defaultBlobInfoCachePath(env)
  return file === undefined ? undefined : openBlobInfoCache(file, onProblem)
}

/** Which file a name held, and which version of it (a rename over it changes the inode). */
type FileIdentity = Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>

function identityOf(file: string): FileIdentity | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

function sameFile(a: FileIdentity, b: FileIdentity | undefined): boolean {
  return b !== undefined && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs
}

/** A file's entries: pairs and uncompressed digests validated, location rows by registry as read. */
interface FileContents {
  global: BlobInfoEntry[]
  locations: Map<string, unknown[][]>
}

interface FileRead {
  contents: FileContents
  /** Set only when the whole file was read and taken. */
  identity?: FileIdentity
}

const EMPTY = (): FileContents => ({ global: [], locations: new Map() })

function readFileRows(file: string, onProblem: (message: string) => void): FileRead {
  let fd: number
  try {
    // O_NONBLOCK: a FIFO put in the file's place must not hang the copy.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      onProblem(`blob-info cache ${file} not read: ${(e as Error).message}`)
    return { contents: EMPTY() }
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile() || info.size > MAX_FILE_BYTES) {
      onProblem(`blob-info cache ${file} ignored: not a regular file of at most ${MAX_FILE_BYTES} bytes`)
      return { contents: EMPTY() }
    }
    return { contents: parseFileRows(readFileSync(fd, 'utf8')), identity: info }
  } catch (e) {
    onProblem(`blob-info cache ${file} ignored: ${(e as Error).message}`)
    return { contents: EMPTY() }
  } finally {
    closeSync(fd)
  }
}

/** The file's pairs and uncompressed digests, validated; its location rows grouped by registry, not yet. */
function parseFileRows(text: string): FileContents {
  const data: unknown = JSON.parse(text)
  if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== 1) {
    throw new Error('not a version 1 blob-info cache')
  }
  const { pairs, uncompressed, locations } = data as Record<string, unknown>
  const global: BlobInfoEntry[] = []
  for (const row of rows(pairs, 4)) {
    const [compressed, algorithm, plain, time] = row
    if (!isDigest(compressed) || !isDigest(plain) || compressed === plain || !isTime(time)) continue
    if (algorithm !== 'gzip' && algorithm !== 'zstd') continue
    global.push({ kind: 'pair', compressed, algorithm, uncompressed: plain, time })
  }
  for (const [digest, time] of rows(uncompressed, 2)) {
    if (isDigest(digest) && isTime(time)) global.push({ kind: 'uncompressed', digest, time })
  }
  const byRegistry = new Map<string, unknown[][]>()
  for (const row of rows(locations, 4)) {
    if (typeof row[0] !== 'string') continue
    let list = byRegistry.get(row[0])
    if (!list) byRegistry.set(row[0], (list = []))
    list.push(row)
  }
  return { global, locations: byRegistry }
}

/**
 * The location entries among raw rows. With `names` (which remembers the names found valid) every
 * entry is validated; without, only the shape is checked: rows of a registry no one here asked
 * about, written back for whichever process takes them in to validate.
 */
function locationEntries(locationRows: unknown[][], names?: Map<string, boolean>): BlobInfoEntry[] {
  const entries: BlobInfoEntry[] = []
  for (const [registry, repository, digest, time] of locationRows) {
    if (typeof registry !== 'string' || typeof repository !== 'string') continue
    if (typeof digest !== 'string' || !isTime(time)) continue
    if (names && (!isValidDigest(digest) || !isName(registry, repository, names))) continue
    entries.push({ kind: 'location', registry, repository, digest, time })
  }
  return entries
}

function rows(value: unknown, length: number): unknown[][] {
  if (!Array.isArray(value)) return []
  return value.filter((r): r is unknown[] => Array.isArray(r) && r.length === length)
}

function isDigest(v: unknown): v is string {
  return typeof v === 'string' && isValidDigest(v)
}

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
}

/** A registry host and repository path exactly as a parsed reference names them. */
function isName(registry: string, repository: string, seen: Map<string, boolean>): boolean {
  const name = `${registry}/${repository}`
  let ok = seen.get(name)
  if (ok === undefined) {
    try {
      const ref = parseDockerReference(name, { defaultTag: false })
      ok = ref.registry === registry && ref.repository === repository && ref.tag === undefined
    } catch {
      ok = false
    }
    seen.set(name, ok)
  }
  return ok
}

function serialize(entries: BlobInfoEntry[]): string {
  const pairs: unknown[] = []
  const uncompressed: unknown[] = []
  const locations: unknown[] = []
  for (const e of entries) {
    if (e.kind === 'pair') pairs.push([e.compressed, e.algorithm, e.uncompressed, e.time])
    else if (e.kind === 'uncompressed') uncompressed.push([e.digest, e.time])
    else locations.push([e.registry, e.repository, e.digest, e.time])
  }
  return `${JSON.stringify({ version: 1, pairs, uncompressed, locations })}\n`
}

/** Writes a new file beside `file` (mode 0600, never through an existing name) and renames it over. */
async function replaceFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  const temp = `${file}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temp, text, { mode: 0o600, flag: 'wx' })
    await rename(temp, file)
  } catch (e) {
    await unlink(temp).catch(() => {})
    throw e
  }
}
