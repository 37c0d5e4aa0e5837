// Runs one command and measures it: wall time (hrtime around spawn → exit), peak RSS and CPU time
// (GNU time's %M %U %S, i.e. wait4 rusage; or VmHWM polling when /usr/bin/time is missing), and the
// bytes the command read and wrote through syscalls — files and sockets alike — (rchar/wchar: the
// kernel adds a reaped child's I/O accounting to its parent's, so /proc/self/io of this process grows
// by exactly what the child and GNU time did while this process waits quietly).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const GNU_TIME = '/usr/bin/time'
export const hasGnuTime = existsSync(GNU_TIME)

function selfIo() {
  const out = {}
  for (const line of readFileSync('/proc/self/io', 'utf8').trim().split('\n')) {
    const [k, v] = line.split(': ')
    out[k] = Number(v)
  }
  return out
}

function statusKiB(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/**
 * @returns {Promise<{code:number, wall:number, rssKiB:number, cpu:number, rchar:number, wchar:number}>}
 * wall and cpu in seconds.
 */
export async function measure(cmd, args, { stdoutFd, stderrFd, env, cwd } = {}) {
  const stdio = ['ignore', stdoutFd ?? 'ignore', stderrFd ?? stdoutFd ?? 'ignore']
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const io0 = selfIo()
  const t0 = process.hrtime.bigint()
  let child
  if (hasGnuTime) {
    child = spawn(GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args], { stdio, env, cwd })
  } else {
    child = spawn(cmd, args, { stdio, env, cwd })
  }
  let hwm = 0
  const poll = hasGnuTime
    ? undefined
    : setInterval(() => (hwm = Math.max(hwm, statusKiB(child.pid, 'VmHWM'))), 20)
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)))
  })
  const wall = Number(process.hrtime.bigint() - t0) / 1e9
  if (poll) clearInterval(poll)
  const io1 = selfIo()
  let rssKiB = hwm
  let cpu = NaN
  if (hasGnuTime) {
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n')
    const [m, u, s] = lines[lines.length - 1].split(' ').map(Number)
    rssKiB = m
    cpu = u + s
    await rm(timeFile, { force: true })
  }
  return { code, wall, rssKiB, cpu, rchar: io1.rchar - io0.rchar, wchar: io1.wchar - io0.wchar }
}
