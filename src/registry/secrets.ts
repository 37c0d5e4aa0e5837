// Reports each secret value once, before anything could print it.

export class SecretReporter {
  private readonly seen = new Set<string>()

  constructor(private readonly sink: ((value: string) => void) | undefined) {}

  report(value: string | undefined): void {
    if (value === undefined || value === '' || this.seen.has(value)) return
    this.seen.add(value)
    this.sink?.(value)
  }
}
