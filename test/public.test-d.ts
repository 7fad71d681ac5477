/**
 * The types of the presentation layer: the message table is complete by
 * construction (derived from the catalog), the account-revealing five have
 * no key of their own, statuses are the catalog's literals.
 */
import { pipe } from "fp-ts/lib/function.js"
import { describe, expectTypeOf, it } from "vitest"
import {
  defaultPublicMessages,
  statusOf,
  toLogRecord,
  toPublicError,
  type AccountRevealingTag,
  type ClerkError,
  type ClerkErrorResponse,
  type ClerkErrorTag,
  type LogRecord,
  type PublicError,
  type PublicErrorCode,
  type PublicMessageKey,
  type PublicMessages,
  type SignInErrorOf,
  type SignInErrorTag,
} from "../src/index.js"

declare const error: ClerkError
declare const response: ClerkErrorResponse

/** A complete table, as a translation would write it. */
const french = {
  SingleModeSessionExists: "Vous êtes déjà connecté.",
  AlreadySignedIn: "Vous êtes déjà connecté.",
  InvalidClientStateForAction: "Veuillez actualiser la page.",
  InvalidStrategyForUser: "Cette méthode n'est pas disponible.",
  MutationOnOlderSignInNotAllowed: "Cette tentative a expiré.",
  SignInNotFound: "Cette tentative a expiré.",
  NoSecondFactorsForStrategy: "Choisissez une autre méthode.",
  SignInFailed: "Connexion impossible avec ces informations.",
  UnknownClerkError: "Une erreur est survenue.",
}

describe("PublicMessages", () => {
  it("has a key per tag of the catalog and UnknownClerkError, the five revealing ones folded into SignInFailed", () => {
    expectTypeOf<PublicMessageKey>().toEqualTypeOf<Exclude<SignInErrorTag, AccountRevealingTag> | "UnknownClerkError" | "SignInFailed">()
    expectTypeOf<keyof PublicMessages>().toEqualTypeOf<PublicMessageKey>()
    expectTypeOf<AccountRevealingTag>().toExtend<ClerkErrorTag>()
    expectTypeOf(defaultPublicMessages).toEqualTypeOf<PublicMessages>()
  })

  it("accepts a complete table, data-first and data-last", () => {
    expectTypeOf(toPublicError(error, french)).toEqualTypeOf<PublicError>()
    expectTypeOf(toPublicError(response, french)).toEqualTypeOf<PublicError>()
    expectTypeOf(toPublicError(french)).toEqualTypeOf<(input: ClerkError | ClerkErrorResponse) => PublicError>()
    expectTypeOf(pipe(response, toPublicError(french))).toEqualTypeOf<PublicError>()
  })

  it("refuses a table that misses a key", () => {
    const { SignInNotFound: _missing, ...incomplete } = french
    // @ts-expect-error SignInNotFound is missing
    toPublicError(error, incomplete)
    // @ts-expect-error SignInNotFound is missing
    toPublicError(incomplete)
    // @ts-expect-error a message must be a string
    const _table: PublicMessages = { ...french, UnknownClerkError: undefined }
  })

  it("refuses a message of its own for an account-revealing tag, or a misspelt key", () => {
    // @ts-expect-error IdentificationClaimed has no key: it answers with SignInFailed
    toPublicError(error, { ...french, IdentificationClaimed: "This e-mail is taken" })
    // @ts-expect-error the same, data-last
    toPublicError({ ...french, AccountTransferInvalid: "No account to transfer" })
    // @ts-expect-error a misspelt key
    toPublicError(error, { ...french, SignInNotFoud: "typo" })
  })

  it("only takes decoded values as input", () => {
    // @ts-expect-error a wire error is not decoded
    toPublicError({ code: "session_exists", message: "" })
  })
})

describe("PublicError", () => {
  it("has a code from a closed set: the non-revealing catalog codes, sign_in_failed, unknown_error", () => {
    expectTypeOf<PublicError["code"]>().toEqualTypeOf<PublicErrorCode>()
    expectTypeOf<"sign_in_failed">().toExtend<PublicErrorCode>()
    expectTypeOf<"resource_not_found">().toExtend<PublicErrorCode>()
    // The revealing five's own codes (when not shared with a non-revealing error) are not public codes.
    expectTypeOf<"identification_claimed">().not.toExtend<PublicErrorCode>()
    expectTypeOf<"account_transfer_invalid">().not.toExtend<PublicErrorCode>()
    expectTypeOf<"sign_in_no_identification_for_user">().not.toExtend<PublicErrorCode>()
    expectTypeOf<"sign_in_identification_or_user_deleted">().not.toExtend<PublicErrorCode>()
  })

  it("is read-only", () => {
    const answer = toPublicError(error)
    // @ts-expect-error read-only
    answer.message = "x"
  })
})

describe("statusOf", () => {
  it("gives the catalog's literal status for a known variant, number | undefined otherwise", () => {
    expectTypeOf(statusOf({} as SignInErrorOf<"SignInNotFound">)).toEqualTypeOf<404>()
    expectTypeOf(statusOf({} as SignInErrorOf<"IdentificationBelongsToDifferentUser">)).toEqualTypeOf<403>()
    expectTypeOf(statusOf({} as SignInErrorOf<"SingleModeSessionExists">)).toEqualTypeOf<400>()
    expectTypeOf(statusOf(error)).toEqualTypeOf<number | undefined>()
  })
})

describe("toLogRecord", () => {
  it("is flat: strings and numbers, the parameters optional", () => {
    expectTypeOf(toLogRecord(error)).toEqualTypeOf<LogRecord>()
    expectTypeOf(toLogRecord(response)).toEqualTypeOf<LogRecord>()
    expectTypeOf<LogRecord["tag"]>().toEqualTypeOf<ClerkErrorTag>()
    expectTypeOf<LogRecord["status"]>().toEqualTypeOf<number | undefined>()
    expectTypeOf<LogRecord["signInId"]>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LogRecord["sessionId"]>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LogRecord["paramName"]>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LogRecord>().not.toHaveProperty("meta")
  })
})
