// action.yml as the GitHub runner reads it, and the INPUT_* variables the runner derives from it.
//
// The runner (actions/runner, ActionManifestManager.ConvertInputs and ActionRunner) gives the Action an
// INPUT_<NAME> variable for EVERY input action.yml declares: the step's `with:` value when it names the
// input, else the declared default (expressions such as `${{ github.token }}` evaluated), else "".
// NAME is the input name upper-cased with spaces as `_`; dashes stay (INPUT_ALL-IMAGES).
import yaml from 'js-yaml'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface ActionInput {
  description: string
  required: boolean
  /** The declared default as the runner reads it (YAML scalars become strings); undefined when none. */
  default?: string
}

export interface ActionManifest {
  inputs: Map<string, ActionInput>
  outputs: Map<string, { description: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

export const actionYmlPath = path.join(process.cwd(), 'action.yml')

/** A token shaped like the job's GITHUB_TOKEN (an installation token); it opens nothing. */
export const fakeGithubToken = `ghs_${'RunnerHarnessToken'.padEnd(36, '0')}`

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function scalar(v: unknown, what: string): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  throw new Error(`action.yml: ${what} is not a scalar`)
}

function mapOf<T>(v: unknown, what: string, each: (name: string, entry: Record<string, unknown>) => T) {
  if (v === undefined || v === null) return new Map<string, T>()
  if (!isRecord(v)) throw new Error(`action.yml: ${what} is not a mapping`)
  return new Map(
    Object.entries(v).map(([name, entry]) => {
      if (!isRecord(entry)) throw new Error(`action.yml: ${what}.${name} is not a mapping`)
      return [name, each(name, entry)] as const
    })
  )
}

export function parseActionManifest(text: string): ActionManifest {
  const doc = yaml.safeLoad(text, { filename: 'action.yml' })
  if (!isRecord(doc) || !isRecord(doc.runs)) throw new Error('action.yml: no runs: mapping')
  const inputs = mapOf(doc.inputs, 'inputs', (name, e) => ({
    description: scalar(e.description ?? '', `inputs.${name}.description`),
    required: e.required === true || e.required === 'true',
    default:
      e.default === undefined || e.default === null ? undefined : scalar(e.default, `inputs.${name}.default`)
  }))
  const outputs = mapOf(doc.outputs, 'outputs', (name, e) => ({
    description: scalar(e.description ?? '', `outputs.${name}.description`)
  }))
  const runs = Object.fromEntries(Object.entries(doc.runs).map(([k, v]) => [k, scalar(v, `runs.${k}`)]))
  return { inputs, outputs, runs: runs as ActionManifest['runs'] }
}

let cached: ActionManifest | undefined
/** The repository's action.yml (read once per test file). */
export function actionManifest(): ActionManifest {
  cached ??= parseActionManifest(readFileSync(actionYmlPath, 'utf8'))
  return cached
}

/**
 * Replaces each `${{ expr }}` with values[expr]; an expression with no value is an error naming it,
 * so a default or README example using a new expression cannot pass by accident.
 */
export function expandExpressions(text: string, values: Record<string, string>, where: string): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    if (!Object.hasOwn(values, expr)) throw new Error(`${where}: no test value for \${{ ${expr} }}`)
    return values[expr]
  })
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** The INPUT_* variables the runner sets for a step whose `with:` is `given`. */
export function runnerInputEnv(
  given: Record<string, string>,
  manifest: ActionManifest = actionManifest(),
  context: Record<string, string> = { 'github.token': fakeGithubToken }
): Record<string, string> {
  for (const name of Object.keys(given)) {
    if (!manifest.inputs.has(name))
      throw new Error(`input "${name}" is not declared in action.yml: the Action would never see it`)
  }
  const env: Record<string, string> = {}
  for (const [name, input] of manifest.inputs) {
    env[inputEnvName(name)] = Object.hasOwn(given, name)
      ? given[name]
      : expandExpressions(input.default ?? '', context, `action.yml default of ${name}`)
  }
  return env
}
