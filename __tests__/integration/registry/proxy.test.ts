// HTTP_PROXY / HTTPS_PROXY / NO_PROXY through a real forward proxy (tinyproxy), with the CLI run in
// this process and its environment passed explicitly (process.env is never changed).
//
// Go's rules, which we follow, never proxy localhost or loopback addresses, so the registries are
// named `0.0.0.0:PORT` here: not loopback to those rules, and on Linux a connection to 0.0.0.0 reaches
// the registry listening on 127.0.0.1. `127.0.0.1:PORT` is the same registry, never proxied.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { syncBuiltinESMExports } from 'node:module'
import tls from 'node:tls'
import { run } from '../../../src/cli/main.js'
import { closeAllConnections, configureRegistry, resetRegistrySettings } from '../../../src/registry/index.js'
import { proxyEnvironment } from '../../../src/registry/proxy-env.js'
import { makeImage, openDestination, pushImage } from './fixtures.js'
import { requireNode24, runActionStep } from '../../harness/action-runner.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import { describeWithDockerd, startDockerd, type TestDockerd } from '../../harness/dockerd.js'
import { describeWithPrograms, requireProgram } from '../../harness/programs.js'
import { startProxy, type TestProxy } from '../../harness/proxy.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (c: Buffer) => out.push(c))
  stderr.on('data', (c: Buffer) => err.push(c))
  const code = await run(args, env, stdout, stderr, Readable.from([]))
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }
}

const port = (r: TestRegistry): string => r.host.split(':')[1]

describeWithPrograms(['docker-registry', 'tinyproxy', 'openssl'], 'registry traffic through a proxy', () => {
  let plain: TestRegistry
  let secure: TestRegistry
  let proxy: TestProxy
  let other: TestProxy
  let locked: TestProxy
  let home: string
  const password = `pw-${randomBytes(9).toString('hex')}`
  const source = `oci:${exampleLayout}:1.0`
  let expected: string

  beforeAll(async () => {
    configureRegistry({ retryBaseDelayMs: 10, retryMaxDelayMs: 50 })
    ;[plain, secure, proxy, other, locked] = await Promise.all([
      startRegistry(),
      startRegistry({ tls: true, certHosts: { ips: ['127.0.0.1', '0.0.0.0'] } }),
      startProxy(),
      startProxy(),
      startProxy({ auth: { user: 'copier', password } })
    ])
    home = await tempDir()
    const digests = await tempDir()
    // the digest of what a system copy of the example writes, without any proxy
    const direct = await cli([source, `oci:${digests}/x:1`, '--quiet'], baseEnv())
    expect(direct.code).toBe(0)
    expected = (await ociRefDigest(`${digests}/x`, '1'))!
  })
  afterAll(async () => {
    resetRegistrySettings()
    await closeAllConnections()
    await Promise.all([plain, secure, proxy, other, locked].map(s => s?.stop()))
    await removeTempDirs()
  })

  function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { HOME: home, PATH: process.env.PATH, ...extra }
  }

  async function pushAndPull(
    registry: string,
    repo: string,
    env: NodeJS.ProcessEnv,
    flags: { push: string[]; pull: string[] }
  ): Promise<{ push: CliRun; pull: CliRun; pulled?: string }> {
    const out = await tempDir()
    const push = await cli([source, `docker://${registry}/${repo}:1`, '--quiet', ...flags.push], env)
    const pull = await cli(
      [`docker://${registry}/${repo}:1`, `oci:${out}/l:1`, '--quiet', ...flags.pull],
      env
    )
    return { push, pull, pulled: await ociRefDigest(`${out}/l`, '1') }
  }

  const plainFlags = { push: ['--dest-tls-verify=false'], pull: ['--src-tls-verify=false'] }

  it('pushes and pulls a plain-http registry through HTTP_PROXY: the proxy forwards every request', async () => {
    const registry = `0.0.0.0:${port(plain)}`
    const before = (await proxy.requests()).length
    const r = await pushAndPull(registry, 'via/http', baseEnv({ HTTP_PROXY: proxy.url }), plainFlags)
    expect([r.push.code, r.pull.code, r.pulled]).toEqual([0, 0, expected])
    expect(r.push.stdout).toContain(expected)
    const seen = (await proxy.requests()).slice(before)
    const base = `http://${registry}/v2/via/http`
    expect(seen).toContain(`GET http://${registry}/v2/ HTTP/1.1`)
    expect(seen.some(l => l.startsWith(`HEAD ${base}/blobs/sha256:`))).toBe(true)
    expect(seen.some(l => l.startsWith(`PUT ${base}/blobs/uploads/`))).toBe(true)
    expect(seen).toContain(`PUT ${base}/manifests/1 HTTP/1.1`)
    expect(seen).toContain(`GET ${base}/manifests/1 HTTP/1.1`)
    expect(seen.some(l => l.startsWith(`GET ${base}/blobs/sha256:`))).toBe(true)
    expect(seen.every(l => l.includes(`http://${registry}/`))).toBe(true)
  })

  it('reads the lower-case names too, and the upper-case one wins when both are set', async () => {
    const registry = `0.0.0.0:${port(plain)}`
    const [before, beforeOther] = [(await proxy.requests()).length, (await other.requests()).length]
    const lower = await pushAndPull(registry, 'via/lower', baseEnv({ http_proxy: other.url }), plainFlags)
    expect([lower.push.code, lower.pull.code, lower.pulled]).toEqual([0, 0, expected])
    const viaOther = (await other.requests()).slice(beforeOther)
    expect(viaOther).toContain(`PUT http://${registry}/v2/via/lower/manifests/1 HTTP/1.1`)

    const both = await pushAndPull(
      registry,
      'via/both',
      baseEnv({ HTTP_PROXY: proxy.url, http_proxy: other.url }),
      plainFlags
    )
    expect([both.push.code, both.pull.code, both.pulled]).toEqual([0, 0, expected])
    expect((await proxy.requests()).slice(before)).toContain(
      `PUT http://${registry}/v2/via/both/manifests/1 HTTP/1.1`
    )
    expect((await other.requests()).some(l => l.includes('/via/both/'))).toBe(false)
  })

  it('NO_PROXY naming the registry, or any loopback name, bypasses the proxy', async () => {
    const before = (await proxy.requests()).length
    for (const [registry, noProxy] of [
      [`0.0.0.0:${port(plain)}`, `example.com, 0.0.0.0:${port(plain)}`],
      [`0.0.0.0:${port(plain)}`, '10.0.0.0/8,0.0.0.0/32'],
      [`127.0.0.1:${port(plain)}`, ''],
      [`localhost:${port(plain)}`, '']
    ]) {
      const env = baseEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: noProxy })
      const r = await pushAndPull(registry, 'direct/app', env, plainFlags)
      expect([registry, r.push.code, r.pull.code, r.pulled]).toEqual([registry, 0, 0, expected])
    }
    expect((await proxy.requests()).slice(before)).toEqual([])
  })

  it('decides as skopeo (Go) does: 0.0.0.0 goes through the proxy, 127.0.0.1 does not', async () => {
    const skopeo = requireProgram('skopeo') // only this cross-check needs it
    if (!skopeo) return
    const inspect = (registry: string): Promise<unknown> =>
      new Promise(resolve =>
        execFile(
          skopeo,
          ['inspect', '--raw', '--tls-verify=false', `docker://${registry}/via/http:1`],
          { env: baseEnv({ HTTP_PROXY: other.url }) },
          error => resolve(error)
        )
      )
    const before = (await other.requests()).length
    expect(await inspect(`127.0.0.1:${port(plain)}`)).toBeNull()
    expect((await other.requests()).slice(before)).toEqual([])
    expect(await inspect(`0.0.0.0:${port(plain)}`)).toBeNull()
    expect((await other.requests()).slice(before)).toContain(
      `GET http://0.0.0.0:${port(plain)}/v2/via/http/manifests/1 HTTP/1.1`
    )
  })

  it('tunnels TLS through HTTPS_PROXY with CONNECT, verifying the registry with its CA', async () => {
    const registry = `0.0.0.0:${port(secure)}`
    const [before, beforeOther] = [(await proxy.requests()).length, (await other.requests()).length]
    const env = baseEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: other.url })
    const certDir = secure.clientCertDir!
    const r = await pushAndPull(registry, 'via/tls', env, {
      push: ['--dest-cert-dir', certDir],
      pull: ['--src-cert-dir', certDir]
    })
    expect([r.push.code, r.pull.code, r.pulled]).toEqual([0, 0, expected])
    const seen = (await proxy.requests()).slice(before)
    expect(seen.length).toBeGreaterThan(0)
    expect(new Set(seen)).toEqual(new Set([`CONNECT ${registry} HTTP/1.1`]))
    // https requests never use HTTP_PROXY
    expect((await other.requests()).slice(beforeOther)).toEqual([])

    const noCa = await tempDir()
    await mkdir(join(noCa, 'empty'))
    const untrusted = await cli(
      [
        `docker://${registry}/via/tls:1`,
        `oci:${noCa}/l:1`,
        '--src-cert-dir',
        join(noCa, 'empty'),
        '--retry-times',
        '0'
      ],
      env
    )
    expect(untrusted.code).toBe(1)
    expect(untrusted.stderr).toMatch(/TLS certificate verification failed/)
    expect((await proxy.requests()).length).toBeGreaterThan(before + seen.length)
  })

  it('authenticates to a proxy with the credentials in its URL and never prints the password', async () => {
    const before = (await locked.requests()).length
    const tls = await pushAndPull(
      `0.0.0.0:${port(secure)}`,
      'locked/tls',
      baseEnv({ HTTPS_PROXY: locked.urlWithCredentials }),
      { push: ['--dest-cert-dir', secure.clientCertDir!], pull: ['--src-cert-dir', secure.clientCertDir!] }
    )
    const http = await pushAndPull(
      `0.0.0.0:${port(plain)}`,
      'locked/http',
      baseEnv({ http_proxy: locked.urlWithCredentials }),
      plainFlags
    )
    for (const r of [tls, http]) expect([r.push.code, r.pull.code, r.pulled]).toEqual([0, 0, expected])
    const seen = (await locked.requests()).slice(before)
    expect(seen).toContain(`CONNECT 0.0.0.0:${port(secure)} HTTP/1.1`)
    expect(seen).toContain(`PUT http://0.0.0.0:${port(plain)}/v2/locked/http/manifests/1 HTTP/1.1`)

    // tinyproxy answers 407 without credentials and 401 (its quirk) with a wrong password
    const wrong = locked.urlWithCredentials.replace(password, `${password}x`)
    const refused = await Promise.all(
      [locked.url, wrong].flatMap(proxyUrl => [
        cli(
          [`docker://0.0.0.0:${port(plain)}/locked/http:1`, `oci:${home}/r:1`, ...plainFlags.pull],
          baseEnv({ HTTP_PROXY: proxyUrl })
        ),
        cli(
          [`docker://0.0.0.0:${port(secure)}/locked/tls:1`, `oci:${home}/r:1`, '--retry-times', '0'],
          baseEnv({ HTTPS_PROXY: proxyUrl })
        )
      ])
    )
    for (const r of refused) {
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/\b40[17]\b/)
    }
    // a refusal names the proxy (never its credentials) and what to check
    for (const [r, variable] of [
      [refused[0], 'HTTP_PROXY'],
      [refused[1], 'HTTPS_PROXY'],
      [refused[3], 'HTTPS_PROXY']
    ] as const) {
      expect(r.stderr).toContain(`through proxy ${locked.url} from ${variable} failed`)
      expect(r.stderr).toContain('hint: the proxy refused the credentials')
    }
    const printed = [tls, http].flatMap(r => [r.push, r.pull]).concat(refused)
    for (const r of printed) expect(`${r.stdout}${r.stderr}`).not.toContain(password)
  })

  it('presents client certificates inside the tunnel, with TLS verification on or off', async () => {
    const mtls = await startRegistry({
      tls: true,
      clientCerts: true,
      certHosts: { ips: ['127.0.0.1', '0.0.0.0'] }
    })
    try {
      const before = (await proxy.requests()).length
      const env = baseEnv({ HTTPS_PROXY: proxy.url })
      const withCerts = await pushAndPull(`0.0.0.0:${port(mtls)}`, 'via/mtls', env, {
        push: ['--dest-cert-dir', mtls.clientCertDir!],
        pull: ['--src-cert-dir', mtls.clientCertDir!]
      })
      const out = await tempDir()
      const unverified = await cli(
        [
          `docker://0.0.0.0:${port(mtls)}/via/mtls:1`,
          `oci:${out}/l:1`,
          '--quiet',
          '--src-tls-verify=false',
          '--src-cert-dir',
          mtls.clientCertDir!
        ],
        env
      )
      expect([withCerts.push.code, withCerts.pull.code, withCerts.pulled]).toEqual([0, 0, expected])
      expect([unverified.code, await ociRefDigest(`${out}/l`, '1')]).toEqual([0, expected])
      const insecure = await cli(
        [`docker://0.0.0.0:${port(secure)}/via/tls:1`, `oci:${out}/i:1`, '--quiet', '--src-tls-verify=false'],
        env
      )
      expect([insecure.code, await ociRefDigest(`${out}/i`, '1')]).toEqual([0, expected])
      const seen = new Set((await proxy.requests()).slice(before))
      expect(seen).toEqual(
        new Set([`CONNECT 0.0.0.0:${port(mtls)} HTTP/1.1`, `CONNECT 0.0.0.0:${port(secure)} HTTP/1.1`])
      )
    } finally {
      await mtls.stop()
    }
  })

  it('keeps one secure context per TLS configuration and reuses a tunnel for HEADs', async () => {
    const image = makeImage({ layerSizes: [900, 900, 900, 900, 900] })
    const ctx = {
      registry: { certDir: secure.clientCertDir, proxy: proxyEnvironment({ HTTPS_PROXY: proxy.url }) }
    }
    const ref = `0.0.0.0:${port(secure)}/keep/alive:1`
    await pushImage(await openDestination(ref, ctx), image)

    await closeAllConnections() // new agents: every connection below is new
    const before = (await proxy.requests()).length
    const original = tls.createSecureContext
    let contexts = 0
    tls.createSecureContext = (...args) => {
      contexts++
      return original(...args)
    }
    syncBuiltinESMExports()
    try {
      const dest = await openDestination(ref, ctx)
      for (const b of [...image.layers, image.config]) {
        const info = { digest: b.digest, size: b.size, mediaType: b.mediaType }
        expect((await dest.tryReusingBlob(info, {})).reused).toBe(true)
      }
      await dest.close()
    } finally {
      tls.createSecureContext = original
      syncBuiltinESMExports()
    }
    expect(contexts).toBe(1)
    // The ping and six HEADs, one after another: the HEADs share one tunnel (undici would close the
    // connection after each HEAD, seven tunnels). The first HEAD opens a second connection, as it does
    // without a proxy: the ping's connection is not yet free when its answer has been read.
    const seen = (await proxy.requests()).slice(before)
    expect(new Set(seen)).toEqual(new Set([`CONNECT 0.0.0.0:${port(secure)} HTTP/1.1`]))
    expect(seen.length).toBeLessThanOrEqual(2)
  })

  it('works from the bundled CLI on Node 24 (the proxy code is a chunk loaded on first use)', async () => {
    const node24 = requireNode24()
    if (node24 === undefined) return
    const before = (await locked.requests()).length
    const out = await tempDir()
    const image = `docker://0.0.0.0:${port(secure)}/bundle/app:1`
    const bundle = (args: string[]): Promise<CliRun> =>
      new Promise(resolve =>
        execFile(
          node24,
          [join('dist', 'cli', 'index.js'), ...args, '--quiet'],
          { env: baseEnv({ https_proxy: locked.urlWithCredentials }) },
          (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr })
        )
      )
    const push = await bundle([source, image, '--dest-cert-dir', secure.clientCertDir!])
    const pull = await bundle([image, `oci:${out}/b:1`, '--src-cert-dir', secure.clientCertDir!])
    expect([push.code, pull.code, push.stderr, pull.stderr]).toEqual([0, 0, '', ''])
    expect(await ociRefDigest(`${out}/b`, '1')).toBe(expected)
    for (const r of [push, pull]) expect(`${r.stdout}${r.stderr}`).not.toContain(password)
    expect((await locked.requests()).slice(before)).toContain(`CONNECT 0.0.0.0:${port(secure)} HTTP/1.1`)
  })

  it('the bundled Action takes the proxy variables of the runner and masks the proxy password', async () => {
    const node24 = requireNode24()
    if (node24 === undefined) return
    const before = (await locked.requests()).length
    const run = await runActionStep(
      node24,
      'dist/main/index.js',
      {
        src: source,
        dest: `docker://0.0.0.0:${port(secure)}/action/app:1`,
        'dest-cert-dir': secure.clientCertDir!,
        cache: 'false'
      },
      { HOME: home, HTTPS_PROXY: locked.urlWithCredentials }
    )
    expect([run.code, run.outputs.digest]).toEqual([0, expected])
    expect((await locked.requests()).slice(before)).toContain(`CONNECT 0.0.0.0:${port(secure)} HTTP/1.1`)
    const lines = `${run.stdout}\n${run.stderr}`.split('\n')
    expect(lines).toContain(`::add-mask::${password}`)
    const printed = lines.filter(l => !l.startsWith('::add-mask::')).join('\n')
    expect(`${printed}${JSON.stringify(run.outputs)}${run.summary}`).not.toContain(password)
  })
})

describeWithDockerd('docker-daemon with proxy variables set', ['tinyproxy'], () => {
  let dockerd: TestDockerd
  let proxy: TestProxy
  let savedHost: string | undefined

  beforeAll(async () => {
    ;[dockerd, proxy] = await Promise.all([startDockerd(), startProxy()])
    // the docker-daemon transport reads DOCKER_HOST from the process, as the docker CLI does
    savedHost = process.env.DOCKER_HOST
    process.env.DOCKER_HOST = dockerd.host
  })
  afterAll(async () => {
    if (savedHost === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = savedHost
    await Promise.all([dockerd?.stop(), proxy?.stop()])
    await removeTempDirs()
  })

  it('talks to the engine on its unix socket, never through the proxy', async () => {
    const home = await tempDir()
    const out = await tempDir()
    const env = { HOME: home, PATH: process.env.PATH, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }
    const load = await cli([`oci:${exampleLayout}:1.0`, 'docker-daemon:proxy/app:1', '--quiet'], env)
    const save = await cli(['docker-daemon:proxy/app:1', `oci:${out}/d:1`, '--quiet'], env)
    expect([load.code, load.stderr, save.code, save.stderr]).toEqual([0, '', 0, ''])
    expect(await dockerd.docker(['image', 'inspect', '--format', '{{.Id}}', 'proxy/app:1'])).toMatch(
      /^sha256:/
    )
    expect(await proxy.requests()).toEqual([])
  })
})
