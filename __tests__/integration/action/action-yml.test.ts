// action.yml walked input by input and output by output: each input is accepted at its default,
// documented in the README's Inputs table and has a CLI flag; each output is documented and set by a
// successful run of the bundled Action (Node 24, every input the runner would set).
import { afterAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { booleanFlags, valueFlags } from '../../../src/cli/args.js'
import {
  actionManifest,
  fakeGithubToken,
  inputEnvName,
  parseActionManifest,
  runnerInputEnv
} from '../../harness/action-manifest.js'
import { requireNode24, runActionStep, runActionWithPost } from '../../harness/action-runner.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'
import {
  actionStepsIn,
  codeSpans,
  readReadme,
  readmeActionSteps,
  readmeSection,
  tableRows
} from '../../harness/readme.js'

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

describe('the harness sets INPUT_* as the runner does', () => {
  const synthetic = parseActionManifest(
    [
      'name: t',
      'inputs:',
      '  plain: {description: d}',
      '  with space: {description: d, default: x}',
      '  dash-ed: {description: d, default: 3}',
      '  flag: {description: d, default: true}',
      "  token: {description: d, default: '${{ github.token }}'}",
      'runs: {using: node24, main: m.js}'
    ].join('\n')
  )

  it('every declared input: the given value, else the default (YAML scalars as text), else empty', () => {
    expect(runnerInputEnv({ flag: 'false' }, synthetic)).toEqual({
      INPUT_PLAIN: '',
      INPUT_WITH_SPACE: 'x',
      'INPUT_DASH-ED': '3',
      INPUT_FLAG: 'false',
      INPUT_TOKEN: fakeGithubToken
    })
  })

  it('refuses an input action.yml does not declare, and a default with an unknown expression', () => {
    expect(() => runnerInputEnv({ nope: 'x' }, synthetic)).toThrow(/input "nope" is not declared/)
    const odd = parseActionManifest(
      "inputs: {a: {description: d, default: '${{ github.sha }}'}}\nruns: {using: node24, main: m.js}"
    )
    expect(() => runnerInputEnv({}, odd)).toThrow(/github\.sha/)
  })

  it('has no way to set an input around action.yml', async () => {
    const step = runActionStep(process.execPath, 'dist/main/index.js', {}, { INPUT_CACHE: 'false' })
    await expect(step).rejects.toThrow(/INPUT_CACHE is an input/)
  })
})

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

  // The runner only warns about an input action.yml lacks, and the Action never sees it.
  const workflows = readdirSync('.github/workflows').filter(f => /\.ya?ml$/.test(f))
  it.each([
    ...readmeActionSteps(readme).map(s => [`README.md "${s.heading}"`, s.with] as const),
    ...workflows.flatMap(f =>
      actionStepsIn(readFileSync(path.join('.github/workflows', f), 'utf8'), f, f).map(
        s => [`.github/workflows/${f}`, s.with] as const
      )
    )
  ])('%s gives the Action only inputs action.yml declares', (_, given) => {
    expect(Object.keys(given).filter(n => !manifest.inputs.has(n))).toEqual([])
  })

  it.each(outputs)('output %s is in the README Outputs table', name => {
    expect(documented('Outputs').has(name)).toBe(true)
  })
})

/** The digest of the example list's image for this architecture. */
async function exampleInstance(architecture: string): Promise<string | undefined> {
  const listDigest = (await ociRefDigest(exampleLayout, '1.0'))!
  const blob = path.join(exampleLayout, 'blobs', 'sha256', listDigest.slice('sha256:'.length))
  const list = JSON.parse(await readFile(blob, 'utf8')) as {
    manifests: Array<{ digest: string; platform: { architecture: string } }>
  }
  return list.manifests.find(m => m.platform.architecture === architecture)?.digest
}

const node24 = requireNode24()
const withNode24 = node24 ? describe : describe.skip

withNode24('the bundled Action with every input at its action.yml default', () => {
  afterAll(removeTempDirs)

  it('copies the example with only src and dest given, and sets every declared output', async () => {
    const out = await tempDir()
    const { main, post } = await runActionWithPost(node24!, {
      // As a workflow names it: relative to the workspace (the runner's working directory).
      src: 'oci:example/multiarch:1.0',
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
    expect(main.outputs.digest).toBe(await exampleInstance(process.arch === 'x64' ? 'amd64' : process.arch))
    for (const name of outputs) {
      // `failed` (destination → error) is an empty JSON object when nothing failed.
      if (name === 'failed') expect(JSON.parse(main.outputs[name])).toEqual({})
      // `matrix` is set by a plan (input plan) only.
      else if (name === 'matrix') expect(main.outputs[name]).toBeUndefined()
      else expect([name, main.outputs[name] ?? '']).toEqual([name, expect.stringMatching(/./)])
    }
    // Two notices: the blob cache (cache: true by default) is a local directory with no cache service
    // here, and one image was taken from a list of three.
    const notices = main.stdout.split('\n').filter(l => l.startsWith('::notice'))
    expect(notices).toHaveLength(2)
    expect(notices[0]).toMatch(
      /^::notice::Blob cache: the GitHub Actions cache service is not available here/
    )
    expect(notices[1]).toMatch(/^::notice::Copied only linux\/\S+ .*of the 3 images in the list/)
    expect(main.stdout).not.toContain(fakeGithubToken)
  })
})
