import { pipe } from "fp-ts/lib/function.js"
import { describe, expectTypeOf, it } from "vitest"
import {
  matchError,
  matchErrorOrElse,
  type ClerkError,
  type SignInError,
  type SignInErrorHandlers,
  type SignInErrorOf,
  type UnknownClerkError,
} from "../src/index.js"

declare const signIn: SignInError
declare const any: ClerkError

/** A complete handler set for the twelve, each returning a distinct type. */
const twelve = {
  SingleModeSessionExists: () => 1 as const,
  AlreadySignedIn: (e: SignInErrorOf<"AlreadySignedIn">) => e.sessionId,
  AccountTransferInvalid: () => "start over" as const,
  InvalidClientStateForAction: () => true,
  InvalidStrategyForUser: () => null,
  IdentificationClaimed: () => 2 as const,
  MutationOnOlderSignInNotAllowed: () => 3 as const,
  SignInNotFound: (e: SignInErrorOf<"SignInNotFound">) => e.signInId,
  IdentificationBelongsToDifferentUser: () => 4 as const,
  NoSecondFactorsForStrategy: () => 5 as const,
  SignInNoIdentificationForUser: () => 6 as const,
  SignInIdentificationOrUserDeleted: () => 7 as const,
}

describe("matchError types", () => {
  it("narrows the variant inside each handler", () => {
    matchError(signIn, {
      ...twelve,
      AlreadySignedIn: (e) => {
        expectTypeOf(e._tag).toEqualTypeOf<"AlreadySignedIn">()
        expectTypeOf(e.sessionId).toEqualTypeOf<string | undefined>()
        expectTypeOf(e.code).toEqualTypeOf<"identifier_already_signed_in">()
        return 0
      },
      SignInNotFound: (e) => {
        expectTypeOf(e.signInId).toEqualTypeOf<string>()
        return 0
      },
      InvalidClientStateForAction: (e) => {
        expectTypeOf(e.action).toEqualTypeOf<string | undefined>()
        expectTypeOf(e.resolution).toEqualTypeOf<string | undefined>()
        return 0
      },
    })
  })

  it("infers the union of the handlers' results", () => {
    const result = matchError(signIn, twelve)
    expectTypeOf(result).toEqualTypeOf<1 | 2 | 3 | 4 | 5 | 6 | 7 | string | undefined | "start over" | boolean | null>()
  })

  it("requires 13 handlers for a ClerkError, 12 for a SignInError", () => {
    const thirteen = { ...twelve, UnknownClerkError: (e: UnknownClerkError) => e.code }
    expectTypeOf(matchError(any, thirteen)).toEqualTypeOf<ReturnType<typeof matchError<ClerkError, typeof thirteen>>>()
    // @ts-expect-error UnknownClerkError is missing for a ClerkError
    matchError(any, twelve)
    // @ts-expect-error UnknownClerkError is not a tag of SignInError
    matchError(signIn, thirteen)
  })

  it("rejects a handler set missing a tag", () => {
    const { SignInNotFound: _dropped, ...eleven } = twelve
    // @ts-expect-error Property 'SignInNotFound' is missing
    matchError(signIn, eleven)
    // @ts-expect-error data-last: the returned function does not accept the whole union
    pipe(signIn, matchError(eleven))
  })

  it("rejects a misspelt or extra key", () => {
    const { SignInNotFound: _dropped, ...eleven } = twelve
    // @ts-expect-error SignInNotFund is not a tag
    matchError(signIn, { ...eleven, SignInNotFund: () => 0 })
    // @ts-expect-error extra key beside a complete set
    matchError(signIn, { ...twelve, Extra: () => 0 })
  })

  it("data-last infers the result and accepts the handled union", () => {
    const handle = matchError(twelve)
    expectTypeOf(pipe(signIn, handle)).toEqualTypeOf<ReturnType<typeof handle>>()
    expectTypeOf(handle).parameter(0).toMatchTypeOf<SignInError>()
  })

  it("a handler table written elsewhere is checked where it is written", () => {
    // @ts-expect-error a table typed SignInErrorHandlers missing a tag does not compile
    const table: SignInErrorHandlers<number> = { SingleModeSessionExists: () => 1 }
    void table
  })
})

describe("matchErrorOrElse types", () => {
  it("gives orElse the unhandled variants and returns both results", () => {
    const result = matchErrorOrElse(
      any,
      { AlreadySignedIn: (e) => e.sessionId ?? "none", UnknownClerkError: () => 0 as const },
      (rest) => {
        expectTypeOf(rest).toEqualTypeOf<Exclude<ClerkError, { readonly _tag: "AlreadySignedIn" | "UnknownClerkError" }>>()
        return false as const
      },
    )
    expectTypeOf(result).toEqualTypeOf<string | 0 | false>()
  })

  it("rejects a misspelt key", () => {
    // @ts-expect-error AlreadySigned is not a tag
    matchErrorOrElse(any, { AlreadySigned: () => 0 }, () => 1)
  })
})
