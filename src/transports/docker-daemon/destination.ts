// Loading an image into the Docker daemon: the docker-archive writer's output is streamed as the
// body of POST /images/load?quiet=1 while the blobs arrive (containers/image
// docker/daemon/daemon_dest.go), manifest.json last. As upstream, layers keep their compression
// (`docker load` decompresses them), so every layer's size is known and streams straight through;
// only a layer arriving while another is being sent is spooled to a temp file meanwhile. Nothing
// is loaded unless the archive is complete: close() without commit aborts the request.
import { PassThrough } from 'node:stream'
import { UsageError } from '../../errors.js'
import { ArchiveWriter, StreamTarSink, TarballDestination } from '../docker-archive/index.js'
import type { TransportContext } from '../types.js'
import { EngineClient } from './engine-client.js'
import { engineHostFromEnv } from './engine-host.js'
import type { DockerDaemonReference } from './reference.js'

export async function openDaemonDestination(
  ref: DockerDaemonReference,
  ctx: TransportContext
): Promise<TarballDestination> {
  if (ref.name === undefined || ref.name.tag === undefined) {
    throw new UsageError(`invalid destination ${ref.toString()}: a destination must be a name:tag`)
  }
  const engine = engineHostFromEnv()
  const client = await EngineClient.open(engine, ctx.signal)
  try {
    await client.ping()
  } catch (e) {
    await client.close()
    throw e
  }
  const body = new PassThrough()
  const sink = new StreamTarSink(body, `the image stream to the Docker daemon at ${engine.host}`)
  const loading = client.imageLoad(body)
  // When the engine ends the load early, later writes fail with what it said.
  loading.catch((e: Error) => sink.abort(e))
  const writer = new ArchiveWriter(sink, { tmpDir: ctx.tmpDir, what: `the image stream to ${engine.host}` })
  return new TarballDestination(
    ref,
    writer,
    {
      complete: async () => {
        try {
          await loading
        } finally {
          await client.close()
        }
      },
      discard: async reason => {
        if (!body.destroyed) body.destroy(reason)
        await loading.catch(() => undefined)
        await client.close()
      }
    },
    { layers: 'preserve', repoTags: [ref.name], mustMatchRuntimeOS: engine.isDefaultLocal }
  )
}
