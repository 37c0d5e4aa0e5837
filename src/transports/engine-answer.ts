// What the Docker Engine API and podman's libpod API (same style, over a socket) have in common:
// short answers read with a cap, and error answers carrying a JSON `message`.
import type { Dispatcher } from 'undici'
import { MAX_ENGINE_ANSWER_BYTES, readAtMost, ReadLimitError } from '../limits.js'

/**
 * A short answer as text, capped (an endless answer fails instead of filling memory): over the cap
 * with `tooLarge(message)`, any other read failure with `talkError(e)`.
 */
export async function readEngineAnswer(
  response: Dispatcher.ResponseData,
  what: string,
  tooLarge: (message: string) => Error,
  talkError: (e: unknown) => Error
): Promise<string> {
  try {
    return (await readAtMost(response.body, MAX_ENGINE_ANSWER_BYTES, what)).toString('utf8')
  } catch (e) {
    if (e instanceof ReadLimitError) throw tooLarge(e.message)
    throw talkError(e)
  }
}

/** An error answer's JSON `message` (else its text), cut to 500 characters. */
export function engineErrorMessage(text: string): string {
  let message = text.trim()
  try {
    const parsed = JSON.parse(text) as { message?: unknown }
    if (typeof parsed.message === 'string') message = parsed.message
  } catch {
    // not JSON: the text as it is
  }
  return message.length > 500 ? `${message.slice(0, 500)}…` : message
}
