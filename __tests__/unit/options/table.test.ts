// The option table (src/options/table.ts) is the one place an option is declared: each entry is
// well-formed, action.yml says what the table says, and the CLI's flags, --help and the request's
// defaults come from it.
import { describe, expect, it } from '@jest/globals'
import { actionManifest } from '../../harness/action-manifest.js'
import { argName, parseValue } from '../../../src/options/kinds.js'
import { optionTable, option } from '../../../src/options/table.js'
import { parseCopyRequest, type OptionReader } from '../../../src/options/request.js'
import { splitList } from '../../../src/options/split-list.js'
import { argsReader, booleanFlags, parseArgs, valueFlags } from '../../../src/cli/args.js'
import { unknownFlagError } from '../../../src/cli/flag-hints.js'
import { helpText } from '../../../src/cli/help.js'

const names = optionTable.map(o => o.name)
const inputs = optionTable.filter(o => o.input)
const manifest = actionManifest()

describe('every entry of the option table', () => {
  it('has a name of its own, in kebab-case', () => {
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
    for (const n of names) expect([n, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(n)]).toEqual([n, true])
  })

  it.each(optionTable.map(o => [o.name, o] as const))('%s is well-formed', (_, o) => {
    expect(o.input || o.flag).toBe(true)
    for (const text of [o.help, o.cliHelp ?? o.help]) expect(text).toMatch(/^[A-Z][^\n]{5,}[.)]$/)
    if (o.default !== undefined) {
      // The default is read as the option's own kind (a bad one would throw a UsageError).
      expect(() => parseValue(o.kind, o.default!, o.name)).not.toThrow()
      expect(o.required).toBe(false)
    }
    if (o.kind.type === 'boolean') expect(['true', 'false']).toContain(o.default)
    if (o.kind.type === 'integer') expect(o.kind.min).toBeLessThanOrEqual(o.kind.max)
    if (o.kind.type === 'enum') expect(o.kind.values.length).toBeGreaterThan(1)
    // A secret is free text: no kind's parse error can echo it, and no default can hold one.
    if (o.secret) expect([o.kind.type, o.default]).toEqual(['string', undefined])
    if (o.runnerDefault !== undefined) {
      expect(o.runnerDefault).toMatch(/^\$\{\{ [\w.]+ \}\}$/)
      expect([o.input, o.default]).toEqual([true, undefined])
    }
    if (o.env !== undefined) expect([o.flag, o.env]).toEqual([true, expect.stringMatching(/^[A-Z_]+$/)])
  })

  it('an unknown name is a programming error, not a silent undefined', () => {
    expect(() => option('no-such-option')).toThrow(/no option named "no-such-option"/)
  })
})

describe('action.yml against the option table', () => {
  it('declares the inputs of the table, in the table order', () => {
    expect([...manifest.inputs.keys()]).toEqual(inputs.map(o => o.name))
  })

  it.each(inputs.map(o => [o.name, o] as const))(
    'input %s: the default, required and description of the table',
    (name, o) => {
      const declared = manifest.inputs.get(name)!
      expect(declared.default).toBe(o.default ?? o.runnerDefault)
      expect(declared.required).toBe(o.required)
      expect(declared.description).toBe(o.help)
    }
  )
})

const noLabel = (n: string): string => n
function reader(values: Record<string, string>): OptionReader {
  return { label: noLabel, get: n => values[n], getList: n => splitList(values[n]) }
}

describe('what reads the table', () => {
  it('the request takes every default from the table', () => {
    const request = parseCopyRequest(reader({ src: 'oci:/a:1', dest: 'oci:/b:1' }))
    const read = (name: string): unknown => parseValue(option(name).kind, option(name).default!, name)
    expect(request.parallel).toBe(read('parallel'))
    expect(request.retryTimes).toBe(read('retry-times'))
    expect(request.cache.maxBytes).toBe(read('cache-max-size'))
    expect(request.cache.enabled).toBe(read('cache'))
    expect(request.sparseList).toBe(read('sparse-list'))
    expect([request.src.tlsVerify, request.dest.tlsVerify]).toEqual([
      read('src-tls-verify'),
      read('dest-tls-verify')
    ])
    expect([request.preserveDigests, request.removeSignatures]).toEqual([
      read('preserve-digests'),
      read('remove-signatures')
    ])
    expect(request.selection.kind).toBe(read('all-images') ? 'all' : 'system')
  })

  it('the request checks an integer against the bounds of the table', () => {
    const kind = option('parallel').kind
    if (kind.type !== 'integer') throw new Error('parallel is an integer option')
    const given = (n: number) => () =>
      parseCopyRequest(reader({ src: 'oci:/a:1', dest: 'oci:/b:1', parallel: String(n) }))
    expect(given(kind.max)).not.toThrow()
    expect(given(kind.max + 1)).toThrow(`parallel: expected a whole number from ${kind.min} to ${kind.max}`)
  })

  it('the CLI has a flag for each flag of the table, true/false or taking a value as its kind says', () => {
    const flags = optionTable.filter(o => o.flag)
    expect([...booleanFlags, ...valueFlags].sort()).toEqual(flags.map(o => o.name).sort())
    expect([...booleanFlags].sort()).toEqual(
      flags
        .filter(o => o.kind.type === 'boolean')
        .map(o => o.name)
        .sort()
    )
    for (const o of flags.filter(f => f.repeatable)) {
      const parsed = parseArgs([`--${o.name}`, 'a', `--${o.name}`, 'b'])
      expect(parsed.values.get(o.name)).toEqual(['a', 'b'])
    }
    expect(() => parseArgs(['--parallel', '1', '--parallel', '2'])).toThrow(
      '--parallel is given more than once'
    )
  })

  it('the CLI reads the environment variable the table names', () => {
    for (const o of optionTable.filter(f => f.env !== undefined)) {
      const r = argsReader(parseArgs([]), { [o.env!]: 'from-env' })
      expect([o.name, r.get(o.name)]).toEqual([o.name, 'from-env'])
    }
  })

  it('did-you-mean knows every flag of the table', () => {
    for (const o of optionTable.filter(f => f.flag)) {
      const typo = `--${o.name[0]}${o.name.slice(2)}` // the second letter left out
      expect(unknownFlagError(typo).message).toContain(`did you mean --${o.name}?`)
    }
  })

  it('--help lists each flag once, with its value and its default', () => {
    const lines = helpText.split('\n')
    for (const o of optionTable.filter(f => f.flag)) {
      const listed = lines.filter(l => l === `  --${o.name}` || l.startsWith(`  --${o.name} `))
      const arg = argName(o.kind)
      expect([o.name, listed.length]).toEqual([o.name, 1])
      expect(listed[0].startsWith(`  --${o.name}${arg ? ` ${arg}` : ''}`)).toBe(true)
    }
    expect(helpText).toMatch(/--parallel N +How many blobs .*\n.* Default 6\./)
  })
})
