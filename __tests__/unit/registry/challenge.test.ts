import { describe, expect, it } from '@jest/globals'
import { formatScope, parseChallenges, parseScope } from '../../../src/registry/challenge.js'

describe('parseChallenges (WWW-Authenticate)', () => {
  it.each([
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/alpine:pull'
          }
        }
      ]
    ],
    [
      'Bearer realm="https://ghcr.io/token", service="ghcr.io", scope="repository:a/b:pull,push", error="insufficient_scope"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://ghcr.io/token',
            service: 'ghcr.io',
            scope: 'repository:a/b:pull,push',
            error: 'insufficient_scope'
          }
        }
      ]
    ],
    [
      'bearer REALM=unquoted,Service=svc',
      [{ scheme: 'bearer', params: { realm: 'unquoted', service: 'svc' } }]
    ],
    ['Bearer realm="a \\"quoted\\" value"', [{ scheme: 'bearer', params: { realm: 'a "quoted" value' } }]],
    ['Bearer realm="x,y=z",service=s', [{ scheme: 'bearer', params: { realm: 'x,y=z', service: 's' } }]],
    [
      'Basic realm="basic", Bearer realm="https://t/token",service="s"',
      [
        { scheme: 'basic', params: { realm: 'basic' } },
        { scheme: 'bearer', params: { realm: 'https://t/token', service: 's' } }
      ]
    ],
    ['Bearer', [{ scheme: 'bearer', params: {} }]],
    ['', []],
    ['Bearer realm="unterminated', [{ scheme: 'bearer', params: {} }]]
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected)
  })

  it('reads several header values', () => {
    expect(parseChallenges(['Basic realm="r"', 'Bearer realm="t"']).map(c => c.scheme)).toEqual([
      'basic',
      'bearer'
    ])
    expect(parseChallenges(undefined)).toEqual([])
  })
})

describe('scopes', () => {
  it('parses and formats', () => {
    expect(parseScope('repository:acme/app:pull,push')).toEqual({
      type: 'repository',
      name: 'acme/app',
      actions: ['pull', 'push']
    })
    expect(parseScope('repository:acme/app:')).toEqual({ type: 'repository', name: 'acme/app', actions: [] })
    expect(parseScope('registry:catalog:*')).toEqual({ type: 'registry', name: 'catalog', actions: ['*'] })
    expect(parseScope('nonsense')).toBeUndefined()
    expect(parseScope('a:b:c:d')).toBeUndefined()
    expect(formatScope({ type: 'repository', name: 'x/y', actions: ['pull'] })).toBe('repository:x/y:pull')
  })
})
