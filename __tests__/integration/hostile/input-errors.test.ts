// Broken archives and wrong paths: every error names the input and the cause (no bare "Unexpected
// end of data", temp paths, "Invalid URL" or ENOENT after the image was written).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runCli } from '../../harness/cli-run.js'
import { exampleLayout, removeTempDirs, tempDir } from '../../harness/local.js'

/** A tar of these entries (ustar headers; `pax` adds a PAX size record before the entry). */
function tarOf(entries: Array<{ name: string; data?: string; dir?: boolean; paxSize?: number }>): Buffer {
  const blocks: Buffer[] = []
  const header = (name: string, size: number, type: string): Buffer => {
    const h = Buffer.alloc(512)
    h.write(name, 0)
    h.write('0000644\0', 100)
    h.write('0000000\0', 108)
    h.write('0000000\0', 116)
    h.write(size.toString(8).padStart(11, '0') + '\0', 124)
    h.write('00000000000\0', 136)
    h.write('        ', 148)
    h.write(type, 156)
    h.write('ustar\0', 257)
    h.write('00', 263)
    let sum = 0
    for (const b of h) sum += b
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148)
    return h
  }
  const padded = (data: Buffer): Buffer =>
    Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)])
  for (const e of entries) {
    if (e.paxSize !== undefined) {
      let record = ` size=${e.paxSize}\n`
      record = `${record.length + String(record.length).length}${record}`
      blocks.push(header('PaxHeader', record.length, 'x'), padded(Buffer.from(record)))
    }
    const data = Buffer.from(e.data ?? '')
    blocks.push(header(e.name, e.dir ? 0 : data.length, e.dir ? '5' : '0'), padded(data))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

describe('errors that name the input and the cause', () => {
  let work: string
  beforeAll(async () => {
    work = await tempDir()
    for (const dest of [`docker-archive:${work}/d.tar:app:1`, `oci-archive:${work}/o.tar:1`]) {
      const run = await runCli([`oci:${exampleLayout}:1.0`, dest, '--platform', 'linux/amd64', '--quiet'])
      expect(run.code).toBe(0)
    }
  })
  afterAll(removeTempDirs)

  it('a truncated oci-archive', async () => {
    const file = path.join(work, 'o-truncated.tar')
    const whole = await readFile(path.join(work, 'o.tar'))
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2) + 100)) // inside an entry
    const run = await runCli([`oci-archive:${file}:1`, `oci:${await tempDir()}/x:1`])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`OCI archive ${file}: the archive is truncated (it ends inside an entry)`)
  })

  it('a truncated docker-archive', async () => {
    const file = path.join(work, 'd-truncated.tar')
    const whole = await readFile(path.join(work, 'd.tar'))
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)))
    const run = await runCli([`docker-archive:${file}`, `oci:${await tempDir()}/x:1`])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`docker archive ${file}: unexpected end of tar archive`)
  })

  it('an oci-archive whose index.json is a directory names the archive, not a temp path', async () => {
    const file = path.join(work, 'o-dir.tar')
    await writeFile(
      file,
      tarOf([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: 'index.json', dir: true }
      ])
    )
    const run = await runCli([`oci-archive:${file}`, `oci:${await tempDir()}/x:1`])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`image-copy: OCI archive ${file}: index.json is a directory, not a file`)
    expect(run.stderr).not.toContain('image-copy-oci-archive-')
  })

  it('a PAX size past the end of a docker-archive names the entry', async () => {
    const file = path.join(work, 'pax.tar')
    await writeFile(
      file,
      tarOf([
        { name: 'layer.tar', data: '0123456789', paxSize: 99_999_999 },
        { name: 'manifest.json', data: '[]' }
      ])
    )
    const run = await runCli([`docker-archive:${file}`, `oci:${await tempDir()}/x:1`])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `docker archive ${file}: unexpected end of tar archive (entry "layer.tar" has a PAX size of 99999999 bytes, past the end of the file)`
    )
  })

  it('a registry port out of range', async () => {
    const run = await runCli(['docker://h:99999/x:1', `oci:${await tempDir()}/x:1`])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('invalid registry host "h:99999" (port 99999 is not between 1 and 65535)')
  })

  it('--digestfile and --cache-dir in places that cannot exist fail before anything is written', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'a-file'), '')
    const cases: Array<[string[], string]> = [
      [
        ['--digestfile', `${dir}/missing/digest`],
        `--digestfile ${dir}/missing/digest: the directory ${dir}/missing does not exist`
      ],
      [
        ['--digestfile', `${dir}/a-file/digest`],
        `--digestfile ${dir}/a-file/digest: ${dir}/a-file is not a directory`
      ],
      [
        ['--cache-dir', `${dir}/a-file/cache`],
        `--cache-dir ${dir}/a-file/cache: ${dir}/a-file is not a directory`
      ],
      [['--cache-dir', `${dir}/a-file`], `--cache-dir ${dir}/a-file: ${dir}/a-file is a file`]
    ]
    for (const [flags, message] of cases) {
      const run = await runCli([`oci:${exampleLayout}:1.0`, `oci:${dir}/out:1`, ...flags])
      expect(run.stderr).toContain(message)
      expect(run.code).toBe(2)
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
    await mkdir(path.join(dir, 'ok'))
    const ok = await runCli([
      `oci:${exampleLayout}:1.0`,
      `oci:${dir}/out:1`,
      '--digestfile',
      `${dir}/ok/d`,
      '--cache-dir',
      `${dir}/new/cache`,
      '--quiet'
    ])
    expect(ok.code).toBe(0)
    expect(await readFile(`${dir}/ok/d`, 'utf8')).toMatch(/^sha256:[a-f0-9]{64}$/)
  })

  it('12 destinations with --quiet print nothing on stderr (no MaxListenersExceededWarning)', async () => {
    const out = await tempDir()
    const dests = Array.from({ length: 12 }, (_, i) => `oci:${out}/d${i}:1.0`)
    const env = { ...process.env }
    delete env.NODE_OPTIONS
    delete env.NODE_NO_WARNINGS
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>(resolve => {
      execFile(
        process.execPath,
        [
          path.join('dist', 'cli', 'index.js'),
          `oci:${exampleLayout}:1.0`,
          ...dests,
          '--all-images',
          '--quiet'
        ],
        { env },
        (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr })
      )
    })
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
