import { enableCompileCache } from '../compile-cache.js'
import { stopYoungGenerationGrowth } from '../memory.js'

enableCompileCache()
const { runPost } = await import('./post.js')
stopYoungGenerationGrowth()

await runPost()
// A cache request left pending after a timeout would keep Node alive.
process.exit(0)
