// The lookup order of DESIGN.md section 6 with real files in a throwaway home.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { isAbsolute, join, relative } from 'node:path'
import {
  authFileLocations,
  credentialLookup,
  CredentialLookupError,
  lookupCredentials
} from '../../../src/auth/index.js'
import { basicAuth, makeSandbox, type Sandbox } from './sandbox.js'

let sb: Sandbox
beforeEach(async () => {
  sb = await makeSandbox()
})
afterEach(async () => {
  await sb.cleanup()
})

const auths = (entries: Record<string, [string, string]>): unknown => ({
  auths: Object.fromEntries(Object.entries(entries).map(([k, [u, p]]) => [k, { auth: basicAuth(u, p) }]))
})

describe('docker config.json as docker/login-action writes it', () => {
  const config = auths({
    'https://index.docker.io/v1/': ['hubuser', 'hub-token'],
    'ghcr.io': ['octocat', 'ghp_token'],
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com': ['AWS', 'ecr-password']
  })

  it.each([
    ['docker.io', 'library/alpine', 'hubuser', 'hub-token', 'https://index.docker.io/v1/'],
    ['registry-1.docker.io', 'library/alpine', 'hubuser', 'hub-token', 'https://index.docker.io/v1/'],
    ['index.docker.io', 'acme/app', 'hubuser', 'hub-token', 'https://index.docker.io/v1/'],
    ['ghcr.io', 'acme/app', 'octocat', 'ghp_token', 'ghcr.io'],
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      'app',
      'AWS',
      'ecr-password',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
    ]
  ])('in $DOCKER_CONFIG: %s/%s', async (host, repository, username, password, key) => {
    const dir = join(sb.root, 'docker-config')
    const path = await sb.write(join(dir, 'config.json'), config)
    const result = await lookupCredentials(host, repository, { env: { ...sb.env, DOCKER_CONFIG: dir } })
    expect(result).toEqual({ credentials: { username, password }, from: `${path} auths["${key}"]` })
  })

  it('in ~/.docker/config.json when DOCKER_CONFIG is unset', async () => {
    const path = await sb.write(sb.dockerConfig, config)
    const result = await lookupCredentials('docker.io', 'library/alpine', { env: sb.env })
    expect(result).toEqual({
      credentials: { username: 'hubuser', password: 'hub-token' },
      from: `${path} auths["https://index.docker.io/v1/"]`
    })
  })

  it('DOCKER_CONFIG replaces ~/.docker', async () => {
    await sb.write(sb.dockerConfig, config)
    const result = await lookupCredentials('ghcr.io', 'a/b', {
      env: { ...sb.env, DOCKER_CONFIG: join(sb.root, 'none') }
    })
    expect(result.from).toBe('anonymous')
  })

  it('matches no other registry', async () => {
    await sb.write(sb.dockerConfig, config)
    expect(await lookupCredentials('quay.io', 'a/b', { env: sb.env })).toEqual({ from: 'anonymous' })
  })
})

describe('auths entries', () => {
  it('splits `auth` at the first colon: a password may contain colons', async () => {
    await sb.write(sb.dockerConfig, auths({ 'r.example': ['user', 'pa:ss:word'] }))
    const { credentials } = await lookupCredentials('r.example', 'x', { env: sb.env })
    expect(credentials).toEqual({ username: 'user', password: 'pa:ss:word' })
  })

  it('reads unicode and trims NULs around the password as upstream does', async () => {
    const auth = Buffer.from('üser:pässwörd\0\0').toString('base64')
    await sb.write(sb.dockerConfig, { auths: { 'r.example': { auth } } })
    const { credentials } = await lookupCredentials('r.example', 'x', { env: sb.env })
    expect(credentials).toEqual({ username: 'üser', password: 'pässwörd' })
  })

  it('accepts base64 without padding', async () => {
    const auth = basicAuth('user', 'pw').replace(/=+$/, '')
    expect(auth.length % 4).not.toBe(0)
    await sb.write(sb.dockerConfig, { auths: { 'r.example': { auth } } })
    expect((await lookupCredentials('r.example', 'x', { env: sb.env })).credentials).toEqual({
      username: 'user',
      password: 'pw'
    })
  })

  it('reads `username`/`password` fields, and `auth` wins over them (as docker loads them)', async () => {
    await sb.write(sb.dockerConfig, {
      auths: {
        'a.example': { username: 'plain', password: 'fields' },
        'b.example': { username: 'ignored', password: 'ignored', auth: basicAuth('from', 'auth') }
      }
    })
    expect((await lookupCredentials('a.example', 'x', { env: sb.env })).credentials).toEqual({
      username: 'plain',
      password: 'fields'
    })
    expect((await lookupCredentials('b.example', 'x', { env: sb.env })).credentials).toEqual({
      username: 'from',
      password: 'auth'
    })
  })

  it('reads identitytoken (OAuth2 refresh token) and registrytoken', async () => {
    await sb.write(sb.dockerConfig, {
      auths: {
        'acr.example': {
          auth: basicAuth('00000000-0000-0000-0000-000000000000', ''),
          identitytoken: 'refresh-me'
        },
        'only-token.example': { identitytoken: 'just-a-refresh-token' },
        'bearer.example': { registrytoken: 'bearer-token' }
      }
    })
    expect((await lookupCredentials('acr.example', 'x', { env: sb.env })).credentials).toEqual({
      username: '00000000-0000-0000-0000-000000000000',
      identityToken: 'refresh-me'
    })
    expect((await lookupCredentials('only-token.example', 'x', { env: sb.env })).credentials).toEqual({
      identityToken: 'just-a-refresh-token'
    })
    expect((await lookupCredentials('bearer.example', 'x', { env: sb.env })).credentials).toEqual({
      registryToken: 'bearer-token'
    })
  })

  it('matches field names case-insensitively, as Go does', async () => {
    await sb.write(sb.dockerConfig, {
      Auths: { 'r.example': { Auth: basicAuth('u', 'p'), IdentityToken: 'tok' } }
    })
    expect((await lookupCredentials('r.example', 'x', { env: sb.env })).credentials).toEqual({
      username: 'u',
      password: 'p',
      identityToken: 'tok'
    })
  })

  it('does not match an entry without credentials ({} written beside a helper, empty auth), but goes on', async () => {
    const path = await sb.write(sb.dockerConfig, {
      auths: {
        'r.example/acme/app': {},
        'r.example/acme': { auth: '' },
        'r.example': { auth: basicAuth('host', 'level') },
        'empty.example': { auth: '', email: 'a@b.c' }
      }
    })
    expect(await lookupCredentials('r.example', 'acme/app', { env: sb.env })).toEqual({
      credentials: { username: 'host', password: 'level' },
      from: `${path} auths["r.example"]`
    })
    expect(await lookupCredentials('empty.example', 'x', { env: sb.env })).toEqual({ from: 'anonymous' })
  })

  it('ignores an `auth` without a colon, with a warning that does not quote it', async () => {
    const warnings: string[] = []
    await sb.write(sb.dockerConfig, {
      auths: { 'r.example': { auth: Buffer.from('nocolon').toString('base64') } }
    })
    const result = await lookupCredentials('r.example', 'x', {
      env: sb.env,
      onWarning: w => warnings.push(w)
    })
    expect(result).toEqual({ from: 'anonymous' })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('auths["r.example"]')
    expect(warnings[0]).not.toContain('nocolon')
  })

  it('matches keys written as URLs, and prefers exact keys to normalized ones', async () => {
    const path = await sb.write(sb.dockerConfig, {
      auths: {
        'https://url.example/v2/': { auth: basicAuth('url', 'key') },
        'http://both.example': { auth: basicAuth('url', 'form') },
        'both.example': { auth: basicAuth('exact', 'form') }
      }
    })
    expect(await lookupCredentials('url.example', 'x', { env: sb.env })).toEqual({
      credentials: { username: 'url', password: 'key' },
      from: `${path} auths["https://url.example/v2/"]`
    })
    expect((await lookupCredentials('both.example', 'x', { env: sb.env })).credentials).toEqual({
      username: 'exact',
      password: 'form'
    })
  })
})

describe('containers auth.json', () => {
  it('`host/ns/repo` beats `host/ns` beats `host`', async () => {
    const path = await sb.write(
      sb.runtimeAuth,
      auths({
        'quay.io': ['host', 'pw1'],
        'quay.io/acme': ['namespace', 'pw2'],
        'quay.io/acme/app': ['repo', 'pw3']
      })
    )
    expect(await lookupCredentials('quay.io', 'acme/app', { env: sb.env })).toEqual({
      credentials: { username: 'repo', password: 'pw3' },
      from: `${path} auths["quay.io/acme/app"]`
    })
    expect((await lookupCredentials('quay.io', 'acme/other', { env: sb.env })).credentials?.username).toBe(
      'namespace'
    )
    expect((await lookupCredentials('quay.io', 'acme', { env: sb.env })).credentials?.username).toBe(
      'namespace'
    )
    expect((await lookupCredentials('quay.io', 'other/app', { env: sb.env })).credentials?.username).toBe(
      'host'
    )
    expect((await lookupCredentials('quay.io', '', { env: sb.env })).credentials?.username).toBe('host')
  })

  it('files in order: $XDG_RUNTIME_DIR, $XDG_CONFIG_HOME, docker config; the first file that matches wins', async () => {
    await sb.write(sb.runtimeAuth, auths({ 'one.example': ['runtime', 'p'] }))
    await sb.write(
      sb.configAuth,
      auths({ 'one.example/acme/app': ['config', 'p'], 'two.example': ['config', 'p'] })
    )
    await sb.write(
      sb.dockerConfig,
      auths({ 'two.example': ['docker', 'p'], 'three.example': ['docker', 'p'] })
    )
    const user = async (host: string): Promise<string | undefined> =>
      (await lookupCredentials(host, 'acme/app', { env: sb.env })).credentials?.username
    // a less specific key in an earlier file wins over a more specific one in a later file (as upstream)
    expect(await user('one.example')).toBe('runtime')
    expect(await user('two.example')).toBe('config')
    expect(await user('three.example')).toBe('docker')
  })

  it('uses ~/.config/containers/auth.json when XDG_CONFIG_HOME is unset', async () => {
    const env = { ...sb.env, XDG_CONFIG_HOME: undefined }
    const path = await sb.write(
      join(sb.home, '.config', 'containers', 'auth.json'),
      auths({ 'r.example': ['u', 'p'] })
    )
    expect((await lookupCredentials('r.example', 'x', { env })).from).toBe(`${path} auths["r.example"]`)
  })

  it('lists the default files like containers/image (Linux and elsewhere)', () => {
    const env = { HOME: '/h' }
    expect(authFileLocations({ ...env, XDG_RUNTIME_DIR: '/run/user/7' }, undefined, 'linux')).toEqual([
      { path: '/run/user/7/containers/auth.json', legacyFormat: false },
      { path: '/h/.config/containers/auth.json', legacyFormat: false },
      { path: '/h/.docker/config.json', legacyFormat: false },
      { path: '/h/.dockercfg', legacyFormat: true }
    ])
    if (process.getuid) {
      expect(authFileLocations(env, undefined, 'linux')[0].path).toBe(
        `/run/containers/${process.getuid()}/auth.json`
      )
    }
    expect(
      authFileLocations({ ...env, XDG_CONFIG_HOME: '/x', DOCKER_CONFIG: '/d' }, undefined, 'darwin')
    ).toEqual([
      { path: '/h/.config/containers/auth.json', legacyFormat: false },
      { path: '/x/containers/auth.json', legacyFormat: false },
      { path: '/d/config.json', legacyFormat: false },
      { path: '/h/.dockercfg', legacyFormat: true }
    ])
  })
})

describe('REGISTRY_AUTH_FILE and auth-file replace the default files', () => {
  beforeEach(async () => {
    await sb.write(sb.runtimeAuth, auths({ 'runtime.example': ['runtime', 'p'] }))
    await sb.write(sb.dockerConfig, auths({ 'docker.example': ['docker', 'p'] }))
  })

  it('REGISTRY_AUTH_FILE: only that file is read', async () => {
    const file = await sb.write(join(sb.root, 'registry-auth.json'), auths({ 'env.example': ['env', 'p'] }))
    const env = { ...sb.env, REGISTRY_AUTH_FILE: file }
    expect(await lookupCredentials('env.example', 'x', { env })).toEqual({
      credentials: { username: 'env', password: 'p' },
      from: `${file} auths["env.example"]`
    })
    expect((await lookupCredentials('runtime.example', 'x', { env })).from).toBe('anonymous')
    expect((await lookupCredentials('docker.example', 'x', { env })).from).toBe('anonymous')
  })

  it('REGISTRY_AUTH_FILE naming a missing file: anonymous, with a warning, and still no other file', async () => {
    const warnings: string[] = []
    const missing = join(sb.root, 'missing.json')
    const env = { ...sb.env, REGISTRY_AUTH_FILE: missing }
    const result = await lookupCredentials('docker.example', 'x', { env, onWarning: w => warnings.push(w) })
    expect(result).toEqual({ from: 'anonymous' })
    expect(warnings.join('\n')).toContain(missing)
  })

  it('auth-file: only that file is read, not REGISTRY_AUTH_FILE nor the defaults', async () => {
    const envFile = await sb.write(
      join(sb.root, 'registry-auth.json'),
      auths({ 'env.example': ['env', 'p'] })
    )
    const authFile = await sb.write(join(sb.root, 'input.json'), auths({ 'input.example': ['input', 'p'] }))
    const sources = { env: { ...sb.env, REGISTRY_AUTH_FILE: envFile }, authFile }
    expect(await lookupCredentials('input.example', 'x', sources)).toEqual({
      credentials: { username: 'input', password: 'p' },
      from: `${authFile} auths["input.example"]`
    })
    for (const host of ['env.example', 'runtime.example', 'docker.example']) {
      expect((await lookupCredentials(host, 'x', sources)).from).toBe('anonymous')
    }
  })

  it('auth-file naming a missing file is an error naming it', async () => {
    const authFile = join(sb.root, 'nope', 'auth.json')
    const error = await lookupCredentials('docker.example', 'x', { env: sb.env, authFile }).catch(
      e => e as Error
    )
    expect(error).toBeInstanceOf(CredentialLookupError)
    expect((error as CredentialLookupError).message).toContain(authFile)
    expect((error as CredentialLookupError).category).toBe('usage')
  })

  it('a relative auth-file is resolved against the working directory', async () => {
    const authFile = await sb.write(join(sb.root, 'rel.json'), auths({ 'rel.example': ['rel', 'p'] }))
    const fromCwd = relative(process.cwd(), authFile)
    expect(isAbsolute(fromCwd)).toBe(false)
    const result = await lookupCredentials('rel.example', 'x', { env: sb.env, authFile: fromCwd })
    expect(result.from).toBe(`${authFile} auths["rel.example"]`)
  })
})

describe('explicit credentials', () => {
  it('win over every file, even a missing auth-file', async () => {
    await sb.write(sb.runtimeAuth, auths({ 'ghcr.io': ['file', 'p'] }))
    const explicit = { username: 'input-user', password: 'input-pass' }
    expect(await lookupCredentials('ghcr.io', 'a/b', { env: sb.env, explicit, githubToken: 'gh' })).toEqual({
      credentials: explicit,
      from: 'input'
    })
    expect(
      await lookupCredentials('ghcr.io', 'a/b', {
        env: sb.env,
        explicit,
        authFile: join(sb.root, 'missing.json')
      })
    ).toEqual({ credentials: explicit, from: 'input' })
    // entry points name the input, and hear it through credentialLookup like any other source
    const heard: string[] = []
    const lookup = credentialLookup(
      { env: sb.env, explicit, explicitFrom: 'input "dest-username"' },
      (host, repo, from) => heard.push(`${host}/${repo}: ${from}`)
    )
    expect(await lookup('ghcr.io', 'a/b')).toEqual(explicit)
    expect(heard).toEqual(['ghcr.io/a/b: input "dest-username"'])
  })

  it('a registry token alone is explicit credentials; empty fields are not', async () => {
    await sb.write(sb.runtimeAuth, auths({ 'r.example': ['file', 'p'] }))
    expect(
      await lookupCredentials('r.example', 'x', { env: sb.env, explicit: { registryToken: 'bt' } })
    ).toEqual({
      credentials: { registryToken: 'bt' },
      from: 'input'
    })
    const result = await lookupCredentials('r.example', 'x', {
      env: sb.env,
      explicit: { username: '', password: '' }
    })
    expect(result.credentials).toEqual({ username: 'file', password: 'p' })
  })
})

describe('github-token', () => {
  it('is used for ghcr.io when nothing else matched, as $GITHUB_ACTOR or x-access-token', async () => {
    expect(await lookupCredentials('ghcr.io', 'acme/app', { env: sb.env, githubToken: 'ghs_abc' })).toEqual({
      credentials: { username: 'x-access-token', password: 'ghs_abc' },
      from: 'github-token'
    })
    const env = { ...sb.env, GITHUB_ACTOR: 'octocat' }
    expect(await lookupCredentials('ghcr.io', 'acme/app', { env, githubToken: 'ghs_abc' })).toEqual({
      credentials: { username: 'octocat', password: 'ghs_abc' },
      from: 'github-token'
    })
  })

  it('is not used for other registries', async () => {
    for (const host of ['docker.io', 'ghcr.io.example.com', 'quay.io']) {
      expect(await lookupCredentials(host, 'acme/app', { env: sb.env, githubToken: 'ghs_abc' })).toEqual({
        from: 'anonymous'
      })
    }
  })

  it('loses to credentials from a file', async () => {
    const path = await sb.write(sb.dockerConfig, auths({ 'ghcr.io': ['pat-user', 'ghp_pat'] }))
    expect(await lookupCredentials('ghcr.io', 'acme/app', { env: sb.env, githubToken: 'ghs_abc' })).toEqual({
      credentials: { username: 'pat-user', password: 'ghp_pat' },
      from: `${path} auths["ghcr.io"]`
    })
  })

  it('still applies with an auth-file that has nothing for ghcr.io (it is an input, not a file)', async () => {
    const authFile = await sb.write(join(sb.root, 'input.json'), auths({ 'docker.io': ['u', 'p'] }))
    expect(
      (await lookupCredentials('ghcr.io', 'a/b', { env: sb.env, authFile, githubToken: 'ghs_abc' })).from
    ).toBe('github-token')
  })
})

describe('anonymous', () => {
  it('when no file exists at all', async () => {
    expect(await lookupCredentials('docker.io', 'library/alpine', { env: sb.env })).toEqual({
      from: 'anonymous'
    })
  })
})

describe('credentialLookup (for RegistryOptions.credentialLookup)', () => {
  it('returns the credentials and tells where they came from', async () => {
    const path = await sb.write(sb.dockerConfig, auths({ 'r.example': ['u', 'p'] }))
    const heard: string[][] = []
    const lookup = credentialLookup({ env: sb.env }, (host, repository, from) =>
      heard.push([host, repository, from])
    )
    expect(await lookup('r.example', 'acme/app')).toEqual({ username: 'u', password: 'p' })
    expect(await lookup('other.example', 'acme/app')).toBeUndefined()
    expect(heard).toEqual([
      ['r.example', 'acme/app', `${path} auths["r.example"]`],
      ['other.example', 'acme/app', 'anonymous']
    ])
  })
})
