// The blob-info cache across processes: a second copy (a CLI or Action process) to another repository
// of the same registry mounts what the first pushed, because the first recorded where the blobs are in
// the cache file; and a destination reuses another compression of a layer the cache pairs with it.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { memoryBlobInfoCache } from '../../../src/cache/blob-info-cache.js'
import { closeAllConnections, configureRegistry, resetRegistrySettings } from '../../../src/registry/index.js'
import { parseImageReference } from '../../../src/transports/index.js'
import type { BlobInfo, TransportContext } from '../../../src/transports/types.js'
import { requireNode24, runActionStep } from '../../harness/action-runner.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { exampleLayout, removeTempDirs, tempDir } from '../../harness/local.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { openDestination, registryContext } from './fixtures.js'

const UPLOADS = /\/blobs\/uploads\//
const USER = 'bic-user'
const PASSWORD = 'bic-Secret-7f3a91'

function digestOf(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [path.join('dist', 'cli', 'index.js'), ...args],
      { env: { ...process.env, ...env } },
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr })
    )
  })
}

/** `pushed N`, `mounted N` of the Totals line. */
function totals(log: string): { pushed: number; mounted: number } {
  const m = /pushed (\d+) .*mounted (\d+)/.exec(log)
  if (!m) throw new Error(`no totals in:\n${log}`)
  return { pushed: Number(m[1]), mounted: Number(m[2]) }
}

describeWithPrograms(['docker-registry', 'openssl'], 'blob-info cache across processes', () => {
  let registry: TestRegistry
  let proxy: FaultProxy
  let cacheFile: string
  const credentials = ['--dest-tls-verify=false', '--dest-username', USER, '--dest-password', PASSWORD]

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd', users: [{ name: USER, password: PASSWORD }] })
    proxy = await startFaultProxy(registry.url)
    cacheFile = path.join(await tempDir('bic-'), 'blob-info-cache-v1.json')
  })
  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
    await removeTempDirs()
  })

  it('a second CLI process mounts from the repository the first one pushed to, and no upload is made', async () => {
    const env = { IMAGE_COPY_BLOB_INFO_CACHE: cacheFile }
    const first = await cli(
      [`oci:${exampleLayout}:1.0`, `docker://${proxy.host}/team/a:1`, ...credentials],
      env
    )
    expect(first.code).toBe(0)
    expect(totals(first.stderr).pushed).toBeGreaterThan(0)
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600)
    const text = await readFile(cacheFile, 'utf8')
    expect(text).toContain(`"${proxy.host}","team/a","sha256:`)
    for (const secret of [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), USER]) {
      expect(text).not.toContain(secret)
    }

    proxy.resetCounters()
    const second = await cli(
      [`oci:${exampleLayout}:1.0`, `docker://${proxy.host}/team/b:1`, ...credentials],
      env
    )
    expect(second.code).toBe(0)
    expect(totals(second.stderr)).toEqual({ pushed: 0, mounted: totals(first.stderr).pushed })
    expect(proxy.count({ method: 'PATCH' })).toBe(0)
    expect(proxy.requestBytes({ path: UPLOADS })).toBe(0)
    expect(proxy.count({ method: 'POST', path: /mount=sha256%3A[a-f0-9]{64}&from=team%2Fa/ })).toBe(
      totals(first.stderr).pushed
    )

    // The same copy with the cache off uploads: the mounts came from the file.
    const third = await cli([`oci:${exampleLayout}:1.0`, `docker://${proxy.host}/team/c:1`, ...credentials], {
      IMAGE_COPY_BLOB_INFO_CACHE: 'off'
    })
    expect(third.code).toBe(0)
    expect(totals(third.stderr)).toMatchObject({ mounted: 0 })
    expect(totals(third.stderr).pushed).toBeGreaterThan(0)
  })

  it('the Action reads and saves the same file: its copy to a fourth repository mounts too', async () => {
    const node24 = requireNode24()
    if (!node24) return
    const run = await runActionStep(
      node24,
      'dist/main/index.js',
      {
        src: `oci:${exampleLayout}:1.0`,
        dest: `docker://${proxy.host}/team/d:1`,
        'dest-tls-verify': 'false',
        'dest-username': USER,
        'dest-password': PASSWORD,
        cache: 'false'
      },
      { IMAGE_COPY_BLOB_INFO_CACHE: cacheFile }
    )
    expect(run.code).toBe(0)
    expect(totals(run.stdout).pushed).toBe(0)
    expect(totals(run.stdout).mounted).toBeGreaterThan(0)
    expect(await readFile(cacheFile, 'utf8')).toContain(`"${proxy.host}","team/d","sha256:`)
  })
})

describeWithPrograms(['docker-registry', 'openssl'], 'reuse with substitution', () => {
  let registry: TestRegistry
  beforeAll(async () => {
    configureRegistry({ retryBaseDelayMs: 10, retryMaxDelayMs: 50 })
    registry = await startRegistry()
  })
  afterAll(async () => {
    resetRegistrySettings()
    await closeAllConnections()
    await registry?.stop()
    await removeTempDirs()
  })

  const tar = randomBytes(50_000)
  const gz = gzipSync(tar)
  const plain: BlobInfo = { digest: digestOf(tar), size: tar.length }
  const gzip = { digest: digestOf(gz), size: gz.length }

  async function withGzipIn(repo: string): Promise<TransportContext> {
    const ctx: TransportContext = { ...registryContext(), blobInfoCache: memoryBlobInfoCache() }
    const dest = await openDestination(`${registry.host}/${repo}:x`, ctx)
    await dest.putBlob(Readable.from([gz]), gzip, { isConfig: false })
    ctx.blobInfoCache!.recordDigestPair(gzip.digest, 'gzip', plain.digest)
    return ctx
  }

  it('canSubstitute + requiredCompression gzip: the gzip variant of an uncompressed digest is mounted', async () => {
    const ctx = await withGzipIn('sub/a')
    const dest = await openDestination(`${registry.host}/sub/b:x`, ctx)
    expect(await dest.tryReusingBlob(plain, { canSubstitute: true, requiredCompression: 'gzip' })).toEqual({
      reused: true,
      how: 'mounted',
      info: { ...gzip, compression: 'gzip' }
    })
    // Now it is in sub/b itself.
    expect(await dest.tryReusingBlob(plain, { canSubstitute: true })).toEqual({
      reused: true,
      how: 'exists',
      info: { ...gzip, compression: 'gzip' }
    })
  })

  it('without canSubstitute, or when only another compression is acceptable, nothing is reused', async () => {
    const ctx = await withGzipIn('sub/c')
    const dest = await openDestination(`${registry.host}/sub/d:x`, ctx)
    expect(await dest.tryReusingBlob(plain, {})).toEqual({ reused: false })
    expect(await dest.tryReusingBlob(plain, { canSubstitute: false, requiredCompression: 'gzip' })).toEqual({
      reused: false
    })
    expect(await dest.tryReusingBlob(plain, { canSubstitute: true, requiredCompression: 'zstd' })).toEqual({
      reused: false
    })
    const here = await openDestination(`${registry.host}/sub/c:x`, ctx)
    expect(await here.tryReusingBlob(plain, { canSubstitute: true, requiredCompression: 'none' })).toEqual({
      reused: false
    })
  })

  it('a repository the cache names that no longer holds the variant is forgotten', async () => {
    const ctx = await withGzipIn('sub/e')
    ctx.blobInfoCache!.recordKnownLocation(registry.host, 'sub/gone', gzip.digest)
    const dest = await openDestination(`${registry.host}/sub/f:x`, ctx)
    expect((await dest.tryReusingBlob(plain, { canSubstitute: true })).reused).toBe(true)
    expect(ctx.blobInfoCache!.knownLocations(registry.host, gzip.digest)).not.toContain('sub/gone')
  })

  it('an OCI layout reuses a variant it holds', async () => {
    const dir = await tempDir('bic-oci-')
    const ctx: TransportContext = { blobInfoCache: memoryBlobInfoCache() }
    const ref = parseImageReference(`oci:${dir}:x`, 'dest')
    const first = await ref.newDestination(ctx)
    await first.putBlob(Readable.from([gz]), gzip, { isConfig: false })
    await first.close()
    const dest = await ref.newDestination(ctx)
    expect(await dest.tryReusingBlob(plain, { canSubstitute: true })).toEqual({ reused: false })
    ctx.blobInfoCache!.recordDigestPair(gzip.digest, 'gzip', plain.digest)
    expect(await dest.tryReusingBlob(plain, { canSubstitute: false })).toEqual({ reused: false })
    expect(await dest.tryReusingBlob(plain, { canSubstitute: true, requiredCompression: 'zstd' })).toEqual({
      reused: false
    })
    expect(await dest.tryReusingBlob(plain, { canSubstitute: true, requiredCompression: 'gzip' })).toEqual({
      reused: true,
      how: 'exists',
      info: { ...gzip, compression: 'gzip' }
    })
    await dest.close()
  })
})
