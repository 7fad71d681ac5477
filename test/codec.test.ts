import fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import { PathReporter } from "io-ts/lib/PathReporter.js"
import { describe, expect, it } from "vitest"
import {
  ClerkErrorCodec,
  ClerkErrorResponseCodec,
  decodeClerkError,
  decodeErrorResponse,
  decodeErrorResponseJson,
  encodeClerkError,
  encodeErrorResponse,
  SignInError,
  signInErrorTags,
} from "../src/index.js"
import { entries, envelopeOf, wireErrorOf } from "./support/wire.js"

/** Any JSON value, as a network hands it over. */
const json = fc.jsonValue({ maxDepth: 3, noUnicodeString: false })
// Objects parsed from the wire have Object.prototype.
const jsonObject = fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 5, noNullPrototype: true })

/** Codes: the twelve's, a few unknown ones, and arbitrary strings. */
const code = fc.oneof(
  fc.constantFrom(...entries.map((e) => e.code)),
  fc.constantFrom("form_password_incorrect", "too_many_requests", "user_locked", "authorization_invalid"),
  fc.string(),
)
/** Texts: the catalog's, shuffled between entries, and arbitrary strings (empty included). */
const text = fc.oneof(
  fc.constantFrom(...entries.flatMap((e) => [e.message, e.longMessage ?? "", "No sign in was found with id sia_1"])),
  fc.string(),
)
/** Keys the decoder models; generated extra keys avoid them (and the SDK's camelCase `longMessage`). */
const modelled = new Set(["code", "message", "long_message", "meta", "longMessage", "errors", "clerk_trace_id"])
const extraKeys = fc.dictionary(
  fc.string({ maxLength: 10 }).filter((k) => !modelled.has(k)),
  json,
  { maxKeys: 3, noNullPrototype: true },
)

const wireError = fc
  .record(
    { code, message: text, long_message: text, meta: jsonObject, extra: extraKeys },
    { requiredKeys: ["code", "message", "extra"] },
  )
  .map(({ extra, ...error }) => ({ ...extra, ...error }))

const wireEnvelope = fc
  .record(
    {
      errors: fc.array(wireError, { minLength: 1, maxLength: 4 }),
      meta: jsonObject,
      clerk_trace_id: fc.stringMatching(/^[0-9a-f]{32}$/),
      extra: extraKeys,
    },
    { requiredKeys: ["errors", "extra"] },
  )
  .map(({ extra, ...envelope }) => ({ ...extra, ...envelope }))

describe("ClerkErrorCodec and ClerkErrorResponseCodec are io-ts Types", () => {
  it("embed in a caller's codec: a verification whose error is ClerkError | null", () => {
    const Verification = t.type({ status: t.string, error: t.union([ClerkErrorCodec, t.null]) })
    const ok = Verification.decode({
      status: "transferable",
      error: { code: "identifier_already_signed_in", message: "You're already signed in", meta: { session_id: "sess_9" } },
    })
    expect(E.isRight(ok) && ok.right.error?._tag).toBe("AlreadySignedIn")
    expect(E.isRight(Verification.decode({ status: "unverified", error: null }))).toBe(true)
  })

  it("report failures with the caller's path", () => {
    const Verification = t.type({ error: ClerkErrorCodec })
    const result = Verification.decode({ error: { code: 1, message: "" } })
    expect(E.isLeft(result)).toBe(true)
    const messages = PathReporter.report(result)
    if (E.isLeft(result)) expect(result.left[0]!.context.map((c) => c.key)).toEqual(["", "error", "code"])
    expect(messages[0]).toBe("error.code: expected string, got 1")
  })

  it("decode like the functions and encode like the encoders", () => {
    const wire = envelopeOf(wireErrorOf(entries[1]!), { code: "x", message: "" })
    expect(ClerkErrorResponseCodec.decode(wire)).toEqual(decodeErrorResponse(wire))
    const decoded = decodeErrorResponse(wire)
    if (E.isLeft(decoded)) throw new Error(decoded.left.message)
    expect(ClerkErrorResponseCodec.encode(decoded.right)).toEqual(encodeErrorResponse(decoded.right))
    expect(ClerkErrorCodec.encode(decoded.right.errors[0])).toEqual(encodeClerkError(decoded.right.errors[0]))
  })

  it("have guards that accept decoded and constructed values only", () => {
    const value = SignInError.SignInNotFound({ signInId: "sia_1" })
    expect(ClerkErrorCodec.is(value)).toBe(true)
    expect(ClerkErrorCodec.is({ code: "session_exists", message: "" })).toBe(false)
    const decoded = decodeErrorResponse(envelopeOf(wireErrorOf(entries[0]!)))
    expect(E.isRight(decoded) && ClerkErrorResponseCodec.is(decoded.right)).toBe(true)
    expect(ClerkErrorResponseCodec.is({ errors: [] })).toBe(false)
  })
})

describe("encoding", () => {
  it("gives the wire shape of a constructed error, which decodes back to it", () => {
    for (const tag of signInErrorTags) {
      const constructed = SignInError[tag]({ sessionId: "sess_1", action: "sign_in", resolution: "Start over.", signInId: "sia_1", strategy: "totp" } as never)
      const wire = encodeClerkError(constructed)
      expect(wire).toMatchObject({ code: constructed.code, message: constructed.shortMessage })
      const decoded = decodeClerkError(wire)
      expect(decoded).toEqual(E.right(constructed))
    }
  })
})

describe("properties", () => {
  it("the lossless round trip: encode(decode(envelope)) deep-equals the envelope", () => {
    fc.assert(
      fc.property(wireEnvelope, (envelope) => {
        const decoded = decodeErrorResponse(envelope)
        expect(E.isRight(decoded)).toBe(true)
        if (E.isRight(decoded)) expect(encodeErrorResponse(decoded.right)).toStrictEqual(envelope)
      }),
      { seed: 20261126, numRuns: 2000 },
    )
  })

  it("the round trip holds through JSON text, `__proto__` keys included", () => {
    const text = '{"errors":[{"code":"x","message":"","meta":{"__proto__":{"polluted":true}},"__proto__":1}],"__proto__":[2]}'
    const decoded = decodeErrorResponseJson(text)
    if (E.isLeft(decoded)) throw new Error(decoded.left.message)
    expect(JSON.stringify(encodeErrorResponse(decoded.right))).toBe(JSON.stringify(JSON.parse(text)))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("decoding never throws, whatever it is given", () => {
    const anything = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }),
      wireEnvelope,
      wireError,
      fc.record({ errors: fc.array(fc.anything({ withNullPrototype: true, withDate: true }), { maxLength: 3 }) }),
    )
    fc.assert(
      fc.property(anything, (u) => {
        for (const result of [decodeErrorResponse(u), decodeClerkError(u), ClerkErrorCodec.decode(u), ClerkErrorResponseCodec.decode(u)]) {
          expect(result._tag === "Left" || result._tag === "Right").toBe(true)
        }
      }),
      { seed: 7, numRuns: 2000 },
    )
  })

  it("decodeErrorResponseJson never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (s) => {
        const result = decodeErrorResponseJson(s)
        expect(result._tag === "Left" || result._tag === "Right").toBe(true)
      }),
      { seed: 11, numRuns: 2000 },
    )
  })
})
