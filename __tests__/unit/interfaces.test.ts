import { describe, expect, it } from '@jest/globals'
import { ManifestTypeRejectedError } from '../../src/transports/types.js'

describe('transport interfaces', () => {
  it('ManifestTypeRejectedError carries the rejected MIME type', () => {
    const e = new ManifestTypeRejectedError('rejected', 'application/vnd.oci.image.index.v1+json')
    expect(e).toBeInstanceOf(Error)
    expect(e.mimeType).toBe('application/vnd.oci.image.index.v1+json')
    expect(e.name).toBe('ManifestTypeRejectedError')
  })
})
