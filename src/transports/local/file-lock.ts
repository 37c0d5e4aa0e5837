// A lock between processes: the file `<name>.lock`, created with O_EXCL, holding its owner's pid
// and start time. Used around a read-modify-write of one file (index.json of an OCI layout) that
// several copies may do at once.
//
// A lock whose owner is dead (no such pid, or the pid now belongs to a process that started at
// another time) is stale and broken. Breaking happens only while holding `<name>.lock.break`, also
// created with O_EXCL, and re-reads the lock under it: two processes finding one stale lock cannot
// both remove it, so neither removes the fresh lock the other took after it. A waiter backs off
// (10 ms doubling to 500 ms, with jitter) and gives up with an error naming the lock and its owner
// after `timeoutMs`.
import { promises as fs, readFileSync } from 'node:fs'
import { errnoCode, isNotFound } from './files.js'
import { isProcessAlive } from './stale-temps.js'

export const DEFAULT_LOCK_TIMEOUT_MS = 120_000

interface Owner {
  pid: number
  start: string
}

export class LockTimeoutError extends Error {
  constructor(lockFile: string, owner: string, waitedMs: number) {
    super(
      `timed out after ${Math.round(waitedMs / 1000)} s waiting for the lock ${lockFile} (held by ${owner}); if no copy is running, remove the file`
    )
    this.name = 'LockTimeoutError'
  }
}

/** The start time of a process as the kernel counts it (Linux /proc); '' where unknown. */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? ''
  } catch {
    return ''
  }
}

const self: Owner = { pid: process.pid, start: processStartTime(process.pid) }

function parseOwner(text: string): Owner | undefined {
  try {
    const o = JSON.parse(text) as Partial<Owner>
    if (Number.isSafeInteger(o.pid) && typeof o.start === 'string') return o as Owner
  } catch {
    // a lock being written, or garbage: judged by its age below
  }
  return undefined
}

function isOwnerAlive(o: Owner): boolean {
  if (!isProcessAlive(o.pid)) return false
  // The same pid, started at another time: the owner died and its pid was reused.
  const start = o.start === '' ? '' : processStartTime(o.pid)
  return start === '' || start === o.start
}

/** An unreadable lock file older than this is a writer that died between create and write. */
const UNREADABLE_STALE_MS = 10_000

async function readLock(file: string): Promise<{ text: string; stale: boolean } | undefined> {
  let text: string
  let mtimeMs: number
  try {
    text = await fs.readFile(file, 'utf8')
    mtimeMs = (await fs.stat(file)).mtimeMs
  } catch (e) {
    if (isNotFound(e)) return undefined
    throw e
  }
  const owner = parseOwner(text)
  const stale = owner === undefined ? Date.now() - mtimeMs > UNREADABLE_STALE_MS : !isOwnerAlive(owner)
  return { text, stale }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    const handle = await fs.open(file, 'wx', 0o644)
    try {
      await handle.writeFile(JSON.stringify(self))
    } catch (e) {
      await handle.close()
      await fs.rm(file, { force: true })
      throw e
    }
    await handle.close()
    return true
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false
    throw e
  }
}

/** Removes `lockFile` if it still holds `staleText`, under the break lock; false when another process is breaking it. */
async function breakStale(lockFile: string, staleText: string): Promise<boolean> {
  const breaker = `${lockFile}.break`
  if (!(await tryCreate(breaker))) {
    // A breaker that died within these few syscalls: rare enough to remove without a third lock.
    const other = await readLock(breaker)
    if (other?.stale) await fs.rm(breaker, { force: true })
    return false
  }
  try {
    const now = await readLock(lockFile)
    if (now !== undefined && now.text === staleText) await fs.rm(lockFile, { force: true })
    return true
  } finally {
    await fs.rm(breaker, { force: true })
  }
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Runs `fn` holding `<file>.lock`; waits (bounded) while another live process holds it. */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  timeoutMs = DEFAULT_LOCK_TIMEOUT_MS
): Promise<T> {
  const lockFile = `${file}.lock`
  const started = Date.now()
  for (let delay = 10; !(await tryCreate(lockFile)); delay = Math.min(delay * 2, 500)) {
    const held = await readLock(lockFile)
    if (held === undefined || (held.stale && (await breakStale(lockFile, held.text)))) continue
    const waited = Date.now() - started
    if (waited >= timeoutMs) throw new LockTimeoutError(lockFile, held?.text ?? 'unknown', waited)
    await sleep(Math.min(delay * (0.5 + Math.random()), timeoutMs - waited))
  }
  try {
    return await fn()
  } finally {
    await fs.rm(lockFile, { force: true })
  }
}
