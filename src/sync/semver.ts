// Semantic versions of tags, and ranges over them (`>=1.4 <2`, `^1.2`, `~1.2.3`, `1.x`, `1.2 - 1.4`,
// `a || b`), with the leniency of Masterminds/semver, which `skopeo sync`'s images-by-semver uses: a
// `v` prefix and missing minor/patch parts are accepted (`v1.2` is 1.2.0). Pre-releases satisfy a
// range only when one of its comparators names a pre-release. Build metadata is ignored.

export interface Version {
  major: number
  minor: number
  patch: number
  /** Dot-separated identifiers after `-`; empty for a release. */
  prerelease: string[]
}

const IDENTS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*'
const VERSION_RE = new RegExp(`^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-(${IDENTS}))?(?:\\+${IDENTS})?$`)

/** The version a tag names, or undefined when it is not a version (such tags never match a range). */
export function parseVersion(tag: string): Version | undefined {
  const m = VERSION_RE.exec(tag)
  if (!m) return undefined
  const parts = [m[1], m[2] ?? '0', m[3] ?? '0'].map(Number)
  if (parts.some(p => !Number.isSafeInteger(p))) return undefined
  return { major: parts[0], minor: parts[1], patch: parts[2], prerelease: m[4] ? m[4].split('.') : [] }
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a)
  const bn = /^\d+$/.test(b)
  if (an && bn) return Math.sign(Number(a) - Number(b))
  if (an !== bn) return an ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Orders versions as semver 2.0.0 does: a pre-release sorts before its release. */
export function compareVersions(a: Version, b: Version): number {
  const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch
  if (d !== 0) return Math.sign(d)
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length)
  }
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const c = compareIdentifiers(a.prerelease[i], b.prerelease[i])
    if (c !== 0) return c
  }
  return Math.sign(a.prerelease.length - b.prerelease.length)
}

type Operator = '<' | '<=' | '>' | '>=' | '=' | '!='

interface Comparator {
  op: Operator
  version: Version
}

/** A range: any group matches (`||`) when every comparator of the group does. */
export interface VersionRange {
  readonly text: string
  test(tag: string): boolean
}

export class SemverRangeError extends Error {
  constructor(text: string, reason: string) {
    super(`"${text}" is not a semver range: ${reason}`)
    this.name = 'SemverRangeError'
  }
}

/** A partial version in a range: unset parts are wildcards (`1.x`, `1.2`, `*`). */
interface Partial {
  major?: number
  minor?: number
  patch?: number
  prerelease: string[]
}

const WILD = '(?:\\d+|[xX*])'
const PARTIAL_RE = new RegExp(
  `^v?(${WILD})(?:\\.(${WILD}))?(?:\\.(${WILD}))?(?:-(${IDENTS}))?(?:\\+${IDENTS})?$`
)

function parsePartial(text: string, whole: string): Partial {
  const m = PARTIAL_RE.exec(text)
  if (!m) throw new SemverRangeError(whole, `"${text}" is not a version`)
  const num = (s: string | undefined): number | undefined =>
    s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s)
  const major = num(m[1])
  const minor = major === undefined ? undefined : num(m[2])
  const patch = minor === undefined ? undefined : num(m[3])
  return { major, minor, patch, prerelease: m[4] ? m[4].split('.') : [] }
}

const v = (major: number, minor = 0, patch = 0, prerelease: string[] = []): Version => ({
  major,
  minor,
  patch,
  prerelease
})

/** The lowest version of a partial, and the first version above it (undefined: no upper bound). */
function bounds(p: Partial): { low: Version; next?: Version } {
  if (p.major === undefined) return { low: v(0) }
  if (p.minor === undefined) return { low: v(p.major), next: v(p.major + 1) }
  if (p.patch === undefined) return { low: v(p.major, p.minor), next: v(p.major, p.minor + 1) }
  const low = v(p.major, p.minor, p.patch, p.prerelease)
  return { low, next: undefined }
}

function exactOrRange(p: Partial): Comparator[] {
  const { low, next } = bounds(p)
  if (p.patch !== undefined) return [{ op: '=', version: low }]
  return next
    ? [
        { op: '>=', version: low },
        { op: '<', version: next }
      ]
    : [{ op: '>=', version: low }]
}

function tilde(p: Partial): Comparator[] {
  const { low } = bounds(p)
  if (p.major === undefined) return [{ op: '>=', version: low }]
  const next = p.minor === undefined ? v(p.major + 1) : v(p.major, p.minor + 1)
  return [
    { op: '>=', version: low },
    { op: '<', version: next }
  ]
}

function caret(p: Partial): Comparator[] {
  const { low } = bounds(p)
  if (p.major === undefined) return [{ op: '>=', version: low }]
  let next: Version
  if (p.major > 0 || p.minor === undefined) next = v(p.major + 1)
  else if (p.minor > 0 || p.patch === undefined) next = v(0, p.minor + 1)
  else next = v(0, 0, p.patch + 1)
  return [
    { op: '>=', version: low },
    { op: '<', version: next }
  ]
}

function comparison(op: Operator, p: Partial): Comparator[] {
  const { low, next } = bounds(p)
  switch (op) {
    case '=':
      return exactOrRange(p)
    case '!=':
      if (p.patch !== undefined) return [{ op: '!=', version: low }]
      throw new SemverRangeError(`!=${p.major ?? '*'}`, '!= needs a full version')
    case '>=':
    case '<':
      return [{ op, version: low }]
    case '>':
      return next
        ? [{ op: '>=', version: next }]
        : p.major === undefined
          ? [{ op: '<', version: v(0) }]
          : [{ op: '>', version: low }]
    case '<=':
      return next ? [{ op: '<', version: next }] : [{ op: '<=', version: low }]
  }
}

const COMPARATOR_RE = /^(~>|~|\^|>=|=>|<=|=<|!=|>|<|=)?\s*(\S+)$/

function parseComparator(text: string, whole: string): Comparator[] {
  const m = COMPARATOR_RE.exec(text)
  if (!m) throw new SemverRangeError(whole, `"${text}" is not a comparison`)
  const p = parsePartial(m[2], whole)
  const op = m[1] ?? '='
  if (op === '~' || op === '~>') return tilde(p)
  if (op === '^') return caret(p)
  const normal = ({ '=>': '>=', '=<': '<=' } as Record<string, Operator>)[op] ?? (op as Operator)
  return comparison(normal, p)
}

function parseGroup(text: string, whole: string): Comparator[] {
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text)
  if (hyphen) {
    return [
      ...comparison('>=', parsePartial(hyphen[1], whole)),
      ...comparison('<=', parsePartial(hyphen[2], whole))
    ]
  }
  // Operators may be separated from their version by spaces (`>= 1.4`); comparators by spaces or commas.
  const tokens = text
    .replace(/(~>|~|\^|>=|=>|<=|=<|!=|>|<|=)\s+/g, '$1')
    .split(/[\s,]+/)
    .filter(t => t !== '')
  if (tokens.length === 0) throw new SemverRangeError(whole, 'an empty comparison')
  return tokens.flatMap(t => parseComparator(t, whole))
}

function satisfies(version: Version, c: Comparator): boolean {
  const d = compareVersions(version, c.version)
  switch (c.op) {
    case '<':
      return d < 0
    case '<=':
      return d <= 0
    case '>':
      return d > 0
    case '>=':
      return d >= 0
    case '=':
      return d === 0
    case '!=':
      return d !== 0
  }
}

export function parseRange(text: string): VersionRange {
  if (text.trim() === '') throw new SemverRangeError(text, 'it is empty')
  const groups = text.split('||').map(g => parseGroup(g.trim(), text))
  return {
    text,
    test(tag: string): boolean {
      const version = parseVersion(tag)
      if (!version) return false
      return groups.some(group => {
        if (version.prerelease.length > 0 && !group.some(c => c.version.prerelease.length > 0)) return false
        return group.every(c => satisfies(version, c))
      })
    }
  }
}
