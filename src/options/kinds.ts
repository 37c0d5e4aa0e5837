// The kinds of value an option takes, and how a value of each kind is read from text. Errors name
// the option as the user wrote it (`label`: `input "parallel"`, `--parallel`).
import { UsageError } from '../errors.js'
import { parseSize } from '../cache/size.js'

export type OptionKind =
  | { type: 'boolean' }
  /** `arg`: what the CLI's --help writes for the value (`PATH`, `DIR`). */
  | { type: 'string'; arg: string }
  /** Several values: an input splits them (`dest` by line, others also by comma); a flag repeats. */
  | { type: 'list'; arg: string }
  | { type: 'integer'; min: number; max: number }
  /** A byte size: a number of bytes, or with a unit (`500MB`, `2GiB`). */
  | { type: 'size' }
  | { type: 'enum'; values: readonly string[] }

export const boolean: OptionKind = { type: 'boolean' }
export const size: OptionKind = { type: 'size' }
export const text = (arg: string): OptionKind => ({ type: 'string', arg })
export const list = (arg: string): OptionKind => ({ type: 'list', arg })
export const integer = (min: number, max: number): OptionKind => ({ type: 'integer', min, max })
export const oneOf = (...values: string[]): OptionKind => ({ type: 'enum', values })

/** What --help writes after a flag that takes a value; '' for a true/false flag. */
export function argName(kind: OptionKind): string {
  switch (kind.type) {
    case 'boolean':
      return ''
    case 'string':
    case 'list':
      return kind.arg
    case 'integer':
      return 'N'
    case 'size':
      return 'SIZE'
    case 'enum':
      return kind.values.join('|')
  }
}

export function parseBoolean(raw: string, label: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new UsageError(`${label}: expected true or false, got "${raw}"`)
}

export function parseInteger(raw: string, label: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`${label}: expected a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return Number(raw)
}

export function parseChoice(raw: string, label: string, values: readonly string[]): string {
  if (!values.includes(raw)) throw new UsageError(`${label}: expected ${values.join(' or ')}, got "${raw}"`)
  return raw
}

export function parseByteSize(raw: string, label: string): number {
  try {
    return parseSize(raw, label)
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`${label}: ${(e as Error).message}`)
  }
}

/** Reads `raw` as a value of `kind` (a list is one item here); throws a UsageError naming `label`. */
export function parseValue(kind: OptionKind, raw: string, label: string): boolean | number | string {
  switch (kind.type) {
    case 'boolean':
      return parseBoolean(raw, label)
    case 'integer':
      return parseInteger(raw, label, kind.min, kind.max)
    case 'size':
      return parseByteSize(raw, label)
    case 'enum':
      return parseChoice(raw, label, kind.values)
    case 'string':
    case 'list':
      return raw
  }
}
