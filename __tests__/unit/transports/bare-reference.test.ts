// References without a transport: registry references, unless they are surely a path, an
// unavailable transport or a mistyped one (src/transports/bare-reference.ts).
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../../../src/errors.js'
import type { DockerReference } from '../../../src/reference/docker.js'
import { parseImageReference } from '../../../src/transports/index.js'
import type { ImageReference } from '../../../src/transports/types.js'
import { exampleLayout, removeTempDirs, tempDir } from '../../harness/local.js'

function refusal(text: string): UsageError {
  try {
    parseImageReference(text, '--src')
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    return e as UsageError
  }
  throw new Error(`"${text}" was accepted`)
}

const known =
  'known: docker, oci, oci-archive, dir, docker-archive, docker-daemon, containers-storage, ostree'

describe('references without a transport', () => {
  afterAll(removeTempDirs)

  it.each([
    ['alpine', 'docker.io/library/alpine:latest'],
    ['localhost:5000/app:1', 'localhost:5000/app:1'],
    ['registry.example.com:443/x', 'registry.example.com:443/x:latest'],
    ['myhost:5000/team/app@sha256:' + 'a'.repeat(64), 'myhost:5000/team/app@sha256:' + 'a'.repeat(64)],
    ['acme/app:1.0', 'docker.io/acme/app:1.0']
  ])('%s is a registry reference', (text, name) => {
    const ref = parseImageReference(text) as ImageReference & { docker: DockerReference }
    expect(ref.transport).toBe('docker')
    expect(ref.docker.toString()).toBe(name)
  })

  it.each([
    ['containers-storage-typo:x', 'containers-storage'],
    ['oci-layout:/x', 'oci'],
    ['oci-archiv:./img.tar', 'oci-archive'],
    ['docker-deamon:app:1', 'docker-daemon'],
    ['unknown://x', undefined],
    ['unknown:transport', undefined],
    ['alpine:3.19', undefined],
    ['foo:./bar', undefined]
  ])('%s names an unknown transport', (text, guess) => {
    const e = refusal(text)
    const prefix = text.slice(0, text.indexOf(':'))
    expect(e.message).toContain(`--src "${text}": unknown transport "${prefix}"; ${known}`)
    if (guess) expect(e.message).toContain(`did you mean ${guess}:?`)
    else expect(e.message).not.toContain('did you mean')
  })

  it.each([
    ['openshift:ns/stream:1', 'the openshift: transport is retired'],
    ['atomic:ns/stream:1', 'the atomic: transport is retired']
  ])('%s is refused by name', (text, message) => {
    const e = refusal(text)
    expect(e.message).toContain(message)
    if (text.startsWith('openshift') || text.startsWith('atomic'))
      expect(e.message).toContain('docker://<registry>')
  })

  it('a bare name:tag says how to write the Docker Hub image', () => {
    expect(refusal('alpine:3.19').hint).toBe(
      'for the Docker Hub image "alpine" with tag "3.19", write docker://alpine:3.19'
    )
    expect(refusal('unknown:transport').message).toContain(`unknown transport "unknown"; ${known}`)
  })

  it('docker: without // says how to write it, and how to name the Docker Hub image "docker"', () => {
    expect(refusal('docker:27-dind').message).toContain('write docker://docker:27-dind')
  })

  it('an OCI layout, a dir: image, a tar file and another directory given as paths suggest their transport', async () => {
    const base = await tempDir()
    const dirImage = path.join(base, 'img')
    await mkdir(dirImage)
    await writeFile(path.join(dirImage, 'manifest.json'), '{}')
    await writeFile(path.join(dirImage, 'version'), 'Directory Transport Version: 1.1\n')
    const tar = path.join(base, 'img.tar')
    await writeFile(tar, '')

    expect(refusal(exampleLayout).message).toContain(
      `OCI layout, given without a transport: write oci:${exampleLayout}[:TAG]`
    )
    expect(refusal(`${exampleLayout}:1.0`).message).toContain(`write oci:${exampleLayout}:1.0`)
    expect(refusal(dirImage).message).toContain(`write dir:${dirImage}`)
    expect(refusal(tar).message).toContain(
      `write oci-archive:${tar} (a tar of an OCI layout) or docker-archive:${tar}`
    )
    expect(refusal(base).message).toContain(
      `local directory given without a transport: write oci:${base}:TAG`
    )
  })

  it.each(['./layout', '../out/layout:1.0', '/tmp/never-there/img', '~/img'])(
    '%s looks like a path even when nothing is there',
    text => {
      const e = refusal(text)
      expect(e.message).toContain(`--src "${text}" looks like a local path, not a registry reference`)
      expect(e.message).toContain(`oci:${text}`)
    }
  )

  it('a bare word naming a directory here is refused, with the way to name the registry image', () => {
    const cwd = process.cwd()
    process.chdir(path.dirname(exampleLayout))
    try {
      const e = refusal('multiarch')
      expect(e.message).toContain('write oci:multiarch[:TAG]')
      expect(e.hint).toBe('for the registry image of that name write docker://multiarch')
    } finally {
      process.chdir(cwd)
    }
  })
})
