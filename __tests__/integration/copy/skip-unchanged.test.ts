// Skip what is already there (issue 15 item 1), against real distribution registries behind counting
// proxies: a second identical copy reports `unchanged` and sends no blob request and no manifest PUT;
// with the source pinned by digest, not even a source manifest GET; skip-unchanged off copies again;
// another digest under the tag is copied over; an oci: layout too; the CLI's table and --json, and the
// bundled Action's outputs and summary, show it.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import type { CopyResult } from '../../../src/copy/result.js'
import { configureRegistry, type RegistrySettings } from '../../../src/registry/settings.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { requireNode24, runActionStep } from '../../harness/action-runner.js'
import { runCli } from '../../harness/cli-run.js'
import { startFaultProxy, type FaultProxy, type RequestRecord } from '../../harness/fault-proxy.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const example = `oci:${exampleLayout}:1.0`
const node24 = requireNode24()

describeWithPrograms(['docker-registry'], 'skip what is already there', () => {
  let a: TestRegistry
  let b: TestRegistry
  let src: FaultProxy
  let dst: FaultProxy
  let listDigest: string
  let singleDigest: string
  let previous: RegistrySettings
  const copy = (from: string, dests: string[], extra: Partial<CopyOptions> = {}): Promise<CopyResult> =>
    copyImage({
      source: parseImageReference(from),
      destinations: dests.map(d => parseImageReference(d)),
      selection: { kind: 'all' },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 4,
      skipUnchanged: true,
      sourceContext: { registry: { tlsVerify: false, retryTimes: 1 } },
      destinationContext: { registry: { tlsVerify: false, retryTimes: 1 } },
      ...extra
    })
  const blobRequests = (p: FaultProxy): RequestRecord[] => p.records.filter(r => /\/blobs\//.test(r.path))
  const manifestRequests = (p: FaultProxy, method: string): RequestRecord[] =>
    p.records.filter(r => r.method === method && /\/manifests\//.test(r.path))
  const reset = (): void => {
    src.resetCounters()
    dst.resetCounters()
  }

  beforeAll(async () => {
    previous = configureRegistry({ retryBaseDelayMs: 20, retryMaxDelayMs: 100 })
    ;[a, b] = await Promise.all([startRegistry(), startRegistry()])
    ;[src, dst] = await Promise.all([startFaultProxy(a.url), startFaultProxy(b.url)])
    listDigest = (await ociRefDigest(exampleLayout, '1.0'))!
    await copy(example, [`docker://${a.host}/src/list:1`])
    const single = await copy(example, [`docker://${a.host}/src/single:1`], {
      selection: { kind: 'system', platform: { os: 'linux', architecture: 'amd64' } }
    })
    singleDigest = single.destinations[0].digest
  })
  afterAll(async () => {
    configureRegistry(previous)
    await Promise.all([src?.stop(), dst?.stop(), a?.stop(), b?.stop()])
    await removeTempDirs()
  })

  it('a single image: copied, then unchanged with no blob request and no manifest PUT', async () => {
    const dest = `docker://${dst.host}/single/app:1`
    const first = await copy(`docker://${src.host}/src/single:1`, [dest])
    expect(first.destinations[0].status).toBe('copied')
    expect(manifestRequests(dst, 'PUT')).toHaveLength(1)
    reset()
    const again = await copy(`docker://${src.host}/src/single:1`, [dest])
    expect(again.destinations[0]).toMatchObject({ status: 'unchanged', digest: singleDigest })
    expect(again.destinations[0].instances.map(i => [i.sourceDigest, i.digest, i.status])).toEqual([
      [singleDigest, singleDigest, 'unchanged']
    ])
    expect(blobRequests(dst)).toEqual([])
    expect(blobRequests(src)).toEqual([])
    expect(manifestRequests(dst, 'PUT')).toEqual([])
    expect(manifestRequests(dst, 'HEAD')).toHaveLength(1)
    expect(again.stats.pulledBlobs + again.stats.pushedBlobs + again.stats.reusedBlobs).toBe(0)

    reset() // pinned by digest: the source is not read at all
    const pinned = await copy(`docker://${src.host}/src/single@${singleDigest}`, [dest])
    expect(pinned.destinations[0]).toMatchObject({ status: 'unchanged', digest: singleDigest })
    expect(pinned.sourceDigest).toBe(singleDigest)
    expect(src.records).toEqual([])
    expect(blobRequests(dst)).toEqual([])
    expect(manifestRequests(dst, 'PUT')).toEqual([])
  })

  it('a 3-platform list with all images: copied, then unchanged per instance; pinned: no source manifest GET', async () => {
    const dest = `docker://${dst.host}/list/app:1`
    const first = await copy(`docker://${src.host}/src/list:1`, [dest])
    expect(first.destinations[0]).toMatchObject({ status: 'copied', digest: listDigest })
    expect(manifestRequests(dst, 'PUT')).toHaveLength(4)
    reset()
    const again = await copy(`docker://${src.host}/src/list:1`, [dest])
    expect(again.destinations[0]).toMatchObject({ status: 'unchanged', digest: listDigest })
    expect(again.destinations[0].instances.map(i => i.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged'
    ])
    // decided from the list itself: its instances' manifests are not read, its entries are reported
    expect(manifestRequests(src, 'GET')).toHaveLength(1)
    expect(again.destinations[0].instances.map(i => i.platform?.architecture)).toEqual([
      'amd64',
      'arm64',
      'arm'
    ])
    expect(again.destinations[0].manifest.length).toBeGreaterThan(0)
    expect(blobRequests(dst)).toEqual([])
    expect(blobRequests(src)).toEqual([])
    expect(manifestRequests(dst, 'PUT')).toEqual([])

    reset()
    const pinned = await copy(`docker://${src.host}/src/list@${listDigest}`, [dest])
    expect(pinned.destinations[0]).toMatchObject({ status: 'unchanged', digest: listDigest, instances: [] })
    expect(manifestRequests(src, 'GET')).toEqual([])
    expect(src.records).toEqual([])
    expect(
      dst.records.map(r => `${r.method} ${r.path.replace(/\/v2\/.*\/manifests\//, '/manifests/')}`)
    ).toEqual(expect.arrayContaining(['HEAD /manifests/1']))
    expect(blobRequests(dst)).toEqual([])
    expect(manifestRequests(dst, 'PUT')).toEqual([])
  })

  it('skip-unchanged off copies again: blobs checked, manifests PUT, no HEAD of the tag first', async () => {
    const dest = `docker://${dst.host}/list/app:1`
    reset()
    const again = await copy(`docker://${src.host}/src/list@${listDigest}`, [dest], { skipUnchanged: false })
    expect(again.destinations[0]).toMatchObject({ status: 'copied', digest: listDigest })
    expect(manifestRequests(dst, 'PUT')).toHaveLength(4)
    expect(manifestRequests(dst, 'HEAD')).toEqual([])
    expect(blobRequests(dst).filter(r => r.method === 'HEAD').length).toBeGreaterThan(0)
    expect(manifestRequests(src, 'GET').length).toBeGreaterThan(0)
  })

  it('a destination whose tag names another digest is copied; the others in the same copy stay unchanged', async () => {
    const moved = `docker://${dst.host}/moved/app:1`
    const same = `docker://${dst.host}/list/app:1`
    await copy(`docker://${src.host}/src/single:1`, [moved])
    reset()
    const result = await copy(`docker://${src.host}/src/list@${listDigest}`, [moved, same])
    expect(result.destinations.map(d => [d.status, d.digest])).toEqual([
      ['copied', listDigest],
      ['unchanged', listDigest]
    ])
    expect(manifestRequests(dst, 'PUT').every(r => r.path.includes('/moved/'))).toBe(true)
    expect(manifestRequests(dst, 'PUT')).toHaveLength(4)
  })

  it('an oci: layout: copied, then unchanged with no blob read and index.json left as it was', async () => {
    const layout = path.join(await tempDir(), 'layout')
    const dest = `oci:${layout}:v1`
    const first = await copy(`docker://${src.host}/src/list:1`, [dest])
    expect(first.destinations[0]).toMatchObject({ status: 'copied', digest: listDigest })
    const index = path.join(layout, 'index.json')
    const before = { text: await readFile(index, 'utf8'), mtime: (await stat(index)).mtimeMs }
    reset()
    const again = await copy(`docker://${src.host}/src/list:1`, [dest])
    expect(again.destinations[0]).toMatchObject({ status: 'unchanged', digest: listDigest })
    expect(blobRequests(src)).toEqual([])
    expect(await readFile(index, 'utf8')).toBe(before.text)
    expect((await stat(index)).mtimeMs).toBe(before.mtime)
    // an instance's blob missing: the layout does not hold the image whole, so it is copied again
    const instance = JSON.parse(
      await readFile(path.join(layout, 'blobs', 'sha256', listDigest.slice(7)), 'utf8')
    ).manifests[0].digest as string
    await rm(path.join(layout, 'blobs', 'sha256', instance.slice(7)))
    const repaired = await copy(`docker://${src.host}/src/list:1`, [dest])
    expect(repaired.destinations[0].status).toBe('copied')
    expect((await stat(path.join(layout, 'blobs', 'sha256', instance.slice(7)))).size).toBeGreaterThan(0)
  })

  it('a dir: directory: unchanged from a local source (the plan path); not with a signature stored beside it', async () => {
    const parent = await tempDir()
    const dest = `dir:${path.join(parent, 'img')}`
    expect((await copy(example, [dest])).destinations[0]).toMatchObject({
      status: 'copied',
      digest: listDigest
    })
    const again = await copy(example, [dest])
    expect(again.destinations[0]).toMatchObject({ status: 'unchanged', digest: listDigest })
    expect(again.stats.pulledBlobs).toBe(0)
    expect(await readdir(parent)).toEqual(['img']) // no staging directory left behind
    await writeFile(path.join(parent, 'img', 'signature-1'), 'a signature this copy would not write')
    const replaced = await copy(example, [dest])
    expect(replaced.destinations[0].status).toBe('copied')
    expect(await readdir(path.join(parent, 'img'))).not.toContain('signature-1')
  })

  it('a docker-archive source (uncompressed layers) to a registry holding them uncompressed: copied unless preserve-digests', async () => {
    const archive = `docker-archive:${path.join(await tempDir(), 'img.tar')}:acme/app:1`
    const amd64 = { kind: 'system' as const, platform: { os: 'linux', architecture: 'amd64' } }
    await copy(example, [archive], { selection: amd64 })
    const dest = `docker://${dst.host}/from-archive/app:1`
    // preserve-digests keeps the layers uncompressed: the registry holds the archive's own manifest
    const kept = await copy(archive, [dest], { selection: amd64, preserveDigests: true })
    expect(kept.destinations[0].digest).toBe(kept.sourceDigest)
    const unchanged = await copy(archive, [dest], { selection: amd64, preserveDigests: true })
    expect(unchanged.destinations[0]).toMatchObject({ status: 'unchanged', digest: kept.sourceDigest })
    // without it, the plan says the layers may be compressed: not skipped, though the tag names the
    // source's digest (the copy then finds every layer there as it is and writes the same manifest)
    reset()
    const again = await copy(archive, [dest], { selection: amd64 })
    expect(again.destinations[0].status).toBe('copied')
    expect(manifestRequests(dst, 'PUT')).toHaveLength(1)
    expect(blobRequests(dst).filter(r => r.method === 'HEAD').length).toBeGreaterThan(0)
  })

  it('the CLI: the table says unchanged, --json has the status; --skip-unchanged=false copies', async () => {
    const dest = `docker://${dst.host}/cli/app:1`
    const args = [
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      '--all-images',
      `docker://${src.host}/src/list:1`,
      dest
    ]
    expect((await runCli(args)).code).toBe(0)
    const table = await runCli(args)
    expect(table.code).toBe(0)
    expect(table.stdout.split('\n').filter(l => /\bunchanged\b/.test(l))).toHaveLength(3)
    expect(table.stderr).toMatch(/Unchanged: .*cli\/app:1 already has sha256:/)
    const json = JSON.parse((await runCli(['--json', ...args])).stdout)
    expect(json.destinations[0]).toMatchObject({ status: 'unchanged', digest: listDigest })
    expect(json.destinations[0].instances.map((i: { status: string }) => i.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged'
    ])
    const off = JSON.parse((await runCli(['--json', '--skip-unchanged=false', ...args])).stdout)
    expect(off.destinations[0].status).toBe('copied')
  })

  const withNode24 = node24 ? it : it.skip
  withNode24(
    'the bundled Action: outputs digest, digests and instances, and the summary, show unchanged',
    async () => {
      const dest = `docker://${dst.host}/action/app:1`
      const inputs = {
        src: `docker://${src.host}/src/single:1`,
        dest,
        'src-tls-verify': 'false',
        'dest-tls-verify': 'false',
        cache: 'false'
      }
      const first = await runActionStep(node24!, 'dist/main/index.js', inputs)
      expect(first.code).toBe(0)
      expect(JSON.parse(first.outputs.instances)[0].status).toBe('copied')
      const again = await runActionStep(node24!, 'dist/main/index.js', inputs)
      expect(again.code).toBe(0)
      expect(again.outputs.digest).toBe(singleDigest)
      expect(JSON.parse(again.outputs.digests)).toEqual({ [dest]: singleDigest })
      expect(JSON.parse(again.outputs.instances)).toEqual([
        expect.objectContaining({ sourceDigest: singleDigest, digest: singleDigest, status: 'unchanged' })
      ])
      expect(again.summary).toMatch(/unchanged: nothing written/)
    }
  )
})
