// Byte sizes as users write them (`cache-max-size: 2GiB`) and as logs print them.
import { UsageError } from '../errors.js'

const units: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
}

const sizePattern = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i

/**
 * Parses a size: a number of bytes (`1073741824`), or a number with a unit, SI (`500MB`: powers of
 * 1000) or IEC (`2GiB`: powers of 1024); units are case-insensitive, a space before the unit is
 * allowed. Fractions round down to whole bytes. Throws a UsageError naming `label` (the input) for
 * anything else, and for zero.
 */
export function parseSize(text: string, label = 'cache-max-size'): number {
  const trimmed = text.trim()
  const match = sizePattern.exec(trimmed)
  const hint =
    'give a number of bytes, or a number with a unit: KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 2GiB'
  if (!match) throw new UsageError(`${label}: "${text}" is not a size`, hint)
  const multiplier = units[match[2].toLowerCase()]
  if (multiplier === undefined) {
    throw new UsageError(`${label}: "${text}" has an unknown unit "${match[2]}"`, hint)
  }
  const bytes = Math.floor(Number(match[1]) * multiplier)
  if (!Number.isSafeInteger(bytes)) throw new UsageError(`${label}: "${text}" is too large`, hint)
  if (bytes <= 0) throw new UsageError(`${label}: "${text}" must be more than zero bytes`, hint)
  return bytes
}

export { formatBytes } from '../bytes.js'
