import { enableCompileCache } from '../compile-cache.js'
import { cancelOnSignals } from '../signals.js'

enableCompileCache()
const { runMain } = await import('./main.js')

const cancellation = cancelOnSignals()
await runMain(cancellation.signal)
// A cache request left pending after a timeout would keep Node alive.
const cancelled = cancellation.exitCode()
if (cancelled !== undefined) process.exit(cancelled)
process.exit()
