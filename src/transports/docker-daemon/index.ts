// The `docker-daemon:` transport: images in a Docker Engine, moved as docker-archive streams
// through its API (DOCKER_HOST).
export { parseDockerDaemonReference, DockerDaemonReference } from './reference.js'
export { openDaemonSource } from './source.js'
export { openDaemonDestination } from './destination.js'
export { EngineClient, EngineError, loadMessages } from './engine-client.js'
export { engineHostFromEnv, DEFAULT_DOCKER_HOST, type EngineHost } from './engine-host.js'
