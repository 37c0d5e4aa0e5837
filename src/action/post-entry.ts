import { enableCompileCache } from '../compile-cache.js'
import { applyMemorySettings } from '../memory.js'

applyMemorySettings()
enableCompileCache()
const { runPost } = await import('./post.js')

await runPost()
// A cache request left pending after a timeout would keep Node alive.
process.exit(0)
