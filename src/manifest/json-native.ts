// The common case of parseJson (go-json.ts) done by the engine's JSON.parse. A document that is valid
// UTF-8 and has no duplicate key, no escaped surrogate and no array-index-like key in an object of
// several keys parses to exactly the values Go's rules give, so JSON.parse may read it. Go's rules
// need a JavaScript loop over every byte, which in a short-lived process costs ~2 ms of CPU for a
// 2 KB manifest, most of it the JIT compiling that loop; JSON.parse costs ~0.1 ms. For any other
// document (and every invalid one) parseNative answers undefined, and go-json.ts's parser reads it.
import { isUtf8 } from 'node:buffer'
import { JsonNumber, JsonObject, type JsonValue } from './json-value.js'

/** Outside strings: every string (skipped whole), every number and every colon (one per object entry). */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d[\d.eE+-]*|:/g
/** Keys an object holds before all others whatever their place in the text (array indices). */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/
/** Go turns an escaped lone surrogate into U+FFFD; JSON.parse keeps it. */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/

/** Thrown while converting when the document is not one JSON.parse may read. */
class NotNative extends Error {}

type GoParse = (input: Uint8Array) => JsonValue

/** The document's values as go-json.ts gives them, or undefined when only go-json.ts may read it. */
export function parseNative(input: Uint8Array, maxDepth: number, goParse: GoParse): JsonValue | undefined {
  if (!isUtf8(input)) return undefined
  const text = Buffer.from(input.buffer, input.byteOffset, input.length).toString('utf8')
  if (text.includes('\\u') && ESCAPED_SURROGATE.test(text)) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    let colons = 0
    const numbers: string[] = []
    TOKENS.lastIndex = 0
    for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
      if (m[0] === ':') colons++
      else if (m[0][0] !== '"') numbers.push(m[0])
    }
    const converted = new Converter(input, numbers, maxDepth, goParse)
    const value = converted.value(parsed, 0, [])
    // Fewer entries than colons: a key was repeated, and JSON.parse kept only its last value.
    return converted.entries === colons && converted.nextNumber === numbers.length ? value : undefined
  } catch {
    // Invalid JSON, a NotNative document, or one nested deeper than this stack: go-json.ts decides.
    return undefined
  }
}

/** JSON.parse's values as go-json.ts's: numbers with their text, objects with lazily found spans. */
class Converter {
  entries = 0
  nextNumber = 0
  #twin: JsonValue | undefined

  constructor(
    readonly input: Uint8Array,
    readonly numbers: string[],
    readonly maxDepth: number,
    readonly goParse: GoParse
  ) {}

  /** `path`: the entry or element index of each enclosing value, from the top, to find its twin. */
  value(v: unknown, depth: number, path: number[]): JsonValue {
    if (depth > this.maxDepth) throw new NotNative()
    if (typeof v === 'number') {
      const text = this.numbers[this.nextNumber++]
      if (text === undefined) throw new NotNative()
      return new JsonNumber(text)
    }
    if (v === null || typeof v !== 'object') return v as string | boolean | null
    if (Array.isArray(v)) return v.map((e, i) => this.value(e, depth + 1, [...path, i]))
    const record = v as Record<string, unknown>
    const keys = Object.keys(record)
    if (keys.length > 1 && keys.some(k => INDEX_KEY.test(k))) throw new NotNative()
    this.entries += keys.length
    const entries = keys.map((k, i): [string, JsonValue] => [
      k,
      this.value(record[k], depth + 1, [...path, i])
    ])
    return new JsonObject(entries, () => this.spansAt(path), this.input)
  }

  /** Byte spans are rarely needed (a time's exact text, a raw map): go-json.ts's parse provides them. */
  spansAt(path: number[]): Array<[number, number]> {
    this.#twin ??= this.goParse(this.input)
    let node = this.#twin
    for (const i of path) node = node instanceof JsonObject ? node.entries[i][1] : (node as JsonValue[])[i]
    return (node as JsonObject).spans
  }
}
