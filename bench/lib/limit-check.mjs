#!/usr/bin/env node
// The "limit" of a copy that has nothing to move (bench scenarios d, d20, r1, r3, r1p, r3p): the least a
// fresh Node process must do to know that the destination already holds what the copy would write.
//
//   - source by tag: GET the source's top manifest (its digest is the sha256 of the bytes received, not
//     a header), and at the same time HEAD the destination's manifest by tag; equal digests = done.
//     A list's instances are not read: the list's digest covers theirs, and a registry holds a list
//     only when it holds every instance (distribution refuses the list otherwise).
//   - source pinned by digest: only the destination HEAD, compared with the pinned digest.
//
// Nothing else: no /v2/ ping (no auth here), no blob request, no retries, one connection per registry.
// node:http rather than fetch: fetch loads Node's bundled undici on first use, which costs more than
// the whole check (bench/RESULTS.md, "Limit lines"); `--fetch` runs the same check with fetch, to
// measure that again. Exit status 0 when nothing has to move, 1 otherwise.
//
//   node bench/lib/limit-check.mjs [--fetch] SRC DEST [SRC DEST ...]
//     SRC:  reg:HOST/REPO:TAG | reg:HOST/REPO@sha256:…      DEST: reg:HOST/REPO:TAG

import { MANIFEST_ACCEPT as ACCEPT } from './media-types.mjs'

// process.getBuiltinModule, not `import … from 'node:http'`: on Node 24 an ESM import of node:http builds
// its namespace, which reads http's lazy WebSocket getters and so loads Node's bundled undici (~50 ms of
// CPU, measured in bench/RESULTS.md). Node < 22.3 has no getBuiltinModule and takes the import.
const builtin = async name => process.getBuiltinModule?.(name) ?? (await import(name))
const { request } = await builtin('node:http')
const { createHash } = await builtin('node:crypto')

function parseRef(s) {
  const m = /^reg:([^/]+)\/(.+?)(?:@(sha256:[0-9a-f]{64})|:([^:@/]+))$/.exec(s)
  if (!m) throw new Error(`bad reference ${s}`)
  return { host: m[1], repo: m[2], digest: m[3], tag: m[4] }
}

const url = (r, ref) => `http://${r.host}/v2/${r.repo}/manifests/${ref}`

/** node:http: resolves { status, digest header, body bytes }. */
function viaHttp(method, target) {
  return new Promise((resolve, reject) => {
    const req = request(target, { method, headers: { accept: ACCEPT } }, res => {
      const chunks = []
      res.on('data', c => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          digest: res.headers['docker-content-digest'],
          body: Buffer.concat(chunks)
        })
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

async function viaFetch(method, target) {
  const res = await fetch(target, { method, headers: { accept: ACCEPT } })
  return {
    status: res.status,
    digest: res.headers.get('docker-content-digest') ?? undefined,
    body: Buffer.from(await res.arrayBuffer())
  }
}

async function sourceDigest(src, send) {
  if (src.digest) return src.digest
  const res = await send('GET', url(src, src.tag))
  if (res.status !== 200) throw new Error(`GET ${url(src, src.tag)}: HTTP ${res.status}`)
  return `sha256:${createHash('sha256').update(res.body).digest('hex')}`
}

async function destDigest(dest, send) {
  const res = await send('HEAD', url(dest, dest.tag))
  return res.status === 200 ? res.digest : undefined
}

async function main() {
  const args = process.argv.slice(2)
  const send = args[0] === '--fetch' ? (args.shift(), viaFetch) : viaHttp
  if (args.length === 0 || args.length % 2 !== 0)
    throw new Error('usage: limit-check.mjs [--fetch] SRC DEST [SRC DEST ...]')
  const checks = []
  for (let i = 0; i < args.length; i += 2) {
    const src = parseRef(args[i])
    const dest = parseRef(args[i + 1])
    checks.push(
      Promise.all([sourceDigest(src, send), destDigest(dest, send)]).then(([want, have]) => {
        if (want !== have) throw new Error(`${args[i + 1]} holds ${have}, the source is ${want}`)
      })
    )
  }
  await Promise.all(checks)
}

main().catch(e => {
  process.stderr.write(`limit-check: ${e.stack ?? e}\n`)
  process.exitCode = 1
})
