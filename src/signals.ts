// SIGINT and SIGTERM (Ctrl-C, a cancelled workflow) cancel a copy instead of killing it: the first
// aborts the copy, whose destinations then roll back and remove their temp files, and the process
// exits with the conventional code (128 + the signal's number); a second signal exits at once.
import { ImageCopyError } from './errors.js'

const CODES = { SIGINT: 130, SIGTERM: 143 } as const
type HandledSignal = keyof typeof CODES

export class CancelledError extends ImageCopyError {
  constructor(readonly signal: HandledSignal) {
    super(`cancelled by ${signal}; what this copy wrote was rolled back`)
    this.name = 'CancelledError'
  }
}

export interface SignalCancellation {
  signal: AbortSignal
  /** 130 or 143 once a signal arrived; undefined otherwise. */
  exitCode(): number | undefined
  dispose(): void
}

/** Installs the handlers; `onFirst` is told which signal arrived (to log it). */
export function cancelOnSignals(onFirst?: (signal: HandledSignal) => void): SignalCancellation {
  const controller = new AbortController()
  let received: HandledSignal | undefined
  const handlers = (Object.keys(CODES) as HandledSignal[]).map(name => {
    const handler = (): void => {
      if (received !== undefined) process.exit(CODES[name])
      received = name
      onFirst?.(name)
      controller.abort(new CancelledError(name))
    }
    process.on(name, handler)
    return () => process.off(name, handler)
  })
  return {
    signal: controller.signal,
    exitCode: () => (received === undefined ? undefined : CODES[received]),
    dispose: () => handlers.forEach(off => off())
  }
}
