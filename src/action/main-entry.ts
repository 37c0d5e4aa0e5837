import { runMain } from './main.js'

await runMain()
// A cache request left pending after a timeout would keep Node alive.
process.exit()
