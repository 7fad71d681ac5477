/**
 * `toPublicError`, `statusOf`, `toLogRecord`: what reaches a browser and what
 * reaches a log. Inputs are built from the catalog (test/support/wire.ts), so
 * a thirteenth entry is covered without a new case here.
 */
import { pipe } from "fp-ts/lib/function.js"
import { describe, expect, it } from "vitest"
import {
  accountRevealingTags,
  catalog,
  catalogByTag,
  decodeClerkError,
  decodeErrorResponse,
  defaultPublicMessages,
  SignInError,
  signInErrorTags,
  statusOf,
  toLogRecord,
  toPublicError,
  UnknownClerkError,
  type ClerkError,
  type ClerkErrorResponse,
  type PublicMessageKey,
  type PublicMessages,
} from "../src/index.js"
import { right } from "./support/either.js"
import { entries, envelopeOf, sampleParams, wireErrorOf } from "./support/wire.js"


/** A decoded envelope of one catalog entry's wire error, with its sample parameters and a secret-looking meta. */
const responseOf = (entry: (typeof entries)[number], status?: number): ClerkErrorResponse => {
  const wire = wireErrorOf(entry)
  wire.meta = { ...(wire.meta as object), email_addresses: ["victim@example.com"], user_id: "user_2SECRET" }
  const decoded = right(decodeErrorResponse(envelopeOf(wire)))
  return status === undefined ? decoded : { ...decoded, status }
}

/** The constructed error of a tag, with the catalog's messages. */
const construct = (tag: string): ClerkError =>
  (SignInError as unknown as Record<string, (params?: object) => ClerkError>)[tag]!({ signInId: "sia_1" })

const revealing: ReadonlySet<string> = new Set(accountRevealingTags)
const plainEntries = entries.filter((entry) => !revealing.has(entry.tag))
const revealingEntries = entries.filter((entry) => revealing.has(entry.tag))

/**
 * The strings of a decoded error that are the server's to keep: ids, meta and
 * extra values, and an unknown error's free text. (A catalog error's messages
 * are Clerk's fixed texts, which a default may well resemble.)
 */
const privateStrings = (error: ClerkError): Array<string> => {
  const out: Array<string> = []
  const walk = (u: unknown): void => {
    if (typeof u === "string") {
      if (u.length >= 4) out.push(u)
    } else if (typeof u === "object" && u !== null) for (const v of Object.values(u)) walk(v)
  }
  walk(error.meta)
  walk(error.extra)
  if (error._tag === "UnknownClerkError") walk([error.shortMessage, error.longMessage])
  for (const name of Object.keys(sampleParams)) walk((error as unknown as Record<string, unknown>)[name])
  return out
}

/** A complete table whose every message names its key, to see which one was used. */
const tagged = Object.fromEntries(
  Object.keys(defaultPublicMessages).map((key) => [key, `message for ${key}`]),
) as unknown as PublicMessages

describe("toPublicError: the defaults", () => {
  it.each(plainEntries.map((entry) => [entry.tag, entry] as const))(
    "%s answers with its catalog status and code and its default message",
    (tag, entry) => {
      const response = responseOf(entry, 422)
      const expected = { status: entry.status, code: entry.code, message: defaultPublicMessages[tag as PublicMessageKey] }
      expect(toPublicError(response)).toStrictEqual(expected)
      expect(toPublicError(response.errors[0])).toStrictEqual(expected)
    },
  )

  it("gives every one of the five account-revealing errors the very same answer", () => {
    expect(revealingEntries.map((entry) => entry.tag).sort()).toEqual([...accountRevealingTags].sort())
    const answers = revealingEntries.flatMap((entry) => {
      const response = responseOf(entry, entry.status)
      return [toPublicError(response), toPublicError(response.errors[0]), toPublicError(construct(entry.tag))]
    })
    // Same fields, same values, same key order: byte for byte the same JSON.
    const json = new Set(answers.map((answer) => JSON.stringify(answer)))
    expect(json).toEqual(new Set([JSON.stringify({ status: 400, code: "sign_in_failed", message: defaultPublicMessages.SignInFailed })]))
  })

  it("keeps the shared code of the five apart from every catalog code", () => {
    expect(catalog.map((entry) => entry.code)).not.toContain("sign_in_failed")
    expect(catalog.map((entry) => entry.code)).not.toContain("unknown_error")
  })

  it("answers an unknown error with unknown_error and the response's status, else 400", () => {
    const unknown = right(
      decodeErrorResponse({
        errors: [
          {
            code: "form_identifier_not_found",
            message: "Couldn't find your account.",
            long_message: "No account matches victim@example.com",
            meta: { param_name: "identifier" },
          },
        ],
      }),
    )
    const expected = (status: number) => ({ status, code: "unknown_error", message: defaultPublicMessages.UnknownClerkError })
    expect(toPublicError({ ...unknown, status: 429 })).toStrictEqual(expected(429))
    expect(toPublicError({ ...unknown, status: 503 })).toStrictEqual(expected(503))
    expect(toPublicError(unknown)).toStrictEqual(expected(400))
    expect(toPublicError(unknown.errors[0])).toStrictEqual(expected(400))
    // A status that is not an HTTP error status is not passed on.
    for (const status of [200, 302, 399, 600, 422.5, Number.NaN, -1]) {
      expect(toPublicError({ ...unknown, status })).toStrictEqual(expected(400))
    }
  })

  it("lets the first error of a response decide", () => {
    const two = right(
      decodeErrorResponse(envelopeOf({ code: "form_password_incorrect", message: "" }, wireErrorOf(revealingEntries[0]!))),
    )
    expect(toPublicError({ ...two, status: 422 }).code).toBe("unknown_error")
  })

  it("echoes nothing from the error: no id, no meta, no server text", () => {
    const decoded = [
      ...entries.map((entry) => responseOf(entry, 400)),
      right(
        decodeErrorResponse({
          errors: [{ code: "user_locked", message: "Account locked", long_message: "Locked until 2031 for victim@example.com", meta: { lockout_expires_in_seconds: 1800 } }],
          clerk_trace_id: "4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7",
        }),
      ),
    ]
    for (const response of decoded) {
      const answer = JSON.stringify(toPublicError(response))
      const carried = [...privateStrings(response.errors[0]), response.traceId ?? "no trace id"]
      expect(carried.length).toBeGreaterThan(0)
      for (const s of carried) expect(answer).not.toContain(s)
    }
  })

  it("returns frozen values whose messages are all from the table", () => {
    const messages = new Set(Object.values(defaultPublicMessages))
    for (const response of entries.map((entry) => responseOf(entry))) {
      const answer = toPublicError(response)
      expect(Object.isFrozen(answer)).toBe(true)
      expect(messages.has(answer.message)).toBe(true)
    }
  })

  it("has a non-empty default message for every key", () => {
    for (const message of Object.values(defaultPublicMessages)) expect(message.trim().length).toBeGreaterThan(0)
    expect(Object.isFrozen(defaultPublicMessages)).toBe(true)
  })
})

describe("toPublicError: a message table", () => {
  it("replaces the defaults, key by key", () => {
    for (const entry of entries) {
      const key: PublicMessageKey = revealing.has(entry.tag) ? "SignInFailed" : (entry.tag as PublicMessageKey)
      expect(toPublicError(responseOf(entry), tagged).message).toBe(`message for ${key}`)
    }
    const unknown = UnknownClerkError({ code: "x", shortMessage: "" })
    expect(toPublicError(unknown, tagged).message).toBe("message for UnknownClerkError")
  })

  it("keeps the five indistinguishable whatever the table says", () => {
    const answers = revealingEntries.map((entry) => JSON.stringify(toPublicError(responseOf(entry), tagged)))
    expect(new Set(answers).size).toBe(1)
  })

  it("data-last: toPublicError(messages) is the same function, for pipe", () => {
    const toTagged = toPublicError(tagged)
    for (const entry of entries) {
      const response = responseOf(entry, 409)
      expect(toTagged(response)).toStrictEqual(toPublicError(response, tagged))
      expect(pipe(response.errors[0], toTagged)).toStrictEqual(toPublicError(response.errors[0], tagged))
    }
  })

  it("falls back to the default for a key a run-time table lacks or only inherits", () => {
    const { UnknownClerkError: _dropped, ...partial } = tagged
    const inherited = Object.create({ UnknownClerkError: "inherited" }) as PublicMessages
    const unknown = UnknownClerkError({ code: "x", shortMessage: "" })
    for (const table of [partial as unknown as PublicMessages, inherited]) {
      expect(toPublicError(unknown, table).message).toBe(defaultPublicMessages.UnknownClerkError)
    }
    const notAString = { ...tagged, SignInFailed: 42 } as unknown as PublicMessages
    expect(toPublicError(SignInError.IdentificationClaimed(), notAString).message).toBe(defaultPublicMessages.SignInFailed)
  })

  it("does not treat a tag such as `constructor` as a catalog entry", () => {
    const odd = { ...UnknownClerkError({ code: "x", shortMessage: "" }), _tag: "constructor" } as unknown as ClerkError
    expect(toPublicError(odd)).toStrictEqual({ status: 400, code: "unknown_error", message: defaultPublicMessages.UnknownClerkError })
  })
})

describe("statusOf", () => {
  it("gives the catalog's status for each of the twelve, the account-revealing ones included", () => {
    for (const tag of signInErrorTags) expect(statusOf(SignInError[tag]({ signInId: "sia_1" } as never))).toBe(catalogByTag[tag].status)
    expect(new Set(revealingEntries.map((entry) => statusOf(construct(entry.tag)))).size).toBeGreaterThan(1)
  })

  it("gives undefined for an unknown error", () => {
    expect(statusOf(UnknownClerkError({ code: "resource_not_found", shortMessage: "Resource not found" }))).toBeUndefined()
  })
})

describe("toLogRecord", () => {
  it.each(entries.map((entry) => [entry.tag, entry] as const))(
    "%s: tag, code, catalog status, trace id and parameters, flat, without meta or messages",
    (tag, entry) => {
      const response = responseOf(entry, 422)
      const record = toLogRecord(response)
      const params = Object.fromEntries(Object.keys(entry.params).map((name) => [name, sampleParams[name]]))
      expect(record).toStrictEqual({
        tag,
        code: entry.code,
        status: entry.status,
        traceId: response.traceId,
        errorCount: 1,
        ...params,
      })
      for (const value of Object.values(record)) expect(["string", "number", "undefined"]).toContain(typeof value)
      expect(JSON.stringify(record)).not.toContain("victim@example.com")
      expect(Object.isFrozen(record)).toBe(true)
    },
  )

  it("of a lone error: no trace id, count 1", () => {
    const record = toLogRecord(SignInError.SignInNotFound({ signInId: "sia_1" }))
    expect(record).toStrictEqual({ tag: "SignInNotFound", code: "resource_not_found", status: 404, traceId: undefined, errorCount: 1, signInId: "sia_1" })
  })

  it("of an unknown error: the response's status, meta.param_name as paramName, nothing else of meta", () => {
    const response = right(
      decodeErrorResponse({
        errors: [
          { code: "form_password_incorrect", message: "Password is incorrect.", meta: { param_name: "password", email_addresses: ["victim@example.com"] } },
          { code: "session_exists", message: "" },
        ],
        clerk_trace_id: "4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7",
      }),
    )
    expect(toLogRecord({ ...response, status: 422 })).toStrictEqual({
      tag: "UnknownClerkError",
      code: "form_password_incorrect",
      status: 422,
      traceId: "4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7",
      errorCount: 2,
      paramName: "password",
    })
  })

  it("cuts strings at 256 characters: a 1 MB id does not make a 1 MB log line", () => {
    const id = "sia_" + "x".repeat(1_000_000)
    const error = right(decodeClerkError({ code: "resource_not_found", message: "not found", long_message: `No sign in was found with id ${id}` }))
    expect(error._tag === "SignInNotFound" && error.signInId).toBe(id)
    const record = toLogRecord(error)
    expect(record.signInId).toBe(id.slice(0, 256) + "…")
    expect(JSON.stringify(record).length).toBeLessThan(1000)
  })
})
