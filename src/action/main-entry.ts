import { enableCompileCache } from '../compile-cache.js'

enableCompileCache()
const { runMain } = await import('./main.js')

await runMain()
// A cache request left pending after a timeout would keep Node alive.
process.exit()
