#!/usr/bin/env node
// The "limit" copier: what the registries (and disks) can do with plain parallel HTTP and no copy
// engine. Every blob of every image is moved once, `--parallel` at a time in one pool: GET from the
// source (or a read stream from an OCI layout) piped straight into a monolithic POST + PUT?digest=
// upload (or a file in an OCI layout). No digest verification, no existence checks, no retries.
// Manifests are copied byte for byte (instances by digest, then the top one by tag).
// With --verify, every blob is also hashed on its way (one Transform between source and destination)
// and a mismatch fails the run: the least a copier that checks every byte, as ours and skopeo
// do, must do on top (`npm run bench -- --verifying-limit`).
//
//   node bench/lib/limit-copy.mjs [--parallel 6] [--verify] SRC DEST [SRC DEST ...]
//     SRC:  oci:DIR:REF | reg:HOST/REPO:TAG
//     DEST: oci:DIR:REF | reg:HOST/REPO:TAG
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Agent, request } from 'undici'

import { LIST_TYPES as LISTS, MANIFEST_ACCEPT as ACCEPT } from './media-types.mjs'

const agent = new Agent({ connections: 32, keepAliveTimeout: 10_000, bodyTimeout: 0, headersTimeout: 0 })

function parseRef(s) {
  if (s.startsWith('oci:')) {
    const rest = s.slice(4)
    const i = rest.lastIndexOf(':')
    return { kind: 'oci', dir: rest.slice(0, i), ref: rest.slice(i + 1) }
  }
  if (s.startsWith('reg:')) {
    const rest = s.slice(4)
    const slash = rest.indexOf('/')
    const colon = rest.lastIndexOf(':')
    return {
      kind: 'reg',
      base: `http://${rest.slice(0, slash)}`,
      repo: rest.slice(slash + 1, colon),
      tag: rest.slice(colon + 1)
    }
  }
  throw new Error(`bad reference ${s}`)
}

async function ok(res, what, expect) {
  if (!expect.includes(res.statusCode)) {
    const text = await res.body.text().catch(() => '')
    throw new Error(`${what}: HTTP ${res.statusCode} ${text.slice(0, 300)}`)
  }
}

async function readManifest(src, digestOrTag) {
  if (src.kind === 'oci') {
    let digest = digestOrTag
    let mediaType
    if (!digest.startsWith('sha256:')) {
      const index = JSON.parse(await readFile(join(src.dir, 'index.json'), 'utf8'))
      const d = index.manifests.find(
        m => m.annotations?.['org.opencontainers.image.ref.name'] === digestOrTag
      )
      if (!d) throw new Error(`no ${digestOrTag} in ${src.dir}`)
      digest = d.digest
      mediaType = d.mediaType
    }
    const bytes = await readFile(join(src.dir, 'blobs', 'sha256', digest.slice(7)))
    return { bytes, mediaType: mediaType ?? JSON.parse(bytes).mediaType, digest }
  }
  const res = await request(`${src.base}/v2/${src.repo}/manifests/${digestOrTag}`, {
    dispatcher: agent,
    headers: { accept: ACCEPT }
  })
  await ok(res, `GET manifest ${digestOrTag}`, [200])
  const bytes = Buffer.from(await res.body.arrayBuffer())
  return { bytes, mediaType: res.headers['content-type'], digest: res.headers['docker-content-digest'] }
}

/** `stream` through a hashing stage; `check()` throws unless the bytes had the blob's digest. */
function hashing(stream, blob) {
  const hash = createHash('sha256')
  const through = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk)
      callback(null, chunk)
    }
  })
  stream.on('error', e => through.destroy(e))
  const check = () => {
    const actual = `sha256:${hash.digest('hex')}`
    if (actual !== blob.digest) throw new Error(`blob ${blob.digest} hashes to ${actual}`)
  }
  return { stream: stream.pipe(through), check }
}

async function openBlob(src, blob) {
  if (src.kind === 'oci')
    return createReadStream(join(src.dir, 'blobs', 'sha256', blob.digest.slice(7)), {
      highWaterMark: 1 << 20
    })
  const res = await request(`${src.base}/v2/${src.repo}/blobs/${blob.digest}`, { dispatcher: agent })
  await ok(res, `GET blob ${blob.digest}`, [200])
  return res.body
}

async function putBlob(dest, blob, stream) {
  if (dest.kind === 'oci') {
    const dir = join(dest.dir, 'blobs', 'sha256')
    const tmp = join(dir, `.tmp-${blob.digest.slice(7)}`)
    await pipeline(stream, createWriteStream(tmp))
    await rename(tmp, join(dir, blob.digest.slice(7)))
    return
  }
  const post = await request(`${dest.base}/v2/${dest.repo}/blobs/uploads/`, {
    dispatcher: agent,
    method: 'POST'
  })
  await ok(post, 'POST upload', [202])
  await post.body.dump()
  const location = new URL(post.headers.location, dest.base)
  location.searchParams.set('digest', blob.digest)
  const put = await request(location, {
    dispatcher: agent,
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
    body: stream
  })
  await ok(put, `PUT blob ${blob.digest}`, [201])
  await put.body.dump()
}

async function putManifest(dest, m, tagOrDigest) {
  if (dest.kind === 'oci') {
    await writeFile(join(dest.dir, 'blobs', 'sha256', m.digest.slice(7)), m.bytes)
    return
  }
  const res = await request(`${dest.base}/v2/${dest.repo}/manifests/${tagOrDigest}`, {
    dispatcher: agent,
    method: 'PUT',
    headers: { 'content-type': m.mediaType },
    body: m.bytes
  })
  await ok(res, `PUT manifest ${tagOrDigest}`, [201])
  await res.body.dump()
}

async function main() {
  const argv = process.argv.slice(2)
  let parallel = 6
  let verify = false
  const refs = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--parallel') parallel = Number(argv[++i])
    else if (argv[i] === '--verify') verify = true
    else refs.push(argv[i])
  }
  if (refs.length === 0 || refs.length % 2 !== 0)
    throw new Error('usage: limit-copy.mjs [--parallel N] [--verify] SRC DEST [SRC DEST ...]')
  const pairs = []
  for (let i = 0; i < refs.length; i += 2) pairs.push({ src: parseRef(refs[i]), dest: parseRef(refs[i + 1]) })

  // Manifests first (small), then one pool over every blob of every pair.
  const blobs = []
  for (const p of pairs) {
    if (p.dest.kind === 'oci') {
      await mkdir(join(p.dest.dir, 'blobs', 'sha256'), { recursive: true })
      await writeFile(join(p.dest.dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
    }
    const top = await readManifest(p.src, p.src.kind === 'oci' ? p.src.ref : p.src.tag)
    p.top = top
    p.instances = []
    const images = []
    if (LISTS.has(top.mediaType)) {
      for (const d of JSON.parse(top.bytes).manifests) {
        const m = await readManifest(p.src, d.digest)
        m.mediaType = d.mediaType
        p.instances.push(m)
        images.push(m)
      }
    } else images.push(top)
    const seen = new Set()
    for (const m of images) {
      const j = JSON.parse(m.bytes)
      for (const b of [j.config, ...j.layers]) {
        if (seen.has(b.digest)) continue
        seen.add(b.digest)
        blobs.push({ pair: p, blob: b })
      }
    }
  }
  blobs.sort((a, b) => b.blob.size - a.blob.size)
  let next = 0
  let bytes = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < blobs.length) {
        const { pair, blob } = blobs[next++]
        const source = await openBlob(pair.src, blob)
        const { stream, check } = verify ? hashing(source, blob) : { stream: source }
        await putBlob(pair.dest, blob, stream)
        check?.()
        bytes += blob.size
      }
    })
  )
  for (const p of pairs) {
    for (const m of p.instances) await putManifest(p.dest, m, m.digest)
    await putManifest(p.dest, p.top, p.dest.kind === 'oci' ? p.dest.ref : p.dest.tag)
    if (p.dest.kind === 'oci') {
      const file = join(p.dest.dir, 'index.json')
      let index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }
      try {
        index = JSON.parse(await readFile(file, 'utf8'))
      } catch {
        // new layout
      }
      index.manifests = index.manifests.filter(
        m => m.annotations?.['org.opencontainers.image.ref.name'] !== p.dest.ref
      )
      index.manifests.push({
        mediaType: p.top.mediaType,
        digest: p.top.digest,
        size: p.top.bytes.length,
        annotations: { 'org.opencontainers.image.ref.name': p.dest.ref }
      })
      await writeFile(file, JSON.stringify(index))
    }
  }
  await agent.close()
  process.stdout.write(`limit-copy: ${blobs.length} blobs, ${bytes} bytes\n`)
}

main().catch(e => {
  process.stderr.write(`limit-copy: ${e.stack ?? e}\n`)
  process.exit(1)
})
