// Shared by the Actions cache integration tests: a recording log, quiet library calls, blob helpers,
// and listing the archive @actions/cache uploaded.
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { accessSync, constants, createReadStream } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { CacheLog } from '../../../src/cache/actions-cache.js'
import { BlobDirectory } from '../../../src/cache/blob-directory.js'
import {
  archiveCompression,
  cacheEnv,
  cacheEnvUnset,
  captureStdout,
  setProcessEnv,
  startCacheServer,
  type CacheServer
} from '../../harness/cache-server.js'

const run = promisify(execFile)

export interface RecordingLog extends CacheLog {
  lines: Array<{ level: 'info' | 'notice' | 'warning'; message: string }>
  of(level: 'info' | 'notice' | 'warning'): string[]
}

export function recordingLog(): RecordingLog {
  const lines: RecordingLog['lines'] = []
  return {
    lines,
    info: message => lines.push({ level: 'info', message }),
    notice: message => lines.push({ level: 'notice', message }),
    warning: message => lines.push({ level: 'warning', message }),
    of: level => lines.filter(l => l.level === level).map(l => l.message)
  }
}

/**
 * Runs `work` with process.stdout captured (the library's @actions/core lines), returning its result
 * and the `::warning::`/`::error::` lines that reached stdout.
 */
export async function quietly<T>(
  work: () => Promise<T>
): Promise<{ result: T; annotations: string[]; stdout: string }> {
  const capture = captureStdout()
  try {
    const result = await work()
    return { result, annotations: capture.annotations(), stdout: capture.text() }
  } finally {
    capture.restore()
  }
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export async function fileSha256Hex(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Stores `bytes` through the cache's writer, as the engine does; returns the hex digest. */
export async function putBlob(cache: BlobDirectory, bytes: Buffer): Promise<string> {
  const hex = sha256Hex(bytes)
  const writer = await cache.begin(`sha256:${hex}`)
  writer.stream.end(bytes)
  await writer.commit()
  return hex
}

/** Incompressible test data. */
export function randomBlob(size: number): Buffer {
  return randomBytes(size)
}

/**
 * The compression @actions/cache picks: zstd when `zstd` is on PATH (only PATH: it runs `zstd --version`),
 * else gzip.
 */
export function expectedCompression(): 'zstd' | 'gzip' {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)
  const found = dirs.some(d => {
    try {
      accessSync(path.join(d, 'zstd'), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
  return found ? 'zstd' : 'gzip'
}

/** The member names of a stored archive (zstd or gzip compressed tar, as @actions/cache writes it). */
export async function listArchive(file: string): Promise<{ compression: string; names: string[] }> {
  const compression = await archiveCompression(file)
  if (!compression) throw new Error(`${file} is neither zstd nor gzip`)
  const args = compression === 'zstd' ? ['--use-compress-program', 'unzstd', '-tf', file] : ['-tzf', file]
  const { stdout } = await run('tar', args, { maxBuffer: 64 << 20 })
  return { compression, names: stdout.split('\n').filter(Boolean) }
}

/**
 * A cache server with the test env in process.env and one blob saved-worthy in `<workspace>/blobs`,
 * for the fault tests. `stop` closes the server with stdout captured: calls the 'hang' fault left
 * pending fail when their connections are destroyed, and what the library then prints stays out of
 * the test output.
 */
export async function faultFixture(): Promise<{
  server: CacheServer
  dir: string
  hex: string
  stop(): Promise<void>
}> {
  const server = await startCacheServer()
  const restoreEnv = setProcessEnv({ ...cacheEnvUnset, ...cacheEnv(server) })
  const dir = path.join(server.workspace, 'blobs')
  const hex = await putBlob(new BlobDirectory(dir), Buffer.from('a blob worth saving'))
  return {
    server,
    dir,
    hex,
    stop: async () => {
      const capture = captureStdout()
      try {
        await server.close()
        await new Promise(resolve => setTimeout(resolve, 300))
      } finally {
        capture.restore()
        restoreEnv()
      }
    }
  }
}
