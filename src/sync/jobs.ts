// What a many-image copy copies: a list of copy jobs, each one call of the engine (one source, its
// destinations). From `tags` (the tags of the src repository that match, each to the same tag under
// every dest repository) or from a skopeo sync file (each image to dest prefix + its name, as
// `skopeo sync --dest docker` names it).
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { isValidDigest } from '../manifest/index.js'
import { parseDockerReference, TAG_RE, withTagOrDigest, type DockerReference } from '../reference/docker.js'
import { listTags } from '../registry/index.js'
import { registryClientFor } from '../transports/docker/client-factory.js'
import { readIndex, refName } from '../transports/oci/layout.js'
import { isValidRefName, splitOciReference } from '../transports/oci/reference-syntax.js'
import type { TransportContext } from '../transports/types.js'
import type { ManyRequest } from './request.js'
import { parseSyncFile, type SyncRegistry } from './sync-file.js'
import { regexFilter, semverFilter, tagPattern, withExclusion, type TagFilter } from './tag-filter.js'

const MAX_SYNC_FILE_BYTES = 1 << 20

/** Source settings of one registry of a sync file, over the src-* options. */
export interface SourceOverrides {
  tlsVerify?: boolean
  certDir?: string
  credentials?: { username: string; password: string }
  /** Where the credentials come from, for the log (`sync.yml: ghcr.io.credentials`). */
  credentialsFrom?: string
}

export interface CopyJob {
  /** transport:reference */
  source: string
  destinations: string[]
  overrides?: SourceOverrides
}

/** A repository named without tag or digest: `docker://host/repo` (or `host/repo`) or `oci:PATH`. */
type Repository = { kind: 'docker'; ref: DockerReference } | { kind: 'oci'; path: string }

function parseRepository(text: string, label: string): Repository {
  const value = text.trim()
  if (value.startsWith('oci:')) {
    const { path: dir, selection } = splitOciReference(value.slice(4), 'oci')
    if (selection.kind !== 'only')
      throw new UsageError(`${label} "${value}": name the layout without a ref (oci:PATH)`)
    return { kind: 'oci', path: dir }
  }
  if (/^[a-z-]+:(?!\/\/|\d)/.test(value) && !value.startsWith('docker:')) {
    throw new UsageError(
      `${label} "${value}": many images are copied from and to docker:// repositories and oci: layouts`
    )
  }
  const bare = value.replace(/^docker:\/\//, '')
  const ref = parseDockerReference(bare, { defaultTag: false })
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new UsageError(
      `${label} "${value}": name the repository without a tag or digest (the tags come from the tag list)`
    )
  }
  return { kind: 'docker', ref }
}

function imageIn(repo: Repository, tag: string): string {
  return repo.kind === 'oci'
    ? `oci:${repo.path}:${tag}`
    : `docker://${withTagOrDigest(repo.ref, tag).toString()}`
}

async function ociTags(dir: string): Promise<string[]> {
  const index = await readIndex(dir)
  if (!index) throw new UsageError(`oci:${dir} has no index.json`)
  // A ref name that is neither a ref name nor a tag cannot name a copy: left out, as a bad tag is.
  const names = index.manifests.map(refName).filter(n => n !== '' && isValidRefName(n) && TAG_RE.test(n))
  return [...new Set(names)]
}

async function dockerTags(ref: DockerReference, ctx: TransportContext): Promise<string[]> {
  const client = await registryClientFor(withTagOrDigest(ref, 'latest'), ctx, 'pull')
  return listTags(client)
}

/** `tags`: every matching tag of src, to the same tag under each dest repository. */
export async function jobsFromTags(
  src: string,
  dests: string[],
  request: ManyRequest,
  labels: { src: string; dest: string; tags: string; excludeTags: string },
  ctx: TransportContext
): Promise<CopyJob[]> {
  const filter = withExclusion(
    tagPattern(request.tags!, labels.tags),
    request.excludeTags ? regexFilter(request.excludeTags, labels.excludeTags) : undefined
  )
  const source = parseRepository(src, labels.src)
  const targets = dests.map(d => parseRepository(d, labels.dest))
  const tags = source.kind === 'oci' ? await ociTags(source.path) : await dockerTags(source.ref, ctx)
  return tags.filter(filter).map(tag => ({
    source: imageIn(source, tag),
    destinations: targets.map(t => imageIn(t, tag))
  }))
}

/** The destination of one source under a prefix, as `skopeo sync --dest docker` names it. */
export function syncDestination(prefix: string, source: DockerReference, scoped: boolean): string {
  const full = source.toString()
  const suffix = scoped ? full : path.posix.basename(full)
  return `docker://${prefix.replace(/\/+$/, '')}/${suffix}`
}

function prefixOf(dest: string, label: string): string {
  const value = dest.trim().replace(/^docker:\/\//, '')
  const ref = parseRepository(value, label)
  if (ref.kind !== 'docker')
    throw new UsageError(
      `${label} "${dest}": with a sync file, dest is a registry prefix (docker://host/path)`
    )
  return ref.ref.name
}

interface RegistryImage {
  ref: DockerReference
  overrides: SourceOverrides
}

function overridesOf(entry: SyncRegistry, file: string): SourceOverrides {
  const from = entry.credentials ? { credentialsFrom: `${file}: ${entry.registry}.credentials` } : {}
  return { tlsVerify: entry.tlsVerify, certDir: entry.certDir, credentials: entry.credentials, ...from }
}

function repositoryIn(entry: SyncRegistry, repository: string, file: string): DockerReference {
  const ref = parseDockerReference(`${entry.registry}/${repository}`, { defaultTag: false })
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new UsageError(`${file}: ${entry.registry}: "${repository}" names an image, not a repository`)
  }
  return ref
}

/** The images one registry entry of a sync file names, tag lists read where the file asks for them. */
async function imagesOfRegistry(
  entry: SyncRegistry,
  file: string,
  exclude: TagFilter | undefined,
  contextFor: (o: SourceOverrides) => TransportContext
): Promise<RegistryImage[]> {
  const overrides = overridesOf(entry, file)
  const ctx = contextFor(overrides)
  const out: RegistryImage[] = []
  // A repository named in several sections (images, by regex, by semver) is listed once.
  const lists = new Map<string, Promise<string[]>>()
  const tagged = async (repo: DockerReference, filter: TagFilter): Promise<void> => {
    if (!lists.has(repo.name)) lists.set(repo.name, dockerTags(repo, ctx))
    const keep = withExclusion(filter, exclude)
    for (const tag of await lists.get(repo.name)!) {
      if (keep(tag)) out.push({ ref: withTagOrDigest(repo, tag), overrides })
    }
  }
  for (const { repository, refs } of entry.images) {
    const repo = repositoryIn(entry, repository, file)
    if (refs.length === 0) {
      await tagged(repo, () => true)
      continue
    }
    for (const r of refs) {
      const where = `${file}: ${entry.registry}.images.${repository}`
      if (isValidDigest(r)) out.push({ ref: withTagOrDigest(repo, undefined, r), overrides })
      else if (parseDockerReference(`${repo.name}:${r}`, { defaultTag: false }).tag === r) {
        if (!exclude?.(r)) out.push({ ref: withTagOrDigest(repo, r), overrides })
      } else throw new UsageError(`${where}: "${r}" is neither a tag nor a digest`)
    }
  }
  for (const { repository, pattern } of entry.byTagRegex) {
    const label = `${file}: ${entry.registry}.images-by-tag-regex.${repository}`
    await tagged(repositoryIn(entry, repository, file), regexFilter(pattern, label))
  }
  for (const { repository, range } of entry.bySemver) {
    const label = `${file}: ${entry.registry}.images-by-semver.${repository}`
    await tagged(repositoryIn(entry, repository, file), semverFilter(range, label))
  }
  return out
}

/** `images-file`: every image the file names, to each dest prefix. */
export async function jobsFromSyncFile(
  dests: string[],
  request: ManyRequest,
  labels: { dest: string; excludeTags: string; imagesFile: string },
  contextFor: (o: SourceOverrides) => TransportContext
): Promise<CopyJob[]> {
  const file = request.imagesFile!
  const size = await stat(file).then(
    s => s.size,
    (e: Error) => {
      throw new UsageError(`${labels.imagesFile} ${file} cannot be read: ${e.message}`)
    }
  )
  if (size > MAX_SYNC_FILE_BYTES)
    throw new UsageError(`${file} is larger than ${MAX_SYNC_FILE_BYTES} bytes; is it a sync file?`)
  const entries = await parseSyncFile(await readFile(file, 'utf8'), file)
  const exclude = request.excludeTags ? regexFilter(request.excludeTags, labels.excludeTags) : undefined
  const prefixes = dests.map(d => prefixOf(d, labels.dest))
  const jobs: CopyJob[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    for (const image of await imagesOfRegistry(entry, file, exclude, contextFor)) {
      const source = `docker://${image.ref.toString()}`
      if (seen.has(source)) continue
      seen.add(source)
      jobs.push({
        source,
        destinations: prefixes.map(p => syncDestination(p, image.ref, request.scoped)),
        overrides: image.overrides
      })
    }
  }
  return jobs
}
