// A dir: copy killed (SIGKILL) at chosen points of the swap leaves the old image or the new one, and
// the next open repairs or removes what it left. strace holds every rename(2) of the CLI bundle for
// 2 s after it took effect (inject=rename:delay_exit), which gives the test a wide, exact window to
// kill it in; skopeo then reads what is there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { exampleLayout, removeTempDirs, skopeo, tempDir } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'

const skopeoPath = requireProgram('skopeo')
const stracePath = requireProgram('strace')
const describeIf = skopeoPath && stracePath ? describe : describe.skip
const cliPath = path.resolve('dist', 'cli', 'index.js')
const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }
const example = `oci:${exampleLayout}:1.0`
const OLD = 'linux/amd64'
const NEW = 'linux/arm64/v8'
let policyDir: string
const sk = (...args: string[]) => skopeo(skopeoPath!, args, policyDir)

function cli(args: string[], cwd?: string): Promise<{ code: number; stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [cliPath, ...args, '--quiet'], { cwd, env }, (error, _out, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr })
    )
  })
}

/** The CLI under strace, every rename held for 2 s after it took effect. */
function tracedCli(args: string[], cwd?: string): { child: ChildProcess; exited: Promise<unknown> } {
  const traced = spawn(
    stracePath!,
    [
      '-f',
      '-o',
      '/dev/null',
      '-e',
      'trace=rename',
      '-e',
      'inject=rename:delay_exit=2000000',
      process.execPath,
      cliPath,
      ...args,
      '--quiet'
    ],
    { cwd, env, stdio: 'ignore' }
  )
  return { child: traced, exited: new Promise(resolve => traced.on('exit', resolve)) }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 3000; i++) {
    const found = await probe()
    if (found !== undefined) return found
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  throw new Error(`never saw: ${what}`)
}

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
async function manifestDigest(dir: string): Promise<string | undefined> {
  return fs.readFile(path.join(dir, 'manifest.json')).then(sha, () => undefined)
}
async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false
  )
}
/** Our entries beside (or in) the target: `.<name>-<pid>-<hex>.tmp|old`. */
async function leftovers(dir: string, name: string): Promise<Array<{ name: string; pid: number }>> {
  const re = new RegExp(`^\\.${name.replace(/\./g, '\\.')}-(\\d+)-[0-9a-f]{16}\\.(tmp|old)$`)
  return (await fs.readdir(dir)).flatMap(n => {
    const m = re.exec(n)
    return m ? [{ name: n, pid: Number(m[1]) }] : []
  })
}
/** skopeo reads the whole image (every blob verified) and reports its manifest digest. */
async function readWhole(dir: string): Promise<string> {
  const out = await tempDir()
  await sk('copy', `dir:${dir}`, `oci:${out}/check:x`)
  return sha(Buffer.from(await sk('inspect', '--raw', `dir:${dir}`)))
}

describeIf('a dir: copy killed at chosen points', () => {
  let oldDigest: string
  let newDigest: string

  beforeAll(async () => {
    policyDir = await tempDir()
    const probe = await tempDir()
    for (const [platform, name] of [
      [OLD, 'old'],
      [NEW, 'new']
    ]) {
      expect(await cli([example, `dir:${probe}/${name}`, '--platform', platform])).toEqual({
        code: 0,
        stderr: ''
      })
    }
    oldDigest = (await manifestDigest(`${probe}/old`))!
    newDigest = (await manifestDigest(`${probe}/new`))!
    expect(oldDigest).not.toBe(newDigest)
  })
  afterAll(removeTempDirs)

  async function oldImageAt(): Promise<{ parent: string; target: string }> {
    const parent = await tempDir()
    const target = path.join(parent, 'img')
    expect(await cli([example, `dir:${target}`, '--platform', OLD])).toEqual({ code: 0, stderr: '' })
    return { parent, target }
  }

  it('between the two renames of the swap: the next open puts the old image back', async () => {
    const { parent, target } = await oldImageAt()
    const run = tracedCli([example, `dir:${target}`, '--platform', NEW])
    const [aside] = await waitFor('the old image moved aside, the new not yet in', async () => {
      const left = await leftovers(parent, 'img')
      return !(await exists(target)) && left.some(l => l.name.endsWith('.old')) ? left : undefined
    })
    process.kill(aside.pid, 'SIGKILL')
    await run.exited
    expect(await exists(target)).toBe(false) // the window was hit
    expect((await leftovers(parent, 'img')).map(l => l.name.slice(-4)).sort()).toEqual(['.old', '.tmp'])

    // The next open (here a dir: source) repairs: the old image, complete.
    const out = await tempDir()
    expect(await cli([`dir:${target}`, `oci:${out}/copy:x`])).toEqual({ code: 0, stderr: '' })
    expect(await readWhole(target)).toBe(oldDigest)
    expect(await leftovers(parent, 'img')).toEqual([])
  })

  it('after the new image is in, before the old one is removed: the new image, and the next open removes the old', async () => {
    const { parent, target } = await oldImageAt()
    const run = tracedCli([example, `dir:${target}`, '--platform', NEW])
    const left = await waitFor('the new image in place', async () =>
      (await manifestDigest(target)) === newDigest ? leftovers(parent, 'img') : undefined
    )
    process.kill(left[0].pid, 'SIGKILL')
    await run.exited
    expect(await readWhole(target)).toBe(newDigest)
    expect((await leftovers(parent, 'img')).map(l => l.name.slice(-4))).toEqual(['.old'])

    expect(await cli([example, `dir:${target}`, '--platform', OLD])).toEqual({ code: 0, stderr: '' })
    expect(await readWhole(target)).toBe(oldDigest)
    expect(await leftovers(parent, 'img')).toEqual([])
  })

  it('in place (dir:. in the target), killed while files move in: the old image until manifest.json moves, then the new', async () => {
    for (const point of ['before manifest.json', 'after manifest.json'] as const) {
      const { parent, target } = await oldImageAt()
      const oldFiles = new Set(await fs.readdir(target))
      const run = tracedCli([example, 'dir:.', '--platform', NEW], target)
      const staging = await waitFor(`killed ${point}`, async () => {
        const [s] = await leftovers(parent, 'img')
        if (s === undefined) return undefined
        const now = await fs.readdir(target)
        const moved = now.some(n => !oldFiles.has(n))
        const switched = (await manifestDigest(target)) === newDigest
        if (point === 'before manifest.json' ? moved && !switched : switched) return s
        return undefined
      })
      process.kill(staging.pid, 'SIGKILL')
      await run.exited
      expect({ point, digest: await readWhole(target) }).toEqual({
        point,
        digest: point === 'before manifest.json' ? oldDigest : newDigest
      })
      expect(await cli([example, 'dir:.', '--platform', OLD], target)).toEqual({ code: 0, stderr: '' })
      expect(await readWhole(target)).toBe(oldDigest)
      expect(await leftovers(parent, 'img')).toEqual([])
    }
  })
})
