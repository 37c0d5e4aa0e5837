// Referrers and cosign's digest tags travel with the image (issue 16): artifacts made here in the OCI
// image-spec 1.1 shape (empty config, artifactType, subject) and pushed with a plain HTTP client;
// copied through the distribution registry 2.8 (no referrers API: the fallback tag index), an OCI
// layout, and a shim serving the referrers API; each read back with the same plain client.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { writeSummary } from '../../../src/action/summary.js'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyEvent } from '../../../src/copy/events.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import type { DestinationResult } from '../../../src/copy/result.js'
import { referrerLines } from '../../../src/report/format.js'
import { RegistryClient } from '../../../src/registry/client.js'
import { addToFallbackIndex as registryAddToFallbackIndex } from '../../../src/registry/referrers.js'
import { parseImageReference } from '../../../src/transports/index.js'
import {
  addToFallbackIndex,
  addToLayout,
  artifact,
  cosignSignature,
  fallbackIndex,
  fallbackTagOf,
  getManifest,
  pushArtifact,
  removeFromFallbackIndex,
  type Artifact,
  type Descriptor
} from '../../harness/artifacts.js'
import { exampleLayout, ociRefDigest, readIndexJson, removeTempDirs, tempDir } from '../../harness/local.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { requireNode24, runActionStep } from '../../harness/action-runner.js'
import { runCli } from '../../harness/cli-run.js'
import { startReferrersShim, type ReferrersShim } from '../../harness/referrers-shim.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const SPDX = 'application/spdx+json'
const node24 = requireNode24()
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describeWithPrograms(['docker-registry'], 'referrers and digest tags', () => {
  let a: TestRegistry
  let b: TestRegistry
  let shim: ReferrersShim
  let list: Descriptor
  let amd64: Descriptor
  const made = {} as Record<'sbom' | 'vuln' | 'prov' | 'sbomSig' | 'cosign', Artifact>
  const all = () =>
    Object.values(made)
      .map(m => m.digest)
      .sort()

  const copy = (src: string, dest: string, extra: Partial<CopyOptions> = {}, events: CopyEvent[] = []) =>
    copyImage({
      source: parseImageReference(src),
      destinations: [parseImageReference(dest)],
      selection: { kind: 'all' },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 4,
      sourceContext: { registry: { tlsVerify: false } },
      destinationContext: { registry: { tlsVerify: false } },
      referrers: { referrers: true, digestTags: true, artifactTypes: [] },
      onEvent: e => events.push(e),
      ...extra
    })
  const only = (r: { destinations: DestinationResult[] }) => r.destinations[0]
  const digestsOf = (d: DestinationResult) => (d.referrers ?? []).map(r => r.digest).sort()
  const indexDigests = async (base: string, repo: string, subject: string) =>
    (await fallbackIndex(base, repo, subject)).map(d => d.digest)

  beforeAll(async () => {
    ;[a, b] = await Promise.all([startRegistry(), startRegistry()])
    shim = await startReferrersShim(b.url, { pageSize: 1 })
    await copy(`oci:${exampleLayout}:1.0`, `docker://${a.host}/src/app:1.0`, { referrers: undefined })
    const top = (await getManifest(a.url, 'src/app', '1.0'))!
    list = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: top.digest,
      size: top.bytes.length
    }
    amd64 = (JSON.parse(top.bytes.toString()) as { manifests: Descriptor[] }).manifests[0]

    const layer = (mediaType: string, text: string) => [{ mediaType, bytes: Buffer.from(text) }]
    made.sbom = artifact({
      artifactType: SPDX,
      subject: list,
      layers: layer(SPDX, '{"spdxVersion":"SPDX-2.3"}')
    })
    made.vuln = artifact({
      artifactType: 'application/vnd.example.vuln+json',
      subject: list,
      layers: layer('application/vnd.example.vuln+json', '{"findings":[]}')
    })
    made.prov = artifact({
      artifactType: 'application/vnd.in-toto+json',
      subject: amd64,
      layers: layer('application/vnd.in-toto+json', '{"_type":"https://in-toto.io/Statement/v1"}')
    })
    made.sbomSig = artifact({
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      subject: made.sbom.descriptor,
      layers: layer('application/vnd.dev.sigstore.bundle.v0.3+json', '{"signature":"of the sbom"}')
    })
    made.cosign = cosignSignature(list.digest, `${a.host}/src/app`)
    for (const key of ['sbom', 'vuln', 'prov', 'sbomSig'] as const)
      await pushArtifact(a.url, 'src/app', made[key])
    await pushArtifact(a.url, 'src/app', made.cosign, `${fallbackTagOf(list.digest)}.sig`)
    // The registry has no referrers API: the pusher keeps the fallback indexes, as the spec says.
    await addToFallbackIndex(a.url, 'src/app', list.digest, made.sbom.descriptor, made.vuln.descriptor)
    await addToFallbackIndex(a.url, 'src/app', amd64.digest, made.prov.descriptor)
    await addToFallbackIndex(a.url, 'src/app', made.sbom.digest, made.sbomSig.descriptor)
    // A loop: the signature's index lists the SBOM it signs.
    await addToFallbackIndex(a.url, 'src/app', made.sbomSig.digest, made.sbom.descriptor)
  })
  afterAll(async () => {
    await shim?.stop()
    await Promise.all([a?.stop(), b?.stop()])
    await removeTempDirs()
  })

  it('registry to registry without a referrers API: every artifact once, digests unchanged, existing fallback entries kept', async () => {
    // The destination already lists a referrer of the list that the source does not have.
    const other = artifact({
      artifactType: 'text/plain',
      subject: list,
      layers: [{ mediaType: 'text/plain', bytes: Buffer.from('x') }]
    })
    await pushArtifact(a.url, 'dst/app', other)
    await addToFallbackIndex(a.url, 'dst/app', list.digest, other.descriptor)

    const d = only(await copy(`docker://${a.host}/src/app:1.0`, `docker://${a.host}/dst/app:1.0`))
    expect(digestsOf(d)).toEqual(all())
    expect(new Set(d.referrers!.map(r => r.digest)).size).toBe(5)
    expect(d.referrers!.find(r => r.digest === made.sbom.digest)).toEqual({
      digest: made.sbom.digest,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: SPDX,
      subject: list.digest,
      via: 'tag'
    })
    expect(d.referrers!.find(r => r.digest === made.cosign.digest)?.via).toBe('digest-tag')
    expect(await indexDigests(a.url, 'dst/app', list.digest)).toEqual([
      other.digest,
      made.sbom.digest,
      made.vuln.digest
    ])
    expect(await indexDigests(a.url, 'dst/app', amd64.digest)).toEqual([made.prov.digest])
    expect(await indexDigests(a.url, 'dst/app', made.sbom.digest)).toEqual([made.sbomSig.digest])
    for (const m of Object.values(made))
      expect((await getManifest(a.url, 'dst/app', m.digest))?.digest).toBe(m.digest)
    expect((await getManifest(a.url, 'dst/app', `${fallbackTagOf(list.digest)}.sig`))?.digest).toBe(
      made.cosign.digest
    )
    expect(referrerLines(d)).toContain('Referrers copied: 5')

    // Again: nothing is added twice.
    const before = (await getManifest(a.url, 'dst/app', fallbackTagOf(list.digest)))!.digest
    expect(
      digestsOf(only(await copy(`docker://${a.host}/src/app:1.0`, `docker://${a.host}/dst/app:1.0`)))
    ).toEqual(all())
    expect((await getManifest(a.url, 'dst/app', fallbackTagOf(list.digest)))!.digest).toBe(before)
  })

  it('registry to an OCI layout and back: the layout lists referrers in index.json (oras convention), cosign tags as ref names', async () => {
    const layout = path.join(await tempDir(), 'layout')
    const d = only(await copy(`docker://${a.host}/src/app:1.0`, `oci:${layout}:1.0`))
    expect(digestsOf(d)).toEqual(all())
    expect(d.referrers!.filter(r => r.via === 'layout')).toHaveLength(4)
    const index = await readIndexJson(layout)
    const unnamed = index.manifests
      .filter(m => !m.annotations)
      .map(m => m.digest)
      .sort()
    expect(unnamed).toEqual(
      [made.sbom.digest, made.vuln.digest, made.prov.digest, made.sbomSig.digest].sort()
    )
    expect(await ociRefDigest(layout, `${fallbackTagOf(list.digest)}.sig`)).toBe(made.cosign.digest)
    expect(await ociRefDigest(layout, '1.0')).toBe(list.digest)
    const blob = (digest: string) => readFile(path.join(layout, 'blobs', 'sha256', digest.slice(7)))
    expect((await blob(made.sbomSig.digest)).equals(made.sbomSig.bytes)).toBe(true)

    const back = only(await copy(`oci:${layout}:1.0`, `docker://${a.host}/round/app:1.0`))
    expect(digestsOf(back)).toEqual(all())
    expect((await indexDigests(a.url, 'round/app', list.digest)).sort()).toEqual(
      [made.sbom.digest, made.vuln.digest].sort()
    )
    expect(await indexDigests(a.url, 'round/app', made.sbom.digest)).toEqual([made.sbomSig.digest])
    expect((await getManifest(a.url, 'round/app', `${fallbackTagOf(list.digest)}.sig`))?.digest).toBe(
      made.cosign.digest
    )
  })

  it('an OCI layout laid out as regclient did (a sha256-<hex> ref name holding a referrers index) is read too', async () => {
    const layout = path.join(await tempDir(), 'regclient')
    await cp(exampleLayout, layout, { recursive: true })
    const blobs = path.join(layout, 'blobs', 'sha256')
    await mkdir(blobs, { recursive: true })
    for (const blob of [...made.sbom.blobs, made.sbom.bytes])
      await writeFile(path.join(blobs, sha(blob)), blob)
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [made.sbom.descriptor]
      })
    )
    const holder = {
      ...made.sbom,
      bytes: index,
      digest: `sha256:${sha(index)}`,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      blobs: []
    }
    await addToLayout(layout, holder, fallbackTagOf(list.digest))
    const d = only(await copy(`oci:${layout}:1.0`, `docker://${a.host}/from-regclient/app:1.0`))
    expect(digestsOf(d)).toEqual([made.sbom.digest])
    expect(await indexDigests(a.url, 'from-regclient/app', list.digest)).toEqual([made.sbom.digest])
  })

  it('a registry with the referrers API (the shim): pushed with their subject, listed by the registry, no fallback tags written', async () => {
    const d = only(await copy(`docker://${a.host}/src/app:1.0`, `docker://${shim.host}/dst/app:1.0`))
    expect(digestsOf(d)).toEqual(all())
    expect(
      d
        .referrers!.filter(r => r.via === 'api')
        .map(r => r.digest)
        .sort()
    ).toEqual([made.sbom.digest, made.vuln.digest, made.prov.digest, made.sbomSig.digest].sort())
    const puts = shim.requests.filter(
      r => r.method === 'PUT' && /\/manifests\/sha256-[0-9a-f]{64}$/.test(r.path)
    )
    expect(puts).toEqual([])
    expect(
      shim.index
        .get('dst/app')
        ?.get(made.sbom.digest)
        ?.map(x => x.digest)
    ).toEqual([made.sbomSig.digest])

    // Read back through the API: two referrers of the list on pages of one (Link followed).
    const back = only(await copy(`docker://${shim.host}/dst/app:1.0`, `docker://${a.host}/from-api/app:1.0`))
    expect(digestsOf(back)).toEqual(all())
    expect(
      shim.requests.some(
        r => r.method === 'GET' && r.path.includes('/referrers/') && r.path.includes('page=1')
      )
    ).toBe(true)
    expect((await indexDigests(a.url, 'from-api/app', list.digest)).sort()).toEqual(
      [made.sbom.digest, made.vuln.digest].sort()
    )
  })

  it('referrers-artifact-types limits what is copied', async () => {
    const d = only(
      await copy(`docker://${a.host}/src/app:1.0`, `docker://${shim.host}/filtered/app:1.0`, {
        referrers: { referrers: true, digestTags: false, artifactTypes: [SPDX] }
      })
    )
    expect(digestsOf(d)).toEqual([made.sbom.digest])
  })

  it('a converted image (force-mime-type v2s2 from OCI) says that its referrers could not follow, in the log and the summary', async () => {
    const events: CopyEvent[] = []
    const d = only(
      await copy(
        `docker://${a.host}/src/app:1.0`,
        `docker://${a.host}/conv/app:1.0`,
        { forceMimeType: 'application/vnd.docker.distribution.manifest.v2+json' },
        events
      )
    )
    expect(d.referrers).toEqual([])
    expect(d.referrersLeftBehind).toEqual([
      {
        sourceDigest: list.digest,
        digest: d.digest,
        referrers: [made.sbom.digest, made.vuln.digest, made.cosign.digest]
      },
      { sourceDigest: amd64.digest, digest: expect.any(String), referrers: [made.prov.digest] }
    ])
    const notices = events.flatMap(e => (e.type === 'notice' ? [e.message] : []))
    expect(notices.filter(n => n.includes('could not follow'))).toHaveLength(2)
    expect(await fallbackIndex(a.url, 'conv/app', list.digest)).toEqual([])

    const summary = path.join(await tempDir(), 'summary.md')
    await import('node:fs/promises').then(fs => fs.writeFile(summary, ''))
    const saved = process.env.GITHUB_STEP_SUMMARY
    process.env.GITHUB_STEP_SUMMARY = summary
    try {
      await writeSummary(
        {
          source: 's',
          sourceDigest: list.digest,
          sourceMediaType: '',
          destinations: [d],
          failures: [],
          stats: d.stats
        },
        1
      )
    } finally {
      process.env.GITHUB_STEP_SUMMARY = saved
    }
    const text = await readFile(summary, 'utf8')
    expect(text).toContain(`3 referrer(s) of ${list.digest} could not follow it`)
    expect(text).toContain(`1 referrer(s) of ${amd64.digest} could not follow it`)
  })

  it('a trimmed list (platforms): the kept image keeps its referrers, the list says which could not follow', async () => {
    const events: CopyEvent[] = []
    const d = only(
      await copy(
        `docker://${a.host}/src/app:1.0`,
        `docker://${a.host}/trim/app:1.0`,
        {
          selection: { kind: 'specific', instances: [], platforms: [{ os: 'linux', architecture: 'amd64' }] }
        },
        events
      )
    )
    expect(digestsOf(d)).toEqual([made.prov.digest])
    expect(d.referrersLeftBehind).toEqual([
      {
        sourceDigest: list.digest,
        digest: d.digest,
        referrers: [made.sbom.digest, made.vuln.digest, made.cosign.digest]
      }
    ])
    expect(events.some(e => e.type === 'notice' && e.message.includes(made.sbom.digest))).toBe(true)
    expect(await indexDigests(a.url, 'trim/app', amd64.digest)).toEqual([made.prov.digest])
  })

  it('fallback index updates racing in one process: every entry survives (read-modify-write takes turns)', async () => {
    // Two copies of one image into one repository at once also race on the registry's own manifest
    // writes (distribution 2.8 answers MANIFEST_BLOB_UNKNOWN to one of them): the index updates are raced directly.
    const clients = [0, 1].map(
      () => new RegistryClient({ registry: a.host, repository: 'race/app', access: 'push', tlsVerify: false })
    )
    const arts = Array.from({ length: 12 }, (_, i) =>
      artifact({
        artifactType: 'text/plain',
        subject: list,
        layers: [{ mediaType: 'text/plain', bytes: Buffer.from(`r${i}`) }]
      })
    )
    for (const m of arts) await pushArtifact(a.url, 'race/app', m) // distribution checks that an index's entries exist
    const descs = arts.map(m => m.descriptor)
    await Promise.all(descs.map((d, i) => registryAddToFallbackIndex(clients[i % 2], list.digest, d)))
    expect((await indexDigests(a.url, 'race/app', list.digest)).sort()).toEqual(
      descs.map(d => d.digest).sort()
    )
  })

  it('a fallback index listing a manifest whose subject is another digest: said, not copied', async () => {
    await copy(`docker://${a.host}/src/app:1.0`, `docker://${a.host}/src3/app:1.0`, { referrers: undefined })
    await pushArtifact(a.url, 'src3/app', made.prov)
    await addToFallbackIndex(a.url, 'src3/app', list.digest, made.prov.descriptor)
    const events: CopyEvent[] = []
    const d = only(
      await copy(`docker://${a.host}/src3/app:1.0`, `docker://${a.host}/dst3/app:1.0`, {}, events)
    )
    expect(digestsOf(d)).toEqual([])
    expect(events).toContainEqual({
      type: 'notice',
      message: `${made.prov.digest} is listed as a referrer of ${list.digest}, but its subject is ${amd64.digest}: not copied`
    })
  })

  it('the CLI: --referrers --digest-tags --referrers-artifact-types, the table and --json', async () => {
    const args = [`docker://${a.host}/src/app:1.0`, `docker://${a.host}/cli/app:1.0`, '--all-images']
    const tls = ['--src-tls-verify=false', '--dest-tls-verify=false']
    const table = await runCli([...args, ...tls, '--referrers', '--digest-tags'], {})
    expect(table.code).toBe(0)
    expect(table.stdout).toContain('Referrers copied: 5')
    expect(table.stdout).toMatch(
      new RegExp(`${SPDX.replace('+', '\\+')}\\s+sha256:${made.sbom.digest.slice(7, 19)}`)
    )
    expect(table.stdout).toContain(`${fallbackTagOf(list.digest)}.sig`)
    const json = await runCli(
      [...args, ...tls, '--referrers', '--referrers-artifact-types', SPDX, '--json'],
      {}
    )
    const out = JSON.parse(json.stdout) as {
      destinations: Array<{ referrers: Array<{ digest: string; artifactType: string; subject: string }> }>
    }
    expect(out.destinations[0].referrers).toEqual([
      { digest: made.sbom.digest, artifactType: SPDX, subject: list.digest, via: 'tag' }
    ])
    const usage = await runCli([...args, ...tls, '--referrers-artifact-types', SPDX], {})
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain(
      '--referrers-artifact-types limits the referrers copied; set --referrers too'
    )
  })

  it('a re-run with referrers (skip-unchanged on by default): the image is written again, so a signature added at the source since then arrives', async () => {
    const args = [
      `docker://${a.host}/src/app:1.0`,
      `docker://${a.host}/rerun/app:1.0`,
      '--all-images',
      '--json'
    ]
    const tls = ['--src-tls-verify=false', '--dest-tls-verify=false']
    const first = await runCli([...args, ...tls, '--referrers'], {})
    expect(first.code).toBe(0)
    // Without referrers a re-run is skipped: the image is there, unchanged.
    const plain = JSON.parse((await runCli([...args, ...tls], {})).stdout) as {
      destinations: Array<{ status: string }>
    }
    expect(plain.destinations[0].status).toBe('unchanged')
    const late = artifact({
      artifactType: 'application/vnd.example.late+json',
      subject: list,
      layers: [{ mediaType: 'application/vnd.example.late+json', bytes: Buffer.from('{"late":true}') }]
    })
    await pushArtifact(a.url, 'src/app', late)
    await addToFallbackIndex(a.url, 'src/app', list.digest, late.descriptor)
    try {
      const again = await runCli([...args, ...tls, '--referrers'], {})
      expect(again.code).toBe(0)
      const out = JSON.parse(again.stdout) as {
        destinations: Array<{ status: string; referrers: Array<{ digest: string }> }>
      }
      expect(out.destinations[0].status).toBe('copied')
      expect(out.destinations[0].referrers.map(r => r.digest)).toContain(late.digest)
      expect(await indexDigests(a.url, 'rerun/app', list.digest)).toContain(late.digest)
    } finally {
      await removeFromFallbackIndex(a.url, 'src/app', list.digest, late.digest)
    }
  })

  it('the Action (bundled, Node 24): a trimmed list — outputs, a warning and the job summary say what followed and what did not', async () => {
    if (!node24) return
    const run = await runActionStep(node24, 'dist/main/index.js', {
      src: `docker://${a.host}/src/app:1.0`,
      dest: `docker://${a.host}/action/app:1.0`,
      platforms: 'linux/amd64',
      referrers: 'true',
      'digest-tags': 'true',
      'src-tls-verify': 'false',
      'dest-tls-verify': 'false',
      cache: 'false'
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.referrers)).toEqual([
      {
        digest: made.prov.digest,
        artifactType: 'application/vnd.in-toto+json',
        subject: amd64.digest,
        via: 'tag'
      }
    ])
    const instances = JSON.parse(run.outputs.instances) as Array<Record<string, unknown>>
    expect(instances.find(i => i.sourceDigest === amd64.digest)?.referrers).toEqual(
      JSON.parse(run.outputs.referrers)
    )
    const warnings = run.stdout.split('\n').filter(l => l.startsWith('::warning::'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`3 referrer(s) of ${list.digest} could not follow it`)
    expect(run.summary).toContain('Referrers copied: 1')
    expect(run.summary).toContain(`<code>${made.prov.digest}</code>`)
    expect(run.summary).toContain(`3 referrer(s) of ${list.digest} could not follow it`)
  })

  it('a destination that cannot hold referrers says so and the copy succeeds', async () => {
    const events: CopyEvent[] = []
    const dir = path.join(await tempDir(), 'img')
    const d = only(await copy(`docker://${a.host}/src/app:1.0`, `dir:${dir}`, {}, events))
    expect(d.referrers).toEqual([])
    const notices = events.flatMap(e => (e.type === 'referrers-not-held' ? [e.message] : []))
    expect(notices).toContain(`dir:${dir} cannot hold referrers: none were copied there`)
    expect(notices).toContain(`dir:${dir} cannot hold digest tags: none were copied there`)
  })
})
