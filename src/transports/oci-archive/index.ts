// The `oci-archive:` transport: a tar of an OCI image layout.
export { parseOciArchiveReference, OciArchiveReference } from './reference.js'
export { OciArchiveImageSource } from './source.js'
export { OciArchiveImageDestination } from './destination.js'
