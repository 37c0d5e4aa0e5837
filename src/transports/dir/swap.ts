// How a `dir:` destination replaces the image at TARGET, and how a later open repairs what a
// killed process left. PARENT is TARGET's parent, NAME its base name, PID the writer's pid.
//
// Swap (the usual case). The new image is built complete in PARENT/.NAME-PID-<rand>.tmp (staging).
//   1. TARGET missing: rename(staging, TARGET). Atomic: no image, then the new one.
//   2. Else rename(TARGET, PARENT/.NAME-PID-<rand>.old); rename(staging, TARGET); remove the .old.
// POSIX has no atomic exchange of two directories (Linux renameat2 RENAME_EXCHANGE is not reachable
// from Node), so between the two renames of step 2, for the time of one syscall, TARGET is absent.
// A kill exactly there leaves the old image complete as the .old sibling; any other kill leaves the
// old image or the new one complete at TARGET, plus leftovers.
//
// Repair (recoverSwap, run when a dir: source or destination is opened): for the .tmp and .old
// siblings of NAME whose PID is dead: if TARGET is missing, the newest .old is renamed back to
// TARGET (the old image, complete); every other such sibling is removed. Siblings of live processes
// are theirs and left alone.
//
// In place (TARGET is the working directory or contains it, or PARENT is not writable). The new
// files are moved into TARGET one by one (rename replaces a file atomically; blobs and instance
// manifests are named by digest, so a name already there holds the same bytes), manifest.json
// last but for signatures; then the files of the old image that the new one does not have are
// removed. A kill before manifest.json is renamed leaves the old image complete (plus unreferenced
// new files), after it the new image complete (plus unreferenced old files, removed by the next
// commit). Only top-level signature files can be mixed: a kill between manifest.json and them
// leaves the new image with the old image's signatures, which fail verification.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { errnoCode, isNotFound, pathExists, removeQuietly, tempPath } from '../local/files.js'
import { deadTemps, isLiveTemp, sweepStaleTemps } from '../local/stale-temps.js'
import { MANIFEST_FILE } from './layout.js'

/** The label of a staging directory inside the target. */
export const STAGING_INSIDE = 'image-copy-staging'

/** The names of a dir: image's files. */
const DIR_FILE =
  /^(manifest\.json|version|(signature-\d+)|([a-z0-9]+-)?[0-9a-f]{32,}(\.manifest\.json|\.signature-\d+)?)$/

/** Step 2 of the swap; a target that cannot be moved aside (a mount point) is replaced in place. */
export async function swapIn(staging: string, target: string): Promise<void> {
  let old: string | undefined
  try {
    const { mode } = await fs.stat(target)
    await fs.chmod(staging, mode & 0o7777)
    old = tempPath(path.dirname(target), path.basename(target), 'old')
  } catch (e) {
    if (!isNotFound(e)) throw e
  }
  if (old === undefined) return fs.rename(staging, target)
  try {
    await fs.rename(target, old)
  } catch (e) {
    if (['EBUSY', 'EXDEV', 'EPERM', 'EACCES'].includes(errnoCode(e) ?? '')) {
      return replaceContents(staging, target)
    }
    throw e
  }
  try {
    await fs.rename(staging, target)
  } catch (e) {
    await fs.rename(old, target).catch(() => undefined)
    throw e
  }
  await removeQuietly(old)
}

function isSignature(name: string): boolean {
  return /(^|\.)signature-\d+$/.test(name)
}

/** Moves the staged files into `target` (manifest.json last but for signatures), then removes the old image's other files. */
export async function replaceContents(staging: string, target: string): Promise<void> {
  const staged = await fs.readdir(staging)
  const order = (n: string): number => (isSignature(n) ? 2 : n === MANIFEST_FILE ? 1 : 0)
  staged.sort((a, b) => order(a) - order(b))
  for (const name of staged) await moveInto(path.join(staging, name), target, name)
  const keep = new Set(staged)
  for (const name of await fs.readdir(target)) {
    if (keep.has(name) || path.join(target, name) === staging) continue
    if (isLiveTemp(name)) continue
    await fs.rm(path.join(target, name), { recursive: true, force: true })
  }
  await removeQuietly(staging)
}

async function moveInto(from: string, dir: string, name: string): Promise<void> {
  try {
    await fs.rename(from, path.join(dir, name))
  } catch (e) {
    if (errnoCode(e) !== 'EXDEV') throw e
    // Another file system (a mount inside the target): copy beside, then rename over.
    const temp = tempPath(dir, name)
    try {
      await fs.copyFile(from, temp)
      await fs.rename(temp, path.join(dir, name))
    } catch (copyError) {
      await removeQuietly(temp)
      throw copyError
    }
  }
}

/**
 * Repairs what killed dir: writers left at and inside `target` (see the protocol above). With
 * `readOnly` (a source), failures to write are ignored: reading must not depend on them.
 */
export async function recoverSwap(target: string, readOnly = false): Promise<void> {
  try {
    await recover(target)
  } catch (e) {
    if (!readOnly || !['EACCES', 'EPERM', 'EROFS'].includes(errnoCode(e) ?? '')) throw e
  }
}

async function recover(target: string): Promise<void> {
  const parent = path.dirname(target)
  const name = path.basename(target)
  let olds: Array<{ file: string; ctimeMs: number }> = []
  for (const t of await deadTemps(parent, t => t.label === name)) {
    if (t.kind === 'old') olds.push({ file: t.file, ctimeMs: (await fs.lstat(t.file)).ctimeMs })
    else await removeQuietly(t.file)
  }
  olds.sort((a, b) => b.ctimeMs - a.ctimeMs)
  if (olds.length > 0 && !(await pathExists(target))) {
    await fs.rename(olds[0].file, target)
    olds = olds.slice(1)
  }
  for (const o of olds) await removeQuietly(o.file)
  // Staging directories and copy temps inside the target (the in-place case); nothing else of a
  // directory that may not be an image.
  await sweepStaleTemps(target, t => t.label === STAGING_INSIDE || DIR_FILE.test(t.label))
}
