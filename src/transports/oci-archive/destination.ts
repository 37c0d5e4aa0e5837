// Writing an image as an OCI archive: the layout is built in a temp directory by the `oci:`
// destination, and at commit tarred to a temp file beside the target that is then renamed over it
// (containers/image oci/archive/oci_dest.go writes the target in place). Like upstream, the
// archive holds this one image; an existing file is replaced, not merged.
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { UsageError } from '../../errors.js'
import { isNotFound, makeDirectories, removeEmptyDirectories, removeQuietly } from '../local/files.js'
import { OciImageDestination } from '../oci/destination.js'
import type { OciSelection } from '../oci/reference-syntax.js'
import type {
  BlobInfo,
  BlobReuse,
  DestinationProperties,
  ImageDestination,
  ImageReference,
  PutBlobOptions,
  RawManifest,
  TransportContext,
  TryReuseOptions
} from '../types.js'
import { archiveTimestamp, packDirectory } from './tar-pack.js'
import { openTempDir, tempBeside } from '../local/stale-temps.js'

export class OciArchiveImageDestination implements ImageDestination {
  private tempArchive: string | undefined
  private createdParents: string[] = []
  private committed = false

  private constructor(
    readonly ref: ImageReference,
    private readonly layout: OciImageDestination,
    private readonly tempDir: string,
    private readonly target: string
  ) {}

  static async open(
    ref: ImageReference & { path: string; selection: OciSelection },
    ctx: TransportContext
  ): Promise<OciArchiveImageDestination> {
    if (ref.selection.kind === 'digest' || ref.selection.kind === 'index') {
      throw new UsageError(`${ref.toString()}: a destination reference must not name a digest or an index`)
    }
    const target = await resolveTarget(ref.path)
    const tempDir = await openTempDir(ctx.tmpDir ?? os.tmpdir(), 'image-copy-oci-archive-')
    try {
      const layout = await OciImageDestination.open(ref, tempDir, ref.selection, {
        ...ctx,
        sharedBlobDir: undefined
      })
      return new OciArchiveImageDestination(ref, layout, tempDir, target)
    } catch (e) {
      await removeQuietly(tempDir)
      throw e
    }
  }

  /** The layout's: the archive is that layout, tarred at commit. */
  get properties(): DestinationProperties {
    return this.layout.properties
  }

  tryReusingBlob(info: BlobInfo, options: TryReuseOptions): Promise<BlobReuse> {
    return this.layout.tryReusingBlob(info, options)
  }

  putBlob(stream: Readable, info: BlobInfo, options: PutBlobOptions): Promise<BlobInfo> {
    return this.layout.putBlob(stream, info, options)
  }

  putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    return this.layout.putManifest(manifest, instanceDigest)
  }

  putSignatures(signatures: Buffer[], instanceDigest?: string): Promise<void> {
    return this.layout.putSignatures(signatures, instanceDigest)
  }

  async commit(toplevel: RawManifest): Promise<void> {
    await this.layout.commit(toplevel)
    const dir = path.dirname(this.target)
    this.createdParents = await makeDirectories(dir)
    this.tempArchive = await tempBeside(this.target)
    await packDirectory(this.tempDir, this.tempArchive, archiveTimestamp())
    await fs.rename(this.tempArchive, this.target)
    this.tempArchive = undefined
    this.committed = true
  }

  async close(): Promise<void> {
    await this.layout.close()
    await removeQuietly(this.tempDir)
    if (this.tempArchive !== undefined) await removeQuietly(this.tempArchive)
    if (!this.committed) await removeEmptyDirectories(this.createdParents)
  }
}

/** The file to replace: symlinks followed, as upstream writes to the resolved path. */
async function resolveTarget(file: string): Promise<string> {
  try {
    const resolved = await fs.realpath(file)
    if ((await fs.stat(resolved)).isDirectory())
      throw new UsageError(`oci-archive:${file}: ${file} is a directory, not an archive file`)
    return resolved
  } catch (e) {
    if (isNotFound(e)) return path.resolve(file)
    throw e
  }
}
