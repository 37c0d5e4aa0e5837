// The bench's Markdown report: the results table (ours, skopeo and the limit line side by side), what
// each limit line is, bytes and requests, every run's wall time, then issue 19's targets (targets.mjs).
import { checkTargets } from './targets.mjs'

const MiB = 1 << 20
export const fmtS = x => (Number.isFinite(x) ? x.toFixed(2) : '—')
export const fmtMiB = kib => (Number.isFinite(kib) ? (kib / 1024).toFixed(0) : '—')
const ratio = (x, y) => (x && y && Number.isFinite(x.wall / y.wall) ? (x.wall / y.wall).toFixed(2) : '—')

/** What the limit line of each kind is (bench/run.mjs's header and bench/RESULTS.md say the same). */
export const LIMIT_NOTES = {
  copy:
    '`bench/lib/limit-copy.mjs`, one process for every image: each blob GET (or file read) piped ' +
    'straight into a monolithic POST + `PUT ?digest=` (or a file), 6 at a time, no verification, no ' +
    'existence checks; manifests copied byte for byte.',
  check:
    '`bench/lib/limit-check.mjs`, one process per image as ours and skopeo: the least a Node process ' +
    'must do to know nothing has to move. By tag: GET the source’s top manifest (digest = sha256 of ' +
    'its bytes; a list’s instances are not read, its digest covers theirs) and, at the same time, ' +
    'HEAD the destination tag; equal digests. Pinned by digest: the destination HEAD alone.',
  mount:
    '`bench/lib/limit-mount.mjs`, one process per image: GET the manifests (a list and its ' +
    'instances), one cross-repository mount POST per blob (6 at a time), PUT the manifests.',
  start: '`node -e 0`: bare start-up.',
  // --verifying-limit
  'copy-verified':
    '`bench/lib/limit-copy.mjs --verify`, as the copy limit line but hashing every blob on its way and ' +
    'failing on a mismatch (run with `--verifying-limit`): what a copier that checks every byte, as ours ' +
    'and skopeo do, needs at least.'
}

function mainTable(results, alt) {
  const L = [
    '| scenario | data MiB | runs | ours s (min–max) | skopeo s (min–max) | limit s (min–max) | **ours/skopeo** | **ours/limit** | limit/skopeo | peak RSS MiB ours / skopeo / limit | CPU s ours / skopeo / limit | registry CPU s ours / skopeo / limit | requests ours / skopeo / limit |' +
      (alt ? ' ours-alt s (peak RSS) | alt/skopeo |' : ''),
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|' + (alt ? '---:|---:|' : '')
  ]
  const none = { wall: NaN, min: NaN, max: NaN, cpu: NaN, registryCpu: NaN, rssKiB: NaN, requests: '—' }
  const span = x => (Number.isFinite(x.wall) ? `${fmtS(x.wall)} (${fmtS(x.min)}–${fmtS(x.max)})` : '—')
  for (const r of results) {
    const o = r.stats.ours
    const s = r.stats.skopeo ?? none
    const l = r.stats.limit ?? none
    const a = r.stats['ours-alt']
    const cells = [
      `(${r.id}) ${r.title}`,
      (r.bytes / MiB).toFixed(0),
      r.runs,
      span(o),
      span(s),
      span(l),
      `**${ratio(o, s)}**`,
      `**${ratio(o, r.stats.limit)}**`,
      ratio(r.stats.limit, r.stats.skopeo),
      `${fmtMiB(o.rssKiB)} / ${fmtMiB(s.rssKiB)} / ${fmtMiB(l.rssKiB)}`,
      `${fmtS(o.cpu)} / ${fmtS(s.cpu)} / ${fmtS(l.cpu)}`,
      `${fmtS(o.registryCpu)} / ${fmtS(s.registryCpu)} / ${fmtS(l.registryCpu)}`,
      `${o.requests} / ${s.requests} / ${l.requests}`
    ]
    if (alt) cells.push(a ? `${fmtS(a.wall)} (${fmtMiB(a.rssKiB)} MiB)` : '—', ratio(a, r.stats.skopeo))
    L.push(`| ${cells.join(' | ')} |`)
  }
  return L
}

function limitNotes(results, verifyingLimit) {
  const kinds = new Map()
  for (const r of results) {
    const kind = verifyingLimit && r.limitKind === 'copy' ? 'copy-verified' : r.limitKind
    if (r.stats.limit) kinds.set(kind, [...(kinds.get(kind) ?? []), `(${r.id})`])
  }
  if (kinds.size === 0) return []
  return [
    '',
    'The limit line is the least a Node process must do to reach the same end state, on the node that ' +
      'runs our CLI (so ours/limit measures our code, not Node; limit/skopeo is the best ratio any ' +
      'Node client could reach):',
    '',
    ...[...kinds].map(([kind, ids]) => `- ${ids.join(' ')}: ${LIMIT_NOTES[kind]}`)
  ]
}

function ioTable(results) {
  const L = [
    '',
    'Bytes through syscalls (rchar + wchar, files and sockets), median MiB:',
    '',
    '| scenario | ours read / written | skopeo read / written | limit read / written | requests by method ours ; skopeo ; limit |',
    '|---|---:|---:|---:|---|'
  ]
  const io = x => (x ? `${(x.rchar / MiB).toFixed(0)} / ${(x.wchar / MiB).toFixed(0)}` : '—')
  const methods = x =>
    Object.entries(x?.requestsByMethod ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
  for (const { id, stats: t } of results)
    L.push(
      `| (${id}) | ${io(t.ours)} | ${io(t.skopeo)} | ${io(t.limit)} | ${methods(t.ours)} ; ${methods(t.skopeo)} ; ${methods(t.limit)} |`
    )
  return L
}

function header(env, elapsed) {
  const alt = env.alsoNode || env.alsoCli
  return [
    `## Run of ${env.date}`,
    '',
    `Machine: ${env.cores} cores (${env.cpuModel}), ${env.memGiB} GiB RAM; loadavg at start ${env.loadavg}. ` +
      `Our CLI: \`${env.cli}\` at ${env.git || '?'} on node ${env.node}` +
      `${alt ? ` (alt column: ${env.alsoCli ? `\`${env.alsoCli}\`` : 'the same bundle'} on node ${env.alsoNode ?? env.node})` : ''}. ` +
      `${env.skopeo}. Registry: ${env.registry}. Peak RSS by ${env.rssMethod}. Bench time ${Math.round(elapsed)} s.` +
      (env.extraCaCerts
        ? ` The tools ran without this machine's NODE_EXTRA_CA_CERTS=${env.extraCaCerts} (see (s2)).`
        : ''),
    ''
  ]
}

export function report(env, results, elapsed) {
  const L = [
    ...header(env, elapsed),
    ...mainTable(
      results,
      results.some(r => r.stats['ours-alt'])
    ),
    ...limitNotes(results, env.verifyingLimit),
    ...ioTable(results),
    '',
    'Wall time of every run (s), in run order:',
    ''
  ]
  for (const r of results) {
    const parts = Object.entries(r.stats).map(([k, v]) => `${k} ${v.runs.map(fmtS).join(' ')}`)
    L.push(
      `- (${r.id}) ${parts.join('; ')} — loadavg(1m) ${r.loadavgBefore.toFixed(2)} → ${r.loadavgAfter.toFixed(2)}`
    )
  }
  L.push('', ...checkTargets(results, env.verifyingLimit))
  return L.join('\n') + '\n'
}
