// The `oci:` transport: an OCI image layout directory.
export { parseOciReference, OciReference } from './reference.js'
export { OciImageSource } from './source.js'
export { OciImageDestination } from './destination.js'
