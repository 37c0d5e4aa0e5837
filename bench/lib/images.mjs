// Deterministic benchmark images in OCI layouts.
//
//   base layout (bench/work/oci/base): `multi` — an OCI index of 3 platforms sharing a base layer;
//                                      `app`   — a single-platform image of 9 layers.
//     Layers are gzip (level 6) tars of real trees under /usr/share and /usr/lib (sorted names, fixed
//     mtime and owners), a few hundred KiB to ~60 MiB each.
//   big layout (bench/work/oci/big):   `big`   — one layer of pseudo-random data (AES-CTR keystream),
//     gzip level 1, so the compressed LAYER BLOB is ≥ 1 GiB. Streamed to disk, never held in memory.
//
// Each layout is rebuilt only when its spec (below) changes; `.spec.json` records what was built.
import { spawn } from 'node:child_process'
import { createCipheriv, createHash } from 'node:crypto'
import { createWriteStream, existsSync, readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'

const MTIME = 1700000000
const CREATED = '2023-11-14T22:13:20Z'
const SPEC_VERSION = 3

const MT = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip'
}

/** Real trees, grouped into layers (paths relative to /). Sizes are what this machine produced (gzip -6). */
export const BASE_SPEC = {
  version: SPEC_VERSION,
  multi: {
    base: ['usr/lib/python3.11', 'usr/lib/python3'], // shared by all three platforms (~28 MiB)
    platforms: [
      {
        os: 'linux',
        architecture: 'amd64',
        layers: [['usr/lib/gcc'], ['usr/share/i18n'], ['usr/share/mime']]
      },
      {
        os: 'linux',
        architecture: 'arm64',
        variant: 'v8',
        layers: [['usr/lib/postgresql'], ['usr/share/java'], ['usr/lib/systemd']]
      },
      {
        os: 'linux',
        architecture: 'arm',
        variant: 'v7',
        layers: [['usr/lib/cni'], ['usr/lib/git-core'], ['usr/lib/file']]
      }
    ]
  },
  app: {
    os: 'linux',
    architecture: 'amd64',
    layers: [
      ['usr/share/doc'],
      ['usr/share/locale'],
      ['usr/share/vim'],
      ['usr/share/icons'],
      ['usr/share/fonts'],
      ['usr/share/perl'],
      ['usr/lib/node_modules'],
      ['usr/lib/podman'],
      ['usr/share/perl5']
    ]
  }
}

/** ≥ 1 GiB after gzip: 17 files of 64 MiB of pseudo-random bytes = 1088 MiB of tar payload. */
export const BIG_SPEC = {
  version: SPEC_VERSION,
  files: 17,
  fileSize: 64 << 20,
  seed: 'image-copy-bench',
  level: 1
}

/** Hashes (and counts) what passes through. */
class Tap extends Transform {
  constructor() {
    super()
    this.hash = createHash('sha256')
    this.bytes = 0
  }
  _transform(chunk, _enc, cb) {
    this.hash.update(chunk)
    this.bytes += chunk.length
    cb(null, chunk)
  }
  digest() {
    return `sha256:${this.hash.digest('hex')}`
  }
}

/** Streams a tar (uncompressed) through gzip into blobs/sha256/<digest>; returns descriptor + diffID. */
async function writeLayer(layoutDir, source, level) {
  const { stream: tarStream, done } = source
  const tmp = join(layoutDir, 'blobs', `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const diff = new Tap()
  const comp = new Tap()
  await pipeline(tarStream, diff, createGzip({ level }), comp, createWriteStream(tmp))
  await done
  const digest = comp.digest()
  await rename(tmp, join(layoutDir, 'blobs', 'sha256', digest.slice(7)))
  return { mediaType: MT.layer, digest, size: comp.bytes, diffID: diff.digest() }
}

/** A deterministic tar of real paths (GNU tar, sorted, fixed mtime/owners, no atime/ctime). */
function realTree(paths) {
  const child = spawn(
    'tar',
    [
      '-C',
      '/',
      '--sort=name',
      '--format=posix',
      '--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime',
      `--mtime=@${MTIME}`,
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '--ignore-failed-read',
      '-cf',
      '-',
      ...paths
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] }
  )
  const done = new Promise((resolve, reject) =>
    child.once('exit', code =>
      code === 0 || code === 1 ? resolve() : reject(new Error(`tar exited ${code}`))
    )
  )
  return { stream: child.stdout, done }
}

function octal(n, width) {
  return n.toString(8).padStart(width - 1, '0') + '\0'
}

function ustarHeader(name, size) {
  const h = Buffer.alloc(512)
  h.write(name, 0, 100, 'utf8')
  h.write(octal(0o644, 8), 100)
  h.write(octal(0, 8), 108)
  h.write(octal(0, 8), 116)
  h.write(octal(size, 12), 124)
  h.write(octal(MTIME, 12), 136)
  h.write('        ', 148) // checksum placeholder
  h.write('0', 156)
  h.write('ustar\0', 257)
  h.write('00', 263)
  h.write('root', 265)
  h.write('root', 297)
  let sum = 0
  for (const b of h) sum += b
  h.write(octal(sum, 7) + ' ', 148)
  return h
}

/** A tar of `files` files of pseudo-random bytes (AES-128-CTR keystream of the seed), generated lazily. */
function randomTree({ files, fileSize, seed }) {
  const key = createHash('sha256').update(seed).digest()
  async function* gen() {
    const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), key.subarray(16, 32))
    const zeros = Buffer.alloc(1 << 20)
    for (let i = 0; i < files; i++) {
      yield ustarHeader(`data/random-${String(i).padStart(2, '0')}.bin`, fileSize)
      for (let left = fileSize; left > 0; left -= zeros.length) {
        yield cipher.update(left >= zeros.length ? zeros : zeros.subarray(0, left))
      }
    }
    yield Buffer.alloc(1024)
  }
  return { stream: Readable.from(gen(), { objectMode: false }), done: Promise.resolve() }
}

async function writeJsonBlob(layoutDir, value, mediaType) {
  const bytes = Buffer.from(JSON.stringify(value))
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  await writeFile(join(layoutDir, 'blobs', 'sha256', digest.slice(7)), bytes)
  return { mediaType, digest, size: bytes.length }
}

async function writeImage(layoutDir, platform, layers, label) {
  const config = await writeJsonBlob(
    layoutDir,
    {
      created: CREATED,
      architecture: platform.architecture,
      ...(platform.variant ? { variant: platform.variant } : {}),
      os: platform.os,
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Cmd: ['/bin/sh']
      },
      rootfs: { type: 'layers', diff_ids: layers.map(l => l.diffID) },
      history: layers.map((l, i) => ({ created: CREATED, created_by: `${label} layer ${i}` }))
    },
    MT.config
  )
  const manifest = {
    schemaVersion: 2,
    mediaType: MT.manifest,
    config,
    layers: layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size }))
  }
  return writeJsonBlob(layoutDir, manifest, MT.manifest)
}

async function initLayout(dir) {
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
}

async function writeIndex(dir, refs) {
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.index,
      manifests: refs.map(({ name, descriptor }) => ({
        ...descriptor,
        annotations: { 'org.opencontainers.image.ref.name': name }
      }))
    })
  )
}

function upToDate(dir, spec) {
  const file = join(dir, '.spec.json')
  if (!existsSync(file)) return undefined
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    return JSON.stringify(saved.spec) === JSON.stringify(spec) ? saved : undefined
  } catch {
    return undefined
  }
}

/** Runs async jobs with at most `n` at once. */
async function limited(n, jobs) {
  const results = new Array(jobs.length)
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++
        results[i] = await jobs[i]()
      }
    })
  )
  return results
}

/** Builds (or reuses) the base layout. Returns { dir, refs: {multi, app}, blobs: [{digest,size}] , built }. */
export async function ensureBaseLayout(dir, log) {
  const saved = upToDate(dir, BASE_SPEC)
  if (saved) return { ...saved.info, dir, built: false }
  log(`generating ${dir} (tar + gzip of real trees, once)…`)
  await initLayout(dir)
  const s = BASE_SPEC
  const layerSpecs = [s.multi.base, ...s.multi.platforms.flatMap(p => p.layers), ...s.app.layers]
  const layers = await limited(
    2,
    layerSpecs.map(paths => () => writeLayer(dir, realTree(paths), 6))
  )
  let k = 0
  const base = layers[k++]
  const manifests = []
  for (const p of s.multi.platforms) {
    const own = p.layers.map(() => layers[k++])
    const d = await writeImage(dir, p, [base, ...own], `multi ${p.architecture}`)
    manifests.push({
      ...d,
      platform: { architecture: p.architecture, os: p.os, ...(p.variant ? { variant: p.variant } : {}) }
    })
  }
  const index = await writeJsonBlob(dir, { schemaVersion: 2, mediaType: MT.index, manifests }, MT.index)
  const appLayers = s.app.layers.map(() => layers[k++])
  const app = await writeImage(dir, s.app, appLayers, 'app')
  await writeIndex(dir, [
    { name: 'multi', descriptor: index },
    { name: 'app', descriptor: app }
  ])
  const info = {
    refs: { multi: index.digest, app: app.digest },
    layers: layers.map(({ digest, size }) => ({ digest, size }))
  }
  await writeFile(join(dir, '.spec.json'), JSON.stringify({ spec: BASE_SPEC, info }, null, 1))
  return { ...info, dir, built: true }
}

/** Builds (or reuses) the big layout (one ≥ 1 GiB layer). */
export async function ensureBigLayout(dir, log) {
  const saved = upToDate(dir, BIG_SPEC)
  if (saved) return { ...saved.info, dir, built: false }
  log(
    `generating ${dir} (${BIG_SPEC.files}×${BIG_SPEC.fileSize >> 20} MiB pseudo-random, gzip -${BIG_SPEC.level}; ~30 s, once)…`
  )
  await initLayout(dir)
  const layer = await writeLayer(dir, randomTree(BIG_SPEC), BIG_SPEC.level)
  if (layer.size < 2 ** 30) throw new Error(`the big layer is only ${layer.size} bytes`)
  const m = await writeImage(dir, { os: 'linux', architecture: 'amd64' }, [layer], 'big')
  await writeIndex(dir, [{ name: 'big', descriptor: m }])
  const info = { refs: { big: m.digest }, layers: [{ digest: layer.digest, size: layer.size }] }
  await writeFile(join(dir, '.spec.json'), JSON.stringify({ spec: BIG_SPEC, info }, null, 1))
  return { ...info, dir, built: true }
}
