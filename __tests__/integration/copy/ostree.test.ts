// The ostree: transport end to end, against Debian's ostree CLI (2022.7): an OCI image with three
// awkward layers copied into archive, bare-user and bare repositories (fsck, refs, metadata, layer
// commits equal to `ostree commit --tree=tar=`, checkout), back out to oci: byte for byte, a second
// image sharing a base layer, and bad input leaving the repository unchanged.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { gunzipSync, gzipSync } from 'node:zlib'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { readCommit } from '../../../src/transports/ostree/objects.js'
import { OstreeRepo } from '../../../src/transports/ostree/repo.js'
import { deserialize } from '../../../src/transports/ostree/gvariant.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { awkwardLayers, layerTar, LONG_NAME } from '../../unit/transports/ostree/layers.js'

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const hex = (d: string): string => d.slice('sha256:'.length)
const ostree = (repo: string, ...args: string[]): string =>
  execFileSync('ostree', [`--repo=${repo}`, ...args], {
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe']
  }).toString()

function copy(src: string, dest: string, extra: Partial<CopyOptions> = {}) {
  return copyImage({
    source: parseImageReference(src),
    destinations: [parseImageReference(dest)],
    selection: { kind: 'system' },
    sparseList: 'strip',
    preserveDigests: false,
    removeSignatures: false,
    parallel: 2,
    sourceContext: {},
    destinationContext: {},
    ...extra
  })
}

interface Image {
  layers: Buffer[]
  config: Buffer
  manifest: Buffer
}

async function writeBlob(layout: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes)
  await fs.writeFile(path.join(layout, 'blobs', 'sha256', hex(digest)), bytes)
  return digest
}

/** An OCI layout holding `images` under tag 1, as one image or as a list. */
async function ociLayout(layout: string, images: Image[], asList = false): Promise<void> {
  await fs.mkdir(path.join(layout, 'blobs', 'sha256'), { recursive: true })
  await fs.writeFile(path.join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  const descriptors = []
  for (const [i, image] of images.entries()) {
    for (const l of image.layers) await writeBlob(layout, gzipSync(l))
    await writeBlob(layout, image.config)
    descriptors.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: await writeBlob(layout, image.manifest),
      size: image.manifest.length,
      platform: { architecture: i === 0 ? 'amd64' : 'arm64', os: 'linux' }
    })
  }
  let top = descriptors[0]
  if (asList) {
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: descriptors
      })
    )
    top = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: await writeBlob(layout, index),
      size: index.length
    } as never
  }
  const { platform: _p, ...desc } = top
  await fs.writeFile(
    path.join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ ...desc, annotations: { 'org.opencontainers.image.ref.name': '1' } }]
    })
  )
}

function image(layers: Buffer[], arch = 'amd64'): Image {
  const config = Buffer.from(
    JSON.stringify({
      architecture: arch,
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layers.map(sha256) },
      config: {}
    })
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length
      },
      layers: layers.map(l => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: sha256(gzipSync(l)),
        size: gzipSync(l).length
      }))
    })
  )
  return { layers, config, manifest }
}

/** Every object file of a repository (relative paths). */
async function objects(repo: string): Promise<Set<string>> {
  const out = new Set<string>()
  for (const d of await fs.readdir(path.join(repo, 'objects')))
    for (const f of await fs.readdir(path.join(repo, 'objects', d))) out.add(`${d}/${f}`)
  return out
}

/** The GVariant text `ostree show --print-metadata-key` prints for a string: '…' with escapes. */
function gvariantString(text: string): string {
  const m = /^'(.*)'$/s.exec(text.trim())
  if (!m) throw new Error(`not a GVariant string: ${text.slice(0, 80)}`)
  return m[1].replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
    e.length === 5
      ? String.fromCharCode(parseInt(e.slice(1), 16))
      : (({ n: '\n', t: '\t' } as Record<string, string>)[e] ?? e)
  )
}

let work: string
let layers: Buffer[]
let filtered: Buffer[]
let first: Image
const IMAGE = 'localhost/awkward:1'
const BRANCH = 'ociimage/localhost_2Fawkward_3A1'

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'ostree-it-'))
  layers = await awkwardLayers()
  filtered = await awkwardLayers({ special: false })
  first = image(layers)
  await ociLayout(path.join(work, 'src'), [first])
})
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true })
})

async function newRepo(name: string, mode: string): Promise<string> {
  const repo = path.join(work, name)
  ostree(repo, 'init', `--mode=${mode}`)
  return repo
}

describeWithPrograms(['ostree'], 'ostree: transport', () => {
  let archive: string
  let written: Buffer

  it('writes a 3-layer image into a fresh archive repository: fsck clean, upstream branch names, docker.manifest', async () => {
    archive = await newRepo('archive', 'archive')
    const result = await copy(`oci:${work}/src:1`, `ostree:${IMAGE}@${archive}`)
    written = result.destinations[0].manifest
    expect(JSON.parse(written.toString()).mediaType).toBe(
      'application/vnd.docker.distribution.manifest.v2+json'
    )
    expect(ostree(archive, 'fsck')).toMatch(/no errors found/)
    expect(ostree(archive, 'refs').trim().split('\n').sort()).toEqual(firstRefs())
    const printed = ostree(archive, 'show', '--print-metadata-key=docker.manifest', BRANCH)
    expect(gvariantString(printed)).toBe(written.toString())
    expect(Buffer.from(ostree(archive, 'cat', BRANCH, '/manifest.json'))).toEqual(written)
    expect(gvariantString(ostree(archive, 'show', '--print-metadata-key=docker.digest', BRANCH))).toBe(
      sha256(written)
    )
    expect(Buffer.from(ostree(archive, 'cat', `ociimage/${hex(sha256(first.config))}`, '/content'))).toEqual(
      first.config
    )
  }, 120_000)

  it('commits each layer exactly as `ostree commit --tree=tar=` does with the same metadata and timestamp', async () => {
    const cli = await newRepo('cli', 'archive')
    const repo = await OstreeRepo.open(archive)
    for (const [i, layer] of layers.entries()) {
      const branch = `ociimage/${hex(sha256(gzipSync(layer)))}`
      const ours = ostree(archive, 'rev-parse', branch).trim()
      const { metadata } = await readCommit(repo, ours)
      expect(metadata.get('docker.uncompressed_digest')).toBe(sha256(layer))
      expect(metadata.get('docker.uncompressed_size')).toBe(String(layer.length))
      expect(metadata.get('docker.size')).toBe(String(gzipSync(layer).length))
      expect([...metadata.keys()]).toEqual([
        'docker.size',
        'docker.uncompressed_size',
        'docker.uncompressed_digest',
        'tarsplit.output'
      ])
      const timestamp = (
        deserialize('(a{sv}aya(say)sstayay)', await fs.readFile(repo.objectPath(ours, 'commit'))) as unknown[]
      )[5]
      const tarFile = path.join(work, `filtered${i}.tar`)
      await fs.writeFile(tarFile, filtered[i])
      const theirs = ostree(
        cli,
        'commit',
        '--no-bindings',
        '--parent=none',
        `--timestamp=@${String(timestamp)}`,
        '--tar-autocreate-parents',
        `--tree=tar=${tarFile}`,
        `--branch=${branch}`,
        ...[...metadata].map(([k, v]) => `--add-metadata-string=${k}=${v}`)
      ).trim()
      expect(ours).toBe(theirs)
    }
    const checkout = path.join(work, 'checkout-archive')
    ostree(archive, 'checkout', '-U', `ociimage/${hex(sha256(gzipSync(layers[0])))}`, checkout)
    expect(await fs.readFile(path.join(checkout, LONG_NAME), 'utf8')).toBe('long\n')
    expect(await fs.readlink(path.join(checkout, 'usr/bin/sh'))).toBe('/bin/busybox')
  }, 120_000)

  it('round trip ostree: → oci: (DiffIDs, layer bytes) and → dir: (config digest too): layers byte-identical to the uncompressed originals', async () => {
    await roundTrip(archive, 'out-archive')
  }, 120_000)

  it('a second image sharing the base layer adds only the new layer, its config and its manifest commit', async () => {
    const extra = await layerTar([{ name: 'srv/new.txt', content: 'second image\n' }])
    const second = image([layers[0], extra])
    await ociLayout(path.join(work, 'src2'), [second])
    const before = await objects(archive)
    const baseBranch = `ociimage/${hex(sha256(gzipSync(layers[0])))}`
    const baseCommit = ostree(archive, 'rev-parse', baseBranch).trim()
    const result = await copy(`oci:${work}/src2:1`, `ostree:localhost/second:1@${archive}`)
    expect(result.stats.reusedBlobs).toBe(1)
    expect(ostree(archive, 'rev-parse', baseBranch).trim()).toBe(baseCommit)
    const added = [...(await objects(archive))].filter(o => !before.has(o))
    // What the new commits reach: their commit objects, dirtrees, dirmetas and files.
    const reachable = new Set<string>()
    for (const branch of [
      `ociimage/${hex(sha256(gzipSync(extra)))}`,
      `ociimage/${hex(sha256(second.config))}`,
      'ociimage/localhost_2Fsecond_3A1'
    ]) {
      const commit = ostree(archive, 'rev-parse', branch).trim()
      reachable.add(`${commit.slice(0, 2)}/${commit.slice(2)}.commit`)
      for (const line of ostree(archive, 'ls', '-R', '-C', branch).trim().split('\n')) {
        const [first, second] = line.match(/\b[0-9a-f]{64}\b/g) ?? []
        const object = (sum: string | undefined, ext: string): string =>
          `${sum!.slice(0, 2)}/${sum!.slice(2)}.${ext}`
        if (line.startsWith('d')) {
          reachable.add(object(first, 'dirtree'))
          reachable.add(object(second, 'dirmeta'))
        } else reachable.add(object(first, 'filez'))
      }
    }
    expect(added.length).toBeGreaterThan(0)
    expect(added.filter(o => !reachable.has(o))).toEqual([])
    expect(ostree(archive, 'fsck')).toMatch(/no errors found/)
  }, 120_000)

  for (const mode of ['bare-user', 'bare']) {
    it(`writes into a ${mode} repository through pull-local: fsck clean, the same trees, checkout, round trip`, async () => {
      const repo = await newRepo(mode, mode)
      await copy(`oci:${work}/src:1`, `ostree:${IMAGE}@${repo}`)
      expect(ostree(repo, 'fsck')).toMatch(/no errors found/)
      expect(ostree(repo, 'refs').trim().split('\n').sort()).toEqual(firstRefs())
      const [ours, base] = [await OstreeRepo.open(repo), await OstreeRepo.open(archive)]
      for (const layer of layers) {
        const branch = `ociimage/${hex(sha256(gzipSync(layer)))}`
        const a = await readCommit(ours, (await ours.readRef(branch))!)
        const b = await readCommit(base, (await base.readRef(branch))!)
        expect(a.root).toEqual(b.root)
      }
      const checkout = path.join(work, `checkout-${mode}`)
      ostree(repo, 'checkout', '-U', `ociimage/${hex(sha256(gzipSync(layers[0])))}`, checkout)
      expect(await fs.readFile(path.join(checkout, 'etc/os-release'), 'utf8')).toBe('ID=test\n')
      expect(await fs.readFile(path.join(checkout, LONG_NAME), 'utf8')).toBe('long\n')
      await roundTrip(repo, `out-${mode}`)
    }, 180_000)
  }

  it('refuses bad input clearly and leaves the repository unchanged', async () => {
    const refsBefore = ostree(archive, 'refs')
    const objectsBefore = await objects(archive)
    await expect(copy(`oci:${work}/src:1`, `ostree:${IMAGE}@${work}/missing`)).rejects.toThrow(
      /no OSTree repository at .*missing.*ostree --repo=.* init --mode=archive/
    )
    const odd = path.join(work, 'odd')
    await fs.mkdir(odd)
    await fs.writeFile(path.join(odd, 'config'), '[core]\nrepo_version=1\nmode=archive-z9\n')
    await expect(copy(`oci:${work}/src:1`, `ostree:${IMAGE}@${odd}`)).rejects.toThrow(
      /mode "archive-z9", which is not supported/
    )
    // bare-user-only cannot hold a set-uid file: ostree's own error, and no branch moved.
    const userOnly = await newRepo('user-only', 'bare-user-only')
    await expect(copy(`oci:${work}/src:1`, `ostree:${IMAGE}@${userOnly}`)).rejects.toThrow(
      /ostree pull-local into .*user-only failed: .*invalid mode 0104755/
    )
    expect(ostree(userOnly, 'refs')).toBe('')
    await ociLayout(path.join(work, 'list'), [image([layers[1]]), image([layers[2]], 'arm64')], true)
    const all = copy(`oci:${work}/list:1`, `ostree:localhost/list:1@${archive}`, {
      selection: { kind: 'all' }
    })
    await expect(all).rejects.toThrow(
      /ostree:localhost\/list:1@.* cannot hold a manifest list, so it cannot take a copy of several images/
    )
    expect(ostree(archive, 'refs')).toBe(refsBefore)
    expect(await objects(archive)).toEqual(objectsBefore)
  }, 120_000)
  it('takes one image from a list (the runtime platform), and stores only that image', async () => {
    const result = await copy(`oci:${work}/list:1`, `ostree:localhost/list:1@${archive}`)
    const stored = gvariantString(
      ostree(archive, 'show', '--print-metadata-key=docker.manifest', 'ociimage/localhost_2Flist_3A1')
    )
    expect(stored).toBe(result.destinations[0].manifest.toString())
    const parsed = JSON.parse(stored) as { layers: { digest: string }[] }
    expect(parsed.layers.map(l => l.digest)).toEqual([sha256(gzipSync(layers[1]))])
    expect(ostree(archive, 'fsck')).toMatch(/no errors found/)
  }, 120_000)
  it('stores signatures as upstream did (files signature-N, metadata signatures=N) and reads them back', async () => {
    const repo = await newRepo('signed', 'archive')
    const ref = parseImageReference(`ostree:localhost/signed:1@${repo}`)
    const layer = gzipSync(layers[1])
    const config = image([layers[1]]).config
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {
          mediaType: 'application/vnd.docker.container.image.v1+json',
          digest: sha256(config),
          size: config.length
        },
        layers: [
          {
            mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
            digest: sha256(layer),
            size: layer.length
          }
        ]
      })
    )
    const signatures = [Buffer.from('first signature\n'), Buffer.from([0, 1, 2, 255])]
    const dest = await ref.newDestination({})
    try {
      await dest.putBlob(
        Readable.from([layer]),
        { digest: sha256(layer), size: layer.length },
        { isConfig: false }
      )
      await dest.putBlob(
        Readable.from([config]),
        { digest: sha256(config), size: config.length },
        { isConfig: true }
      )
      const raw = { bytes: manifest, mimeType: 'application/vnd.docker.distribution.manifest.v2+json' }
      await dest.putManifest(raw)
      await dest.putSignatures(signatures)
      await dest.commit(raw)
    } finally {
      await dest.close()
    }
    const branch = 'ociimage/localhost_2Fsigned_3A1'
    expect(gvariantString(ostree(repo, 'show', '--print-metadata-key=signatures', branch))).toBe('2')
    expect(execFileSync('ostree', [`--repo=${repo}`, 'cat', branch, '/signature-2'])).toEqual(signatures[1])
    expect(
      ostree(repo, 'ls', branch)
        .trim()
        .split('\n')
        .map(l => l.split(' ').pop())
    ).toEqual(['/', '/manifest.json', '/signature-1', '/signature-2'])
    const source = await ref.newSource({})
    try {
      expect(await source.getSignatures()).toEqual(signatures)
      expect((await source.getManifest()).bytes).toEqual(manifest)
      await expect(source.getManifest(sha256(manifest))).rejects.toThrow(
        /Manifest lists are not supported by "ostree:"/
      )
    } finally {
      await source.close()
    }
  }, 60_000)
})

/** The branches the first image has: one per layer (compressed digest), the config's, the image's. */
function firstRefs(): string[] {
  const compressed = first.layers.map(l => `ociimage/${hex(sha256(gzipSync(l)))}`)
  return [...compressed, `ociimage/${hex(sha256(first.config))}`, BRANCH].sort()
}

/**
 * ostree: → oci: and ostree: → dir:. The oci: copy converts the v2s2 manifest (and so, as
 * containers/image does, re-encodes the config as an OCI config): DiffIDs and layer bytes are
 * compared there; dir: keeps the manifest and config as stored, so their digests are compared too.
 */
async function roundTrip(repo: string, out: string): Promise<void> {
  await copy(`ostree:${IMAGE}@${repo}`, `oci:${work}/${out}:1`)
  const layout = path.join(work, out)
  const index = JSON.parse(await fs.readFile(path.join(layout, 'index.json'), 'utf8')) as {
    manifests: { digest: string }[]
  }
  const blob = (d: string): Promise<Buffer> => fs.readFile(path.join(layout, 'blobs', 'sha256', hex(d)))
  const manifest = JSON.parse((await blob(index.manifests[0].digest)).toString()) as {
    config: { digest: string }
    layers: { digest: string; mediaType: string }[]
  }
  const config = JSON.parse((await blob(manifest.config.digest)).toString()) as {
    rootfs: { diff_ids: string[] }
  }
  expect(config.rootfs.diff_ids).toEqual(layers.map(sha256))
  expect(manifest.layers).toHaveLength(3)
  for (const [i, l] of manifest.layers.entries()) {
    const bytes = await blob(l.digest)
    const tar = l.mediaType.endsWith('gzip') ? gunzipSync(bytes) : bytes
    expect(tar.equals(layers[i])).toBe(true)
  }
  const dir = path.join(work, `${out}-dir`)
  await copy(`ostree:${IMAGE}@${repo}`, `dir:${dir}`)
  // Kept as they are: uncompressed, and named so.
  const stored = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as typeof manifest
  expect(stored.config.digest).toBe(sha256(first.config))
  expect(await fs.readFile(path.join(dir, hex(stored.config.digest)))).toEqual(first.config)
  for (const [i, l] of stored.layers.entries()) {
    expect(l.digest).toBe(sha256(layers[i]))
    expect(l.mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar')
    expect((await fs.readFile(path.join(dir, hex(l.digest)))).equals(layers[i])).toBe(true)
  }
}
