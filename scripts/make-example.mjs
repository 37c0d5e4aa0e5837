// Builds the bundled example image: a tiny multi-arch OCI layout (linux/amd64, linux/arm64,
// linux/arm/v7) with a base layer shared by all three, in example/multiarch, ref "1.0".
// Deterministic: fixed timestamps, so running it again gives the same digests.
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import tar from 'tar-stream'

const out = 'example/multiarch'
const mtime = new Date('2026-01-01T00:00:00Z')
const sha = b => `sha256:${createHash('sha256').update(b).digest('hex')}`

async function tarOf(files) {
  const pack = tar.pack()
  const chunks = []
  pack.on('data', c => chunks.push(c))
  const done = new Promise(r => pack.on('end', r))
  for (const [name, content] of files) {
    pack.entry({ name, mtime, mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root' }, content)
  }
  pack.finalize()
  await done
  return Buffer.concat(chunks)
}

rmSync(out, { recursive: true, force: true })
mkdirSync(`${out}/blobs/sha256`, { recursive: true })
const blob = bytes => {
  const d = sha(bytes)
  writeFileSync(`${out}/blobs/sha256/${d.slice(7)}`, bytes)
  return { digest: d, size: bytes.length }
}

const baseTar = await tarOf([['etc/example-release', 'image-copy-action example base layer\n']])
const baseGz = gzipSync(baseTar, { level: 9 })
const base = blob(baseGz)

const platforms = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
  { os: 'linux', architecture: 'arm', variant: 'v7' }
]
const manifests = []
for (const p of platforms) {
  const name = [p.os, p.architecture, p.variant].filter(Boolean).join('/')
  const archTar = await tarOf([['etc/example-platform', `${name}\n`]])
  const archGz = gzipSync(archTar, { level: 9 })
  const layer = blob(archGz)
  const config = {
    created: '2026-01-01T00:00:00Z',
    architecture: p.architecture,
    ...(p.variant ? { variant: p.variant } : {}),
    os: p.os,
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: [sha(baseTar), sha(archTar)] },
    history: [
      { created: '2026-01-01T00:00:00Z', created_by: 'example base layer' },
      { created: '2026-01-01T00:00:00Z', created_by: `example ${name} layer` }
    ]
  }
  const configBlob = blob(Buffer.from(JSON.stringify(config)))
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...configBlob },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...base },
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }
    ]
  }
  const m = blob(Buffer.from(JSON.stringify(manifest)))
  manifests.push({ mediaType: manifest.mediaType, ...m, platform: p })
}
const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }
const indexBlob = blob(Buffer.from(JSON.stringify(index)))
writeFileSync(`${out}/oci-layout`, JSON.stringify({ imageLayoutVersion: '1.0.0' }))
writeFileSync(
  `${out}/index.json`,
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: index.mediaType,
        ...indexBlob,
        annotations: { 'org.opencontainers.image.ref.name': '1.0' }
      }
    ]
  })
)
console.log(`${out}: index ${indexBlob.digest}`)
