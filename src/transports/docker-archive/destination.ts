// Writing one image as a `docker save` archive file. Unlike upstream (which writes the target in
// place and refuses a non-empty existing file), the archive goes to a temp file beside the target
// that replaces it only at commit; close() without commit removes the temp file and leaves an
// existing target as it was. A target that is a pipe or a device (`/dev/stdout`) is written to
// directly, as upstream does.
import { createWriteStream, promises as fs } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../../errors.js'
import {
  isNotFound,
  makeDirectories,
  removeEmptyDirectories,
  removeQuietly,
  tempPath
} from '../local/files.js'
import type { ImageReference, TransportContext } from '../types.js'
import type { ArchiveSelection } from './archive-reader.js'
import { ArchiveWriter } from './archive-writer.js'
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
  const writer = new ArchiveWriter(sink, { tmpDir: ctx.tmpDir, what })
  return new TarballDestination(ref, writer, target, {
    layers: 'decompress',
    repoTags,
    mustMatchRuntimeOS: false
  })
}

async function openTarget(file: string, label: string): Promise<{ sink: TarSink; target: ArchiveTarget }> {
  let resolved = path.resolve(file)
  try {
    resolved = await fs.realpath(file)
    const stat = await fs.stat(resolved)
    if (stat.isDirectory()) throw new UsageError(`${label}: ${file} is a directory, not an archive file`)
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
  const temp = tempPath(dir, path.basename(resolved))
  let sink: FileTarSink
  try {
    sink = await FileTarSink.create(temp)
  } catch (e) {
    await removeEmptyDirectories(createdDirs)
    throw e
  }
  const target: ArchiveTarget = {
    complete: () => fs.rename(temp, resolved),
    discard: async () => {
      await removeQuietly(temp)
      await removeEmptyDirectories(createdDirs)
    }
  }
  return { sink, target }
}
