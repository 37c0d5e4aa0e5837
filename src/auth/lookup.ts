// Where the credentials for one registry come from (DESIGN.md section 6): explicit inputs → the
// `auth-file` input alone, or `$REGISTRY_AUTH_FILE` alone, or the default auth files in order → for
// ghcr.io, the GitHub token → anonymous. Within a file: the host's credential helper (`credHelpers`,
// else `credsStore`), then `auths`.
import type { RegistryCredentials } from '../transports/types.js'
import { authFileLocations, type AuthFileLocation } from './auth-file-paths.js'
import { findCredHelper, findInAuths, readAuthFile, type AuthFile } from './auth-file.js'
import { getFromCredentialHelper, helperProgram } from './credential-helper.js'
import { CredentialHelperMissingError, CredentialLookupError } from './errors.js'
import { canonicalRegistry, displayKey, helperServerUrls } from './keys.js'

export interface CredentialSources {
  /** From inputs (`*-username`/`*-password`, `*-registry-token`): wins over everything. */
  explicit?: RegistryCredentials
  /** How the log names the explicit credentials (`input "dest-username"`); default `input`. */
  explicitFrom?: string
  /** The `auth-file` input: only this file is consulted (after `explicit`); a missing file is an error. */
  authFile?: string
  /** REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR, XDG_CONFIG_HOME, DOCKER_CONFIG, HOME, PATH (helpers), GITHUB_ACTOR. */
  env: NodeJS.ProcessEnv
  /** Used for ghcr.io when nothing else matched, as the password of `$GITHUB_ACTOR` (or `x-access-token`). */
  githubToken?: string
  /** Receives every secret found (passwords, tokens, base64 `auth` values) before it is returned. */
  onSecret?: (secret: string) => void
  /** Receives notices that contain no secret: an ignored entry, a missing credsStore helper. */
  onWarning?: (message: string) => void
  /** How long a credential helper may take. Default 10000. */
  helperTimeoutMs?: number
}

export interface CredentialLookupResult {
  /** Undefined when anonymous. */
  credentials?: RegistryCredentials
  /** Where they came from, for logs; never contains a secret. */
  from: string
}

export const GHCR_HOST = 'ghcr.io'

type Found = Required<Pick<CredentialLookupResult, 'credentials'>> & CredentialLookupResult

export async function lookupCredentials(
  host: string,
  repository: string,
  sources: CredentialSources
): Promise<CredentialLookupResult> {
  const reported = new Set<string>()
  const report = (secret: string | undefined): void => {
    if (!secret || reported.has(secret)) return
    reported.add(secret)
    sources.onSecret?.(secret)
  }
  const found = (credentials: RegistryCredentials, from: string): CredentialLookupResult => {
    report(credentials.password)
    report(credentials.identityToken)
    report(credentials.registryToken)
    if (credentials.username !== undefined && credentials.password !== undefined) {
      report(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'))
    }
    return { credentials, from }
  }

  const explicit = nonEmpty(sources.explicit)
  if (explicit) return found(explicit, sources.explicitFrom ?? 'input')

  for (const location of authFileLocations(sources.env, sources.authFile)) {
    const result = await lookupInFile(location, host, repository, sources, report)
    if (result) return found(result.credentials, result.from)
  }

  if (host.toLowerCase() === GHCR_HOST && sources.githubToken) {
    const username = sources.env.GITHUB_ACTOR || 'x-access-token'
    return found({ username, password: sources.githubToken }, 'github-token')
  }
  return { from: 'anonymous' }
}

/** A `credentialLookup` for RegistryOptions; `onFound` hears where each registry's credentials came from. */
export function credentialLookup(
  sources: CredentialSources,
  onFound?: (host: string, repository: string, from: string) => void
): (host: string, repository: string) => Promise<RegistryCredentials | undefined> {
  return async (host, repository) => {
    const { credentials, from } = await lookupCredentials(host, repository, sources)
    onFound?.(host, repository, from)
    return credentials
  }
}

async function lookupInFile(
  location: AuthFileLocation,
  host: string,
  repository: string,
  sources: CredentialSources,
  report: (secret: string) => void
): Promise<Found | undefined> {
  const warn = (message: string): void => sources.onWarning?.(message)
  const file = await readAuthFile(location.path, location.legacyFormat)
  if (!file) {
    if (location.chosenBy === 'auth-file') {
      throw new CredentialLookupError(
        `auth-file ${location.path} does not exist`,
        'usage',
        'check the path of the auth-file input (it is read on the runner, relative to the working directory)'
      )
    }
    if (location.chosenBy === 'REGISTRY_AUTH_FILE') {
      warn(
        `REGISTRY_AUTH_FILE names ${location.path}, which does not exist; no other credentials file is read`
      )
    }
    return undefined
  }

  const fromHelper = await lookupInHelper(file, host, sources, warn)
  if (fromHelper) return fromHelper

  const match = findInAuths(file, host, repository, report, warn)
  if (!match) return undefined
  return {
    credentials: match.credentials,
    from: `${file.path} ${file.legacyFormat ? '' : 'auths'}[${displayKey(match.key)}]`
  }
}

/**
 * The helper docker would ask for this host: `credHelpers[host]`, else `credsStore`. A helper that
 * has nothing for the host is no match. A missing `credHelpers` program is an error (the file says
 * this host's credentials are there); a missing `credsStore` program is a warning, because
 * containers/image (skopeo, podman) ignores `credsStore` and such files often also hold `auths`.
 */
async function lookupInHelper(
  file: AuthFile,
  host: string,
  sources: CredentialSources,
  warn: (message: string) => void
): Promise<Found | undefined> {
  const registry = canonicalRegistry(host)
  const perHost = findCredHelper(file, registry)
  const name = perHost?.helper ?? file.credsStore
  if (name === undefined) return undefined
  const configuredBy = perHost
    ? `credHelpers[${displayKey(perHost.key)}] in ${file.path}`
    : `credsStore in ${file.path}`
  const from = `${perHost ? 'credHelpers' : 'credsStore'}: ${helperProgram(name)} (${file.path})`

  for (const serverUrl of helperServerUrls(registry)) {
    let credentials: RegistryCredentials | undefined
    try {
      credentials = await getFromCredentialHelper(name, serverUrl, {
        env: sources.env,
        timeoutMs: sources.helperTimeoutMs,
        configuredBy
      })
    } catch (e) {
      if (!perHost && e instanceof CredentialHelperMissingError) {
        warn(`${e.message}; looking in "auths" of that file instead`)
        return undefined
      }
      throw e
    }
    if (credentials) return { credentials, from }
  }
  return undefined
}

function nonEmpty(credentials: RegistryCredentials | undefined): RegistryCredentials | undefined {
  if (!credentials) return undefined
  const { username, password, registryToken, identityToken } = credentials
  return username || password || registryToken || identityToken ? credentials : undefined
}
