/**
 * Artifacts for referrers tests, made as the OCI image-spec 1.1 shapes them, and a plain distribution
 * API client (fetch, no code of ours) to push and read them on an open http registry.
 *
 *   const sbom = artifact({ artifactType: 'application/spdx+json', subject, layers: [{ mediaType, bytes }] })
 *   await pushArtifact(registry.url, 'src/app', sbom)          // blobs, then the manifest by digest
 *   await addToFallbackIndex(registry.url, 'src/app', subject.digest, sbom)  // as a client does on 2.8
 *   const sig = cosignSignature(imageDigest, 'docker.io/acme/app')           // a `sha256-<hex>.sig` manifest
 */
import { createHash } from 'node:crypto'

export const EMPTY_CONFIG = { mediaType: 'application/vnd.oci.empty.v1+json', bytes: Buffer.from('{}') }
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

export interface Artifact {
  bytes: Buffer
  digest: string
  mediaType: string
  artifactType?: string
  blobs: Buffer[]
  descriptor: Descriptor
}

export const sha256 = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

function describe(mediaType: string, bytes: Buffer): Descriptor {
  return { mediaType, digest: sha256(bytes), size: bytes.length }
}

/** An OCI artifact manifest: the empty config, `artifactType`, a `subject`, and its layers. */
export function artifact(o: {
  artifactType: string
  subject?: Descriptor
  layers: Array<{ mediaType: string; bytes: Buffer; annotations?: Record<string, string> }>
  annotations?: Record<string, string>
  config?: { mediaType: string; bytes: Buffer }
}): Artifact {
  const config = o.config ?? EMPTY_CONFIG
  const doc: Record<string, unknown> = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: o.artifactType,
    config: describe(config.mediaType, config.bytes),
    layers: o.layers.map(l => ({
      ...describe(l.mediaType, l.bytes),
      ...(l.annotations ? { annotations: l.annotations } : {})
    }))
  }
  if (o.subject)
    doc.subject = { mediaType: o.subject.mediaType, digest: o.subject.digest, size: o.subject.size }
  if (o.annotations) doc.annotations = o.annotations
  const bytes = Buffer.from(JSON.stringify(doc))
  const digest = sha256(bytes)
  const descriptor: Descriptor = {
    mediaType: OCI_MANIFEST,
    digest,
    size: bytes.length,
    artifactType: o.artifactType
  }
  if (o.annotations) descriptor.annotations = o.annotations
  return {
    bytes,
    digest,
    mediaType: OCI_MANIFEST,
    artifactType: o.artifactType,
    blobs: [config.bytes, ...o.layers.map(l => l.bytes)],
    descriptor
  }
}

/** A cosign signature as cosign writes it under `sha256-<hex>.sig`: a simple-signing payload layer with its signature annotation. */
export function cosignSignature(imageDigest: string, dockerReference: string): Artifact {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': imageDigest },
        type: 'cosign container image signature'
      },
      optional: null
    })
  )
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      os: '',
      config: {},
      rootfs: { type: 'layers', diff_ids: [sha256(payload)] }
    })
  )
  const made = artifact({
    artifactType: 'application/vnd.oci.image.config.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', bytes: config },
    layers: [
      {
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        bytes: payload,
        annotations: {
          'dev.cosignproject.cosign/signature': Buffer.from(`sig-of-${imageDigest}`).toString('base64')
        }
      }
    ]
  })
  // cosign's manifests carry no artifactType field: rebuild without it.
  const doc = JSON.parse(made.bytes.toString('utf8')) as Record<string, unknown>
  delete doc.artifactType
  const bytes = Buffer.from(JSON.stringify(doc))
  return {
    ...made,
    bytes,
    digest: sha256(bytes),
    artifactType: undefined,
    descriptor: describe(OCI_MANIFEST, bytes)
  }
}

export function fallbackTagOf(digest: string): string {
  return digest.replace(':', '-')
}

export async function pushBlob(base: string, repo: string, bytes: Buffer): Promise<void> {
  const digest = sha256(bytes)
  const head = await fetch(`${base}/v2/${repo}/blobs/${digest}`, { method: 'HEAD' })
  if (head.status === 200) return
  const start = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: 'POST' })
  if (start.status !== 202) throw new Error(`POST upload: ${start.status}`)
  const location = new URL(start.headers.get('location')!, base)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': 'application/octet-stream' }
  })
  if (put.status !== 201) throw new Error(`PUT blob: ${put.status} ${await put.text()}`)
}

export async function putManifest(
  base: string,
  repo: string,
  ref: string,
  bytes: Buffer,
  mediaType: string
): Promise<Headers> {
  const res = await fetch(`${base}/v2/${repo}/manifests/${ref}`, {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': mediaType }
  })
  if (res.status !== 201) throw new Error(`PUT manifest ${repo}:${ref}: ${res.status} ${await res.text()}`)
  return res.headers
}

/** The blobs, then the manifest by digest (or by `tag`). */
export async function pushArtifact(base: string, repo: string, a: Artifact, tag?: string): Promise<Headers> {
  for (const blob of a.blobs) await pushBlob(base, repo, blob)
  return putManifest(base, repo, tag ?? a.digest, a.bytes, a.mediaType)
}

export async function getManifest(
  base: string,
  repo: string,
  ref: string
): Promise<{ bytes: Buffer; digest: string; contentType: string } | undefined> {
  const res = await fetch(`${base}/v2/${repo}/manifests/${ref}`, {
    headers: {
      accept: [
        OCI_MANIFEST,
        OCI_INDEX,
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.docker.distribution.manifest.list.v2+json'
      ].join(', ')
    }
  })
  if (res.status === 404) return undefined
  if (res.status !== 200) throw new Error(`GET manifest ${repo}:${ref}: ${res.status}`)
  const bytes = Buffer.from(await res.arrayBuffer())
  return { bytes, digest: sha256(bytes), contentType: res.headers.get('content-type') ?? '' }
}

/** The descriptors of the fallback tag index of `subject` (none when the tag does not exist). */
export async function fallbackIndex(base: string, repo: string, subject: string): Promise<Descriptor[]> {
  const got = await getManifest(base, repo, fallbackTagOf(subject))
  return got ? (JSON.parse(got.bytes.toString('utf8')) as { manifests: Descriptor[] }).manifests : []
}

/** Adds descriptors to the fallback tag index of `subject`, as a client on a registry without the API does. */
export async function addToFallbackIndex(
  base: string,
  repo: string,
  subject: string,
  ...descs: Descriptor[]
): Promise<void> {
  const manifests = [...(await fallbackIndex(base, repo, subject)), ...descs]
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }))
  await putManifest(base, repo, fallbackTagOf(subject), bytes, OCI_INDEX)
}

/** Takes one digest out of the fallback tag index of `subject` (a test putting back what it added). */
export async function removeFromFallbackIndex(
  base: string,
  repo: string,
  subject: string,
  digest: string
): Promise<void> {
  const manifests = (await fallbackIndex(base, repo, subject)).filter(d => d.digest !== digest)
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }))
  await putManifest(base, repo, fallbackTagOf(subject), bytes, OCI_INDEX)
}

export async function tagsOf(base: string, repo: string): Promise<string[]> {
  const res = await fetch(`${base}/v2/${repo}/tags/list`)
  return ((await res.json()) as { tags: string[] | null }).tags ?? []
}

/**
 * Adds an artifact to an OCI layout as oras lays it out: its blobs, its manifest, and an index.json
 * entry (without a ref name unless `refName` is given).
 */
export async function addToLayout(layout: string, a: Artifact, refName?: string): Promise<void> {
  const { mkdir, readFile, writeFile } = await import('node:fs/promises')
  const path = await import('node:path')
  const dir = path.join(layout, 'blobs', 'sha256')
  await mkdir(dir, { recursive: true })
  for (const blob of [...a.blobs, a.bytes]) await writeFile(path.join(dir, sha256(blob).slice(7)), blob)
  const indexFile = path.join(layout, 'index.json')
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as { manifests: Descriptor[] }
  const entry: Descriptor = { mediaType: a.mediaType, digest: a.digest, size: a.bytes.length }
  if (refName) entry.annotations = { 'org.opencontainers.image.ref.name': refName }
  index.manifests.push(entry)
  await writeFile(indexFile, JSON.stringify(index))
}
