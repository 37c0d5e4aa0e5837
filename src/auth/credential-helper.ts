// Runs a docker credential helper (`docker-credential-<name> get`) as docker and containers/image do:
// the server URL on stdin, JSON `{ServerURL, Username, Secret}` on stdout, `Username: "<token>"` meaning
// the secret is an identity (OAuth2 refresh) token, "credentials not found" meaning no match.
// No shell; found on the PATH we are given; killed after a timeout. What the helper prints is never
// put into an error message: a failing helper may print the secret it was about to return.
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { delimiter, isAbsolute, join } from 'node:path'
import type { RegistryCredentials } from '../transports/types.js'
import { CredentialHelperMissingError, CredentialLookupError } from './errors.js'

export const DEFAULT_HELPER_TIMEOUT_MS = 10_000
const MAX_OUTPUT_BYTES = 1024 * 1024
const NOT_FOUND = /credentials not found/i
/** Messages of docker-credential-helpers that name no secret and help a user; quoted when seen. */
const KNOWN_MESSAGES = ['no credentials server URL', 'no credentials username']

export interface HelperOptions {
  env: NodeJS.ProcessEnv
  timeoutMs?: number
  /** Where the helper was configured, for messages: `credHelpers["ghcr.io"] in /home/u/.docker/config.json`. */
  configuredBy: string
}

export function helperProgram(name: string): string {
  return `docker-credential-${name}`
}

/**
 * Asks helper `name` for the credentials of `serverUrl`. `undefined` when it has none. Throws a
 * CredentialLookupError naming the program and `configuredBy` when it is missing, fails or hangs.
 */
export async function getFromCredentialHelper(
  name: string,
  serverUrl: string,
  options: HelperOptions
): Promise<RegistryCredentials | undefined> {
  const program = helperProgram(name)
  const executable = await findExecutable(program, options.env)
  if (!executable) throw new CredentialHelperMissingError(program, options.configuredBy)
  const timeoutMs = options.timeoutMs ?? DEFAULT_HELPER_TIMEOUT_MS
  const run = await runHelper(executable, `${serverUrl}\n`, options.env, timeoutMs)
  const what = `credential helper ${program} (configured by ${options.configuredBy})`

  if (run.kind === 'spawn-error') {
    throw new CredentialLookupError(
      `${what} could not be started: ${run.code}`,
      'usage',
      `check that ${executable} is executable`
    )
  }
  if (run.kind === 'timeout') {
    throw new CredentialLookupError(
      `${what} did not answer within ${timeoutMs / 1000}s for ${serverUrl}`,
      'failure',
      'a helper that asks for input (a keychain prompt, a login) cannot answer in CI; check it works non-interactively'
    )
  }
  if (run.kind === 'too-much-output') {
    throw new CredentialLookupError(
      `${what} printed more than ${MAX_OUTPUT_BYTES} bytes for ${serverUrl}`,
      'failure'
    )
  }
  if (run.exitCode !== 0 || run.signal) {
    if (NOT_FOUND.test(run.stdout) || NOT_FOUND.test(run.stderr)) return undefined
    const known = KNOWN_MESSAGES.find(m => run.stdout.trim() === m || run.stderr.trim() === m)
    const status = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`
    throw new CredentialLookupError(
      `${what} ${status} for ${serverUrl}` +
        (known ? `: ${known}` : ' (its output is not shown: it may contain secrets)'),
      'failure',
      `run \`echo ${serverUrl} | ${program} get\` to see what it says`
    )
  }

  let answer: unknown
  try {
    answer = JSON.parse(run.stdout)
  } catch {
    if (NOT_FOUND.test(run.stdout)) return undefined
    throw new CredentialLookupError(`${what} printed something that is not JSON for ${serverUrl}`, 'failure')
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new CredentialLookupError(`${what} printed JSON that is not an object for ${serverUrl}`, 'failure')
  }
  const { Username: username, Secret: secret } = answer as Record<string, unknown>
  if (
    (username !== undefined && typeof username !== 'string') ||
    (secret !== undefined && typeof secret !== 'string')
  ) {
    throw new CredentialLookupError(
      `${what} printed a Username or Secret that is not a string for ${serverUrl}`,
      'failure'
    )
  }
  if (!secret) return undefined
  if (username === '<token>') return { identityToken: secret }
  return username ? { username, password: secret } : { password: secret }
}

type RunResult =
  | { kind: 'exit'; exitCode: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }
  | { kind: 'timeout' }
  | { kind: 'too-much-output' }
  | { kind: 'spawn-error'; code: string }

async function runHelper(
  executable: string,
  input: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number
): Promise<RunResult> {
  // Loaded here, by the one copy in many that runs a helper: node:child_process costs ~4 ms at start-up.
  const { spawn } = await import('node:child_process')
  return new Promise(resolve => {
    const child = spawn(executable, ['get'], {
      env,
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (result: RunResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_OUTPUT_BYTES) {
        child.kill('SIGKILL')
        finish({ kind: 'too-much-output' })
        return
      }
      into.push(chunk)
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      finish({ kind: 'timeout' })
    }, timeoutMs)

    child.stdout.on('data', collect(stdout))
    child.stderr.on('data', collect(stderr))
    child.on('error', e => {
      child.kill('SIGKILL')
      finish({ kind: 'spawn-error', code: (e as NodeJS.ErrnoException).code ?? 'spawn error' })
    })
    child.on('close', (exitCode, signal) =>
      finish({
        kind: 'exit',
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    )
    // A helper that exits without reading stdin makes this write fail with EPIPE; its exit says the rest.
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}

/** The first executable `program` on the PATH of `env` (with PATHEXT extensions on Windows). */
export async function findExecutable(program: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const pathValue = env.PATH ?? env.Path ?? ''
  const windows = process.platform === 'win32'
  const extensions = windows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : ['']
  for (const dir of pathValue.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue
    for (const ext of windows ? ['', ...extensions] : extensions) {
      const candidate = join(dir, program + ext)
      try {
        if (!(await stat(candidate)).isFile()) continue
        await access(candidate, windows ? constants.F_OK : constants.X_OK)
        return candidate
      } catch {
        // not here
      }
    }
  }
  return undefined
}
