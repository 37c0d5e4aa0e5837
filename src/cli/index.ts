#!/usr/bin/env node
import { enableCompileCache } from '../compile-cache.js'
import { cancelOnSignals } from '../signals.js'

enableCompileCache()
const { run } = await import('./main.js')

const cancellation = cancelOnSignals()
const code = await run(
  process.argv.slice(2),
  process.env,
  process.stdout,
  process.stderr,
  () => process.stdin,
  cancellation.signal
)
cancellation.dispose()
// Cancelled: everything was rolled back; a read still blocked (a stalled pipe) must not hold the exit.
const cancelled = cancellation.exitCode()
if (cancelled !== undefined) process.exit(cancelled)
process.exitCode = code
