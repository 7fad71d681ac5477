/**
 * The floor for text input: `JSON.parse` alone, in an `Either`, decoding
 * nothing. No decoder of JSON text can be faster than the parse it starts with.
 */
import type { Either } from "./mapping.js"

export const decode = (text: string): Either<string, unknown> => {
  try {
    return { _tag: "Right", right: JSON.parse(text) }
  } catch {
    return { _tag: "Left", left: "response: expected JSON text" }
  }
}
