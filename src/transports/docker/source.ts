// Reading an image from a registry.
import type { Readable } from 'node:stream'
import {
  defaultRequestedManifestMimeTypes,
  fallbackTag,
  guessMimeTypeOrEmpty,
  manifestDigest,
  MediaType,
  parseDigest
} from '../../manifest/index.js'
import {
  getBlob,
  getManifest,
  listReferrers,
  listTags,
  RegistryError,
  type RegistryClient
} from '../../registry/index.js'
import { ImageNotFoundError } from '../errors.js'
import {
  sourceProperties,
  type BlobInfo,
  type ImageSource,
  type RawManifest,
  type ReferrerListing,
  type TransportContext
} from '../types.js'
import { registryClientFor } from './client-factory.js'
import type { DockerImageReference } from './reference.js'

/** Every manifest type we can read, in containers/image's order (DefaultRequestedManifestMIMETypes). */
export const acceptedManifestMimeTypes: readonly string[] = defaultRequestedManifestMimeTypes

/**
 * The Content-Type when it names a manifest type we know (parameters dropped), else what the bytes
 * say; a manifest nothing recognizes is taken as signed schema1, as containers/image does.
 */
export function manifestMimeType(contentType: string, bytes: Buffer): string {
  if (acceptedManifestMimeTypes.includes(contentType)) return contentType
  return guessMimeTypeOrEmpty(bytes) || MediaType.DockerV2Schema1Signed
}

export class DockerImageSource implements ImageSource {
  readonly properties = sourceProperties({ hasThreadSafeGetBlob: true })
  private toplevel?: RawManifest
  private tags?: Promise<string[]>

  private constructor(
    readonly ref: DockerImageReference,
    private readonly client: RegistryClient
  ) {}

  /** Opens the source and reads its top-level manifest, so a missing image or bad credentials fail here. */
  static async open(ref: DockerImageReference, ctx: TransportContext): Promise<DockerImageSource> {
    const source = new DockerImageSource(ref, await registryClientFor(ref.docker, ctx, 'pull'))
    await source.getManifest()
    return source
  }

  async getManifest(instanceDigest?: string): Promise<RawManifest> {
    if (instanceDigest !== undefined) {
      parseDigest(instanceDigest) // before it becomes part of a URL
      return this.fetch(instanceDigest, instanceDigest)
    }
    if (!this.toplevel) {
      // With a tag and a digest, the digest wins (as docker does).
      const docker = this.ref.docker
      const tagOrDigest = docker.digest ?? docker.tag ?? 'latest'
      this.toplevel = await this.fetch(tagOrDigest, docker.digest)
    }
    return this.toplevel
  }

  private async fetch(tagOrDigest: string, expectedDigest: string | undefined): Promise<RawManifest> {
    let fetched
    try {
      fetched = await getManifest(this.client, tagOrDigest, [...acceptedManifestMimeTypes])
    } catch (e) {
      if (e instanceof RegistryError && e.status === 404) {
        const what =
          expectedDigest === tagOrDigest && tagOrDigest !== this.ref.digest
            ? `manifest ${tagOrDigest} of `
            : ''
        const error = new ImageNotFoundError(
          `${what}image ${this.ref.toString()} not found: ${e.message}`,
          `check the repository name and the ${expectedDigest ? 'digest' : 'tag'}, and that the credentials can read it`
        )
        ;(error as { cause?: unknown }).cause = e
        throw error
      }
      throw e
    }
    if (expectedDigest !== undefined) {
      const actual = manifestDigest(fetched.bytes, parseDigest(expectedDigest).algorithm)
      if (actual !== expectedDigest) {
        throw new RegistryError(
          `reading ${this.ref.toString()}: the manifest the registry sent for ${tagOrDigest} has digest ${actual}, not ${expectedDigest}`
        )
      }
    }
    return { bytes: fetched.bytes, mimeType: manifestMimeType(fetched.contentType, fetched.bytes) }
  }

  async getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    return getBlob(this.client, { digest: info.digest, size: info.size, urls: info.urls })
  }

  /** The referrers API; the fallback tag's index when the registry has none. One artifact type is asked of the API. */
  async listReferrers(digest: string, artifactTypes: readonly string[]): Promise<ReferrerListing> {
    parseDigest(digest)
    const listing = await listReferrers(
      this.client,
      digest,
      artifactTypes.length === 1 ? artifactTypes[0] : undefined
    )
    return { descriptors: listing.descriptors, via: listing.via }
  }

  /** Tags `<alg>-<hex>.*` of the repository (the tag list is read once). */
  async listDigestTags(digest: string): Promise<string[]> {
    this.tags ??= listTags(this.client)
    const prefix = `${fallbackTag(digest)}.`
    return (await this.tags).filter(t => t.startsWith(prefix))
  }

  async getTaggedManifest(tag: string): Promise<RawManifest> {
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw new RegistryError(`${JSON.stringify(tag)} is not a valid tag`)
    return this.fetch(tag, undefined)
  }

  /** No signature storage is read from registries (see registryDestinationProperties.supportsSignatures). */
  async getSignatures(_instanceDigest?: string): Promise<Buffer[]> {
    return []
  }

  async close(): Promise<void> {
    // Connections are pooled per registry host for the whole process; nothing to release here.
  }
}
