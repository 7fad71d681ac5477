/**
 * Which scenario of the Clerk stand-in (test/support/clerkStandIn.ts) answers
 * with each sign-in error, and the envelope it sends, for the adapter tests.
 * Typed by the catalog's tags: a thirteenth catalog entry is a compile error
 * here until the stand-in serves it.
 */
import { decodeErrorResponseJson } from "../../src/decode.js"
import type { ClerkErrorResponse, SignInErrorTag } from "../../src/index.js"
import { scenarios, type Scenario, type ScenarioName } from "./clerkStandIn.js"

export const scenarioOfTag = {
  SingleModeSessionExists: "session_exists",
  AlreadySignedIn: "identifier_already_signed_in",
  AccountTransferInvalid: "account_transfer_invalid",
  InvalidClientStateForAction: "client_state_invalid",
  InvalidStrategyForUser: "strategy_for_user_invalid",
  IdentificationClaimed: "identification_claimed",
  MutationOnOlderSignInNotAllowed: "mutation_on_older_sign_in_not_allowed",
  SignInNotFound: "sign_in_not_found",
  IdentificationBelongsToDifferentUser: "identification_belongs_to_different_user",
  NoSecondFactorsForStrategy: "no_second_factors",
  SignInNoIdentificationForUser: "sign_in_no_identification_for_user",
  SignInIdentificationOrUserDeleted: "sign_in_identification_or_user_deleted",
} as const satisfies { readonly [Tag in SignInErrorTag]: ScenarioName }

export interface WireEnvelope {
  readonly errors: ReadonlyArray<{ readonly code: string; readonly meta?: Readonly<Record<string, unknown>> }>
  readonly clerk_trace_id: string
}

/** The scenario's body as a Clerk envelope, or `undefined` when it is not one. */
export const envelopeOf = (scenario: Scenario): WireEnvelope | undefined => {
  try {
    const parsed: unknown = JSON.parse(scenario.body)
    return typeof parsed === "object" && parsed !== null && "errors" in parsed ? (parsed as WireEnvelope) : undefined
  } catch {
    return undefined
  }
}

/**
 * What the core decoder makes of a scenario's body, with the HTTP facts the
 * adapters add: the oracle for what an adapter must fail with.
 */
export const expectedResponse = (scenario: Scenario): ClerkErrorResponse => {
  const decoded = decodeErrorResponseJson(scenario.body)
  if (decoded._tag === "Left") throw new Error(`${scenario.name} is not an envelope: ${decoded.left.message}`)
  const retryAfter = scenario.headers["retry-after"]
  return { ...decoded.right, status: scenario.status, retryAfter: retryAfter === undefined ? undefined : Number(retryAfter) }
}

/** Error scenarios whose body is a Clerk envelope, and those whose body is not. */
export const envelopeScenarios = scenarios.filter((s) => s.status >= 400 && envelopeOf(s) !== undefined)
export const nonEnvelopeScenarios = scenarios.filter((s) => s.status >= 400 && envelopeOf(s) === undefined)

/** The FAPI sign-in endpoints the stand-in serves, as `[method, path]`. */
export const signInEndpoints = [
  ["POST", "/v1/client/sign_ins"],
  ["GET", "/v1/client/sign_ins/sia_123"],
  ["POST", "/v1/client/sign_ins/sia_123/prepare_first_factor"],
  ["POST", "/v1/client/sign_ins/sia_123/attempt_first_factor"],
  ["POST", "/v1/client/sign_ins/sia_123/prepare_second_factor"],
  ["POST", "/v1/client/sign_ins/sia_123/attempt_second_factor"],
] as const
