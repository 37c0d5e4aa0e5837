import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { startTokenIssuer, type TokenIssuer } from '../../harness/token-issuer.js'
import { startFaultProxy } from '../../harness/fault-proxy.js'

describeWithPrograms(['docker-registry', 'openssl'], 'test harness: registries start', () => {
  let dir: string
  const registries: TestRegistry[] = []
  let issuer: TokenIssuer
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ica-h-'))
    issuer = await startTokenIssuer({
      dir,
      users: [{ name: 'a', password: 'b', access: { '*': ['pull', 'push'] } }]
    })
  })
  afterAll(async () => {
    for (const r of registries) await r.stop()
    await issuer.stop()
    await rm(dir, { recursive: true, force: true })
  })
  it('open', async () => {
    const r = await startRegistry()
    registries.push(r)
    const res = await fetch(`${r.url}/v2/`)
    expect(res.status).toBe(200)
  })
  it('htpasswd', async () => {
    const r = await startRegistry({ auth: 'htpasswd' })
    registries.push(r)
    expect((await fetch(`${r.url}/v2/`)).status).toBe(401)
    const ok = await fetch(`${r.url}/v2/`, {
      headers: { authorization: 'Basic ' + Buffer.from('testuser:testpassword').toString('base64') }
    })
    expect(ok.status).toBe(200)
  })
  it('token', async () => {
    const r = await startRegistry({ auth: 'token', tokenIssuer: issuer })
    registries.push(r)
    const res = await fetch(`${r.url}/v2/`)
    expect(res.status).toBe(401)
    const t = await fetch(`${issuer.realm}?service=${issuer.service}&scope=repository:x/y:pull`, {
      headers: { authorization: 'Basic ' + Buffer.from('a:b').toString('base64') }
    })
    const { token } = (await t.json()) as { token: string }
    // Authorized (the token verifies): the repository just does not exist yet.
    const ok = await fetch(`${r.url}/v2/x/y/tags/list`, { headers: { authorization: `Bearer ${token}` } })
    expect(ok.status).toBe(404)
    expect(await ok.text()).toContain('NAME_UNKNOWN')
    const bad = await fetch(`${r.url}/v2/x/y/tags/list`, {
      headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` }
    })
    expect(bad.status).toBe(401)
  })
  it('tls', async () => {
    const r = await startRegistry({ tls: true })
    registries.push(r)
    expect(r.url).toMatch(/^https:/)
    expect(r.caCertPath).toBeDefined()
  })

  it('fault proxy forwards, counts and injects', async () => {
    const proxy = await startFaultProxy(registries[0].url)
    try {
      proxy.inject({ kind: 'status', status: 503, count: 1, retryAfter: '7' })
      const first = await fetch(`${proxy.url}/v2/`)
      expect(first.status).toBe(503)
      expect(first.headers.get('retry-after')).toBe('7')
      expect((await fetch(`${proxy.url}/v2/`, { method: 'POST', body: 'abcd' })).status).toBe(200)
      expect(proxy.count()).toBe(2)
      expect(proxy.count({ method: 'POST' })).toBe(1)
      expect(proxy.requestBytes({ method: 'POST' })).toBe(4)
      expect(proxy.records[0]).toMatchObject({ method: 'GET', path: '/v2/', status: 503, fault: 'status' })
      expect(proxy.pendingFaults()).toBe(0)
    } finally {
      await proxy.stop()
    }
  })
})
