// Writing an image to a registry.
import type { Readable } from 'node:stream'
import {
  guessMimeType,
  isValidDigest,
  manifestDigest,
  MediaType,
  parseDigest,
  referrerDescriptor
} from '../../manifest/index.js'
import {
  addToFallbackIndex,
  blobExists,
  headManifest,
  isManifestTypeRejection,
  mountBlob,
  putManifest,
  putManifestAnswer,
  RegistryError,
  uploadBlob,
  type RegistryClient
} from '../../registry/index.js'
import {
  destinationProperties,
  ManifestTypeRejectedError,
  type BlobInfo,
  type BlobReuse,
  type DestinationProperties,
  type ImageDestination,
  type PutBlobOptions,
  type RawManifest,
  type ReferrerStorage,
  type TransportContext,
  type TryReuseOptions
} from '../types.js'
import { registryClientFor } from './client-factory.js'
import { isDockerImageReference, type DockerImageReference } from './reference.js'

/** What a registry accepts, in containers/image's order (docker_image_dest.go). */
export const registryManifestMimeTypes: readonly string[] = [
  MediaType.OCIManifest,
  MediaType.DockerV2Schema2,
  MediaType.OCIIndex,
  MediaType.DockerV2List,
  MediaType.DockerV2Schema1Signed,
  MediaType.DockerV2Schema1
]

/** docker_image_dest.go's, with configs taken early; the same for every registry. */
export const registryDestinationProperties: DestinationProperties = destinationProperties({
  supportedManifestMimeTypes: registryManifestMimeTypes,
  supportsSignatures:
    'storing signatures in a registry is not supported by this tool ' +
    '(neither sigstore attachments, lookaside storage nor the X-Registry-Supports-Signatures extension)',
  desiredLayerCompression: 'compress',
  acceptsForeignLayerURLs: true,
  hasThreadSafePutBlob: true,
  takesConfigsEarly: true
})

function sizeOr(size: number, fallback: number): number {
  return size >= 0 ? size : fallback
}

export class DockerImageDestination implements ImageDestination {
  readonly properties = registryDestinationProperties

  private constructor(
    readonly ref: DockerImageReference,
    private readonly client: RegistryClient
  ) {}

  static async open(ref: DockerImageReference, ctx: TransportContext): Promise<DockerImageDestination> {
    return new DockerImageDestination(ref, await registryClientFor(ref.docker, ctx, 'push'))
  }

  /**
   * Exists already in this repository (HEAD), or mountable from another repository of the same
   * registry: the source repository, or one the blob-info cache knows to hold the blob. Then, with
   * canSubstitute, the same for each variant the cache knows (another compression of the content),
   * mounted only from repositories the cache knows to hold it. A repository the cache named that
   * answers 404 is forgotten.
   */
  async tryReusingBlob(info: BlobInfo, options: TryReuseOptions): Promise<BlobReuse> {
    if (!info.digest) return { reused: false }
    const docker = this.ref.docker
    const source = options.source
    const sourceRepo =
      isDockerImageReference(source) && source.docker.registry === docker.registry
        ? [source.docker.repository]
        : []
    const direct = await this.reuseDigest(info.digest, sourceRepo)
    if (direct)
      return { reused: true, how: direct.how, info: { ...info, size: sizeOr(direct.size, info.size) } }
    if (!options.canSubstitute) return { reused: false }

    for (const variant of this.client.blobInfoCache.variants(info.digest)) {
      if (options.requiredCompression !== undefined && variant.compression !== options.requiredCompression)
        continue
      const found = await this.reuseDigest(variant.digest, [])
      if (found) {
        this.client.log(
          'debug',
          `reusing ${variant.digest} (${variant.compression}) in place of ${info.digest}`
        )
        const reused = { ...info, digest: variant.digest, size: found.size, compression: variant.compression }
        return { reused: true, how: found.how, info: reused }
      }
    }
    return { reused: false }
  }

  /** `digest` here (HEAD), else mounted from `extra` or a repository the cache knows; its size or -1. */
  private async reuseDigest(
    digest: string,
    extra: string[]
  ): Promise<{ how: 'exists' | 'mounted'; size: number } | undefined> {
    const here = await blobExists(this.client, digest)
    if (here) return { how: 'exists', size: here.size }

    const { registry, repository } = this.ref.docker
    const cache = this.client.blobInfoCache
    const candidates = new Set([...extra, ...cache.knownLocations(registry, digest)])
    candidates.delete(repository)
    for (const repo of candidates) {
      try {
        // HEAD first, as containers/image does: a mount of a missing blob opens an upload session.
        const there = await blobExists(this.client, digest, repo)
        if (!there) {
          cache.forgetKnownLocation(registry, repo, digest)
          continue
        }
        if (await mountBlob(this.client, digest, repo)) return { how: 'mounted', size: there.size }
      } catch (e) {
        this.client.log('debug', `mounting ${digest} from ${repo}: ${(e as Error).message}`)
      }
    }
    return undefined
  }

  async putBlob(stream: Readable, info: BlobInfo, _options: PutBlobOptions): Promise<BlobInfo> {
    const uploaded = await uploadBlob(this.client, stream, {
      digest: info.digest ? info.digest : undefined,
      size: info.size
    })
    return { ...info, digest: uploaded.digest, size: uploaded.size }
  }

  async putManifest(manifest: RawManifest, instanceDigest?: string): Promise<void> {
    const docker = this.ref.docker
    let tagOrDigest: string
    const expected = instanceDigest ?? (docker.tag === undefined ? docker.digest : undefined)
    if (expected !== undefined) {
      const actual = manifestDigest(manifest.bytes, parseDigest(expected).algorithm)
      if (actual !== expected) {
        throw new RegistryError(
          `writing a manifest to ${this.ref.toString()}: its digest is ${actual}, not the expected ${expected}`
        )
      }
      tagOrDigest = expected
    } else {
      tagOrDigest = docker.tag ?? 'latest'
    }
    const mimeType = manifest.mimeType || guessMimeType(manifest.bytes)
    try {
      await putManifest(this.client, tagOrDigest, manifest.bytes, mimeType)
    } catch (e) {
      if (isManifestTypeRejection(e)) throw new ManifestTypeRejectedError((e as Error).message, mimeType)
      throw e
    }
  }

  /**
   * PUT by digest; a registry with the referrers API answers OCI-Subject and lists it itself,
   * otherwise the subject's fallback tag index gets it (merged, never overwritten).
   */
  async putReferrer(manifest: RawManifest, digest: string, subject: string): Promise<ReferrerStorage> {
    const mimeType = manifest.mimeType || guessMimeType(manifest.bytes)
    const actual = manifestDigest(manifest.bytes, parseDigest(digest).algorithm)
    if (actual !== digest)
      throw new RegistryError(`writing referrer ${digest} to ${this.ref.toString()}: its digest is ${actual}`)
    const answer = await putManifestAnswer(this.client, digest, manifest.bytes, mimeType)
    if (answer.subject === subject) return 'api'
    await addToFallbackIndex(this.client, subject, referrerDescriptor(manifest.bytes, mimeType, digest))
    return 'tag'
  }

  async putTaggedManifest(manifest: RawManifest, tag: string): Promise<void> {
    const mimeType = manifest.mimeType || guessMimeType(manifest.bytes)
    await putManifest(this.client, tag, manifest.bytes, mimeType)
  }

  /**
   * A manifest HEAD of the tag (or digest): what it names and its type. The registry checked, when the
   * manifest was pushed, that its blobs and (for a list) its manifests were there. Without a valid
   * Docker-Content-Digest, or with a type we do not know, it tells nothing.
   */
  async existingManifest(): Promise<{ digest: string; mimeType: string } | undefined> {
    const docker = this.ref.docker
    const tagOrDigest = docker.tag ?? docker.digest ?? 'latest'
    const head = await headManifest(this.client, tagOrDigest, [...registryManifestMimeTypes])
    if (!head?.digestHeader || !isValidDigest(head.digestHeader)) return undefined
    if (docker.tag === undefined && docker.digest !== undefined && head.digestHeader !== docker.digest)
      return undefined
    // Only a type named exactly: normalizing would take anything unknown for schema1.
    if (!registryManifestMimeTypes.includes(head.contentType)) return undefined
    return { digest: head.digestHeader, mimeType: head.contentType }
  }

  async putSignatures(signatures: Buffer[], _instanceDigest?: string): Promise<void> {
    if (signatures.length > 0)
      throw new RegistryError(`${this.ref.toString()}: ${this.properties.supportsSignatures as string}`)
  }

  /** Registries make each manifest visible when it is written; nothing is left to commit. */
  async commit(_toplevel: RawManifest): Promise<void> {}

  /** Blobs already uploaded stay (a registry garbage-collects unreferenced blobs); connections are pooled. */
  async close(): Promise<void> {}
}
