import { expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { copy, example, tarEntries } from './docker-archive-helpers.js'
import { tempDir } from './helpers.js'

it('smoke', async () => {
  const dir = await tempDir('smoke')
  const file = path.join(dir, 'x.tar')
  const result = await copy(example, [`docker-archive:${file}:acme/app:1`])
  console.log(result.destinations[0].manifest.toString())
  const entries = await tarEntries(file)
  console.log(entries.map(e => `${e.name} ${e.type} ${e.linkname ?? ''} ${e.size} ${e.size < 2000 && !e.name.endsWith('.tar') ? e.data.toString() : ''}`).join('\n'))
  const back = await copy(`docker-archive:${file}`, [`oci:${dir}/oci:1`])
  console.log(back.destinations[0].manifest.toString())
  console.log(await fs.readdir(dir))
})
