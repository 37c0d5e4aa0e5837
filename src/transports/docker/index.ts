// The `docker://` transport: images in a registry (distribution API / OCI distribution spec).
export { parseDockerImageReference, isDockerImageReference, DockerImageReference } from './reference.js'
export { DockerImageSource } from './source.js'
export { DockerImageDestination, registryManifestMimeTypes } from './destination.js'
