// What a destination registry says its tag names (a manifest HEAD, for skip-unchanged) is foreign
// text: a Docker-Content-Digest that is not a digest, or a type that is not a manifest type, tells
// nothing (the copy then writes as usual); only a well-formed answer is believed.
import { afterEach, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import { parseImageReference } from '../../../src/transports/index.js'
import { startHostileRegistry, type HostileRegistry } from '../../harness/hostile-registry.js'

const oci = 'application/vnd.oci.image.manifest.v1+json'
const valid = `sha256:${'c'.repeat(64)}`

function head(digest: string | undefined, type: string) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': type, ...(digest ? { 'docker-content-digest': digest } : {}) })
    res.end()
  }
}

let registry: HostileRegistry | undefined
afterEach(async () => registry?.close())

it.each([
  ['a forged digest', 'sha256:../../../v2/victim/manifests/latest', oci],
  ['no digest', undefined, oci],
  ['a type that is no manifest type', valid, 'text/html; charset=utf-8'],
  ['a bare JSON type (which would be guessed as schema1)', valid, 'application/json']
])('%s: nothing is known', async (_what, digest, type) => {
  registry = await startHostileRegistry()
  registry.route('/v2/app/manifests/1', head(digest, type))
  const ref = parseImageReference(`docker://${registry.host}/app:1`)
  const dest = await ref.newDestination({
    registry: { tlsVerify: false, retryTimes: 0, credentials: { username: 'u', password: 'p' } }
  })
  expect(await dest.existingManifest!()).toBeUndefined()
  expect(registry.requests.filter(r => r.method === 'HEAD').map(r => r.url)).toEqual(['/v2/app/manifests/1'])
  await dest.close()
})

it('a well-formed answer is what the tag names; a 404 is nothing', async () => {
  registry = await startHostileRegistry()
  registry.route('/v2/app/manifests/1', head(valid, `${oci}; charset=utf-8`))
  const dest = await parseImageReference(`docker://${registry.host}/app:1`).newDestination({
    registry: { tlsVerify: false, retryTimes: 0, credentials: { username: 'u', password: 'p' } }
  })
  expect(await dest.existingManifest!()).toEqual({ digest: valid, mimeType: oci })
  const missing = await parseImageReference(`docker://${registry.host}/app:2`).newDestination({
    registry: { tlsVerify: false, retryTimes: 0, credentials: { username: 'u', password: 'p' } }
  })
  expect(await missing.existingManifest!()).toBeUndefined()
  await Promise.all([dest.close(), missing.close()])
})
