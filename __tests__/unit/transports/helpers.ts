// Test helpers for the local transports: tiny generated images, a minimal copy loop, temp dirs.
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { gzipSync } from 'node:zlib'
import type { ImageDestination, ImageSource } from '../../../src/transports/types.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip'

export const fixturesDir = path.join(process.cwd(), '__tests__', 'fixtures', 'containers-image', 'oci-layout')

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

export interface Blob {
  bytes: Buffer
  digest: string
  size: number
  mediaType: string
}

export function blob(bytes: Buffer, mediaType: string): Blob {
  return { bytes, digest: sha256(bytes), size: bytes.length, mediaType }
}

export interface TinyImage {
  config: Blob
  layers: Blob[]
  manifest: Buffer
  digest: string
  arch: string
}

/** A one-layer OCI image whose content depends on `seed`; the layer is a (not valid tar, but gzip) byte string. */
export function tinyImage(seed: string, arch = 'amd64'): TinyImage {
  const layer = blob(gzipSync(Buffer.from(`layer content ${seed}\n`.repeat(50))), OCI_LAYER_GZIP)
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture: arch,
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [sha256(Buffer.from(seed))] },
        config: {}
      })
    ),
    OCI_CONFIG
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: config.mediaType, digest: config.digest, size: config.size },
      layers: [{ mediaType: layer.mediaType, digest: layer.digest, size: layer.size }]
    })
  )
  return { config, layers: [layer], manifest, digest: sha256(manifest), arch }
}

export function indexOf(images: TinyImage[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: images.map(i => ({
        mediaType: OCI_MANIFEST,
        digest: i.digest,
        size: i.manifest.length,
        platform: { architecture: i.arch, os: 'linux' }
      }))
    })
  )
}

export async function putBlobBytes(dest: ImageDestination, b: Blob, isConfig = false): Promise<void> {
  const reuse = await dest.tryReusingBlob({ digest: b.digest, size: b.size }, {})
  if (reuse.reused) return
  await dest.putBlob(
    Readable.from([b.bytes]),
    { digest: b.digest, size: b.size, mediaType: b.mediaType },
    { isConfig }
  )
}

/** Writes one image (blobs, manifest) and commits it. */
export async function writeImage(dest: ImageDestination, image: TinyImage): Promise<void> {
  await writeImageParts(dest, image)
  await dest.putManifest({ bytes: image.manifest, mimeType: OCI_MANIFEST })
  await dest.commit({ bytes: image.manifest, mimeType: OCI_MANIFEST })
}

export async function writeImageParts(
  dest: ImageDestination,
  image: TinyImage,
  instance = false
): Promise<void> {
  await putBlobBytes(dest, image.config, true)
  for (const l of image.layers) await putBlobBytes(dest, l)
  if (instance) await dest.putManifest({ bytes: image.manifest, mimeType: OCI_MANIFEST }, image.digest)
}

/** Writes an index of `images` and commits it. */
export async function writeIndex(dest: ImageDestination, images: TinyImage[]): Promise<Buffer> {
  for (const image of images) await writeImageParts(dest, image, true)
  const index = indexOf(images)
  await dest.putManifest({ bytes: index, mimeType: OCI_INDEX })
  await dest.commit({ bytes: index, mimeType: OCI_INDEX })
  return index
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Reads a blob through the source and returns its sha256 and size. */
export async function blobDigest(
  src: ImageSource,
  digest: string
): Promise<{ digest: string; size: number }> {
  const { stream, size } = await src.getBlob({ digest, size: -1 })
  const bytes = await readAll(stream)
  expectSame(bytes.length, size)
  return { digest: sha256(bytes), size }
}

function expectSame(a: number, b: number): void {
  if (a !== b) throw new Error(`stream gave ${a} bytes, getBlob said ${b}`)
}

/** Like the engine's verifier: passes bytes through and fails in its final callback on a digest mismatch. */
export function verifying(expected: string): Transform {
  const hash = createHash('sha256')
  return new Transform({
    transform(chunk: Buffer, _e, cb) {
      hash.update(chunk)
      cb(null, chunk)
    },
    flush(cb) {
      const actual = `sha256:${hash.digest('hex')}`
      cb(actual === expected ? null : new Error(`digest mismatch: ${actual} != ${expected}`))
    }
  })
}

/** A stream that yields some bytes and then fails. */
export function failingStream(): Readable {
  let sent = false
  return new Readable({
    read() {
      if (!sent) {
        sent = true
        this.push(Buffer.alloc(1024, 7))
      } else {
        this.destroy(new Error('source connection reset'))
      }
    }
  })
}

export async function tempDir(label: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `ica-${label}-`))
}

/** Every file under `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string, prefix: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const rel = prefix === '' ? e.name : `${prefix}/${e.name}`
      if (e.isDirectory()) await walk(path.join(d, e.name), rel)
      else out.push(rel)
    }
  }
  await walk(dir, '')
  return out.sort()
}

export async function copyDir(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true })
  // Fixtures may be read-only; tests write to their copies.
  const chmod = async (d: string): Promise<void> => {
    await fs.chmod(d, 0o755)
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await chmod(path.join(d, e.name))
      else await fs.chmod(path.join(d, e.name), 0o644)
    }
  }
  await chmod(to)
}
