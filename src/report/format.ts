// Text shared by the CLI's and the Action's logs: sizes, short digests, instance tables, totals.
import { formatPlatform } from '../manifest/index.js'
import { formatBytes } from '../bytes.js'
import { escapeText } from './escape.js'
import type { BlobStats, CopyResult, DestinationResult } from '../copy/result.js'

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

export function instanceTable(result: DestinationResult): string {
  const rows = [['PLATFORM', 'SOURCE DIGEST', 'WRITTEN DIGEST', 'TYPE', 'STATUS', 'PUSHED', 'REUSED']]
  for (const i of result.instances) {
    rows.push([
      i.platform ? formatPlatform(i.platform) : '-',
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

/** The result as plain JSON (Buffers as text), for --json and the Action's outputs. */
export function resultJson(result: CopyResult): unknown {
  return {
    source: result.source,
    sourceDigest: result.sourceDigest,
    sourceMediaType: result.sourceMediaType,
    destinations: result.destinations.map(d => ({
      destination: d.destination,
      digest: d.digest,
      mediaType: d.mediaType,
      manifest: d.manifest.toString('utf8'),
      instances: d.instances.map(i => ({
        sourceDigest: i.sourceDigest,
        digest: i.digest ?? null,
        mediaType: i.mediaType,
        platform: i.platform ? formatPlatform(i.platform) : null,
        status: i.status,
        stats: i.stats
      })),
      stats: d.stats
    })),
    failures: result.failures.map(f => ({ destination: f.destination, error: f.error.message })),
    stats: result.stats
  }
}
