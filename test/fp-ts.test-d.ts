/** Types of clerk-sign-in-errors/fp-ts. */
import { pipe } from "fp-ts/lib/function.js"
import * as TE from "fp-ts/lib/TaskEither.js"
import { describe, expectTypeOf, it } from "vitest"
import {
  catchSignInErrors,
  ClerkDecodeError,
  failOnErrorResponse,
  responseOf,
  tryClerk,
  type SignInErrorTaskEitherHandlers,
} from "../src/fp-ts.js"
import type {
  ClerkError,
  ClerkErrorResponse,
  DecodeFailure,
  SignInError,
  SignInErrorOf,
  UnknownClerkError,
} from "../src/index.js"
import type { ClerkDecodeError as EffectClerkDecodeError } from "../src/effect.js"

interface Timeout {
  readonly _tag: "Timeout"
}

declare const res: Response
declare const fromResponse: TE.TaskEither<ClerkError | ClerkDecodeError, Response>
declare const mixed: TE.TaskEither<SignInError | Timeout, number>

const twelve = {
  SingleModeSessionExists: () => TE.right(1 as const),
  AlreadySignedIn: (e: SignInErrorOf<"AlreadySignedIn">) => TE.right(e.sessionId),
  AccountTransferInvalid: () => TE.right("start over" as const),
  InvalidClientStateForAction: () => TE.right(true as const),
  InvalidStrategyForUser: () => TE.right(null),
  IdentificationClaimed: () => TE.right(2 as const),
  MutationOnOlderSignInNotAllowed: () => TE.right(3 as const),
  SignInNotFound: (e: SignInErrorOf<"SignInNotFound">) => TE.right(e.signInId),
  IdentificationBelongsToDifferentUser: () => TE.right(4 as const),
  NoSecondFactorsForStrategy: () => TE.right(5 as const),
  SignInNoIdentificationForUser: () => TE.right(6 as const),
  SignInIdentificationOrUserDeleted: () => TE.right(7 as const),
}

type Twelve = 1 | 2 | 3 | 4 | 5 | 6 | 7 | "start over" | true | null | string | undefined

describe("constructors", () => {
  it("failOnErrorResponse", () => {
    expectTypeOf(failOnErrorResponse(res)).toEqualTypeOf<TE.TaskEither<ClerkError | ClerkDecodeError, Response>>()
    const chained = pipe(TE.right<Timeout, Response>(res), TE.chainW(failOnErrorResponse))
    expectTypeOf(chained).toEqualTypeOf<TE.TaskEither<Timeout | ClerkError | ClerkDecodeError, Response>>()
  })

  it("tryClerk: other rejections are what onOther makes of them", () => {
    expectTypeOf(tryClerk(() => Promise.resolve(1), (): Timeout => ({ _tag: "Timeout" }))).toEqualTypeOf<
      TE.TaskEither<ClerkError | ClerkDecodeError | Timeout, number>
    >()
    // @ts-expect-error onOther is required: a TaskEither has no channel for other rejections
    tryClerk(() => Promise.resolve(1))
  })

  it("ClerkDecodeError has the Effect adapter's fields", () => {
    expectTypeOf<ClerkDecodeError>().toEqualTypeOf<{
      readonly _tag: "ClerkDecodeError"
      readonly message: string
      readonly failure: DecodeFailure
      readonly status: number | undefined
    }>()
    expectTypeOf<EffectClerkDecodeError>().toMatchTypeOf<ClerkDecodeError>()
    expectTypeOf(responseOf).toEqualTypeOf<(error: ClerkError) => ClerkErrorResponse | undefined>()
  })
})

describe("catchSignInErrors", () => {
  it("removes the twelve from the Left and adds the handlers' results", () => {
    expectTypeOf(pipe(fromResponse, catchSignInErrors(twelve))).toEqualTypeOf<
      TE.TaskEither<UnknownClerkError | ClerkDecodeError, Response | Twelve>
    >()
    expectTypeOf(pipe(mixed, catchSignInErrors(twelve))).toEqualTypeOf<TE.TaskEither<Timeout, number | Twelve>>()
  })

  it("gives each handler its variant and joins the handlers' Lefts", () => {
    const handled = pipe(
      fromResponse,
      catchSignInErrors({
        ...twelve,
        SignInNotFound: (e) => {
          expectTypeOf(e).toEqualTypeOf<SignInErrorOf<"SignInNotFound">>()
          return TE.left<Timeout, never>({ _tag: "Timeout" })
        },
      }),
    )
    expectTypeOf(handled).toEqualTypeOf<
      TE.TaskEither<UnknownClerkError | ClerkDecodeError | Timeout, Response | Twelve>
    >()
  })

  it("infers inline handlers' Lefts as written: TE.right adds none", () => {
    const handled = pipe(
      fromResponse,
      catchSignInErrors({
        SingleModeSessionExists: () => TE.right(1),
        AlreadySignedIn: (e) => TE.right(e.sessionId),
        AccountTransferInvalid: () => TE.right(1),
        InvalidClientStateForAction: (e) => TE.right(e.action),
        InvalidStrategyForUser: () => TE.right(1),
        IdentificationClaimed: () => TE.right(1),
        MutationOnOlderSignInNotAllowed: () => TE.right(1),
        SignInNotFound: (e) => TE.left<Timeout>({ _tag: "Timeout" }),
        IdentificationBelongsToDifferentUser: () => TE.right(1),
        NoSecondFactorsForStrategy: (e) => TE.right(e.strategy),
        SignInNoIdentificationForUser: () => TE.right(1),
        SignInIdentificationOrUserDeleted: () => TE.right(1),
      }),
    )
    expectTypeOf(handled).toEqualTypeOf<
      TE.TaskEither<UnknownClerkError | ClerkDecodeError | Timeout, Response | number | string | undefined>
    >()
  })

  it("rejects a handler set missing a tag, or with an unknown one", () => {
    const { AlreadySignedIn: _dropped, ...eleven } = twelve
    // @ts-expect-error AlreadySignedIn is missing
    catchSignInErrors(eleven)
    // @ts-expect-error UnknownClerkError is not a sign-in error
    catchSignInErrors({ ...twelve, UnknownClerkError: () => TE.right(0) })
    // @ts-expect-error handlers return TaskEithers
    catchSignInErrors({ ...twelve, AlreadySignedIn: () => 0 })
    expectTypeOf(twelve).toMatchTypeOf<SignInErrorTaskEitherHandlers>()
  })
})
