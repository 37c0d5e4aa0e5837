// The values a JSON document parses to (go-json.ts): numbers keep their text, objects keep every
// entry in document order, duplicates included, and where in the document each value was.

export class JsonNumber {
  constructor(readonly text: string) {}
}

type Spans = Array<[number, number]>

/** A parsed JSON object: entries in document order (duplicates kept), with the byte span of each value. */
export class JsonObject {
  #spans: Spans | (() => Spans)

  /** `spans` may be a function, called once when a span is first asked for (json-native.ts). */
  constructor(
    readonly entries: Array<[string, JsonValue]>,
    spans: Spans | (() => Spans),
    readonly source: Uint8Array
  ) {
    this.#spans = spans
  }

  get spans(): Spans {
    if (typeof this.#spans === 'function') this.#spans = this.#spans()
    return this.#spans
  }

  rawValue(i: number): Uint8Array {
    const [start, end] = this.spans[i]
    return this.source.subarray(start, end)
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject
