/**
 * io-ts codecs for Clerk errors, and encoding back to the wire.
 *
 * The codecs are real `t.Type`s, so they embed in a caller's own codecs (a
 * verification whose `error` is `ClerkError | null`, say). They call the
 * same decoder as `decodeClerkError`; nothing is validated twice.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { isClerkError, isClerkErrorResponse, type ClerkError, type ClerkErrorResponse, type JsonObject } from "./ClerkError.js"
import { runDecoder } from "./internal/failure.js"
import { decodeError, decodeResponse } from "./internal/decoder.js"
import { setKey } from "./internal/json.js"

/**
 * One error as Clerk's APIs send it (schema `ClerkError` of Clerk's OpenAPI
 * specs, with `long_message` and `meta` optional as real responses have them).
 *
 * @since 0.1.0
 */
export interface WireClerkError {
  readonly code: string
  readonly message: string
  readonly long_message?: string
  readonly meta?: JsonObject
  readonly [key: string]: unknown
}

/**
 * An error body as Clerk's APIs send it (schema `ClerkErrors`).
 *
 * @since 0.1.0
 */
export interface WireErrorResponse {
  readonly errors: ReadonlyArray<WireClerkError>
  readonly meta?: JsonObject
  readonly clerk_trace_id?: string
  readonly [key: string]: unknown
}

const copyExtra = (target: Record<string, unknown>, extra: JsonObject | undefined): void => {
  if (extra === undefined) return
  for (const key of Object.keys(extra)) setKey(target, key, extra[key])
}

/**
 * Encodes an error back to the wire's snake_case JSON: what was decoded
 * from the wire comes back as it was.
 *
 * @since 0.1.0
 */
export const encodeClerkError = (error: ClerkError): WireClerkError => {
  const out: Record<string, unknown> = { code: error.code, message: error.shortMessage }
  if (error.longMessage !== undefined) out.long_message = error.longMessage
  if (error.meta !== undefined) out.meta = error.meta
  copyExtra(out, error.extra)
  return out as WireClerkError
}

/**
 * Encodes an error response back to the wire's envelope. `status` and
 * `retryAfter` are HTTP facts, not part of the body, and are left out.
 *
 * @since 0.1.0
 */
export const encodeErrorResponse = (response: ClerkErrorResponse): WireErrorResponse => {
  const out: Record<string, unknown> = { errors: response.errors.map(encodeClerkError) }
  if (response.meta !== undefined) out.meta = response.meta
  if (response.traceId !== undefined) out.clerk_trace_id = response.traceId
  copyExtra(out, response.extra)
  return out as WireErrorResponse
}

/**
 * The io-ts codec of one Clerk error: decodes a wire error or an SDK
 * `ClerkAPIError`, encodes to the wire.
 *
 * @example
 * import * as t from "io-ts"
 * import { ClerkErrorCodec } from "clerk-sign-in-errors"
 *
 * const Verification = t.type({ status: t.string, error: t.union([ClerkErrorCodec, t.null]) })
 *
 * @since 0.1.0
 */
export const ClerkErrorCodec: t.Type<ClerkError, WireClerkError, unknown> = new t.Type<
  ClerkError,
  WireClerkError,
  unknown
>(
  "ClerkError",
  isClerkError,
  (u, context) => {
    const result = runDecoder(() => decodeError(u, -1, false), "error", context)
    return result._tag === "Right" ? result : t.failures(result.left.errors)
  },
  encodeClerkError,
)

/**
 * The io-ts codec of a Clerk error body (the wire envelope, or an SDK
 * `ClerkAPIResponseError`), encoding to the wire envelope.
 *
 * @since 0.1.0
 */
export const ClerkErrorResponseCodec: t.Type<ClerkErrorResponse, WireErrorResponse, unknown> = new t.Type<
  ClerkErrorResponse,
  WireErrorResponse,
  unknown
>(
  "ClerkErrorResponse",
  isClerkErrorResponse,
  (u, context) => {
    const result = runDecoder(() => decodeResponse(u), "response", context)
    return result._tag === "Right" ? result : t.failures(result.left.errors)
  },
  encodeErrorResponse,
)
