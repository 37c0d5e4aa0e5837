// The blob directory in the GitHub Actions cache (DESIGN.md section 7): keys, restore in the main step,
// save in the post step, with the real `@actions/cache` library.
//
// A cache is an optimisation, so nothing here throws for a cache service problem: each call returns
// what happened and writes at most one warning line. Outside GitHub (`isFeatureAvailable()` false) it
// writes one notice and the directory stays local.
//
// @actions/cache reports failures by logging through @actions/core (warnings, and `::error::` for
// 5xx answers) and returning undefined / -1, with no way to tell a miss from a failure. So while it
// runs, its annotation lines are taken out of stdout (every other line, `::add-mask::` included,
// passes through) and turned into our one warning; its debug line for a failed reservation tells a
// key another job saved first (409, benign: info) from a real failure.
//
// Time bounds: the library has no timeout on its Twirp calls (an unanswered request hangs forever) nor
// on uploads, so each call is raced against a deadline (`timeoutMs`). When the deadline passes the call
// returns `timeout` with a warning while the library's request is left pending in the background: the
// entry point should end the process itself when its work is done (`process.exit`), as actions/cache
// does, or a hung socket keeps Node alive.
import * as cache from '@actions/cache'
import { UsageError } from '../errors.js'
import { nodeCrypto } from '../lazy-builtin.js'
import { startMemoryPacing } from '../memory.js'
import { BlobDirectory, type BlobCount } from './blob-directory.js'
import { formatBytes } from './size.js'

/** Where the cache functions write their lines (in the Action: core.info, core.notice, core.warning). */
export interface CacheLog {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
}

export const cacheKeyPrefix = 'image-copy-blobs-'

export interface CacheKeyInput {
  /** The source references of the copy (`docker://…`), in any order. */
  sourceRefs: string[]
  /** The user's `cache-key`, used instead of the hash of the source references. */
  cacheKey?: string
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
  runId: string
  attempt: string
}

export interface CacheKeys {
  /** `image-copy-blobs-<k>-<run id>-<attempt>`: unique per run attempt, so each run can save. */
  key: string
  /** Most specific first: `image-copy-blobs-<k>-<run id>-`, `image-copy-blobs-<k>-`. */
  restoreKeys: string[]
}

const maxCustomKeyLength = 400

/**
 * The key to save under and the prefixes to restore from. `<k>` is the user's `cache-key`, or the first
 * 16 hex digits of the sha256 of the sorted, distinct source references (one per line). Throws a
 * UsageError naming `cache-key` for a key the Actions cache would refuse.
 */
export function cacheKey(input: CacheKeyInput): CacheKeys {
  const custom = input.cacheKey?.trim()
  if (custom) {
    if (custom.includes(',')) throw new UsageError(`cache-key: "${custom}" must not contain commas`)
    if (/[\r\n]/.test(custom)) throw new UsageError('cache-key: must be one line')
    if (custom.length > maxCustomKeyLength) {
      throw new UsageError(`cache-key: at most ${maxCustomKeyLength} characters, not ${custom.length}`)
    }
  }
  const refs = [...new Set(input.sourceRefs)].sort()
  const k = custom || nodeCrypto().createHash('sha256').update(refs.join('\n')).digest('hex').slice(0, 16)
  const base = `${cacheKeyPrefix}${k}-`
  const runId = input.runId.trim() || '0'
  const attempt = input.attempt.trim() || '1'
  return { key: `${base}${runId}-${attempt}`, restoreKeys: [`${base}${runId}-`, base] }
}

/**
 * The paths handed to @actions/cache: only `<dir>/sha256`. The cache version hashes these literal
 * strings, so save and restore must be given the same directory.
 */
export function blobCachePaths(dir: string): string[] {
  return [new BlobDirectory(dir).blobsDir]
}

export type RestoreStatus = 'hit' | 'miss' | 'unavailable' | 'disabled' | 'failed' | 'timeout'

export interface RestoreResult {
  status: RestoreStatus
  /** The key of the entry restored (status `hit`). */
  matchedKey?: string
  /** The entry restored was the primary key itself. */
  exact?: boolean
  /** The blobs on disk after the restore (status `hit`). */
  blobs?: BlobCount
  /** What went wrong (status `failed`, `timeout`): the text of the warning. */
  message?: string
}

export interface RestoreOptions {
  /** Bound on the whole restore (lookup, download, extraction). Default 10 minutes. */
  timeoutMs?: number
  /** The library's `timeoutInMs` (per download request). Default 30 s. */
  requestTimeoutMs?: number
  /** The library's `segmentTimeoutInMs` (per download segment from Azure storage). Default 5 minutes. */
  segmentTimeoutMs?: number
}

export const defaultRestoreTimeoutMs = 10 * 60_000

/** Restores the newest entry matching `key` (exact) or a restore key (prefix) into `dir`. Never throws. */
export function restoreBlobCache(
  dir: string,
  key: string,
  restoreKeys: string[],
  log: CacheLog,
  options: RestoreOptions = {}
): Promise<RestoreResult> {
  return guarded('Blob cache not restored (the copy goes on without it)', log, () =>
    restore(dir, key, restoreKeys, log, options)
  )
}

async function restore(
  dir: string,
  key: string,
  restoreKeys: string[],
  log: CacheLog,
  options: RestoreOptions
): Promise<RestoreResult> {
  const blobs = new BlobDirectory(dir)
  if (!cache.isFeatureAvailable()) {
    log.notice(unavailableMessage(blobs.dir))
    return { status: 'unavailable' }
  }
  if (!modeAllows('read')) {
    log.info(`Blob cache: not restored, ACTIONS_CACHE_MODE=${cacheMode()} does not allow reads`)
    return { status: 'disabled' }
  }
  const timeoutMs = options.timeoutMs ?? defaultRestoreTimeoutMs
  startMemoryPacing() // the archive comes down and is unpacked here
  const output = new LibraryOutput()
  const outcome = await output.during(() =>
    withDeadline(
      cache.restoreCache(blobCachePaths(dir), key, restoreKeys, {
        timeoutInMs: options.requestTimeoutMs ?? 30_000,
        segmentTimeoutInMs: options.segmentTimeoutMs ?? 5 * 60_000
      }),
      timeoutMs
    )
  )

  if (outcome.kind === 'timeout') {
    const message = `no answer from the cache service within ${seconds(timeoutMs)}`
    log.warning(`Blob cache not restored (the copy goes on without it): ${message}`)
    return { status: 'timeout', message }
  }
  const problem = outcome.kind === 'error' ? firstLine(errorText(outcome.error)) : output.problem()
  if (outcome.kind === 'error' || (outcome.value === undefined && problem)) {
    await blobs.sweep().catch(() => undefined)
    const message = problem ?? 'unknown error'
    log.warning(`Blob cache not restored (the copy goes on without it): ${message}`)
    return { status: 'failed', message }
  }
  const matchedKey = outcome.value
  if (matchedKey === undefined) {
    const prefixes = restoreKeys.length ? ` or the prefixes ${restoreKeys.join(', ')}` : ''
    log.info(`Blob cache: no entry for ${key}${prefixes}`)
    return { status: 'miss' }
  }
  await blobs.sweep()
  const stats = await blobs.stats()
  log.info(`Blob cache: restored ${matchedKey}, ${describe(stats)}`)
  return { status: 'hit', matchedKey, exact: matchedKey === key, blobs: stats }
}

/** The last line of defence: a cache call never throws. */
async function guarded<T extends { status: string; message?: string }>(
  what: string,
  log: CacheLog,
  work: () => Promise<T>
): Promise<T | { status: 'failed'; message: string }> {
  try {
    return await work()
  } catch (e) {
    const message = firstLine(errorText(e))
    log.warning(`${what}: ${message}`)
    return { status: 'failed', message }
  }
}

export type SaveStatus = 'saved' | 'empty' | 'exists' | 'unavailable' | 'disabled' | 'failed' | 'timeout'

export interface SaveResult {
  status: SaveStatus
  /** The blobs saved (status `saved`; their size before compression). */
  blobs?: BlobCount
  /** Blobs dropped by pruning to `maxBytes` before the save. */
  pruned?: BlobCount
  /** What went wrong (status `failed`, `timeout`): the text of the warning. */
  message?: string
}

export interface SaveOptions {
  /** Prune the directory to at most this many bytes (least recently used first) before saving. */
  maxBytes?: number
  /** Bound on the whole save (archive, reservation, upload, finalization). Default: see saveTimeoutMs. */
  timeoutMs?: number
}

/** The default bound on a save of `bytes`: 2 minutes plus the time to upload them at 8 MiB/s. */
export function saveTimeoutMs(bytes: number): number {
  return 120_000 + Math.ceil((bytes / (8 * 1024 * 1024)) * 1000)
}

/**
 * Saves `dir` (its `sha256/` blobs only, after removing anything else there) under `key`. Entries are
 * immutable: a key another job saved first is reported as `exists` with an info line. Never throws.
 */
export function saveBlobCache(
  dir: string,
  key: string,
  log: CacheLog,
  options: SaveOptions = {}
): Promise<SaveResult> {
  return guarded(`Blob cache not saved as ${key}`, log, () => save(dir, key, log, options))
}

async function save(dir: string, key: string, log: CacheLog, options: SaveOptions): Promise<SaveResult> {
  const blobs = new BlobDirectory(dir)
  if (!cache.isFeatureAvailable()) {
    log.notice(unavailableMessage(blobs.dir))
    return { status: 'unavailable' }
  }
  if (!modeAllows('write')) {
    log.info(`Blob cache: not saved, ACTIONS_CACHE_MODE=${cacheMode()} does not allow writes`)
    return { status: 'disabled' }
  }
  let pruned: BlobCount = { count: 0, bytes: 0 }
  let stats: BlobCount
  try {
    await blobs.sweep()
    if (options.maxBytes !== undefined) pruned = await blobs.prune(options.maxBytes)
    stats = await blobs.stats()
  } catch (e) {
    const message = `cannot read ${blobs.dir}: ${errorText(e)}`
    log.warning(`Blob cache not saved as ${key}: ${message}`)
    return { status: 'failed', message }
  }
  if (pruned.count > 0) {
    log.info(
      `Blob cache: dropped the least recently used ${describe(pruned)} to fit ${formatBytes(options.maxBytes!)}`
    )
  }
  if (stats.count === 0) {
    log.info('Blob cache: empty, nothing to save')
    return { status: 'empty', pruned }
  }

  const timeoutMs = options.timeoutMs ?? saveTimeoutMs(stats.bytes)
  startMemoryPacing() // the archive is packed and goes up here
  const output = new LibraryOutput()
  const outcome = await output.during(() =>
    withDeadline(cache.saveCache(blobCachePaths(dir), key), timeoutMs)
  )

  if (outcome.kind === 'timeout') {
    const message = `the save did not finish within ${seconds(timeoutMs)}`
    log.warning(`Blob cache not saved as ${key}: ${message}`)
    return { status: 'timeout', pruned, message }
  }
  if (outcome.kind === 'done' && outcome.value !== -1) {
    log.info(`Blob cache: saved ${key}, ${describe(stats)}`)
    return { status: 'saved', blobs: stats, pruned }
  }
  const reserveFailure = output.reserveFailure()
  const annotation = output.problem()
  if (outcome.kind === 'done' && !annotation && reserveFailure && /\(409\)/.test(reserveFailure)) {
    // The service already holds this key (another job of this run saved the same sources first).
    log.info(`Blob cache: ${key} was saved already (by another job), not saving again`)
    return { status: 'exists', pruned }
  }
  const problem =
    outcome.kind === 'error'
      ? firstLine(errorText(outcome.error))
      : (annotation ?? reserveFailure ?? 'the cache service did not store it')
  log.warning(`Blob cache not saved as ${key}: ${problem}`)
  return { status: 'failed', pruned, message: problem }
}

/** `3 blobs, 1.5 MiB` */
function describe(count: BlobCount): string {
  return `${count.count} blob${count.count === 1 ? '' : 's'}, ${formatBytes(count.bytes)}`
}

function unavailableMessage(dir: string): string {
  return `Blob cache: the GitHub Actions cache service is not available here; using ${dir} as a local cache only`
}

const knownModes = ['none', 'read', 'write', 'write-only']

function cacheMode(): string {
  return (process.env['ACTIONS_CACHE_MODE'] ?? '').trim().toLowerCase()
}

/** ACTIONS_CACHE_MODE as @actions/cache 6 reads it: unknown or empty allows everything. */
function modeAllows(what: 'read' | 'write'): boolean {
  const mode = cacheMode()
  if (!knownModes.includes(mode)) return true
  return what === 'read' ? mode === 'read' || mode === 'write' : mode === 'write' || mode === 'write-only'
}

type Outcome<T> = { kind: 'done'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' }

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<Outcome<T>>(resolve => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), ms)
  })
  try {
    return await Promise.race([
      work.then(
        value => ({ kind: 'done', value }) as Outcome<T>,
        error => ({ kind: 'error', error }) as Outcome<T>
      ),
      deadline
    ])
  } finally {
    clearTimeout(timer)
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}

/** Undoes the escaping of workflow command data (@actions/core `escapeData`). */
function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/**
 * Takes the library's annotation lines (`::warning::`, `::error::`, `::notice::`) out of stdout while
 * it runs, and notes its reason for a failed reservation; everything else passes through unchanged.
 */
class LibraryOutput {
  /** Library calls run one at a time, so each capture sees only its own call's lines. */
  private static queue: Promise<unknown> = Promise.resolve()

  private readonly annotations: string[] = []
  private reserveError: string | undefined
  private partial = ''
  private active = false
  private original: typeof process.stdout.write | undefined
  private patched: typeof process.stdout.write | undefined

  /** Runs `work` (after any call still capturing) with the library's output captured. */
  during<T>(work: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.install()
      try {
        return await work()
      } finally {
        this.uninstall()
      }
    }
    const result = LibraryOutput.queue.then(run, run)
    LibraryOutput.queue = result.catch(() => undefined)
    return result
  }

  private install(): void {
    const original = process.stdout.write
    this.original = original
    this.active = true
    const patched = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
      if (!this.active)
        return original.call(process.stdout, chunk, encoding as BufferEncoding, callback as () => void)
      const cb = typeof encoding === 'function' ? encoding : callback
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      this.take(text)
      if (typeof cb === 'function') process.nextTick(cb as () => void)
      return true
    }) as typeof process.stdout.write
    this.patched = patched
    process.stdout.write = patched
  }

  private uninstall(): void {
    this.active = false
    if (this.partial) this.forward(this.partial)
    this.partial = ''
    // Put the original back unless someone patched stdout after us (then ours just passes through).
    if (process.stdout.write === this.patched && this.original) process.stdout.write = this.original
  }

  /** The message of the library's last warning or error, without its "Failed to …: " prefix. */
  problem(): string | undefined {
    const last = this.annotations.at(-1)
    return last === undefined ? undefined : firstLine(last.replace(/^Failed to (restore|save): /, ''))
  }

  /** Why the library could not reserve the entry (its debug line), e.g. a 409 or the last 500. */
  reserveFailure(): string | undefined {
    return this.reserveError
  }

  private take(text: string): void {
    const lines = (this.partial + text).split('\n')
    this.partial = lines.pop() ?? ''
    for (const line of lines) this.line(line)
  }

  private line(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const annotation = /^::(warning|error|notice)(?: [^:]*)?::(.*)$/.exec(line)
    if (annotation) {
      this.annotations.push(unescapeData(annotation[2]))
      return
    }
    const reserve = /^::debug::Failed to reserve cache: (?:\w*Error: )?(.*)$/.exec(line)
    if (reserve) this.reserveError = firstLine(unescapeData(reserve[1]))
    this.forward(`${raw}\n`)
  }

  private forward(text: string): void {
    this.original?.call(process.stdout, text)
  }
}
