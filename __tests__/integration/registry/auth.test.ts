// Authentication against real registries: htpasswd (Basic) and token (Bearer) auth, and that no
// credential ever shows up in an error message.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  closeAllConnections,
  configureRegistry,
  RegistryAuthError,
  RegistryError,
  resetRegistrySettings
} from '../../../src/registry/index.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { startTokenIssuer, type TokenIssuer } from '../../harness/token-issuer.js'
import {
  leakedSecrets,
  makeImage,
  openDestination,
  openSource,
  pushImage,
  readStream,
  registryContext,
  sha256
} from './fixtures.js'

const secrets = new Set<string>()

function errorText(e: unknown): string {
  const err = e as Error & { hint?: string; request?: string; registryMessage?: string }
  return [err.message, err.hint, err.request, err.registryMessage, err.stack, JSON.stringify(err)].join('\n')
}

describeWithPrograms(['docker-registry', 'openssl'], 'registry authentication', () => {
  beforeAll(() => {
    configureRegistry({ retryBaseDelayMs: 10, retryMaxDelayMs: 50, onSecret: v => secrets.add(v) })
  })
  afterAll(async () => {
    resetRegistrySettings()
    await closeAllConnections()
  })

  describe('htpasswd (Basic)', () => {
    let registry: TestRegistry
    const user = { name: 'alice', password: 'alice-Secret-pw' }
    beforeAll(async () => {
      registry = await startRegistry({ auth: 'htpasswd', users: [user] })
    })
    afterAll(async () => {
      await registry?.stop()
    })

    it('pushes and pulls with the right credentials, and reports them as secrets', async () => {
      const ctx = registryContext({ credentials: { username: user.name, password: user.password } })
      const image = makeImage()
      await pushImage(await openDestination(`${registry.host}/team/app:v1`, ctx), image)
      const src = await openSource(`${registry.host}/team/app:v1`, ctx)
      expect(sha256((await src.getManifest()).bytes)).toBe(image.digest)
      const { stream } = await src.getBlob({ digest: image.layers[0].digest, size: image.layers[0].size })
      expect(sha256(await readStream(stream))).toBe(image.layers[0].digest)
      expect(secrets).toContain(user.password)
      expect(secrets).toContain(Buffer.from(`${user.name}:${user.password}`).toString('base64'))
    })

    it('uses credentialLookup when no credentials are given', async () => {
      const asked: string[] = []
      const ctx = registryContext({
        credentialLookup: async (host, repo) => {
          asked.push(`${host} ${repo}`)
          return { username: user.name, password: user.password }
        }
      })
      const src = await openSource(`${registry.host}/team/app:v1`, ctx)
      await src.close()
      expect(asked).toEqual([`${registry.host} team/app`])
    })

    it('says the registry rejected wrong credentials, naming it, without leaking them', async () => {
      const wrong = { username: user.name, password: 'not-the-Right-pw' }
      const e = await openSource(
        `${registry.host}/team/app:v1`,
        registryContext({ credentials: wrong })
      ).catch(x => x as Error)
      expect(e).toBeInstanceOf(RegistryAuthError)
      expect((e as RegistryError).status).toBe(401)
      expect((e as Error).message).toMatch(
        new RegExp(
          `^reading manifest v1 of ${registry.host}/team/app: registry ${registry.host} rejected the credentials \\(UNAUTHORIZED: authentication required; HTTP 401, GET http://${registry.host}/v2/team/app/manifests/v1\\)$`
        )
      )
      expect(
        leakedSecrets(errorText(e), [
          wrong.password,
          Buffer.from(`${wrong.username}:${wrong.password}`).toString('base64'),
          ...secrets
        ])
      ).toEqual([])
    })

    it('says when credentials are missing', async () => {
      const e = await openDestination(`${registry.host}/team/app:v2`, registryContext()).then(d =>
        pushImage(d, makeImage()).catch(x => x as Error)
      )
      expect((e as Error).message).toMatch(
        new RegExp(`registry ${registry.host} requires authentication and no credentials were given`)
      )
    })
  })

  describe('token (Bearer)', () => {
    let registry: TestRegistry
    let issuer: TokenIssuer
    let dir: string
    const writer = {
      name: 'writer',
      password: 'writer-Secret-pw',
      access: { '*': ['pull', 'push'] },
      refreshToken: 'refresh-Token-123'
    }
    const reader = { name: 'reader', password: 'reader-Secret-pw', access: { '*': ['pull'] } }
    let image: ReturnType<typeof makeImage>

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ica-tok-'))
      issuer = await startTokenIssuer({ dir, users: [writer, reader] })
      registry = await startRegistry({ auth: 'token', tokenIssuer: issuer })
      image = makeImage()
    })
    afterAll(async () => {
      await registry?.stop()
      await issuer?.stop()
      await rm(dir, { recursive: true, force: true })
    })

    it('pushes and pulls with a user allowed to', async () => {
      const ctx = registryContext({ credentials: { username: writer.name, password: writer.password } })
      await pushImage(await openDestination(`${registry.host}/team/app:v1`, ctx), image)
      const src = await openSource(
        `${registry.host}/team/app:v1`,
        registryContext({ credentials: { username: reader.name, password: reader.password } })
      )
      expect(sha256((await src.getManifest()).bytes)).toBe(image.digest)
      const pushScopes = issuer.requests.filter(r => r.user === writer.name).flatMap(r => r.scopes)
      expect(pushScopes).toContain('repository:team/app:pull,push')
      // One token for the whole push: cached per scope set.
      expect(issuer.requests.filter(r => r.user === writer.name)).toHaveLength(1)
      for (const t of issuer.issuedTokens) expect(secrets).toContain(t)
    })

    it('reports secrets through RegistryOptions.onSecret too', async () => {
      const mine: string[] = []
      const ctx = registryContext({
        credentials: { username: reader.name, password: reader.password },
        onSecret: v => mine.push(v)
      })
      const before = issuer.issuedTokens.length
      await openSource(`${registry.host}/team/app:v1`, ctx)
      expect(mine).toEqual([
        reader.password,
        Buffer.from(`${reader.name}:${reader.password}`).toString('base64'),
        ...issuer.issuedTokens.slice(before)
      ])
    })

    it('pushes with an identity (refresh) token through the OAuth2 POST', async () => {
      const ctx = registryContext({ credentials: { identityToken: writer.refreshToken } })
      await pushImage(await openDestination(`${registry.host}/team/oauth:v1`, ctx), makeImage())
      const posts = issuer.requests.filter(r => r.method === 'POST')
      expect(posts.length).toBeGreaterThan(0)
      expect(posts[0]).toMatchObject({ grantType: 'refresh_token', user: writer.name })
      expect(secrets).toContain(writer.refreshToken)
    })

    it('refuses a push by a pull-only user with DENIED, without leaking tokens or passwords', async () => {
      const ctx = registryContext({ credentials: { username: reader.name, password: reader.password } })
      const dest = await openDestination(`${registry.host}/team/app:v2`, ctx)
      const e = (await pushImage(dest, makeImage()).catch(x => x)) as RegistryError
      expect(e).toBeInstanceOf(RegistryError)
      expect(e.code).toBe('DENIED')
      expect(e.status).toBe(401)
      expect(e.message).toMatch(
        new RegExp(
          `^uploading blob sha256:[a-f0-9]{64} to ${registry.host}/team/app: DENIED: requested access to the resource is denied \\(HTTP 401, POST http://${registry.host}/v2/team/app/blobs/uploads/\\)$`
        )
      )
      expect(e.hint).toMatch(/do not grant push access to team\/app/)
      expect(leakedSecrets(errorText(e), [...secrets, ...issuer.issuedTokens, reader.password])).toEqual([])
    })

    it('says the token service rejected wrong credentials', async () => {
      const e = await openSource(
        `${registry.host}/team/app:v1`,
        registryContext({ credentials: { username: reader.name, password: 'wrong-Password' } })
      ).catch(x => x as Error)
      expect(e).toBeInstanceOf(RegistryAuthError)
      expect((e as Error).message).toMatch(
        new RegExp(
          `registry ${registry.host}: the token service rejected the credentials \\(UNAUTHORIZED: invalid username or password; HTTP 401, GET http://127\\.0\\.0\\.1:\\d+/token\\?…\\)`
        )
      )
      expect(leakedSecrets(errorText(e), ['wrong-Password', ...secrets])).toEqual([])
    })

    it('says anonymous access was refused', async () => {
      const e = await openSource(`${registry.host}/team/app:v1`, registryContext()).catch(x => x as Error)
      expect((e as Error).message).toMatch(/the token service refused anonymous access/)
    })

    it('uses a given registry token as is', async () => {
      const token = issuer.issuedTokens[0]
      const before = issuer.requests.length
      const src = await openSource(
        `${registry.host}/team/app:v1`,
        registryContext({ credentials: { registryToken: token } })
      )
      expect(sha256((await src.getManifest()).bytes)).toBe(image.digest)
      expect(issuer.requests.length).toBe(before)
    })
  })
})
