import * as core from '@actions/core'
import type { CopyResult } from '../copy/result.js'
import { formatBytes } from '../bytes.js'
import { escapeHtml as h } from '../report/escape.js'
import {
  destinationName,
  leftBehindText,
  mediaTypeName,
  platformLabel,
  shortDigest,
  totalsLine
} from '../report/format.js'
import type { DestinationResult } from '../copy/result.js'

/** A job summary: per destination, the digest written and a table of instances. Foreign text is HTML-escaped. */
export async function writeSummary(result: CopyResult, seconds: number, names: string[] = []): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  core.summary.addHeading('image-copy', 3)
  core.summary.addRaw(
    `Source <code>${h(result.source)}</code> (${h(result.sourceDigest)}), ${seconds.toFixed(1)} s\n\n`
  )
  for (const d of result.destinations) {
    const name = destinationName(d, names)
    const unchanged = d.status === 'unchanged' ? ', unchanged: nothing written' : ''
    core.summary.addRaw(
      `**${h(name)}**: <code>${h(d.digest)}</code> (${h(mediaTypeName(d.mediaType))}${unchanged})\n\n`
    )
    if (d.instances.length > 0)
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
          h(platformLabel(i, d.instances)),
          `<code>${h(i.sourceDigest)}</code>`,
          i.digest ? `<code>${h(i.digest)}</code>` : '-',
          h(mediaTypeName(i.mediaType)),
          h(i.status),
          formatBytes(i.stats.pushedBytes),
          formatBytes(i.stats.reusedBytes + i.stats.mountedBytes)
        ])
      ])
    addReferrers(d)
  }
  for (const f of result.failures) {
    core.summary.addRaw(`**${h(destinationName(f, names))}**: failed: ${h(f.error.message)}\n\n`)
  }
  core.summary.addRaw(`Totals: ${totalsLine(result.stats)}\n`)
  await core.summary.write()
}

/** The artifacts copied with the images (a table), and each manifest whose artifacts could not follow. */
function addReferrers(d: DestinationResult): void {
  const copied = d.referrers ?? []
  if (copied.length > 0) {
    core.summary.addRaw(`Referrers copied: ${copied.length}\n\n`)
    core.summary.addTable([
      [
        { data: 'Artifact', header: true },
        { data: 'Digest', header: true },
        { data: 'Subject', header: true },
        { data: 'Stored as', header: true }
      ],
      ...copied.map(r => [
        h(r.tag ?? r.artifactType ?? r.mediaType),
        `<code>${h(r.digest)}</code>`,
        `<code>${h(shortDigest(r.subject))}</code>`,
        h(r.via)
      ])
    ])
  }
  for (const l of d.referrersLeftBehind ?? []) core.summary.addRaw(`:warning: ${h(leftBehindText(l))}\n\n`)
}
