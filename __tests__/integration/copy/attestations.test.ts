// Lists built by BuildKit carry attestation manifests: a platform subset keeps the attestations of
// the images it keeps (and only those), a system copy never picks one; skopeo reads what we write.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyImage } from '../../../src/copy/copy-image.js'
import type { CopyOptions } from '../../../src/copy/options.js'
import { instanceTable } from '../../../src/report/format.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { buildkitLayout, type BuildkitLayout } from '../../harness/buildkit-layout.js'
import { readIndexJson, removeTempDirs, sha256, skopeo, tempDir } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'

const skopeoPath = requireProgram('skopeo')
const withSkopeo = skopeoPath ? describe : describe.skip

interface ListEntry {
  digest: string
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

function copy(src: string, dest: string, extra: Partial<CopyOptions>) {
  return copyImage({
    source: parseImageReference(src),
    destinations: [parseImageReference(dest)],
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

withSkopeo('a BuildKit list with attestation manifests', () => {
  let built: BuildkitLayout
  let policyDir: string
  const sk = (...args: string[]) => skopeo(skopeoPath!, args, policyDir)

  beforeAll(async () => {
    policyDir = await tempDir()
    built = await buildkitLayout(await tempDir())
  })
  afterAll(removeTempDirs)

  it('platforms linux/arm64: the written list holds the arm64 image and its attestation only', async () => {
    const out = await tempDir()
    const dest = `oci:${out}/layout:arm64`
    const arm64 = built.images.find(i => i.platform.architecture === 'arm64')!
    const attestation = built.attestations.find(a => a.of === arm64.digest)!
    const result = await copy(`oci:${built.layout}:1.0`, dest, {
      selection: { kind: 'specific', instances: [], platforms: [{ os: 'linux', architecture: 'arm64' }] }
    })
    const written = JSON.parse(result.destinations[0].manifest.toString()) as { manifests: ListEntry[] }
    expect(written.manifests.map(m => m.digest)).toEqual([arm64.digest, attestation.digest])
    expect(written.manifests[1].annotations).toEqual({
      'vnd.docker.reference.digest': arm64.digest,
      'vnd.docker.reference.type': 'attestation-manifest'
    })
    expect(written.manifests[1].platform).toEqual({ architecture: 'unknown', os: 'unknown' })

    // copied: the image and its attestation; removed: the other images and their attestations
    const rows = result.destinations[0].instances
    expect(rows.filter(r => r.status === 'copied').map(r => r.sourceDigest)).toEqual([
      arm64.digest,
      attestation.digest
    ])
    expect(rows.filter(r => r.status === 'removed')).toHaveLength(4)
    expect(rows.find(r => r.sourceDigest === attestation.digest)?.attests).toBe(arm64.digest)
    const table = instanceTable(result.destinations[0])
    expect(table).toMatch(/attestation of linux\/arm64\/v8 +sha256:\S+ +sha256:\S+ +oci +copied/)
    expect(table).toMatch(/attestation of linux\/amd64 +sha256:\S+ +- +oci +removed/)

    // skopeo reads the list we wrote, and copies all of it (every blob present and verified)
    const raw = await sk('inspect', '--raw', dest)
    expect(sha256(Buffer.from(raw))).toBe(result.destinations[0].digest)
    const again = await tempDir()
    await sk('copy', '--all', dest, `oci:${again}/l:1`)
    const copied = await readIndexJson(`${again}/l`)
    expect(copied.manifests[0].digest).toBe(result.destinations[0].digest)
  })

  it('a system copy picks the image for the platform, never an attestation', async () => {
    const out = await tempDir()
    const amd64 = built.images.find(i => i.platform.architecture === 'amd64')!
    const result = await copy(`oci:${built.layout}:1.0`, `oci:${out}/l:1`, {
      selection: { kind: 'system' },
      runtimePlatform: { os: 'linux', architecture: 'amd64' }
    })
    expect(result.destinations[0].digest).toBe(amd64.digest)
    expect(result.destinations[0].instances.map(i => i.sourceDigest)).toEqual([amd64.digest])
    await expect(
      copy(`oci:${built.layout}:1.0`, `oci:${out}/l:2`, {
        selection: { kind: 'system', platform: { os: 'unknown', architecture: 'unknown' } }
      })
    ).rejects.toThrow(
      'no image for unknown/unknown in the image index; it has linux/amd64, linux/arm64/v8, linux/arm/v7'
    )
  })

  it('all images: the list is copied as it is, attestations included', async () => {
    const out = await tempDir()
    const result = await copy(`oci:${built.layout}:1.0`, `oci:${out}/l:1`, { selection: { kind: 'all' } })
    expect(result.destinations[0].digest).toBe(built.listDigest)
    expect(result.destinations[0].instances.filter(i => i.attests !== undefined)).toHaveLength(3)
  })
})
