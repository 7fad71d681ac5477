/**
 * clerk-sign-in-errors/fp-ts against real HTTP: the global `fetch` talking to
 * the Clerk stand-in (test/support/clerkStandIn.ts). The real Clerk SDK is in
 * clerkBackend.test.ts.
 */
import { createClerkClient } from "@clerk/backend"
import * as Either from "fp-ts/lib/Either.js"
import { pipe } from "fp-ts/lib/function.js"
import * as T from "fp-ts/lib/Task.js"
import * as TE from "fp-ts/lib/TaskEither.js"
import { describe, expect, it } from "vitest"
import { catchSignInErrors, ClerkDecodeError, failOnErrorResponse, responseOf, tryClerk } from "../src/fp-ts.js"
import { signInErrorTags, SignInError, type ClerkError, type ErrorHandlers } from "../src/index.js"
import { startClerkStandIn, type ScenarioName } from "./support/clerkStandIn.js"
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

interface NetworkError {
  readonly _tag: "NetworkError"
  readonly cause: unknown
}

/** A sign-in call answered by `scenario`, through the global fetch. */
const call = (scenario: ScenarioName, [method, path]: readonly [string, string] = signInEndpoints[3]) =>
  pipe(
    TE.tryCatch(
      () => fetch(`${standIn.url}${path}`, { method, headers: { "x-scenario": scenario } }),
      (cause): NetworkError => ({ _tag: "NetworkError", cause }),
    ),
    TE.chainW(failOnErrorResponse),
  )

const leftOf = async <E>(task: TE.TaskEither<E, unknown>): Promise<E> => {
  const result = await task()
  if (Either.isRight(result)) throw new Error("expected a Left")
  return result.left
}

const recordingHandlers = () => {
  const calls: Array<string> = []
  const handlers = Object.fromEntries(
    signInErrorTags.map((tag) => [tag, (e: SignInError) => (calls.push(e._tag), TE.right(`handled ${tag}`))]),
  ) as unknown as ErrorHandlers<SignInError, TE.TaskEither<never, string>>
  return { calls, handlers }
}

describe("failOnErrorResponse, real fetch against the stand-in", () => {
  it.each(signInErrorTags.map((tag) => [tag, scenarioOfTag[tag]] as const))("%s: a Left of that variant", async (tag, scenario) => {
    expect((await leftOf(call(scenario)))._tag).toBe(tag)
  })

  it.each(envelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: the Left is the first error; responseOf gives the whole response",
    async (name, scenario) => {
      const failure = (await leftOf(call(name))) as ClerkError
      const expected = expectedResponse(scenario)
      expect(failure).toEqual(expected.errors[0])
      expect(responseOf(failure)).toEqual(expected)
      expect(responseOf(failure)?.errors[0]).toBe(failure)
      expect(responseOf(failure)?.traceId).toBe(envelopeOf(scenario)?.clerk_trace_id)
    },
  )

  it.each(nonEnvelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: a Left of ClerkDecodeError naming the status",
    async (name, scenario) => {
      const failure = (await leftOf(call(name))) as ClerkDecodeError
      expect(failure._tag).toBe("ClerkDecodeError")
      expect(Object.isFrozen(failure)).toBe(true)
      expect(failure.status).toBe(scenario.status)
      expect(failure.message).toMatch(new RegExp(`^HTTP ${scenario.status} `))
      expect(failure.message).toContain(failure.failure.message)
    },
  )

  it("gives the same ClerkDecodeError fields as the Effect adapter", async () => {
    const failure = (await leftOf(call("gateway_html_502"))) as ClerkDecodeError
    expect(Object.keys(failure).sort()).toEqual(["_tag", "failure", "message", "status"])
    expect(failure.message).toMatch(/^HTTP 502 Bad Gateway: not a Clerk error response \(response: expected JSON text, got text that is not JSON\); body "<html>/)
  })

  it("passes a successful response through unread", async () => {
    const res = await fetch(`${standIn.url}/v1/client/sign_ins`, { method: "POST" })
    const result = await failOnErrorResponse(res)()
    expect(result).toEqual(Either.right(res))
    expect(res.bodyUsed).toBe(false)
  })

  it.each(signInEndpoints.map((endpoint) => [endpoint.join(" "), endpoint] as const))("%s", async (_label, endpoint) => {
    expect(Either.isRight(await call("success", endpoint)())).toBe(true)
    expect(await leftOf(call("sign_in_not_found", endpoint))).toMatchObject({ _tag: "SignInNotFound", signInId: "sia_2xyz" })
  })

  it("leaves a network failure to the caller's own Left", async () => {
    const closed = await startClerkStandIn()
    await closed.close()
    const failure = await leftOf(
      pipe(
        TE.tryCatch(() => fetch(`${closed.url}/v1/client/sign_ins`), (cause): NetworkError => ({ _tag: "NetworkError", cause })),
        TE.chainW(failOnErrorResponse),
      ),
    )
    expect(failure._tag).toBe("NetworkError")
  })
})

describe("tryClerk", () => {
  const sdkError = (fields: Record<string, unknown>) =>
    Object.assign(new Error("Bad Request"), { clerkError: true, code: "api_response_error", ...fields })

  it("turns a ClerkAPIResponseError into a Left of its first error", async () => {
    const thrown = sdkError({ status: 404, clerkTraceId: "t1", errors: [{ code: "resource_not_found", message: "not found", longMessage: "No sign in was found with id sia_9" }] })
    const failure = (await leftOf(tryClerk(() => Promise.reject(thrown), String))) as ClerkError
    expect(failure).toMatchObject({ _tag: "SignInNotFound", signInId: "sia_9" })
    expect(responseOf(failure)).toMatchObject({ status: 404, traceId: "t1" })
  })

  it.each([
    ["a TypeError", new TypeError("fetch failed")],
    ["an SDK error without an HTTP status", sdkError({ errors: [{ code: "unexpected_error", message: "fetch failed" }] })],
    ["a synchronous throw", "thrown"],
  ] as const)("hands %s to onOther, unchanged", async (label, cause) => {
    const thunk = label === "a synchronous throw" ? (): Promise<never> => { throw cause } : () => Promise.reject(cause)
    expect(await leftOf(tryClerk(thunk, (c) => ({ other: c })))).toEqual({ other: cause })
    expect(((await leftOf(tryClerk(thunk, (c) => ({ other: c })))) as { other: unknown }).other).toBe(cause)
  })

  it("never rejects for a Clerk error without errors", async () => {
    const failure = (await leftOf(tryClerk(() => Promise.reject(sdkError({ status: 500, errors: [] })), String))) as ClerkDecodeError
    expect(failure).toMatchObject({ _tag: "ClerkDecodeError", status: 500 })
    expect(failure.message).toBe("Clerk SDK error, HTTP 500 Bad Request: not a Clerk error response (errors: expected non-empty array, got [])")
  })
})

describe("catchSignInErrors", () => {
  it("sends each of the twelve to its handler", async () => {
    for (const tag of signInErrorTags) {
      const { calls, handlers } = recordingHandlers()
      const result = await pipe(call(scenarioOfTag[tag]), TE.map(() => "passed"), catchSignInErrors(handlers))()
      expect(result).toEqual(Either.right(`handled ${tag}`))
      expect(calls).toEqual([tag])
    }
  })

  it("leaves other Lefts and Rights alone", async () => {
    const { calls, handlers } = recordingHandlers()
    const unknown = await leftOf(call("form_password_incorrect"))
    expect(await leftOf(pipe(TE.left(unknown), catchSignInErrors(handlers)))).toBe(unknown)
    const undecodable = ClerkDecodeError({ message: "m", failure: { _tag: "DecodeFailure", message: "m", errors: [] }, status: 500 })
    expect(await leftOf(pipe(TE.left(undecodable), catchSignInErrors(handlers)))).toBe(undecodable)
    expect(await pipe(TE.right(1), catchSignInErrors(handlers))()).toEqual(Either.right(1))
    expect(await leftOf(pipe(TE.left({ _tag: "AlreadySignedIn" }), catchSignInErrors(handlers)))).toEqual({ _tag: "AlreadySignedIn" })
    expect(calls).toEqual([])
  })

  it("puts a handler's Left in the Left", async () => {
    const { handlers } = recordingHandlers()
    const failing = catchSignInErrors({ ...handlers, SignInNotFound: (e) => TE.left(`restart ${e.signInId}`) })
    expect(await leftOf(failing(TE.left(SignInError.SignInNotFound({ signInId: "sia_1" }))))).toBe("restart sia_1")
  })

  it("names the missing handler at run time too (a handler set forced past the compiler)", async () => {
    const { handlers } = recordingHandlers()
    const { SignInNotFound: _missing, ...rest } = handlers
    const task = catchSignInErrors(rest as typeof handlers)(TE.left(SignInError.SignInNotFound({ signInId: "sia_1" })))
    await expect(task()).rejects.toThrow('catchSignInErrors: no handler for "SignInNotFound"')
  })
})

describe("an fp-ts sign-in service: one exhaustive handler set, real HTTP and the real Clerk SDK", () => {
  /** What the service answers; the Task cannot fail, so every case is handled, and the compiler checks the twelve. */
  const answer = (task: TE.TaskEither<ClerkError | ClerkDecodeError | NetworkError, unknown>): T.Task<string> =>
    pipe(
      task,
      TE.map(() => "signed in"),
      catchSignInErrors({
        SingleModeSessionExists: () => TE.right("activate the last active session"),
        AlreadySignedIn: (e) => TE.right(`activate ${e.sessionId}`),
        AccountTransferInvalid: () => TE.right("start the sign-up over"),
        InvalidClientStateForAction: (e) => TE.right(`refresh the client: ${e.resolution}`),
        InvalidStrategyForUser: () => TE.right("retry with the identifier only"),
        IdentificationClaimed: () => TE.right("sign up again"),
        MutationOnOlderSignInNotAllowed: () => TE.right("start a new sign-in"),
        SignInNotFound: (e) => TE.right(`forget ${e.signInId}`),
        IdentificationBelongsToDifferentUser: () => TE.right("ask for another identifier"),
        NoSecondFactorsForStrategy: (e) => TE.right(`offer another factor than ${e.strategy}`),
        SignInNoIdentificationForUser: () => TE.right("start over with another identifier"),
        SignInIdentificationOrUserDeleted: () => TE.right("start the sign-in over"),
      }),
      TE.getOrElse((e) =>
        T.of(
          e._tag === "UnknownClerkError"
            ? `show "${e.shortMessage}" (HTTP ${responseOf(e)?.status})`
            : e._tag === "ClerkDecodeError"
              ? `unavailable (HTTP ${e.status})`
              : `unreachable (${e._tag})`,
        ),
      ),
    )

  const sdkCall = (scenario: ScenarioName) =>
    tryClerk(
      () =>
        createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.scenarioUrl(scenario) }).signInTokens.createSignInToken({
          userId: "user_123",
          expiresInSeconds: 60,
        }),
      (cause): NetworkError => ({ _tag: "NetworkError", cause }),
    )

  it("answers each sign-in error the same from fetch and from the SDK, each by its own case", async () => {
    const fromFetch: Array<string> = []
    const fromSdk: Array<string> = []
    for (const tag of signInErrorTags) {
      fromFetch.push(await answer(call(scenarioOfTag[tag]))())
      fromSdk.push(await answer(sdkCall(scenarioOfTag[tag]))())
    }
    expect(fromSdk).toEqual(fromFetch)
    expect(new Set(fromFetch).size).toBe(signInErrorTags.length)
    expect(fromFetch).toContain("activate sess_2abc")
    expect(fromFetch).toContain("forget sia_2xyz")
    expect(fromFetch).toContain("offer another factor than totp")
    expect(fromFetch).toContain("refresh the client: Please start over.")
  })

  it("answers the rest: unknown codes, unreadable bodies, success, no network", async () => {
    expect(await answer(call("form_password_incorrect"))()).toBe('show "Password is incorrect. Try again, or use another method." (HTTP 422)')
    expect(await answer(sdkCall("too_many_requests"))()).toBe('show "Too many requests. Please try again in a bit." (HTTP 429)')
    expect(await answer(call("gateway_html_502"))()).toBe("unavailable (HTTP 502)")
    expect(await answer(sdkCall("empty_500"))()).toBe("unavailable (HTTP 500)")
    expect(await answer(call("success"))()).toBe("signed in")
    const closed = createClerkClient({ secretKey: "sk_test_x", apiUrl: "http://127.0.0.1:1" })
    const unreachable = tryClerk(() => closed.users.getUser("user_1"), (cause): NetworkError => ({ _tag: "NetworkError", cause }))
    expect(await answer(unreachable)()).toBe("unreachable (NetworkError)")
  })
})
