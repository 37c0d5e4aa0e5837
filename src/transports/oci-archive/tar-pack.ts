// Writes a directory as a tar, deterministically: entries in depth-first byte order of their names
// (directories with a trailing `/`, no entry for the root, as upstream's TarWithOptions), uid/gid
// 0, modes 0755/0644, and one fixed mtime for every entry.
import { promises as fs, createReadStream } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import tar from 'tar-stream'
import { writeStreamToNewFile } from '../local/files.js'

interface TreeEntry {
  name: string
  file: string
  directory: boolean
  size: number
}

/** The mtime of every entry: $SOURCE_DATE_EPOCH (seconds) when set to an integer, else the Unix epoch. */
export function archiveTimestamp(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(0)
}

/** Writes `dir` as a tar to `outFile`, which must not exist; on failure nothing is left at `outFile`. */
export async function packDirectory(dir: string, outFile: string, mtime: Date): Promise<void> {
  await packDirectoryInto(dir, mtime, tarStream =>
    writeStreamToNewFile(tarStream, outFile).then(() => undefined)
  )
}

/**
 * Streams `dir` as a tar into `consume` (a file writer, an HTTP request body) and resolves with what
 * it resolves with; when either side fails, the other is stopped and the first error is thrown.
 */
export async function packDirectoryInto<T>(
  dir: string,
  mtime: Date,
  consume: (tarStream: Readable) => Promise<T>
): Promise<T> {
  const entries = await listTree(dir, '')
  const pack = tar.pack()
  // tar-stream's streams are streamx streams; Readable.from gives the Node stream our writer expects.
  const writing = consume(Readable.from(pack))
  writing.catch(() => undefined) // awaited below; this only keeps an early failure from being "unhandled"
  const common = { uid: 0, gid: 0, uname: '', gname: '', mtime }
  const produce = async (): Promise<void> => {
    for (const e of entries) {
      if (e.directory) {
        await new Promise<void>((resolve, reject) =>
          pack.entry({ ...common, name: `${e.name}/`, type: 'directory', mode: 0o755 }, err =>
            err ? reject(err) : resolve()
          )
        )
      } else {
        await pipeline(
          createReadStream(e.file),
          pack.entry({ ...common, name: e.name, type: 'file', mode: 0o644, size: e.size })
        )
      }
    }
    pack.finalize()
  }
  const producing = produce()
  producing.catch(() => undefined)
  try {
    // If writing fails first, stop waiting for entries it will never take.
    await Promise.race([producing, writing.then(() => undefined)])
  } catch (e) {
    pack.destroy(e as Error)
    await writing.catch(() => undefined)
    throw e
  }
  return writing
}

async function listTree(dir: string, prefix: string): Promise<TreeEntry[]> {
  const names = (await fs.readdir(dir)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  const out: TreeEntry[] = []
  for (const n of names) {
    const file = path.join(dir, n)
    const name = prefix === '' ? n : `${prefix}/${n}`
    const stat = await fs.lstat(file)
    if (stat.isDirectory()) {
      out.push({ name, file, directory: true, size: 0 })
      out.push(...(await listTree(file, name)))
    } else if (stat.isFile()) {
      out.push({ name, file, directory: false, size: stat.size })
    }
  }
  return out
}
