// The blob cache in the Action (DESIGN.md section 7): main restores it from the GitHub Actions cache
// and hands it to the engine; post saves it when the run added blobs.
import * as core from '@actions/core'
import path from 'node:path'
import { tmpdir } from 'node:os'
import { cacheKey, restoreBlobCache, saveBlobCache, type CacheLog } from '../cache/actions-cache.js'
import { BlobDirectory } from '../cache/blob-directory.js'
import type { CopyRequest } from '../options/request.js'
import { runnerBlobDirectory } from './runner-cache.js'

const stateName = 'blob-cache'

/** What main tells post through the runner's state. */
interface CacheState {
  dir: string
  key: string
  maxBytes: number
  restored: string
  added: number
  /** Where the blobs live between runs: the Actions cache, the runner's tool cache, or both. */
  location: CacheLocation
}

export type CacheLocation = 'actions' | 'runner' | 'both'

export const cacheLog: CacheLog = {
  info: m => core.info(m),
  notice: m => core.notice(m),
  warning: m => core.warning(m)
}

/** The cache directory: the same path in main and post (the Actions cache versions entries by path). */
export function cacheDirectory(): string {
  return path.join(process.env.RUNNER_TEMP || tmpdir(), 'image-copy-blobs')
}

export interface OpenedCache {
  directory: BlobDirectory
  key: string
  restored: string
  location: CacheLocation
}

/**
 * `sources` names what is copied (default: src) for the key; `shard` (i/N) makes each shard's entry
 * its own within a run (every shard saves), while restore keys still find any shard's entry.
 */
export async function openBlobCache(
  request: CopyRequest,
  sources: string[] = [request.source],
  shard?: string
): Promise<OpenedCache | undefined> {
  if (!request.cache.enabled) return undefined
  const attempt = process.env.GITHUB_RUN_ATTEMPT ?? ''
  const { key, restoreKeys } = cacheKey({
    sourceRefs: sources,
    cacheKey: request.cache.key,
    runId: process.env.GITHUB_RUN_ID ?? '',
    attempt: shard ? `${attempt.trim() || '1'}-shard-${shard.replace('/', '-of-')}` : attempt
  })
  let location = request.cache.location
  let dir = cacheDirectory()
  if (location !== 'actions') {
    const runnerDir = await runnerBlobDirectory(restoreKeys[restoreKeys.length - 1])
    if (runnerDir) {
      dir = runnerDir
      const held = await new BlobDirectory(dir).stats()
      core.info(`Blob cache: the runner's tool cache at ${dir} holds ${held.count} blobs`)
    } else {
      core.warning(
        `cache-location ${location}: this runner has no tool cache (RUNNER_TOOL_CACHE is unset); using the Actions cache`
      )
      location = 'actions'
    }
  }
  const restored =
    location === 'runner' ? { status: 'runner' } : await restoreBlobCache(dir, key, restoreKeys, cacheLog)
  return { directory: new BlobDirectory(dir), key, restored: restored.status, location }
}

export function rememberForPost(cache: OpenedCache, request: CopyRequest): void {
  const state: CacheState = {
    dir: cache.directory.dir,
    key: cache.key,
    maxBytes: request.cache.maxBytes,
    restored: cache.restored,
    added: cache.directory.added.count,
    location: cache.location
  }
  core.saveState(stateName, JSON.stringify(state))
}

/** The post step: save the cache when main added blobs and a cache service is there. */
export async function saveBlobCacheFromState(): Promise<void> {
  const raw = core.getState(stateName)
  if (!raw) return
  const state = JSON.parse(raw) as CacheState
  if (state.location !== 'actions') await pruneRunnerCache(state)
  if (state.location === 'runner') return
  if (state.restored === 'unavailable' || state.restored === 'disabled') return
  if (state.added === 0) {
    core.info('Blob cache: no new blobs in this run, nothing to save')
    return
  }
  await saveBlobCache(state.dir, state.key, cacheLog, { maxBytes: state.maxBytes })
}

/** The runner's copy is bounded by cache-max-size like the Actions cache: least recently used first. */
async function pruneRunnerCache(state: CacheState): Promise<void> {
  const blobs = new BlobDirectory(state.dir)
  await blobs.sweep()
  const pruned = await blobs.prune(state.maxBytes)
  const held = await blobs.stats()
  core.info(
    `Blob cache: the runner's tool cache holds ${held.count} blobs${pruned.count > 0 ? ` (dropped ${pruned.count} least recently used to fit cache-max-size)` : ''}`
  )
}
