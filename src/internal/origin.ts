/**
 * Which response a failure came from.
 *
 * The adapters fail with the response's first `ClerkError` so that
 * `catchTag` works on the variants directly. Decoded errors are frozen plain
 * data, so the response (status, trace id, the other errors) is kept beside
 * them, in a `WeakMap` keyed by the error value: nothing is added to the
 * value, and the entry goes when the error is collected.
 *
 * The decoder builds fresh error objects for every response, so a key is
 * never shared by two responses.
 *
 * @internal
 */
import type { ClerkError, ClerkErrorResponse } from "../ClerkError.js"

// One map per program, not per copy of this module: a program may load both
// the ESM and the CommonJS build (package.json `exports`), and an error one
// copy failed with must be found by the other's `responseOf`.
const globalKey = Symbol.for("clerk-sign-in-errors/origins")
const origins = ((globalThis as { [globalKey]?: WeakMap<ClerkError, ClerkErrorResponse> })[globalKey] ??= new WeakMap())

/** Records `response` as the origin of each of its errors; returns it. */
export const remember = (response: ClerkErrorResponse): ClerkErrorResponse => {
  for (const error of response.errors) origins.set(error, response)
  return response
}

/** The response an adapter decoded `error` from, `undefined` for an error it did not produce. */
export const responseOf = (error: ClerkError): ClerkErrorResponse | undefined =>
  typeof error === "object" && error !== null ? origins.get(error) : undefined
