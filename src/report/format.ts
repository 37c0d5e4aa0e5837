// Text shared by the CLI's and the Action's logs: sizes, short digests, instance tables, totals.
import { formatPlatform } from '../manifest/index.js'
import { formatBytes } from '../bytes.js'
import { escapeText } from './escape.js'
import type {
  BlobStats,
  CopyResult,
  DestinationResult,
  InstanceResult,
  ReferrerResult
} from '../copy/result.js'

export function shortDigest(d: string | undefined): string {
  if (!d) return '-'
  const [alg, hex] = d.split(':')
  return `${alg}:${hex.slice(0, 12)}`
}

export function mediaTypeName(t: string): string {
  const names: Record<string, string> = {
    'application/vnd.oci.image.manifest.v1+json': 'oci',
    'application/vnd.oci.image.index.v1+json': 'oci-index',
    'application/vnd.docker.distribution.manifest.v2+json': 'v2s2',
    'application/vnd.docker.distribution.manifest.list.v2+json': 'docker-list',
    'application/vnd.docker.distribution.manifest.v1+prettyjws': 'v2s1',
    'application/vnd.docker.distribution.manifest.v1+json': 'v2s1'
  }
  return names[t] ?? t
}

/** Rows of cells as aligned text; cells are escaped (a platform or media type comes from a manifest). */
export function table(cells: string[][]): string {
  const rows = cells.map(r => r.map(escapeText))
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)))
  return rows
    .map(r =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

/** The platform column: `linux/arm64`, or `attestation of linux/arm64` for a BuildKit attestation. */
export function platformLabel(i: InstanceResult, all: InstanceResult[]): string {
  if (i.attests !== undefined) {
    const of = all.find(o => o.sourceDigest === i.attests)
    return `attestation of ${of?.platform ? formatPlatform(of.platform) : shortDigest(i.attests)}`
  }
  return i.platform ? formatPlatform(i.platform) : '-'
}

export function instanceTable(result: DestinationResult): string {
  // An unchanged list whose source was not read: its instances are not known.
  if (result.instances.length === 0)
    return `${result.status}: ${mediaTypeName(result.mediaType)}, instances not read`
  const rows = [['PLATFORM', 'SOURCE DIGEST', 'WRITTEN DIGEST', 'TYPE', 'STATUS', 'PUSHED', 'REUSED']]
  for (const i of result.instances) {
    rows.push([
      platformLabel(i, result.instances),
      shortDigest(i.sourceDigest),
      shortDigest(i.digest),
      mediaTypeName(i.mediaType),
      i.status,
      formatBytes(i.stats.pushedBytes),
      formatBytes(i.stats.reusedBytes + i.stats.mountedBytes)
    ])
  }
  return table(rows)
}

export function totalsLine(stats: BlobStats): string {
  return (
    `pulled ${stats.pulledBlobs} blobs (${formatBytes(stats.pulledBytes)}), ` +
    `from cache ${stats.cachedBlobs} (${formatBytes(stats.cachedBytes)}), ` +
    `pushed ${stats.pushedBlobs} (${formatBytes(stats.pushedBytes)}), ` +
    `reused ${stats.reusedBlobs} (${formatBytes(stats.reusedBytes)}), ` +
    `mounted ${stats.mountedBlobs} (${formatBytes(stats.mountedBytes)})`
  )
}

/**
 * The `instances` output / JSON entry of one instance; with the destination's referrers (when they
 * were asked for), the artifacts hanging off it (recursively) and those that could not follow.
 */
export function instanceJson(i: InstanceResult, d?: DestinationResult): Record<string, unknown> {
  const left = d?.referrersLeftBehind?.find(l => l.sourceDigest === i.sourceDigest)
  return {
    sourceDigest: i.sourceDigest,
    digest: i.digest ?? null,
    mediaType: i.mediaType,
    platform: i.platform ? formatPlatform(i.platform) : null,
    ...(i.attests !== undefined ? { attests: i.attests } : {}),
    status: i.status,
    ...(d?.referrers && i.digest === i.sourceDigest
      ? { referrers: artifactsOf(i.sourceDigest, d.referrers).map(referrerJson) }
      : {}),
    ...(left ? { referrersLeftBehind: left.referrers } : {})
  }
}

/** The artifacts hanging off `digest`, directly or through another artifact (a signature of an SBOM). */
export function artifactsOf(digest: string, all: ReferrerResult[]): ReferrerResult[] {
  const out: ReferrerResult[] = []
  const queue = [digest]
  const seen = new Set(queue)
  while (queue.length > 0) {
    const subject = queue.shift()!
    for (const r of all.filter(a => a.subject === subject)) {
      out.push(r)
      if (!seen.has(r.digest)) queue.push(r.digest)
      seen.add(r.digest)
    }
  }
  return out
}

/** One artifact copied, as JSON: digest, artifactType, subject, and the tag for a digest tag. */
export function referrerJson(r: ReferrerResult): Record<string, unknown> {
  return {
    digest: r.digest,
    artifactType: r.artifactType ?? null,
    subject: r.subject,
    ...(r.tag !== undefined ? { tag: r.tag } : {}),
    via: r.via
  }
}

const viaText: Record<ReferrerResult['via'], string> = {
  api: 'referrers API',
  tag: 'fallback tag',
  layout: 'index.json',
  'digest-tag': 'digest tag'
}

/** The artifacts copied to a destination as a table, and a line per manifest whose artifacts could not follow. */
export function referrerLines(d: DestinationResult): string {
  const lines: string[] = []
  const copied = d.referrers ?? []
  if (copied.length > 0) {
    const rows = [['ARTIFACT', 'DIGEST', 'SUBJECT', 'STORED AS']]
    for (const r of copied)
      rows.push([
        r.tag ?? r.artifactType ?? r.mediaType,
        shortDigest(r.digest),
        shortDigest(r.subject),
        viaText[r.via]
      ])
    lines.push(`Referrers copied: ${copied.length}`, table(rows))
  }
  for (const l of d.referrersLeftBehind ?? []) lines.push(escapeText(leftBehindText(l)))
  return lines.join('\n')
}

export function leftBehindText(l: { sourceDigest: string; digest: string; referrers: string[] }): string {
  return (
    `${l.referrers.length} referrer(s) of ${l.sourceDigest} could not follow it: it was written as ${l.digest} ` +
    `(${l.referrers.map(shortDigest).join(', ')})`
  )
}

/** A destination (written or failed) as the user wrote it: `names` in the order given to the engine. */
export function destinationName(d: { index: number; destination: string }, names: string[]): string {
  return names[d.index] ?? d.destination
}

/** The first destination the user gave, when it was written. */
export function firstDestination(result: CopyResult): DestinationResult | undefined {
  return result.destinations.find(d => d.index === 0)
}

/**
 * Destination → digest written, and destination → error message, keyed by the destinations as the
 * user wrote them (`names`, in the order given to the engine).
 */
export function destinationOutcomes(
  result: CopyResult,
  names: string[]
): { digests: Record<string, string>; failed: Record<string, string> } {
  const name = (d: { index: number; destination: string }): string => destinationName(d, names)
  return {
    digests: Object.fromEntries(result.destinations.map(d => [name(d), d.digest])),
    failed: Object.fromEntries(result.failures.map(f => [name(f), f.error.message]))
  }
}

/** The result as plain JSON (Buffers as text), for --json and the Action's outputs. */
export function resultJson(result: CopyResult, names: string[] = []): unknown {
  return {
    source: result.source,
    sourceDigest: result.sourceDigest,
    sourceMediaType: result.sourceMediaType,
    destinations: result.destinations.map(d => ({
      destination: d.destination,
      status: d.status,
      digest: d.digest,
      mediaType: d.mediaType,
      manifest: d.manifest.length > 0 ? d.manifest.toString('utf8') : null,
      instances: d.instances.map(i => ({ ...instanceJson(i, d), stats: i.stats })),
      stats: d.stats,
      ...(d.referrers ? { referrers: d.referrers.map(referrerJson) } : {}),
      ...(d.referrersLeftBehind ? { referrersLeftBehind: d.referrersLeftBehind } : {})
    })),
    failures: result.failures.map(f => ({ destination: f.destination, error: f.error.message })),
    failed: destinationOutcomes(result, names).failed,
    stats: result.stats
  }
}
