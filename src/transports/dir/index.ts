// The `dir:` transport: manifest, blobs and signatures as files of one directory.
export { parseDirReference, DirReference } from './reference.js'
export { DirImageSource } from './source.js'
export { DirImageDestination, NotImageDirectoryError } from './destination.js'
