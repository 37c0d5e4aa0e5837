// Our docker transport against a real registry (CNCF distribution 2.8), cross-checked with skopeo.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { closeAllConnections, configureRegistry, resetRegistrySettings } from '../../../src/registry/index.js'
import { ImageNotFoundError } from '../../../src/transports/errors.js'
import { ManifestTypeRejectedError } from '../../../src/transports/types.js'
import { UsageError } from '../../../src/errors.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import {
  makeImage,
  makeIndex,
  OCI_INDEX,
  openDestination,
  openSource,
  pushImage,
  readStream,
  registryContext,
  sha256,
  skopeo,
  V2S1,
  writeOciLayout
} from './fixtures.js'

describeWithPrograms(
  ['docker-registry', 'skopeo', 'openssl'],
  'docker transport against distribution + skopeo',
  () => {
    let registry: TestRegistry
    let dir: string
    const ctx = registryContext()

    beforeAll(async () => {
      configureRegistry({ retryBaseDelayMs: 10, retryMaxDelayMs: 50 })
      registry = await startRegistry()
      dir = await mkdtemp(join(tmpdir(), 'ica-pp-'))
    })
    afterAll(async () => {
      resetRegistrySettings()
      await closeAllConnections()
      await registry?.stop()
      await rm(dir, { recursive: true, force: true })
    })

    it('checks which blobs exist (HEAD) over one keep-alive connection', async () => {
      const image = makeImage({ layerSizes: [3000, 5000, 7000, 9000] })
      const ref = `${registry.host}/keepalive/app:v1`
      const first = await openDestination(ref, ctx)
      await pushImage(first, image)
      await first.close()
      await closeAllConnections() // the second push starts without pooled connections

      let connections = 0
      const onConnected = (): void => void connections++
      subscribe('net.client.socket', onConnected)
      try {
        const again = await openDestination(ref, ctx)
        expect(await pushImage(again, image)).toEqual(Array(5).fill('exists'))
        await again.close()
      } finally {
        unsubscribe('net.client.socket', onConnected)
      }
      // 7 requests one after another: the ping, 5 HEADs and the manifest PUT. The first HEAD may find
      // the ping's connection not yet back in the pool and open a second one; then everything reuses
      // them (a client that closes the connection after each HEAD, as undici does by default: 6 or more).
      expect(connections).toBeLessThanOrEqual(2)
    })

    it.each(['oci', 'v2s2'] as const)(
      'pushes a %s image that skopeo reads back byte for byte',
      async format => {
        const image = makeImage({ format })
        const ref = `${registry.host}/pushed/${format}:v1`
        const dest = await openDestination(ref, ctx)
        expect(await pushImage(dest, image)).toEqual(['pushed', 'pushed', 'pushed'])
        await dest.close()

        const raw = await skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${ref}`])
        expect(sha256(Buffer.from(raw.stdout))).toBe(image.digest)
        const info = JSON.parse(
          (await skopeo(['inspect', '--tls-verify=false', `docker://${ref}`])).stdout
        ) as { Digest: string }
        expect(info.Digest).toBe(image.digest)

        // A second push finds everything in place.
        const again = await openDestination(ref, ctx)
        expect(await pushImage(again, image)).toEqual(['exists', 'exists', 'exists'])
      }
    )

    it('pushes a list: instances by digest, then the index by tag', async () => {
      const images = [makeImage(), makeImage({ arch: 'arm64' })]
      const index = makeIndex(images)
      const dest = await openDestination(`${registry.host}/pushed/list:multi`, ctx)
      for (const im of images) await pushImage(dest, im, { instance: true })
      await dest.putManifest({ bytes: index.bytes, mimeType: OCI_INDEX })
      await dest.commit({ bytes: index.bytes, mimeType: OCI_INDEX })
      const raw = await skopeo([
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${registry.host}/pushed/list:multi`
      ])
      expect(sha256(Buffer.from(raw.stdout))).toBe(index.digest)
      const inst = await skopeo([
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${registry.host}/pushed/list@${images[1].digest}`
      ])
      expect(sha256(Buffer.from(inst.stdout))).toBe(images[1].digest)
    })

    it('reads an image list that skopeo pushed, verifying every digest', async () => {
      const images = [makeImage(), makeImage({ format: 'v2s2', arch: 'arm64' })]
      const layout = join(dir, 'layout')
      const top = await writeOciLayout(layout, images, 'v1')
      await skopeo([
        'copy',
        '--all',
        '--dest-tls-verify=false',
        `oci:${layout}:v1`,
        `docker://${registry.host}/skopeo/list:v1`
      ])
      const skopeoDigest = sha256(
        Buffer.from(
          (
            await skopeo([
              'inspect',
              '--raw',
              '--tls-verify=false',
              `docker://${registry.host}/skopeo/list:v1`
            ])
          ).stdout
        )
      )
      expect(skopeoDigest).toBe(top.digest)

      const src = await openSource(`${registry.host}/skopeo/list:v1`, ctx)
      const list = await src.getManifest()
      expect(list.mimeType).toBe(OCI_INDEX)
      expect(sha256(list.bytes)).toBe(top.digest)
      for (const im of images) {
        const m = await src.getManifest(im.digest)
        expect(m.mimeType).toBe(im.mimeType)
        expect(m.bytes.equals(im.manifest)).toBe(true)
        for (const b of [...im.layers, im.config]) {
          const { stream, size } = await src.getBlob({ digest: b.digest, size: b.size })
          expect(size).toBe(b.size)
          expect(sha256(await readStream(stream))).toBe(b.digest)
        }
      }
      expect(await src.getSignatures()).toEqual([])
      await src.close()

      // By digest, and with tag and digest (the digest wins).
      const byDigest = await openSource(`${registry.host}/skopeo/list@${top.digest}`, ctx)
      expect(sha256((await byDigest.getManifest()).bytes)).toBe(top.digest)
      const both = await openSource(`${registry.host}/skopeo/list:nonexistent@${top.digest}`, ctx)
      expect(sha256((await both.getManifest()).bytes)).toBe(top.digest)
    })

    it('says clearly when an image or an instance does not exist', async () => {
      const e = (await openSource(`${registry.host}/nothing/here:v1`, ctx).catch(
        x => x
      )) as ImageNotFoundError
      expect(e).toBeInstanceOf(ImageNotFoundError)
      expect(e.message).toMatch(
        new RegExp(
          `^image docker://${registry.host}/nothing/here:v1 not found: reading manifest v1 of ${registry.host}/nothing/here: (NAME_UNKNOWN|MANIFEST_UNKNOWN): .*\\(HTTP 404, GET http://${registry.host}/v2/nothing/here/manifests/v1\\)$`
        )
      )
    })

    it('refuses a destination with both a tag and a digest', async () => {
      const d = 'sha256:' + 'a'.repeat(64)
      await expect(openDestination(`${registry.host}/x/y:tag@${d}`, ctx)).rejects.toThrow(UsageError)
      await expect(openDestination(`${registry.host}/x/y:tag@${d}`, ctx)).rejects.toThrow(
        /cannot name both a tag and a digest/
      )
    })

    it('writes to a digest-only destination and checks the digest', async () => {
      const image = makeImage()
      const dest = await openDestination(`${registry.host}/bydigest/app@${image.digest}`, ctx)
      await pushImage(dest, image)
      const other = makeImage()
      await expect(
        other &&
          (await openDestination(`${registry.host}/bydigest/app@${image.digest}`, ctx)).putManifest({
            bytes: other.manifest,
            mimeType: other.mimeType
          })
      ).rejects.toThrow(/its digest is sha256:[a-f0-9]{64}, not the expected/)
    })

    it('turns a registry refusing the manifest type into ManifestTypeRejectedError', async () => {
      const image = makeImage()
      const dest = await openDestination(`${registry.host}/rejects/schema1:v1`, ctx)
      await pushImage(dest, image)
      const schema1 = Buffer.from(
        JSON.stringify({
          schemaVersion: 1,
          name: 'rejects/schema1',
          tag: 'v1',
          architecture: 'amd64',
          fsLayers: [],
          history: []
        })
      )
      const e = (await dest
        .putManifest({ bytes: schema1, mimeType: V2S1 })
        .catch(x => x)) as ManifestTypeRejectedError
      expect(e).toBeInstanceOf(ManifestTypeRejectedError)
      expect(e.mimeType).toBe(V2S1)
      expect(e.message).toMatch(/MANIFEST_INVALID/)
    })

    it.each([
      ['a small blob (one PUT)', 2_000, 0],
      ['a large blob (streaming PATCH)', 3 << 20, 0],
      ['a large blob (chunked PATCHes)', 3 << 20, 1 << 20]
    ])('pushes %s and leaves nothing behind when the input fails', async (_what, size, chunkSize) => {
      const previous = configureRegistry({ uploadChunkSize: chunkSize })
      try {
        const image = makeImage({ layerSizes: [size] })
        const layer = image.layers[0]
        const dest = await openDestination(`${registry.host}/uploads/app:v1`, ctx)
        const info = { digest: layer.digest, size: layer.size, mediaType: layer.mediaType }

        let started = false
        const failing = new Readable({
          read() {
            if (started) return
            started = true
            this.push(layer.data.subarray(0, Math.floor(layer.size / 2)))
            setTimeout(() => this.destroy(new Error('blob digest mismatch (from the engine verifier)')), 20)
          }
        })
        await expect(dest.putBlob(failing, info, { isConfig: false })).rejects.toThrow(
          'blob digest mismatch (from the engine verifier)'
        )
        expect(await dest.tryReusingBlob(info, {})).toEqual({ reused: false })

        const stored = await dest.putBlob(Readable.from([layer.data]), info, { isConfig: false })
        expect(stored).toMatchObject({ digest: layer.digest, size: layer.size })
        expect(await dest.tryReusingBlob(info, {})).toMatchObject({ reused: true, how: 'exists' })

        // Bytes that do not match the announced digest never become a blob.
        const wrong = makeImage({ layerSizes: [size] }).layers[0]
        const mismatch = { digest: wrong.digest, size: layer.size, mediaType: layer.mediaType }
        await expect(
          dest.putBlob(Readable.from([layer.data]), mismatch, { isConfig: false })
        ).rejects.toThrow(/digest|bytes/)
        expect(await dest.tryReusingBlob(mismatch, {})).toEqual({ reused: false })
      } finally {
        configureRegistry(previous)
      }
    })

    it('uploads a blob of unknown digest and size, computing both', async () => {
      const data = Buffer.alloc(1500_000, 3)
      const dest = await openDestination(`${registry.host}/uploads/unknown:v1`, ctx)
      const stored = await dest.putBlob(Readable.from([data]), { digest: '', size: -1 }, { isConfig: false })
      expect(stored).toMatchObject({ digest: sha256(data), size: data.length })
    })

    it('reports what a registry destination is', async () => {
      const dest = await openDestination(`${registry.host}/props/app:v1`, ctx)
      expect(dest.properties.supportedManifestMimeTypes).toEqual([
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
        'application/vnd.docker.distribution.manifest.v1+prettyjws',
        'application/vnd.docker.distribution.manifest.v1+json'
      ])
      expect(dest.properties.supportsSignatures).toMatch(/not supported/)
      expect(dest.properties.desiredLayerCompression).toBe('compress')
      expect(dest.properties.hasThreadSafePutBlob).toBe(true)
      expect(dest.properties.acceptsForeignLayerURLs).toBe(true)
      expect(dest.properties.mustMatchRuntimeOS).toBe(false)
      expect(dest.ref.toString()).toBe(`docker://${registry.host}/props/app:v1`)
      await expect(dest.putSignatures([Buffer.from('sig')])).rejects.toThrow(/signatures/)
      await dest.putSignatures([])
    })
  }
)
