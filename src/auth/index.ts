// Where registry credentials come from (DESIGN.md section 6). The registry client and the entry
// points use lookupCredentials / credentialLookup; the rest is exported for tests and diagnostics.
export type { RegistryCredentials } from '../transports/types.js'
export {
  credentialLookup,
  GHCR_HOST,
  lookupCredentials,
  type CredentialLookupResult,
  type CredentialSources
} from './lookup.js'
export { authFileLocations, type AuthFileLocation } from './auth-file-paths.js'
export { parseAuthFile, readAuthFile, type AuthFile } from './auth-file.js'
export { DEFAULT_HELPER_TIMEOUT_MS, getFromCredentialHelper } from './credential-helper.js'
export { CredentialHelperMissingError, CredentialLookupError } from './errors.js'
export { DOCKER_HUB_AUTH_KEY, normalizeAuthFileKey, normalizeRegistry } from './keys.js'
