// Referrers (signatures, SBOMs, attestations hanging off a manifest's digest by `subject`) and cosign's
// digest tags travel with the image. Found once at the source (recursively: a signature of an SBOM;
// each artifact once, loops cut), then written per destination before it commits, for every
// manifest whose digest the copy kept. A manifest whose digest changed cannot keep them: its
// referrers' `subject` would name a digest the destination does not have, so they are left behind
// and said so, never rewritten.
//
// Artifacts are copied directly, not through copyImage: their bytes must not change (a registry
// destination's policy would compress an uncompressed SBOM layer and so change the artifact's digest),
// their configs are not image configs, and the engine cannot make references to them (it never
// imports a transport). The same guarantees hold: every blob streams through a VerifyingStream
// (digest and size) into putBlob, after tryReusingBlob (exists, or a cross-repository mount).
import {
  manifestDigest,
  manifestLinks,
  matchesArtifactTypes,
  referrerDescriptor,
  type ReferrerDescriptor
} from '../manifest/index.js'
import type {
  BlobInfo,
  ImageDestination,
  ImageReference,
  ImageSource,
  RawManifest
} from '../transports/types.js'
import { ImageCopyError } from '../errors.js'
import { TAG_RE } from '../reference/docker.js'
import type { CopyEvent } from './events.js'
import type { LeftBehind, ReferrerResult } from './result.js'
import type { BlobStats } from './result.js'
import { VerifyingStream } from './verify.js'

/** What travels with the images (`referrers`, `digest-tags`, `referrers-artifact-types`). */
export interface ReferrerOptions {
  referrers: boolean
  digestTags: boolean
  /** Only referrers of these artifact types (none: all). */
  artifactTypes: string[]
}

/** More artifacts than this hanging off one copy is refused (a hostile or looping source). */
const MAX_ARTIFACTS = 1000
/** An index artifact nests manifests at most this deep. */
const MAX_NESTING = 4

/** One artifact at the source: a referrer (by `subject`) or a digest-tagged manifest (by tag). */
export interface Artifact {
  digest: string
  raw: RawManifest
  descriptor: ReferrerDescriptor
  subject: string
  tag?: string
}

/** What was found at the source: subject digest → its artifacts, in the order found. */
export interface SourceArtifacts {
  bySubject: Map<string, Artifact[]>
  /** The source cannot list referrers or digest tags (said once, not an error). */
  missing: string[]
}

interface Finder {
  source: ImageSource
  options: ReferrerOptions
  emit: (event: CopyEvent) => void
  found: Map<string, Artifact[]>
  /** Referrer digests and `tag:` names already taken: each artifact is copied once, and a loop ends. */
  seen: Set<string>
  count: number
}

/** Phase (source side): the artifacts hanging off `roots`, recursively. */
export async function findArtifacts(
  source: ImageSource,
  roots: string[],
  options: ReferrerOptions,
  emit: (event: CopyEvent) => void
): Promise<SourceArtifacts> {
  const missing: string[] = []
  if (options.referrers && !source.listReferrers) missing.push('referrers')
  if (options.digestTags && !(source.listDigestTags && source.getTaggedManifest)) missing.push('digest tags')
  const finder: Finder = { source, options, emit, found: new Map(), seen: new Set(roots), count: 0 }
  const queue = [...roots]
  const asked = new Set<string>()
  while (queue.length > 0) {
    const subject = queue.shift()!
    if (asked.has(subject)) continue
    asked.add(subject)
    const artifacts = [...(await referrersOf(finder, subject)), ...(await taggedOf(finder, subject))]
    if (artifacts.length > 0) finder.found.set(subject, artifacts)
    queue.push(...artifacts.map(a => a.digest))
  }
  return { bySubject: finder.found, missing }
}

function take(finder: Finder, key: string): boolean {
  if (finder.seen.has(key)) return false
  finder.seen.add(key)
  if (++finder.count > MAX_ARTIFACTS)
    throw new ImageCopyError(`more than ${MAX_ARTIFACTS} referrers and digest tags hang off this image`)
  return true
}

async function referrersOf(finder: Finder, subject: string): Promise<Artifact[]> {
  const { source, options } = finder
  if (!options.referrers || !source.listReferrers) return []
  const listing = await source.listReferrers(subject, options.artifactTypes)
  const artifacts: Artifact[] = []
  for (const listed of listing.descriptors) {
    if (!matchesArtifactTypes(listed, options.artifactTypes)) continue
    if (!take(finder, listed.digest)) continue // copied already, or a loop back to an ancestor
    const raw = await source.getManifest(listed.digest)
    const links = manifestLinks(raw.bytes, raw.mimeType || listed.mediaType)
    if (links.subject !== subject) {
      finder.emit({
        type: 'notice',
        message: `${listed.digest} is listed as a referrer of ${subject}, but its subject is ${links.subject ?? 'missing'}: not copied`
      })
      continue
    }
    const mimeType = links.mediaType
    const descriptor = referrerDescriptor(raw.bytes, mimeType, listed.digest)
    artifacts.push({ digest: listed.digest, raw: { bytes: raw.bytes, mimeType }, descriptor, subject })
  }
  return artifacts
}

async function taggedOf(finder: Finder, subject: string): Promise<Artifact[]> {
  const { source, options } = finder
  if (!options.digestTags || !source.listDigestTags || !source.getTaggedManifest) return []
  const artifacts: Artifact[] = []
  for (const tag of await source.listDigestTags(subject)) {
    if (!TAG_RE.test(tag)) {
      finder.emit({ type: 'notice', message: `${JSON.stringify(tag)} is not a valid tag: not copied` })
      continue
    }
    if (!take(finder, `tag:${tag}`)) continue
    const raw = await source.getTaggedManifest(tag)
    const digest = manifestDigest(raw.bytes)
    const descriptor = referrerDescriptor(raw.bytes, raw.mimeType, digest)
    const mimeType = descriptor.mediaType
    artifacts.push({ digest, raw: { bytes: raw.bytes, mimeType }, descriptor, subject, tag })
  }
  return artifacts
}

/** Where a destination's artifacts go, and what it reports. */
export interface ArtifactTarget {
  name: string
  destination: ImageDestination
  stats: BlobStats
}

export interface ArtifactsWritten {
  referrers: ReferrerResult[]
  leftBehind: LeftBehind[]
}

/**
 * Phase (per destination, before commit): the artifacts of every kept manifest (source digest =
 * written digest), depth first, each once; those of changed manifests counted and said.
 */
export async function writeArtifacts(
  found: SourceArtifacts,
  source: ImageSource,
  sourceRef: ImageReference,
  target: ArtifactTarget,
  manifests: Array<{ sourceDigest: string; digest: string }>,
  options: ReferrerOptions,
  emit: (event: CopyEvent) => void
): Promise<ArtifactsWritten> {
  const written: ArtifactsWritten = { referrers: [], leftBehind: [] }
  const done = new Set<string>()
  const refused = new Set<string>()
  if (options.referrers && !target.destination.putReferrer) refused.add('referrers')
  if (options.digestTags && !target.destination.putTaggedManifest) refused.add('digest tags')
  for (const m of manifests) {
    if (m.sourceDigest !== m.digest) {
      leaveBehind(found, m, target, written, emit)
      continue
    }
    const stack = [...(found.bySubject.get(m.sourceDigest) ?? [])].reverse()
    while (stack.length > 0) {
      const artifact = stack.pop()!
      const key = artifact.tag === undefined ? artifact.digest : `tag:${artifact.tag}`
      if (done.has(key)) continue
      done.add(key)
      const result = await writeArtifact(artifact, source, sourceRef, target)
      if (typeof result === 'string') {
        refused.add(result)
        continue
      }
      written.referrers.push(result)
      emit({ type: 'referrer-copied', destination: target.name, ...result })
      stack.push(...[...(found.bySubject.get(artifact.digest) ?? [])].reverse())
    }
  }
  for (const what of refused)
    emit({
      type: 'referrers-not-held',
      where: target.name,
      message: `${target.name} cannot hold ${what}: none were copied there`
    })
  return written
}

function leaveBehind(
  found: SourceArtifacts,
  m: { sourceDigest: string; digest: string },
  target: ArtifactTarget,
  written: ArtifactsWritten,
  emit: (event: CopyEvent) => void
): void {
  const artifacts = found.bySubject.get(m.sourceDigest) ?? []
  if (artifacts.length === 0) return
  const digests = artifacts.map(a => a.digest)
  written.leftBehind.push({ sourceDigest: m.sourceDigest, digest: m.digest, referrers: digests })
  emit({
    type: 'notice',
    message:
      `${target.name}: ${m.sourceDigest} was written as ${m.digest}, so its ${artifacts.length} ` +
      `referrer(s) and digest tag(s) could not follow (their subject names the source digest): ${digests.join(', ')}`
  })
}

/** One artifact: its blobs and child manifests, then its manifest; a string when the destination cannot hold it. */
async function writeArtifact(
  artifact: Artifact,
  source: ImageSource,
  sourceRef: ImageReference,
  target: ArtifactTarget
): Promise<ReferrerResult | string> {
  const { destination } = target
  if (artifact.tag === undefined && !destination.putReferrer) return 'referrers'
  if (artifact.tag !== undefined && !destination.putTaggedManifest) return 'digest tags'
  await writeContents(artifact.raw, source, sourceRef, target, 0)
  const result: ReferrerResult = {
    digest: artifact.digest,
    mediaType: artifact.descriptor.mediaType,
    ...(artifact.descriptor.artifactType !== undefined
      ? { artifactType: artifact.descriptor.artifactType }
      : {}),
    subject: artifact.subject,
    via: 'layout'
  }
  if (artifact.tag !== undefined) {
    await destination.putTaggedManifest!(artifact.raw, artifact.tag)
    return { ...result, tag: artifact.tag, via: 'digest-tag' }
  }
  return { ...result, via: await destination.putReferrer!(artifact.raw, artifact.digest, artifact.subject) }
}

/** The blobs of a manifest, and (for an index) its child manifests with theirs, byte for byte. */
async function writeContents(
  raw: RawManifest,
  source: ImageSource,
  sourceRef: ImageReference,
  target: ArtifactTarget,
  depth: number
): Promise<void> {
  if (depth > MAX_NESTING)
    throw new ImageCopyError(`an artifact nests manifests more than ${MAX_NESTING} deep`)
  const links = manifestLinks(raw.bytes, raw.mimeType)
  for (const [i, blob] of links.blobs.entries()) await writeBlob(blob, i === 0, source, sourceRef, target)
  for (const child of links.children) {
    const childRaw = await source.getManifest(child.digest)
    await writeContents(childRaw, source, sourceRef, target, depth + 1)
    await target.destination.putManifest(childRaw, child.digest)
  }
}

async function writeBlob(
  blob: ReferrerDescriptor,
  isConfig: boolean,
  source: ImageSource,
  sourceRef: ImageReference,
  target: ArtifactTarget
): Promise<void> {
  const info: BlobInfo = { digest: blob.digest, size: blob.size, mediaType: blob.mediaType }
  const { destination, stats } = target
  const reuse = await destination.tryReusingBlob(info, { source: sourceRef })
  if (reuse.reused) {
    if (reuse.how === 'exists') {
      stats.reusedBlobs++
      stats.reusedBytes += blob.size
    } else {
      stats.mountedBlobs++
      stats.mountedBytes += blob.size
    }
    return
  }
  const { stream } = await source.getBlob(info)
  const verifier = new VerifyingStream(blob.digest, blob.size)
  stream.on('error', e => verifier.destroy(e))
  stream.pipe(verifier)
  await destination.putBlob(verifier, info, { isConfig })
  stats.pushedBlobs++
  stats.pushedBytes += blob.size
}
