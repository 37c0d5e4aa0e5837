// Runs the CLI's entry function in this process, capturing what it prints (the bundle is run as a
// child where a test needs the process itself: exit codes, memory).
import { PassThrough } from 'node:stream'
import { run } from '../../src/cli/main.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (c: Buffer) => out.push(c))
  stderr.on('data', (c: Buffer) => err.push(c))
  const code = await run(args, env, stdout, stderr, new PassThrough())
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }
}
