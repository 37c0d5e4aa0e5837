import * as core from '@actions/core'
import type { CopyResult } from '../copy/result.js'
import { formatBytes } from '../bytes.js'
import { mediaTypeName, platformLabel, totalsLine } from '../report/format.js'

/** A job summary: per destination, the digest written and a table of instances. */
export async function writeSummary(result: CopyResult, seconds: number, names: string[] = []): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  core.summary.addHeading('image-copy', 3)
  core.summary.addRaw(`Source \`${result.source}\` (${result.sourceDigest}), ${seconds.toFixed(1)} s\n\n`)
  for (const d of result.destinations) {
    const name = names[d.index] ?? d.destination
    core.summary.addRaw(`**${name}**: \`${d.digest}\` (${mediaTypeName(d.mediaType)})\n\n`)
    core.summary.addTable([
      [
        { data: 'Platform', header: true },
        { data: 'Source digest', header: true },
        { data: 'Written digest', header: true },
        { data: 'Type', header: true },
        { data: 'Status', header: true },
        { data: 'Pushed', header: true },
        { data: 'Reused', header: true }
      ],
      ...d.instances.map(i => [
        platformLabel(i, d.instances),
        `<code>${i.sourceDigest}</code>`,
        i.digest ? `<code>${i.digest}</code>` : '-',
        mediaTypeName(i.mediaType),
        i.status,
        formatBytes(i.stats.pushedBytes),
        formatBytes(i.stats.reusedBytes + i.stats.mountedBytes)
      ])
    ])
  }
  for (const f of result.failures) {
    core.summary.addRaw(`**${names[f.index] ?? f.destination}**: failed: ${f.error.message}\n\n`)
  }
  core.summary.addRaw(`Totals: ${totalsLine(result.stats)}\n`)
  await core.summary.write()
}
