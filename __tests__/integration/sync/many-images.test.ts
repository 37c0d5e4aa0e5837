// Many images in one step, against the real distribution registry, with skopeo as the oracle: a source
// repository of 7 tags (lists and single images, OCI and Docker types); `tags` copies exactly the
// matching tags with their digests (the bundled Action, as the runner runs it); the tag list is read
// page by page; a skopeo sync file gives the same destination tags and digests as `skopeo sync`; plan
// then three shards, one after another in separate processes, equal a one-step copy and reuse each
// other's blob cache; one image the destination refuses fails alone, named, and fails the step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { RegistryClient } from '../../../src/registry/client.js'
import { listTags } from '../../../src/registry/tags.js'
import { requireNode24, runActionStep } from '../../harness/action-runner.js'
import { runCli } from '../../harness/cli-run.js'
import { startFaultProxy } from '../../harness/fault-proxy.js'
import {
  exampleLayout,
  ociRefDigest,
  readIndexJson,
  removeTempDirs,
  sha256,
  skopeo,
  tempDir
} from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

const node24 = requireNode24()
const skopeoPath = requireProgram('skopeo')
const registryPath = requireProgram('docker-registry')
const withAll = node24 && skopeoPath && registryPath ? describe : describe.skip
const exec = promisify(execFile)

const example = `oci:${exampleLayout}:1.0`
/** The source repository: how each tag is pushed with skopeo copy. */
const SOURCE_TAGS: Record<string, string[]> = {
  'v1.0.0': ['--all'], // OCI index of 3
  'v1.1.0': [], // one OCI manifest, this machine's platform
  'v1.2.0': ['--all', '--format', 'v2s2'], // Docker list
  'v1.2.0-rc.1': ['--format', 'v2s2'], // one Docker v2s2 image
  'v2.0.0': ['--override-arch', 'arm64'],
  '1.5.0': ['--all', '--format', 'v2s2'],
  latest: ['--all']
}
const TLS = ['--src-tls-verify=false', '--dest-tls-verify=false']

withAll('many images against a real registry', () => {
  let registry: TestRegistry
  let other: TestRegistry
  let policyDir: string
  const digests: Record<string, string> = {}
  const sk = (...args: string[]) => skopeo(skopeoPath!, args, policyDir)
  const rawDigest = async (ref: string) =>
    sha256(Buffer.from(await sk('inspect', '--raw', '--tls-verify=false', ref)))
  const tagsAt = async (repo: string): Promise<string[]> => {
    const out = await sk('list-tags', '--tls-verify=false', `docker://${repo}`).catch(() => '{"Tags":[]}')
    return ((JSON.parse(out) as { Tags: string[] | null }).Tags ?? []).sort()
  }
  /** tag → digest of every tag of a repository. */
  const contents = async (repo: string): Promise<Record<string, string>> => {
    const out: Record<string, string> = {}
    for (const tag of await tagsAt(repo)) out[tag] = await rawDigest(`docker://${repo}:${tag}`)
    return out
  }
  const src = () => `docker://${registry.host}/src/app`

  beforeAll(async () => {
    policyDir = await tempDir()
    registry = await startRegistry()
    other = await startRegistry()
    for (const [tag, flags] of Object.entries(SOURCE_TAGS)) {
      await sk(
        'copy',
        ...flags,
        '--dest-tls-verify=false',
        example,
        `docker://${registry.host}/src/app:${tag}`
      )
      digests[tag] = await rawDigest(`docker://${registry.host}/src/app:${tag}`)
    }
    for (const [tag, flags] of [
      ['a', []],
      ['b', ['--all']]
    ] as const) {
      await sk(
        'copy',
        ...flags,
        '--dest-tls-verify=false',
        example,
        `docker://${registry.host}/src/other:${tag}`
      )
    }
  })
  afterAll(async () => {
    await Promise.all([registry?.stop(), other?.stop()])
    await removeTempDirs()
  })

  it('the source has 7 tags, lists and single images', async () => {
    expect(await tagsAt(`${registry.host}/src/app`)).toEqual(Object.keys(SOURCE_TAGS).sort())
    expect(new Set(Object.values(digests)).size).toBeGreaterThanOrEqual(5)
  })

  it('the tag list: every tag, as skopeo lists it (paging is tested against a registry that pages)', async () => {
    const client = new RegistryClient({
      registry: registry.host,
      repository: 'src/app',
      access: 'pull',
      tlsVerify: false
    })
    expect((await listTags(client, { pageSize: 2 })).sort()).toEqual(await tagsAt(`${registry.host}/src/app`))
  })

  it('the Action: tags ^v1\\. copies exactly the matching tags, with their digests', async () => {
    const dest = `docker://${registry.host}/mirror-a/app`
    const run = await runActionStep(node24!, 'dist/main/index.js', {
      src: src(),
      dest,
      tags: '^v1\\.',
      'all-images': 'true',
      'src-tls-verify': 'false',
      'dest-tls-verify': 'false'
    })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.code).toBe(0)
    const matching = ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.2.0-rc.1']
    expect(await contents(`${registry.host}/mirror-a/app`)).toEqual(
      Object.fromEntries(matching.map(t => [t, digests[t]]))
    )
    const images = JSON.parse(run.outputs.images) as Array<{
      destination: string
      digest: string
      status: string
    }>
    expect(images.map(i => [i.destination, i.digest, i.status]).sort()).toEqual(
      matching.map(t => [`${dest}:${t}`, digests[t], 'copied']).sort()
    )
    expect(JSON.parse(run.outputs.failed)).toEqual({})
    expect(run.stdout).toMatch(/^TOTAL .*4 image\(s\): 4 copied/m)
    expect(run.summary).toContain(digests['v1.2.0'])
  })

  it('the same tags copied again: every image unchanged, no blob request and no manifest PUT at either end', async () => {
    const proxy = await startFaultProxy(registry.url)
    try {
      const dest = `docker://${proxy.host}/mirror-again/app`
      const source = `docker://${proxy.host}/src/app`
      const inputs = {
        src: source,
        dest,
        tags: '^v1\\.',
        'all-images': 'true',
        'src-tls-verify': 'false',
        'dest-tls-verify': 'false'
      }
      const first = await runActionStep(node24!, 'dist/main/index.js', inputs)
      expect(first.code).toBe(0)
      proxy.resetCounters()
      const second = await runActionStep(node24!, 'dist/main/index.js', inputs)
      expect(second.code).toBe(0)
      const images = JSON.parse(second.outputs.images) as Array<{ status: string; digest: string }>
      expect(images.map(i => i.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged'])
      expect(images.map(i => i.digest).sort()).toEqual(
        ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.2.0-rc.1'].map(t => digests[t]).sort()
      )
      expect(proxy.records.filter(r => /\/blobs\//.test(r.path))).toEqual([])
      expect(proxy.records.filter(r => r.method === 'PUT')).toEqual([])
    } finally {
      await proxy.stop()
    }
  })

  it('the CLI: a semver range, exclude-tags; tags that are not versions are ignored', async () => {
    const dest = `docker://${registry.host}/mirror-b/app`
    const run = await runCli([
      '--tags',
      'semver: >=1.1 <2',
      '--exclude-tags',
      'rc',
      '--all-images',
      ...TLS,
      src(),
      dest
    ])
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
    expect(await contents(`${registry.host}/mirror-b/app`)).toEqual({
      '1.5.0': digests['1.5.0'],
      'v1.1.0': digests['v1.1.0'],
      'v1.2.0': digests['v1.2.0']
    })
  })

  it('a skopeo sync file: the same destination tags and digests as skopeo sync --src yaml --dest docker', async () => {
    const file = path.join(await tempDir(), 'sync.yml')
    await writeFile(
      file,
      [
        `${registry.host}:`,
        '  images:',
        '    src/app:',
        '      - v1.0.0',
        `      - "${digests['v2.0.0']}"`,
        '    src/other: []',
        '  images-by-tag-regex:',
        "    src/app: '^v1\\.2'",
        '  tls-verify: false',
        ''
      ].join('\n')
    )
    await sk(
      'sync',
      '--src',
      'yaml',
      '--dest',
      'docker',
      '--all',
      '--dest-tls-verify=false',
      file,
      `${registry.host}/by-skopeo`
    )
    const run = await runCli([
      '--images-file',
      file,
      '--all-images',
      '--dest-tls-verify=false',
      `docker://${registry.host}/by-us`
    ])
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
    for (const repo of ['app', 'other']) {
      const theirs = await contents(`${registry.host}/by-skopeo/${repo}`)
      expect(Object.keys(theirs).length).toBeGreaterThan(1)
      expect(await contents(`${registry.host}/by-us/${repo}`)).toEqual(theirs)
    }
    expect(Object.keys(await contents(`${registry.host}/by-us/app`))).toEqual([
      'v1.0.0',
      'v1.2.0',
      'v1.2.0-rc.1'
    ])
    // The image named by digest only: pushed by digest, untagged, by both.
    const d = digests['v2.0.0']
    expect(await rawDigest(`docker://${registry.host}/by-us/app@${d}`)).toBe(
      await rawDigest(`docker://${registry.host}/by-skopeo/app@${d}`)
    )
  })

  it('images-by-semver (the skopeo here, 1.9, predates it): the tags in the range; tags that are not versions ignored', async () => {
    const file = path.join(await tempDir(), 'semver.yml')
    await writeFile(
      file,
      `${registry.host}:\n  images-by-semver:\n    src/app: '>= 1.5'\n  tls-verify: false\n`
    )
    const run = await runCli([
      '--images-file',
      file,
      '--all-images',
      '--dest-tls-verify=false',
      `docker://${registry.host}/semver`
    ])
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
    expect(await contents(`${registry.host}/semver/app`)).toEqual({
      '1.5.0': digests['1.5.0'],
      'v2.0.0': digests['v2.0.0']
    })
  })

  it('a sync file naming one repository in several sections: its tag list is read once', async () => {
    const proxy = await startFaultProxy(registry.url)
    try {
      const file = path.join(await tempDir(), 'sections.yml')
      await writeFile(
        file,
        [
          `${proxy.host}:`,
          '  images-by-tag-regex:',
          "    src/app: '^v1\\.2'",
          '  images-by-semver:',
          "    src/app: '>= 1.5'",
          '  tls-verify: false',
          ''
        ].join('\n')
      )
      const run = await runCli([
        '--images-file',
        file,
        '--all-images',
        '--plan',
        '1',
        '--json',
        '--dest-tls-verify=false',
        `docker://${registry.host}/sections`
      ])
      expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
      const images = (JSON.parse(run.stdout) as { images: Array<{ source: string }> }).images
      expect(images.map(i => i.source.replace(/.*:/, '')).sort()).toEqual(
        ['1.5.0', 'v1.2.0', 'v1.2.0-rc.1', 'v2.0.0'].sort()
      )
      expect(proxy.count({ method: 'GET', path: /\/tags\/list/ })).toBe(1)
    } finally {
      await proxy.stop()
    }
  })

  it('an oci: layout as the source: its tags are the ref names of index.json', async () => {
    const layout = path.join(await tempDir(), 'layout')
    await sk('copy', '--all', example, `oci:${layout}:v1.0`)
    await sk('copy', example, `oci:${layout}:v1.1`)
    await sk('copy', '--all', example, `oci:${layout}:nightly`)
    const out = path.join(await tempDir(), 'out')
    const run = await runCli(['--tags', '^v1', '--all-images', `oci:${layout}`, `oci:${out}`])
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
    const refs = (await readIndexJson(out)).manifests.map(
      m => m.annotations?.['org.opencontainers.image.ref.name']
    )
    expect(refs.sort()).toEqual(['v1.0', 'v1.1'])
    for (const ref of ['v1.0', 'v1.1'])
      expect(await ociRefDigest(out, ref)).toBe(await ociRefDigest(layout, ref))
  })

  it("a sync file's credentials and tls-verify for its registry: used, named in the log, never printed", async () => {
    const alice = { name: 'alice', password: 'pw-Alice-sync-51e2' }
    const secured = await startRegistry({ auth: 'htpasswd', users: [alice] })
    try {
      const creds = `--dest-creds=${alice.name}:${alice.password}`
      await sk('copy', '--dest-tls-verify=false', creds, example, `docker://${secured.host}/team/app:1`)
      const file = path.join(await tempDir(), 'creds.yml')
      const yml = [
        `${secured.host}:`,
        '  images:',
        '    team/app: []',
        '  credentials:',
        `    username: ${alice.name}`
      ]
      await writeFile(file, [...yml, `    password: ${alice.password}`, '  tls-verify: false', ''].join('\n'))
      const run = await runCli([
        '--images-file',
        file,
        '--dest-tls-verify=false',
        `docker://${registry.host}/from-secured`
      ])
      expect([run.code, run.stderr]).toEqual([
        0,
        expect.stringContaining(
          `Credentials for ${secured.host}/team/app: ${file}: ${secured.host}.credentials`
        )
      ])
      expect(run.stdout + run.stderr).not.toContain(alice.password)
      expect(await tagsAt(`${registry.host}/from-secured/app`)).toEqual(['1'])
      // Without them the same file cannot list the repository.
      await writeFile(
        file,
        [`${secured.host}:`, '  images:', '    team/app: []', '  tls-verify: false', ''].join('\n')
      )
      const denied = await runCli([
        '--images-file',
        file,
        '--dest-tls-verify=false',
        `docker://${registry.host}/from-secured`
      ])
      expect(denied.code).not.toBe(0)
    } finally {
      await secured.stop()
    }
  })

  it('plan: 3, then the three shards one after another: their union is a one-step copy; each reuses the blob cache', async () => {
    const proxy = await startFaultProxy(registry.url)
    const cacheDir = await tempDir()
    const cli = async (...args: string[]) => {
      // The bundled CLI in its own process, as a runner of its own would run it.
      const { stdout } = await exec(node24!, ['dist/cli/index.js', ...args, '--json', ...TLS], {
        env: { ...process.env, IMAGE_COPY_BLOB_INFO_CACHE: 'off' },
        maxBuffer: 64 << 20
      })
      return JSON.parse(stdout) as {
        images: Array<{ source: string; destination: string; status: string; bytes: number; shard?: number }>
        matrix?: unknown
        stats?: { cachedBlobs: number; pulledBlobs: number }
      }
    }
    try {
      const source = `docker://${proxy.host}/src/app`
      const planned = await cli(
        '--tags',
        '.',
        '--all-images',
        '--plan',
        '3',
        source,
        `docker://${other.host}/planned/app`
      )
      expect(planned.matrix).toEqual({ shard: ['1/3', '2/3', '3/3'] })
      expect(planned.images).toHaveLength(7)
      expect(planned.images.every(i => i.status === 'planned' && i.bytes > 0)).toBe(true)
      const plannedShards = new Set(planned.images.map(i => i.shard))
      expect(plannedShards).toEqual(new Set([1, 2, 3]))
      const union: Record<string, string> = {}
      const cached: number[] = []
      const blobGets: string[] = []
      for (const shard of [1, 2, 3]) {
        proxy.resetCounters()
        const repo = `${other.host}/shard-${shard}/app`
        const run = await cli(
          '--tags',
          '.',
          '--all-images',
          '--shard',
          `${shard}/3`,
          '--cache-dir',
          cacheDir,
          source,
          `docker://${repo}`
        )
        const tags = run.images.map(i => i.source.replace(/^.*:/, '')).sort()
        expect(tags).toEqual(
          planned.images
            .filter(i => i.shard === shard)
            .map(i => i.source.replace(/^.*:/, ''))
            .sort()
        )
        Object.assign(union, await contents(repo))
        cached.push(run.stats!.cachedBlobs)
        blobGets.push(
          ...proxy.records.filter(r => r.method === 'GET' && /\/blobs\/sha256:/.test(r.path)).map(r => r.path)
        )
      }
      // No blob is pulled from the source twice: a later shard takes what an earlier one cached.
      expect(blobGets.length).toBeGreaterThan(0)
      expect(new Set(blobGets).size).toBe(blobGets.length)
      expect(cached[1] + cached[2]).toBeGreaterThan(0)
      const one = await cli('--tags', '.', '--all-images', source, `docker://${other.host}/one-step/app`)
      expect(one.images.every(i => i.status === 'copied')).toBe(true)
      expect(union).toEqual(await contents(`${other.host}/one-step/app`))
      expect(Object.keys(union).sort()).toEqual(Object.keys(SOURCE_TAGS).sort())
    } finally {
      await proxy.stop()
    }
  })

  it('one tag the destination refuses: the others are copied, failed names it, the step fails', async () => {
    const proxy = await startFaultProxy(other.url)
    try {
      proxy.inject({
        kind: 'status',
        status: 403,
        code: 'DENIED',
        count: 100,
        match: { method: 'PUT', path: /\/manifests\/v1\.1\.0$/ }
      })
      const dest = `docker://${proxy.host}/refusing/app`
      const run = await runActionStep(node24!, 'dist/main/index.js', {
        src: src(),
        dest,
        tags: '^v1\\.',
        'all-images': 'true',
        'src-tls-verify': 'false',
        'dest-tls-verify': 'false'
      })
      expect(run.code).not.toBe(0)
      expect(Object.keys(JSON.parse(run.outputs.failed))).toEqual([`${dest}:v1.1.0`])
      const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('v1.1.0')
      expect(run.stdout).toMatch(/Failed: 1 of 4 image\(s\): .*refusing\/app:v1\.1\.0/)
      const statuses = (JSON.parse(run.outputs.images) as Array<{ destination: string; status: string }>).map(
        i => [i.destination.replace(/^.*:/, ''), i.status]
      )
      expect(statuses.sort()).toEqual([
        ['v1.0.0', 'copied'],
        ['v1.1.0', 'failed'],
        ['v1.2.0', 'copied'],
        ['v1.2.0-rc.1', 'copied']
      ])
      expect(await contents(`${other.host}/refusing/app`)).toEqual({
        'v1.0.0': digests['v1.0.0'],
        'v1.2.0': digests['v1.2.0'],
        'v1.2.0-rc.1': digests['v1.2.0-rc.1']
      })
    } finally {
      await proxy.stop()
    }
  })
})
