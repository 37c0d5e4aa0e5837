import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { chmod, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  CredentialLookupError,
  lookupCredentials,
  parseAuthFile,
  readAuthFile
} from '../../../src/auth/index.js'
import { makeSandbox, type Sandbox } from './sandbox.js'

describe('parseAuthFile', () => {
  it('reads auths, credHelpers and credsStore in file order', () => {
    const file = parseAuthFile(
      '/f.json',
      JSON.stringify({
        auths: { 'b.example': { auth: 'x' }, 'a.example': {} },
        credHelpers: { 'ecr.example': 'ecr-login', 'gcr.io': 'gcloud', 'skip.example': '' },
        credsStore: 'desktop',
        psFormat: 'table'
      })
    )
    expect(file).toEqual({
      path: '/f.json',
      legacyFormat: false,
      auths: [
        ['b.example', { auth: 'x' }],
        ['a.example', {}]
      ],
      credHelpers: [
        ['ecr.example', 'ecr-login'],
        ['gcr.io', 'gcloud']
      ],
      credsStore: 'desktop'
    })
  })

  it.each(['', '  \n', 'null', '{}', '{"auths": null, "credsStore": ""}'])(
    'treats %j as an empty configuration',
    text => {
      expect(parseAuthFile('/f.json', text)).toEqual({
        path: '/f.json',
        legacyFormat: false,
        auths: [],
        credHelpers: []
      })
    }
  )

  it('reads a legacy .dockercfg as a bare map of entries', () => {
    expect(
      parseAuthFile('/h/.dockercfg', '{"https://index.docker.io/v1/": {"auth": "x"}}', true).auths
    ).toEqual([['https://index.docker.io/v1/', { auth: 'x' }]])
  })

  it.each([
    ['[]', 'the top level is not a JSON object'],
    ['"text"', 'the top level is not a JSON object'],
    ['{"auths": []}', '"auths" is not a JSON object'],
    ['{"credHelpers": {"a": 1}}', 'credHelpers["a"] is not a string'],
    ['{"credsStore": true}', '"credsStore" is not a string'],
    ['{"credsStore": "/usr/bin/evil"}', 'credsStore must be a helper name'],
    ['{"auths": {', 'is not valid JSON']
  ])('rejects %s, naming the file', (text, message) => {
    expect(() => parseAuthFile('/some/auth.json', text)).toThrow(CredentialLookupError)
    expect(() => parseAuthFile('/some/auth.json', text)).toThrow(message)
    expect(() => parseAuthFile('/some/auth.json', text)).toThrow('/some/auth.json')
  })

  it('keeps only the position of a JSON syntax error', () => {
    const text = '{"auths": {"r": {"auth": "abc"}}'
    expect(() => parseAuthFile('/f.json', text)).toThrow(
      /^credentials file \/f.json is not valid JSON( \(.*\))?$/
    )
  })
})

describe('readAuthFile', () => {
  let sb: Sandbox
  beforeEach(async () => {
    sb = await makeSandbox()
  })
  afterEach(async () => {
    await sb.cleanup()
  })

  it('returns undefined for a missing file or a missing directory', async () => {
    expect(await readAuthFile(join(sb.root, 'missing.json'))).toBeUndefined()
    const file = await sb.write(join(sb.root, 'file'), '{}')
    expect(await readAuthFile(join(file, 'below.json'))).toBeUndefined()
  })

  it('names a file it cannot read', async () => {
    const dir = join(sb.root, 'dir.json')
    await mkdir(dir)
    await expect(readAuthFile(dir)).rejects.toThrow(`cannot read credentials file ${dir}: EISDIR`)
  })

  it('an unreadable file in the search list is an error, not a silent skip', async () => {
    if (process.getuid?.() === 0) return // root reads anything
    const path = await sb.write(sb.dockerConfig, '{}')
    await chmod(path, 0o000)
    await expect(lookupCredentials('r.example', 'x', { env: sb.env })).rejects.toThrow(`${path}: EACCES`)
  })

  it('a malformed file in the search list stops the lookup with an error naming it', async () => {
    await sb.write(sb.runtimeAuth, 'Json rocks! Unless it does not.')
    await sb.write(sb.dockerConfig, { auths: { 'r.example': { username: 'u', password: 'p' } } })
    await expect(lookupCredentials('r.example', 'x', { env: sb.env })).rejects.toThrow(
      `credentials file ${sb.runtimeAuth} is not valid JSON`
    )
  })
})
