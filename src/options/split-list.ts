// Its own module so that the CLI's flag parser (cli/args.ts) can use it without the request's imports.
/** Splits a list input: one item per line or comma-separated; blank items dropped. */
export function splitList(raw: string | undefined): string[] {
  if (!raw) return []
  return raw
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(s => s !== '')
}
