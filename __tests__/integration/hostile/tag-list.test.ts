// The tag list from a registry that pages it (as Docker Hub, GHCR and distribution 3 do; distribution
// 2.8, our real registry, answers in one page), and one that lies: names that are not tags, a next
// page on another host, a page that links back to itself. And Docker Hub's pull-limit headers on a
// manifest answer, logged once.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { RegistryClient } from '../../../src/registry/client.js'
import { getManifest } from '../../../src/registry/manifests.js'
import { listTags } from '../../../src/registry/tags.js'
import { startHostileRegistry, type Handler, type HostileRegistry } from '../../harness/hostile-registry.js'

const base = '/v2/acme/app/tags/list'

function page(tags: unknown[], next?: string): Handler {
  return (_req, res) => {
    const body = JSON.stringify({ name: 'acme/app', tags })
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(next ? { link: `<${next}>; rel="next"` } : {})
    })
    res.end(body)
  }
}

describe('the tag list of a registry that pages it, or lies', () => {
  let registry: HostileRegistry
  const logs: string[] = []
  const client = () =>
    new RegistryClient({
      registry: registry.host,
      repository: 'acme/app',
      access: 'pull',
      tlsVerify: false,
      credentials: { username: 'u', password: 'p' },
      settings: { log: (level, message) => logs.push(`${level}: ${message}`) }
    })

  beforeEach(async () => {
    logs.length = 0
    registry = await startHostileRegistry()
  })
  afterEach(() => registry.close())

  it('follows Link rel="next" page by page, in order, with no duplicates', async () => {
    registry.route(`${base}?n=2`, page(['v1.0.0', 'v1.1.0'], `${base}?n=2&last=v1.1.0`))
    registry.route(`${base}?n=2&last=v1.1.0`, page(['v1.2.0', 'v1.1.0'], `${base}?n=2&last=v1.2.0`))
    registry.route(`${base}?n=2&last=v1.2.0`, page(['latest']))
    expect(await listTags(client(), { pageSize: 2 })).toEqual(['v1.0.0', 'v1.1.0', 'v1.2.0', 'latest'])
    expect(registry.requests.filter(r => r.url.includes('/tags/list')).map(r => r.url)).toHaveLength(3)
  })

  it('drops names that are not tags, with a warning', async () => {
    const long = 'a'.repeat(129)
    registry.route(
      `${base}?n=1000`,
      page(['ok', '../../etc', 'a b', '-x', 42, long, '::add-mask::x', 'fine_2'])
    )
    expect(await listTags(client())).toEqual(['ok', 'fine_2'])
    expect(logs.filter(l => l.startsWith('warning:'))).toHaveLength(6)
  })

  it('refuses a next page on another host, and a page that links back', async () => {
    registry.route(`${base}?n=1000`, page(['a'], 'http://203.0.113.9/v2/acme/app/tags/list?last=a'))
    await expect(listTags(client())).rejects.toThrow(
      /next page is on another host \(203\.0\.113\.9\); not followed/
    )
    registry.route(`${base}?n=1000`, page(['a'], `${base}?n=1000`))
    await expect(listTags(client())).rejects.toThrow(/goes back to a page already read/)
  })

  it('a "tags" that is not a list is an error; none (null) is an empty list', async () => {
    registry.route(`${base}?n=1000`, (_q, res) => void res.writeHead(200).end('{"tags":"v1"}'))
    await expect(listTags(client())).rejects.toThrow(/"tags" is not a list/)
    registry.route(
      `${base}?n=1000`,
      (_q, res) => void res.writeHead(200).end('{"name":"acme/app","tags":null}')
    )
    expect(await listTags(client())).toEqual([])
  })

  it("logs Docker Hub's pull limit once, and only well-formed values", async () => {
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {},
      layers: []
    })
    const answer =
      (remaining: string): Handler =>
      (_q, res) => {
        res.writeHead(200, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
          'ratelimit-limit': '100;w=21600',
          'ratelimit-remaining': remaining
        })
        res.end(manifest)
      }
    registry.route('/v2/acme/app/manifests/bad', answer('76 (or so)'))
    registry.route('/v2/acme/app/manifests/1', answer('76;w=21600'))
    registry.route('/v2/acme/app/manifests/2', answer('75;w=21600'))
    const c = client()
    for (const ref of ['bad', '1', '2'])
      await getManifest(c, ref, ['application/vnd.oci.image.manifest.v1+json'])
    expect(logs.filter(l => l.includes('pull limit'))).toEqual([
      `info: ${registry.host} pull limit: 76 of 100 manifest requests left per 6 h`
    ])
  })
})
