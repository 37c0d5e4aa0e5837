// Sizes as people read them in logs, summaries and messages; shared by every layer.

/** `1536` → `1.5 KiB`; whole bytes below 1 KiB. */
export function formatBytes(bytes: number): string {
  const names = ['KiB', 'MiB', 'GiB', 'TiB']
  if (bytes < 1024) return `${bytes} B`
  let value = bytes
  let unit = 'B'
  for (const name of names) {
    if (value < 1024) break
    value /= 1024
    unit = name
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`
}
