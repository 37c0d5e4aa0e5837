import { enableCompileCache } from '../compile-cache.js'

enableCompileCache()
const { runPost } = await import('./post.js')

await runPost()
// A cache request left pending after a timeout would keep Node alive.
process.exit(0)
