// Helpers for tests of local transports: temp dirs, running skopeo, reading OCI layouts.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const repoRoot = process.cwd()
export const exampleLayout = path.join(repoRoot, 'example', 'multiarch')
export const fixtures = path.join(repoRoot, '__tests__', 'fixtures', 'containers-image')

const made: string[] = []

export async function tempDir(prefix = 'image-copy-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map(d => rm(d, { recursive: true, force: true })))
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** Runs skopeo with a policy that accepts anything (no /etc/containers/policy.json needed). */
export async function skopeo(skopeoPath: string, args: string[], policyDir: string): Promise<string> {
  const policy = path.join(policyDir, 'policy.json')
  const { writeFile } = await import('node:fs/promises')
  await writeFile(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }))
  try {
    const { stdout } = await run(skopeoPath, ['--policy', policy, ...args], { maxBuffer: 64 << 20 })
    return stdout
  } catch (e) {
    const err = e as { stderr?: string; message: string }
    throw new Error(`skopeo ${args.join(' ')} failed: ${err.stderr ?? err.message}`, { cause: e })
  }
}

export async function readIndexJson(layout: string): Promise<{
  manifests: Array<{ digest: string; mediaType: string; annotations?: Record<string, string> }>
}> {
  return JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8'))
}

/** The digest of the index.json entry carrying this ref name. */
export async function ociRefDigest(layout: string, ref: string): Promise<string | undefined> {
  const index = await readIndexJson(layout)
  return index.manifests.find(m => m.annotations?.['org.opencontainers.image.ref.name'] === ref)?.digest
}
