// Reporting a many-image copy: one row per image and destination (source, destination, digest,
// status, bytes), a totals row, and the `images` output. Every cell may hold foreign text (tags come
// from a registry): `table` escapes each cell.
import { formatBytes } from '../bytes.js'
import type { CopyResult } from '../copy/result.js'
import type { ImageOutcome } from '../sync/run.js'
import { destinationName, shortDigest, table } from './format.js'

/** One image at one destination: a many-image run's outcome row, or a one-image copy's (imageRowsOf). */
export type ImageRow = ImageOutcome

function countByStatus(rows: ImageRow[]): Record<ImageRow['status'], number> {
  const counts = { copied: 0, unchanged: 0, failed: 0, planned: 0 }
  for (const r of rows) counts[r.status]++
  return counts
}

/** The totals row's words: `5 image(s): 3 copied, 1 unchanged, 1 failed`. */
export function imagesTotals(rows: ImageRow[]): string {
  const counts = countByStatus(rows)
  const parts = (Object.keys(counts) as Array<ImageRow['status']>)
    .filter(s => counts[s] > 0)
    .map(s => `${counts[s]} ${s}`)
  return `${rows.length} image(s): ${parts.join(', ') || 'none'}`
}

export function imagesTable(rows: ImageRow[], planned = false): string {
  const withShard = rows.some(r => r.shard !== undefined)
  const head = [
    'SOURCE',
    'DESTINATION',
    'DIGEST',
    'STATUS',
    planned ? 'TO COPY' : 'PUSHED',
    ...(withShard ? ['SHARD'] : [])
  ]
  const body = rows.map(r => [
    r.source,
    r.destination,
    shortDigest(r.digest),
    r.status,
    formatBytes(r.bytes),
    ...(withShard ? [r.shard === undefined ? '-' : String(r.shard)] : [])
  ])
  const total = [
    'TOTAL',
    '',
    '',
    imagesTotals(rows),
    formatBytes(rows.reduce((n, r) => n + r.bytes, 0)),
    ...(withShard ? [''] : [])
  ]
  return table([head, ...body, total])
}

/** The `images` output: one entry per image and destination. */
export function imagesJson(rows: ImageRow[]): Array<Record<string, unknown>> {
  return rows.map(r => ({
    source: r.source,
    destination: r.destination,
    digest: r.digest ?? null,
    status: r.status,
    bytes: r.bytes,
    ...(r.shard !== undefined ? { shard: r.shard } : {}),
    ...(r.error ? { error: r.error.message } : {})
  }))
}

/** `failed`: destination → error, for the images that failed. */
export function imagesFailed(rows: ImageRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.filter(r => r.status === 'failed').map(r => [r.destination, r.error?.message ?? 'failed'])
  )
}

/** A one-image copy as image rows (the `images` output of every run). */
export function imageRowsOf(result: CopyResult, names: string[]): ImageRow[] {
  const rows: ImageRow[] = []
  for (const d of result.destinations) {
    rows.push({
      source: result.source,
      destination: destinationName(d, names),
      status: d.status,
      digest: d.digest,
      bytes: d.stats.pushedBytes
    })
  }
  for (const f of result.failures) {
    rows.push({
      source: result.source,
      destination: destinationName(f, names),
      status: 'failed',
      bytes: 0,
      error: f.error
    })
  }
  return rows
}
