// The auth-file fixtures of containers/image (pkg/docker/config/testdata), looked up for the hosts they
// name, with the answers containers/image's own tests expect (TestGetAuth, TestGetAuthFromLegacyFile).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readdir } from 'node:fs/promises'
import { lookupCredentials, type RegistryCredentials } from '../../../src/auth/index.js'
import { FIXTURES, makeSandbox, type Sandbox } from './sandbox.js'

/** `host/repo/…` split as a reference would be. */
function split(key: string): [string, string] {
  const slash = key.indexOf('/')
  return slash === -1 ? [key, ''] : [key.slice(0, slash), key.slice(slash + 1)]
}

const up = (username: string, password: string): RegistryCredentials => ({ username, password })

const CASES: Array<[fixture: string, key: string, expected: RegistryCredentials | undefined]> = [
  ['example.json', 'example.org', up('example', 'org')],
  ['example.json', 'registry.example.org', undefined],
  ['full.json', 'docker.io', up('docker', 'io')],
  ['full.json', 'example.org', up('example', 'org')],
  ['full.json', 'normalize.example.org', up('normalize', 'example')],
  ['full.json', 'localhost', up('local', 'host')],
  ['full.json', 'localhost:5000', up('local', 'host-5000')],
  ['full.json', '10.10.30.45', up('10.10', '30.45')],
  ['full.json', '10.10.30.45:5000', up('10.10', '30.45-5000')],
  ['abnormal.json', 'docker.io', up('index', 'docker.io')],
  ['abnormal.json', 'registry-1.docker.io', up('index', 'docker.io')],
  ['abnormal.json', 'example.org', up('example', 'org')],
  ['abnormal.json', '127.0.0.1:5000', up('127.0', '0.1-5000')],
  ['abnormal.json', 'localhost', up('local', 'host')],
  ['abnormal.json', 'localhost:5001', up('local', 'host-5001')],
  ['abnormal.json', 'localhost:5000', up('local', 'host-5000')],
  [
    'example_identitytoken.json',
    'example.org',
    { username: '00000000-0000-0000-0000-000000000000', identityToken: 'some very long identity token' }
  ],
  ['empty.json', 'localhost:5000', undefined],
  ['refpath.json', 'example.org/repo/image', up('example', 'org')],
  ['refpath.json', 'example.org/repo', up('example', 'org')],
  ['refpath.json', 'example.org/image', up('local', 'host')],
  ['refpath.json', 'docker.io/library/busybox', up('library', 'busybox')],
  ['refpath.json', 'docker.io/library/notbusybox', up('library', 'other')],
  ['refpath.json', 'docker.io/vendor/product', up('first', 'level')],
  ['refpath.json', 'docker.io/vendor', up('first', 'level')],
  ['refpath.json', 'docker.io/other-vendor/other-product', up('top', 'level')],
  ['refpath.json', 'registry-1.docker.io/library/busybox', up('library', 'busybox')],
  // legacy.json is a .dockercfg: read as config.json/auth.json its entries are unknown top-level fields.
  ['legacy.json', 'localhost', undefined]
]

describe('containers/image auth fixtures', () => {
  let sb: Sandbox
  beforeEach(async () => {
    sb = await makeSandbox()
  })
  afterEach(async () => {
    await sb.cleanup()
  })

  it('covers every fixture file', async () => {
    const files = (await readdir(FIXTURES)).filter(f => f.endsWith('.json')).sort()
    const covered = new Set([...CASES.map(c => c[0]), 'config.json'])
    expect(files.filter(f => !covered.has(f))).toEqual([])
  })

  describe.each([
    ['containers auth.json ($XDG_RUNTIME_DIR)', (s: Sandbox) => s.runtimeAuth],
    ['docker config.json (~/.docker)', (s: Sandbox) => s.dockerConfig]
  ])('in %s', (_where, target) => {
    it.each(CASES)('%s: %s', async (fixture, key, expected) => {
      const path = await sb.copyFixture(fixture, target(sb))
      const [host, repository] = split(key)
      const result = await lookupCredentials(host, repository, { env: sb.env })
      expect(result.credentials).toEqual(expected)
      if (expected) expect(result.from).toMatch(new RegExp(`^${path.replace(/[.]/g, '\\.')} auths\\["`))
      else expect(result.from).toBe('anonymous')
    })
  })

  it.each([
    ['localhost', up('local', 'host-legacy')],
    ['docker.io', up('docker', 'io-legacy')],
    ['index.docker.io', up('docker', 'io-legacy')],
    ['example.org', undefined]
  ])('legacy.json as ~/.dockercfg: %s', async (host, expected) => {
    const path = await sb.copyFixture('legacy.json', `${sb.home}/.dockercfg`)
    const result = await lookupCredentials(host, 'some/repo', { env: sb.env })
    expect(result.credentials).toEqual(expected)
    if (expected) expect(result.from.startsWith(`${path} [`)).toBe(true)
  })

  it('prefers ~/.docker/config.json (full.json) to ~/.dockercfg (legacy.json)', async () => {
    await sb.copyFixture('full.json', sb.dockerConfig)
    await sb.copyFixture('legacy.json', `${sb.home}/.dockercfg`)
    const result = await lookupCredentials('docker.io', 'library/busybox', { env: sb.env })
    expect(result.credentials).toEqual(up('docker', 'io'))
  })

  it('config.json: credHelpers entry whose helper has no credentials is no match', async () => {
    await sb.copyFixture('config.json', sb.dockerConfig)
    await sb.helper('helper-registry', { 'registry-a.com': { Username: 'foo', Secret: 'bar' } })
    const result = await lookupCredentials('registry-no-creds.com', 'app', { env: sb.env })
    expect(result).toEqual({ from: 'anonymous' })
    expect(await sb.calls()).toEqual([
      { program: 'docker-credential-helper-registry', args: ['get'], stdin: 'registry-no-creds.com\n' }
    ])
  })

  it('config.json: the helper is not consulted for other registries', async () => {
    await sb.copyFixture('config.json', sb.dockerConfig)
    await sb.helper('helper-registry', {})
    expect(await lookupCredentials('registry-a.com', 'app', { env: sb.env })).toEqual({ from: 'anonymous' })
    expect(await sb.calls()).toEqual([])
  })

  it('config.json: a helper missing from PATH is an error naming it and the file', async () => {
    const path = await sb.copyFixture('config.json', sb.dockerConfig)
    const error = await lookupCredentials('registry-no-creds.com', 'app', { env: sb.env }).catch(
      e => e as Error
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toContain('docker-credential-helper-registry')
    expect((error as Error).message).toContain(path)
  })
})
