// Which tags of a repository to copy: input `tags` (a JavaScript regular expression, or `semver:`
// and a range) minus input `exclude-tags` (a regular expression). A regular expression is matched
// anywhere in the tag unless anchored, as skopeo sync's images-by-tag-regex does.
import { UsageError } from '../errors.js'
import { parseRange, SemverRangeError } from './semver.js'

export type TagFilter = (tag: string) => boolean

export function regexFilter(pattern: string, label: string): TagFilter {
  let re: RegExp
  try {
    re = new RegExp(pattern, 'u')
  } catch (e) {
    throw new UsageError(`${label}: "${pattern}" is not a regular expression: ${(e as Error).message}`)
  }
  return tag => re.test(tag)
}

export function semverFilter(range: string, label: string): TagFilter {
  try {
    const parsed = parseRange(range)
    return tag => parsed.test(tag)
  } catch (e) {
    if (e instanceof SemverRangeError) throw new UsageError(`${label}: ${e.message}`)
    throw e
  }
}

/** `semver: >=1.4 <2` or a regular expression. */
export function tagPattern(text: string, label: string): TagFilter {
  const semver = /^semver:\s*(.*)$/s.exec(text.trim())
  return semver ? semverFilter(semver[1].trim(), label) : regexFilter(text, label)
}

export function withExclusion(include: TagFilter, exclude: TagFilter | undefined): TagFilter {
  return exclude ? tag => include(tag) && !exclude(tag) : include
}
