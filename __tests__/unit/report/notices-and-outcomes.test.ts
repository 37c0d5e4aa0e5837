// What the entry points say about a copy: the platform notice for one image from a list (with the
// runner's OS simulated), outputs keyed by the destinations as written, attestation rows.
import { describe, expect, it } from '@jest/globals'
import { runtimePlatform, runtimePlatformNote } from '../../../src/copy/runtime-platform.js'
import { emptyStats, type CopyResult, type InstanceResult } from '../../../src/copy/result.js'
import type { CopyEvent } from '../../../src/copy/events.js'
import { destinationOutcomes, platformLabel, resultJson } from '../../../src/report/format.js'
import { actionPhrases, cliPhrases, platformChoiceNotice } from '../../../src/report/notices.js'

const chosen = (over: Partial<Extract<CopyEvent, { type: 'instance-chosen' }>> = {}): CopyEvent => ({
  type: 'instance-chosen',
  digest: 'sha256:aa',
  platform: 'linux/amd64',
  images: 3,
  by: 'runtime',
  ...over
})

describe('the default platform of a system copy', () => {
  it('is linux with the runner architecture on Linux, macOS and Windows', () => {
    expect(runtimePlatform('linux', 'x64')).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(runtimePlatform('darwin', 'arm64')).toEqual({ os: 'linux', architecture: 'arm64' })
    expect(runtimePlatform('win32', 'x64')).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(runtimePlatformNote('linux')).toBeUndefined()
    expect(runtimePlatformNote('darwin')).toMatch(/macOS, for which no container images are built/)
    expect(runtimePlatformNote('win32')).toMatch(/not windows as skopeo on Windows would pick/)
  })
})

describe('platformChoiceNotice', () => {
  it('names the platform copied, the list size, and all-images / platforms (Action wording)', () => {
    expect(platformChoiceNotice(chosen(), actionPhrases, 'linux')).toBe(
      "Copied only linux/amd64 (the default: this runner's architecture) of the 3 images in the list; " +
        'set all-images: true to copy the whole list, or platforms: to choose'
    )
  })

  it('uses flag names on the CLI and says why linux on macOS and Windows', () => {
    const mac = platformChoiceNotice(chosen({ platform: 'linux/arm64' }), cliPhrases, 'darwin')!
    expect(mac).toContain('Copied only linux/arm64')
    expect(mac).toContain('this runner runs macOS, for which no container images are built')
    expect(mac).toContain('set --all-images to copy the whole list, or --platforms to choose')
    const win = platformChoiceNotice(chosen(), actionPhrases, 'win32')!
    expect(win).toContain('this runner runs Windows; the default is linux')
  })

  it('says the platform was asked for, and is silent for a list of one image or other events', () => {
    expect(platformChoiceNotice(chosen({ by: 'platform' }), actionPhrases, 'darwin')).toContain(
      'linux/amd64 (the platform asked for) of the 3 images'
    )
    expect(platformChoiceNotice(chosen({ images: 1 }), actionPhrases, 'linux')).toBeUndefined()
    expect(
      platformChoiceNotice({ type: 'destination-failed', destination: 'x', error: 'y' }, actionPhrases)
    ).toBeUndefined()
  })
})

function instance(over: Partial<InstanceResult>): InstanceResult {
  return { sourceDigest: 'sha256:00', mediaType: 'm', status: 'copied', stats: emptyStats(), ...over }
}

describe('destination outcomes', () => {
  const result: CopyResult = {
    source: 'oci:/s:1',
    sourceDigest: 'sha256:11',
    sourceMediaType: 'm',
    destinations: [
      {
        destination: 'docker://docker.io/library/app:1',
        index: 1,
        status: 'copied',
        digest: 'sha256:22',
        mediaType: 'm',
        manifest: Buffer.from('{}'),
        instances: [],
        stats: emptyStats()
      }
    ],
    failures: [{ destination: 'oci:/nope:1', index: 0, error: new Error('cannot create /nope') }],
    stats: emptyStats()
  }

  it('keys digests and failures by the destinations as the user wrote them', () => {
    expect(destinationOutcomes(result, ['oci:/nope:1', 'app:1'])).toEqual({
      digests: { 'app:1': 'sha256:22' },
      failed: { 'oci:/nope:1': 'cannot create /nope' }
    })
    expect((resultJson(result, ['oci:/nope:1', 'app:1']) as { failed: unknown }).failed).toEqual({
      'oci:/nope:1': 'cannot create /nope'
    })
  })

  it('an attestation row names the platform of the image it describes', () => {
    const image = instance({ sourceDigest: 'sha256:aa', platform: { os: 'linux', architecture: 'arm64' } })
    const att = instance({
      sourceDigest: 'sha256:bb',
      platform: { os: 'unknown', architecture: 'unknown' },
      attests: 'sha256:aa'
    })
    const orphan = instance({ sourceDigest: 'sha256:cc', attests: `sha256:${'d'.repeat(64)}` })
    expect(platformLabel(image, [image, att])).toBe('linux/arm64')
    expect(platformLabel(att, [image, att])).toBe('attestation of linux/arm64')
    expect(platformLabel(orphan, [image, orphan])).toBe(`attestation of sha256:${'d'.repeat(12)}`)
  })
})
