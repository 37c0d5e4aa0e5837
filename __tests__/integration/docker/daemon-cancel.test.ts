// Cancellation reaches the Docker Engine calls: a `docker save` the engine never answers (a stand-in
// engine on a unix socket that holds the request) ends when the copy's signal fires, and copyImage
// rejects with the signal's reason instead of waiting for the 120 s headers deadline.
import { afterAll, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { copyImage } from '../../../src/copy/copy-image.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { removeTempDirs, tempDir } from '../../harness/local.js'

afterAll(removeTempDirs)

it('a docker save the engine holds ends at the abort; copyImage rejects with the reason, writes nothing', async () => {
  const dir = await tempDir()
  const socket = path.join(dir, 'docker.sock')
  const held: ServerResponse[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/images/get'))
      held.push(res) // never answered
    else res.writeHead(404).end()
  })
  await new Promise<void>(resolve => server.listen(socket, resolve))
  const saved = process.env.DOCKER_HOST
  process.env.DOCKER_HOST = `unix://${socket}`
  try {
    const controller = new AbortController()
    const reason = new Error('cancelled by the test')
    const copying = copyImage({
      source: parseImageReference('docker-daemon:app:1'),
      destinations: [parseImageReference(`oci:${dir}/out:1`)],
      selection: { kind: 'system' },
      sparseList: 'strip',
      preserveDigests: false,
      removeSignatures: false,
      parallel: 2,
      sourceContext: { tmpDir: dir },
      destinationContext: { tmpDir: dir },
      signal: controller.signal
    })
    copying.catch(() => undefined)
    for (let i = 0; held.length === 0 && i < 3000; i++) await new Promise(r => setTimeout(r, 20))
    expect(held).toHaveLength(1)
    controller.abort(reason)
    await expect(copying).rejects.toBe(reason)
    expect((await fs.readdir(dir)).sort()).toEqual(['docker.sock'])
  } finally {
    if (saved === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = saved
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
}, 60_000)
