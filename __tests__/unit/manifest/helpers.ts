import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

export const fixturesDir = path.join(process.cwd(), '__tests__', 'fixtures', 'containers-image', 'manifest')
export const localFixturesDir = path.join(process.cwd(), '__tests__', 'unit', 'manifest', 'fixtures')

export function fixture(name: string): Buffer {
  return readFileSync(path.join(fixturesDir, name))
}

export function localFixture(name: string): Buffer {
  return readFileSync(path.join(localFixturesDir, name))
}

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir).sort()
}

/** Runs fn and returns the error it throws (failing the test when it does not throw). */
export function thrown(fn: () => unknown): Error & { kind?: string } {
  try {
    fn()
  } catch (e) {
    return e as Error & { kind?: string }
  }
  throw new Error('expected an error')
}
