// BuildKit attestation manifests in an OCI index (what docker/build-push-action pushes by default):
// a platform never picks them; a platform or digest subset keeps exactly those of the kept images.
import { describe, expect, it } from '@jest/globals'
import {
  MediaType,
  attestedDigest,
  imageCount,
  parseList,
  selectInstances
} from '../../../src/manifest/index.js'
import { thrown } from './helpers.js'

const d = (c: string): string => `sha256:${c.repeat(64)}`
const amd64 = d('a')
const arm64 = d('b')
const attAmd64 = d('c')
const attArm64 = d('e')

function entry(digest: string, platform: object, annotations?: Record<string, string>): object {
  return {
    mediaType: MediaType.OCIManifest,
    digest,
    size: 500,
    platform,
    ...(annotations ? { annotations } : {})
  }
}
function attestation(
  digest: string,
  of: string,
  platform: object | undefined = { architecture: 'unknown', os: 'unknown' }
): object {
  const e = entry(digest, platform ?? {}, {
    'vnd.docker.reference.digest': of,
    'vnd.docker.reference.type': 'attestation-manifest'
  }) as Record<string, unknown>
  if (!platform) delete e.platform
  return e
}
function index(manifests: object[]): ReturnType<typeof parseList> {
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OCIIndex, manifests }))
  return parseList(bytes, MediaType.OCIIndex)
}

/** As BuildKit writes it: the images first, then one attestation per image. */
const buildkit = index([
  entry(amd64, { architecture: 'amd64', os: 'linux' }),
  entry(arm64, { architecture: 'arm64', os: 'linux' }),
  attestation(attAmd64, amd64),
  attestation(attArm64, arm64)
])

describe('attestation entries', () => {
  it('are recognised by their annotations, naming the image they describe', () => {
    const [, , a, b] = buildkit.instances()
    expect(attestedDigest(a)).toBe(amd64)
    expect(attestedDigest(b)).toBe(arm64)
    expect(attestedDigest(buildkit.instances()[0])).toBeUndefined()
    expect(imageCount(buildkit.instances())).toBe(2)
  })

  it('a bad reference digest is no attestation target', () => {
    const list = index([
      entry(amd64, { architecture: 'amd64', os: 'linux' }),
      attestation(attAmd64, 'sha256:nothex')
    ])
    expect(attestedDigest(list.instances()[1])).toBeUndefined()
  })

  it('platforms: keeps the attestation of each kept image and drops the others', () => {
    expect(selectInstances(buildkit, { platforms: [{ os: 'linux', architecture: 'arm64' }] })).toEqual([
      arm64,
      attArm64
    ])
    expect(
      selectInstances(buildkit, {
        platforms: [
          { os: 'linux', architecture: 'arm64' },
          { os: 'linux', architecture: 'amd64' }
        ]
      })
    ).toEqual([amd64, arm64, attAmd64, attArm64])
  })

  it('instances: an image digest brings its attestation along', () => {
    expect(selectInstances(buildkit, { digests: [amd64] })).toEqual([amd64, attAmd64])
  })

  it('a platform never matches an attestation, even unknown/unknown', () => {
    const e = thrown(() =>
      selectInstances(buildkit, { platforms: [{ os: 'unknown', architecture: 'unknown' }] })
    )
    expect(e.message).toBe('no image for unknown/unknown in the list; it has linux/amd64, linux/arm64')
  })

  it('the stripped list holds the kept image and its attestation only', () => {
    const kept = selectInstances(buildkit, { platforms: [{ os: 'linux', architecture: 'arm64' }] })
    const unselected = buildkit
      .instances()
      .map(i => i.digest)
      .filter(x => !kept.includes(x))
    const stripped = JSON.parse(buildkit.withoutInstances(unselected).serialize().toString()) as {
      manifests: Array<{ digest: string; annotations?: Record<string, string> }>
    }
    expect(stripped.manifests.map(m => m.digest)).toEqual([arm64, attArm64])
    expect(stripped.manifests[1].annotations?.['vnd.docker.reference.digest']).toBe(arm64)
  })

  it('chooseInstance (a system copy) never picks an attestation', () => {
    expect(buildkit.chooseInstance({ os: 'linux', architecture: 'arm64' })).toBe(arm64)
    expect(() => buildkit.chooseInstance({ os: 'unknown', architecture: 'unknown' })).toThrow(
      'no image for unknown/unknown in the image index; it has linux/amd64, linux/arm64'
    )
    // An attestation without a platform is no "last resort" either (entries without one are, upstream).
    const noPlatform = index([
      entry(amd64, { architecture: 'amd64', os: 'linux' }),
      attestation(attAmd64, amd64, undefined)
    ])
    expect(() => noPlatform.chooseInstance({ os: 'linux', architecture: 's390x' })).toThrow(
      'no image for linux/s390x in the image index; it has linux/amd64'
    )
  })
})
