// Temp entries carry the pid of the process that made them (`.<label>-<pid>-<random>.<kind>`, or
// `<prefix><pid>-<random>` for temp directories), so that a later process can tell the leftovers of
// a killed copy from the work of a live one and remove only the former (`process.kill(pid, 0)`).
// A pid reused by an unrelated live process only delays a sweep; it never removes live work.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { errnoCode, isNotFound, pidStamp, removeQuietly, tempPath } from './files.js'

export type TempKind = 'tmp' | 'old'

const TEMP_NAME = /^\.(.+)-(\d+)-([0-9a-f]{16})\.(tmp|old)$/

export interface TempName {
  label: string
  pid: number
  kind: TempKind
}

/** The parts of a name tempPath made; undefined for any other name. */
export function parseTempName(name: string): TempName | undefined {
  const m = TEMP_NAME.exec(name)
  return m ? { label: m[1], pid: Number(m[2]), kind: m[4] as TempKind } : undefined
}

/** Whether a process with this pid exists (EPERM: it exists, owned by someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return errnoCode(e) === 'EPERM'
  }
}

/** A fresh temp directory `<parent>/<prefix><pid>-<random>`. */
export async function makeTempDir(parent: string, prefix: string): Promise<string> {
  const dir = path.join(parent, `${prefix}${pidStamp()}`)
  await fs.mkdir(dir, { mode: 0o700 })
  return dir
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir)
  } catch (e) {
    if (isNotFound(e) || errnoCode(e) === 'ENOTDIR' || errnoCode(e) === 'EACCES') return []
    throw e
  }
}

/** Whether `name` is a temp entry of a process that is still running (never to be touched). */
export function isLiveTemp(name: string): boolean {
  const t = parseTempName(name)
  return t !== undefined && isProcessAlive(t.pid)
}

/** The temp entries in `dir` that dead processes left, for the labels `accept` takes (all when absent). */
export async function deadTemps(
  dir: string,
  accept: (t: TempName) => boolean = () => true
): Promise<Array<TempName & { file: string }>> {
  const found: Array<TempName & { file: string }> = []
  for (const name of await namesIn(dir)) {
    const t = parseTempName(name)
    if (t !== undefined && accept(t) && !isProcessAlive(t.pid))
      found.push({ ...t, file: path.join(dir, name) })
  }
  return found
}

/** Removes the temp entries in `dir` that dead processes left, for the labels `accept` takes. */
export async function sweepStaleTemps(dir: string, accept?: (t: TempName) => boolean): Promise<void> {
  for (const t of await deadTemps(dir, accept)) await removeQuietly(t.file)
}

/** A fresh temp name beside `target` (`.<name>-<pid>-<random>.tmp`), after removing dead processes' ones. */
export async function tempBeside(target: string): Promise<string> {
  const dir = path.dirname(target)
  const name = path.basename(target)
  await sweepStaleTemps(dir, t => t.label === name)
  return tempPath(dir, name)
}

/** Removes `<prefix><pid>-<random>` directories in `parent` whose process is dead. */
export async function sweepStaleTempDirs(parent: string, prefix: string): Promise<void> {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(\\d+)-[0-9a-f]{16}$`)
  for (const name of await namesIn(parent)) {
    const m = pattern.exec(name)
    if (m !== null && !isProcessAlive(Number(m[1]))) await removeQuietly(path.join(parent, name))
  }
}

/** Sweeps the `<prefix><pid>-<random>` directories of dead processes in `parent`, then makes one. */
export async function openTempDir(parent: string, prefix: string): Promise<string> {
  await sweepStaleTempDirs(parent, prefix)
  return makeTempDir(parent, prefix)
}
