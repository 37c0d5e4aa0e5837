// Which repositories of a registry are known to hold a blob, learned from pulls, pushes and HEADs in
// this process. A destination asks it for a repository to mount a blob from instead of uploading it.

const MAX_DIGESTS = 20_000
const known = new Map<string, Set<string>>() // `${registry} ${digest}` → repositories

function key(registry: string, digest: string): string {
  return `${registry} ${digest}`
}

export function recordBlobLocation(registry: string, repository: string, digest: string): void {
  const k = key(registry, digest)
  let repos = known.get(k)
  if (!repos) {
    if (known.size >= MAX_DIGESTS) known.delete(known.keys().next().value as string)
    repos = new Set()
    known.set(k, repos)
  }
  repos.add(repository)
}

export function forgetBlobLocation(registry: string, repository: string, digest: string): void {
  known.get(key(registry, digest))?.delete(repository)
}

/** Repositories of `registry` known to hold `digest`, most recently learned last. */
export function knownBlobLocations(registry: string, digest: string): string[] {
  return [...(known.get(key(registry, digest)) ?? [])]
}

export function clearBlobLocations(): void {
  known.clear()
}
