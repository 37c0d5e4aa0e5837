// HTTP_PROXY / HTTPS_PROXY / NO_PROXY through a real forward proxy (tinyproxy), with the CLI run in
// this process and its environment passed explicitly (process.env is never changed).
//
// Go's rules, which we follow, never proxy localhost or loopback addresses, so the registries are
// named `0.0.0.0:PORT` here: not loopback to those rules, and on Linux a connection to 0.0.0.0 reaches
// the registry listening on 127.0.0.1. `127.0.0.1:PORT` is the same registry, never proxied.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main.js'
import { closeAllConnections, configureRegistry, resetRegistrySettings } from '../../../src/registry/index.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import { describeWithPrograms, findProgram } from '../../harness/programs.js'
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
})
