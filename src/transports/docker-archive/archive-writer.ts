// Writes a `docker save` archive entry by entry as blobs arrive (containers/image
// docker/internal/tarfile/writer.go): configs and layers in arrival order, legacy layer directories
// once an image is complete, manifest.json and `repositories` last. `docker load` accepts that
// order, so the archive can be streamed (docker-daemon) as well as written to a file.
//
// A tar header needs the entry's size and our name for a layer needs its digest, both unknown while
// a layer is being decompressed. Into a file such a layer streams directly behind a placeholder
// header that is rewritten afterwards; into a stream it is spooled to a temp file first. Entries are
// written one at a time: a layer arriving while another is being written is spooled rather than
// held back, so that its source keeps flowing.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import os from 'node:os'
import { pipeline, type Readable } from 'node:stream'
import type { DockerReference } from '../../reference/docker.js'
import { MediaType } from '../../manifest/index.js'
import { drain, removeQuietly, tempPath, writeStreamToNewFile } from '../local/files.js'
import { openTempDir } from '../local/stale-temps.js'
import type { BlobInfo } from '../types.js'
import {
  configFileName,
  LEGACY_CONFIG_FILE,
  LEGACY_LAYER_FILE,
  LEGACY_VERSION_FILE,
  layerFileName,
  MANIFEST_FILE,
  REPOSITORIES_FILE,
  serializeManifestJson,
  serializeRepositories,
  type ManifestItem
} from './archive-format.js'
import { decompressor, sniffCompression } from '../../compression/streams.js'
import { legacyLayers } from './legacy-layers.js'
import { BLOCK_SIZE, encodeHeader, END_OF_ARCHIVE, paddingFor } from './tar-header.js'
import type { TarSink } from './tar-sink.js'

/** Temp directories of spooled layers: `<tmpDir>/<SPOOL_PREFIX><pid>-<random>`. */
export const SPOOL_PREFIX = 'image-copy-docker-archive-spool-'

/** What happens to a layer's bytes: `decompress` (docker-archive) or `preserve` (docker-daemon, as upstream). */
export type LayerPolicy = 'decompress' | 'preserve'

/** A blob written to the archive. */
export interface StoredBlob {
  info: BlobInfo
  /** The sha256 of the layer's uncompressed bytes, when known (always, with `decompress`). */
  diffId?: string
}

export interface ArchiveWriterOptions {
  /** Where layers are spooled when they cannot be streamed into the archive directly. */
  tmpDir?: string
  /** Names the archive in errors. */
  what: string
}

interface EntrySize {
  digest: string
  size: number
}

export class ArchiveWriter {
  /** Blobs by the digest they were written as, and by the digest they arrived as. */
  private readonly blobs = new Map<string, StoredBlob>()
  private readonly items: ManifestItem[] = []
  private readonly repositories = new Map<string, Map<string, string>>()
  private readonly names = new Set<string>()
  private busy = false
  private readonly waiting: Array<() => void> = []
  private spoolDir: Promise<string> | undefined
  private failure: Error | undefined
  private finished = false

  constructor(
    private readonly sink: TarSink,
    private readonly options: ArchiveWriterOptions
  ) {}

  /** A blob already in the archive, by either of its digests. */
  storedBlob(digest: string): StoredBlob | undefined {
    return this.blobs.get(digest)
  }

  /** Writes a config (read whole by the caller, as upstream does) as `<hex>.json`. */
  async putConfig(digest: string, bytes: Buffer): Promise<StoredBlob> {
    const existing = this.blobs.get(digest)
    if (existing) return existing
    await this.exclusive(() => this.writeBytesEntry(configFileName(digest), bytes))
    const stored: StoredBlob = {
      info: { digest, size: bytes.length, mediaType: MediaType.DockerV2Schema2Config }
    }
    this.blobs.set(digest, stored)
    return stored
  }

  /**
   * Writes a layer as `<hex>.tar`. With `decompress`, a compressed layer is decompressed and named by
   * its DiffID. The stream fails (at its end, for a digest mismatch) when its bytes do not verify:
   * then nothing of it stays in the archive (a file) or the archive is aborted (a stream).
   */
  async putLayer(input: Readable, info: BlobInfo, policy: LayerPolicy): Promise<StoredBlob> {
    input.on('error', () => undefined) // reported where the stream is consumed
    this.check()
    const known = this.blobs.get(info.digest)
    if (known) {
      await drain(input)
      return known
    }
    // The first bytes are put back on the stream itself: no stage between it and the archive.
    const { compression, stream } = await sniffCompression(input)
    const what = `layer ${info.digest || '(unknown digest)'}`
    const transform =
      policy === 'decompress' && compression !== 'none' ? decompressor(compression, what) : undefined
    const bytes = transform ? pipeline(stream, transform, () => undefined) : stream
    const mediaType =
      policy === 'decompress'
        ? MediaType.DockerV2SchemaLayerUncompressed
        : (info.mediaType ?? MediaType.DockerV2SchemaLayerUncompressed)
    const record = (written: EntrySize): StoredBlob => {
      const existing = this.blobs.get(written.digest)
      if (existing) {
        // The same layer, compressed differently, was written already.
        if (info.digest !== '') this.blobs.set(info.digest, existing)
        return existing
      }
      const stored: StoredBlob = {
        info: { digest: written.digest, size: written.size, mediaType },
        diffId: transform || compression === 'none' ? written.digest : undefined
      }
      this.blobs.set(written.digest, stored)
      if (info.digest !== '') this.blobs.set(info.digest, stored)
      return stored
    }

    // The entry's name and size are known up front when the bytes are stored as they come.
    const expected =
      !transform && info.digest !== '' && info.size >= 0
        ? { digest: info.digest, size: info.size }
        : undefined
    if (this.tryLock()) {
      try {
        if (expected) return record(await this.streamKnownEntry(bytes, expected, what))
        if (this.sink.seekable) return record(await this.streamUnknownEntry(bytes, what))
      } finally {
        this.unlock()
      }
    }
    const spooled = await this.spool(bytes, expected, what)
    try {
      if (!this.blobs.has(spooled.digest)) await this.exclusive(() => this.copySpool(spooled))
      return record(spooled)
    } finally {
      await removeQuietly(spooled.file)
    }
  }

  /** Records an image: its legacy layer directories now, its manifest.json item at finish. */
  async addImage(
    layerDigests: string[],
    configDigest: string,
    configBytes: Buffer,
    repoTags: DockerReference[]
  ): Promise<void> {
    const legacy = legacyLayers(layerDigests, configBytes)
    await this.exclusive(async () => {
      for (const layer of legacy) {
        if (this.names.has(`${layer.id}/${LEGACY_VERSION_FILE}`)) continue
        await this.writeSymlinkEntry(`${layer.id}/${LEGACY_LAYER_FILE}`, `../${layerFileName(layer.digest)}`)
        await this.writeBytesEntry(`${layer.id}/${LEGACY_VERSION_FILE}`, Buffer.from('1.0'))
        await this.writeBytesEntry(`${layer.id}/${LEGACY_CONFIG_FILE}`, layer.json)
      }
    })
    const config = configFileName(configDigest)
    let item = this.items.find(i => i.Config === config)
    if (item === undefined) {
      item = { Config: config, RepoTags: [], Layers: layerDigests.map(layerFileName) }
      this.items.push(item)
    }
    const top = legacy.at(-1)
    for (const ref of repoTags) {
      const tag = ref.tag ?? 'latest'
      const repoTag = `${ref.name}:${tag}`
      if (!item.RepoTags.includes(repoTag)) item.RepoTags.push(repoTag)
      if (top === undefined) continue
      let tags = this.repositories.get(ref.name)
      if (tags === undefined) this.repositories.set(ref.name, (tags = new Map()))
      tags.set(tag, top.id)
    }
  }

  /** Writes manifest.json and `repositories`, ends the archive and flushes the sink. */
  async finish(): Promise<void> {
    await this.exclusive(async () => {
      await this.writeBytesEntry(MANIFEST_FILE, serializeManifestJson(this.items))
      await this.writeBytesEntry(REPOSITORIES_FILE, serializeRepositories(this.repositories))
      await this.sink.write(END_OF_ARCHIVE)
      await this.sink.end()
      this.finished = true
    })
    await this.removeSpoolDir()
  }

  /** Abandons the archive: the sink is aborted (a file is removed) and spooled layers deleted. */
  async abort(reason: Error): Promise<void> {
    this.failure ??= reason
    if (!this.finished) await this.sink.abort(reason)
    await this.removeSpoolDir()
  }

  // ------------------------------------------------------------------------------------------------
  // Entries

  private async writeBytesEntry(name: string, bytes: Buffer): Promise<void> {
    if (this.names.has(name)) return
    await this.sink.write(encodeHeader({ name, type: 'file', size: bytes.length }))
    await this.sink.write(Buffer.concat([bytes, paddingFor(bytes.length)]))
    this.names.add(name)
  }

  private async writeSymlinkEntry(name: string, target: string): Promise<void> {
    if (this.names.has(name)) return
    await this.sink.write(encodeHeader({ name, type: 'symlink', size: 0, linkname: target }))
    this.names.add(name)
  }

  /** Streams an entry whose digest and size are known; on failure the partial entry is undone. */
  private async streamKnownEntry(bytes: Readable, expected: EntrySize, what: string): Promise<EntrySize> {
    const name = layerFileName(expected.digest)
    if (this.names.has(name)) {
      await drain(bytes)
      return expected
    }
    const start = this.sink.position
    try {
      await this.sink.write(encodeHeader({ name, type: 'file', size: expected.size }))
      await this.pump(bytes, expected.size, undefined, what)
      await this.sink.write(paddingFor(expected.size))
    } catch (e) {
      await this.undoEntry(start, e as Error)
      throw e
    }
    this.names.add(name)
    return expected
  }

  /** Streams an entry of unknown size behind a placeholder header, then writes the real header (files only). */
  private async streamUnknownEntry(bytes: Readable, what: string): Promise<EntrySize> {
    const seekable = this.sink.seekable!
    const start = this.sink.position
    let written: EntrySize
    try {
      await this.sink.write(Buffer.alloc(BLOCK_SIZE))
      const hash = createHash('sha256')
      const size = await this.pump(bytes, undefined, hash, what)
      written = { digest: `sha256:${hash.digest('hex')}`, size }
      const name = layerFileName(written.digest)
      if (this.blobs.has(written.digest) || this.names.has(name)) {
        // The same layer, compressed differently, is in the archive already.
        await seekable.truncate(start)
        return written
      }
      await this.sink.write(paddingFor(size))
      await seekable.writeAt(start, encodeHeader({ name, type: 'file', size }))
      this.names.add(name)
    } catch (e) {
      await this.undoEntry(start, e as Error)
      throw e
    }
    return written
  }

  private async copySpool(spooled: EntrySize & { file: string }): Promise<void> {
    const name = layerFileName(spooled.digest)
    if (this.names.has(name)) return
    const start = this.sink.position
    try {
      await this.sink.write(encodeHeader({ name, type: 'file', size: spooled.size }))
      await this.pump(createReadStream(spooled.file), spooled.size, undefined, `spooled ${name}`)
      await this.sink.write(paddingFor(spooled.size))
    } catch (e) {
      await this.undoEntry(start, e as Error)
      throw e
    }
    this.names.add(name)
  }

  /** A file loses the partial entry; a stream cannot, so the archive is aborted. */
  private async undoEntry(start: number, error: Error): Promise<void> {
    if (this.sink.seekable) {
      await this.sink.seekable.truncate(start).catch(async (e: Error) => this.abort(e))
    } else {
      await this.abort(
        new Error(
          `${this.options.what} was abandoned: an entry failed while it was being written: ${error.message}`
        )
      )
    }
  }

  /** Copies `bytes` into the sink, checking the size when it is known; returns the number of bytes. */
  private async pump(
    bytes: Readable,
    expectedSize: number | undefined,
    hash: ReturnType<typeof createHash> | undefined,
    what: string
  ): Promise<number> {
    let size = 0
    for await (const chunk of bytes) {
      const data = chunk as Buffer
      size += data.length
      if (expectedSize !== undefined && size > expectedSize) {
        throw new Error(`Size mismatch when copying ${what}: expected ${expectedSize} bytes, got more`)
      }
      hash?.update(data)
      await this.sink.write(data)
    }
    if (expectedSize !== undefined && size !== expectedSize) {
      throw new Error(`Size mismatch when copying ${what}: expected ${expectedSize} bytes, got ${size}`)
    }
    return size
  }

  /** Writes a layer's (decompressed) bytes to a temp file, learning its digest and size. */
  private async spool(
    bytes: Readable,
    expected: EntrySize | undefined,
    what: string
  ): Promise<EntrySize & { file: string }> {
    this.spoolDir ??= openTempDir(this.options.tmpDir ?? os.tmpdir(), SPOOL_PREFIX)
    const file = tempPath(await this.spoolDir, 'layer')
    const written = await writeStreamToNewFile(bytes, file, expected ? undefined : 'sha256')
    if (expected && written.size !== expected.size) {
      await removeQuietly(file)
      throw new Error(
        `Size mismatch when copying ${what}: expected ${expected.size} bytes, got ${written.size}`
      )
    }
    return { digest: expected?.digest ?? (written.digest as string), size: written.size, file }
  }

  private async removeSpoolDir(): Promise<void> {
    const dir = this.spoolDir
    this.spoolDir = undefined
    if (dir !== undefined) await removeQuietly(await dir.catch(() => ''))
  }

  // ------------------------------------------------------------------------------------------------
  // One entry at a time

  private tryLock(): boolean {
    if (this.busy) return false
    this.busy = true
    return true
  }

  private unlock(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.busy = false
  }

  private async exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (!this.tryLock()) await new Promise<void>(resolve => this.waiting.push(resolve))
    try {
      this.check()
      return await run()
    } finally {
      this.unlock()
    }
  }

  private check(): void {
    if (this.failure) throw this.failure
    if (this.finished)
      throw new Error(`internal error: ${this.options.what} was written after it was finished`)
  }
}
