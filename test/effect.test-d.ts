/**
 * Types of clerk-sign-in-errors/effect. Checked against effect 4, 3.15 and the
 * latest 3.x (`npm run test:effect` runs tsc with tsconfig.effect*.json).
 */
import { Effect } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import {
  catchSignInErrors,
  ClerkDecodeError,
  decodeErrorResponse,
  failOnErrorResponse,
  responseOf,
  tryClerk,
  type SignInErrorEffectHandlers,
} from "../src/effect.js"
import type {
  ClerkError,
  ClerkErrorResponse,
  DecodeFailure,
  SignInError,
  SignInErrorOf,
  UnknownClerkError,
} from "../src/index.js"

class Timeout {
  readonly _tag = "Timeout"
}
class Db {
  readonly _tag = "Db"
}

declare const res: Response
declare const fromResponse: Effect.Effect<Response, ClerkError | ClerkDecodeError>
declare const mixed: Effect.Effect<number, SignInError | Timeout, "Clerk">

/** A complete handler set; each handler's success type is distinct. */
const twelve = {
  SingleModeSessionExists: () => Effect.succeed(1 as const),
  AlreadySignedIn: (e: SignInErrorOf<"AlreadySignedIn">) => Effect.succeed(e.sessionId),
  AccountTransferInvalid: () => Effect.succeed("start over" as const),
  InvalidClientStateForAction: () => Effect.succeed(true as const),
  InvalidStrategyForUser: () => Effect.succeed(null),
  IdentificationClaimed: () => Effect.succeed(2 as const),
  MutationOnOlderSignInNotAllowed: () => Effect.succeed(3 as const),
  SignInNotFound: (e: SignInErrorOf<"SignInNotFound">) => Effect.succeed(e.signInId),
  IdentificationBelongsToDifferentUser: () => Effect.succeed(4 as const),
  NoSecondFactorsForStrategy: () => Effect.succeed(5 as const),
  SignInNoIdentificationForUser: () => Effect.succeed(6 as const),
  SignInIdentificationOrUserDeleted: () => Effect.succeed(7 as const),
}

describe("constructors", () => {
  it("decodeErrorResponse", () => {
    expectTypeOf(decodeErrorResponse).parameter(0).toEqualTypeOf<unknown>()
    expectTypeOf(decodeErrorResponse({})).toEqualTypeOf<Effect.Effect<ClerkErrorResponse, ClerkDecodeError>>()
  })

  it("failOnErrorResponse", () => {
    expectTypeOf(failOnErrorResponse(res)).toEqualTypeOf<Effect.Effect<Response, ClerkError | ClerkDecodeError>>()
    expectTypeOf(Effect.flatMap(Effect.succeed(res), failOnErrorResponse)).toEqualTypeOf<
      Effect.Effect<Response, ClerkError | ClerkDecodeError>
    >()
  })

  it("tryClerk: Clerk's errors typed; other rejections typed only when mapped", () => {
    expectTypeOf(tryClerk(() => Promise.resolve(1))).toEqualTypeOf<Effect.Effect<number, ClerkError | ClerkDecodeError>>()
    expectTypeOf(tryClerk(() => Promise.resolve("x"), () => new Timeout())).toEqualTypeOf<
      Effect.Effect<string, ClerkError | ClerkDecodeError | Timeout>
    >()
    tryClerk((signal) => {
      expectTypeOf(signal).toEqualTypeOf<AbortSignal>()
      return Promise.resolve(1)
    })
  })

  it("ClerkDecodeError: a tagged error with the message, the failure and the status", () => {
    expectTypeOf<ClerkDecodeError["_tag"]>().toEqualTypeOf<"ClerkDecodeError">()
    expectTypeOf<ClerkDecodeError["message"]>().toEqualTypeOf<string>()
    expectTypeOf<ClerkDecodeError["failure"]>().toEqualTypeOf<DecodeFailure>()
    expectTypeOf<ClerkDecodeError["status"]>().toEqualTypeOf<number | undefined>()
    expectTypeOf<ClerkDecodeError>().toMatchTypeOf<Error>()
  })

  it("responseOf", () => {
    expectTypeOf(responseOf).toEqualTypeOf<(error: ClerkError) => ClerkErrorResponse | undefined>()
  })
})

describe("Effect's own combinators on the failures", () => {
  it("catchTag narrows to the variant, with its parameters", () => {
    const caught = fromResponse.pipe(
      Effect.catchTag("AlreadySignedIn", (e) => {
        expectTypeOf(e).toEqualTypeOf<SignInErrorOf<"AlreadySignedIn">>()
        expectTypeOf(e.sessionId).toEqualTypeOf<string | undefined>()
        return Effect.succeed(0 as const)
      }),
    )
    expectTypeOf(caught).toEqualTypeOf<
      Effect.Effect<Response | 0, Exclude<ClerkError, { _tag: "AlreadySignedIn" }> | ClerkDecodeError>
    >()
  })

  it("catchTags takes the variants' tags and rejects others", () => {
    fromResponse.pipe(
      Effect.catchTags({
        SignInNotFound: (e) => {
          expectTypeOf(e.signInId).toEqualTypeOf<string>()
          return Effect.succeed(1)
        },
        ClerkDecodeError: (e) => Effect.succeed(e.status),
      }),
    )
  })
})

describe("catchSignInErrors", () => {
  it("removes the twelve from the error channel and adds the handlers' results", () => {
    const handled = fromResponse.pipe(catchSignInErrors(twelve))
    expectTypeOf(handled).toEqualTypeOf<
      Effect.Effect<
        Response | 1 | 2 | 3 | 4 | 5 | 6 | 7 | "start over" | true | null | string | undefined,
        UnknownClerkError | ClerkDecodeError
      >
    >()
    expectTypeOf(catchSignInErrors(fromResponse, twelve)).toEqualTypeOf(handled)
  })

  it("gives each handler its variant", () => {
    catchSignInErrors(fromResponse, {
      ...twelve,
      NoSecondFactorsForStrategy: (e) => {
        expectTypeOf(e).toEqualTypeOf<SignInErrorOf<"NoSecondFactorsForStrategy">>()
        return Effect.succeed(e.strategy)
      },
      InvalidClientStateForAction: (e) => {
        expectTypeOf(e.action).toEqualTypeOf<string | undefined>()
        return Effect.succeed(e.resolution)
      },
    })
  })

  it("joins the handlers' errors and requirements", () => {
    const handled = fromResponse.pipe(
      catchSignInErrors({
        ...twelve,
        SignInNotFound: () => Effect.fail(new Timeout()),
        AlreadySignedIn: () => Effect.fail(new Db()) as Effect.Effect<never, Db, "Sessions">,
      }),
    )
    expectTypeOf(handled).toEqualTypeOf<
      Effect.Effect<
        Response | 1 | 2 | 3 | 4 | 5 | 6 | 7 | "start over" | true | null,
        UnknownClerkError | ClerkDecodeError | Timeout | Db,
        "Sessions"
      >
    >()
  })

  it("keeps the rest of the channel, and errors that are not Clerk's", () => {
    expectTypeOf(catchSignInErrors(mixed, twelve)).toEqualTypeOf<
      Effect.Effect<number | 1 | 2 | 3 | 4 | 5 | 6 | 7 | "start over" | true | null | string | undefined, Timeout, "Clerk">
    >()
  })

  it("infers inline handlers' types as written", () => {
    const handled = fromResponse.pipe(
      catchSignInErrors({
        SingleModeSessionExists: () => Effect.succeed(1),
        AlreadySignedIn: (e) => Effect.succeed(e.sessionId),
        AccountTransferInvalid: () => Effect.succeed(1),
        InvalidClientStateForAction: (e) => Effect.succeed(e.action),
        InvalidStrategyForUser: () => Effect.void,
        IdentificationClaimed: () => Effect.succeed(1),
        MutationOnOlderSignInNotAllowed: () => Effect.succeed(1),
        SignInNotFound: () => Effect.fail(new Timeout()),
        IdentificationBelongsToDifferentUser: () => Effect.succeed(1),
        NoSecondFactorsForStrategy: (e) => Effect.succeed(e.strategy),
        SignInNoIdentificationForUser: () => Effect.succeed(1),
        SignInIdentificationOrUserDeleted: () => Effect.succeed(1),
      }),
    )
    expectTypeOf(handled).toEqualTypeOf<
      Effect.Effect<Response | number | string | undefined | void, UnknownClerkError | ClerkDecodeError | Timeout>
    >()
  })

  it("rejects a handler set missing a tag, or with an unknown one", () => {
    const { SignInNotFound: _dropped, ...eleven } = twelve
    // @ts-expect-error SignInNotFound is missing
    catchSignInErrors(eleven)
    // @ts-expect-error SignInNotFound is missing
    catchSignInErrors(fromResponse, eleven)
    // @ts-expect-error UnknownClerkError is not a sign-in error
    catchSignInErrors({ ...twelve, UnknownClerkError: () => Effect.succeed(0) })
    // @ts-expect-error a misspelt tag
    catchSignInErrors({ ...twelve, SigninNotFound: () => Effect.succeed(0) })
    // @ts-expect-error handlers return Effects
    catchSignInErrors({ ...twelve, SignInNotFound: () => 0 })
  })

  it("has a named handler-set type", () => {
    expectTypeOf(twelve).toMatchTypeOf<SignInErrorEffectHandlers>()
  })
})
