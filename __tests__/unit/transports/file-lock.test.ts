// The lock between processes around index.json: stale locks of dead owners are broken, a live
// owner is waited for, and the wait ends with an error naming the lock.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { LockTimeoutError, processStartTime, withFileLock } from '../../../src/transports/local/file-lock.js'
import { tempDir } from './helpers.js'

let root: string
beforeAll(async () => {
  root = await tempDir('file-lock')
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', () => resolve(child.pid!))
  })
}

describe('withFileLock', () => {
  it('holds <file>.lock with its pid and start time while the function runs, and removes it after', async () => {
    const file = path.join(root, 'a.json')
    const seen = await withFileLock(file, async () => JSON.parse(await fs.readFile(`${file}.lock`, 'utf8')))
    expect(seen).toEqual({ pid: process.pid, start: processStartTime(process.pid) })
    expect(seen.start).toMatch(/^\d+$/)
    await expect(fs.access(`${file}.lock`)).rejects.toThrow()
  })

  it('breaks the lock of a dead process', async () => {
    const file = path.join(root, 'b.json')
    await fs.writeFile(`${file}.lock`, JSON.stringify({ pid: await deadPid(), start: '1' }))
    expect(await withFileLock(file, async () => 'ran', 5000)).toBe('ran')
    expect(await fs.readdir(root)).not.toContain('b.json.lock')
  })

  it('breaks the lock of a live pid that started at another time (a reused pid)', async () => {
    const file = path.join(root, 'c.json')
    const start = String(Number(processStartTime(process.pid)) - 1)
    await fs.writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, start }))
    expect(await withFileLock(file, async () => 'ran', 5000)).toBe('ran')
  })

  it('waits for a live owner, then gives up with an error naming the lock', async () => {
    const file = path.join(root, 'd.json')
    const owner = JSON.stringify({ pid: process.pid, start: processStartTime(process.pid) })
    await fs.writeFile(`${file}.lock`, owner)
    let ran = false
    const attempt = withFileLock(
      file,
      async () => {
        ran = true
      },
      300
    )
    await expect(attempt).rejects.toThrow(LockTimeoutError)
    await expect(attempt).rejects.toThrow(`${file}.lock (held by ${owner})`)
    expect(ran).toBe(false)
    expect(await fs.readFile(`${file}.lock`, 'utf8')).toBe(owner)
  })

  it('serializes callers: one runs at a time, each sees what the previous wrote', async () => {
    const file = path.join(root, 'e.json')
    await fs.writeFile(file, '0')
    let inside = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(file, async () => {
          most = Math.max(most, ++inside)
          const n = Number(await fs.readFile(file, 'utf8'))
          await new Promise(resolve => setImmediate(resolve))
          await fs.writeFile(file, String(n + 1))
          inside--
        })
      )
    )
    expect(most).toBe(1)
    expect(await fs.readFile(file, 'utf8')).toBe('8')
  })
})
