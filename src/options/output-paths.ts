// Paths the user gives for things written after the copy (the digest file) or during it (the blob
// cache) are checked before the copy starts: a typo must not cost a whole copy and end in a bare ENOENT.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import type { CopyRequest, OptionReader } from './request.js'

export async function checkOutputPaths(request: CopyRequest, reader: OptionReader): Promise<void> {
  if (request.digestFile) await checkDigestFile(request.digestFile, reader.label('digestfile'))
  if (request.cache.dir) await checkDirectory(request.cache.dir, reader.label('cache-dir'))
}

async function checkDigestFile(file: string, label: string): Promise<void> {
  const stat = await statOrUndefined(file)
  if (stat?.isDirectory()) throw new UsageError(`${label} ${file}: is a directory; name a file`)
  const dir = path.dirname(path.resolve(file))
  const parent = await statOrUndefined(dir)
  if (!parent) throw new UsageError(`${label} ${file}: the directory ${dir} does not exist`)
  if (!parent.isDirectory()) throw new UsageError(`${label} ${file}: ${dir} is not a directory`)
  await fs.access(stat ? file : dir, fs.constants.W_OK).catch(() => {
    throw new UsageError(`${label} ${file}: ${stat ? file : dir} is not writable`)
  })
}

/** The directory exists, or can be created: its nearest existing ancestor is a writable directory. */
async function checkDirectory(dir: string, label: string): Promise<void> {
  for (let cur = path.resolve(dir); ; cur = path.dirname(cur)) {
    const stat = await statOrUndefined(cur)
    if (stat === undefined) {
      if (path.dirname(cur) === cur) break
      continue
    }
    if (!stat.isDirectory()) {
      throw new UsageError(
        `${label} ${dir}: ${cur} is ${cur === path.resolve(dir) ? 'a file' : 'not a directory'}`
      )
    }
    await fs.access(cur, fs.constants.W_OK).catch(() => {
      throw new UsageError(`${label} ${dir}: ${cur} is not writable`)
    })
    return
  }
}

async function statOrUndefined(p: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await fs.stat(p)
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw e
  }
}
