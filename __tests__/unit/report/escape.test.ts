import { describe, expect, it } from '@jest/globals'
import { escapeHtml, escapeText } from '../../../src/report/escape.js'
import { table } from '../../../src/report/format.js'

describe('escapeText', () => {
  it('shows line breaks, C0/C1 controls, DEL and line separators as escapes', () => {
    expect(escapeText('a\nb\r\tc')).toBe('a\\nb\\r\\tc')
    expect(escapeText('\u001b]0;x\u0007\u007f\u0085\u009b')).toBe('\\x1b]0;x\\x07\\x7f\\x85\\x9b')
    expect(escapeText('a\u2028b\u2029')).toBe('a\\u2028b\\u2029')
    expect(escapeText('linux/arm64/v8 ünïcode ✓')).toBe('linux/arm64/v8 ünïcode ✓')
  })

  it('leaves no way to start a line', () => {
    const out = escapeText('x\n::set-output name=digest::sha256:0000\r\n::error::pwned')
    expect(out.split(/[\n\r\u2028\u2029]/)).toHaveLength(1)
  })

  it('escapes table cells', () => {
    expect(table([['A'], ['v8\n::error::x']])).toBe('A\nv8\\n::error::x')
  })
})

describe('escapeHtml', () => {
  it('escapes markup, quotes, backticks and pipes after the controls', () => {
    expect(escapeHtml('<img src="x" onerror=\'y\'>&`|\n')).toBe(
      '&lt;img src=&quot;x&quot; onerror=&#39;y&#39;&gt;&amp;&#96;&#124;\\n'
    )
  })
})
