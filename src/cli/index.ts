#!/usr/bin/env node
import { enableCompileCache } from '../compile-cache.js'

enableCompileCache()
const { run } = await import('./main.js')

process.exitCode = await run(
  process.argv.slice(2),
  process.env,
  process.stdout,
  process.stderr,
  process.stdin
)
