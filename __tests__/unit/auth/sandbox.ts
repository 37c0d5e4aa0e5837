// A throwaway home for credential lookups: temp HOME, XDG dirs, a bin dir that is the whole PATH, and
// a real credential helper program (a node script) whose answers a test chooses and whose calls it reads.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const FIXTURES = join(process.cwd(), '__tests__', 'fixtures', 'containers-image', 'auth')

/** What a helper does when asked for one server URL. */
export interface HelperAnswer {
  Username?: string
  Secret?: string
  /** Printed verbatim instead of the JSON answer. */
  stdout?: string
  stderr?: string
  exit?: number
  sleepMs?: number
}

export interface HelperCall {
  program: string
  args: string[]
  stdin: string
}

export interface Sandbox {
  root: string
  home: string
  bin: string
  /** HOME, XDG_RUNTIME_DIR, XDG_CONFIG_HOME and PATH, all inside root. */
  env: NodeJS.ProcessEnv
  runtimeAuth: string
  configAuth: string
  dockerConfig: string
  write(path: string, content: unknown): Promise<string>
  copyFixture(name: string, to: string): Promise<string>
  /** Installs `docker-credential-<name>` answering per server URL (unknown URLs: "credentials not found"). */
  helper(name: string, answers: Record<string, HelperAnswer>): Promise<string>
  calls(): Promise<HelperCall[]>
  cleanup(): Promise<void>
}

const HELPER_SOURCE = `
const fs = require('fs')
const path = require('path')
const program = path.basename(process.argv[1])
const dir = path.dirname(process.argv[1])
let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', d => (input += d))
process.stdin.on('end', () => {
  fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify({ program, args: process.argv.slice(2), stdin: input }) + '\\n')
  const answers = JSON.parse(fs.readFileSync(path.join(dir, program + '.answers.json'), 'utf8'))
  const answer = answers[input.trim()]
  if (!answer) {
    process.stdout.write('credentials not found in native keychain\\n')
    process.exit(1)
  }
  const reply = () => {
    if (answer.stderr) process.stderr.write(answer.stderr)
    if (answer.stdout !== undefined) process.stdout.write(answer.stdout)
    else process.stdout.write(JSON.stringify({ ServerURL: input.trim(), Username: answer.Username, Secret: answer.Secret }))
    process.exitCode = answer.exit || 0
  }
  if (answer.sleepMs) setTimeout(reply, answer.sleepMs)
  else reply()
})
`

export async function makeSandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'image-copy-auth-'))
  const home = join(root, 'home')
  const bin = join(root, 'bin')
  const runtime = join(root, 'run')
  await Promise.all([mkdir(home), mkdir(bin), mkdir(runtime)])
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: join(home, '.config'),
    PATH: bin
  }
  const write = async (path: string, content: unknown): Promise<string> => {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
    return path
  }
  return {
    root,
    home,
    bin,
    env,
    runtimeAuth: join(runtime, 'containers', 'auth.json'),
    configAuth: join(home, '.config', 'containers', 'auth.json'),
    dockerConfig: join(home, '.docker', 'config.json'),
    write,
    copyFixture: async (name, to) => write(to, await readFile(join(FIXTURES, name), 'utf8')),
    helper: async (name, answers) => {
      const program = join(bin, `docker-credential-${name}`)
      await writeFile(program, `#!${process.execPath}\n${HELPER_SOURCE}`)
      await chmod(program, 0o755)
      await writeFile(`${program}.answers.json`, JSON.stringify(answers))
      return program
    },
    calls: async () => {
      const text = await readFile(join(bin, 'calls.jsonl'), 'utf8').catch(() => '')
      return text
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line) as HelperCall)
    },
    cleanup: () => rm(root, { recursive: true, force: true })
  }
}

export function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64')
}
