// Small generated images and helpers shared by the registry integration tests.
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { parseDockerImageReference } from '../../../src/transports/docker/index.js'
import type { ImageDestination, ImageSource, TransportContext } from '../../../src/transports/types.js'

const run = promisify(execFile)

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const V2S2 = 'application/vnd.docker.distribution.manifest.v2+json'
export const V2S1 = 'application/vnd.docker.distribution.manifest.v1+json'

export interface TestBlob {
  digest: string
  size: number
  mediaType: string
  data: Buffer
}

export interface TestImage {
  config: TestBlob
  layers: TestBlob[]
  manifest: Buffer
  mimeType: string
  digest: string
}

export function sha256(data: Buffer): string {
  return 'sha256:' + createHash('sha256').update(data).digest('hex')
}

function blob(data: Buffer, mediaType: string): TestBlob {
  return { digest: sha256(data), size: data.length, mediaType, data }
}

/** A config and gzip layers (random content, so every image is new to the registry). */
export function makeImage(
  options: { format?: 'oci' | 'v2s2'; layerSizes?: number[]; arch?: string } = {}
): TestImage {
  const format = options.format ?? 'oci'
  const arch = options.arch ?? 'amd64'
  const layers = (options.layerSizes ?? [3000, 5000]).map(n =>
    blob(
      gzipSync(randomBytes(n), { level: 1 }),
      format === 'oci'
        ? 'application/vnd.oci.image.layer.v1.tar+gzip'
        : 'application/vnd.docker.image.rootfs.diff.tar.gzip'
    )
  )
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture: arch,
        os: 'linux',
        config: { Env: [`NONCE=${randomBytes(8).toString('hex')}`] },
        rootfs: { type: 'layers', diff_ids: layers.map(l => sha256(l.data)) }
      })
    ),
    format === 'oci'
      ? 'application/vnd.oci.image.config.v1+json'
      : 'application/vnd.docker.container.image.v1+json'
  )
  const mimeType = format === 'oci' ? OCI_MANIFEST : V2S2
  const manifest = Buffer.from(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: mimeType,
        config: { mediaType: config.mediaType, digest: config.digest, size: config.size },
        layers: layers.map(l => ({ mediaType: l.mediaType, digest: l.digest, size: l.size }))
      },
      null,
      3
    )
  )
  return { config, layers, manifest, mimeType, digest: sha256(manifest) }
}

export function makeIndex(images: TestImage[]): { bytes: Buffer; digest: string } {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: images.map((im, i) => ({
        mediaType: im.mimeType,
        digest: im.digest,
        size: im.manifest.length,
        platform: { architecture: i === 0 ? 'amd64' : 'arm64', os: 'linux' }
      }))
    })
  )
  return { bytes, digest: sha256(bytes) }
}

export function registryContext(extra: TransportContext['registry'] = {}): TransportContext {
  return { registry: { tlsVerify: false, ...extra } }
}

export async function openDestination(ref: string, ctx: TransportContext): Promise<ImageDestination> {
  return parseDockerImageReference(ref).newDestination(ctx)
}

export async function openSource(ref: string, ctx: TransportContext): Promise<ImageSource> {
  return parseDockerImageReference(ref).newSource(ctx)
}

/** Pushes blobs (skipping those the destination already has or can mount) and the manifest. */
export async function pushImage(
  dest: ImageDestination,
  image: TestImage,
  options: { instance?: boolean; sourceRef?: string } = {}
): Promise<Array<'exists' | 'mounted' | 'pushed'>> {
  const outcomes: Array<'exists' | 'mounted' | 'pushed'> = []
  const source = options.sourceRef ? parseDockerImageReference(options.sourceRef) : undefined
  for (const b of [...image.layers, image.config]) {
    const info = { digest: b.digest, size: b.size, mediaType: b.mediaType }
    const reuse = await dest.tryReusingBlob(info, { source })
    if (reuse.reused) {
      outcomes.push(reuse.how)
      continue
    }
    const stored = await dest.putBlob(Readable.from([b.data]), info, { isConfig: b === image.config })
    if (stored.digest !== b.digest || stored.size !== b.size) throw new Error('putBlob stored something else')
    outcomes.push('pushed')
  }
  const manifest = { bytes: image.manifest, mimeType: image.mimeType }
  await dest.putManifest(manifest, options.instance ? image.digest : undefined)
  if (!options.instance) await dest.commit(manifest)
  return outcomes
}

export async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

export async function skopeo(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('skopeo', ['--insecure-policy', ...args], {
    maxBuffer: 64 << 20,
    env: { ...process.env, HOME: process.env.HOME ?? '/tmp' }
  })
}

/** An OCI layout with one image (or an index of images) under `tag`, for skopeo to push. */
export async function writeOciLayout(
  dir: string,
  images: TestImage[],
  tag: string
): Promise<{ digest: string; mimeType: string; bytes: Buffer }> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  const put = (digest: string, data: Buffer): Promise<void> =>
    writeFile(join(dir, 'blobs', 'sha256', digest.slice(7)), data)
  for (const im of images) {
    for (const b of [...im.layers, im.config]) await put(b.digest, b.data)
    await put(im.digest, im.manifest)
  }
  let top: { digest: string; mimeType: string; bytes: Buffer }
  if (images.length === 1) {
    top = { digest: images[0].digest, mimeType: images[0].mimeType, bytes: images[0].manifest }
  } else {
    const index = makeIndex(images)
    await put(index.digest, index.bytes)
    top = { digest: index.digest, mimeType: OCI_INDEX, bytes: index.bytes }
  }
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: top.mimeType,
          digest: top.digest,
          size: top.bytes.length,
          annotations: { 'org.opencontainers.image.ref.name': tag }
        }
      ]
    })
  )
  return top
}

/** Every string in `secrets` that occurs in `text`. */
export function leakedSecrets(text: string, secrets: Iterable<string>): string[] {
  return [...secrets].filter(s => s.length >= 4 && text.includes(s))
}
