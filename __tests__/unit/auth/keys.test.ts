import { describe, expect, it } from '@jest/globals'
import {
  authKeyLookupOrder,
  canonicalRegistry,
  credHelperKeyMatches,
  displayKey,
  helperServerUrls,
  normalizeAuthFileKey,
  normalizeRegistry
} from '../../../src/auth/keys.js'

describe('normalizeRegistry / canonicalRegistry', () => {
  it.each([
    ['docker.io', 'index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'index.docker.io', 'docker.io'],
    ['index.docker.io', 'index.docker.io', 'docker.io'],
    ['ghcr.io', 'ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000', 'localhost:5000']
  ])('%s', (host, normalized, canonical) => {
    expect(normalizeRegistry(host)).toBe(normalized)
    expect(canonicalRegistry(host)).toBe(canonical)
  })
})

describe('normalizeAuthFileKey (containers/image)', () => {
  it.each([
    ['https://index.docker.io/v1/', false, 'index.docker.io'],
    ['http://index.docker.io/v1', false, 'index.docker.io'],
    ['https://registry-1.docker.io', false, 'index.docker.io'],
    ['docker.io', false, 'index.docker.io'],
    ['https://127.0.0.1:5000', false, '127.0.0.1:5000'],
    ['https://normalize.example.org/v1', false, 'normalize.example.org'],
    ['http://localhost', false, 'localhost'],
    // a non-URL key keeps its path (a namespace key), except in a legacy file
    ['quay.io/acme', false, 'quay.io/acme'],
    ['quay.io/acme', true, 'quay.io'],
    ['localhost:5000', false, 'localhost:5000']
  ])('%s (legacy %s) → %s', (key, legacy, expected) => {
    expect(normalizeAuthFileKey(key, legacy)).toBe(expected)
  })
})

describe('authKeyLookupOrder (containers/image TestAuthKeyLookupOrder)', () => {
  it.each([
    ['quay.io', 'repo', ['quay.io/repo', 'quay.io']],
    ['quay.io', 'user/repo', ['quay.io/user/repo', 'quay.io/user', 'quay.io']],
    [
      'quay.io',
      'a/b/c/d/e',
      ['quay.io/a/b/c/d/e', 'quay.io/a/b/c/d', 'quay.io/a/b/c', 'quay.io/a/b', 'quay.io/a', 'quay.io']
    ],
    ['docker.io', 'library/busybox', ['docker.io/library/busybox', 'docker.io/library', 'docker.io']],
    ['docker.io', 'vendor/product', ['docker.io/vendor/product', 'docker.io/vendor', 'docker.io']],
    ['localhost:5000', '', ['localhost:5000']]
  ])('%s %s', (registry, repository, expected) => {
    expect(authKeyLookupOrder(registry, repository, false)).toEqual(expected)
  })

  it('a legacy file knows hosts only', () => {
    expect(authKeyLookupOrder('quay.io', 'user/repo', true)).toEqual(['quay.io'])
  })
})

describe('credential helper keys', () => {
  it('asks for Docker Hub under both conventions, others by host', () => {
    expect(helperServerUrls('docker.io')).toEqual(['https://index.docker.io/v1/', 'docker.io'])
    expect(helperServerUrls('registry-1.docker.io')).toEqual(['https://index.docker.io/v1/', 'docker.io'])
    expect(helperServerUrls('ghcr.io')).toEqual(['ghcr.io'])
  })

  it.each([
    ['ghcr.io', 'ghcr.io', true],
    ['https://ghcr.io', 'ghcr.io', true],
    ['https://index.docker.io/v1/', 'docker.io', true],
    ['docker.io', 'registry-1.docker.io', true],
    ['ghcr.io/acme', 'ghcr.io', false],
    ['quay.io', 'ghcr.io', false]
  ])('%s matches %s: %s', (key, registry, expected) => {
    expect(credHelperKeyMatches(key, registry)).toBe(expected)
  })
})

describe('displayKey', () => {
  it.each([
    ['ghcr.io', '"ghcr.io"'],
    ['https://index.docker.io/v1/', '"https://index.docker.io/v1/"'],
    ['https://user:pa55@r.example/v2/', '"https://***@r.example/v2/"'],
    ['user:pa55@r.example', '"***@r.example"'],
    ['r.example/ns@x', '"r.example/ns@x"']
  ])('%s → %s', (key, shown) => {
    expect(displayKey(key)).toBe(shown)
  })
})
