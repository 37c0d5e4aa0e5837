// docker-archive: and docker-daemon: references (upstream's rules), and DOCKER_HOST parsing.
import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../../src/errors.js'
import {
  DockerArchiveReference,
  parseDockerArchiveReference
} from '../../../src/transports/docker-archive/index.js'
import {
  DEFAULT_DOCKER_HOST,
  DockerDaemonReference,
  engineHostFromEnv,
  parseDockerDaemonReference
} from '../../../src/transports/docker-daemon/index.js'
import { parseImageReference } from '../../../src/transports/index.js'

const ID = `sha256:${'ab'.repeat(32)}`

describe('docker-archive: references', () => {
  it.each([
    ['/tmp/x.tar', '/tmp/x.tar', { kind: 'only' }],
    ['x.tar:@0', 'x.tar', { kind: 'index', index: 0 }],
    ['x.tar:@12', 'x.tar', { kind: 'index', index: 12 }]
  ])('%s', (text, file, selection) => {
    const ref = parseDockerArchiveReference(text)
    expect([ref.path, ref.selection, ref.digest, ref.toString()]).toEqual([
      file,
      selection,
      undefined,
      `docker-archive:${text}`
    ])
  })

  it.each([
    ['x.tar:alpine', 'docker.io/library/alpine:latest'],
    ['x.tar:alpine:3', 'docker.io/library/alpine:3'],
    ['x.tar:acme/app:1', 'docker.io/acme/app:1'],
    ['x.tar:localhost:5000/acme/app:1', 'localhost:5000/acme/app:1'],
    ['x.tar:ghcr.io/acme/app', 'ghcr.io/acme/app:latest']
  ])('%s names %s', (text, name) => {
    const ref = parseDockerArchiveReference(text)
    expect(ref.path).toBe('x.tar')
    expect(ref.selection.kind === 'name' && ref.selection.name.toString()).toBe(name)
  })

  it.each([
    ['', /the path is empty/],
    [':alpine', /the path is empty/],
    ['x.tar:', /the reference is empty/],
    ['x.tar:@', /invalid source index @/],
    ['x.tar:@-1', /invalid source index @-1/],
    ['x.tar:@1x', /invalid source index/],
    ['x.tar:Alpine', /must be lowercase/],
    [`x.tar:alpine@${ID}`, /doesn't support digest references/],
    [`x.tar:alpine:3@${ID}`, /doesn't support digest references/]
  ])('refuses %j', (text, message) => {
    expect(() => parseDockerArchiveReference(text)).toThrow(UsageError)
    expect(() => parseDockerArchiveReference(text)).toThrow(message)
  })

  it('is what parseImageReference gives for docker-archive:', () => {
    const ref = parseImageReference('docker-archive:/tmp/a.tar:acme/app:1')
    expect(ref).toBeInstanceOf(DockerArchiveReference)
    expect(ref.transport).toBe('docker-archive')
    expect(ref.toString()).toBe('docker-archive:/tmp/a.tar:acme/app:1')
  })
})

describe('docker-daemon: references', () => {
  it.each([
    ['busybox:latest', undefined, 'docker.io/library/busybox:latest', 'busybox:latest'],
    ['acme/app:1', undefined, 'docker.io/acme/app:1', 'acme/app:1'],
    ['localhost:5000/app:v2', undefined, 'localhost:5000/app:v2', 'localhost:5000/app:v2'],
    [`acme/app@${ID}`, undefined, `docker.io/acme/app@${ID}`, `acme/app@${ID}`],
    [ID, ID, undefined, ID]
  ])('%s', (text, id, name, engineName) => {
    const ref = parseDockerDaemonReference(text)
    expect([ref.imageId, ref.name?.toString(), ref.engineName, ref.digest]).toEqual([
      id,
      name,
      engineName,
      undefined
    ])
    expect(ref.toString()).toBe(`docker-daemon:${text}`)
  })

  it.each([
    ['busybox', /has neither a tag nor a digest/],
    [`sha512:${'ab'.repeat(64)}`, /only digest algorithm sha256/],
    ['sha256:abc', /reserved for \(non-shortened\) image IDs/],
    ['sha256', /neither a tag nor a digest|reserved/],
    [`busybox:1@${ID}`, /both a tag and a digest/],
    ['Busy:1', /must be lowercase/]
  ])('refuses %j', (text, message) => {
    expect(() => parseDockerDaemonReference(text)).toThrow(UsageError)
    expect(() => parseDockerDaemonReference(text)).toThrow(message)
  })

  it('refuses a destination that is not name:tag before connecting anywhere', async () => {
    for (const text of [ID, `acme/app@${ID}`]) {
      await expect(parseDockerDaemonReference(text).newDestination({})).rejects.toThrow(
        /a destination must be a name:tag/
      )
    }
  })

  it('is what parseImageReference gives for docker-daemon:', () => {
    expect(parseImageReference('docker-daemon:acme/app:1')).toBeInstanceOf(DockerDaemonReference)
  })
})

describe('DOCKER_HOST', () => {
  it('defaults to the local socket', () => {
    expect(engineHostFromEnv({})).toEqual({
      host: DEFAULT_DOCKER_HOST,
      origin: 'http://localhost',
      socketPath: '/var/run/docker.sock',
      isDefaultLocal: true
    })
    expect(engineHostFromEnv({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toMatchObject({
      socketPath: '/run/user/1000/docker.sock',
      isDefaultLocal: false
    })
  })

  it('tcp:// is plain http without TLS settings, https with them (verifying when DOCKER_TLS_VERIFY is set)', () => {
    expect(engineHostFromEnv({ DOCKER_HOST: 'tcp://10.0.0.1' })).toEqual({
      host: 'tcp://10.0.0.1',
      origin: 'http://10.0.0.1:2375',
      tls: undefined,
      isDefaultLocal: false
    })
    expect(
      engineHostFromEnv({ DOCKER_HOST: 'tcp://h:2376', DOCKER_CERT_PATH: '/certs', DOCKER_TLS_VERIFY: '1' })
    ).toMatchObject({
      origin: 'https://h:2376',
      tls: { certPath: '/certs', verify: true }
    })
    expect(engineHostFromEnv({ DOCKER_HOST: 'tcp://h', DOCKER_CERT_PATH: '/certs' })).toMatchObject({
      origin: 'https://h:2376',
      tls: { certPath: '/certs', verify: false }
    })
    expect(
      engineHostFromEnv({ DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1', HOME: '/home/u' })
    ).toMatchObject({
      tls: { certPath: '/home/u/.docker', verify: true }
    })
  })

  it.each(['ssh://user@host', 'npipe:////./pipe/docker_engine', 'docker.sock', 'unix://'])(
    'refuses %s',
    host => {
      expect(() => engineHostFromEnv({ DOCKER_HOST: host })).toThrow(UsageError)
    }
  )
})
