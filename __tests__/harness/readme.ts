// README.md as tests read it: a section's Markdown table, and the workflow examples' steps that use
// this Action (their `with:` blocks, as the runner would get them).
import yaml from 'js-yaml'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const readmePath = path.join(process.cwd(), 'README.md')

export function readReadme(): string {
  return readFileSync(readmePath, 'utf8')
}

/** The text under the heading `title` (any level), up to the next heading of that level or higher. */
export function readmeSection(readme: string, title: string): string {
  const lines = readme.split('\n')
  const start = lines.findIndex(l => /^#+ /.test(l) && l.replace(/^#+ /, '').trim() === title)
  if (start < 0) throw new Error(`README.md has no section "${title}"`)
  const level = /^#+/.exec(lines[start])![0].length
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level)
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

/** The body rows of the first Markdown table in `text`, as cells (`\|` inside a cell kept). */
export function tableRows(text: string): string[][] {
  const rows = text
    .split('\n')
    .filter(l => l.startsWith('|'))
    .map(l =>
      l
        .slice(1, l.trimEnd().endsWith('|') ? l.trimEnd().length - 1 : undefined)
        .split(/(?<!\\)\|/)
        .map(c => c.trim())
    )
  return rows.filter((r, i) => i !== 1 || !r.every(c => /^:?-+:?$/.test(c))).slice(1)
}

/** The `code` spans of a cell: `src-username`, `src-password` → [src-username, src-password]. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map(m => m[1])
}

export interface ReadmeStep {
  /** The heading above the example. */
  heading: string
  /** The step's `with:`, values as the runner passes them (strings; expressions not yet evaluated). */
  with: Record<string, string>
  id?: string
}

/** Is `uses` this Action (as a published tag or the repository itself)? */
export function usesThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (/^[\w.-]+\/image-copy-action@/.test(uses) || /^\.\/?$/.test(uses))
}

function stepsIn(value: unknown, found: Array<Record<string, unknown>>): void {
  if (Array.isArray(value)) value.forEach(v => stepsIn(v, found))
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    if (usesThisAction(record.uses)) found.push(record)
    else Object.values(record).forEach(v => stepsIn(v, found))
  }
}

function withBlock(step: Record<string, unknown>, where: string): Record<string, string> {
  const raw = step.with ?? {}
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${where}: with: is not a mapping`)
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => {
      if (typeof v === 'object' && v !== null) throw new Error(`${where}: with.${k} is not a scalar`)
      return [k, String(v)]
    })
  )
}

/** Every step using this Action in the README's ```yaml blocks, with the heading it sits under. */
export function readmeActionSteps(readme: string): ReadmeStep[] {
  const steps: ReadmeStep[] = []
  let heading = ''
  const blocks = readme.split(/^```/m)
  for (let i = 0; i < blocks.length; i++) {
    if (i % 2 === 0) {
      const headings = blocks[i].split('\n').filter(l => /^#+ /.test(l))
      if (headings.length > 0) heading = headings[headings.length - 1].replace(/^#+ /, '').trim()
      continue
    }
    const [lang, ...body] = blocks[i].split('\n')
    if (!/^ya?ml\b/.test(lang.trim())) continue
    steps.push(...actionStepsIn(body.join('\n'), heading, `README.md example "${heading}"`))
  }
  return steps
}

/** The steps using this Action in a YAML text (a workflow, or a fragment of one). */
export function actionStepsIn(text: string, heading: string, where: string): ReadmeStep[] {
  const found: Array<Record<string, unknown>> = []
  stepsIn(yaml.safeLoad(text, { filename: where }), found)
  return found.map(step => ({
    heading,
    with: withBlock(step, where),
    id: typeof step.id === 'string' ? step.id : undefined
  }))
}
