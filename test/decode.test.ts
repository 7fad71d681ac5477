import { ClerkAPIResponseError } from "@clerk/backend/errors"
import { describe, expect, it } from "vitest"
import {
  catalog,
  decodeClerkError,
  decodeErrorResponse,
  decodeErrorResponseJson,
  type ClerkError,
  type ClerkErrorResponse,
} from "../src/index.js"
import { right, left } from "./support/either.js"
import { entries, envelopeOf, sampleParams, samplesOf, templateParamNames, wireErrorOf } from "./support/wire.js"



const firstError = (u: unknown): ClerkError => right(decodeErrorResponse(u)).errors[0]

/** The catalog entries recognised by their code alone. */
const byCode = entries.filter((entry) => entry.recognise.by === "code")

describe("each of the twelve, decoded from a wire envelope", () => {
  describe.each(entries.map((entry) => [entry.tag, entry] as const))("%s", (tag, entry) => {
    it("with the current wording, parameters extracted", () => {
      const error = firstError(envelopeOf(wireErrorOf(entry, { wording: "current" })))
      expect(error._tag).toBe(tag)
      expect(error.code).toBe(entry.code)
      expect(error.shortMessage).toBe(entry.message)
      expect(error).toMatchObject(samplesOf(entry))
    })

    it("with the 2024 wording, parameters extracted", () => {
      const error = firstError(envelopeOf(wireErrorOf(entry, { wording: "2024" })))
      expect(error._tag).toBe(tag)
      expect(error).toMatchObject(samplesOf(entry))
    })

    it("with an empty message", () => {
      const error = firstError(envelopeOf(wireErrorOf(entry, { message: "" })))
      expect(error._tag).toBe(tag)
      expect(error.shortMessage).toBe("")
      expect(error).toMatchObject(samplesOf(entry))
    })

    it("without its parameters: still recognised, parameters undefined (or empty when required)", () => {
      const error = firstError(envelopeOf(wireErrorOf(entry, { withParams: false })))
      expect(error._tag).toBe(tag)
      for (const [name, source] of Object.entries(entry.params)) {
        expect((error as unknown as Record<string, unknown>)[name]).toBe(source.required === true ? "" : undefined)
      }
    })
  })

  it.each(byCode.map((entry) => [entry.tag, entry] as const))(
    "%s is recognised by its code alone, whatever the texts say",
    (tag, entry) => {
      for (const [message, long_message] of [
        ["", ""],
        ["", undefined],
        ["Something else entirely", "Reworded by Clerk in 2027"],
      ] as const) {
        const wire = long_message === undefined ? { code: entry.code, message } : { code: entry.code, message, long_message }
        expect(right(decodeClerkError(wire))._tag).toBe(tag)
      }
    },
  )
})

describe("wording drift seen in Clerk's own SDK fixtures (spec section 2)", () => {
  it.each([
    ["Session exists", "You're currently in single session mode. You can only be signed into one account at a time."],
    ["A session already exists", "A session already exists"],
  ])("session_exists with %j", (message, long_message) => {
    const error = firstError({ errors: [{ code: "session_exists", message, long_message, meta: {} }] })
    expect(error._tag).toBe("SingleModeSessionExists")
  })

  it("strategy_for_user_invalid with empty message and long_message", () => {
    const error = firstError({ errors: [{ code: "strategy_for_user_invalid", message: "", long_message: "", meta: {} }] })
    expect(error._tag).toBe("InvalidStrategyForUser")
    expect(error.longMessage).toBe("")
  })
})

describe("parameters", () => {
  it("reads AlreadySignedIn.sessionId from meta.session_id", () => {
    const error = firstError({
      errors: [{ code: "identifier_already_signed_in", message: "You're already signed in", meta: { session_id: "sess_1" } }],
    })
    expect(error).toMatchObject({ _tag: "AlreadySignedIn", sessionId: "sess_1", meta: { session_id: "sess_1" } })
  })

  it("reads InvalidClientStateForAction's action and resolution from the 2024 and current templates", () => {
    const error = firstError({
      errors: [
        {
          code: "client_state_invalid",
          message: "Invalid action",
          long_message: "We were unable to complete `sign_up` for this Client. `Please start over.`",
        },
      ],
    })
    expect(error).toMatchObject({ action: "sign_up", resolution: "Please start over." })
  })

  it("keeps the error when a long message does not follow its template, parameters unknown", () => {
    const error = firstError({
      errors: [{ code: "client_state_invalid", message: "Invalid action", long_message: "Something went wrong." }],
    })
    expect(error).toMatchObject({ _tag: "InvalidClientStateForAction", action: undefined, resolution: undefined })
  })

  it("reads NoSecondFactorsForStrategy.strategy with or without the final period", () => {
    for (const text of [
      "No second factors were found for strategy phone_code.",
      "No second factors were found for strategy phone_code",
      "No second factors were found for strategy `phone_code`.",
    ]) {
      expect(firstError({ errors: [{ code: "no_second_factors", message: "", long_message: text }] })).toMatchObject({
        _tag: "NoSecondFactorsForStrategy",
        strategy: "phone_code",
      })
    }
  })

  it("reads SignInNotFound.signInId, ids of any length", () => {
    for (const id of ["sia_1", "sia_2abcDEFghiJKLmnoPQRstuVWXyz01"]) {
      expect(
        firstError({ errors: [{ code: "resource_not_found", message: "not found", long_message: `No sign in was found with id ${id}` }] }),
      ).toMatchObject({ _tag: "SignInNotFound", signInId: id })
    }
  })

  it("template parameters of the catalog all have sample values", () => {
    for (const entry of entries) for (const name of Object.keys(entry.params)) expect(sampleParams[name]).toBeTypeOf("string")
    expect(entries.flatMap(templateParamNames).length).toBeGreaterThan(0)
  })
})

describe("shared codes are told apart by their texts", () => {
  it.each([
    [{ message: "Update operations are not allowed on older sign ins" }, "MutationOnOlderSignInNotAllowed"],
    [{ message: "", long_message: "Update operations are not allowed on older sign ins" }, "MutationOnOlderSignInNotAllowed"],
    [{ message: "belongs to different user" }, "IdentificationBelongsToDifferentUser"],
    [{ message: "", long_message: "The given identification belongs to a different user." }, "IdentificationBelongsToDifferentUser"],
    [{ message: "Belongs to different user " }, "IdentificationBelongsToDifferentUser"],
    [{ message: "You are not authorized to perform this request", long_message: "Forbidden" }, "UnknownClerkError"],
    [{ message: "" }, "UnknownClerkError"],
  ])("resource_forbidden %j is %s", (texts, tag) => {
    expect(right(decodeClerkError({ code: "resource_forbidden", ...texts }))._tag).toBe(tag)
  })

  it.each([
    [{ message: "not found", long_message: "No sign in was found with id sia_9" }, "SignInNotFound"],
    [{ message: "", long_message: "no sign in was found with id sia_9" }, "SignInNotFound"],
    [{ message: "not found", long_message: "No session was found with id sess_1" }, "UnknownClerkError"],
    [{ message: "Resource not found", long_message: "Resource not found" }, "UnknownClerkError"],
    [{ message: "not found" }, "UnknownClerkError"],
    [{ message: "not found", long_message: "No sign up was found with id sua_1" }, "UnknownClerkError"],
  ])("resource_not_found %j is %s", (texts, tag) => {
    expect(right(decodeClerkError({ code: "resource_not_found", ...texts }))._tag).toBe(tag)
  })
})

describe("unknown codes are data", () => {
  it("keeps everything an unknown error carried", () => {
    const wire = {
      code: "user_locked",
      message: "Account locked",
      long_message: "Your account is locked. You will be able to try again in 30 minutes.",
      meta: { lockout_expires_in_seconds: 1800, nested: { a: [1, "b", null] } },
      docs_url: "https://clerk.com/docs",
    }
    const error = right(decodeClerkError(wire))
    expect(error).toEqual({
      _tag: "UnknownClerkError",
      code: "user_locked",
      shortMessage: "Account locked",
      longMessage: wire.long_message,
      meta: wire.meta,
      extra: { docs_url: "https://clerk.com/docs" },
    })
  })

  it("decodes a real 429 without long_message", () => {
    const response = right(
      decodeErrorResponse({ errors: [{ code: "too_many_requests", message: "Too many requests", meta: {} }] }),
    )
    expect(response.errors[0]).toMatchObject({ _tag: "UnknownClerkError", code: "too_many_requests", longMessage: undefined })
  })

  it("keeps every error of the envelope in wire order", () => {
    const [first, second, third] = catalog
    const response = right(
      decodeErrorResponse(
        envelopeOf(
          wireErrorOf(first),
          { code: "form_password_incorrect", message: "Password is incorrect.", meta: { param_name: "password" } },
          wireErrorOf(second),
          wireErrorOf(third),
        ),
      ),
    )
    expect(response.errors.map((e) => e._tag)).toEqual([first.tag, "UnknownClerkError", second.tag, third.tag])
    expect(response.traceId).toBe("4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7")
  })
})

describe("embedded verification errors (spec section 3)", () => {
  it("identifier_already_signed_in inside first_factor_verification.error, with meta", () => {
    const signIn = {
      object: "sign_in_attempt",
      first_factor_verification: {
        status: "transferable",
        strategy: "oauth_google",
        error: {
          code: "identifier_already_signed_in",
          message: "You're already signed in",
          long_message: "You're already signed in",
          meta: { session_id: "sess_2oauth" },
        },
      },
    }
    expect(right(decodeClerkError(signIn.first_factor_verification.error))).toMatchObject({
      _tag: "AlreadySignedIn",
      sessionId: "sess_2oauth",
    })
  })

  it("identifier_already_signed_in without meta at all", () => {
    const error = right(decodeClerkError({ code: "identifier_already_signed_in", message: "You're already signed in" }))
    expect(error).toMatchObject({ _tag: "AlreadySignedIn", sessionId: undefined, meta: undefined })
  })
})

describe("the shapes Clerk's SDKs hand to users (spec section 4)", () => {
  const sdkJson = {
    clerkError: true,
    code: "api_response_error",
    status: 422,
    clerkTraceId: "0123456789abcdef0123456789abcdef",
    errors: [
      {
        code: "identifier_already_signed_in",
        message: "You're already signed in",
        longMessage: "You're already signed in",
        meta: { paramName: undefined, sessionId: "sess_sdk", emailAddresses: undefined, identifiers: undefined },
      },
      {
        code: "form_password_incorrect",
        message: "Password is incorrect.",
        longMessage: "Password is incorrect. Try again, or use another method.",
        meta: { paramName: "password", sessionId: undefined },
      },
    ],
  }

  it("decodes the camelCase JSON: status, trace id, longMessage, meta back in snake_case", () => {
    const response = right(decodeErrorResponse(sdkJson))
    expect(response.status).toBe(422)
    expect(response.traceId).toBe("0123456789abcdef0123456789abcdef")
    expect(response.errors[0]).toMatchObject({ _tag: "AlreadySignedIn", sessionId: "sess_sdk", meta: { session_id: "sess_sdk" } })
    expect(response.errors[1]).toMatchObject({
      _tag: "UnknownClerkError",
      longMessage: "Password is incorrect. Try again, or use another method.",
      meta: { param_name: "password" },
    })
    // Keys the SDK filled with `undefined` are not data.
    expect(Object.keys(response.errors[1]?.meta ?? {})).toEqual(["param_name"])
  })

  it("decodes a single SDK ClerkAPIError (camelCase, no long message key in snake_case)", () => {
    expect(right(decodeClerkError(sdkJson.errors[0]))).toMatchObject({ _tag: "AlreadySignedIn", sessionId: "sess_sdk" })
  })

  it("decodes the JSON of an SDK error whose undefined keys were dropped by JSON.stringify", () => {
    const json = JSON.parse(JSON.stringify(sdkJson)) as unknown
    expect(right(decodeErrorResponse(json)).errors[0]).toMatchObject({ _tag: "AlreadySignedIn", sessionId: "sess_sdk" })
  })

  it("decodes an instance of a class shaped like ClerkAPIResponseError", () => {
    class ClerkAPIErrorLike {
      constructor(
        readonly code: string,
        readonly message: string,
        readonly longMessage: string | undefined,
        readonly meta: Record<string, unknown>,
      ) {}
    }
    class ClerkAPIResponseErrorLike extends Error {
      readonly clerkError = true
      readonly code = "api_response_error"
      constructor(
        readonly status: number,
        readonly errors: Array<ClerkAPIErrorLike>,
        readonly clerkTraceId?: string,
        readonly retryAfter?: number,
      ) {
        super("Unprocessable Entity")
      }
    }
    const thrown = new ClerkAPIResponseErrorLike(
      404,
      [new ClerkAPIErrorLike("resource_not_found", "not found", "No sign in was found with id sia_42", { paramName: undefined })],
      "fedcba9876543210fedcba9876543210",
      3,
    )
    const response = right(decodeErrorResponse(thrown))
    expect(response).toMatchObject({ status: 404, traceId: "fedcba9876543210fedcba9876543210", retryAfter: 3 })
    expect(response.errors[0]).toMatchObject({ _tag: "SignInNotFound", signInId: "sia_42" })
  })

  it("decodes the real ClerkAPIResponseError of @clerk/backend", () => {
    const thrown = new ClerkAPIResponseError("Bad Request", {
      data: [
        {
          code: "client_state_invalid",
          message: "Invalid action",
          long_message: "We were unable to complete sign_in for this Client. Please start over.",
          meta: {},
        },
      ],
      status: 400,
      clerkTraceId: "00112233445566778899aabbccddeeff",
    })
    const response: ClerkErrorResponse = right(decodeErrorResponse(thrown))
    expect(response).toMatchObject({ status: 400, traceId: "00112233445566778899aabbccddeeff" })
    expect(response.errors[0]).toMatchObject({
      _tag: "InvalidClientStateForAction",
      action: "sign_in",
      resolution: "Please start over.",
    })
  })
})

describe("malformed input gives a DecodeFailure with a readable message", () => {
  it.each([
    [null, "response: expected object, got null"],
    [42, "response: expected object, got 42"],
    ["errors", 'response: expected object, got "errors"'],
    [[], "response: expected object, got []"],
    [{}, "errors: expected array, got undefined"],
    [{ errors: {} }, "errors: expected array, got an object"],
    [{ errors: [] }, "errors: expected non-empty array, got []"],
    [{ errors: [null] }, "errors[0]: expected object, got null"],
    [{ errors: [{ code: 42, message: "" }] }, "errors[0].code: expected string, got 42"],
    [{ errors: [{ code: "session_exists" }] }, "errors[0].message: expected string, got undefined"],
    [{ errors: [{ code: "x", message: "", long_message: 7 }] }, "errors[0].long_message: expected string, got 7"],
    [{ errors: [{ code: "x", message: "", meta: "m" }] }, 'errors[0].meta: expected object, got "m"'],
    [{ errors: [{ code: "x", message: "", meta: { a: () => 1 } }] }, "errors[0].meta.a: expected JSON value, got a function"],
    [{ errors: [{ code: "x", message: "", meta: { d: [new Date(0)] } }] }, "errors[0].meta.d[0]: expected JSON value, got a Date"],
    [{ errors: [{ code: "x", message: "" }], clerk_trace_id: 5 }, "clerk_trace_id: expected string, got 5"],
    [{ errors: [{ code: "x", message: "" }, { code: "y" }] }, "errors[1].message: expected string, got undefined"],
  ])("%j → %s", (input, message) => {
    const failure = left(decodeErrorResponse(input))
    expect(failure._tag).toBe("DecodeFailure")
    expect(failure.message).toBe(message)
    expect(failure.errors.length).toBe(1)
  })

  it("keeps io-ts errors whose context is the path", () => {
    const failure = left(decodeErrorResponse({ errors: [{ code: 42, message: "" }] }))
    const error = failure.errors[0]!
    expect(error.value).toBe(42)
    expect(error.context.map((c) => c.key)).toEqual(["errors", "0", "code"])
    expect(error.context.at(-1)?.type.name).toBe("string")
  })

  it("names a single error's root as `error`", () => {
    expect(left(decodeClerkError(undefined)).message).toBe("error: expected object, got undefined")
  })

  it("turns a throwing getter into a failure", () => {
    const hostile = {
      get errors(): unknown {
        throw new Error("boom")
      },
    }
    expect(left(decodeErrorResponse(hostile)).message).toMatch(/^response: expected a readable value, got one that threw when read \(boom\)/)
  })
})

describe("decodeErrorResponseJson", () => {
  it("decodes JSON text", () => {
    const text = JSON.stringify(envelopeOf(wireErrorOf(catalog[0])))
    expect(right(decodeErrorResponseJson(text)).errors[0]._tag).toBe(catalog[0].tag)
  })

  it("turns a syntax error into a DecodeFailure", () => {
    const failure = left(decodeErrorResponseJson("<html>502 Bad Gateway</html>"))
    expect(failure.message).toMatch(/^response: expected JSON text, got "<html>502 Bad Gateway<\/html>"/)
  })

  it("reports a valid JSON that is not an envelope", () => {
    expect(left(decodeErrorResponseJson('{"hello":"world"}')).message).toBe("errors: expected array, got undefined")
  })
})

describe("SDK quirks", () => {
  it("reads @clerk/backend's empty clerkTraceId as no trace id", () => {
    const response = right(
      decodeErrorResponse({ clerkError: true, code: "api_response_error", status: 400, clerkTraceId: "", errors: [{ code: "session_exists", message: "", longMessage: undefined, meta: {} }] }),
    )
    expect(response.traceId).toBeUndefined()
    expect(response.errors[0]._tag).toBe("SingleModeSessionExists")
  })
})
