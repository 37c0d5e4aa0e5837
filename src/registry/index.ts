// The registry client: the distribution API (OCI distribution spec) over node:http (undici only behind proxies).
export { RegistryClient, DEFAULT_USER_AGENT, type RegistryClientOptions, type SendOptions } from './client.js'
export { RegistryError, RegistryAuthError, redactUrl, describeRequest } from './errors.js'
export { parseChallenges, parseScope, formatScope, type Challenge, type Scope } from './challenge.js'
export { blobExists, getBlob, mountBlob, cancelUpload, type BlobRequest } from './blobs.js'
export { uploadBlob, type UploadRequest, type UploadResult } from './upload.js'
export {
  getManifest,
  headManifest,
  putManifest,
  isManifestTypeRejection,
  simplifyContentType,
  type FetchedManifest,
  type ManifestHead
} from './manifests.js'
export { listTags, nextLink, type TagListOptions } from './tags.js'
export { closeAllConnections } from './connections.js'
export {
  configureRegistry,
  registrySettings,
  resetRegistrySettings,
  type RegistrySettings,
  type RegistryLogger,
  type LogLevel
} from './settings.js'
export { DEFAULT_RETRY_POLICY, parseRetryAfter, isRetryableStatus, isRetryableError } from './retry.js'
export { putManifestAnswer } from './manifests.js'
export {
  addToFallbackIndex,
  listReferrers,
  listReferrersApi,
  readFallbackIndex,
  type ReferrersListing
} from './referrers.js'
