/**
 * The real Clerk SDK: `@clerk/backend`'s client, pointed at the stand-in
 * (test/support/clerkStandIn.ts), throws its own `ClerkAPIResponseError`;
 * `tryClerk` of both adapters must turn it into the variant the wire carried,
 * parameters and trace id included, and keep every other rejection as it is.
 */
import { createClerkClient } from "@clerk/backend"
import { isClerkAPIResponseError } from "@clerk/backend/errors"
import { Cause, Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import * as E from "../src/effect.js"
import * as F from "../src/fp-ts.js"
import { signInErrorTags, type ClerkError } from "../src/index.js"
import { startClerkStandIn, type ScenarioName } from "./support/clerkStandIn.js"
import { useClerkStandIn } from "./support/useClerkStandIn.js"
import { envelopeScenarios, expectedResponse, nonEnvelopeScenarios, scenarioOfTag } from "./support/signInScenarios.js"

const standIn = useClerkStandIn()

/** A Backend API call that the stand-in answers with `scenario`. */
const createSignInToken = (scenario: ScenarioName) => () =>
  createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.scenarioUrl(scenario) }).signInTokens.createSignInToken({
    userId: "user_123",
    expiresInSeconds: 60,
  })

/** Both adapters' failure for the same SDK call. */
const failures = async (scenario: ScenarioName): Promise<{ effect: unknown; fpts: unknown }> => {
  const effect = await Effect.runPromise(Effect.flip(E.tryClerk(createSignInToken(scenario))))
  const result = await F.tryClerk(createSignInToken(scenario), (cause) => ({ other: cause }))()
  if (result._tag === "Right") throw new Error(`${scenario}: the SDK call succeeded`)
  return { effect, fpts: result.left }
}

describe("tryClerk with @clerk/backend", () => {
  it.each(signInErrorTags.map((tag) => [tag, scenarioOfTag[tag]] as const))(
    "%s: the SDK's error comes out as that variant, through both adapters",
    async (tag, scenario) => {
      const { effect, fpts } = await failures(scenario)
      expect((effect as ClerkError)._tag).toBe(tag)
      expect((fpts as ClerkError)._tag).toBe(tag)
    },
  )

  it.each(envelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: the failure equals what the wire said; responseOf has status, trace id and Retry-After",
    async (name, scenario) => {
      const expected = expectedResponse(scenario)
      const { effect, fpts } = await failures(name)
      // The SDK rebuilds each error in camelCase, drops unknown meta keys and
      // always builds a meta object (node_modules/@clerk/shared's ClerkAPIError):
      // the decoder maps it back, so the SDK and the wire decode the same,
      // except that a wire error without meta comes out with `meta: {}`.
      const viaSdk = expected.errors.map((e) => ({ ...e, meta: e.meta ?? {} }))
      for (const failure of [effect, fpts] as Array<ClerkError>) {
        expect(failure).toEqual(viaSdk[0])
        const response = E.responseOf(failure)
        expect(response).toMatchObject({ status: expected.status, traceId: expected.traceId, retryAfter: expected.retryAfter })
        expect(response?.errors).toEqual(viaSdk)
        expect(F.responseOf(failure)).toBe(response)
      }
    },
  )

  it("reads the parameters from what the SDK produced", async () => {
    expect((await failures("identifier_already_signed_in")).effect).toMatchObject({
      _tag: "AlreadySignedIn",
      sessionId: "sess_2abc",
      meta: { session_id: "sess_2abc" },
    })
    expect((await failures("sign_in_not_found")).fpts).toMatchObject({ _tag: "SignInNotFound", signInId: "sia_2xyz" })
    expect((await failures("no_second_factors")).effect).toMatchObject({ strategy: "totp" })
    expect((await failures("client_state_invalid")).fpts).toMatchObject({ action: "sign_in", resolution: "Please start over." })
  })

  it.each(nonEnvelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: an SDK error without errors is a ClerkDecodeError naming the status",
    async (name, scenario) => {
      const { effect, fpts } = await failures(name)
      expect(effect).toBeInstanceOf(E.ClerkDecodeError)
      for (const failure of [effect, fpts] as Array<E.ClerkDecodeError>) {
        expect(failure._tag).toBe("ClerkDecodeError")
        expect(failure.status).toBe(scenario.status)
        expect(failure.message).toMatch(new RegExp(`^Clerk SDK error, HTTP ${scenario.status} `))
        expect(failure.message).toContain("errors: expected non-empty array, got []")
      }
    },
  )

  it("handles every sign-in error of the SDK with one exhaustive handler set", async () => {
    const answers: Array<string> = []
    for (const tag of signInErrorTags) {
      const answer = await Effect.runPromise(
        E.tryClerk(createSignInToken(scenarioOfTag[tag])).pipe(
          Effect.as("signed in"),
          E.catchSignInErrors({
            SingleModeSessionExists: (e) => Effect.succeed(e._tag),
            AlreadySignedIn: (e) => Effect.succeed(`${e._tag} ${e.sessionId}`),
            AccountTransferInvalid: (e) => Effect.succeed(e._tag),
            InvalidClientStateForAction: (e) => Effect.succeed(`${e._tag} ${e.action}`),
            InvalidStrategyForUser: (e) => Effect.succeed(e._tag),
            IdentificationClaimed: (e) => Effect.succeed(e._tag),
            MutationOnOlderSignInNotAllowed: (e) => Effect.succeed(e._tag),
            SignInNotFound: (e) => Effect.succeed(`${e._tag} ${e.signInId}`),
            IdentificationBelongsToDifferentUser: (e) => Effect.succeed(e._tag),
            NoSecondFactorsForStrategy: (e) => Effect.succeed(`${e._tag} ${e.strategy}`),
            SignInNoIdentificationForUser: (e) => Effect.succeed(e._tag),
            SignInIdentificationOrUserDeleted: (e) => Effect.succeed(e._tag),
          }),
          Effect.catchTags({
            UnknownClerkError: (e) => Effect.succeed(`unknown ${e.code}`),
            ClerkDecodeError: (e) => Effect.succeed(e.message),
          }),
        ),
      )
      answers.push(answer)
    }
    expect(answers.map((a) => a.split(" ")[0])).toEqual(signInErrorTags)
    expect(answers).toContain("AlreadySignedIn sess_2abc")
    expect(answers).toContain("SignInNotFound sia_2xyz")
  })

  it("passes a successful call through", async () => {
    const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.url })
    const user = await Effect.runPromise(E.tryClerk(() => clerk.users.getUser("user_42")))
    expect(user.id).toBe("user_42")
    const token = await F.tryClerk(() => clerk.signInTokens.createSignInToken({ userId: "user_1", expiresInSeconds: 60 }), String)()
    expect(token._tag === "Right" && token.right.id).toBe("sitkn_123")
  })
})

describe("rejections that are not Clerk's answer", () => {
  it("connection refused: the SDK's own error (no status) stays what it is, never an UnknownClerkError", async () => {
    const closed = await startClerkStandIn()
    await closed.close()
    const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: closed.url })
    const exit = await Effect.runPromiseExit(E.tryClerk(() => clerk.users.getUser("user_1")))
    expect(Exit.isFailure(exit)).toBe(true)
    const defect = Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined
    expect(isClerkAPIResponseError(defect)).toBe(true)
    expect(defect).toMatchObject({ status: undefined, errors: [{ code: "unexpected_error" }] })

    const result = await F.tryClerk(() => clerk.users.getUser("user_1"), (cause) => ({ other: cause }))()
    expect(result._tag === "Left" && result.left).toMatchObject({ other: { status: undefined } })
  })

  it("a missing secret key: the SDK's plain Error stays what it is", async () => {
    const clerk = createClerkClient({ apiUrl: standIn.url })
    const exit = await Effect.runPromiseExit(E.tryClerk(() => clerk.users.getUser("user_1")))
    const defect = Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined
    expect(defect).toBeInstanceOf(Error)
    expect(String((defect as Error).message)).toContain("Secret Key")

    const mapped = (await Effect.runPromise(
      Effect.flip(E.tryClerk(() => clerk.users.getUser("user_1"), (cause) => ({ other: cause }))),
    )) as { other: unknown }
    expect(mapped.other).toBeInstanceOf(Error)
    expect((mapped.other as Error).message).toBe((defect as Error).message)
  })

  it("went through the stand-in: every sign-in scenario was requested by the SDK", () => {
    const asked = new Set(standIn.requests.map((r) => r.path.split("/")[2]))
    for (const tag of signInErrorTags) expect(asked.has(scenarioOfTag[tag])).toBe(true)
  })
})
