// Text that registries, manifests, archives or users control is printed only through these: a CR or
// LF in it would start a new log line (which the runner reads as a `::command::`), and ESC/OSC
// sequences would reach terminals. Controls become visible escapes (`\n`, `\x1b`), so nothing is lost.

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** One line of text: every control character shown as an escape (backslashes are left as they are). */
export function escapeText(text: string): string {
  return text.replace(unsafe, c => named[c] ?? escapeCode(c.charCodeAt(0)))
}

function escapeCode(code: number): string {
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

const html: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '|': '&#124;'
}

/** For the job summary (HTML and markdown tables): escaped as text, then as HTML, with backticks and pipes. */
export function escapeHtml(text: string): string {
  return escapeText(text).replace(/[&<>"'`|]/g, c => html[c])
}
