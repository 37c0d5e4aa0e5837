/**
 * External programs the integration tests run (docker-registry, skopeo, openssl, …).
 *
 *   const registryBin = requireProgram('docker-registry')
 *   const describeIf = registryBin ? describe : describe.skip
 *
 * or, for several programs: `describeWithPrograms(['docker-registry', 'skopeo'], 'title', () => …)`.
 *
 * A missing program makes its tests skip with a printed reason on a developer's machine; under
 * `CI=true` it is a failure (thrown at collection time), never a silent skip. An environment variable
 * `<NAME>_BIN` (upper case, `-` → `_`, e.g. `DOCKER_REGISTRY_BIN`) points to a program elsewhere.
 */
import { describe } from '@jest/globals'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

const found = new Map<string, string | undefined>()
const reported = new Set<string>()

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The program's path, or undefined (on a developer machine) when it is not installed. */
export function findProgram(name: string): string | undefined {
  if (found.has(name)) return found.get(name)
  const override = process.env[`${name.toUpperCase().replace(/-/g, '_')}_BIN`]
  let path: string | undefined
  if (override && isExecutable(override)) path = override
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin']
  for (const dir of path ? [] : dirs) {
    if (dir && isExecutable(join(dir, name))) {
      path = join(dir, name)
      break
    }
  }
  found.set(name, path)
  return path
}

/**
 * The program's path. When it is missing: throws under CI=true, else prints why the tests that need
 * it are skipped and returns undefined.
 */
export function requireProgram(name: string): string | undefined {
  const path = findProgram(name)
  if (path) return path
  if (process.env.CI === 'true') {
    throw new Error(
      `required program "${name}" is not installed (CI=true: a missing program fails the tests)`
    )
  }
  if (!reported.has(name)) {
    reported.add(name)
    console.warn(
      `skipping tests that need "${name}": it is not installed (install it, or set ${name.toUpperCase().replace(/-/g, '_')}_BIN)`
    )
  }
  return undefined
}

/** `describe` when every program is there, else `describe.skip` (or a failure under CI=true). */
export function describeWithPrograms(names: string[], title: string, body: () => void): void {
  const missing = names.filter(n => requireProgram(n) === undefined)
  const d = missing.length === 0 ? describe : describe.skip
  d(missing.length === 0 ? title : `${title} (skipped: missing ${missing.join(', ')})`, body)
}
