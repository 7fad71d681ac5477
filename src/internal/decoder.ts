/**
 * The hot path: unknown input → frozen `ClerkError` / `ClerkErrorResponse`,
 * or an `Issue` saying where and what. Knows nothing of io-ts, fp-ts or
 * Effect; `decode.ts` and `codec.ts` wrap it.
 *
 * Shaped for V8: one pass over the input, one table lookup for the code,
 * string tests without regular expressions, each value built once with all
 * its fields, failures as a class checked with `instanceof`.
 *
 * @internal
 */
import type { ClerkError, ClerkErrorResponse } from "../ClerkError.js"
import { buildDecoded, candidatesOf, recognise } from "./compiled.js"
import { copyJsonObject, Issue, isRecord, setKey, type Path } from "./json.js"

type Meta = Readonly<Record<string, unknown>> | undefined

/** Fields of a wire error that are modelled; anything else goes to `extra`. */
const WIRE_ERROR_KEYS: ReadonlySet<string> = new Set(["code", "message", "long_message", "meta"])
/** Fields of a wire envelope that are modelled. */
const WIRE_ENVELOPE_KEYS: ReadonlySet<string> = new Set(["errors", "meta", "clerk_trace_id"])

const at = (index: number, ...rest: Array<string | number>): Path => (index < 0 ? rest : ["errors", index, ...rest])

const prefixed = (prefix: Path, issue: Issue): Issue =>
  new Issue([...prefix, ...issue.path], issue.expected, issue.actual, issue.found)

/**
 * Decodes one error: the wire's snake_case shape, or the SDK's camelCase one
 * (`longMessage`, camelCase meta). `index` is its place in the envelope, -1
 * for a lone error; `sdk` says the envelope was an SDK error.
 */
export const decodeError = (u: unknown, index: number, sdk: boolean): ClerkError | Issue => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return new Issue(at(index), "object", u)
  const o = u as Record<string, unknown>
  const code = o.code
  if (typeof code !== "string") return new Issue(at(index, "code"), "string", code)
  const message = o.message
  if (typeof message !== "string") return new Issue(at(index, "message"), "string", message)

  let camel = sdk
  let longMessage = o.long_message
  if (longMessage === undefined && "longMessage" in o) {
    // Clerk's SDKs (`ClerkAPIError`) rename `long_message` and rebuild meta in camelCase.
    camel = true
    longMessage = o.longMessage
  }
  if (longMessage === null) longMessage = undefined
  else if (longMessage !== undefined && typeof longMessage !== "string") {
    return new Issue(at(index, camel ? "longMessage" : "long_message"), "string", longMessage)
  }

  let meta: Meta = undefined
  const rawMeta = o.meta
  if (rawMeta !== undefined && rawMeta !== null) {
    if (!isRecord(rawMeta)) return new Issue(at(index, "meta"), "object", rawMeta)
    const copy = copyJsonObject(rawMeta, camel)
    if (copy instanceof Issue) return prefixed(at(index, "meta"), copy)
    meta = copy
  }

  let extra: Meta = undefined
  if (!camel) {
    // Count the modelled keys present; only when the object has more than
    // that are its keys walked to collect the rest. (`longMessage` is the
    // wire's `long_message` here, `null` already mapped to `undefined`,
    // which only ever under-counts.)
    const known = 2 + (longMessage !== undefined ? 1 : 0) + (rawMeta !== undefined ? 1 : 0)
    if (countKeys(o) > known) {
      const rest = copyRest(o, Object.keys(o), WIRE_ERROR_KEYS)
      if (rest instanceof Issue) return prefixed(at(index), rest)
      extra = rest
    }
  }

  const candidates = candidatesOf(code)
  if (candidates !== undefined) {
    const c = recognise(candidates, message, longMessage as string | undefined)
    if (c !== undefined) return buildDecoded(c, code, message, longMessage as string | undefined, meta, extra) as ClerkError
  }
  return Object.freeze({
    _tag: "UnknownClerkError",
    code,
    shortMessage: message,
    longMessage: longMessage as string | undefined,
    meta,
    extra,
  })
}

/**
 * How many enumerable keys `o` has, without allocating: `for-in` walks the
 * hidden class's enum cache, where `Object.keys(o).length` would copy it
 * into a new array for every error. Inherited enumerable keys only ever
 * over-count, which costs the walk for extra keys, never a wrong result.
 */
const countKeys = (o: object): number => {
  let n = 0
  for (const _ in o) n++
  return n
}

/** Copies the keys of `o` that are not in `known`, or `undefined` when there are none. */
const copyRest = (o: Record<string, unknown>, keys: ReadonlyArray<string>, known: ReadonlySet<string>): Meta | Issue => {
  let rest: Record<string, unknown> | undefined
  for (const key of keys) {
    if (known.has(key)) continue
    const value = o[key]
    if (value === undefined) continue
    ;(rest ??= {})
    setKey(rest, key, value)
  }
  return rest === undefined ? undefined : copyJsonObject(rest, false)
}

/** Whether an envelope is what Clerk's SDKs throw (`ClerkAPIResponseError`) or its JSON. */
const isSdkEnvelope = (o: Record<string, unknown>): boolean =>
  o.clerkError === true || o.code === "api_response_error" || "clerkTraceId" in o

/** Optional fields of the envelope: a string, a number, or absent (`null` counts as absent). */
const optionalString = (value: unknown, path: string): string | undefined | Issue =>
  value === undefined || value === null || typeof value === "string" ? (value ?? undefined) : new Issue([path], "string", value)

const optionalNumber = (value: unknown, path: string): number | undefined | Issue =>
  value === undefined || value === null || typeof value === "number" ? (value ?? undefined) : new Issue([path], "number", value)

/**
 * Decodes an error body: the wire envelope `{ errors, meta?, clerk_trace_id? }`
 * or an SDK `ClerkAPIResponseError` (an instance or its JSON). `status` and
 * `retryAfter` come from the HTTP response when the caller has one.
 */
export const decodeResponse = (
  u: unknown,
  status?: number,
  retryAfter?: number,
): ClerkErrorResponse | Issue => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return new Issue([], "object", u)
  const o = u as Record<string, unknown>
  const rawErrors = o.errors
  if (!Array.isArray(rawErrors)) return new Issue(["errors"], "array", rawErrors)
  const n = rawErrors.length
  if (n === 0) return new Issue(["errors"], "non-empty array", rawErrors)
  // A string `clerk_trace_id` is the wire's own field, so the body is the
  // wire's: the three probes for the SDK's shape, which all miss on a wire
  // body (one of them an `in`, slow on an object of unknown shape), run only
  // without it.
  const rawTraceId = o.clerk_trace_id
  const sdk = typeof rawTraceId !== "string" && isSdkEnvelope(o)

  let errors: Array<ClerkError>
  if (n === 1) {
    // One error is the usual body. An array literal is allocated to size
    // and packed; one grown by stores has spare capacity, and freezing it
    // (a C++ builtin, as costly as decoding the error) is slower.
    const e = decodeError(rawErrors[0], 0, sdk)
    if (e instanceof Issue) return e
    errors = [e]
  } else {
    // Grown as decoded, not preallocated: `errors.length` is the input's claim
    // (a sparse array may say 30,000,000) and costs nothing until checked.
    errors = []
    for (let i = 0; i < n; i++) {
      const e = decodeError(rawErrors[i], i, sdk)
      if (e instanceof Issue) return e
      errors[i] = e
    }
  }
  Object.freeze(errors)

  let traceId: string | undefined | Issue
  let meta: Meta = undefined
  let extra: Meta = undefined
  if (sdk) {
    // @clerk/backend sets `clerkTraceId` to "" when neither the body nor a
    // `cf-ray` header had one (@clerk/backend dist, request error handling).
    traceId = optionalString(o.clerkTraceId === "" ? undefined : o.clerkTraceId, "clerkTraceId")
    const sdkStatus = optionalNumber(o.status, "status")
    if (sdkStatus instanceof Issue) return sdkStatus
    const sdkRetryAfter = optionalNumber(o.retryAfter, "retryAfter")
    if (sdkRetryAfter instanceof Issue) return sdkRetryAfter
    status ??= sdkStatus
    retryAfter ??= sdkRetryAfter
  } else {
    traceId = optionalString(rawTraceId, "clerk_trace_id")
    const rawMeta = o.meta
    if (rawMeta !== undefined && rawMeta !== null) {
      if (!isRecord(rawMeta)) return new Issue(["meta"], "object", rawMeta)
      const copy = copyJsonObject(rawMeta, false)
      if (copy instanceof Issue) return prefixed(["meta"], copy)
      meta = copy
    }
    const known = 1 + (rawMeta !== undefined ? 1 : 0) + (rawTraceId !== undefined ? 1 : 0)
    if (countKeys(o) > known) {
      const rest = copyRest(o, Object.keys(o), WIRE_ENVELOPE_KEYS)
      if (rest instanceof Issue) return rest
      extra = rest
    }
  }
  if (traceId instanceof Issue) return traceId

  return Object.freeze({
    errors: errors as unknown as ClerkErrorResponse["errors"],
    traceId,
    status,
    retryAfter,
    meta,
    extra,
  })
}
