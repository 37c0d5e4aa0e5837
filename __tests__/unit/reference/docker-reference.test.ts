import { describe, expect, it } from '@jest/globals'
import {
  InvalidReferenceError,
  parseDockerReference,
  withTagOrDigest
} from '../../../src/reference/docker.js'
import { UsageError } from '../../../src/errors.js'

const D = 'sha256:' + 'a'.repeat(64)

describe('parseDockerReference: normalization', () => {
  it.each([
    // input, registry, apiHost, repository, tag, digest, familiar, full
    [
      'alpine',
      'docker.io',
      'registry-1.docker.io',
      'library/alpine',
      'latest',
      undefined,
      'alpine:latest',
      'docker.io/library/alpine:latest'
    ],
    [
      'alpine:3.20',
      'docker.io',
      'registry-1.docker.io',
      'library/alpine',
      '3.20',
      undefined,
      'alpine:3.20',
      'docker.io/library/alpine:3.20'
    ],
    [
      'acme/app:1.0',
      'docker.io',
      'registry-1.docker.io',
      'acme/app',
      '1.0',
      undefined,
      'acme/app:1.0',
      'docker.io/acme/app:1.0'
    ],
    [
      'docker.io/alpine',
      'docker.io',
      'registry-1.docker.io',
      'library/alpine',
      'latest',
      undefined,
      'alpine:latest',
      'docker.io/library/alpine:latest'
    ],
    [
      'index.docker.io/library/alpine',
      'docker.io',
      'registry-1.docker.io',
      'library/alpine',
      'latest',
      undefined,
      'alpine:latest',
      'docker.io/library/alpine:latest'
    ],
    [
      'docker.io/library/a/b',
      'docker.io',
      'registry-1.docker.io',
      'library/a/b',
      'latest',
      undefined,
      'library/a/b:latest',
      'docker.io/library/a/b:latest'
    ],
    [
      'ghcr.io/acme/app:1.4.0',
      'ghcr.io',
      'ghcr.io',
      'acme/app',
      '1.4.0',
      undefined,
      'ghcr.io/acme/app:1.4.0',
      'ghcr.io/acme/app:1.4.0'
    ],
    [
      'localhost/app',
      'localhost',
      'localhost',
      'app',
      'latest',
      undefined,
      'localhost/app:latest',
      'localhost/app:latest'
    ],
    [
      'localhost:5000/app',
      'localhost:5000',
      'localhost:5000',
      'app',
      'latest',
      undefined,
      'localhost:5000/app:latest',
      'localhost:5000/app:latest'
    ],
    [
      '127.0.0.1:5000/a/b/c:t',
      '127.0.0.1:5000',
      '127.0.0.1:5000',
      'a/b/c',
      't',
      undefined,
      '127.0.0.1:5000/a/b/c:t',
      '127.0.0.1:5000/a/b/c:t'
    ],
    [
      'myhost/app',
      'docker.io',
      'registry-1.docker.io',
      'myhost/app',
      'latest',
      undefined,
      'myhost/app:latest',
      'docker.io/myhost/app:latest'
    ],
    [
      'Example.COM/app',
      'Example.COM',
      'Example.COM',
      'app',
      'latest',
      undefined,
      'Example.COM/app:latest',
      'Example.COM/app:latest'
    ],
    [
      `alpine@${D}`,
      'docker.io',
      'registry-1.docker.io',
      'library/alpine',
      undefined,
      D,
      `alpine@${D}`,
      `docker.io/library/alpine@${D}`
    ],
    [`q.io/x:1@${D}`, 'q.io', 'q.io', 'x', '1', D, `q.io/x:1@${D}`, `q.io/x:1@${D}`],
    [
      'dock__er/docker---rules_x.y',
      'docker.io',
      'registry-1.docker.io',
      'dock__er/docker---rules_x.y',
      'latest',
      undefined,
      'dock__er/docker---rules_x.y:latest',
      'docker.io/dock__er/docker---rules_x.y:latest'
    ],
    [
      'docker.io/' + '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
      'docker.io',
      'registry-1.docker.io',
      'library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
      'latest',
      undefined,
      '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest',
      'docker.io/library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest'
    ]
  ])('%s', (input, registry, apiHost, repository, tag, digest, familiar, full) => {
    const ref = parseDockerReference(input)
    expect(ref.registry).toBe(registry)
    expect(ref.apiHost).toBe(apiHost)
    expect(ref.repository).toBe(repository)
    expect(ref.tag).toBe(tag)
    expect(ref.digest).toBe(digest)
    expect(ref.familiar()).toBe(familiar)
    expect(ref.toString()).toBe(full)
    expect(ref.name).toBe(`${registry}/${repository}`)
  })

  it('leaves the tag out when asked', () => {
    expect(parseDockerReference('alpine', { defaultTag: false }).tag).toBeUndefined()
  })

  it('round-trips through the familiar and the full form', () => {
    for (const s of ['alpine', 'acme/app:1', `ghcr.io/a/b@${D}`, 'localhost:5000/x:y']) {
      const ref = parseDockerReference(s)
      expect(parseDockerReference(ref.familiar()).toString()).toBe(ref.toString())
      expect(parseDockerReference(ref.toString()).toString()).toBe(ref.toString())
    }
  })

  it('withTagOrDigest keeps the repository', () => {
    const ref = withTagOrDigest(parseDockerReference('ghcr.io/a/b:1'), undefined, D)
    expect(ref.toString()).toBe(`ghcr.io/a/b@${D}`)
  })
})

describe('parseDockerReference: invalid input', () => {
  it.each([
    ['', /empty/],
    ['Alpine', /must be lowercase/],
    ['docker/Docker', /must be lowercase/],
    ['ghcr.io/Acme/app', /must be lowercase/],
    ['1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', /image ID/],
    ['alpine:-bad', /invalid tag "-bad"/],
    ['alpine:' + 'x'.repeat(129), /invalid tag/],
    ['alpine:', /invalid tag ""/],
    ['alpine@sha256:abc', /invalid digest "sha256:abc"/],
    ['alpine@sha256:' + 'A'.repeat(64), /must be lowercase/],
    ['alpine@md5:' + 'a'.repeat(32), /unsupported digest algorithm "md5"/],
    ['alpine@sha256:' + 'a'.repeat(63), /invalid digest/],
    ['alpine@sha512:' + 'a'.repeat(64), /sha512 needs 128 hex digits/],
    ['-docker/docker', /invalid repository name/],
    ['docker-/docker', /invalid repository name/],
    ['docker///docker', /invalid repository name/],
    ['____/____', /invalid repository name/],
    ['dock..er/docker', /invalid registry host/],
    ['docker/dock..er', /invalid repository name/],
    ['docker/', /invalid repository name "docker\/"/],
    ['ghcr.io/', /repository name is empty/],
    ['https://github.com/docker/docker', /invalid/],
    ['-ghcr.io/app', /invalid registry host/],
    ['a b', /white space/],
    ['x.io/' + 'a'.repeat(256), /255 characters/]
  ])('%s', (input, message) => {
    let error: unknown
    try {
      parseDockerReference(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidReferenceError)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toContain(`"${input}"`)
  })
})
