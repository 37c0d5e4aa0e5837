// A jest reporter that ends the run with two plain lines: every skipped test grouped by suite with
// the reason its title gives (tests that skip write "(skipped: why)" into a describe or test title),
// then "N passed, N failed, N skipped" (after jest's own summary). A skip can then never go unnoticed.
import path from 'node:path'

const reasonPattern = /\(skipped: ([^)]*)\)/

function reasonOf(assertion) {
  for (const title of [...assertion.ancestorTitles, assertion.title]) {
    const match = reasonPattern.exec(title)
    if (match) return match[1]
  }
  return 'no reason in its title'
}

export default class SkipReporter {
  onRunComplete(_contexts, results) {
    const skipped = new Map()
    for (const suite of results.testResults) {
      const file = path.relative(process.cwd(), suite.testFilePath)
      for (const assertion of suite.testResults) {
        if (assertion.status !== 'pending' && assertion.status !== 'todo') continue
        const key = `${file} (${reasonOf(assertion)})`
        skipped.set(key, (skipped.get(key) ?? 0) + 1)
      }
    }
    const list = [...skipped].map(([key, n]) => `${key}: ${n} test${n === 1 ? '' : 's'}`)
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results
    const lines = [
      `skipped suites: ${list.length === 0 ? 'none' : list.join('; ')}`,
      `${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`
    ]
    // Jest prints its own summary after every reporter's onRunComplete: these lines go after it.
    process.once('exit', () => process.stderr.write(`\n${lines.join('\n')}\n`))
  }
}
