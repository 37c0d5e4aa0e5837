// Go's time.Time JSON round trip: UnmarshalJSON accepts strict RFC 3339 (without JSON unescaping),
// MarshalJSON writes RFC3339Nano of the parsed value. The wall clock and offset are kept, so the only
// visible changes are: trailing zeros of the fraction dropped (and more than 9 digits cut), "+00:00" → "Z".
import { ManifestError } from './errors.js'
import { typeError, type Decoder } from './go-json.js'

export const GO_ZERO_TIME = '0001-01-01T00:00:00Z'

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

/** Parses what Go's Time.UnmarshalJSON accepts (the text between the quotes) and returns RFC3339Nano. */
export function goTimeCanonical(text: string): string | undefined {
  const s = text
  if (s.length < 19) return undefined
  let ok = true
  const num = (from: number, to: number, min: number, max: number): number => {
    const part = s.slice(from, to)
    if (!/^\d+$/.test(part)) {
      ok = false
      return min
    }
    const x = Number(part)
    if (x < min || x > max) {
      ok = false
      return min
    }
    return x
  }
  const year = num(0, 4, 0, 9999)
  const month = num(5, 7, 1, 12)
  const day = num(8, 10, 1, daysIn(month, year))
  const hour = num(11, 13, 0, 23)
  const minute = num(14, 16, 0, 59)
  const second = num(17, 19, 0, 59)
  if (!ok || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return undefined
  let rest = s.slice(19)
  let fraction = ''
  if (rest.length >= 2 && rest[0] === '.' && /\d/.test(rest[1])) {
    let n = 1
    while (n < rest.length && /\d/.test(rest[n])) n++
    fraction = rest.slice(1, Math.min(n, 10)).padEnd(9, '0').replace(/0+$/, '')
    rest = rest.slice(n)
  }
  let zone: string
  if (rest === 'Z') {
    zone = 'Z'
  } else {
    if (rest.length !== 6) return undefined
    if ((rest[0] !== '+' && rest[0] !== '-') || rest[3] !== ':') return undefined
    if (!/^\d\d$/.test(rest.slice(1, 3)) || !/^\d\d$/.test(rest.slice(4, 6))) return undefined
    const h = Number(rest.slice(1, 3))
    const m = Number(rest.slice(4, 6))
    if (h > 23 || m > 59) return undefined
    zone = h === 0 && m === 0 ? 'Z' : rest
  }
  const pad = (v: number, n: number): string => String(v).padStart(n, '0')
  return (
    `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}` +
    (fraction ? '.' + fraction : '') +
    zone
  )
}

/** A time.Time field: the value is kept as the RFC3339Nano text Go would write back. */
export const goTime: Decoder<string> = (cur, v, path, raw) => {
  if (v === null) return cur
  if (typeof v !== 'string') throw typeError(path, v, 'a time string')
  const bytes = raw()
  const text = Buffer.from(bytes.subarray(1, bytes.length - 1)).toString('latin1')
  const canonical = goTimeCanonical(text)
  if (canonical === undefined) {
    throw new ManifestError(
      'invalid-field',
      `field ${JSON.stringify(path)}: ${JSON.stringify(v)} is not an RFC 3339 time`
    )
  }
  return canonical
}

/** A *time.Time field. */
export const goTimePointer: Decoder<string | undefined> = (cur, v, path, raw) =>
  v === null ? undefined : goTime(cur ?? GO_ZERO_TIME, v, path, raw)
