// Progress lines a person can follow in a CI log: one line when a blob starts, at most one every
// few seconds per blob while it moves, one when it is done.
import type { CopyEvent } from '../copy/events.js'
import { formatBytes } from '../bytes.js'
import { shortDigest } from './format.js'

export function progressPrinter(
  // Lines carry foreign text (platforms, references, registry errors): `write` must escape them, as
  // the entry points escape every log line where they write it.
  write: (line: string) => void,
  intervalMs = 5000
): (e: CopyEvent) => void {
  const started = new Map<string, { at: number; lastLine: number }>()
  return event => {
    switch (event.type) {
      case 'source-opened':
        write(`Reading ${event.source}: ${event.isList ? 'manifest list' : 'image'} ${event.digest}`)
        break
      case 'instance-chosen':
        write(`Chose ${event.platform ?? 'instance'} ${event.digest}`)
        break
      case 'blob-start':
        started.set(event.digest, { at: Date.now(), lastLine: Date.now() })
        write(
          `Copying blob ${shortDigest(event.digest)} (${formatBytes(Math.max(event.size, 0))}) from ${event.from}`
        )
        break
      case 'blob-progress': {
        const s = started.get(event.digest)
        if (!s || Date.now() - s.lastLine < intervalMs || event.bytes === event.size) break
        s.lastLine = Date.now()
        const seconds = Math.max((Date.now() - s.at) / 1000, 0.001)
        const pct = event.size > 0 ? ` ${((event.bytes / event.size) * 100).toFixed(0)}%` : ''
        write(
          `  ${shortDigest(event.digest)} ${formatBytes(event.bytes)}${pct} at ${formatBytes(Math.round(event.bytes / seconds))}/s`
        )
        break
      }
      case 'blob-done':
        if (event.how !== 'pushed')
          write(
            `Blob ${shortDigest(event.digest)} ${event.how === 'exists' ? 'already at' : 'mounted into'} ${event.destination}`
          )
        else if (event.conversion)
          write(
            `Blob ${shortDigest(event.digest)} ${event.conversion} to ${shortDigest(event.stored ?? '')} for ${event.destination}`
          )
        break
      case 'notice':
        write(event.message)
        break
      case 'manifest-written':
        write(
          `Wrote ${event.instance ? 'manifest' : 'top-level manifest'} ${event.digest} to ${event.destination}`
        )
        break
      case 'referrer-copied':
        write(
          `Copied ${event.tag ? `tag ${event.tag}` : `referrer ${event.artifactType ?? event.mediaType}`} ${event.digest} (subject ${shortDigest(event.subject)}) to ${event.destination}`
        )
        break
      case 'destination-unchanged':
        write(
          `Unchanged: ${event.destination} already has ${event.digest}; nothing written${event.sourceRead ? '' : ' (source not read)'}`
        )
        break
      case 'destination-failed':
        write(`Failed: ${event.destination}: ${event.error}`)
        break
    }
  }
}
