// action.yml walked input by input and output by output: each input is accepted at its default,
// documented in the README's Inputs table and has a CLI flag; each output is documented and set by a
// successful run of the bundled Action (Node 24, every input the runner would set).
import { afterAll, describe, expect, it } from '@jest/globals'
import { booleanFlags, valueFlags } from '../../../src/cli/args.js'
import { actionManifest, fakeGithubToken, inputEnvName } from '../../harness/action-manifest.js'
import { requireNode24, runActionWithPost } from '../../harness/action-runner.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import { codeSpans, readReadme, readmeSection, tableRows } from '../../harness/readme.js'

const manifest = actionManifest()
const inputs = [...manifest.inputs.keys()]
const outputs = [...manifest.outputs.keys()]
const readme = readReadme()

/** README table rows by the names in their first cell (`src-username`, `src-password` → two names). */
function documented(section: string): Map<string, string[]> {
  const rows = new Map<string, string[]>()
  for (const row of tableRows(readmeSection(readme, section)))
    for (const name of codeSpans(row[0])) rows.set(name, row)
  return rows
}

describe('action.yml against the README and the CLI', () => {
  const inputRows = documented('Inputs')

  it('declares the inputs and outputs the Action is known for', () => {
    expect(inputs).toEqual(expect.arrayContaining(['src', 'dest', 'cache', 'github-token']))
    expect(outputs).toEqual(expect.arrayContaining(['digest', 'digests']))
  })

  it.each(inputs)('input %s is in the README Inputs table, with its default', name => {
    const row = inputRows.get(name)
    expect(row).toBeDefined()
    const fallback = manifest.inputs.get(name)!.default
    if (fallback !== undefined) expect(codeSpans(row![1])).toContain(fallback)
    expect(row![2].length).toBeGreaterThan(10)
  })

  it('the README Inputs table names no input action.yml lacks', () => {
    expect([...inputRows.keys()].filter(n => !manifest.inputs.has(n))).toEqual([])
  })

  it.each(inputs)('input %s is a CLI flag of the same name', name => {
    expect([...booleanFlags, ...valueFlags]).toContain(name)
  })

  it.each(outputs)('output %s is in the README Outputs table', name => {
    expect(documented('Outputs').has(name)).toBe(true)
  })
})

const node24 = requireNode24()
const withNode24 = node24 ? describe : describe.skip

withNode24('the bundled Action with every input at its action.yml default', () => {
  afterAll(removeTempDirs)

  it('copies the example with only src and dest given, and sets every declared output', async () => {
    const out = await tempDir()
    const { main, post } = await runActionWithPost(node24!, {
      src: `oci:${exampleLayout}:1.0`,
      dest: `oci:${out}/copy:1.0`
    })
    // What the runner would have set: one variable per declared input, defaults filled in.
    expect(Object.keys(main.inputs).sort()).toEqual(inputs.map(inputEnvName).sort())
    expect(main.inputs.INPUT_CACHE).toBe('true')
    expect(main.inputs['INPUT_GITHUB-TOKEN']).toBe(fakeGithubToken)
    for (const [name, input] of manifest.inputs) {
      if (input.default !== undefined && name !== 'github-token')
        expect([name, main.inputs[inputEnvName(name)]]).toEqual([name, input.default])
    }

    expect(main.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(main.code).toBe(0)
    expect(post.code).toBe(0)
    // One image, for this machine's platform (no selection input set): a single-image manifest.
    expect(main.outputs['media-type']).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(await ociRefDigest(`${out}/copy`, '1.0')).toBe(main.outputs.digest)
    for (const name of outputs) {
      // `failed` (destination → error) is an empty JSON object when nothing failed.
      if (name === 'failed') expect(JSON.parse(main.outputs[name])).toEqual({})
      else expect([name, main.outputs[name] ?? '']).toEqual([name, expect.stringMatching(/./)])
    }
    // The blob cache (cache: true by default) with no cache service here: a local directory, one notice.
    expect(main.stdout.split('\n').filter(l => l.startsWith('::notice'))).toHaveLength(1)
    expect(main.stdout).not.toContain(fakeGithubToken)
  })
})
