import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { startTokenIssuer, type TokenIssuer } from '../../harness/token-issuer.js'

describeWithPrograms(['docker-registry', 'openssl'], 'test harness: registries start', () => {
  let dir: string
  const registries: TestRegistry[] = []
  let issuer: TokenIssuer
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ica-h-'))
    issuer = await startTokenIssuer({ dir, users: [{ name: 'a', password: 'b', access: { '*': ['pull', 'push'] } }] })
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
    const ok = await fetch(`${r.url}/v2/`, { headers: { authorization: 'Basic ' + Buffer.from('testuser:testpassword').toString('base64') } })
    expect(ok.status).toBe(200)
  })
  it('token', async () => {
    const r = await startRegistry({ auth: 'token', tokenIssuer: issuer })
    registries.push(r)
    const res = await fetch(`${r.url}/v2/`)
    expect(res.status).toBe(401)
    const t = await fetch(`${issuer.realm}?service=${issuer.service}&scope=repository:x/y:pull`, { headers: { authorization: 'Basic ' + Buffer.from('a:b').toString('base64') } })
    const { token } = (await t.json()) as { token: string }
    const ok = await fetch(`${r.url}/v2/x/y/tags/list`, { headers: { authorization: `Bearer ${token}` } })
    console.log(ok.status, await ok.text(), await r.log())
  })
  it('tls', async () => {
    const r = await startRegistry({ tls: true })
    registries.push(r)
    expect(r.caCertPath).toBeDefined()
  })
})
