// The CLI's many-image run (--tags, --images-file, --plan, --shard): the table on stdout (or --json),
// each failed image on stderr; exit 1 when any failed.
import { errorMessage, ImageCopyError } from '../errors.js'
import { escapeText } from '../report/escape.js'
import { totalsLine } from '../report/format.js'
import { imagesFailed, imagesJson, imagesTable } from '../report/images.js'
import type { ManyResult } from '../sync/run.js'

export function printMany(
  result: ManyResult,
  flags: { json: boolean; quiet: boolean },
  stdout: NodeJS.WritableStream,
  err: (line: string) => void
): boolean {
  const rows = result.outcomes
  if (flags.json) {
    const json = {
      images: imagesJson(rows),
      failed: imagesFailed(rows),
      ...(result.matrix ? { matrix: result.matrix } : { stats: result.stats })
    }
    stdout.write(`${JSON.stringify(json, null, 2)}\n`)
  } else {
    stdout.write(`${imagesTable(rows, result.matrix !== undefined)}\n`)
    if (result.matrix) stdout.write(`matrix: ${escapeText(JSON.stringify(result.matrix))}\n`)
    else if (!flags.quiet) err(`Totals: ${totalsLine(result.stats)}`)
  }
  const failed = rows.filter(r => r.status === 'failed')
  if (result.matrix) {
    // A plan still gives every shard its share: an image it could not weigh fails in its shard.
    for (const f of failed)
      err(`warning: ${f.source} → ${f.destination}: not weighed: ${errorMessage(f.error)}`)
    return true
  }
  for (const f of failed) {
    err(`image-copy: ${f.source} → ${f.destination}: ${errorMessage(f.error)}`)
    if (f.error instanceof ImageCopyError && f.error.hint) err(`  hint: ${f.error.hint}`)
  }
  if (failed.length > 0)
    err(
      `image-copy: ${failed.length} of ${rows.length} image(s) failed: ${failed.map(f => f.destination).join(', ')}`
    )
  return failed.length === 0
}
