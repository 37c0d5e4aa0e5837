// Which auth files are consulted, in order (containers/image getAuthFilePaths, DESIGN.md section 6):
// a user-given file alone, or `$REGISTRY_AUTH_FILE` alone, or else the containers auth.json files, the
// docker config.json, and the legacy ~/.dockercfg.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export interface AuthFileLocation {
  path: string
  /** `~/.dockercfg`: a bare map of entries. */
  legacyFormat: boolean
  /** How the path was chosen, for messages when it is missing: `auth-file`, `REGISTRY_AUTH_FILE`. */
  chosenBy?: 'auth-file' | 'REGISTRY_AUTH_FILE'
}

export function authFileLocations(
  env: NodeJS.ProcessEnv,
  authFile?: string,
  platform: NodeJS.Platform = process.platform
): AuthFileLocation[] {
  if (authFile) return [{ path: resolve(authFile), legacyFormat: false, chosenBy: 'auth-file' }]
  if (env.REGISTRY_AUTH_FILE) {
    return [{ path: resolve(env.REGISTRY_AUTH_FILE), legacyFormat: false, chosenBy: 'REGISTRY_AUTH_FILE' }]
  }

  const home = env.HOME || env.USERPROFILE || homedir()
  const paths: string[] = []
  if (platform === 'linux') {
    const uid = process.getuid?.()
    if (env.XDG_RUNTIME_DIR) paths.push(join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'))
    else if (uid !== undefined) paths.push(`/run/containers/${uid}/auth.json`)
  } else {
    // containers/image keeps the "runtime" auth.json in ~/.config on macOS and Windows.
    paths.push(join(home, '.config', 'containers', 'auth.json'))
  }
  paths.push(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'containers', 'auth.json'))
  paths.push(join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json'))

  const locations: AuthFileLocation[] = [...new Set(paths)].map(path => ({ path, legacyFormat: false }))
  locations.push({ path: join(home, '.dockercfg'), legacyFormat: true })
  return locations
}
