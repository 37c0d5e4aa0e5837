// ostree: references as containers/image parses them (ostree_transport.go).
import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../../../src/errors.js'
import { parseImageReference } from '../../../../src/transports/index.js'
import { encodeOstreeRef, OstreeReference } from '../../../../src/transports/ostree/index.js'

const parse = (text: string): OstreeReference => parseImageReference(text) as OstreeReference

describe('ostree: references', () => {
  it('encodes branch names byte by byte as upstream (_%02X outside [A-Za-z0-9.-])', () => {
    expect(encodeOstreeRef('localhost/rich:1')).toBe('localhost_2Frich_3A1')
    expect(encodeOstreeRef('a_b@sha256:0f')).toBe('a_5Fb_40sha256_3A0f')
    expect(encodeOstreeRef('é')).toBe('_C3_A9')
  })

  it('keeps the image as typed, adds :latest only without tag or digest, defaults to /ostree/repo', () => {
    const ref = parse('ostree:busybox')
    expect(ref.transport).toBe('ostree')
    expect(ref.image).toBe('busybox:latest')
    expect(ref.repo).toBe('/ostree/repo')
    expect(ref.branch).toBe('ociimage/busybox_3Alatest')
    const digest = `sha256:${'a'.repeat(64)}`
    expect(parse(`ostree:quay.io/acme/app@${digest}`).image).toBe(`quay.io/acme/app@${digest}`)
    const withRepo = parse('ostree:localhost/app:1.4@/srv/repo')
    expect([withRepo.image, withRepo.repo]).toEqual(['localhost/app:1.4', '/srv/repo'])
    expect(withRepo.toString()).toBe('ostree:localhost/app:1.4@/srv/repo')
  })

  it('refuses an invalid image name and a repository path with a colon', () => {
    expect(() => parse('ostree:UPPER/case')).toThrow(UsageError)
    expect(() => parse('ostree:app:1@/srv/a:b')).toThrow(/contains a colon/)
    expect(() => parse('ostree:')).toThrow(UsageError)
  })
})
