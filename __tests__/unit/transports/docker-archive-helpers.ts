// Helpers for the docker-archive / docker-daemon tests: the engine on references, tar files built
// and read with tar-stream (an implementation independent of ours), small valid layers.
import { createReadStream, promises as fs } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { gzipSync } from 'node:zlib'
import tar from 'tar-stream'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { sha256 } from './helpers.js'

export const exampleLayout = path.join(process.cwd(), 'example', 'multiarch')
export const example = `oci:${exampleLayout}:1.0`
export const almostEmpty = path.join(
  process.cwd(),
  '__tests__',
  'fixtures',
  'containers-image',
  'docker-archive',
  'almostempty.tar'
)

export const V2S2 = 'application/vnd.docker.distribution.manifest.v2+json'
export const V2S2_CONFIG = 'application/vnd.docker.container.image.v1+json'
export const LAYER_TAR = 'application/vnd.docker.image.rootfs.diff.tar'
export const LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip'

/** The engine, as the CLI would call it; a system copy picks linux/amd64 unless told otherwise. */
export function copy(src: string, dests: string[], extra: Partial<CopyOptions> = {}) {
  return copyImage({
    source: parseImageReference(src),
    destinations: dests.map(d => parseImageReference(d)),
    selection: { kind: 'system' },
    runtimePlatform: { os: 'linux', architecture: 'amd64' },
    sparseList: 'strip',
    preserveDigests: false,
    removeSignatures: false,
    parallel: 4,
    sourceContext: {},
    destinationContext: {},
    ...extra
  })
}

export interface ListedEntry {
  name: string
  type: string
  linkname?: string
  size: number
  data: Buffer
}

/** Every entry of a tar file, in order, with its data. */
export async function tarEntries(file: string): Promise<ListedEntry[]> {
  const extract = tar.extract()
  const out: ListedEntry[] = []
  const done = pipeline(createReadStream(file), extract)
  for await (const entry of extract) {
    const chunks: Buffer[] = []
    for await (const c of entry) chunks.push(c as Buffer)
    const h = entry.header
    out.push({
      name: h.name,
      type: h.type ?? 'file',
      linkname: h.linkname ?? undefined,
      size: h.size ?? 0,
      data: Buffer.concat(chunks)
    })
  }
  await done
  return out
}

export function entryData(entries: ListedEntry[], name: string): Buffer {
  const e = entries.find(x => x.name === name)
  if (!e) throw new Error(`no entry ${name} in [${entries.map(x => x.name).join(', ')}]`)
  return e.data
}

export interface TarInput {
  name: string
  data?: Buffer
  type?: 'file' | 'symlink' | 'directory'
  linkname?: string
}

/** A tar (as bytes) of these entries, written by tar-stream. */
export async function tarBytes(entries: TarInput[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const c of Readable.from(pack)) chunks.push(c as Buffer)
  })()
  for (const e of entries) {
    await new Promise<void>((resolve, reject) =>
      pack.entry(
        { name: e.name, type: e.type ?? 'file', linkname: e.linkname, mtime: new Date(0) },
        e.type === 'symlink' || e.type === 'directory' ? Buffer.alloc(0) : (e.data ?? Buffer.alloc(0)),
        err => (err ? reject(err) : resolve())
      )
    )
  }
  pack.finalize()
  await collected
  return Buffer.concat(chunks)
}

export async function writeTar(file: string, entries: TarInput[]): Promise<void> {
  await fs.writeFile(file, await tarBytes(entries))
}

export interface LayerPair {
  tar: Buffer
  gzip: Buffer
  diffId: string
}

/** A valid layer: a tar holding one file; also gzipped. */
export async function makeLayer(fileName: string, content: string): Promise<LayerPair> {
  const layerTar = await tarBytes([{ name: fileName, data: Buffer.from(content) }])
  return { tar: layerTar, gzip: gzipSync(layerTar), diffId: sha256(layerTar) }
}

export function imageConfig(diffIds: string[], architecture = 'amd64'): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture,
      os: 'linux',
      config: { Cmd: ['/bin/sh'] },
      created: '2026-01-01T00:00:00Z',
      rootfs: { type: 'layers', diff_ids: diffIds }
    })
  )
}

export async function filesIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort()
}

export const OCI_LAYER_GZIP_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip'
export const OCI_LAYER_ZSTD_TYPE = 'application/vnd.oci.image.layer.v1.tar+zstd'

/** Writes a one-image OCI layout by hand (so its config may be anything) and returns `oci:DIR:1`. */
export async function writeOciImage(
  dir: string,
  config: Buffer,
  layers: Array<{ bytes: Buffer; mediaType: string }>
): Promise<string> {
  const blobs = path.join(dir, 'blobs', 'sha256')
  await fs.mkdir(blobs, { recursive: true })
  const put = async (bytes: Buffer): Promise<string> => {
    const digest = sha256(bytes)
    await fs.writeFile(path.join(blobs, digest.slice(7)), bytes)
    return digest
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: await put(config),
        size: config.length
      },
      layers: await Promise.all(
        layers.map(async l => ({ mediaType: l.mediaType, digest: await put(l.bytes), size: l.bytes.length }))
      )
    })
  )
  const digest = await put(manifest)
  await fs.writeFile(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  await fs.writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest,
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': '1' }
        }
      ]
    })
  )
  return `oci:${dir}:1`
}
