// TLS: a registry with a certificate from a generated CA, trusted through a cert dir; client certificates.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  closeAllConnections,
  configureRegistry,
  RegistryError,
  resetRegistrySettings
} from '../../../src/registry/index.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { countingTls } from '../../harness/tls.js'
import { makeImage, openDestination, openSource, pushImage, readStream, sha256 } from './fixtures.js'

describeWithPrograms(['docker-registry', 'openssl'], 'registry over TLS', () => {
  let registry: TestRegistry
  let mtls: TestRegistry
  let dir: string
  const image = makeImage()

  beforeAll(async () => {
    configureRegistry({ retryBaseDelayMs: 10, retryMaxDelayMs: 50 })
    dir = await mkdtemp(join(tmpdir(), 'ica-tls-'))
    ;[registry, mtls] = await Promise.all([
      startRegistry({ tls: true }),
      startRegistry({ tls: true, clientCerts: true })
    ])
  })
  afterAll(async () => {
    resetRegistrySettings()
    await closeAllConnections()
    await registry?.stop()
    await mtls?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('pushes and pulls with the CA from a cert dir, TLS verified', async () => {
    const ctx = { registry: { certDir: registry.clientCertDir } }
    await pushImage(await openDestination(`${registry.host}/tls/app:v1`, ctx), image)
    const src = await openSource(`${registry.host}/tls/app:v1`, ctx)
    expect(sha256((await src.getManifest()).bytes)).toBe(image.digest)
  })

  it('fails with a certificate error without the CA', async () => {
    const e = (await openSource(`${registry.host}/tls/app:v1`, {
      registry: { certDir: join(dir, 'empty') }
    }).catch(x => x)) as RegistryError
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.message).toMatch(
      new RegExp(
        `^pinging container registry ${registry.host}: TLS certificate verification failed for ${registry.host}: .*(self-signed|unable to verify|issuer)`,
        'i'
      )
    )
    expect(e.hint).toMatch(/cert dir|TLS verification off/)
  })

  it('builds one secure context for a TLS configuration, however many connections it opens', async () => {
    await closeAllConnections() // a new agent, so every connection below is new
    const { connections, contexts } = await countingTls(async () => {
      const src = await openSource(`${registry.host}/tls/app:v1`, {
        registry: { certDir: registry.clientCertDir }
      })
      expect(sha256((await src.getManifest()).bytes)).toBe(image.digest)
      // every blob at once: one connection each, so several TLS connections
      const streams = await Promise.all(image.layers.map(async b => (await src.getBlob(b)).stream))
      const bodies = await Promise.all(streams.map(s => readStream(s)))
      expect(bodies.map(b => sha256(b))).toEqual(image.layers.map(b => b.digest))
    })
    expect(connections).toBeGreaterThanOrEqual(2)
    expect(contexts).toBe(1)
  })

  it('talks to it without the CA when TLS verification is off', async () => {
    const src = await openSource(`${registry.host}/tls/app:v1`, { registry: { tlsVerify: false } })
    expect(sha256((await src.getManifest()).bytes)).toBe(image.digest)
  })

  it('presents a client certificate from the cert dir', async () => {
    const ctx = { registry: { certDir: mtls.clientCertDir } }
    await pushImage(await openDestination(`${mtls.host}/mtls/app:v1`, ctx), image)

    const caOnly = join(dir, 'ca-only')
    await mkdir(caOnly)
    await copyFile(join(mtls.clientCertDir!, 'ca.crt'), join(caOnly, 'ca.crt'))
    const e = (await openSource(`${mtls.host}/mtls/app:v1`, { registry: { certDir: caOnly } }).catch(
      x => x
    )) as RegistryError
    expect(e.message).toMatch(
      new RegExp(
        `^pinging container registry ${mtls.host}: GET https://${mtls.host}/v2/ failed: (other side closed|socket hang up|.*alert (bad certificate|certificate required|handshake failure))`
      )
    )
    expect(e.hint).toMatch(/client certificate/)
  })

  it('refuses a cert dir with a key but no certificate', async () => {
    const bad = join(dir, 'bad')
    await mkdir(bad)
    await copyFile(join(mtls.clientCertDir!, 'client.key'), join(bad, 'client.key'))
    await expect(openSource(`${mtls.host}/mtls/app:v1`, { registry: { certDir: bad } })).rejects.toThrow(
      /missing client certificate client\.cert for key client\.key/
    )
  })
})
