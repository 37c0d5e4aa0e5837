// `docker://` references: an image in a registry.
import { UsageError } from '../../errors.js'
import { parseDockerReference, type DockerReference } from '../../reference/docker.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'

export class DockerImageReference implements ImageReference {
  readonly transport = 'docker'
  /** Registries store no signatures we read, and serve layers as their manifests name them. */
  readonly servesImagesAsStored = true

  constructor(readonly docker: DockerReference) {}

  /** `//` and the familiar name, so that `docker:` + reference is what a user writes. */
  get reference(): string {
    return `//${this.docker.familiar()}`
  }

  get dockerReference(): DockerReference {
    return this.docker
  }

  get digest(): string | undefined {
    return this.docker.digest
  }

  toString(): string {
    return `docker:${this.reference}`
  }

  // The registry client (and node:http) is loaded only by a copy that uses a registry.
  async newSource(ctx: TransportContext): Promise<ImageSource> {
    const { DockerImageSource } = await import('./source.js')
    return DockerImageSource.open(this, ctx)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    if (this.docker.tag !== undefined && this.docker.digest !== undefined) {
      throw new UsageError(
        `destination ${this.toString()}: a registry destination cannot name both a tag and a digest`,
        'write to the tag only, or to the digest only'
      )
    }
    const { DockerImageDestination } = await import('./destination.js')
    return DockerImageDestination.open(this, ctx)
  }
}

/**
 * Parses the part after `docker://` (a leading `//` is accepted too). A reference with both a tag
 * and a digest is accepted (as docker does, the digest wins for reading); as a destination it is refused.
 */
export function parseDockerImageReference(reference: string): DockerImageReference {
  const text = reference.startsWith('//') ? reference.slice(2) : reference
  return new DockerImageReference(parseDockerReference(text))
}

export function isDockerImageReference(ref: ImageReference | undefined): ref is DockerImageReference {
  return ref instanceof DockerImageReference
}
