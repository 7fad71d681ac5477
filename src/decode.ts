/**
 * Decoding Clerk errors from unknown input into `Either<DecodeFailure, _>`.
 *
 * Accepted shapes (spec sections 3 and 4): the wire envelope
 * `{ errors, meta?, clerk_trace_id? }`; a single wire error, as embedded in a
 * verification's `error`; and what Clerk's SDKs throw, a
 * `ClerkAPIResponseError` instance or its JSON (camelCase errors). None of
 * these functions throws, whatever it is given.
 *
 * @since 0.1.0
 */
import type { Either } from "fp-ts/lib/Either.js"
import type * as t from "io-ts"
import type { ClerkError, ClerkErrorResponse } from "./ClerkError.js"
import { decodeError, decodeResponse } from "./internal/decoder.js"
import { failureOf, runDecoder } from "./internal/failure.js"
import { describe, Issue } from "./internal/json.js"

/**
 * Why an input is not a Clerk error (response).
 *
 * @since 0.1.0
 */
export interface DecodeFailure {
  readonly _tag: "DecodeFailure"
  /** One readable line: where, what was expected, what was found (`errors[0].code: expected string, got 42`). */
  readonly message: string
  /** The same, as io-ts validation errors, for programs (`PathReporter` reads them). */
  readonly errors: t.Errors
}

/**
 * Whether `u` is a `DecodeFailure`.
 *
 * @since 0.1.0
 */
export const isDecodeFailure = (u: unknown): u is DecodeFailure =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "DecodeFailure"

const noContext: t.Context = []

/**
 * The decoder's answer as an `Either`. The entry points below call the
 * decoder directly rather than through `runDecoder(() => ...)`: the closure
 * and its context cost about 170 bytes per call, a third of a decode's
 * allocations (docs/performance.md). Only a throw (a hostile getter, a revoked
 * `Proxy`) goes through `runDecoder`, which turns it into a failure.
 */
const toEither = <A>(result: A | Issue, root: string): Either<DecodeFailure, A> =>
  result instanceof Issue ? { _tag: "Left", left: failureOf(result, root, noContext) } : { _tag: "Right", right: result }

const fromThrow = <A>(cause: unknown, root: string): Either<DecodeFailure, A> =>
  runDecoder<A>(() => {
    throw cause
  }, root, noContext)

/**
 * Decodes one Clerk error: a wire error (snake_case, as embedded in a
 * verification's `error`) or an SDK `ClerkAPIError` (camelCase).
 *
 * @example
 * import { decodeClerkError } from "clerk-sign-in-errors"
 *
 * const result = decodeClerkError({ code: "session_exists", message: "Session already exists" })
 * // result is Right({ _tag: "SingleModeSessionExists", ... })
 *
 * @since 0.1.0
 */
export const decodeClerkError = (u: unknown): Either<DecodeFailure, ClerkError> => {
  let result: ClerkError | Issue
  try {
    result = decodeError(u, -1, false)
  } catch (cause) {
    return fromThrow(cause, "error")
  }
  return toEither(result, "error")
}

/**
 * Decodes a Clerk error body: the wire envelope, or an SDK
 * `ClerkAPIResponseError` (instance or JSON). Unknown codes decode as
 * `UnknownClerkError`.
 *
 * @example
 * import { decodeErrorResponse } from "clerk-sign-in-errors"
 *
 * const result = decodeErrorResponse({
 *   errors: [{ code: "identifier_already_signed_in", message: "You're already signed in", meta: { session_id: "sess_1" } }],
 * })
 * // result is Right({ errors: [{ _tag: "AlreadySignedIn", sessionId: "sess_1", ... }], ... })
 *
 * @since 0.1.0
 */
export const decodeErrorResponse = (u: unknown): Either<DecodeFailure, ClerkErrorResponse> => {
  let result: ClerkErrorResponse | Issue
  try {
    result = decodeResponse(u)
  } catch (cause) {
    return fromThrow(cause, "response")
  }
  return toEither(result, "response")
}

/**
 * Decodes a Clerk error body from JSON text; a syntax error is a
 * `DecodeFailure` too.
 *
 * @since 0.1.0
 */
export const decodeErrorResponseJson = (text: string): Either<DecodeFailure, ClerkErrorResponse> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : "invalid JSON"
    const excerpt = describe(typeof text === "string" ? text : undefined)
    return {
      _tag: "Left",
      left: failureOf(new Issue([], "JSON text", text, `${excerpt} (${reason.slice(0, 80)})`), "response", noContext),
    }
  }
  return decodeErrorResponse(parsed)
}
