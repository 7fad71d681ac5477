/** Unwrapping decoder results in tests: a wrong side fails the test with what it held. */
import * as E from "fp-ts/lib/Either.js"
import type { DecodeFailure } from "../../src/index.js"

/** The `Right` of a result, or a failed test naming the `DecodeFailure`. */
export const right = <A>(result: E.Either<DecodeFailure, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected Right, got Left: ${result.left.message}`)
  return result.right
}

/** The `DecodeFailure` of a result, or a failed test showing the value. */
export const left = <A>(result: E.Either<DecodeFailure, A>): DecodeFailure => {
  if (E.isRight(result)) throw new Error(`expected Left, got Right: ${JSON.stringify(result.right)}`)
  return result.left
}
