// The Action's many-image step (tags, images-file, plan, shard): the run is src/sync's; here are its
// outputs (`images`, `failed`, `digests`, `matrix`), its log table and its job summary.
import * as core from '@actions/core'
import { errorMessage, ImageCopyError } from '../errors.js'
import { formatBytes } from '../bytes.js'
import { escapeHtml as h } from '../report/escape.js'
import { imagesFailed, imagesJson, imagesTable, imagesTotals } from '../report/images.js'
import { totalsLine } from '../report/format.js'
import type { ManyResult } from '../sync/run.js'

function withHint(e: Error): string {
  return `${errorMessage(e)}${e instanceof ImageCopyError && e.hint ? ` (${e.hint})` : ''}`
}

async function writeManySummary(result: ManyResult, seconds: number): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows = result.outcomes
  const planned = result.matrix !== undefined
  core.summary.addHeading(planned ? 'image-copy plan' : 'image-copy', 3)
  core.summary.addTable([
    [
      'Source',
      'Destination',
      'Digest',
      'Status',
      planned ? 'To copy' : 'Pushed',
      ...(planned ? ['Shard'] : [])
    ].map(data => ({ data, header: true })),
    ...rows.map(r => [
      `<code>${h(r.source)}</code>`,
      `<code>${h(r.destination)}</code>`,
      r.digest ? `<code>${h(r.digest)}</code>` : '-',
      h(r.status),
      formatBytes(r.bytes),
      ...(planned ? [String(r.shard ?? '-')] : [])
    ]),
    [
      '<b>Total</b>',
      '',
      '',
      h(imagesTotals(rows)),
      formatBytes(rows.reduce((n, r) => n + r.bytes, 0)),
      ...(planned ? [''] : [])
    ]
  ])
  for (const r of rows.filter(r => r.error)) {
    core.summary.addRaw(`**${h(r.destination)}**: failed: ${h(r.error!.message)}\n\n`)
  }
  core.summary.addRaw(`${seconds.toFixed(1)} s. ${planned ? '' : `Totals: ${totalsLine(result.stats)}`}\n`)
  await core.summary.write()
}

/** Outputs, table, summary; an annotation per failed image and a failed step naming them. */
export async function reportMany(
  result: ManyResult,
  started: number,
  log: { info(l: string): void; warning(l: string): void; error(l: string, title: string): void }
): Promise<void> {
  const rows = result.outcomes
  core.info(imagesTable(rows, result.matrix !== undefined))
  if (result.matrix === undefined) core.info(`Totals: ${totalsLine(result.stats)}`)
  core.setOutput('images', JSON.stringify(imagesJson(rows)))
  core.setOutput('failed', JSON.stringify(imagesFailed(rows)))
  const done = rows.filter(r => r.digest !== undefined && r.status !== 'planned')
  core.setOutput('digests', JSON.stringify(Object.fromEntries(done.map(r => [r.destination, r.digest]))))
  if (result.matrix) core.setOutput('matrix', JSON.stringify(result.matrix))
  const failed = rows.filter(r => r.status === 'failed')
  await writeManySummary(result, (Date.now() - started) / 1000)
  if (result.matrix) {
    // A plan still gives every shard its share: an image it could not weigh fails in its shard.
    for (const f of failed) log.warning(`${f.source} → ${f.destination}: not weighed: ${withHint(f.error!)}`)
    return
  }
  for (const f of failed) log.error(withHint(f.error!), `${f.source} → ${f.destination}`)
  if (failed.length > 0) {
    process.exitCode = core.ExitCode.Failure
    log.info(
      `Failed: ${failed.length} of ${rows.length} image(s): ${failed.map(f => f.destination).join(', ')}`
    )
  }
}
