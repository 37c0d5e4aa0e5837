// Random access to a `docker save` archive (containers/image docker/internal/tarfile/reader.go): an
// uncompressed archive file is indexed in place (one pass over its headers); a compressed one, or
// a stream (docker-daemon), is first written once, decompressed, to a temp file removed on close.
// Entries are then streamed from the file by offset.
import { createReadStream, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline, Readable } from 'node:stream'
import { UsageError } from '../../errors.js'
import { parseDockerReference, type DockerReference } from '../../reference/docker.js'
import { ImageNotFoundError } from '../errors.js'
import { isNotFound, removeQuietly, writeStreamToNewFile } from '../local/files.js'
import type { TransportContext } from '../types.js'
import {
  MANIFEST_FILE,
  MAX_MANIFEST_JSON_SIZE,
  parseManifestJson,
  type ManifestItem
} from './archive-format.js'
import { decompressor, detectCompression, MAGIC_LENGTH } from '../../compression/streams.js'
import { peekHead } from './stream-head.js'
import { BLOCK_SIZE, decodeHeader } from './tar-header.js'
import { cleanEntryPath, indexTar, type TarEntry } from './tar-index.js'
import { openTempDir } from '../local/stale-temps.js'

/** Which image of the archive a reference means. */
export type ArchiveSelection =
  /** The only image (an error when there are several). */
  | { kind: 'only' }
  /** The image whose RepoTags include this name:tag. */
  | { kind: 'name'; name: DockerReference }
  /** The N-th element of manifest.json, from 0. */
  | { kind: 'index'; index: number }

export class ArchiveReader {
  private closed = false

  private constructor(
    /** The uncompressed archive file (ours when removeOnClose). */
    private readonly file: string,
    /** How the archive is named in messages. */
    readonly where: string,
    private readonly entries: Map<string, TarEntry>,
    readonly items: ManifestItem[],
    /** A temp directory holding `file`, removed on close. */
    private readonly tempDir: string | undefined
  ) {}

  /** Opens an archive file; `where` names it in messages. */
  static async openFile(file: string, where: string, ctx: TransportContext): Promise<ArchiveReader> {
    let stat
    try {
      stat = await fs.stat(file)
    } catch (e) {
      if (isNotFound(e)) throw new ImageNotFoundError(`${where}: archive file not found: ${file}`)
      throw e
    }
    if (!stat.isFile()) {
      // A pipe or device: read it once into a temp file, as upstream NewReaderFromStream does.
      if (stat.isDirectory()) throw new UsageError(`${where}: ${file} is a directory, not an archive file`)
      return ArchiveReader.fromStream(createReadStream(file), where, ctx)
    }
    const head = Buffer.alloc(MAGIC_LENGTH)
    const handle = await fs.open(file, 'r')
    try {
      await handle.read(head, 0, MAGIC_LENGTH, 0)
    } finally {
      await handle.close()
    }
    if (detectCompression(head) !== 'none')
      return ArchiveReader.fromStream(createReadStream(file), where, ctx)
    return ArchiveReader.index(file, where, undefined)
  }

  /** Writes a (possibly compressed) archive stream to a temp file and opens that. */
  static async fromStream(stream: Readable, where: string, ctx: TransportContext): Promise<ArchiveReader> {
    const tempDir = await openTempDir(ctx.tmpDir ?? os.tmpdir(), 'image-copy-docker-archive-')
    try {
      stream.on('error', () => undefined) // reported by the pipeline below
      const peeked = await peekHead(stream, MAGIC_LENGTH)
      const compression = detectCompression(peeked.head)
      const plain =
        compression === 'none'
          ? peeked.stream
          : pipeline(peeked.stream, decompressor(compression, where), () => undefined)
      // A stream that does not start as a tar (an endless or garbage answer) fails before it fills the disk.
      const tarHead = await peekHead(plain, BLOCK_SIZE)
      if (tarHead.head.length === BLOCK_SIZE && tarHead.head.some(b => b !== 0)) {
        decodeHeader(tarHead.head, where)
      }
      const file = path.join(tempDir, 'archive.tar')
      await writeStreamToNewFile(tarHead.stream, file)
      return await ArchiveReader.index(file, where, tempDir)
    } catch (e) {
      stream.destroy()
      await removeQuietly(tempDir)
      throw e
    }
  }

  private static async index(
    file: string,
    where: string,
    tempDir: string | undefined
  ): Promise<ArchiveReader> {
    const entries = new Map<string, TarEntry>()
    // The first entry of a name wins, as upstream's linear search finds it first.
    for (const e of await indexTar(file, where)) if (!entries.has(e.name)) entries.set(e.name, e)
    const reader = new ArchiveReader(file, where, entries, [], tempDir)
    try {
      const manifest = await reader.readFile(MANIFEST_FILE, MAX_MANIFEST_JSON_SIZE)
      reader.items.push(...parseManifestJson(manifest, where))
    } catch (e) {
      await reader.close()
      if (isNotFound(e)) {
        throw new ImageNotFoundError(
          `${where}: the archive has no manifest.json`,
          'is this a docker-archive (docker save) file? An OCI archive is read with oci-archive:'
        )
      }
      throw e
    }
    return reader
  }

  /**
   * The regular file an archive path names, following one symlink (or hard link) as upstream does.
   * Throws an ENOENT error when there is none.
   */
  entry(componentPath: string): TarEntry {
    this.checkOpen()
    const name = cleanEntryPath(componentPath)
    let entry = this.entries.get(name)
    if (entry?.type === 'symlink') {
      entry = this.entries.get(cleanEntryPath(path.posix.join(path.posix.dirname(name), entry.linkname)))
    } else if (entry?.type === 'link') {
      entry = this.entries.get(cleanEntryPath(entry.linkname))
    }
    if (entry === undefined) {
      const error = new Error(`${this.where}: the archive has no file ${JSON.stringify(name)}`) as Error & {
        code: string
      }
      error.code = 'ENOENT'
      throw error
    }
    if (entry.type !== 'file') {
      throw new Error(`${this.where}: archive component ${JSON.stringify(name)} is not a regular file`)
    }
    return entry
  }

  /** The entry's bytes as a stream read from the archive file. */
  openStream(entry: TarEntry): Readable {
    this.checkOpen()
    if (entry.size === 0) return Readable.from([])
    return createReadStream(this.file, { start: entry.offset, end: entry.offset + entry.size - 1 })
  }

  /** Up to `length` leading bytes of the entry. */
  async readHead(entry: TarEntry, length: number): Promise<Buffer> {
    this.checkOpen()
    const handle = await fs.open(this.file, 'r')
    try {
      const head = Buffer.alloc(Math.min(length, entry.size))
      await handle.read(head, 0, head.length, entry.offset)
      return head
    } finally {
      await handle.close()
    }
  }

  /** A small file of the archive, whole; `limit` guards against a hostile size. */
  async readFile(componentPath: string, limit: number): Promise<Buffer> {
    const entry = this.entry(componentPath)
    if (entry.size > limit) {
      throw new Error(
        `${this.where}: ${componentPath} is ${entry.size} bytes, more than the limit of ${limit}`
      )
    }
    const handle = await fs.open(this.file, 'r')
    try {
      const data = Buffer.alloc(entry.size)
      const { bytesRead } = await handle.read(data, 0, entry.size, entry.offset)
      if (bytesRead !== entry.size) throw new Error(`${this.where}: ${componentPath} is truncated`)
      return data
    } finally {
      await handle.close()
    }
  }

  /** The manifest.json item a selection means (tarfile/reader.go ChooseManifestItem). */
  chooseItem(selection: ArchiveSelection, label: string): ManifestItem {
    const items = this.items
    switch (selection.kind) {
      case 'name': {
        const wanted = selection.name.toString()
        for (const [i, item] of items.entries()) {
          for (const tag of item.RepoTags) {
            let normalized: string
            try {
              normalized = parseDockerReference(tag, { defaultTag: false }).toString()
            } catch (e) {
              throw new Error(
                `${this.where}: invalid tag ${JSON.stringify(tag)} in manifest.json item @${i}: ${(e as Error).message}`,
                { cause: e }
              )
            }
            if (normalized === wanted) return item
          }
        }
        throw new ImageNotFoundError(
          `${label}: tag ${JSON.stringify(wanted)} not found in ${this.where}; ${this.describeTags()}`
        )
      }
      case 'index': {
        const item = items[selection.index]
        if (item === undefined) {
          throw new ImageNotFoundError(
            `${label}: invalid source index @${selection.index}, only ${items.length} manifest items available in ${this.where}`
          )
        }
        return item
      }
      case 'only': {
        if (items.length === 1) return items[0]
        if (items.length === 0) throw new ImageNotFoundError(`${label}: ${this.where} holds no images`)
        throw new UsageError(
          `${label}: ${this.where} holds ${items.length} images; choose one (${this.describeTags()})`,
          'add :NAME:TAG or :@N (the N-th image, from 0) to the reference'
        )
      }
    }
  }

  private describeTags(): string {
    const tags = this.items.flatMap(i => i.RepoTags)
    return tags.length === 0
      ? 'its images have no tags'
      : `tags present: ${tags.map(t => JSON.stringify(t)).join(', ')}`
  }

  private checkOpen(): void {
    if (this.closed) throw new Error(`internal error: ${this.where} was read after it was closed`)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.tempDir !== undefined) await removeQuietly(this.tempDir)
  }
}
