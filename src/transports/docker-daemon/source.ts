// Reading an image from the Docker daemon: GET /images/get (docker save) streamed once into a temp
// file (removed on close) and read as a docker archive (containers/image docker/daemon/daemon_src.go).
import { DockerArchiveImageSource, ArchiveReader } from '../docker-archive/index.js'
import type { ImageSource, TransportContext } from '../types.js'
import { EngineClient } from './engine-client.js'
import { engineHostFromEnv } from './engine-host.js'
import type { DockerDaemonReference } from './reference.js'

export async function openDaemonSource(
  ref: DockerDaemonReference,
  ctx: TransportContext
): Promise<ImageSource> {
  const engine = engineHostFromEnv()
  const client = await EngineClient.open(engine, ctx.signal)
  try {
    const name = ref.engineName
    const stream = await client.imageSave(name)
    const reader = await ArchiveReader.fromStream(
      stream,
      `image ${name} saved by the Docker daemon at ${engine.host}`,
      ctx
    )
    return await DockerArchiveImageSource.fromReader(ref, reader, { kind: 'only' })
  } finally {
    await client.close()
  }
}
