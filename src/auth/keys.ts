// Registry names as credential stores key them. Docker Hub goes by several names: references say
// `docker.io`, the API lives on `registry-1.docker.io`, old files say `index.docker.io`, and the docker
// CLI keys it `https://index.docker.io/v1/`. Auth-file keys may be URLs (`https://host`, `http://host/v1/`)
// written by older `docker login`s. The rules are containers/image `pkg/docker/config` ones
// (normalizeRegistry, normalizeAuthFileKey, authKeyLookupOrder) plus docker CLI's Docker Hub key.

/** The key the docker CLI stores Docker Hub credentials under, in files and in credential helpers. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/'
/** The registry name references use for Docker Hub. */
export const DOCKER_HUB_REGISTRY = 'docker.io'

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

export function isDockerHub(host: string): boolean {
  return DOCKER_HUB_ALIASES.has(host.toLowerCase())
}

/** The registry name used to build lookup keys: Docker Hub's aliases become `docker.io`. */
export function canonicalRegistry(host: string): string {
  return isDockerHub(host) ? DOCKER_HUB_REGISTRY : host
}

/** containers/image normalizeRegistry: Docker Hub's names become `index.docker.io`, others stay. */
export function normalizeRegistry(registry: string): string {
  return isDockerHub(registry) ? 'index.docker.io' : registry
}

/**
 * containers/image normalizeAuthFileKey: a URL key (`https://host/v1/`) loses its scheme and path, and
 * so does every key of a legacy `.dockercfg`; the remaining host is normalized.
 */
export function normalizeAuthFileKey(key: string, legacyFormat: boolean): string {
  let stripped = key
  for (const scheme of ['http://', 'https://']) {
    if (stripped.startsWith(scheme)) stripped = stripped.slice(scheme.length)
  }
  if (legacyFormat || stripped !== key) {
    const slash = stripped.indexOf('/')
    if (slash !== -1) stripped = stripped.slice(0, slash)
  }
  return normalizeRegistry(stripped)
}

/**
 * The exact keys to try for a repository, most specific first: `host/ns/repo`, `host/ns`, `host`.
 * A legacy `.dockercfg` knows hosts only.
 */
export function authKeyLookupOrder(registry: string, repository: string, legacyFormat: boolean): string[] {
  if (legacyFormat) return [registry]
  const keys: string[] = []
  let key = repository ? `${registry}/${repository}` : registry
  for (;;) {
    keys.push(key)
    const slash = key.lastIndexOf('/')
    if (slash === -1) break
    key = key.slice(0, slash)
  }
  return keys
}

/**
 * What a credential helper is asked for. Docker Hub is stored under `https://index.docker.io/v1/` by
 * `docker login` and under `docker.io` by `podman login`/containers/image, so both are asked, in that order.
 */
export function helperServerUrls(registry: string): string[] {
  return isDockerHub(registry) ? [DOCKER_HUB_AUTH_KEY, DOCKER_HUB_REGISTRY] : [registry]
}

/** True when a `credHelpers` key names the registry (exactly, or after normalization). */
export function credHelperKeyMatches(key: string, registry: string): boolean {
  return key === registry || normalizeAuthFileKey(key, false) === normalizeRegistry(registry)
}

/** A key as it may appear in messages: any `user:password@` part of a URL-shaped key is hidden. */
export function displayKey(key: string): string {
  return JSON.stringify(key.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, '$1***@'))
}
