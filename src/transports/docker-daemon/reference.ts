// `docker-daemon:NAME:TAG`, `docker-daemon:NAME@DIGEST` or `docker-daemon:sha256:<image ID>`
// (containers/image docker/daemon/daemon_transport.go). Like upstream, a bare name is refused (no
// implicit :latest), the repository name `sha256` is reserved, an ID must be a full sha256, and a
// destination must be NAME:TAG.
import { UsageError } from '../../errors.js'
import { isValidDigest } from '../../manifest/index.js'
import { parseDockerReference, type DockerReference } from '../../reference/docker.js'
import type { ImageDestination, ImageReference, ImageSource, TransportContext } from '../types.js'

export class DockerDaemonReference implements ImageReference {
  readonly transport = 'docker-daemon'
  /**
   * Never set: an image ID or a repository digest names what the engine stores, not the manifest
   * this transport synthesizes from `docker save`, which the engine would check against it.
   */
  readonly digest = undefined

  constructor(
    readonly reference: string,
    /** `sha256:<hex>`: an image ID (the config digest). */
    readonly imageId: string | undefined,
    readonly name: DockerReference | undefined
  ) {}

  /** What the engine is asked for: the ID, or the name as docker prints it. */
  get engineName(): string {
    return this.imageId ?? this.name!.familiar()
  }

  toString(): string {
    return `docker-daemon:${this.reference}`
  }

  // The Engine client (and undici) is loaded only by a copy that talks to an engine.
  async newSource(ctx: TransportContext): Promise<ImageSource> {
    const { openDaemonSource } = await import('./source.js')
    return openDaemonSource(this, ctx)
  }

  async newDestination(ctx: TransportContext): Promise<ImageDestination> {
    const { openDaemonDestination } = await import('./destination.js')
    return openDaemonDestination(this, ctx)
  }
}

export function parseDockerDaemonReference(reference: string): DockerDaemonReference {
  const invalid = (reason: string, hint?: string): never => {
    throw new UsageError(`invalid docker-daemon: reference ${JSON.stringify(reference)}: ${reason}`, hint)
  }
  if (/^(sha256|sha384|sha512):[a-f0-9]+$/.test(reference) && isValidDigest(reference)) {
    if (!reference.startsWith('sha256:')) invalid('only digest algorithm sha256 is accepted for image IDs')
    return new DockerDaemonReference(reference, reference, undefined)
  }
  let name: DockerReference
  try {
    name = parseDockerReference(reference, { defaultTag: false })
  } catch (e) {
    return invalid((e as Error).message)
  }
  if (name.registry === 'docker.io' && name.repository === 'library/sha256') {
    invalid('the sha256 repository name is reserved for (non-shortened) image IDs')
  }
  if (name.tag === undefined && name.digest === undefined) {
    invalid('it has neither a tag nor a digest', `write ${reference}:latest for the latest tag`)
  }
  if (name.tag !== undefined && name.digest !== undefined)
    invalid('references with both a tag and a digest are not supported')
  return new DockerDaemonReference(reference, undefined, name)
}
