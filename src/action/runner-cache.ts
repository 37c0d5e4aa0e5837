// The blob cache in the runner's tool cache (cache-location: runner | both): a self-hosted runner keeps
// its disk between jobs, so a scheduled mirror on the same machine finds the blobs it pulled before
// without the source or the Actions cache. The directory is a "tool" of @actions/tool-cache, versioned
// by the cache key, and used in place (blobs are added to it as they are pulled; post prunes it).
import * as tc from '@actions/tool-cache'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nodeCrypto } from '../lazy-builtin.js'

export const runnerCacheTool = 'image-copy-blobs'

/** A semver version per cache key (tool-cache finds tools by semver): `1.0.0-<16 hex of the key>`. */
export function runnerCacheVersion(keyBase: string): string {
  return `1.0.0-${nodeCrypto().createHash('sha256').update(keyBase).digest('hex').slice(0, 16)}`
}

/**
 * The runner's blob directory for this key: found, or created empty (tool-cache copies a directory
 * in and marks it complete). Undefined when the runner has no tool cache (RUNNER_TOOL_CACHE unset).
 */
export async function runnerBlobDirectory(keyBase: string): Promise<string | undefined> {
  if (!process.env.RUNNER_TOOL_CACHE) return undefined
  const version = runnerCacheVersion(keyBase)
  const found = tc.find(runnerCacheTool, version)
  if (found) return found
  const empty = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'image-copy-empty-'))
  try {
    return await tc.cacheDir(empty, runnerCacheTool, version)
  } finally {
    await rm(empty, { recursive: true, force: true })
  }
}
