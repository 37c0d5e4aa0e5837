// The `ostree:` transport: images in an OSTree repository, in containers/image's layout.
export { parseOstreeReference, OstreeReference, encodeOstreeRef, DEFAULT_REPO } from './reference.js'
export { OstreeImageSource } from './source.js'
export { OstreeImageDestination } from './destination.js'
