// Several processes on one OCI layout, as concurrent CI jobs on one runner are: the CLI bundle
// started N times at once keeps every ref, and a copy that fails never deletes a blob that another
// process reused and committed. skopeo reads the results.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { parseOciReference } from '../../../src/transports/oci/index.js'
import { readIndexJson, removeTempDirs, skopeo, tempDir, exampleLayout } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'
import { tinyImage, writeImage, writeImageParts } from '../../unit/transports/helpers.js'

const skopeoPath = requireProgram('skopeo')
const withSkopeo = skopeoPath ? describe : describe.skip
let policyDir: string
const sk = (...args: string[]) => skopeo(skopeoPath!, args, policyDir)

function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [path.join('dist', 'cli', 'index.js'), ...args, '--quiet'],
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr })
    )
  })
}

const REF = 'org.opencontainers.image.ref.name'

withSkopeo('processes sharing one OCI layout', () => {
  beforeAll(async () => {
    policyDir = await tempDir()
  })
  afterAll(removeTempDirs)

  it('6 CLI processes writing 6 refs into one layout at once keep every ref (5 trials)', async () => {
    const processes = 6
    for (let trial = 0; trial < 5; trial++) {
      const layout = path.join(await tempDir(), 'layout')
      const runs = await Promise.all(
        Array.from({ length: processes }, (_, i) =>
          cli([`oci:${exampleLayout}:1.0`, `oci:${layout}:r${i}`, '--all-images'])
        )
      )
      for (const run of runs) expect(run).toEqual({ code: 0, stderr: '' })
      const names = (await readIndexJson(layout)).manifests.map(m => m.annotations?.[REF]).sort()
      expect({ trial, names }).toEqual({ trial, names: Array.from({ length: processes }, (_, i) => `r${i}`) })
      for (let i = 0; i < processes; i++) {
        expect(JSON.parse(await sk('inspect', '--raw', `oci:${layout}:r${i}`)).manifests).toHaveLength(3)
      }
    }
  })

  it('a rollback keeps the blobs it wrote that another process reused and committed meanwhile', async () => {
    const root = await tempDir()
    const layout = path.join(root, 'layout')
    const image = tinyImage('reused-across-processes')
    await writeImage(await parseOciReference(`${path.join(root, 'src')}:v1`).newDestination({}), image)

    // This process writes the image's blobs, but has not committed when another process copies the
    // same image into the layout (finding, and reusing, those blobs) and commits it.
    const failing = await parseOciReference(`${layout}:failing`).newDestination({})
    await writeImageParts(failing, image, true)
    expect(await cli([`oci:${root}/src:v1`, `oci:${layout}:other`])).toEqual({ code: 0, stderr: '' })
    await failing.close() // the first copy fails: its rollback

    const copied = path.join(root, 'copied')
    await sk('copy', `oci:${layout}:other`, `dir:${copied}`)
    expect(JSON.parse(await sk('inspect', '--raw', `dir:${copied}`)).layers[0].digest).toBe(
      image.layers[0].digest
    )
  })
})
