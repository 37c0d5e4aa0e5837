// What a run of the bundled CLI loads: its chunks and node's built-in modules (start-up cost is what
// a run loads, so tests assert what it leaves out).
import { expect } from '@jest/globals'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { tempDir } from './local.js'

/**
 * What a run of the bundle on Node 24 loads: the bundle's chunks (each one the compile cache is asked
 * about; the entry, index.js, is compiled before the cache is on) and node's built-in modules.
 */
export async function loadedBy(
  args: string[],
  node: string
): Promise<{ chunks: string[]; builtins: string[]; stderr: string }> {
  const report =
    'process.on("exit",()=>process.stderr.write("BUILTINS "+process.moduleLoadList.join(",")+"\\n"))'
  const tmp = await tempDir()
  const run = await new Promise<{ code: number; stderr: string }>(resolve => {
    const argv = ['--import', `data:text/javascript,${report}`, path.join('dist', 'cli', 'index.js'), ...args]
    const env = {
      ...process.env,
      TMPDIR: tmp,
      NODE_DEBUG_NATIVE: 'COMPILE_CACHE',
      NODE_COMPILE_CACHE: undefined,
      NODE_OPTIONS: undefined // jest's --experimental-vm-modules would load node:vm
    }
    execFile(node, argv, { env }, (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }))
  })
  expect(run.code).toBe(0)
  const chunks = [...new Set([...run.stderr.matchAll(/ESM file:\/\/\S*\/(\d+\.index\.js)/g)].map(m => m[1]))]
  const list = /BUILTINS (.*)/.exec(run.stderr)?.[1] ?? ''
  const builtins = list.split(',').flatMap(m => (m.startsWith('NativeModule ') ? [m.slice(13)] : []))
  return { chunks, builtins, stderr: run.stderr }
}
