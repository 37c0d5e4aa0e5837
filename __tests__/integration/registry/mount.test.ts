// Cross-repository mounts on one registry: no blob bytes are uploaded (counted by the fault proxy).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryBlobInfoCache } from '../../../src/cache/blob-info-cache.js'
import { closeAllConnections, configureRegistry, resetRegistrySettings } from '../../../src/registry/index.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { startTokenIssuer, type TokenIssuer } from '../../harness/token-issuer.js'
import {
  makeImage,
  openDestination,
  openSource,
  pushImage,
  readStream,
  registryContext,
  skopeo
} from './fixtures.js'

const UPLOADS = /\/blobs\/uploads\//

describeWithPrograms(['docker-registry', 'openssl'], 'cross-repository blob mounts', () => {
  beforeAll(() => {
    configureRegistry({ retryBaseDelayMs: 10, retryMaxDelayMs: 50 })
  })
  afterAll(async () => {
    resetRegistrySettings()
    await closeAllConnections()
  })

  describe('open registry', () => {
    let registry: TestRegistry
    let proxy: FaultProxy
    const ctx = registryContext()
    beforeAll(async () => {
      registry = await startRegistry()
      proxy = await startFaultProxy(registry.url)
    })
    afterAll(async () => {
      await proxy?.stop()
      await registry?.stop()
    })

    it('mounts every blob from the source repository when copying within a registry', async () => {
      const image = makeImage({ layerSizes: [200_000, 300_000] })
      await pushImage(await openDestination(`${proxy.host}/team/a:v1`, ctx), image)
      expect(proxy.requestBytes({ path: UPLOADS })).toBeGreaterThan(500_000)
      ctx.blobInfoCache = memoryBlobInfoCache() // only the source reference may say where the blobs are

      proxy.resetCounters()
      const dest = await openDestination(`${proxy.host}/team/b:v1`, ctx)
      expect(await pushImage(dest, image, { sourceRef: `${proxy.host}/team/a:v1` })).toEqual([
        'mounted',
        'mounted',
        'mounted'
      ])
      expect(proxy.requestBytes({ path: UPLOADS })).toBe(0)
      expect(proxy.count({ method: 'PATCH' })).toBe(0)
      expect(proxy.records.filter(r => r.method === 'POST').map(r => r.status)).toEqual([201, 201, 201])
      expect(proxy.count({ method: 'POST', path: /mount=sha256%3A[a-f0-9]{64}&from=team%2Fa/ })).toBe(3)

      const raw = await skopeo([
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${registry.host}/team/b:v1`
      ]).catch(() => undefined)
      if (raw) expect(Buffer.from(raw.stdout).equals(image.manifest)).toBe(true)
    })

    it('mounts from a repository this process saw holding the blob (pull, then push elsewhere)', async () => {
      const image = makeImage({ layerSizes: [100_000] })
      await pushImage(await openDestination(`${proxy.host}/team/c:v1`, ctx), image)
      ctx.blobInfoCache = memoryBlobInfoCache()
      const src = await openSource(`${proxy.host}/team/c:v1`, ctx)
      for (const b of [...image.layers, image.config]) await readStream((await src.getBlob(b)).stream)

      proxy.resetCounters()
      const dest = await openDestination(`${proxy.host}/other/d:v1`, ctx)
      expect(await pushImage(dest, image)).toEqual(['mounted', 'mounted'])
      expect(proxy.requestBytes({ path: UPLOADS })).toBe(0)
    })

    it('does not mount from another registry', async () => {
      const image = makeImage({ layerSizes: [1000] })
      await pushImage(await openDestination(`${proxy.host}/team/e:v1`, ctx), image)
      const dest = await openDestination(`${registry.host}/team/f:v1`, ctx) // same server, other name
      proxy.resetCounters()
      expect(await pushImage(dest, image, { sourceRef: `${proxy.host}/team/e:v1` })).toEqual([
        'pushed',
        'pushed'
      ])
    })
  })

  describe('token registry', () => {
    let registry: TestRegistry
    let issuer: TokenIssuer
    let proxy: FaultProxy
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ica-mnt-'))
      issuer = await startTokenIssuer({
        dir,
        users: [
          { name: 'w', password: 'w-pw', access: { '*': ['pull', 'push'] } },
          { name: 'narrow', password: 'n-pw', access: { 'mine/*': ['pull', 'push'] } }
        ]
      })
      registry = await startRegistry({ auth: 'token', tokenIssuer: issuer })
      proxy = await startFaultProxy(registry.url)
    })
    afterAll(async () => {
      await proxy?.stop()
      await registry?.stop()
      await issuer?.stop()
      await rm(dir, { recursive: true, force: true })
    })

    it('asks for pull on the source repository and mounts', async () => {
      const ctx = registryContext({ credentials: { username: 'w', password: 'w-pw' } })
      const image = makeImage({ layerSizes: [50_000] })
      await pushImage(await openDestination(`${proxy.host}/src/app:v1`, ctx), image)
      proxy.resetCounters()
      const dest = await openDestination(`${proxy.host}/dst/app:v1`, ctx)
      expect(await pushImage(dest, image, { sourceRef: `${proxy.host}/src/app:v1` })).toEqual([
        'mounted',
        'mounted'
      ])
      expect(proxy.requestBytes({ path: UPLOADS })).toBe(0)
      expect(
        issuer.requests.some(
          r =>
            r.scopes.includes('repository:dst/app:pull,push') && r.scopes.includes('repository:src/app:pull')
        )
      ).toBe(true)
    })

    it('uploads when the credentials may not read the source repository', async () => {
      const image = makeImage({ layerSizes: [50_000] })
      await pushImage(
        await openDestination(
          `${proxy.host}/src/app:v2`,
          registryContext({ credentials: { username: 'w', password: 'w-pw' } })
        ),
        image
      )
      proxy.resetCounters()
      const ctx = registryContext({ credentials: { username: 'narrow', password: 'n-pw' } })
      const dest = await openDestination(`${proxy.host}/mine/app:v1`, ctx)
      expect(await pushImage(dest, image, { sourceRef: `${proxy.host}/src/app:v2` })).toEqual([
        'pushed',
        'pushed'
      ])
      expect(proxy.requestBytes({ path: UPLOADS })).toBeGreaterThan(50_000)
    })
  })
})
