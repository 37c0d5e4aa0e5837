#!/usr/bin/env node
// The "limit" of a copy within one registry to another repository (bench scenarios e, e2): the least a
// fresh Node process must do to reach the same end state. GET the source manifest by tag (and a list's
// instances by digest, which name the blobs), then one cross-repository mount for each distinct blob
// (POST /v2/DEST/blobs/uploads/?mount=DIGEST&from=SRC, which must answer 201: a 202 would be an
// upload, and the limit fails rather than move bytes), `--parallel` at a time, then PUT the manifests
// byte for byte (instances by digest, then the top one by tag). No existence checks, no /v2/ ping,
// no digest verification, no retries. node:http with one keep-alive agent, as limit-check.mjs.
//
//   node bench/lib/limit-mount.mjs [--parallel 6] SRC DEST [SRC DEST ...]
//     SRC, DEST: reg:HOST/REPO:TAG, the same HOST
import { LIST_TYPES as LISTS, MANIFEST_ACCEPT as ACCEPT } from './media-types.mjs'

// node:http through process.getBuiltinModule, for the reason limit-check.mjs gives.
const { Agent, request } = process.getBuiltinModule?.('node:http') ?? (await import('node:http'))

let agent

function parseRef(s) {
  const m = /^reg:([^/]+)\/(.+):([^:/]+)$/.exec(s)
  if (!m) throw new Error(`bad reference ${s}`)
  return { host: m[1], repo: m[2], tag: m[3] }
}

/** One request; resolves { status, headers, body } once the response has ended. */
function send(method, url, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, res => {
      const chunks = []
      res.on('data', c => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function expect(what, p, status) {
  const res = await p
  if (res.status !== status)
    throw new Error(`${what}: HTTP ${res.status} ${res.body.toString('utf8', 0, 300)}`)
  return res
}

async function getManifest(src, ref) {
  const res = await expect(
    `GET manifest ${ref}`,
    send('GET', `http://${src.host}/v2/${src.repo}/manifests/${ref}`, { accept: ACCEPT }),
    200
  )
  return {
    bytes: res.body,
    mediaType: res.headers['content-type'],
    digest: res.headers['docker-content-digest']
  }
}

const putManifest = (dest, m, ref) =>
  expect(
    `PUT manifest ${ref}`,
    send(
      'PUT',
      `http://${dest.host}/v2/${dest.repo}/manifests/${ref}`,
      { 'content-type': m.mediaType },
      m.bytes
    ),
    201
  )

async function main() {
  const args = process.argv.slice(2)
  let parallel = 6
  if (args[0] === '--parallel') parallel = Number(args.splice(0, 2)[1])
  if (args.length === 0 || args.length % 2 !== 0)
    throw new Error('usage: limit-mount.mjs [--parallel N] SRC DEST [SRC DEST ...]')
  agent = new Agent({ keepAlive: true, maxSockets: parallel })
  const pairs = []
  for (let i = 0; i < args.length; i += 2) pairs.push({ src: parseRef(args[i]), dest: parseRef(args[i + 1]) })

  const mounts = []
  for (const p of pairs) {
    if (p.src.host !== p.dest.host) throw new Error(`${p.src.host} and ${p.dest.host}: not one registry`)
    p.top = await getManifest(p.src, p.src.tag)
    p.instances = LISTS.has(p.top.mediaType)
      ? await Promise.all(JSON.parse(p.top.bytes).manifests.map(d => getManifest(p.src, d.digest)))
      : []
    const seen = new Set()
    for (const m of p.instances.length ? p.instances : [p.top]) {
      const j = JSON.parse(m.bytes)
      for (const b of [j.config, ...j.layers]) {
        if (seen.has(b.digest)) continue
        seen.add(b.digest)
        mounts.push({ p, b })
      }
    }
  }
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < mounts.length) {
        const { p, b } = mounts[next++]
        const q = `mount=${encodeURIComponent(b.digest)}&from=${encodeURIComponent(p.src.repo)}`
        await expect(
          `mount ${b.digest}`,
          send('POST', `http://${p.dest.host}/v2/${p.dest.repo}/blobs/uploads/?${q}`, {
            'content-length': '0'
          }),
          201
        )
      }
    })
  )
  for (const p of pairs) {
    await Promise.all(p.instances.map(m => putManifest(p.dest, m, m.digest)))
    await putManifest(p.dest, p.top, p.dest.tag)
  }
  agent.destroy()
  process.stdout.write(`limit-mount: ${mounts.length} blobs mounted\n`)
}

main().catch(e => {
  process.stderr.write(`limit-mount: ${e.stack ?? e}\n`)
  process.exitCode = 1
})
