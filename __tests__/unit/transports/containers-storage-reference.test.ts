// containers-storage: references as containers/image parses them (store specifier, names, IDs), with
// podman's naming of unqualified names; the destination's properties (upstream storage_dest.go);
// the big-data file names of c/storage; and openshift:/atomic: refused with what to use instead.
import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../../src/errors.js'
import { storageDestinationProperties } from '../../../src/transports/containers-storage/destination.js'
import { ContainersStorageReference } from '../../../src/transports/containers-storage/index.js'
import { bigDataFileName } from '../../../src/transports/containers-storage/store-metadata.js'
import { parseImageReference } from '../../../src/transports/index.js'

const ID = 'a1059b113f41058c6ec6cf3a5db2a057b2a6b84c0064d4d72c835757126ca55b'
const DIGEST = `sha256:${'e'.repeat(64)}`

function parse(text: string): ContainersStorageReference {
  const ref = parseImageReference(text)
  expect(ref).toBeInstanceOf(ContainersStorageReference)
  return ref as ContainersStorageReference
}

describe('containers-storage: references', () => {
  it.each([
    ['app', 'localhost/app:latest'],
    ['app:1.4', 'localhost/app:1.4'],
    ['acme/app:1', 'localhost/acme/app:1'],
    ['localhost/app:1', 'localhost/app:1'],
    ['docker.io/library/alpine', 'docker.io/library/alpine:latest'],
    ['quay.io/acme/app:2', 'quay.io/acme/app:2'],
    ['127.0.0.1:5000/app:3', '127.0.0.1:5000/app:3'],
    [`quay.io/acme/app@${DIGEST}`, `quay.io/acme/app@${DIGEST}`]
  ])('%s names %s (podman: unqualified names are local)', (text, name) => {
    const ref = parse(`containers-storage:${text}`)
    expect(ref.name?.toString()).toBe(name)
    expect(ref.store).toBeUndefined()
    expect(ref.imageId).toBeUndefined()
    expect(ref.toString()).toBe(`containers-storage:${text}`)
  })

  it('a digested name sets the reference digest', () => {
    expect(parse(`containers-storage:quay.io/acme/app@${DIGEST}`).digest).toBe(DIGEST)
  })

  it('the store specifier: driver, graph root, run root and options, each but the root optional', () => {
    const full = parse('containers-storage:[vfs@/var/g+/run/r:vfs.ignore_chown_errors=true,o2]app:1')
    expect(full.store).toEqual({
      driver: 'vfs',
      graphRoot: '/var/g',
      runRoot: '/run/r',
      options: ['vfs.ignore_chown_errors=true', 'o2']
    })
    expect(full.storePart).toBe('[vfs@/var/g+/run/r:vfs.ignore_chown_errors=true,o2]')
    expect(full.name?.toString()).toBe('localhost/app:1')
    expect(parse('containers-storage:[/var/g]app').store).toEqual({
      driver: undefined,
      graphRoot: '/var/g',
      runRoot: undefined,
      options: []
    })
  })

  it('image IDs: @ID, a bare 64-hex ID, NAME@ID and @prefix', () => {
    expect(parse(`containers-storage:@${ID}`)).toMatchObject({ imageId: ID, name: undefined })
    expect(parse(`containers-storage:${ID}`)).toMatchObject({ imageId: ID, name: undefined })
    const both = parse(`containers-storage:[vfs@/g+/r]app:1@${ID}`)
    expect([both.imageId, both.name?.toString()]).toEqual([ID, 'localhost/app:1'])
    expect(parse('containers-storage:@a10').imageId).toBe('a10')
  })

  it.each([
    ['containers-storage:', 'it names no image'],
    ['containers-storage:[vfs@/g+/r', 'no closing "]"'],
    ['containers-storage:[vfs@rel+/r]app', 'graph root in the store specifier must be an absolute path'],
    ['containers-storage:[/g+rel]app', 'run root in the store specifier must be an absolute path'],
    ['containers-storage:[VFS!@/g]app', 'is not a driver name'],
    ['containers-storage:app@xy', 'neither a digest'],
    ['containers-storage:App:1', 'must be lowercase']
  ])('%s is refused: %s', (text, message) => {
    expect(() => parseImageReference(text)).toThrow(UsageError)
    expect(() => parseImageReference(text)).toThrow(message)
  })
})

describe('containers-storage: destination properties and store files', () => {
  it('as upstream storage_dest.go: image types only, originals kept, runtime OS, concurrent blobs', () => {
    expect(storageDestinationProperties).toMatchObject({
      supportedManifestMimeTypes: [
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.docker.distribution.manifest.v1+prettyjws',
        'application/vnd.docker.distribution.manifest.v1+json'
      ],
      desiredLayerCompression: 'preserve',
      mustMatchRuntimeOS: true,
      hasThreadSafePutBlob: true
    })
    expect(storageDestinationProperties.supportsSignatures).toContain('carry no signatures')
  })

  it('big-data file names: plain for [0-9a-z.]*, else "=" + base64 of the key (c/storage)', () => {
    expect(bigDataFileName('manifest')).toBe('manifest')
    expect(bigDataFileName('instances.json')).toBe('instances.json')
    expect(bigDataFileName(`manifest-sha256:${'0'.repeat(64)}`)).toBe(
      `=${Buffer.from(`manifest-sha256:${'0'.repeat(64)}`).toString('base64')}`
    )
  })
})

describe('openshift: and atomic:', () => {
  it.each(['openshift:ns/stream:1', 'atomic:ns/stream:1'])(
    '%s is refused, saying why and what to use',
    text => {
      let error: Error | undefined
      try {
        parseImageReference(text, '--src')
      } catch (e) {
        error = e as Error
      }
      expect(error).toBeInstanceOf(UsageError)
      expect(error!.message).toContain('retired')
      expect(error!.message).toContain('OpenShift 4 removed the /oapi/v1 API')
      expect(error!.message).toContain('docker://<registry>/<namespace>/<stream>:<tag>')
      expect(error!.message).toContain('oc whoami -t')
    }
  )
})

describe('finding podman', () => {
  it('CONTAINER_HOST other than unix:// is refused, saying what works', async () => {
    const { openPodman } = await import('../../../src/transports/containers-storage/podman-host.js')
    await expect(
      openPodman(undefined, {}, { CONTAINER_HOST: 'ssh://core@host/run/podman/podman.sock' })
    ).rejects.toThrow(/only a local unix:\/\/\/path\/to\/podman.sock is supported/)
  })

  it('no service answers and no podman on PATH: an error that says to install podman', async () => {
    const { openPodman } = await import('../../../src/transports/containers-storage/podman-host.js')
    const error = (await openPodman(
      { graphRoot: '/nonexistent/graph', options: [] },
      {},
      { PATH: '/nonexistent' }
    ).catch((e: unknown) => e)) as Error & { hint?: string }
    expect(error.message).toContain('needs podman')
    expect(error.hint).toContain('install podman')
  })
})
