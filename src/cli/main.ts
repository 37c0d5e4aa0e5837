import { ImageCopyError, errorMessage } from '../errors.js'
import { escapeText } from '../report/escape.js'
import { parseArgs } from './args.js'
import { version } from '../version.js'
import { exitCodes } from './exit-codes.js'
import type { Stdin } from './copy-command.js'

export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  stdin: Stdin,
  signal?: AbortSignal
): Promise<number> {
  // Every line on stderr may carry text from a registry or a manifest: escaped, never raw.
  const err = (line: string): void => void stderr.write(`${escapeText(line)}\n`)
  try {
    const args = parseArgs(argv)
    if (args.values.has('help')) {
      const { helpText } = await import('./help.js')
      stdout.write(helpText)
      return exitCodes.ok
    }
    if (args.values.has('version')) {
      stdout.write(`image-copy ${version}\n`)
      return exitCodes.ok
    }
    // --help and --version load none of the copy's code (its own chunk in the bundle).
    const { runCopy } = await import('./copy-command.js')
    return await runCopy(args, env, stdout, err, stdin, signal)
  } catch (e) {
    err(`image-copy: ${errorMessage(e)}`)
    if (e instanceof ImageCopyError) {
      if (e.hint) err(`  hint: ${e.hint}`)
      if (e.category === 'usage') return exitCodes.usage
      if (e.category === 'not-found') return exitCodes.notFound
    } else if (e instanceof Error && (e as { code?: string }).code === 'not-found') {
      return exitCodes.notFound
    }
    return exitCodes.failure
  }
}
