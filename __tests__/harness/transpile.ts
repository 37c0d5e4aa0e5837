// Source modules for a plain `node` child process: the module and every module it imports relatively,
// transpiled (types stripped, nothing bundled) into `outDir` with src/'s layout. For tests where two
// real processes must run one of our modules at once.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import ts from 'typescript'

const srcRoot = path.join(process.cwd(), 'src')

/** Transpiles `src/<module>.ts` and its relative imports; returns the path of its `.js` in outDir. */
export async function transpileForChild(module: string, outDir: string): Promise<string> {
  const done = new Set<string>()
  const pending = [path.join(srcRoot, `${module}.ts`)]
  while (pending.length > 0) {
    const file = pending.pop()!
    if (done.has(file)) continue
    done.add(file)
    const source = await readFile(file, 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    })
    const out = path.join(outDir, path.relative(srcRoot, file).replace(/\.ts$/, '.js'))
    await mkdir(path.dirname(out), { recursive: true })
    await writeFile(out, outputText)
    for (const m of outputText.matchAll(/(?:from|import)\s*'(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(path.resolve(path.dirname(file), `${m[1]}.ts`))
    }
  }
  await writeFile(path.join(outDir, 'package.json'), '{"type":"module"}\n')
  return path.join(outDir, `${module}.js`)
}
