// Each transport's destination and source properties, read from real destinations and sources
// opened on temp dirs (a registry destination opens without a request; docker-daemon: against a
// fake Engine API on a unix socket), the defaults, and the TransportContext options that change
// dir:'s and oci:'s layer policy.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { UsageError } from '../../../src/errors.js'
import { engineHostFromEnv } from '../../../src/transports/docker-daemon/engine-host.js'
import { parseImageReference } from '../../../src/transports/index.js'
import {
  destinationDefaults,
  destinationProperties,
  sourceDefaults,
  sourceProperties,
  type DestinationProperties,
  type TransportContext
} from '../../../src/transports/types.js'
import { OCI_INDEX, OCI_MANIFEST, tempDir, tinyImage, writeImage } from './helpers.js'

const V2S2 = 'application/vnd.docker.distribution.manifest.v2+json'
const REGISTRY_TYPES = [
  OCI_MANIFEST,
  V2S2,
  OCI_INDEX,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.docker.distribution.manifest.v1+json'
]

let root: string
let tmp: string
let socket: string
let engine: Server
let savedHost: string | undefined

beforeAll(async () => {
  root = await tempDir('properties')
  tmp = path.join(root, 'tmp')
  await fs.mkdir(tmp)
  // Enough of the Engine API for a docker-daemon: destination to open: _ping, and a load that is
  // read until the client gives it up.
  socket = path.join(root, 'engine.sock')
  engine = createServer((req, res) => {
    if (req.url === '/_ping') res.end('OK')
    else req.resume().on('end', () => res.end('{}'))
  })
  await new Promise<void>(resolve => engine.listen(socket, resolve))
  savedHost = process.env.DOCKER_HOST
  process.env.DOCKER_HOST = `unix://${socket}`
})
afterAll(async () => {
  if (savedHost === undefined) delete process.env.DOCKER_HOST
  else process.env.DOCKER_HOST = savedHost
  engine.closeAllConnections()
  await new Promise(resolve => engine.close(resolve))
  await fs.rm(root, { recursive: true, force: true })
})

let n = 0
const fresh = (name: string): string => path.join(root, `${++n}-${name}`)

/** Opens the destination, reads its properties, and closes it without committing. */
async function propertiesOf(reference: string, ctx: TransportContext = {}): Promise<DestinationProperties> {
  const dest = await parseImageReference(reference).newDestination({ tmpDir: tmp, ...ctx })
  try {
    return dest.properties
  } finally {
    await dest.close()
  }
}

type Row = [string, () => string, DestinationProperties]

const table: Row[] = [
  [
    'docker',
    () => 'docker://127.0.0.1:1/acme/app:1',
    {
      supportedManifestMimeTypes: REGISTRY_TYPES,
      supportsSignatures: expect.stringMatching(
        /^storing signatures in a registry is not supported/
      ) as never,
      desiredLayerCompression: 'compress',
      acceptsForeignLayerURLs: true,
      mustMatchRuntimeOS: false,
      hasThreadSafePutBlob: true,
      takesConfigsEarly: true
    }
  ],
  [
    'oci',
    () => `oci:${fresh('layout')}:v1`,
    {
      supportedManifestMimeTypes: [OCI_MANIFEST, OCI_INDEX],
      supportsSignatures: 'Pushing signatures for OCI images is not supported',
      desiredLayerCompression: 'compress',
      acceptsForeignLayerURLs: true,
      mustMatchRuntimeOS: false,
      hasThreadSafePutBlob: true,
      takesConfigsEarly: false
    }
  ],
  [
    'oci-archive',
    () => `oci-archive:${fresh('archive.tar')}:v1`,
    {
      supportedManifestMimeTypes: [OCI_MANIFEST, OCI_INDEX],
      supportsSignatures: 'Pushing signatures for OCI images is not supported',
      desiredLayerCompression: 'compress',
      acceptsForeignLayerURLs: true,
      mustMatchRuntimeOS: false,
      hasThreadSafePutBlob: true,
      takesConfigsEarly: false
    }
  ],
  [
    'dir',
    () => `dir:${fresh('dir')}`,
    {
      supportedManifestMimeTypes: [],
      supportsSignatures: true,
      desiredLayerCompression: 'preserve',
      acceptsForeignLayerURLs: false,
      mustMatchRuntimeOS: false,
      hasThreadSafePutBlob: true,
      takesConfigsEarly: false
    }
  ],
  [
    'docker-archive',
    () => `docker-archive:${fresh('docker.tar')}:acme/app:1`,
    {
      supportedManifestMimeTypes: [V2S2],
      supportsSignatures: 'Storing signatures for docker tar files is not supported',
      desiredLayerCompression: 'decompress',
      acceptsForeignLayerURLs: false,
      mustMatchRuntimeOS: false,
      hasThreadSafePutBlob: false,
      takesConfigsEarly: false
    }
  ],
  [
    // DOCKER_HOST names the fake engine, not the default socket: no runtime-OS check (upstream's rule).
    'docker-daemon (DOCKER_HOST not the default socket)',
    () => 'docker-daemon:acme/app:1',
    {
      supportedManifestMimeTypes: [V2S2],
      supportsSignatures: 'Storing signatures for docker tar files is not supported',
      desiredLayerCompression: 'preserve',
      acceptsForeignLayerURLs: false,
      mustMatchRuntimeOS: false,
      hasThreadSafePutBlob: false,
      takesConfigsEarly: false
    }
  ]
]

describe('destination properties of each transport', () => {
  it.each(table)('%s', async (_name, reference, expected) => {
    const properties = await propertiesOf(reference())
    expect(properties).toEqual(expected)
    expect(Object.isFrozen(properties)).toBe(true)
    expect(Object.isFrozen(properties.supportedManifestMimeTypes)).toBe(true)
  })

  it('docker-daemon: the runtime-OS check applies exactly on the default local socket', () => {
    // What openDaemonDestination passes as mustMatchRuntimeOS; the default socket is not opened here.
    expect(engineHostFromEnv({}).isDefaultLocal).toBe(true)
    expect(engineHostFromEnv({ DOCKER_HOST: 'unix:///var/run/docker.sock' }).isDefaultLocal).toBe(true)
    expect(engineHostFromEnv({ DOCKER_HOST: `unix://${socket}` }).isDefaultLocal).toBe(false)
    expect(engineHostFromEnv({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }).isDefaultLocal).toBe(false)
  })
})

describe('TransportContext options that change the layer policy', () => {
  it('dir: compress, decompress, or preserve by default; both at once is refused when it opens', async () => {
    expect(
      (await propertiesOf(`dir:${fresh('dir')}`, { dirForceCompress: true })).desiredLayerCompression
    ).toBe('compress')
    expect(
      (await propertiesOf(`dir:${fresh('dir')}`, { dirForceDecompress: true })).desiredLayerCompression
    ).toBe('decompress')
    expect(
      (await propertiesOf(`dir:${fresh('dir')}`, { dirForceCompress: false, dirForceDecompress: false }))
        .desiredLayerCompression
    ).toBe('preserve')
    const target = fresh('dir-both')
    const opening = propertiesOf(`dir:${target}`, { dirForceCompress: true, dirForceDecompress: true })
    await expect(opening).rejects.toThrow(UsageError)
    await expect(opening).rejects.toThrow('cannot compress and decompress layers at the same time')
    // Refused before anything was created.
    await expect(fs.stat(target)).rejects.toThrow('ENOENT')
  })

  it('oci: and oci-archive: keep uncompressed layers with ociAcceptUncompressedLayers', async () => {
    for (const ref of [() => `oci:${fresh('layout')}:v1`, () => `oci-archive:${fresh('a.tar')}:v1`]) {
      expect((await propertiesOf(ref(), { ociAcceptUncompressedLayers: true })).desiredLayerCompression).toBe(
        'preserve'
      )
      expect(
        (await propertiesOf(ref(), { ociAcceptUncompressedLayers: false })).desiredLayerCompression
      ).toBe('compress')
    }
  })

  it('the dir: options leave the other transports alone, and the oci: option leaves dir: alone', async () => {
    const dirOptions = { dirForceCompress: true } as const
    expect((await propertiesOf(`oci:${fresh('layout')}:v1`, dirOptions)).desiredLayerCompression).toBe(
      'compress'
    )
    expect((await propertiesOf(`docker-archive:${fresh('d.tar')}`, dirOptions)).desiredLayerCompression).toBe(
      'decompress'
    )
    expect(
      (await propertiesOf(`dir:${fresh('dir')}`, { ociAcceptUncompressedLayers: true }))
        .desiredLayerCompression
    ).toBe('preserve')
  })
})

describe('source properties', () => {
  it('oci:, oci-archive: and dir: sources read blobs concurrently', async () => {
    const image = tinyImage('properties-source')
    for (const ref of [
      `oci:${fresh('layout')}:v1`,
      `oci-archive:${fresh('s.tar')}:v1`,
      `dir:${fresh('dir')}`
    ]) {
      const reference = parseImageReference(ref)
      const dest = await reference.newDestination({ tmpDir: tmp })
      await writeImage(dest, image)
      await dest.close()
      const src = await reference.newSource({ tmpDir: tmp })
      try {
        expect(src.properties).toEqual({ hasThreadSafeGetBlob: true })
        expect(Object.isFrozen(src.properties)).toBe(true)
      } finally {
        await src.close()
      }
    }
  })
})

describe('defaults and overrides', () => {
  it('the defaults are the conservative answers', () => {
    expect(destinationDefaults).toEqual({
      supportedManifestMimeTypes: [],
      supportsSignatures: 'this destination cannot store signatures',
      desiredLayerCompression: 'preserve',
      acceptsForeignLayerURLs: false,
      mustMatchRuntimeOS: false,
      hasThreadSafePutBlob: false,
      takesConfigsEarly: false
    })
    expect(sourceDefaults).toEqual({ hasThreadSafeGetBlob: false })
    expect(destinationProperties({})).toEqual(destinationDefaults)
    expect(sourceProperties({})).toEqual(sourceDefaults)
  })

  it('an override replaces only its member; undefined keeps the default', () => {
    const p = destinationProperties({ hasThreadSafePutBlob: true, takesConfigsEarly: undefined })
    expect(p).toEqual({ ...destinationDefaults, hasThreadSafePutBlob: true })
    expect(sourceProperties({ hasThreadSafeGetBlob: true }).hasThreadSafeGetBlob).toBe(true)
  })

  it('the objects are frozen, the type list too, and a caller array given is copied', () => {
    const types = [OCI_MANIFEST]
    const p = destinationProperties({ supportedManifestMimeTypes: types })
    types.push(OCI_INDEX)
    expect(p.supportedManifestMimeTypes).toEqual([OCI_MANIFEST])
    for (const o of [
      p,
      p.supportedManifestMimeTypes,
      destinationDefaults,
      sourceDefaults,
      sourceProperties({})
    ]) {
      expect(Object.isFrozen(o)).toBe(true)
    }
    expect(() => {
      ;(p as { hasThreadSafePutBlob: boolean }).hasThreadSafePutBlob = true
    }).toThrow(TypeError)
    expect(() => (p.supportedManifestMimeTypes as string[]).push(OCI_INDEX)).toThrow(TypeError)
  })
})
