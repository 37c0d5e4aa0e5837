// Docker image names: `[host[:port]/]path[:tag][@digest]`, normalized as docker does
// (`alpine` → `docker.io/library/alpine:latest`). The grammar is the one of distribution's
// reference package, which containers/image vendors as docker/reference.
import { UsageError } from '../errors.js'

export const DOCKER_HUB_DOMAIN = 'docker.io'
/** The host that serves the registry API for docker.io. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io'
const LEGACY_HUB_DOMAIN = 'index.docker.io'
const OFFICIAL_NAMESPACE = 'library'
export const DEFAULT_TAG = 'latest'
const NAME_MAX_LENGTH = 255

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-*)[a-z0-9]+)*'
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN_RE = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`)
const PATH_RE = new RegExp(`^${NAME_COMPONENT}(?:/${NAME_COMPONENT})*$`)
export const TAG_RE = /^[\w][\w.-]{0,127}$/
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/
const IDENTIFIER_RE = /^[a-f0-9]{64}$/
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

/** A parsed, normalized docker image reference. */
export interface DockerReference {
  /** The registry as the user names it: `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  readonly registry: string
  /** The host[:port] that serves the API (`registry-1.docker.io` for docker.io). */
  readonly apiHost: string
  /** The repository path inside the registry: `library/alpine`. */
  readonly repository: string
  readonly tag?: string
  readonly digest?: string
  /** `registry/repository`. */
  readonly name: string
  /** The short form docker prints: `alpine:latest`, `acme/app@sha256:…`. */
  familiar(): string
  /** The fully qualified form: `docker.io/library/alpine:latest`. */
  toString(): string
}

export class InvalidReferenceError extends UsageError {
  constructor(
    readonly input: string,
    reason: string
  ) {
    super(`invalid image reference "${input}": ${reason}`)
    this.name = 'InvalidReferenceError'
  }
}

class ParsedDockerReference implements DockerReference {
  readonly apiHost: string
  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly tag: string | undefined,
    readonly digest: string | undefined
  ) {
    this.apiHost = registry === DOCKER_HUB_DOMAIN ? DOCKER_HUB_API_HOST : registry
  }

  get name(): string {
    return `${this.registry}/${this.repository}`
  }

  familiar(): string {
    let name = this.name
    if (this.registry === DOCKER_HUB_DOMAIN) {
      name = this.repository
      const parts = name.split('/')
      if (parts.length === 2 && parts[0] === OFFICIAL_NAMESPACE) name = parts[1]
    }
    return name + this.suffix()
  }

  toString(): string {
    return this.name + this.suffix()
  }

  private suffix(): string {
    return (
      (this.tag !== undefined ? `:${this.tag}` : '') + (this.digest !== undefined ? `@${this.digest}` : '')
    )
  }
}

export interface ParseDockerReferenceOptions {
  /** Add `:latest` when the reference names neither a tag nor a digest (default true). */
  defaultTag?: boolean
}

/**
 * Parses `[host[:port]/]path[:tag][@digest]`. The first path component is a host only if it
 * contains `.` or `:` or is `localhost`; otherwise the image lives on docker.io, where one-component
 * names get the `library/` namespace.
 */
export function parseDockerReference(
  input: string,
  options: ParseDockerReferenceOptions = {}
): DockerReference {
  const fail = (reason: string): never => {
    throw new InvalidReferenceError(input, reason)
  }
  if (input === '') fail('the reference is empty')
  if (IDENTIFIER_RE.test(input))
    fail('a 64-character hexadecimal string is an image ID, not a repository name')
  if (/\s/.test(input)) fail('it contains white space')

  let rest = input
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    validateDigest(digest, fail)
  }

  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG_RE.test(tag)) {
      fail(
        `invalid tag "${tag}" (a tag is up to 128 letters, digits, "_", "." and "-", and does not start with "." or "-")`
      )
    }
  }

  let registry = DOCKER_HUB_DOMAIN
  let repository = rest
  const slash = rest.indexOf('/')
  if (slash >= 0) {
    const first = rest.slice(0, slash)
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first
      repository = rest.slice(slash + 1)
    }
  }
  if (registry === LEGACY_HUB_DOMAIN) registry = DOCKER_HUB_DOMAIN
  if (!DOMAIN_RE.test(registry)) fail(`invalid registry host "${registry}"`)
  const port = /:(\d+)$/.exec(registry)?.[1]
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    fail(`invalid registry host "${registry}" (port ${port} is not between 1 and 65535)`)
  }
  if (repository === '') fail('the repository name is empty')
  if (repository.toLowerCase() !== repository) fail('the repository name must be lowercase')
  if (!PATH_RE.test(repository)) {
    fail(
      `invalid repository name "${repository}" (path components are lowercase letters and digits, ` +
        'separated by "/", and may contain single ".", "_" or "__", or runs of "-" between them)'
    )
  }
  if (registry === DOCKER_HUB_DOMAIN && !repository.includes('/'))
    repository = `${OFFICIAL_NAMESPACE}/${repository}`
  if (registry.length + 1 + repository.length > NAME_MAX_LENGTH) {
    fail(`the repository name must not be more than ${NAME_MAX_LENGTH} characters`)
  }
  if (tag === undefined && digest === undefined && options.defaultTag !== false) tag = DEFAULT_TAG
  return new ParsedDockerReference(registry, repository, tag, digest)
}

function validateDigest(digest: string, fail: (reason: string) => never): void {
  if (!DIGEST_RE.test(digest))
    fail(`invalid digest "${digest}" (expected algorithm:hex, e.g. sha256:<64 hex digits>)`)
  const [algorithm, hex] = digest.split(':', 2)
  const length = DIGEST_HEX_LENGTH[algorithm]
  if (length === undefined)
    fail(`unsupported digest algorithm "${algorithm}" (supported: sha256, sha384, sha512)`)
  if (!/^[a-f0-9]+$/.test(hex)) fail(`invalid digest "${digest}" (the hex part must be lowercase)`)
  if (hex.length !== length) fail(`invalid digest "${digest}" (${algorithm} needs ${length} hex digits)`)
}

/** The same repository with another tag or digest. */
export function withTagOrDigest(ref: DockerReference, tag?: string, digest?: string): DockerReference {
  return new ParsedDockerReference(ref.registry, ref.repository, tag, digest)
}
