// The `containers-storage:` transport: the image store of podman, buildah and CRI-O, written through
// podman's libpod API and read through it plus the store's metadata (reference notes §2).
export {
  parseContainersStorageReference,
  ContainersStorageReference,
  localName,
  type StoreSpec
} from './reference.js'
