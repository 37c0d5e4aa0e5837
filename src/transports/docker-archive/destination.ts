// Writing one image as a `docker save` archive file. Like upstream (docker/archive/dest.go), an
// existing non-empty file is refused: the archive holds one image and would be lost. Unlike
// upstream (which writes the target in place), the archive goes to a temp file beside the target
// that is published at commit (linked, so a file that appeared meanwhile is not replaced either);
// close() without commit removes the temp file. A target that is a pipe or a device
// (`/dev/stdout`) is written to directly, as upstream does.
import { createWriteStream, promises as fs } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../../errors.js'
import {
  errnoCode,
  isNotFound,
  makeDirectories,
  pathExists,
  removeEmptyDirectories,
  removeQuietly
} from '../local/files.js'
import { sweepStaleTempDirs, tempBeside } from '../local/stale-temps.js'
import os from 'node:os'
import type { ImageReference, TransportContext } from '../types.js'
import type { ArchiveSelection } from './archive-reader.js'
import { ArchiveWriter, SPOOL_PREFIX } from './archive-writer.js'
import { TarballDestination, type ArchiveTarget } from './tarball-destination.js'
import { FileTarSink, StreamTarSink, type TarSink } from './tar-sink.js'

export async function openArchiveDestination(
  ref: ImageReference & { path: string; selection: ArchiveSelection },
  ctx: TransportContext
): Promise<TarballDestination> {
  if (ref.selection.kind === 'index') {
    throw new UsageError(
      `${ref.toString()}: a destination reference must not contain a manifest index @${ref.selection.index}`
    )
  }
  const repoTags = ref.selection.kind === 'name' ? [ref.selection.name] : []
  const what = `docker archive ${ref.path}`
  const { sink, target } = await openTarget(ref.path, ref.toString())
  await sweepStaleTempDirs(ctx.tmpDir ?? os.tmpdir(), SPOOL_PREFIX)
  const writer = new ArchiveWriter(sink, { tmpDir: ctx.tmpDir, what })
  return new TarballDestination(ref, writer, target, {
    layers: 'decompress',
    repoTags,
    mustMatchRuntimeOS: false
  })
}

export class ExistingArchiveError extends UsageError {
  constructor(label: string, file: string) {
    super(
      `${label}: ${file} already exists and is not empty; docker-archive doesn't support modifying existing images`,
      'remove the file or choose another path'
    )
    this.name = 'ExistingArchiveError'
  }
}

async function openTarget(file: string, label: string): Promise<{ sink: TarSink; target: ArchiveTarget }> {
  let resolved = path.resolve(file)
  let existsEmpty = false
  try {
    resolved = await fs.realpath(file)
    const stat = await fs.stat(resolved)
    if (stat.isDirectory()) throw new UsageError(`${label}: ${file} is a directory, not an archive file`)
    if (stat.isFile() && stat.size > 0) throw new ExistingArchiveError(label, file)
    existsEmpty = stat.isFile()
    if (!stat.isFile()) {
      const out = createWriteStream(resolved, { flags: 'w' })
      const sink = new StreamTarSink(out, file)
      return { sink, target: { complete: async () => undefined, discard: async () => undefined } }
    }
  } catch (e) {
    if (!isNotFound(e)) throw e
  }
  const dir = path.dirname(resolved)
  const createdDirs = await makeDirectories(dir)
  const temp = await tempBeside(resolved)
  let sink: FileTarSink
  try {
    sink = await FileTarSink.create(temp)
  } catch (e) {
    await removeEmptyDirectories(createdDirs)
    throw e
  }
  const target: ArchiveTarget = {
    complete: () => publishArchive(temp, resolved, existsEmpty, label),
    discard: async () => {
      await removeQuietly(temp)
      await removeEmptyDirectories(createdDirs)
    }
  }
  return { sink, target }
}

/** Gives the finished archive its name; only an empty file found at open may be replaced. */
async function publishArchive(temp: string, target: string, replace: boolean, label: string): Promise<void> {
  if (replace) return fs.rename(temp, target)
  try {
    await fs.link(temp, target)
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') throw new ExistingArchiveError(label, target)
    // No hard links here: a rename, after a last look.
    if (await pathExists(target)) throw new ExistingArchiveError(label, target)
    return fs.rename(temp, target)
  }
  await removeQuietly(temp)
}
