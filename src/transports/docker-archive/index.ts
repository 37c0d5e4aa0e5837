// The `docker-archive:` transport: a `docker save` tar file. Its reader, writer and destination are
// shared with docker-daemon:, which streams the same format through the Docker Engine API.
export { parseDockerArchiveReference, DockerArchiveReference } from './reference.js'
export { DockerArchiveImageSource } from './source.js'
export { openArchiveDestination } from './destination.js'
export { ArchiveReader, type ArchiveSelection } from './archive-reader.js'
export { ArchiveWriter, type LayerPolicy, type StoredBlob } from './archive-writer.js'
export {
  TarballDestination,
  type ArchiveTarget,
  type TarballDestinationOptions
} from './tarball-destination.js'
export { StreamTarSink, FileTarSink, type TarSink } from './tar-sink.js'
