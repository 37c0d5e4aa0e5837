// The copy engine over the local transports (oci:, oci-archive:, dir:), cross-checked with skopeo:
// skopeo reads what we write, and our results equal skopeo's for the same copy.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { parseImageReference } from '../../../src/transports/index.js'
import {
  exampleLayout,
  fixtures,
  ociRefDigest,
  readIndexJson,
  removeTempDirs,
  sha256,
  skopeo,
  tempDir
} from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'

const skopeoPath = requireProgram('skopeo')
const withSkopeo = skopeoPath ? describe : describe.skip

function copy(src: string, dests: string[], extra: Partial<CopyOptions> = {}) {
  return copyImage({
    source: parseImageReference(src),
    destinations: dests.map(d => parseImageReference(d)),
    selection: { kind: 'all' },
    sparseList: 'strip',
    preserveDigests: false,
    removeSignatures: false,
    parallel: 4,
    sourceContext: {},
    destinationContext: {},
    ...extra
  })
}

const example = `oci:${exampleLayout}:1.0`
let policyDir: string
const sk = (...args: string[]) => skopeo(skopeoPath!, args, policyDir)
async function rawDigest(ref: string): Promise<string> {
  return sha256(Buffer.from(await sk('inspect', '--raw', ref)))
}

type Kind = 'oci' | 'oci-archive' | 'dir'
const kinds: Kind[] = ['oci', 'oci-archive', 'dir']
async function refFor(kind: Kind): Promise<string> {
  const dir = await tempDir()
  if (kind === 'oci') return `oci:${dir}/layout:1.0`
  if (kind === 'oci-archive') return `oci-archive:${dir}/image.tar:1.0`
  return `dir:${dir}/img`
}

withSkopeo('copies between local transports, cross-checked with skopeo', () => {
  let exampleDigest: string
  const sources = new Map<Kind, string>()

  beforeAll(async () => {
    policyDir = await tempDir()
    exampleDigest = sha256(
      await readFile(
        path.join(exampleLayout, 'blobs', 'sha256', (await ociRefDigest(exampleLayout, '1.0'))!.slice(7))
      )
    )
    for (const kind of kinds) {
      const ref = await refFor(kind)
      await sk('copy', '--all', example, ref)
      sources.set(kind, ref)
    }
  })
  afterAll(removeTempDirs)

  for (const from of kinds) {
    for (const to of kinds) {
      it(`${from} → ${to}, all images: digests kept, equal to skopeo's, readable by skopeo`, async () => {
        const src = sources.get(from)!
        const ours = await refFor(to)
        const theirs = await refFor(to)
        const result = await copy(src, [ours])
        await sk('copy', '--all', src, theirs)

        expect(result.destinations[0].digest).toBe(exampleDigest)
        expect(await rawDigest(ours)).toBe(exampleDigest)
        expect(await rawDigest(theirs)).toBe(exampleDigest)
        const list = JSON.parse(await sk('inspect', '--raw', ours)) as {
          manifests: Array<{ digest: string }>
        }
        expect(result.destinations[0].instances.map(i => i.digest)).toEqual(list.manifests.map(m => m.digest))
        expect(
          result.destinations[0].instances.every(i => i.status === 'copied' && i.digest === i.sourceDigest)
        ).toBe(true)
        // skopeo can copy all of what we wrote to a fresh layout.
        const again = `oci:${await tempDir()}/again:1.0`
        await sk('copy', '--all', ours, again)
        expect(await rawDigest(again)).toBe(exampleDigest)
      })
    }
  }

  it('force-mime-type v2s2 on a list gives the digests skopeo copy --format v2s2 gives', async () => {
    const ours = `dir:${await tempDir()}/ours`
    const theirs = `dir:${await tempDir()}/theirs`
    const result = await copy(example, [ours], {
      forceMimeType: 'application/vnd.docker.distribution.manifest.v2+json'
    })
    await sk('copy', '--all', '--format', 'v2s2', example, theirs)
    const theirDigest = await rawDigest(theirs)
    expect(result.destinations[0].digest).toBe(theirDigest)
    expect(result.destinations[0].mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json')
    expect(await rawDigest(ours)).toBe(theirDigest)
    expect(theirDigest).not.toBe(exampleDigest)
  })

  // skopeo 1.9.3 vendors an image-spec release whose Image struct put `variant` between
  // `architecture` and `os`; current containers/image (image-spec 1.1, which we follow) writes it
  // after `os`. Configs converted from Docker to OCI therefore differ in that one key's place for
  // instances with a variant, and so do their manifests' config digests and the list's digest.
  // This checks that this is the only difference.
  async function expectSameConversionAsSkopeo(oursLayout: string, theirsLayout: string): Promise<void> {
    const blob = async (layout: string, digest: string) =>
      readFile(path.join(layout, 'blobs', 'sha256', digest.slice(7)))
    const ourList = JSON.parse((await blob(oursLayout, (await ociRefDigest(oursLayout, '1.0'))!)).toString())
    const theirList = JSON.parse(
      (await blob(theirsLayout, (await ociRefDigest(theirsLayout, '1.0'))!)).toString()
    )
    expect(ourList.mediaType).toBe(theirList.mediaType)
    expect(ourList.manifests.map((m: { platform: unknown }) => m.platform)).toEqual(
      theirList.manifests.map((m: { platform: unknown }) => m.platform)
    )
    let differing = 0
    for (let i = 0; i < theirList.manifests.length; i++) {
      const ourManifest = JSON.parse((await blob(oursLayout, ourList.manifests[i].digest)).toString())
      const theirManifest = JSON.parse((await blob(theirsLayout, theirList.manifests[i].digest)).toString())
      const ourConfig = (await blob(oursLayout, ourManifest.config.digest)).toString()
      const theirConfig = (await blob(theirsLayout, theirManifest.config.digest)).toString()
      const variant = theirList.manifests[i].platform.variant as string | undefined
      const expectedConfig = variant
        ? theirConfig
            .replace(`,"variant":"${variant}"`, '')
            .replace('"os":"linux"', `"os":"linux","variant":"${variant}"`)
        : theirConfig
      expect(ourConfig).toBe(expectedConfig)
      if (variant) differing++
      else expect(ourList.manifests[i].digest).toBe(theirList.manifests[i].digest)
      expect({ ...ourManifest, config: { ...ourManifest.config, digest: '', size: 0 } }).toEqual({
        ...theirManifest,
        config: { ...theirManifest.config, digest: '', size: 0 }
      })
    }
    expect(differing).toBe(2)
  }

  it('force-mime-type oci on a Docker list converts as skopeo copy --format oci does', async () => {
    const docker = `dir:${await tempDir()}/docker`
    await sk('copy', '--all', '--format', 'v2s2', example, docker)
    const ours = `${await tempDir()}/ours`
    const theirs = `${await tempDir()}/theirs`
    const result = await copy(docker, [`oci:${ours}:1.0`], {
      forceMimeType: 'application/vnd.oci.image.manifest.v1+json'
    })
    await sk('copy', '--all', '--format', 'oci', docker, `oci:${theirs}:1.0`)
    expect(result.destinations[0].digest).toBe(await rawDigest(`oci:${ours}:1.0`))
    await expectSameConversionAsSkopeo(ours, theirs)
  })

  it('a Docker list to oci: without force converts as skopeo does', async () => {
    const docker = `dir:${await tempDir()}/docker`
    await sk('copy', '--all', '--format', 'v2s2', example, docker)
    const ours = `${await tempDir()}/ours`
    const theirs = `${await tempDir()}/theirs`
    await copy(docker, [`oci:${ours}:1.0`])
    await sk('copy', '--all', docker, `oci:${theirs}:1.0`)
    await expectSameConversionAsSkopeo(ours, theirs)
  })

  it('a Docker image without a variant converts to exactly the digest skopeo gives', async () => {
    const docker = `dir:${await tempDir()}/docker`
    await sk('copy', '--all', '--format', 'v2s2', example, docker)
    const ours = `oci:${await tempDir()}/ours:1.0`
    const theirs = `oci:${await tempDir()}/theirs:1.0`
    const result = await copy(docker, [ours], {
      selection: { kind: 'system', platform: { os: 'linux', architecture: 'amd64' } }
    })
    await sk('--override-os', 'linux', '--override-arch', 'amd64', 'copy', docker, theirs)
    expect(result.destinations[0].digest).toBe(await rawDigest(theirs))
    expect(result.destinations[0].mediaType).toBe('application/vnd.oci.image.manifest.v1+json')
  })

  it('single image: system copy with platform, force v2s2, equals skopeo with --override-arch', async () => {
    const ours = `dir:${await tempDir()}/ours`
    const theirs = `dir:${await tempDir()}/theirs`
    const result = await copy(example, [ours], {
      selection: { kind: 'system', platform: { os: 'linux', architecture: 'arm64' } },
      forceMimeType: 'application/vnd.docker.distribution.manifest.v2+json'
    })
    await sk(
      '--override-os',
      'linux',
      '--override-arch',
      'arm64',
      'copy',
      '--format',
      'v2s2',
      example,
      theirs
    )
    expect(result.destinations[0].digest).toBe(await rawDigest(theirs))
    expect(result.destinations[0].mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json')
  })

  it('a schema1 source: copied unchanged (payload digest kept), and converted to OCI as skopeo converts it', async () => {
    const s1 = `dir:${await tempDir()}/s1`
    await sk('--override-os', 'linux', '--override-arch', 'amd64', 'copy', '--format', 'v2s1', example, s1)
    const s1Digest = (await sk('inspect', '--format', '{{.Digest}}', s1)).trim()
    const same = `dir:${await tempDir()}/same`
    const kept = await copy(s1, [same])
    expect(kept.destinations[0].digest).toBe(s1Digest)
    expect(kept.destinations[0].mediaType).toBe('application/vnd.docker.distribution.manifest.v1+prettyjws')

    const ours = `oci:${await tempDir()}/ours:1.0`
    const theirs = `oci:${await tempDir()}/theirs:1.0`
    const converted = await copy(s1, [ours])
    await sk('copy', s1, theirs)
    expect(converted.destinations[0].mediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(converted.destinations[0].digest).toBe(await rawDigest(theirs))
  })

  describe('signatures', () => {
    async function signedDir(): Promise<string> {
      const dir = `${await tempDir()}/signed`
      await sk('--override-os', 'linux', '--override-arch', 'amd64', 'copy', example, `dir:${dir}`)
      await writeFile(path.join(dir, 'signature-1'), 'a signature blob')
      return dir
    }

    it('are carried to a destination that stores them', async () => {
      const dest = `${await tempDir()}/copy`
      await copy(`dir:${await signedDir()}`, [`dir:${dest}`])
      expect(await readFile(path.join(dest, 'signature-1'), 'utf8')).toBe('a signature blob')
    })

    it('to a destination that cannot store them: an error saying to remove them; with remove-signatures the copy works', async () => {
      const src = `dir:${await signedDir()}`
      await expect(copy(src, [`oci:${await tempDir()}/x:1`])).rejects.toMatchObject({
        message: expect.stringMatching(/signatures/),
        hint: expect.stringMatching(/remove-signatures/)
      })
      const dest = `${await tempDir()}/y`
      await copy(src, [`oci:${dest}:1`], { removeSignatures: true })
      expect(await ociRefDigest(dest, '1')).toBeDefined()
    })

    it('a conversion that would invalidate them is refused', async () => {
      await expect(
        copy(`dir:${await signedDir()}`, [`dir:${await tempDir()}/z`], {
          forceMimeType: 'application/vnd.docker.distribution.manifest.v2+json'
        })
      ).rejects.toThrow(/Would invalidate signatures/)
    })
  })

  it('system copy with platform linux/arm/v7 writes that instance', async () => {
    const list = JSON.parse(await sk('inspect', '--raw', example)) as {
      manifests: Array<{ digest: string; platform: { architecture: string; variant?: string } }>
    }
    const armv7 = list.manifests.find(m => m.platform.architecture === 'arm' && m.platform.variant === 'v7')!
    const ours = `oci:${await tempDir()}/ours:1.0`
    const result = await copy(example, [ours], {
      selection: { kind: 'system', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } }
    })
    expect(result.destinations[0].digest).toBe(armv7.digest)
    expect(await rawDigest(ours)).toBe(armv7.digest)
    const theirs = `oci:${await tempDir()}/theirs:1.0`
    await sk(
      '--override-os',
      'linux',
      '--override-arch',
      'arm',
      '--override-variant',
      'v7',
      'copy',
      example,
      theirs
    )
    expect(await rawDigest(theirs)).toBe(armv7.digest)
  })

  describe('specific instances', () => {
    let list: { manifests: Array<{ digest: string; platform: { architecture: string } }> }
    beforeAll(async () => {
      list = JSON.parse(await sk('inspect', '--raw', example))
    })

    it('by digest, strip: a valid list of the chosen instance that skopeo copies whole', async () => {
      const arm64 = list.manifests.find(m => m.platform.architecture === 'arm64')!
      const ours = `oci:${await tempDir()}/ours:1.0`
      const result = await copy(example, [ours], {
        selection: { kind: 'specific', instances: [arm64.digest], platforms: [] }
      })
      const written = JSON.parse(await sk('inspect', '--raw', ours)) as typeof list
      expect(written.manifests.map(m => m.digest)).toEqual([arm64.digest])
      expect(result.destinations[0].digest).toBe(await rawDigest(ours))
      expect(result.destinations[0].digest).not.toBe(exampleDigest)
      expect(result.destinations[0].instances.filter(i => i.status === 'removed')).toHaveLength(2)
      const again = `oci:${await tempDir()}/again:1.0`
      await sk('copy', '--all', ours, again)
      expect(await rawDigest(again)).toBe(result.destinations[0].digest)
    })

    it('by platform linux/arm64, keep: the original list bytes, only that instance copied', async () => {
      const arm64 = list.manifests.find(m => m.platform.architecture === 'arm64')!
      const dir = `${await tempDir()}/ours`
      const result = await copy(example, [`oci:${dir}:1.0`], {
        selection: { kind: 'specific', instances: [], platforms: [{ os: 'linux', architecture: 'arm64' }] },
        sparseList: 'keep'
      })
      expect(result.destinations[0].digest).toBe(exampleDigest)
      const blobs = await readdir(path.join(dir, 'blobs', 'sha256'))
      expect(blobs).toContain(arm64.digest.slice(7))
      for (const other of list.manifests.filter(m => m !== arm64))
        expect(blobs).not.toContain(other.digest.slice(7))
      expect(result.destinations[0].instances.filter(i => i.status === 'skipped')).toHaveLength(2)
    })

    it('by platform linux/arm64, strip, to dir: equal to what we wrote to oci:', async () => {
      const a = `dir:${await tempDir()}/a`
      const b = `oci:${await tempDir()}/b:1.0`
      const result = await copy(example, [a, b], {
        selection: { kind: 'specific', instances: [], platforms: [{ os: 'linux', architecture: 'arm64' }] }
      })
      expect(result.destinations).toHaveLength(2)
      expect(result.destinations[0].digest).toBe(result.destinations[1].digest)
      expect(await rawDigest(a)).toBe(await rawDigest(b))
      // read once for two destinations
      expect(result.stats.pulledBlobs).toBeLessThanOrEqual(3 + 1)
    })

    it('an instance digest not in the list is an error naming it', async () => {
      const missing = `sha256:${'ab'.repeat(32)}`
      await expect(
        copy(example, [`oci:${await tempDir()}/x:1.0`], {
          selection: { kind: 'specific', instances: [missing], platforms: [] }
        })
      ).rejects.toThrow(missing)
    })

    it('a platform in no entry is an error naming it', async () => {
      await expect(
        copy(example, [`oci:${await tempDir()}/x:1.0`], {
          selection: { kind: 'specific', instances: [], platforms: [{ os: 'linux', architecture: 's390x' }] }
        })
      ).rejects.toThrow(/s390x/)
    })
  })

  it('preserve-digests with a needed conversion is an error, and nothing is written', async () => {
    const dir = `${await tempDir()}/ours`
    await expect(
      copy(example, [`oci:${dir}:1.0`], {
        preserveDigests: true,
        forceMimeType: 'application/vnd.docker.distribution.manifest.v2+json'
      })
    ).rejects.toThrow(/preserve digests/i)
    await expect(readdir(dir)).rejects.toThrow()
  })

  it('a destination whose reference names another digest is refused', async () => {
    const dest = parseImageReference(`oci:${await tempDir()}/ours:1.0`)
    const digested = Object.assign(Object.create(Object.getPrototypeOf(dest)), dest, {
      digest: `sha256:${'cd'.repeat(32)}`
    })
    await expect(
      copyImage({
        source: parseImageReference(example),
        destinations: [digested],
        selection: { kind: 'all' },
        sparseList: 'strip',
        preserveDigests: false,
        removeSignatures: false,
        parallel: 2,
        sourceContext: {},
        destinationContext: {}
      })
    ).rejects.toThrow(/would not match the destination reference/)
  })

  it('a source blob whose bytes do not match its digest: the copy fails naming it; index.json and refs unchanged, no blob of it, no temp file', async () => {
    const broken = `${await tempDir()}/broken`
    await sk('copy', '--all', example, `oci:${broken}:1.0`)
    const index = await readIndexJson(broken)
    const list = JSON.parse(
      await readFile(path.join(broken, 'blobs', 'sha256', index.manifests[0].digest.slice(7)), 'utf8')
    )
    const instance = JSON.parse(
      await readFile(path.join(broken, 'blobs', 'sha256', list.manifests[2].digest.slice(7)), 'utf8')
    )
    const layer = instance.layers[1].digest as string
    const layerPath = path.join(broken, 'blobs', 'sha256', layer.slice(7))
    const bytes = await readFile(layerPath)
    bytes[20] ^= 0x01
    await writeFile(layerPath, bytes)

    // The destination holds another image already (the fixture's 3.17.5), under ref "old".
    const dest = `${await tempDir()}/dest`
    await sk(
      'copy',
      `oci:${path.join(fixtures, 'oci-layout', 'delete_image_multiple_images')}:3.17.5`,
      `oci:${dest}:old`
    )
    const indexBefore = await readFile(path.join(dest, 'index.json'))
    const blobsBefore = (await readdir(path.join(dest, 'blobs', 'sha256'))).sort()

    await expect(copy(`oci:${broken}:1.0`, [`oci:${dest}:old`])).rejects.toThrow(layer)
    expect(await readFile(path.join(dest, 'index.json'))).toEqual(indexBefore)
    // Blobs the failed copy stored stay (another copy may have reused them); the broken one and
    // temp files do not.
    const blobsAfter = await readdir(path.join(dest, 'blobs', 'sha256'))
    expect(blobsAfter).toEqual(expect.arrayContaining(blobsBefore))
    expect(blobsAfter).not.toContain(layer.slice(7))
    expect(blobsAfter.filter(n => !/^[0-9a-f]{64}$/.test(n))).toEqual([])
  })
})

describe('the containers/image fixture layout with several refs', () => {
  const layout = path.join(fixtures, 'oci-layout', 'delete_image_multiple_images')
  afterAll(removeTempDirs)

  it('every ref copies to dir: and back to an identical manifest digest', async () => {
    const index = await readIndexJson(layout)
    const refs = index.manifests.map(m => m.annotations!['org.opencontainers.image.ref.name'])
    expect(refs.length).toBe(7)
    for (const ref of refs) {
      if (ref === '1.0.0') {
        // This fixture's 1.0.0 manifest declares its config as 585 bytes; the blob has 584.
        await expect(copy(`oci:${layout}:${ref}`, [`dir:${await tempDir()}/img`])).rejects.toThrow(
          /913cf3a39d377faf89ed388ad913a318a390488c9f34c46e43424795cdabffe8 has 584 bytes, its descriptor says 585/
        )
        continue
      }
      const expected = index.manifests.find(
        m => m.annotations!['org.opencontainers.image.ref.name'] === ref
      )!.digest
      const dir = `${await tempDir()}/img`
      const there = await copy(`oci:${layout}:${ref}`, [`dir:${dir}`])
      expect(there.destinations[0].digest).toBe(expected)
      // The fixture's layers are not compressed (whatever their media type says): oci: would
      // compress them, as skopeo does (its round trip changes the digest too), unless told to keep them.
      const back = `${await tempDir()}/back`
      const result = await copy(`dir:${dir}`, [`oci:${back}:${ref}`], {
        destinationContext: { ociAcceptUncompressedLayers: true }
      })
      expect(result.destinations[0].digest).toBe(expected)
      expect(await ociRefDigest(back, ref)).toBe(expected)
    }
  })
})
