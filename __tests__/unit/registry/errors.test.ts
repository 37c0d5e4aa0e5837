import { describe, expect, it } from '@jest/globals'
import {
  describeRequest,
  formatDetail,
  parseErrorBody,
  redactUrl,
  RegistryError
} from '../../../src/registry/errors.js'
import { ImageCopyError } from '../../../src/errors.js'

describe('registry errors', () => {
  it('redacts query values except harmless ones, and userinfo', () => {
    expect(redactUrl('https://h/v2/r/blobs/uploads/abc?_state=SECRET&digest=sha256:1')).toBe(
      'https://h/v2/r/blobs/uploads/abc?digest=sha256%3A1&…'
    )
    expect(redactUrl('https://s3.example/blob?X-Amz-Signature=SIG&X-Amz-Credential=C')).toBe(
      'https://s3.example/blob?…'
    )
    expect(redactUrl('https://user:pw@h/v2/')).toBe('https://h/v2/')
    expect(describeRequest('PUT', 'https://host/v2/repo/manifests/tag')).toBe(
      'PUT https://host/v2/repo/manifests/tag'
    )
  })

  it('parses distribution error bodies', () => {
    expect(
      parseErrorBody(
        '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied","detail":null}]}'
      )
    ).toEqual([{ code: 'DENIED', message: 'requested access to the resource is denied' }])
    expect(parseErrorBody('{"details":"incorrect username or password"}')).toEqual([
      { code: 'UNKNOWN', message: 'incorrect username or password' }
    ])
    expect(parseErrorBody('<html>Bad gateway</html>\nmore')).toEqual([
      { code: 'UNKNOWN', message: '<html>Bad gateway</html>' }
    ])
    expect(parseErrorBody('')).toEqual([])
    expect(formatDetail({ code: 'DENIED', message: 'requested access to the resource is denied' })).toBe(
      'DENIED: requested access to the resource is denied'
    )
  })

  it('carries status, code and request, and maps 404 to not-found', () => {
    const e = new RegistryError('m', {
      status: 404,
      code: 'MANIFEST_UNKNOWN',
      request: 'GET https://h/v2/r/manifests/t'
    })
    expect(e).toBeInstanceOf(ImageCopyError)
    expect(e.category).toBe('not-found')
    expect(e.status).toBe(404)
    expect(e.code).toBe('MANIFEST_UNKNOWN')
    expect(new RegistryError('m', { status: 500 }).category).toBe('failure')
  })
})
