/**
 * clerk-sign-in-errors/effect against real HTTP: the global `fetch` talking
 * to the Clerk stand-in (test/support/clerkStandIn.ts), plus constructed
 * `Response`s for what the stand-in cannot produce. The real Clerk SDK is in
 * clerkBackend.test.ts. Runs against effect 4, 3.15 and the latest 3.x
 * (`npm run test:effect`).
 */
import { Cause, Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import { decodeErrorResponse as decodeCore } from "../src/decode.js"
import {
  ClerkDecodeError,
  catchSignInErrors,
  decodeErrorResponse,
  failOnErrorResponse,
  responseOf,
  tryClerk,
} from "../src/effect.js"
import { MAX_BODY_BYTES } from "../src/internal/http.js"
import { isSignInError, signInErrorTags, SignInError, type ClerkError, type ErrorHandlers } from "../src/index.js"
import { getScenario, type ScenarioName } from "./support/clerkStandIn.js"
import { useClerkStandIn } from "./support/useClerkStandIn.js"
import {
  envelopeOf,
  envelopeScenarios,
  expectedResponse,
  nonEnvelopeScenarios,
  scenarioOfTag,
  signInEndpoints,
} from "./support/signInScenarios.js"

const standIn = useClerkStandIn()

/** A sign-in call answered by `scenario`, through the global fetch. */
const call = (scenario: ScenarioName, [method, path]: readonly [string, string] = signInEndpoints[3]) =>
  Effect.promise(() => fetch(`${standIn.url}${path}`, { method, headers: { "x-scenario": scenario } }))

const failureOf = <E>(effect: Effect.Effect<unknown, E>): Promise<E> => Effect.runPromise(Effect.flip(effect))

const failedOn = (scenario: ScenarioName) => failureOf(Effect.flatMap(call(scenario), failOnErrorResponse))

/** Every sign-in tag mapped to a handler that answers with its tag, and a record of the calls. */
const recordingHandlers = () => {
  const calls: Array<string> = []
  const handlers = Object.fromEntries(
    signInErrorTags.map((tag) => [tag, (e: SignInError) => Effect.sync(() => (calls.push(e._tag), `handled ${tag}`))]),
  ) as unknown as ErrorHandlers<SignInError, Effect.Effect<string>>
  return { calls, handlers }
}

describe("the effect under test", () => {
  it("is the version the matrix selected (vitest.effect.config.ts; effect 4 by default)", async () => {
    // @ts-ignore: a JSON module, resolved through the matrix's alias of "effect"
    const { default: pkg } = (await import("effect/package.json", { with: { type: "json" } })) as { default: { version: string } }
    expect(pkg.version.startsWith(process.env.EFFECT_VERSION_EXPECTED ?? "4.")).toBe(true)
  })
})

describe("failOnErrorResponse, real fetch against the stand-in", () => {
  it.each(signInErrorTags.map((tag) => [tag, scenarioOfTag[tag]] as const))(
    "%s: fails with that variant, catchable by its tag",
    async (tag, scenario) => {
      const program = Effect.flatMap(call(scenario), failOnErrorResponse).pipe(
        Effect.as("passed"),
        Effect.catchIf(
          (e): e is SignInError => isSignInError(e) && e._tag === tag,
          (e) => Effect.succeed(`caught ${e._tag}`),
        ),
      )
      expect(await Effect.runPromise(program)).toBe(`caught ${tag}`)
    },
  )

  it.each(envelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: the failure is the first error; responseOf gives the whole response",
    async (name, scenario) => {
      const failure = await failedOn(name)
      const expected = expectedResponse(scenario)
      expect(failure).toEqual(expected.errors[0])
      const response = responseOf(failure as ClerkError)
      expect(response).toEqual(expected)
      expect(response?.errors[0]).toBe(failure)
      expect(response?.traceId).toBe(envelopeOf(scenario)?.clerk_trace_id)
      expect(Object.isFrozen(failure)).toBe(true)
    },
  )

  it("reads the parameters the wire carries", async () => {
    const signedIn = await failedOn("identifier_already_signed_in")
    expect(signedIn).toMatchObject({ _tag: "AlreadySignedIn", sessionId: "sess_2abc", meta: { session_id: "sess_2abc" } })
    expect(await failedOn("sign_in_not_found")).toMatchObject({ _tag: "SignInNotFound", signInId: "sia_2xyz" })
    expect(await failedOn("no_second_factors")).toMatchObject({ _tag: "NoSecondFactorsForStrategy", strategy: "totp" })
    expect(await failedOn("client_state_invalid")).toMatchObject({
      _tag: "InvalidClientStateForAction",
      action: "sign_in",
      resolution: "Please start over.",
    })
    expect(await failedOn("identifier_already_signed_in_no_meta")).toMatchObject({
      _tag: "AlreadySignedIn",
      sessionId: undefined,
    })
  })

  it("keeps unknown codes, the 429's Retry-After, and every error of a response", async () => {
    const limited = (await failedOn("too_many_requests")) as ClerkError
    expect(limited).toMatchObject({ _tag: "UnknownClerkError", code: "too_many_requests", longMessage: undefined })
    expect(responseOf(limited)).toMatchObject({ status: 429, retryAfter: 7, traceId: "fe1804223728535941e9bc9d13d49dd1" })

    const first = (await failedOn("two_errors")) as ClerkError
    expect(first).toMatchObject({ _tag: "UnknownClerkError", code: "form_param_missing", meta: { param_name: "identifier" } })
    const both = responseOf(first)?.errors
    expect(both?.map((e) => e.meta?.param_name)).toEqual(["identifier", "strategy"])
    expect(both?.[1] && responseOf(both[1])).toBe(responseOf(first))

    const generic = await failedOn("resource_not_found")
    expect(generic).toMatchObject({ _tag: "UnknownClerkError", code: "resource_not_found", longMessage: "Resource not found" })
  })

  it.each(nonEnvelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: fails with ClerkDecodeError naming the status and an excerpt of the body",
    async (name, scenario) => {
      const failure = await failedOn(name)
      expect(failure).toBeInstanceOf(ClerkDecodeError)
      if (!(failure instanceof ClerkDecodeError)) return
      expect(failure._tag).toBe("ClerkDecodeError")
      expect(failure.status).toBe(scenario.status)
      expect(failure.message).toMatch(new RegExp(`^HTTP ${scenario.status} `))
      expect(failure.message).toContain(failure.failure.message)
      expect(failure.failure._tag).toBe("DecodeFailure")
      const start = scenario.body.replace(/\s+/g, " ").trim().slice(0, 20)
      if (start !== "") expect(failure.message).toContain(JSON.stringify(start).slice(0, -1))
    },
  )

  it("says what is wrong with each kind of body", async () => {
    const html = (await failedOn("gateway_html_502")) as ClerkDecodeError
    expect(html.message).toMatch(/^HTTP 502 Bad Gateway: not a Clerk error response \(response: expected JSON text, got text that is not JSON\); body "<html> <head><title>502 Bad Gateway<\/title>/)
    const empty = (await failedOn("empty_500")) as ClerkDecodeError
    expect(empty.message).toBe("HTTP 500 Internal Server Error: not a Clerk error response (response: expected JSON text, got an empty body)")
    const other = (await failedOn("not_an_envelope")) as ClerkDecodeError
    expect(other.message).toBe(
      'HTTP 400 Bad Request: not a Clerk error response (errors: expected array, got undefined); body "{\\"hello\\":\\"world\\"}"',
    )
  })

  it("passes a successful response through unread", async () => {
    const original = await fetch(`${standIn.url}/v1/client/sign_ins`, { method: "POST" })
    const passed = await Effect.runPromise(failOnErrorResponse(original))
    expect(passed).toBe(original)
    expect(passed.bodyUsed).toBe(false)
    expect(await passed.json()).toMatchObject({ response: { object: "sign_in_attempt", id: "sia_123" } })
  })

  it.each(signInEndpoints.map((endpoint) => [endpoint.join(" "), endpoint] as const))(
    "%s: answers through the adapter",
    async (_label, endpoint) => {
      const ok = await Effect.runPromise(Effect.flatMap(call("success", endpoint), failOnErrorResponse))
      expect(ok.status).toBe(200)
      const failure = await failureOf(Effect.flatMap(call("sign_in_identification_or_user_deleted", endpoint), failOnErrorResponse))
      expect(failure).toMatchObject({ _tag: "SignInIdentificationOrUserDeleted" })
    },
  )
})

describe("failOnErrorResponse, constructed responses", () => {
  const body = JSON.stringify({ errors: [{ code: "too_many_requests", message: "slow down" }] })
  const fail = (res: Response) => failureOf(failOnErrorResponse(res))

  it("reads Retry-After as seconds or as an HTTP-date", async () => {
    const inSeconds = (await fail(new Response(body, { status: 429, headers: { "retry-after": " 30 " } }))) as ClerkError
    expect(responseOf(inSeconds)?.retryAfter).toBe(30)
    const at = new Date(Date.now() + 120_000).toUTCString()
    const inDate = (await fail(new Response(body, { status: 429, headers: { "retry-after": at } }))) as ClerkError
    expect(responseOf(inDate)?.retryAfter).toBeGreaterThan(100)
    expect(responseOf(inDate)?.retryAfter).toBeLessThanOrEqual(120)
    const past = (await fail(new Response(body, { status: 429, headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" } }))) as ClerkError
    expect(responseOf(past)?.retryAfter).toBe(0)
    const garbage = (await fail(new Response(body, { status: 429, headers: { "retry-after": "soon" } }))) as ClerkError
    expect(responseOf(garbage)?.retryAfter).toBeUndefined()
  })

  it("cuts a long body to a short excerpt", async () => {
    const failure = (await fail(new Response("x".repeat(10_000), { status: 503 }))) as ClerkDecodeError
    expect(failure.message).toBe(`HTTP 503: not a Clerk error response (response: expected JSON text, got text that is not JSON); body "${"x".repeat(100)}…"`)
  })

  it("fails with ClerkDecodeError when the body cannot be read", async () => {
    const broken = new ReadableStream({
      pull(controller) {
        controller.error(new Error("connection reset"))
      },
    })
    const failure = (await fail(new Response(broken, { status: 502 }))) as ClerkDecodeError
    expect(failure).toBeInstanceOf(ClerkDecodeError)
    expect(failure.message).toBe("HTTP 502: not a Clerk error response (body: expected a readable body, got one that failed to read (connection reset))")
    const used = new Response(body, { status: 400 })
    await used.text()
    expect(((await fail(used)) as ClerkDecodeError).message).toBe(
      "HTTP 400: not a Clerk error response (body: expected a readable body, got one already read)",
    )
  })

  it("does not read a body larger than a Clerk error body to the end", async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(64 * 1024).fill(32))
      },
    })
    const failure = (await fail(new Response(endless, { status: 500 }))) as ClerkDecodeError
    expect(failure.message).toBe(
      `HTTP 500: not a Clerk error response (body: expected a body of at most ${MAX_BODY_BYTES} bytes, got a larger one)`,
    )
    expect(pulled).toBeLessThan(MAX_BODY_BYTES / (64 * 1024) + 4)
  })

  it("reads a body in several chunks, multi-byte characters split across them", async () => {
    const text = JSON.stringify({ errors: [{ code: "form_identifier_not_found", message: "Compte introuvable — réessayez" }] })
    const bytes = new TextEncoder().encode(text)
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7))
        controller.close()
      },
    })
    const failure = (await fail(new Response(chunks, { status: 422 }))) as ClerkError
    expect(failure.shortMessage).toBe("Compte introuvable — réessayez")
  })

  it("adds the HTTP status to the envelope, keeping its meta and extra keys", async () => {
    const wire = { errors: [{ code: "session_exists", message: "" }], meta: { client: null }, clerk_trace_id: "t", extra: 1 }
    const failure = (await fail(new Response(JSON.stringify(wire), { status: 422 }))) as ClerkError
    expect(failure._tag).toBe("SingleModeSessionExists")
    expect(responseOf(failure)).toMatchObject({ status: 422, traceId: "t", meta: { client: null }, extra: { extra: 1 } })
  })
})

describe("decodeErrorResponse", () => {
  it("succeeds with what the core decodes, remembered for responseOf", async () => {
    const wire = getScenario("identifier_already_signed_in").body
    const response = await Effect.runPromise(decodeErrorResponse(JSON.parse(wire)))
    expect(decodeCore(JSON.parse(wire))).toEqual({ _tag: "Right", right: response })
    expect(responseOf(response.errors[0])).toBe(response)
  })

  it("fails with ClerkDecodeError keeping the DecodeFailure", async () => {
    const failure = await failureOf(decodeErrorResponse({ errors: [{ code: 42 }] }))
    expect(failure).toBeInstanceOf(ClerkDecodeError)
    expect(failure).toBeInstanceOf(Error)
    expect(failure._tag).toBe("ClerkDecodeError")
    expect(failure.message).toBe("errors[0].code: expected string, got 42")
    expect(decodeCore({ errors: [{ code: 42 }] })).toEqual({ _tag: "Left", left: failure.failure })
    expect(failure.status).toBeUndefined()
    const caught = await Effect.runPromise(
      decodeErrorResponse(null).pipe(
        Effect.as("decoded"),
        Effect.catchTag("ClerkDecodeError", (e) => Effect.succeed(e.message)),
      ),
    )
    expect(caught).toBe("response: expected object, got null")
  })

  it("never throws, even on hostile input", async () => {
    const hostile = new Proxy({}, { get: () => { throw new Error("boom") }, ownKeys: () => { throw new Error("boom") } })
    const failure = await failureOf(decodeErrorResponse(hostile))
    expect(failure.message).toContain("boom")
  })
})

describe("tryClerk", () => {
  const sdkError = (fields: Record<string, unknown>) =>
    Object.assign(new Error("Unprocessable Entity"), { clerkError: true, code: "api_response_error", ...fields })

  it("succeeds with what the call resolves to", async () => {
    expect(await Effect.runPromise(tryClerk(async () => ({ id: "user_1" })))).toEqual({ id: "user_1" })
  })

  it("turns a ClerkAPIResponseError into its first error, the response behind it", async () => {
    const thrown = sdkError({
      status: 422,
      clerkTraceId: "abc",
      retryAfter: undefined,
      errors: [{ code: "identifier_already_signed_in", message: "You're already signed in", meta: { sessionId: "sess_9" } }],
    })
    const failure = (await failureOf(tryClerk(() => Promise.reject(thrown)))) as ClerkError
    expect(failure).toMatchObject({ _tag: "AlreadySignedIn", sessionId: "sess_9", meta: { session_id: "sess_9" } })
    expect(responseOf(failure)).toMatchObject({ status: 422, traceId: "abc", errors: [failure] })
  })

  it("turns a ClerkAPIResponseError without errors into ClerkDecodeError naming the status", async () => {
    const failure = (await failureOf(
      tryClerk(() => Promise.reject(sdkError({ message: "Bad Gateway", status: 502, errors: [] }))),
    )) as ClerkDecodeError
    expect(failure).toBeInstanceOf(ClerkDecodeError)
    expect(failure.status).toBe(502)
    expect(failure.message).toBe(
      "Clerk SDK error, HTTP 502 Bad Gateway: not a Clerk error response (errors: expected non-empty array, got [])",
    )
  })

  const others: ReadonlyArray<readonly [string, unknown]> = [
    ["a TypeError from fetch", new TypeError("fetch failed")],
    ["a ClerkRuntimeError-like value (no errors)", Object.assign(new Error("runtime"), { clerkError: true, code: "x" })],
    ["an SDK error without an HTTP status", sdkError({ errors: [{ code: "unexpected_error", message: "fetch failed" }] })],
    ["a string", "nope"],
    ["undefined", undefined],
  ]

  it.each(others)("keeps %s as a defect, untouched by typed handlers", async (_label, cause) => {
    const program = tryClerk(() => Promise.reject(cause)).pipe(Effect.catchIf(() => true, () => Effect.succeed("caught")))
    const exit = await Effect.runPromiseExit(program)
    expect(Exit.isFailure(exit)).toBe(true)
    if (Exit.isFailure(exit)) expect(Cause.squash(exit.cause)).toBe(cause)
  })

  it.each(others)("fails %s with onOther(cause) when given", async (_label, cause) => {
    const failure = await failureOf(tryClerk(() => Promise.reject(cause), (c) => ({ _tag: "Other" as const, c })))
    expect(failure).toEqual({ _tag: "Other", c: cause })
  })

  it("treats a synchronous throw as a rejection", async () => {
    const boom = new RangeError("sync")
    const failure = await failureOf(tryClerk((): Promise<never> => { throw boom }, (c) => c))
    expect(failure).toBe(boom)
  })

  it("aborts the call's signal when the fiber is interrupted", async () => {
    let seen: AbortSignal | undefined
    const controller = new AbortController()
    const running = Effect.runPromise(
      tryClerk((signal) => {
        seen = signal
        return new Promise<never>(() => controller.abort())
      }),
      { signal: controller.signal },
    )
    await expect(running).rejects.toBeDefined()
    expect(seen?.aborted).toBe(true)
  })
})

describe("catchSignInErrors", () => {
  it("sends each of the twelve to its handler, data-last and data-first", async () => {
    for (const tag of signInErrorTags) {
      const error = await failedOn(scenarioOfTag[tag])
      const { calls, handlers } = recordingHandlers()
      const failing = Effect.fail(error as ClerkError)
      expect(await Effect.runPromise(failing.pipe(catchSignInErrors(handlers)))).toBe(`handled ${tag}`)
      expect(await Effect.runPromise(catchSignInErrors(failing, handlers))).toBe(`handled ${tag}`)
      expect(calls).toEqual([tag, tag])
    }
  })

  it("leaves UnknownClerkError, ClerkDecodeError, successes and defects alone", async () => {
    const { calls, handlers } = recordingHandlers()
    const unknown = await failedOn("form_password_incorrect")
    expect(await failureOf(catchSignInErrors(Effect.fail(unknown), handlers))).toBe(unknown)
    const undecodable = await failedOn("gateway_html_502")
    expect(await failureOf(catchSignInErrors(Effect.fail(undecodable), handlers))).toBe(undecodable)
    expect(await Effect.runPromise(catchSignInErrors(Effect.succeed(1), handlers))).toBe(1)
    const defect = new Error("defect")
    const exit = await Effect.runPromiseExit(catchSignInErrors(Effect.die(defect), handlers))
    expect(Exit.isFailure(exit) && Cause.squash(exit.cause)).toBe(defect)
    const impostor = { _tag: "AlreadySignedIn" }
    expect(await failureOf(catchSignInErrors(Effect.fail(impostor), handlers))).toBe(impostor)
    expect(calls).toEqual([])
  })

  it("puts what a handler fails with in the error channel", async () => {
    const { handlers } = recordingHandlers()
    const failure = await failureOf(
      catchSignInErrors(Effect.fail(SignInError.SignInNotFound({ signInId: "sia_1" })), {
        ...handlers,
        SignInNotFound: (e) => Effect.fail(`restart ${e.signInId}`),
      }),
    )
    expect(failure).toBe("restart sia_1")
  })

  it("names the missing handler at run time too (a handler set forced past the compiler)", async () => {
    const { handlers } = recordingHandlers()
    const { SignInNotFound: _missing, ...rest } = handlers
    const exit = await Effect.runPromiseExit(
      catchSignInErrors(Effect.fail(SignInError.SignInNotFound({ signInId: "sia_1" })), rest as typeof handlers),
    )
    expect(Exit.isFailure(exit) && String(Cause.squash(exit.cause))).toContain('catchSignInErrors: no handler for "SignInNotFound"')
  })
})

describe("responseOf", () => {
  it("is undefined for an error the adapter did not produce", () => {
    expect(responseOf(SignInError.AlreadySignedIn({ sessionId: "sess_1" }))).toBeUndefined()
  })
})
