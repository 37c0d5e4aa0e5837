// Command-line flags, named as the Action's inputs: `--flag value`, `--flag=value`, bare booleans
// (`--flag=false`; `--flag false` is refused, as `false` would otherwise be read as a reference).
import { UsageError } from '../errors.js'
import type { OptionReader } from '../options/request.js'
import { splitList } from '../options/split-list.js'
import { optionTable } from '../options/table.js'
import { spacedBooleanError, unknownFlagError } from './flag-hints.js'

const flags = optionTable.filter(o => o.flag)
export const booleanFlags = flags.filter(o => o.kind.type === 'boolean').map(o => o.name)
export const valueFlags = flags.filter(o => o.kind.type !== 'boolean').map(o => o.name)
/** Flags that may be given more than once; their values accumulate. */
const repeatable = flags.filter(o => o.repeatable).map(o => o.name)
/** Flags read from an environment variable when not given (`--src-password`: IMAGE_COPY_SRC_PASSWORD). */
const fromEnv = new Map(flags.flatMap(o => (o.env ? [[o.name, o.env] as const] : [])))

export interface ParsedArgs {
  values: Map<string, string[]>
  positional: string[]
}

export function parseArgs(argv: string[]): ParsedArgs {
  const values = new Map<string, string[]>()
  const positional: string[] = []
  const set = (name: string, value: string): void => {
    const list = values.get(name) ?? []
    if (list.length > 0 && !repeatable.includes(name))
      throw new UsageError(`--${name} is given more than once`)
    list.push(value)
    values.set(name, list)
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h') {
      set('help', 'true')
      continue
    }
    if (!/^-[-\w]/.test(arg)) {
      positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const flag = eq >= 0 ? arg.slice(0, eq) : arg
    const name = flag.slice(2)
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined
    if (flag.startsWith('--') && booleanFlags.includes(name)) {
      const next = argv[i + 1]
      if (inline === undefined && next !== undefined && /^(true|false)$/i.test(next))
        throw spacedBooleanError(name, next)
      set(name, inline ?? 'true')
    } else if (flag.startsWith('--') && valueFlags.includes(name)) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new UsageError(`--${name} needs a value`)
      set(name, value)
    } else {
      throw unknownFlagError(flag)
    }
  }
  return { values, positional }
}

/** Reads parsed flags as named options; SRC and DEST... may also be positional. */
export function argsReader(args: ParsedArgs, env: NodeJS.ProcessEnv): OptionReader {
  const first = (name: string): string | undefined => args.values.get(name)?.[0]
  // With --images-file the file names the sources: every positional is a destination.
  const noSrc = first('images-file') !== undefined
  const positionalSrc = noSrc ? undefined : args.positional[0]
  const positionalDest = noSrc ? args.positional : args.positional.slice(1)
  return {
    label: name => `--${name}`,
    setting: (name, value) => `--${name}=${value}`,
    get: name => {
      if (name === 'src') return first('src') ?? positionalSrc
      const variable = fromEnv.get(name)
      return first(name) ?? (variable === undefined ? undefined : env[variable])
    },
    getList: name => {
      if (name === 'dest') {
        const flags = args.values.get('dest') ?? []
        // With --src given, every positional is a destination.
        const positional = first('src') !== undefined ? args.positional : positionalDest
        return [...positional, ...flags]
      }
      return (args.values.get(name) ?? []).flatMap(v => splitList(v))
    }
  }
}
