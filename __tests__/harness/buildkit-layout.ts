// An OCI layout holding a list as BuildKit (docker/build-push-action) pushes it by default: the
// example's images, then one provenance attestation manifest per image (platform unknown/unknown,
// annotations vnd.docker.reference.type/digest naming the image it describes).
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { exampleLayout, sha256 } from './local.js'

export interface BuildkitLayout {
  /** The layout directory; the list is tagged `1.0`. */
  layout: string
  listDigest: string
  images: Array<{ digest: string; platform: { os: string; architecture: string; variant?: string } }>
  /** One per image, in the same order. */
  attestations: Array<{ digest: string; of: string }>
}

interface Entry {
  mediaType: string
  digest: string
  size: number
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

async function putBlob(layout: string, bytes: Buffer): Promise<{ digest: string; size: number }> {
  const digest = sha256(bytes)
  await writeFile(path.join(layout, 'blobs', 'sha256', digest.slice(7)), bytes)
  return { digest, size: bytes.length }
}

async function attestationFor(layout: string, image: Entry): Promise<Entry> {
  const statement = await putBlob(
    layout,
    Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: 'https://slsa.dev/provenance/v0.2',
        subject: [{ name: 'pkg:docker/acme/app@1.0', digest: { sha256: image.digest.slice(7) } }],
        predicate: { builder: { id: '' }, buildType: 'https://mobyproject.org/buildkit@v1' }
      })
    )
  )
  const config = await putBlob(
    layout,
    Buffer.from(
      JSON.stringify({
        architecture: 'unknown',
        os: 'unknown',
        config: {},
        rootfs: { type: 'layers', diff_ids: [statement.digest] }
      })
    )
  )
  const manifest = await putBlob(
    layout,
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [
          {
            mediaType: 'application/vnd.in-toto+json',
            ...statement,
            annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' }
          }
        ]
      })
    )
  )
  return {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    ...manifest,
    annotations: {
      'vnd.docker.reference.digest': image.digest,
      'vnd.docker.reference.type': 'attestation-manifest'
    },
    platform: { architecture: 'unknown', os: 'unknown' }
  }
}

/** Writes the layout into `dir` (a new directory named `layout` inside it). */
export async function buildkitLayout(dir: string): Promise<BuildkitLayout> {
  const layout = path.join(dir, 'layout')
  await cp(exampleLayout, layout, { recursive: true })
  const top = JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8')) as { manifests: Entry[] }
  const inner = JSON.parse(
    await readFile(path.join(layout, 'blobs', 'sha256', top.manifests[0].digest.slice(7)), 'utf8')
  ) as { manifests: Entry[] }
  const images = inner.manifests
  const attestations: Entry[] = []
  for (const image of images) attestations.push(await attestationFor(layout, image))
  const list = await putBlob(
    layout,
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [...images, ...attestations]
      })
    )
  )
  await writeFile(
    path.join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          ...list,
          annotations: { 'org.opencontainers.image.ref.name': '1.0' }
        }
      ]
    })
  )
  return {
    layout,
    listDigest: list.digest,
    images: images.map(i => ({ digest: i.digest, platform: i.platform! })),
    attestations: attestations.map((a, i) => ({ digest: a.digest, of: images[i].digest }))
  }
}
