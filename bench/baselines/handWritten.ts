/**
 * The hand-written baseline: a guard plus a `switch` on the code, the
 * practical speed limit for decoding Clerk's wire envelope. Not exported from
 * src, and deliberately independent of it (no import from src/, so it shares
 * no code, and so no inline caches, with the decoder it is measured against).
 *
 * It keeps the library's guarantees, so that the comparison is fair:
 * - the same values: `{ _tag, code, shortMessage, longMessage, meta, extra,
 *   ...params }` per error and `{ errors, traceId, status, retryAfter, meta,
 *   extra }` per body, frozen, params read from the same places;
 * - lossless: keys it does not model go to `extra`;
 * - copied: `meta` and `extra` are deep copies (JSON data only), so the value
 *   shares no mutable state with the input;
 * - never throws: anything thrown while reading (a hostile getter) is a Left;
 * - wrapped in an fp-ts style `Either`.
 *
 * It reads the wire's snake_case shape only (not the SDK's camelCase one),
 * which is all the bench feeds it. It writes the twelve out by hand, which
 * src/ must never do: that is what makes it a baseline. The agreement check
 * (bench/agreement.ts, run by test/benchAgreement.test.ts) fails when it
 * drifts from the catalog.
 */

export type Either<E, A> = { readonly _tag: "Left"; readonly left: E } | { readonly _tag: "Right"; readonly right: A }

type Json = Readonly<Record<string, unknown>>

/** A decoded error, as the library builds it. */
export interface BaselineError {
  readonly _tag: string
  readonly code: string
  readonly shortMessage: string
  readonly longMessage: string | undefined
  readonly meta: Json | undefined
  readonly extra: Json | undefined
  readonly [param: string]: unknown
}

export interface BaselineResponse {
  readonly errors: ReadonlyArray<BaselineError>
  readonly traceId: string | undefined
  readonly status: number | undefined
  readonly retryAfter: number | undefined
  readonly meta: Json | undefined
  readonly extra: Json | undefined
}

/** Returned by the helpers below instead of a value: one identity check, no wrapper per result. */
const INVALID: unique symbol = Symbol("invalid")
type Invalid = typeof INVALID

const left = (message: string): Either<string, never> => ({ _tag: "Left", left: message })

const toString = Object.prototype.toString

const setKey = (target: Record<string, unknown>, key: string, value: unknown): void => {
  // A plain assignment of `__proto__` would change the copy's prototype.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

/** Deep copy of JSON data, frozen; `INVALID` for anything else (a cycle overflows the stack, which the caller catches). */
const copyValue = (value: unknown): unknown => {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value
    case "object":
      if (value === null) return null
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length)
        for (let i = 0; i < value.length; i++) {
          const item = value[i]
          const copy = item === undefined ? null : copyValue(item)
          if (copy === INVALID) return INVALID
          out[i] = copy
        }
        return Object.freeze(out)
      }
      return toString.call(value) === "[object Object]" ? copyObject(value as Json) : INVALID
    default:
      return INVALID
  }
}

const copyObject = (source: Json): Json | Invalid => {
  const out: Record<string, unknown> = {}
  const keys = Object.keys(source)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const value = source[key]
    if (value === undefined) continue
    const copy = copyValue(value)
    if (copy === INVALID) return INVALID
    setKey(out, key, copy)
  }
  return Object.freeze(out)
}

const isRecord = (u: unknown): u is Json =>
  typeof u === "object" && u !== null && !Array.isArray(u) && toString.call(u) === "[object Object]"

/** Keys of a wire error other than the four it models, copied; `undefined` when there are none. */
const errorExtra = (o: Json): Json | undefined | Invalid => {
  let rest: Record<string, unknown> | undefined
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    switch (key) {
      case "code":
      case "message":
      case "long_message":
      case "meta":
        continue
    }
    const value = o[key]
    if (value === undefined) continue
    const copy = copyValue(value)
    if (copy === INVALID) return INVALID
    setKey((rest ??= {}), key, copy)
  }
  return rest === undefined ? undefined : Object.freeze(rest)
}

const envelopeExtra = (o: Json): Json | undefined | Invalid => {
  let rest: Record<string, unknown> | undefined
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    switch (key) {
      case "errors":
      case "meta":
      case "clerk_trace_id":
        continue
    }
    const value = o[key]
    if (value === undefined) continue
    const copy = copyValue(value)
    if (copy === INVALID) return INVALID
    setKey((rest ??= {}), key, copy)
  }
  return rest === undefined ? undefined : Object.freeze(rest)
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

/** A parameter's text: trimmed, one pair of wrapping backticks or quotes removed, `undefined` when empty. */
const cleanValue = (raw: string): string | undefined => {
  let value = raw.trim()
  if (value.length >= 2) {
    const first = value.charCodeAt(0)
    if ((first === 96 || first === 34 || first === 39) && value.charCodeAt(value.length - 1) === first) value = value.slice(1, -1).trim()
  }
  return value.length === 0 ? undefined : value
}

/** Whether `text` starts with `prefix`, exactly or ignoring case (wording drifts in case). */
const startsWithLoose = (text: string, prefix: string): boolean =>
  text.startsWith(prefix) || (text.length >= prefix.length && text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase())

/** The end of `text` with trailing white space and, if present, `tail` removed. */
const endBefore = (text: string, from: number, tail: string): number => {
  let end = text.length
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--
  if (tail.length > 0 && end - tail.length >= from && text.startsWith(tail, end - tail.length)) end -= tail.length
  return end
}

const SIGN_IN_NOT_FOUND = "No sign in was found with id"
const CLIENT_STATE = "We were unable to complete"
const CLIENT_STATE_MIDDLE = "for this Client."
const NO_SECOND_FACTORS = "No second factors were found for strategy"

const sameText = (text: string | undefined, expected: string): boolean =>
  text !== undefined && (text === expected || text.trim().toLowerCase() === expected.toLowerCase())

/** Decodes one wire error, or `INVALID`. */
const decodeError = (u: unknown): BaselineError | Invalid => {
  if (!isRecord(u)) return INVALID
  const code = u.code
  const message = u.message
  if (typeof code !== "string" || typeof message !== "string") return INVALID
  let longMessage = u.long_message
  if (longMessage === null) longMessage = undefined
  else if (longMessage !== undefined && typeof longMessage !== "string") return INVALID
  const long = longMessage as string | undefined

  const rawMeta = u.meta
  let meta: Json | undefined
  if (rawMeta !== undefined && rawMeta !== null) {
    if (!isRecord(rawMeta)) return INVALID
    const copy = copyObject(rawMeta)
    if (copy === INVALID) return INVALID
    meta = copy
  }
  const extra = errorExtra(u)
  if (extra === INVALID) return INVALID

  switch (code) {
    case "session_exists":
      return Object.freeze({ _tag: "SingleModeSessionExists", code, shortMessage: message, longMessage: long, meta, extra })
    case "identifier_already_signed_in": {
      const id = meta === undefined ? undefined : (meta.session_id ?? meta.sessionId)
      return Object.freeze({
        _tag: "AlreadySignedIn",
        code,
        shortMessage: message,
        longMessage: long,
        meta,
        extra,
        sessionId: typeof id === "string" && id.length > 0 ? id : undefined,
      })
    }
    case "account_transfer_invalid":
      return Object.freeze({ _tag: "AccountTransferInvalid", code, shortMessage: message, longMessage: long, meta, extra })
    case "client_state_invalid": {
      let action: string | undefined
      let resolution: string | undefined
      if (long !== undefined && startsWithLoose(long, CLIENT_STATE)) {
        const at = long.indexOf(CLIENT_STATE_MIDDLE, CLIENT_STATE.length)
        if (at >= 0) {
          action = cleanValue(long.slice(CLIENT_STATE.length, at))
          const from = at + CLIENT_STATE_MIDDLE.length
          resolution = cleanValue(long.slice(from, endBefore(long, from, "")))
        }
      }
      return Object.freeze({
        _tag: "InvalidClientStateForAction",
        code,
        shortMessage: message,
        longMessage: long,
        meta,
        extra,
        action,
        resolution,
      })
    }
    case "strategy_for_user_invalid":
      return Object.freeze({ _tag: "InvalidStrategyForUser", code, shortMessage: message, longMessage: long, meta, extra })
    case "identification_claimed":
      return Object.freeze({ _tag: "IdentificationClaimed", code, shortMessage: message, longMessage: long, meta, extra })
    case "resource_forbidden": {
      const older = "Update operations are not allowed on older sign ins"
      if (sameText(message, older) || sameText(long, older)) {
        return Object.freeze({ _tag: "MutationOnOlderSignInNotAllowed", code, shortMessage: message, longMessage: long, meta, extra })
      }
      const short = "belongs to different user"
      const full = "The given identification belongs to a different user."
      if (sameText(message, short) || sameText(long, short) || sameText(message, full) || sameText(long, full)) {
        return Object.freeze({ _tag: "IdentificationBelongsToDifferentUser", code, shortMessage: message, longMessage: long, meta, extra })
      }
      break
    }
    case "resource_not_found":
      if (long !== undefined && startsWithLoose(long, SIGN_IN_NOT_FOUND)) {
        const from = SIGN_IN_NOT_FOUND.length
        return Object.freeze({
          _tag: "SignInNotFound",
          code,
          shortMessage: message,
          longMessage: long,
          meta,
          extra,
          signInId: cleanValue(long.slice(from, endBefore(long, from, ""))) ?? "",
        })
      }
      break
    case "no_second_factors": {
      let strategy: string | undefined
      if (long !== undefined && startsWithLoose(long, NO_SECOND_FACTORS)) {
        const from = NO_SECOND_FACTORS.length
        strategy = cleanValue(long.slice(from, endBefore(long, from, ".")))
      }
      return Object.freeze({ _tag: "NoSecondFactorsForStrategy", code, shortMessage: message, longMessage: long, meta, extra, strategy })
    }
    case "sign_in_no_identification_for_user":
      return Object.freeze({ _tag: "SignInNoIdentificationForUser", code, shortMessage: message, longMessage: long, meta, extra })
    case "sign_in_identification_or_user_deleted":
      return Object.freeze({ _tag: "SignInIdentificationOrUserDeleted", code, shortMessage: message, longMessage: long, meta, extra })
  }
  return Object.freeze({ _tag: "UnknownClerkError", code, shortMessage: message, longMessage: long, meta, extra })
}

const decode = (u: unknown): Either<string, BaselineResponse> => {
  if (!isRecord(u)) return left("response: expected object")
  const rawErrors = u.errors
  if (!Array.isArray(rawErrors) || rawErrors.length === 0) return left("errors: expected non-empty array")
  const n = rawErrors.length
  const errors = new Array<BaselineError>(n)
  for (let i = 0; i < n; i++) {
    const e = decodeError(rawErrors[i])
    if (e === INVALID) return left(`errors[${i}]: expected a Clerk error`)
    errors[i] = e
  }
  const traceId = u.clerk_trace_id
  if (traceId !== undefined && traceId !== null && typeof traceId !== "string") return left("clerk_trace_id: expected string")
  const rawMeta = u.meta
  let meta: Json | undefined
  if (rawMeta !== undefined && rawMeta !== null) {
    if (!isRecord(rawMeta)) return left("meta: expected object")
    const copy = copyObject(rawMeta)
    if (copy === INVALID) return left("meta: expected JSON data")
    meta = copy
  }
  const extra = envelopeExtra(u)
  if (extra === INVALID) return left("response: expected JSON data")
  return {
    _tag: "Right",
    right: Object.freeze({
      errors: Object.freeze(errors),
      traceId: traceId ?? undefined,
      status: undefined,
      retryAfter: undefined,
      meta,
      extra,
    }),
  }
}

/** Decodes a parsed body. */
export const decodeResponse = (u: unknown): Either<string, BaselineResponse> => {
  try {
    return decode(u)
  } catch {
    return left("response: unreadable")
  }
}

/** Decodes JSON text: `JSON.parse`, then the guard. */
export const decodeResponseJson = (text: string): Either<string, BaselineResponse> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return left("response: expected JSON text")
  }
  return decodeResponse(parsed)
}
