// Auth files: containers `auth.json`, docker `config.json` (same shape: `auths`, `credHelpers`,
// `credsStore`) and the legacy `~/.dockercfg` (a bare map of entries). Parsing, and the lookup of an
// `auths` entry for a registry and repository, as containers/image `pkg/docker/config` does it.
import { readFile } from 'node:fs/promises'
import type { RegistryCredentials } from '../transports/types.js'
import { CredentialLookupError } from './errors.js'
import {
  authKeyLookupOrder,
  canonicalRegistry,
  credHelperKeyMatches,
  displayKey,
  DOCKER_HUB_AUTH_KEY,
  isDockerHub,
  normalizeAuthFileKey,
  normalizeRegistry
} from './keys.js'

export interface AuthFile {
  path: string
  /** A `.dockercfg`: the top level is the map of entries, keys are URLs or hosts. */
  legacyFormat: boolean
  /** `auths` entries in file order (raw JSON values, decoded on use). */
  auths: Array<[string, unknown]>
  /** `credHelpers`: registry → helper name (without `docker-credential-`), in file order. */
  credHelpers: Array<[string, string]>
  /** `credsStore`: the helper for every registry without a `credHelpers` entry. */
  credsStore?: string
}

export interface AuthsMatch {
  credentials: RegistryCredentials
  /** The key of the entry that matched, as written in the file. */
  key: string
}

type Reporter = (secret: string) => void
type Warner = (message: string) => void

/** Reads and parses an auth file; `undefined` when it does not exist. */
export async function readAuthFile(path: string, legacyFormat = false): Promise<AuthFile | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw new CredentialLookupError(`cannot read credentials file ${path}: ${code ?? 'read error'}`)
  }
  return parseAuthFile(path, text, legacyFormat)
}

/** Parses the text of an auth file. An empty file is an empty configuration, as docker reads it. */
export function parseAuthFile(path: string, text: string, legacyFormat = false): AuthFile {
  const file: AuthFile = { path, legacyFormat, auths: [], credHelpers: [] }
  if (text.trim() === '') return file
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    // V8 quotes the text around the error in its message, which may be a secret: keep only the position.
    const where = /(at position \d+|line \d+ column \d+)/.exec(e instanceof Error ? e.message : '')
    throw new CredentialLookupError(
      `credentials file ${path} is not valid JSON${where ? ` (${where[1]})` : ''}`,
      'usage',
      'fix or remove the file'
    )
  }
  if (data === null) return file
  if (!isObject(data)) throw malformed(path, 'the top level is not a JSON object')

  if (legacyFormat) {
    file.auths = Object.entries(data)
    return file
  }
  const auths = field(data, 'auths')
  if (auths !== undefined && auths !== null) {
    if (!isObject(auths)) throw malformed(path, '"auths" is not a JSON object')
    file.auths = Object.entries(auths)
  }
  const helpers = field(data, 'credHelpers')
  if (helpers !== undefined && helpers !== null) {
    if (!isObject(helpers)) throw malformed(path, '"credHelpers" is not a JSON object')
    for (const [key, name] of Object.entries(helpers)) {
      if (typeof name !== 'string') throw malformed(path, `credHelpers[${displayKey(key)}] is not a string`)
      if (name !== '')
        file.credHelpers.push([key, checkHelperName(path, `credHelpers[${displayKey(key)}]`, name)])
    }
  }
  const store = field(data, 'credsStore')
  if (store !== undefined && store !== null) {
    if (typeof store !== 'string') throw malformed(path, '"credsStore" is not a string')
    if (store !== '') file.credsStore = checkHelperName(path, 'credsStore', store)
  }
  return file
}

/** The `credHelpers` entry for a registry: its exact key first, then any key that normalizes to it. */
export function findCredHelper(
  file: AuthFile,
  registry: string
): { key: string; helper: string } | undefined {
  const exact = file.credHelpers.find(([key]) => key === registry)
  const hub = isDockerHub(registry)
    ? file.credHelpers.find(([key]) => key === DOCKER_HUB_AUTH_KEY)
    : undefined
  const found = exact ?? hub ?? file.credHelpers.find(([key]) => credHelperKeyMatches(key, registry))
  return found ? { key: found[0], helper: found[1] } : undefined
}

/**
 * The `auths` entry for `registry`/`repository`: exact keys from most to least specific (`host/ns/repo`
 * → `host/ns` → `host`), then Docker Hub's `https://index.docker.io/v1/`, then the first key (in file
 * order) that normalizes to the registry (URL keys, `index.docker.io`). Entries holding no credential
 * (docker writes `{}` when a helper keeps the secret) are not matches; the search goes on.
 */
export function findInAuths(
  file: AuthFile,
  host: string,
  repository: string,
  report: Reporter,
  warn: Warner
): AuthsMatch | undefined {
  const registry = canonicalRegistry(host)
  const entries = new Map(file.auths)
  const tried = new Set<string>()
  const tryKey = (key: string): AuthsMatch | undefined => {
    if (tried.has(key) || !entries.has(key)) return undefined
    tried.add(key)
    const credentials = decodeEntry(file, key, entries.get(key), report, warn)
    return credentials ? { credentials, key } : undefined
  }

  const exactKeys = authKeyLookupOrder(registry, repository.replace(/^\/+|\/+$/g, ''), file.legacyFormat)
  if (isDockerHub(registry)) exactKeys.push(DOCKER_HUB_AUTH_KEY)
  for (const key of exactKeys) {
    const match = tryKey(key)
    if (match) return match
  }
  const normalized = normalizeRegistry(registry)
  for (const [key] of file.auths) {
    if (normalizeAuthFileKey(key, file.legacyFormat) !== normalized) continue
    const match = tryKey(key)
    if (match) return match
  }
  return undefined
}

/**
 * One `auths` entry as docker's AuthConfig: `auth` (base64 `user:password`, which wins over the
 * `username`/`password` fields, as in docker), `identitytoken`, `registrytoken`. Every secret is reported
 * before it is returned. `undefined` when the entry holds no credential.
 */
export function decodeEntry(
  file: AuthFile,
  key: string,
  entry: unknown,
  report: Reporter,
  warn: Warner
): RegistryCredentials | undefined {
  const where = `${file.legacyFormat ? '' : 'auths'}[${displayKey(key)}]`
  if (entry === null || entry === undefined) return undefined
  if (!isObject(entry)) throw malformed(file.path, `${where} is not a JSON object`)
  const text = (name: string): string => {
    const value = field(entry, name)
    if (value === undefined || value === null) return ''
    if (typeof value !== 'string') throw malformed(file.path, `${where}.${name} is not a string`)
    return value
  }

  const auth = text('auth')
  const identityToken = text('identitytoken')
  const registryToken = text('registrytoken')
  let username = text('username')
  let password = text('password')
  for (const secret of [auth, identityToken, registryToken, password]) if (secret) report(secret)

  if (auth !== '') {
    const decoded = decodeBase64(auth)
    if (decoded === undefined) {
      throw new CredentialLookupError(
        `${where}.auth in ${file.path} is not valid base64`,
        'usage',
        'log in again (docker login / podman login) or fix the entry: it must be base64 of "username:password"'
      )
    }
    const colon = decoded.indexOf(':')
    if (colon === -1) {
      // containers/image skips such an entry (docker refuses the whole file). Never quote it: it is a secret.
      warn(`ignoring ${where} in ${file.path}: its "auth" value is not base64 of "username:password"`)
      username = ''
      password = ''
    } else {
      username = decoded.slice(0, colon)
      password = decoded.slice(colon + 1).replace(/^\0+|\0+$/g, '')
      if (password) report(password)
    }
  }

  const credentials: RegistryCredentials = {}
  if (username) credentials.username = username
  if (password) credentials.password = password
  if (identityToken) credentials.identityToken = identityToken
  if (registryToken) credentials.registryToken = registryToken
  return Object.keys(credentials).length > 0 ? credentials : undefined
}

/** Strict standard base64 (padding optional, line breaks ignored), as UTF-8; `undefined` when malformed. */
function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/[\r\n]/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined
  const unpadded = compact.replace(/=+$/, '')
  if (unpadded.length % 4 === 1) return undefined
  if (compact.length !== unpadded.length && compact.length % 4 !== 0) return undefined
  return Buffer.from(unpadded, 'base64').toString('utf8')
}

function checkHelperName(path: string, where: string, name: string): string {
  if (/[/\\]/.test(name) || name.trim() !== name) {
    throw malformed(path, `${where} must be a helper name (the part after "docker-credential-"), not a path`)
  }
  return name
}

/** Go's encoding/json matches field names case-insensitively, preferring an exact match; so do we. */
function field(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name]
  const lower = name.toLowerCase()
  const key = Object.keys(object).find(k => k.toLowerCase() === lower)
  return key === undefined ? undefined : object[key]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function malformed(path: string, what: string): CredentialLookupError {
  return new CredentialLookupError(
    `credentials file ${path} is malformed: ${what}`,
    'usage',
    'fix or remove the file'
  )
}
