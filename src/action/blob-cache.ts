// The blob cache in the Action (DESIGN.md section 7): main restores it from the GitHub Actions cache
// and hands it to the engine; post saves it when the run added blobs.
import * as core from '@actions/core'
import path from 'node:path'
import { tmpdir } from 'node:os'
import { cacheKey, restoreBlobCache, saveBlobCache, type CacheLog } from '../cache/actions-cache.js'
import { BlobDirectory } from '../cache/blob-directory.js'
import type { CopyRequest } from '../options/request.js'

const stateName = 'blob-cache'

/** What main tells post through the runner's state. */
interface CacheState {
  dir: string
  key: string
  maxBytes: number
  restored: string
  added: number
}

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
  const dir = cacheDirectory()
  const restored = await restoreBlobCache(dir, key, restoreKeys, cacheLog)
  return { directory: new BlobDirectory(dir), key, restored: restored.status }
}

export function rememberForPost(cache: OpenedCache, request: CopyRequest): void {
  const state: CacheState = {
    dir: cache.directory.dir,
    key: cache.key,
    maxBytes: request.cache.maxBytes,
    restored: cache.restored,
    added: cache.directory.added.count
  }
  core.saveState(stateName, JSON.stringify(state))
}

/** The post step: save the cache when main added blobs and a cache service is there. */
export async function saveBlobCacheFromState(): Promise<void> {
  const raw = core.getState(stateName)
  if (!raw) return
  const state = JSON.parse(raw) as CacheState
  if (state.restored === 'unavailable' || state.restored === 'disabled') return
  if (state.added === 0) {
    core.info('Blob cache: no new blobs in this run, nothing to save')
    return
  }
  await saveBlobCache(state.dir, state.key, cacheLog, { maxBytes: state.maxBytes })
}
