// No secret in an error, a warning or a `from` string; every secret handed to onSecret before use.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { CredentialLookupError, lookupCredentials, type CredentialSources } from '../../../src/auth/index.js'
import { basicAuth, makeSandbox, type Sandbox } from './sandbox.js'

const PASSWORD = 'Tr0ub4dor&3-hunter2'
const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz'

let sb: Sandbox
beforeEach(async () => {
  sb = await makeSandbox()
})
afterEach(async () => {
  await sb.cleanup()
})

/** Everything of an error a log could print. */
function printable(e: unknown): string {
  const error = e as CredentialLookupError
  return [String(error), error.message, error.hint ?? '', error.stack ?? ''].join('\n')
}

describe('failed lookups never show a secret', () => {
  const failures: Array<[string, (sb: Sandbox) => Promise<Partial<CredentialSources>>, string]> = [
    [
      'malformed base64 holding the password',
      async s => {
        await s.write(s.dockerConfig, { auths: { 'r.example': { auth: `user:${PASSWORD}` } } })
        return {}
      },
      'auths["r.example"].auth'
    ],
    [
      'base64 with a bad character',
      async s => {
        await s.write(s.dockerConfig, { auths: { 'r.example': { auth: `${basicAuth('user', PASSWORD)}!` } } })
        return {}
      },
      'not valid base64'
    ],
    [
      'a file that is not JSON, with the secret near the error',
      async s => {
        await s.write(s.runtimeAuth, `{"auths": {"r.example": {"auth": ${PASSWORD}}}}`)
        return {}
      },
      'not valid JSON'
    ],
    [
      'a file that is not JSON at all',
      async s => {
        await s.write(s.runtimeAuth, `${PASSWORD} is my password`)
        return {}
      },
      'not valid JSON'
    ],
    [
      'an entry field of the wrong type',
      async s => {
        await s.write(s.dockerConfig, {
          auths: { 'r.example': { auth: basicAuth('u', PASSWORD), password: [PASSWORD] } }
        })
        return {}
      },
      'auths["r.example"].password is not a string'
    ],
    [
      'a helper exiting 1 with the secret on stderr and stdout',
      async s => {
        await s.helper('testhelper', {
          'r.example': {
            stdout: `{"Secret":"${PASSWORD}"`,
            stderr: `debug: found secret ${PASSWORD}\n`,
            exit: 1
          }
        })
        await s.write(s.dockerConfig, { credHelpers: { 'r.example': 'testhelper' } })
        return {}
      },
      'exited with code 1'
    ],
    [
      'a helper printing the secret then not JSON',
      async s => {
        await s.helper('testhelper', { 'r.example': { stdout: `Secret=${PASSWORD}` } })
        await s.write(s.dockerConfig, { credHelpers: { 'r.example': 'testhelper' } })
        return {}
      },
      'not JSON'
    ],
    [
      'a helper printing the secret then hanging',
      async s => {
        await s.helper('testhelper', { 'r.example': { stderr: PASSWORD, stdout: PASSWORD, sleepMs: 30_000 } })
        await s.write(s.dockerConfig, { credHelpers: { 'r.example': 'testhelper' } })
        return { helperTimeoutMs: 500 }
      },
      'did not answer'
    ],
    [
      'a missing helper, with a secret in the same file',
      async s => {
        await s.write(s.dockerConfig, {
          credHelpers: { 'r.example': 'missing' },
          auths: { 'r.example': { auth: basicAuth('u', PASSWORD) } }
        })
        return {}
      },
      'docker-credential-missing'
    ],
    [
      'a missing auth-file',
      async s => ({ authFile: join(s.root, 'missing.json'), githubToken: TOKEN }),
      'missing.json'
    ]
  ]

  it.each(failures)('%s', async (_name, setup, expected) => {
    const secrets: string[] = []
    const sources = { env: sb.env, onSecret: (s: string) => secrets.push(s), ...(await setup(sb)) }
    const error = await lookupCredentials('r.example', 'app', sources).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(CredentialLookupError)
    const text = printable(error)
    expect(text).toContain(expected)
    for (const secret of [PASSWORD, TOKEN, basicAuth('u', PASSWORD), basicAuth('user', PASSWORD)]) {
      expect(text).not.toContain(secret)
    }
  })

  it('warnings do not quote what they skip', async () => {
    const warnings: string[] = []
    await sb.write(sb.dockerConfig, {
      auths: { 'r.example': { auth: Buffer.from(PASSWORD).toString('base64') } }
    })
    await lookupCredentials('r.example', 'app', { env: sb.env, onWarning: w => warnings.push(w) })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).not.toContain(PASSWORD)
    expect(warnings[0]).not.toContain(Buffer.from(PASSWORD).toString('base64'))
  })
})

describe('onSecret', () => {
  async function lookup(host: string, sources: Partial<CredentialSources> = {}) {
    const secrets: string[] = []
    let returned = false
    const result = await lookupCredentials(host, 'app', {
      env: sb.env,
      ...sources,
      onSecret: s => {
        expect(returned).toBe(false)
        secrets.push(s)
      }
    })
    returned = true
    return { result, secrets }
  }

  it('hears the auth value, the password and the identity token of a file entry', async () => {
    const auth = basicAuth('user', PASSWORD)
    await sb.write(sb.dockerConfig, { auths: { 'r.example': { auth, identitytoken: TOKEN } } })
    const { result, secrets } = await lookup('r.example')
    expect(result.credentials).toEqual({ username: 'user', password: PASSWORD, identityToken: TOKEN })
    expect(secrets).toEqual(expect.arrayContaining([auth, PASSWORD, TOKEN]))
    expect(secrets).not.toContain('user')
  })

  it('hears password and registry token fields', async () => {
    await sb.write(sb.dockerConfig, {
      auths: { 'a.example': { username: 'u', password: PASSWORD }, 'b.example': { registrytoken: TOKEN } }
    })
    expect((await lookup('a.example')).secrets).toEqual(
      expect.arrayContaining([PASSWORD, basicAuth('u', PASSWORD)])
    )
    expect((await lookup('b.example')).secrets).toEqual([TOKEN])
  })

  it('hears the secret of entries that turn out unusable, before the error', async () => {
    const secrets: string[] = []
    const auth = `${PASSWORD}!!`
    await sb.write(sb.dockerConfig, { auths: { 'r.example': { auth } } })
    await expect(
      lookupCredentials('r.example', 'app', { env: sb.env, onSecret: s => secrets.push(s) })
    ).rejects.toThrow('not valid base64')
    expect(secrets).toEqual([auth])
  })

  it('hears what a credential helper returns', async () => {
    await sb.helper('testhelper', {
      'h.example': { Username: 'u', Secret: PASSWORD },
      't.example': { Username: '<token>', Secret: TOKEN }
    })
    await sb.write(sb.dockerConfig, { credHelpers: { 'h.example': 'testhelper', 't.example': 'testhelper' } })
    expect((await lookup('h.example')).secrets).toEqual(
      expect.arrayContaining([PASSWORD, basicAuth('u', PASSWORD)])
    )
    expect((await lookup('t.example')).secrets).toEqual([TOKEN])
  })

  it('hears explicit credentials and the GitHub token', async () => {
    const explicit = await lookup('r.example', {
      explicit: { username: 'u', password: PASSWORD, registryToken: 'rt' }
    })
    expect(explicit.secrets).toEqual(expect.arrayContaining([PASSWORD, 'rt', basicAuth('u', PASSWORD)]))
    const github = await lookup('ghcr.io', { githubToken: TOKEN })
    expect(github.result.from).toBe('github-token')
    expect(github.secrets).toEqual(expect.arrayContaining([TOKEN]))
  })

  it('hears each secret once per lookup, and nothing when anonymous', async () => {
    await sb.write(sb.dockerConfig, { auths: { 'r.example': { username: 'u', password: PASSWORD } } })
    const { secrets } = await lookup('r.example')
    expect(new Set(secrets).size).toBe(secrets.length)
    expect((await lookup('other.example')).secrets).toEqual([])
  })
})
