/**
 * Test certificates made with openssl: a CA, a server certificate for 127.0.0.1/localhost (SAN IP and
 * DNS), and client certificates signed by the same CA.
 *
 *   const certs = await createTestCertificates(dir)          // dir must exist
 *   certs.caCertPath, certs.serverCertPath, certs.serverKeyPath
 *   const client = await createClientCertificate(certs, dir, 'client')   // client.cert / client.key
 *
 * Keys are EC P-256 (fast to generate). Nothing here is secret beyond the test run.
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'
import { join } from 'node:path'
import tls from 'node:tls'
import { promisify } from 'node:util'
import { requireProgram } from './programs.js'

const run = promisify(execFile)

export interface TestCertificates {
  dir: string
  caCertPath: string
  caKeyPath: string
  serverCertPath: string
  serverKeyPath: string
}

async function openssl(args: string[], cwd: string): Promise<void> {
  const bin = requireProgram('openssl')
  if (!bin) throw new Error('openssl is needed to make test certificates')
  await run(bin, args, { cwd })
}

async function newKey(path: string, cwd: string): Promise<void> {
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path], cwd)
}

async function sign(
  cwd: string,
  csr: string,
  out: string,
  ca: { cert: string; key: string },
  extensions: string
): Promise<void> {
  const extFile = `${out}.ext`
  await writeFile(join(cwd, extFile), extensions)
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-CAcreateserial',
      '-days',
      '2',
      '-sha256',
      '-extfile',
      extFile,
      '-out',
      out
    ],
    cwd
  )
}

export async function createTestCertificates(
  dir: string,
  hosts: { ips?: string[]; dns?: string[] } = { ips: ['127.0.0.1'], dns: ['localhost'] }
): Promise<TestCertificates> {
  await newKey('ca.key', dir)
  await openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-sha256',
      '-days',
      '2',
      '-subj',
      '/CN=image-copy-action test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'ca.crt'
    ],
    dir
  )
  await newKey('server.key', dir)
  await openssl(['req', '-new', '-key', 'server.key', '-subj', '/CN=127.0.0.1', '-out', 'server.csr'], dir)
  const san = [...(hosts.ips ?? []).map(ip => `IP:${ip}`), ...(hosts.dns ?? []).map(d => `DNS:${d}`)].join(
    ','
  )
  await sign(
    dir,
    'server.csr',
    'server.crt',
    { cert: 'ca.crt', key: 'ca.key' },
    `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`
  )
  return {
    dir,
    caCertPath: join(dir, 'ca.crt'),
    caKeyPath: join(dir, 'ca.key'),
    serverCertPath: join(dir, 'server.crt'),
    serverKeyPath: join(dir, 'server.key')
  }
}

/** A client certificate signed by the test CA, written as `<name>.cert` and `<name>.key` in `dir`. */
export async function createClientCertificate(
  ca: TestCertificates,
  dir: string,
  name: string
): Promise<{ certPath: string; keyPath: string }> {
  await newKey(`${name}.key`, dir)
  await openssl(['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`], dir)
  await sign(
    dir,
    `${name}.csr`,
    `${name}.cert`,
    { cert: ca.caCertPath, key: ca.caKeyPath },
    'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n'
  )
  return { certPath: join(dir, `${name}.cert`), keyPath: join(dir, `${name}.key`) }
}

/** A self-signed certificate and key (for the token issuer's signing key). */
export async function createSelfSigned(
  dir: string,
  name: string,
  cn: string
): Promise<{ certPath: string; keyPath: string }> {
  await newKey(`${name}.key`, dir)
  await openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      `${name}.key`,
      '-sha256',
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
      '-out',
      `${name}.pem`
    ],
    dir
  )
  return { certPath: join(dir, `${name}.pem`), keyPath: join(dir, `${name}.key`) }
}

/** What `action` did with node:tls: connections opened and secure contexts built. */
export interface TlsUse<T> {
  result: T
  connections: number
  contexts: number
}

/** Runs `action` with node:tls's `connect` and `createSecureContext` counted (then restored). */
export async function countingTls<T>(action: () => Promise<T>): Promise<TlsUse<T>> {
  const { connect, createSecureContext } = tls
  const use = { connections: 0, contexts: 0 }
  tls.connect = ((...args: Parameters<typeof connect>) => {
    use.connections++
    return connect(...args)
  }) as typeof connect
  tls.createSecureContext = (...args) => {
    use.contexts++
    return createSecureContext(...args)
  }
  syncBuiltinESMExports()
  try {
    return { result: await action(), ...use }
  } finally {
    tls.connect = connect
    tls.createSecureContext = createSecureContext
    syncBuiltinESMExports()
  }
}
