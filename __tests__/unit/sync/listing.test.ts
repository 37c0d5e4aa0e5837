// The pieces of a many-image listing that need no registry: tag patterns, the skopeo sync file read
// strictly, skopeo's destination naming, the shard split, and the Link header of a tag list page.
import { describe, expect, it } from '@jest/globals'
import { parseDockerReference } from '../../../src/reference/docker.js'
import { nextLink } from '../../../src/registry/tags.js'
import { syncDestination } from '../../../src/sync/jobs.js'
import { parseManyRequest } from '../../../src/sync/request.js'
import { assignShards, shardMatrix } from '../../../src/sync/shards.js'
import { parseSyncFile } from '../../../src/sync/sync-file.js'
import { tagPattern, withExclusion, regexFilter } from '../../../src/sync/tag-filter.js'

describe('tag patterns', () => {
  const tags = ['v1.0.0', 'v1.2.0', 'v1.10.3', 'v2.0.0', '1.5.0', 'latest', 'v1.2.0-rc.1']
  it('a regular expression matches anywhere unless anchored; exclude-tags removes', () => {
    expect(tags.filter(tagPattern('^v1\\.', 'tags'))).toEqual(['v1.0.0', 'v1.2.0', 'v1.10.3', 'v1.2.0-rc.1'])
    expect(tags.filter(tagPattern('rc', 'tags'))).toEqual(['v1.2.0-rc.1'])
    expect(
      tags.filter(withExclusion(tagPattern('^v1\\.', 'tags'), regexFilter('-rc', 'exclude-tags')))
    ).toEqual(['v1.0.0', 'v1.2.0', 'v1.10.3'])
  })
  it('semver: and a range; tags that are not versions are ignored', () => {
    expect(tags.filter(tagPattern('semver: >=1.2 <2', 'tags'))).toEqual(['v1.2.0', 'v1.10.3', '1.5.0'])
  })
  it('a bad pattern is a usage error naming the input', () => {
    expect(() => tagPattern('^v1(', 'input "tags"')).toThrow(
      /input "tags": "\^v1\(" is not a regular expression/
    )
    expect(() => tagPattern('semver: >=abc', 'input "tags"')).toThrow(
      /input "tags": ">=abc" is not a semver range/
    )
  })
})

describe('the skopeo sync file', () => {
  const file = `
registry.example.com:
  images:
    busybox: []
    redis:
      - "1.0"
      - 2.0
      - "sha256:0000000000000000000000000000000000000000000000000000000000000000"
  images-by-tag-regex:
    nginx: ^1\\.13\\.[12]-alpine-perl$
  images-by-semver:
    alpine: ">= 3.12.0"
  credentials:
    username: john
    password: this is a secret
  tls-verify: false
  cert-dir: /home/john/certs
quay.io:
  images:
    coreos/etcd: [latest]
`
  it('reads every key skopeo documents', async () => {
    const [a, b] = await parseSyncFile(file, 'sync.yml')
    expect(a).toEqual({
      registry: 'registry.example.com',
      images: [
        { repository: 'busybox', refs: [] },
        { repository: 'redis', refs: ['1.0', '2', 'sha256:' + '0'.repeat(64)] }
      ],
      byTagRegex: [{ repository: 'nginx', pattern: '^1\\.13\\.[12]-alpine-perl$' }],
      bySemver: [{ repository: 'alpine', range: '>= 3.12.0' }],
      credentials: { username: 'john', password: 'this is a secret' },
      tlsVerify: false,
      certDir: '/home/john/certs'
    })
    expect(b).toMatchObject({
      registry: 'quay.io',
      images: [{ repository: 'coreos/etcd', refs: ['latest'] }]
    })
  })

  it.each([
    ['r.io:\n  image: {a: []}\n', /sync.yml: r.io.image: expected one of images, .* \(unknown key\)/],
    ['r.io:\n  credentials: {user: x}\n', /r.io.credentials.user: expected username or password/],
    ['r.io:\n  tls-verify: maybe\n', /r.io.tls-verify: expected true or false/],
    ['r.io:\n  images: [a, b]\n', /r.io.images: expected a map of repository names/],
    ['r.io:\n  images: {a: latest}\n', /r.io.images.a: expected a list of tags or digests/],
    ['- a\n- b\n', /the top level: expected a map of registry names/],
    ['r.io: [\n', /sync.yml is not valid YAML/]
  ])('refuses %j', async (text, error) => {
    await expect(parseSyncFile(text, 'sync.yml')).rejects.toThrow(error)
  })
})

describe('destination names, as skopeo sync --dest docker', () => {
  const ref = (t: string) => parseDockerReference(t)
  it('the last path component, or the whole reference with scoped', () => {
    expect(syncDestination('ghcr.io/acme/mirror', ref('quay.io/coreos/etcd:3.5'), false)).toBe(
      'docker://ghcr.io/acme/mirror/etcd:3.5'
    )
    expect(syncDestination('ghcr.io/acme/mirror/', ref('quay.io/coreos/etcd:3.5'), true)).toBe(
      'docker://ghcr.io/acme/mirror/quay.io/coreos/etcd:3.5'
    )
    expect(syncDestination('h:5000/m', ref('busybox:1'), true)).toBe(
      'docker://h:5000/m/docker.io/library/busybox:1'
    )
    const digest = 'sha256:' + 'a'.repeat(64)
    expect(syncDestination('h:5000/m', ref(`r.io/a/b@${digest}`), false)).toBe(
      `docker://h:5000/m/b@${digest}`
    )
  })
})

describe('shards', () => {
  it('balanced by weight, deterministic, every job in exactly one shard', () => {
    const jobs = [50, 10, 40, 30, 20, 60].map((weight, i) => ({ key: `t${i}`, weight }))
    const shards = assignShards(jobs, 3)
    expect(assignShards([...jobs], 3)).toEqual(shards)
    const load = [1, 2, 3].map(s => jobs.filter((_, i) => shards[i] === s).reduce((n, j) => n + j.weight, 0))
    expect(load.sort()).toEqual([70, 70, 70])
    expect(shardMatrix(3)).toEqual({ shard: ['1/3', '2/3', '3/3'] })
  })
  it('equal weights split by name, whatever the listing order', () => {
    const a = [
      { key: 'x', weight: 1 },
      { key: 'y', weight: 1 }
    ]
    const shardOf = (jobs: typeof a) =>
      Object.fromEntries(jobs.map((j, i) => [j.key, assignShards(jobs, 2)[i]]))
    expect(shardOf(a)).toEqual(shardOf([...a].reverse()))
  })
})

describe('the tag list Link header', () => {
  it('finds rel="next" among links', () => {
    expect(nextLink('</v2/a/tags/list?last=x&n=2>; rel="next"')).toBe('/v2/a/tags/list?last=x&n=2')
    expect(nextLink('<https://e/p>; rel="prev", </n>; rel=next')).toBe('/n')
    expect(nextLink('</n>; rel="nextish"')).toBeUndefined()
    expect(nextLink(undefined)).toBeUndefined()
  })
})

describe('the many-image options', () => {
  const reader = (values: Record<string, string>) => ({
    label: (n: string) => `--${n}`,
    get: (n: string) => values[n],
    getList: () => []
  })
  it('none set: one image; plan and shard exclude each other; shard is i/N', () => {
    expect(parseManyRequest(reader({}))).toBeUndefined()
    expect(parseManyRequest(reader({ tags: '^v1', shard: '2/3' }))?.shard).toEqual({ index: 2, count: 3 })
    expect(() => parseManyRequest(reader({ tags: 'x', plan: '3', shard: '1/3' }))).toThrow(/give one of them/)
    expect(() => parseManyRequest(reader({ shard: '4/3' }))).toThrow(/--shard: "4\/3" is not a shard/)
    expect(() => parseManyRequest(reader({ tags: 'x', 'images-file': 'f' }))).toThrow(/cannot go together/)
    expect(() => parseManyRequest(reader({ 'exclude-tags': 'x' }))).toThrow(/--exclude-tags goes with/)
  })
})
