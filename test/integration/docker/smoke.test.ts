import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { startDockerd, type TestDockerd } from '../../harness/dockerd.js'
import { copy, example } from '../../unit/transports/docker-archive-helpers.js'
import { tempDir } from '../../unit/transports/helpers.js'

let d: TestDockerd
beforeAll(async () => {
  d = await startDockerd()
  process.env.DOCKER_HOST = d.host
}, 90000)
afterAll(async () => {
  delete process.env.DOCKER_HOST
  await d?.stop()
})

it('smoke', async () => {
  const t0 = Date.now()
  await copy(example, ['docker-daemon:acme/app:1'])
  console.log('load ms', Date.now() - t0)
  console.log(await d.docker(['image', 'inspect', 'acme/app:1']))
  const dir = await tempDir('dsmoke')
  const r = await copy('docker-daemon:acme/app:1', [`oci:${dir}/o:1`])
  console.log(r.destinations[0].manifest.toString())
})
