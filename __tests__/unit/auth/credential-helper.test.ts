// credHelpers and credsStore with a real helper program on the PATH we pass.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { chmod } from 'node:fs/promises'
import { join } from 'node:path'
import {
  CredentialHelperMissingError,
  CredentialLookupError,
  getFromCredentialHelper,
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

async function failure(promise: Promise<unknown>): Promise<CredentialLookupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(CredentialLookupError)
  return error as CredentialLookupError
}

describe('credHelpers', () => {
  it('runs docker-credential-<name> get with the host on stdin, for that host only', async () => {
    await sb.helper('testhelper', { 'ecr.example': { Username: 'AWS', Secret: 'ecr-secret' } })
    const path = await sb.write(sb.dockerConfig, {
      credHelpers: { 'ecr.example': 'testhelper' },
      auths: { 'other.example': { auth: basicAuth('other', 'p') } }
    })
    expect(await lookupCredentials('ecr.example', 'team/app', { env: sb.env })).toEqual({
      credentials: { username: 'AWS', password: 'ecr-secret' },
      from: `credHelpers: docker-credential-testhelper (${path})`
    })
    expect(await sb.calls()).toEqual([
      { program: 'docker-credential-testhelper', args: ['get'], stdin: 'ecr.example\n' }
    ])

    expect((await lookupCredentials('other.example', 'x', { env: sb.env })).credentials).toEqual({
      username: 'other',
      password: 'p'
    })
    expect(await sb.calls()).toHaveLength(1)
  })

  it('maps Username "<token>" to an identity token', async () => {
    await sb.helper('testhelper', { 'acr.example': { Username: '<token>', Secret: 'refresh-token' } })
    await sb.write(sb.dockerConfig, { credHelpers: { 'acr.example': 'testhelper' } })
    expect((await lookupCredentials('acr.example', 'x', { env: sb.env })).credentials).toEqual({
      identityToken: 'refresh-token'
    })
  })

  it('"credentials not found" is no match: auths of the same file, then the next files, are read', async () => {
    await sb.helper('testhelper', {})
    const path = await sb.write(sb.runtimeAuth, {
      credHelpers: { 'a.example': 'testhelper', 'b.example': 'testhelper' },
      auths: { 'a.example': { auth: basicAuth('in-auths', 'p') } }
    })
    const docker = await sb.write(sb.dockerConfig, {
      auths: { 'b.example': { auth: basicAuth('docker', 'p') } }
    })
    expect(await lookupCredentials('a.example', 'x', { env: sb.env })).toEqual({
      credentials: { username: 'in-auths', password: 'p' },
      from: `${path} auths["a.example"]`
    })
    expect(await lookupCredentials('b.example', 'x', { env: sb.env })).toEqual({
      credentials: { username: 'docker', password: 'p' },
      from: `${docker} auths["b.example"]`
    })
  })

  it('an empty answer ({}) is no match', async () => {
    await sb.helper('testhelper', { 'r.example': { stdout: '{}' } })
    await sb.write(sb.dockerConfig, { credHelpers: { 'r.example': 'testhelper' } })
    expect(await lookupCredentials('r.example', 'x', { env: sb.env })).toEqual({ from: 'anonymous' })
  })

  it('passes the environment we give it', async () => {
    const program = await sb.write(
      join(sb.bin, 'docker-credential-envhelper'),
      `#!${process.execPath}\nprocess.stdin.resume().on('end', () => ` +
        `process.stdout.write(JSON.stringify({ Username: process.env.HELPER_USER, Secret: 'x' })))\n`
    )
    await chmod(program, 0o755)
    await sb.write(sb.dockerConfig, { credHelpers: { 'r.example': 'envhelper' } })
    const result = await lookupCredentials('r.example', 'x', { env: { ...sb.env, HELPER_USER: 'from-env' } })
    expect(result.credentials).toEqual({ username: 'from-env', password: 'x' })
  })

  it('Docker Hub: matched by its docker key, asked for https://index.docker.io/v1/ then docker.io', async () => {
    await sb.helper('testhelper', { 'docker.io': { Username: 'podman-style', Secret: 'p' } })
    await sb.write(sb.dockerConfig, { credHelpers: { 'https://index.docker.io/v1/': 'testhelper' } })
    for (const host of ['docker.io', 'registry-1.docker.io']) {
      expect((await lookupCredentials(host, 'library/alpine', { env: sb.env })).credentials).toEqual({
        username: 'podman-style',
        password: 'p'
      })
    }
    expect((await sb.calls()).map(c => c.stdin)).toEqual([
      'https://index.docker.io/v1/\n',
      'docker.io\n',
      'https://index.docker.io/v1/\n',
      'docker.io\n'
    ])
  })

  it('Docker Hub: a credHelpers key "docker.io" matches registry-1.docker.io', async () => {
    await sb.helper('testhelper', {
      'https://index.docker.io/v1/': { Username: 'docker-style', Secret: 'p' }
    })
    await sb.write(sb.dockerConfig, { credHelpers: { 'docker.io': 'testhelper' } })
    expect(
      (await lookupCredentials('registry-1.docker.io', 'library/alpine', { env: sb.env })).credentials
    ).toEqual({
      username: 'docker-style',
      password: 'p'
    })
    expect(await sb.calls()).toHaveLength(1)
  })

  it('a helper missing from PATH is an error naming the helper and the file', async () => {
    const path = await sb.write(sb.dockerConfig, { credHelpers: { 'ecr.example': 'ecr-login' } })
    const error = await failure(lookupCredentials('ecr.example', 'x', { env: sb.env }))
    expect(error).toBeInstanceOf(CredentialHelperMissingError)
    expect(error.message).toContain('docker-credential-ecr-login')
    expect(error.message).toContain(path)
    expect(error.message).toContain('credHelpers["ecr.example"]')
    expect(error.hint).toContain('install docker-credential-ecr-login')
  })

  it('is looked up on the PATH we pass, never in relative PATH entries', async () => {
    await sb.helper('testhelper', { 'r.example': { Username: 'u', Secret: 's' } })
    await sb.write(sb.dockerConfig, { credHelpers: { 'r.example': 'testhelper' } })
    const env = { ...sb.env, PATH: ['relative/bin', '', sb.bin].join(':') }
    expect((await lookupCredentials('r.example', 'x', { env })).credentials).toEqual({
      username: 'u',
      password: 's'
    })
    await failure(lookupCredentials('r.example', 'x', { env: { ...sb.env, PATH: join(sb.root, 'empty') } }))
  })

  it('a helper that does not answer in time is killed and reported', async () => {
    await sb.helper('testhelper', { 'slow.example': { Username: 'u', Secret: 's', sleepMs: 30_000 } })
    const path = await sb.write(sb.dockerConfig, { credHelpers: { 'slow.example': 'testhelper' } })
    const started = Date.now()
    const error = await failure(lookupCredentials('slow.example', 'x', { env: sb.env, helperTimeoutMs: 300 }))
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(error.message).toContain('docker-credential-testhelper')
    expect(error.message).toContain('did not answer within 0.3s')
    expect(error.message).toContain(path)
    expect(error.category).toBe('failure')
  })

  it('a failing helper is an error with its exit code', async () => {
    await sb.helper('testhelper', { 'r.example': { stdout: '', stderr: 'something broke', exit: 3 } })
    await sb.write(sb.dockerConfig, { credHelpers: { 'r.example': 'testhelper' } })
    const error = await failure(lookupCredentials('r.example', 'x', { env: sb.env }))
    expect(error.message).toContain('exited with code 3')
    expect(error.message).toContain('output is not shown')
  })

  it('quotes the standard docker-credential-helpers messages, which hold no secret', async () => {
    await sb.helper('testhelper', { 'r.example': { stdout: 'no credentials server URL\n', exit: 1 } })
    await sb.write(sb.dockerConfig, { credHelpers: { 'r.example': 'testhelper' } })
    expect((await failure(lookupCredentials('r.example', 'x', { env: sb.env }))).message).toContain(
      ': no credentials server URL'
    )
  })

  it('output that is not a JSON object is an error', async () => {
    await sb.helper('testhelper', {
      'text.example': { stdout: 'hello' },
      'array.example': { stdout: '[]' },
      'number.example': { stdout: '{"Username":"u","Secret":5}' }
    })
    await sb.write(sb.dockerConfig, {
      credHelpers: {
        'text.example': 'testhelper',
        'array.example': 'testhelper',
        'number.example': 'testhelper'
      }
    })
    expect((await failure(lookupCredentials('text.example', 'x', { env: sb.env }))).message).toContain(
      'not JSON'
    )
    expect((await failure(lookupCredentials('array.example', 'x', { env: sb.env }))).message).toContain(
      'not an object'
    )
    expect((await failure(lookupCredentials('number.example', 'x', { env: sb.env }))).message).toContain(
      'not a string'
    )
  })

  it('getFromCredentialHelper can be called on its own', async () => {
    await sb.helper('testhelper', { 'r.example': { Username: 'u', Secret: 's' } })
    expect(
      await getFromCredentialHelper('testhelper', 'r.example', { env: sb.env, configuredBy: 'a test' })
    ).toEqual({
      username: 'u',
      password: 's'
    })
    expect(
      await getFromCredentialHelper('testhelper', 'other', { env: sb.env, configuredBy: 'a test' })
    ).toBeUndefined()
  })
})

describe('credsStore (docker CLI; containers/image ignores it)', () => {
  it('asks the store for hosts without a credHelpers entry', async () => {
    await sb.helper('store', { 'ghcr.io': { Username: 'octocat', Secret: 'from-keychain' } })
    const path = await sb.write(sb.dockerConfig, { auths: { 'ghcr.io': {} }, credsStore: 'store' })
    expect(await lookupCredentials('ghcr.io', 'acme/app', { env: sb.env })).toEqual({
      credentials: { username: 'octocat', password: 'from-keychain' },
      from: `credsStore: docker-credential-store (${path})`
    })
    expect(await sb.calls()).toEqual([
      { program: 'docker-credential-store', args: ['get'], stdin: 'ghcr.io\n' }
    ])
  })

  it('asks Docker Hub under https://index.docker.io/v1/ (where docker login puts it)', async () => {
    await sb.helper('store', { 'https://index.docker.io/v1/': { Username: 'hubuser', Secret: 'hubpass' } })
    await sb.write(sb.dockerConfig, { auths: { 'https://index.docker.io/v1/': {} }, credsStore: 'store' })
    expect((await lookupCredentials('docker.io', 'library/alpine', { env: sb.env })).credentials).toEqual({
      username: 'hubuser',
      password: 'hubpass'
    })
    expect((await sb.calls()).map(c => c.stdin)).toEqual(['https://index.docker.io/v1/\n'])
  })

  it('no match in the store: auths of that file are read', async () => {
    await sb.helper('store', {})
    const path = await sb.write(sb.dockerConfig, {
      auths: { 'quay.io': { auth: basicAuth('robot', 'p') } },
      credsStore: 'store'
    })
    expect(await lookupCredentials('quay.io', 'a/b', { env: sb.env })).toEqual({
      credentials: { username: 'robot', password: 'p' },
      from: `${path} auths["quay.io"]`
    })
    expect(await sb.calls()).toHaveLength(1)
  })

  it('a credHelpers entry replaces the store for its host (as in docker)', async () => {
    await sb.helper('store', { 'ecr.example': { Username: 'store', Secret: 's' } })
    await sb.helper('testhelper', {})
    await sb.write(sb.dockerConfig, { credHelpers: { 'ecr.example': 'testhelper' }, credsStore: 'store' })
    expect(await lookupCredentials('ecr.example', 'x', { env: sb.env })).toEqual({ from: 'anonymous' })
    expect((await sb.calls()).map(c => c.program)).toEqual(['docker-credential-testhelper'])
  })

  it('a store missing from PATH (a desktop config copied to CI) is a warning; auths are still read', async () => {
    const warnings: string[] = []
    const path = await sb.write(sb.dockerConfig, {
      auths: { 'quay.io': { auth: basicAuth('robot', 'p') } },
      credsStore: 'desktop'
    })
    const result = await lookupCredentials('quay.io', 'a/b', {
      env: sb.env,
      onWarning: w => warnings.push(w)
    })
    expect(result.credentials).toEqual({ username: 'robot', password: 'p' })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('docker-credential-desktop')
    expect(warnings[0]).toContain(path)
  })

  it('a failing store is an error', async () => {
    await sb.helper('store', { 'quay.io': { stdout: '', exit: 1 } })
    await sb.write(sb.dockerConfig, { credsStore: 'store' })
    expect((await failure(lookupCredentials('quay.io', 'a/b', { env: sb.env }))).message).toContain(
      'credsStore in'
    )
  })
})

describe('helper names from files', () => {
  it('rejects a helper "name" that is a path', async () => {
    const path = await sb.write(sb.dockerConfig, { credHelpers: { 'r.example': '../../bin/evil' } })
    const error = await failure(lookupCredentials('r.example', 'x', { env: sb.env }))
    expect(error.message).toContain(path)
    expect(error.message).toContain('credHelpers["r.example"]')
  })
})
