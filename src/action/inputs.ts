import * as core from '@actions/core'
import type { OptionReader } from '../options/request.js'
import { splitList } from '../options/split-list.js'

/** Reads the Action's inputs; `dest` is one destination per line, other lists also split on commas. */
export function actionInputs(): OptionReader {
  return {
    label: name => `input "${name}"`,
    setting: (name, value) => `${name}: ${value}`,
    get: name => core.getInput(name),
    getList: name =>
      name === 'dest'
        ? core
            .getInput(name)
            .split('\n')
            .map(s => s.trim())
            .filter(s => s !== '')
        : splitList(core.getInput(name))
  }
}
