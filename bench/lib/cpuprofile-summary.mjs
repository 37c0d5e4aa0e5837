#!/usr/bin/env node
// Summarizes V8 .cpuprofile files (node --cpu-prof): total sampled time, idle / GC / program shares, and
// the top functions by self time (aggregated over all given profiles).
//
//   node bench/lib/cpuprofile-summary.mjs [--top 25] FILE.cpuprofile [...]
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

export function summarize(files, top = 25) {
  const self = new Map()
  let total = 0
  for (const file of files) {
    const p = JSON.parse(readFileSync(file, 'utf8'))
    const byId = new Map(p.nodes.map(n => [n.id, n]))
    for (let i = 0; i < p.samples.length; i++) {
      const dt = p.timeDeltas[i] ?? 0
      if (dt <= 0) continue
      const n = byId.get(p.samples[i])
      const cf = n.callFrame
      const where = cf.url ? `${basename(cf.url)}:${cf.lineNumber + 1}` : ''
      const key = `${cf.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`
      self.set(key, (self.get(key) ?? 0) + dt)
      total += dt
    }
  }
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1])
  const share = name => rows.filter(([k]) => k.startsWith(name)).reduce((s, [, v]) => s + v, 0)
  const ms = us => (us / 1000).toFixed(0)
  const pct = us => ((100 * us) / total).toFixed(1)
  const lines = []
  lines.push(
    `sampled ${ms(total)} ms over ${files.length} profile(s): idle ${pct(share('(idle)'))}%, ` +
      `GC ${pct(share('(garbage collector)'))}%, (program) ${pct(share('(program)'))}%`
  )
  lines.push('| self ms | % | function |', '|---:|---:|---|')
  for (const [k, v] of rows.slice(0, top)) lines.push(`| ${ms(v)} | ${pct(v)} | \`${k}\` |`)
  return lines.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  let top = 25
  const files = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--top') top = Number(args[++i])
    else files.push(args[i])
  }
  if (files.length === 0) {
    process.stderr.write('usage: cpuprofile-summary.mjs [--top N] FILE.cpuprofile...\n')
    process.exit(2)
  }
  process.stdout.write(summarize(files, top) + '\n')
}
