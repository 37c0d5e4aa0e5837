// Issue 19's targets, checked against one run's medians: one line per target, met or missed, with the
// figures, and for a missed time target what the limit line says (is the client what misses, or would
// even the least a Node process can do miss it?).

const RSS_MAX_MiB = 100

/** Time targets: ours/skopeo at most `max`; (b) also passes within `nearLimit`× a limit above `max`. */
const TIME_TARGETS = [
  { id: 'b', what: 'registry → registry', max: 0.8, nearLimit: 1.2 },
  { id: 'a', what: 'oci → registry', max: 0.8 },
  { id: 'c', what: 'registry → oci', max: 0.8 },
  { id: 'd', what: 're-run, destination has everything, loopback', max: 1.0 },
  { id: 'r1', what: 're-run of an image by tag, loopback', max: 1.0 },
  { id: 'r3', what: 're-run of a list by tag, loopback', max: 1.0 },
  { id: 'd20', what: 're-run, destination has everything, 20 ms a request', max: 0.8 },
  { id: 'r1p', what: 're-run of an image pinned by digest, 20 ms a request', max: 0.8 },
  { id: 'r3p', what: 're-run of a list pinned by digest, 20 ms a request', max: 0.8 }
]

const f2 = x => x.toFixed(2)
const verdict = ok => (ok ? '**met**' : '**missed**')

function timeLine(t, r, verifyingLimit) {
  const rule =
    `ours/skopeo ≤ ${t.max.toFixed(1)}` +
    (t.nearLimit ? `, or ours/limit ≤ ${t.nearLimit.toFixed(1)} when limit/skopeo > ${t.max.toFixed(1)}` : '')
  const head = `- (${t.id}) ${t.what}: ${rule} —`
  if (!r) return `${head} not run`
  const { ours, skopeo, limit } = r.stats
  if (!skopeo) return `${head} no skopeo figure in this run`
  const os = ours.wall / skopeo.wall
  const ls = limit ? limit.wall / skopeo.wall : undefined
  const ol = limit ? ours.wall / limit.wall : undefined
  const nearLimit = t.nearLimit !== undefined && ls > t.max && ol <= t.nearLimit
  const viaLimit = nearLimit && !verifyingLimit
  const met = os <= t.max || viaLimit
  let line =
    `${head} ${verdict(met)}: ours/skopeo ${f2(os)} (${f2(ours.wall)} s / ${f2(skopeo.wall)} s)` +
    (limit ? `; limit ${f2(limit.wall)} s, ours/limit ${f2(ol)}, limit/skopeo ${f2(ls)}` : '; no limit line')
  const max = t.max.toFixed(1)
  if (viaLimit) line += `: met through the limit (above ${max}× skopeo; ours within ${t.nearLimit}× of it)`
  else if (nearLimit)
    line += `: the verifying limit is above ${max}× skopeo and ours is within ${t.nearLimit}× of it`
  else if (!met && limit)
    line +=
      ls > t.max
        ? `: even the limit is above ${max}× skopeo, so the registry or Node bounds it (ours/limit is our share)`
        : `: the limit reaches ${f2(ls)}× skopeo, so our client is what misses`
  return line
}

function rssLine(results) {
  const figures = results.map(r => ({ id: r.id, mib: r.stats.ours.rssKiB / 1024 }))
  const over = figures.filter(x => !(x.mib <= RSS_MAX_MiB))
  const list = xs => xs.map(x => `(${x.id}) ${x.mib.toFixed(0)}`).join(', ')
  const within = figures.filter(x => x.mib <= RSS_MAX_MiB)
  return (
    `- peak RSS ≤ ${RSS_MAX_MiB} MiB in every scenario run — ${verdict(over.length === 0 && figures.length > 0)}` +
    (over.length ? `: over: ${list(over)} MiB` : '') +
    (within.length ? `${over.length ? ';' : ':'} under: ${list(within)} MiB` : '')
  )
}

/** Markdown lines: a heading, then one line per target. */
export function checkTargets(results, verifyingLimit = false) {
  const byId = new Map(results.map(r => [r.id, r]))
  return [
    "### Issue 19's targets, against this run's medians",
    '',
    ...(verifyingLimit
      ? [
          'This run’s copy limit line verifies every blob (`--verifying-limit`); the issue’s limit line does ' +
            'not, so the limit figures below explain a miss but do not decide (b).',
          ''
        ]
      : []),
    ...TIME_TARGETS.map(t => timeLine(t, byId.get(t.id), verifyingLimit)),
    rssLine(results)
  ]
}
