/**
 * A real registry for tests: the CNCF distribution registry (`/usr/bin/docker-registry`, Debian package
 * `docker-registry`, 2.8) started on 127.0.0.1 with a generated config in a temp dir.
 *
 *   const registry = await startRegistry()                                   // open, plain http
 *   const registry = await startRegistry({ auth: 'htpasswd', users: [{ name: 'u', password: 'p' }] })
 *   const registry = await startRegistry({ auth: 'token', tokenIssuer: await startTokenIssuer({…}) })
 *   const registry = await startRegistry({ tls: true })                     // https, registry.caCertPath
 *   const registry = await startRegistry({ tls: true, clientCerts: true })  // https + client certs required
 *   registry.host  // '127.0.0.1:PORT'      registry.url  // 'http://127.0.0.1:PORT'
 *   await registry.stop()
 *
 * Storage is the filesystem driver in `dataDir`; deletes are enabled; upload purging is off; the log
 * (level warn) goes to `logFile`. Start waits until `/v2/` answers (200, or 401 with auth). Callers
 * check `requireProgram('docker-registry')` first (see programs.ts); `startRegistry` throws when it is
 * missing. `stop()` kills the process and removes the temp dir unless `keep` is set.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bcryptHash } from './bcrypt.js'
import { findProgram } from './programs.js'
import { createClientCertificate, createTestCertificates, type TestCertificates } from './tls.js'
import type { TokenIssuer } from './token-issuer.js'

export interface RegistryUser {
  name: string
  password: string
}

export interface RegistryOptions {
  auth?: 'htpasswd' | 'token'
  /** htpasswd users (default one user `testuser` / `testpassword`). */
  users?: RegistryUser[]
  /** Required for `auth: 'token'`. */
  tokenIssuer?: TokenIssuer
  tls?: boolean
  /** With tls: the names in the server certificate (default 127.0.0.1 and localhost). */
  certHosts?: { ips?: string[]; dns?: string[] }
  /** With tls: require client certificates signed by the test CA (`clientCertDir` holds one). */
  clientCerts?: boolean
  /** Accept schema1 manifests (`compatibility: schema1: enabled: true`; distribution 2.8 refuses them by default). */
  schema1?: boolean
  /** Keep the temp dir after stop (debugging). */
  keep?: boolean
}

export interface TestRegistry {
  host: string
  url: string
  dataDir: string
  logFile: string
  /** The CA that signed the server certificate (tls only). */
  caCertPath?: string
  /** A cert dir for clients: `ca.crt`, and with clientCerts `client.cert` + `client.key` (tls only). */
  clientCertDir?: string
  users: RegistryUser[]
  /** The registry's log so far (for failure messages). */
  log(): Promise<string>
  stop(): Promise<void>
}

export const DEFAULT_REGISTRY_USER: RegistryUser = { name: 'testuser', password: 'testpassword' }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port
      srv.close(() => resolve(port))
    })
  })
}

function yamlString(s: string): string {
  return JSON.stringify(s)
}

function buildConfig(o: {
  dir: string
  port: number
  options: RegistryOptions
  certs?: TestCertificates
  htpasswdPath?: string
}): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  formatter: text',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${yamlString(join(o.dir, 'data'))}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${o.port}`,
    `  secret: ${yamlString(`test-secret-${o.port}-${Date.now()}`)}`,
    '  headers:',
    '    X-Content-Type-Options: [nosniff]'
  ]
  if (o.certs) {
    lines.push(
      '  tls:',
      `    certificate: ${yamlString(o.certs.serverCertPath)}`,
      `    key: ${yamlString(o.certs.serverKeyPath)}`
    )
    if (o.options.clientCerts) lines.push('    clientcas:', `      - ${yamlString(o.certs.caCertPath)}`)
  }
  if (o.options.auth === 'htpasswd') {
    lines.push('auth:', '  htpasswd:', '    realm: test-realm', `    path: ${yamlString(o.htpasswdPath!)}`)
  } else if (o.options.auth === 'token') {
    const t = o.options.tokenIssuer
    if (!t) throw new Error('startRegistry: auth "token" needs a tokenIssuer')
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${yamlString(t.realm)}`,
      `    service: ${yamlString(t.service)}`,
      `    issuer: ${yamlString(t.issuer)}`,
      `    rootcertbundle: ${yamlString(t.rootCertBundlePath)}`
    )
  }
  if (o.options.schema1) lines.push('compatibility:', '  schema1:', '    enabled: true')
  return lines.join('\n') + '\n'
}

function probe(
  url: string,
  ca: Buffer | undefined,
  clientCert?: { cert: Buffer; key: Buffer }
): Promise<number> {
  return new Promise(resolve => {
    const isHttps = url.startsWith('https:')
    const req = (isHttps ? httpsRequest : httpRequest)(
      url,
      isHttps ? { ca, cert: clientCert?.cert, key: clientCert?.key, timeout: 2000 } : { timeout: 2000 },
      res => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }
    )
    req.on('error', () => resolve(0))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  const bin = findProgram('docker-registry')
  if (!bin) throw new Error('docker-registry is not installed (see __tests__/harness/programs.ts)')
  const dir = await mkdtemp(join(tmpdir(), 'ica-registry-'))
  const users = options.users ?? [DEFAULT_REGISTRY_USER]
  let certs: TestCertificates | undefined
  let clientCertDir: string | undefined
  let clientCert: { cert: Buffer; key: Buffer } | undefined
  if (options.tls) {
    certs = await createTestCertificates(dir, options.certHosts)
    clientCertDir = join(dir, 'client-certs')
    await mkdir(clientCertDir)
    await writeFile(join(clientCertDir, 'ca.crt'), await readFile(certs.caCertPath))
    if (options.clientCerts) {
      const c = await createClientCertificate(certs, clientCertDir, 'client')
      clientCert = { cert: await readFile(c.certPath), key: await readFile(c.keyPath) }
    }
  }
  let htpasswdPath: string | undefined
  if (options.auth === 'htpasswd') {
    htpasswdPath = join(dir, 'htpasswd')
    await writeFile(htpasswdPath, users.map(u => `${u.name}:${bcryptHash(u.password)}`).join('\n') + '\n')
  }
  const logFile = join(dir, 'registry.log')
  const ca = certs ? await readFile(certs.caCertPath) : undefined

  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const configPath = join(dir, 'config.yml')
    await writeFile(configPath, buildConfig({ dir, port, options, certs, htpasswdPath }))
    const logFd = openSync(logFile, 'a')
    const child: ChildProcess = spawn(bin, ['serve', configPath], { stdio: ['ignore', logFd, logFd] })
    closeSync(logFd)
    let exited = false
    child.once('exit', () => (exited = true))
    const scheme = certs ? 'https' : 'http'
    const url = `${scheme}://127.0.0.1:${port}`
    const deadline = Date.now() + 15_000
    let ready = false
    while (!exited && Date.now() < deadline) {
      const status = await probe(`${url}/v2/`, ca, clientCert)
      if (status === 200 || status === 401) {
        ready = true
        break
      }
      await new Promise(r => setTimeout(r, 50))
    }
    if (!ready) {
      child.kill('SIGKILL')
      if (attempt < 2 && exited) continue // most likely the port was taken in between
      const log = await readFile(logFile, 'utf8').catch(() => '')
      await rm(dir, { recursive: true, force: true })
      throw new Error(`docker-registry did not start on port ${port}:\n${log.slice(-2000)}`)
    }
    return {
      host: `127.0.0.1:${port}`,
      url,
      dataDir: join(dir, 'data'),
      logFile,
      caCertPath: certs?.caCertPath,
      clientCertDir,
      users,
      log: () => readFile(logFile, 'utf8').catch(() => ''),
      stop: async () => {
        if (!exited) {
          const gone = new Promise<void>(resolve => child.once('exit', () => resolve()))
          child.kill('SIGTERM')
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
          await gone
          clearTimeout(timer)
        }
        if (!options.keep) await rm(dir, { recursive: true, force: true })
      }
    }
  }
  throw new Error('docker-registry did not start')
}
