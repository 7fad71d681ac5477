/**
 * clerk-sign-in-errors/effect: Clerk's errors in Effect's error channel.
 *
 * A Clerk error response fails with its first `ClerkError`, so
 * `Effect.catchTag("AlreadySignedIn", ...)` works on the variants directly;
 * `catchSignInErrors` handles all twelve sign-in errors at once, checked by
 * the compiler; `responseOf` gives back the whole response (status, trace id,
 * the other errors) behind a failure.
 *
 * Works with effect 3.15+ and 4: it uses only API that is the same in both
 * (`Data.TaggedError`, `Effect.succeed/fail/die/suspend/promise/flatMap/catchIf`),
 * checked against the declarations of both (node_modules/effect/dist/Effect.d.ts,
 * node_modules/effect-3-15/dist/dts/Effect.d.ts) and tested against effect
 * 3.15, the latest 3.x and 4 (`npm run test:effect`).
 *
 * @module clerk-sign-in-errors/effect
 * @since 0.1.0
 */
import type * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { isSignInError, type ClerkError, type ClerkErrorResponse, type SignInError } from "./ClerkError.js"
import type { DecodeFailure } from "./decode.js"
import type { ErrorHandlers, HandlersResult, NoExtraHandlers } from "./match.js"
import { decodeResponse } from "./internal/decoder.js"
import { dispatch } from "./internal/generated.js"
import { runDecoder } from "./internal/failure.js"
import { readErrorResponse, readSdkRejection, type Reading } from "./internal/http.js"
import * as origin from "./internal/origin.js"

/**
 * The fields of a `ClerkDecodeError`.
 *
 * @since 0.1.0
 */
export interface ClerkDecodeErrorFields {
  /** One readable line: the HTTP status when known, what is wrong, an excerpt of the body. */
  readonly message: string
  /** What the decoder expected and found, with the io-ts errors. */
  readonly failure: DecodeFailure
  /** The HTTP status of the answer, when there was one. */
  readonly status: number | undefined
}

// The base's type is written out, not inferred: inferred, the emitted
// declarations would name effect 4's `Types.VoidIfEmpty`, which effect 3.15
// does not have. `Cause.YieldableError` is in both.
const ClerkDecodeErrorBase: new (
  fields: ClerkDecodeErrorFields,
) => Cause.YieldableError & { readonly _tag: "ClerkDecodeError" } & Readonly<ClerkDecodeErrorFields> =
  Data.TaggedError("ClerkDecodeError")

/**
 * Input that is not a Clerk error response: a body that is not JSON or not
 * Clerk's envelope, or an SDK error without errors. `message` is one
 * readable line (for an HTTP answer: the status and an excerpt of the body).
 * A tagged error (`Data.TaggedError`): `yield*` it, or catch it with
 * `Effect.catchTag("ClerkDecodeError", ...)`.
 *
 * @since 0.1.0
 */
export class ClerkDecodeError extends ClerkDecodeErrorBase {}

const decodeError = (failure: DecodeFailure): ClerkDecodeError =>
  new ClerkDecodeError({ message: failure.message, failure, status: undefined })

/**
 * Decodes a Clerk error body (the wire envelope, or an SDK
 * `ClerkAPIResponseError`); anything else fails with `ClerkDecodeError`.
 *
 * @example
 * import { Effect } from "effect"
 * import { decodeErrorResponse } from "clerk-sign-in-errors/effect"
 *
 * const first = decodeErrorResponse({ errors: [{ code: "session_exists", message: "" }] }).pipe(
 *   Effect.map((response) => response.errors[0]._tag), // "SingleModeSessionExists"
 * )
 *
 * @since 0.1.0
 */
export const decodeErrorResponse = (u: unknown): Effect.Effect<ClerkErrorResponse, ClerkDecodeError> =>
  Effect.suspend(() => {
    const result = runDecoder(() => decodeResponse(u), "response", [])
    return result._tag === "Right"
      ? Effect.succeed(origin.remember(result.right))
      : Effect.fail(decodeError(result.left))
  })

const failWith = (reading: Reading): Effect.Effect<never, ClerkError | ClerkDecodeError> =>
  reading._tag === "ClerkErrorResponse"
    ? Effect.fail(reading.response.errors[0])
    : Effect.fail(new ClerkDecodeError(reading.fields))

/**
 * Passes a successful (`ok`) `Response` through untouched; fails an error
 * response with its first `ClerkError` (`responseOf` gives the whole
 * response: status, trace id, `Retry-After`, the other errors), or with
 * `ClerkDecodeError` when the body is not a Clerk error body. Reads the body
 * of error responses only.
 *
 * @example
 * import { Effect } from "effect"
 * import { failOnErrorResponse } from "clerk-sign-in-errors/effect"
 *
 * const signIn = (fapi: string) =>
 *   Effect.promise(() => fetch(`${fapi}/v1/client/sign_ins`, { method: "POST" })).pipe(
 *     Effect.flatMap(failOnErrorResponse),
 *     Effect.catchTag("AlreadySignedIn", (e) => Effect.succeed(`activate ${e.sessionId}`)),
 *   )
 *
 * @since 0.1.0
 */
export const failOnErrorResponse = (res: Response): Effect.Effect<Response, ClerkError | ClerkDecodeError> =>
  res.ok ? Effect.succeed(res) : Effect.flatMap(Effect.promise(() => readErrorResponse(res)), failWith)

type Settled<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly cause: unknown }

const settle = <A>(thunk: (signal: AbortSignal) => PromiseLike<A>, signal: AbortSignal): Promise<Settled<A>> =>
  // `new Promise` so that a thunk that throws before returning a promise is a rejection too.
  new Promise<A>((resolve) => resolve(thunk(signal))).then(
    (value): Settled<A> => ({ ok: true, value }),
    (cause: unknown): Settled<A> => ({ ok: false, cause }),
  )

/**
 * Runs a Clerk SDK call. A `ClerkAPIResponseError` it throws fails with the
 * response's first `ClerkError` (`responseOf` gives the whole response), or
 * with `ClerkDecodeError` when it carries no decodable error. Any other
 * rejection is not Clerk's answer and is kept as it is: it fails with
 * `onOther(cause)` when given, else it is a defect carrying the original
 * value (as `Effect.promise` would have it). The thunk gets an `AbortSignal`
 * that fires when the fiber is interrupted.
 *
 * @example
 * import { Effect } from "effect"
 * import { tryClerk } from "clerk-sign-in-errors/effect"
 *
 * declare const clerk: { users: { getUser: (id: string) => Promise<{ id: string }> } }
 *
 * const user = tryClerk(() => clerk.users.getUser("user_123")).pipe(
 *   Effect.catchTag("UnknownClerkError", (e) => Effect.fail(new Error(e.shortMessage))),
 * )
 *
 * @since 0.1.0
 */
export function tryClerk<A>(
  thunk: (signal: AbortSignal) => PromiseLike<A>,
): Effect.Effect<A, ClerkError | ClerkDecodeError>
export function tryClerk<A, E>(
  thunk: (signal: AbortSignal) => PromiseLike<A>,
  onOther: (cause: unknown) => E,
): Effect.Effect<A, ClerkError | ClerkDecodeError | E>
export function tryClerk<A, E>(
  thunk: (signal: AbortSignal) => PromiseLike<A>,
  onOther?: (cause: unknown) => E,
): Effect.Effect<A, ClerkError | ClerkDecodeError | E> {
  return Effect.flatMap(
    Effect.promise((signal) => settle(thunk, signal)),
    (settled): Effect.Effect<A, ClerkError | ClerkDecodeError | E> => {
      if (settled.ok) return Effect.succeed(settled.value)
      const reading = readSdkRejection(settled.cause)
      if (reading !== undefined) return failWith(reading)
      return onOther === undefined ? Effect.die(settled.cause) : Effect.fail(onOther(settled.cause))
    },
  )
}

/**
 * One handler per sign-in error, each returning an `Effect`.
 *
 * @since 0.1.0
 */
export type SignInErrorEffectHandlers = ErrorHandlers<SignInError, Effect.Effect<unknown, unknown, unknown>>

type Success<X> = X extends Effect.Effect<infer A, infer _E, infer _R> ? A : never
type Failure<X> = X extends Effect.Effect<infer _A, infer E, infer _R> ? E : never
type Requirements<X> = X extends Effect.Effect<infer _A, infer _E, infer R> ? R : never

/**
 * `self` with the twelve sign-in errors handled: they leave the error
 * channel, the handlers' results join it.
 *
 * @since 0.1.0
 */
export type CaughtSignInErrors<A, E, R, H> = Effect.Effect<
  A | Success<HandlersResult<H>>,
  Exclude<E, SignInError> | Failure<HandlersResult<H>>,
  R | Requirements<HandlersResult<H>>
>

/**
 * Handles all twelve sign-in errors at once: each goes to the handler of its
 * `_tag`, and none is left in the error channel. A handler set missing a tag
 * is a compile error naming it; an unknown tag is one too.
 * `UnknownClerkError` and `ClerkDecodeError` stay in the channel.
 *
 * Data-last `pipe(effect, catchSignInErrors(handlers))` or data-first
 * `catchSignInErrors(effect, handlers)`.
 *
 * @example
 * import { Effect } from "effect"
 * import { catchSignInErrors, failOnErrorResponse } from "clerk-sign-in-errors/effect"
 *
 * const restart = () => Effect.succeed("start the sign-in over")
 *
 * const answer = (res: Response) =>
 *   failOnErrorResponse(res).pipe(
 *     Effect.as("signed in"),
 *     catchSignInErrors({
 *       SingleModeSessionExists: () => Effect.succeed("activate the last active session"),
 *       AlreadySignedIn: (e) => Effect.succeed(`activate ${e.sessionId ?? "the current session"}`),
 *       AccountTransferInvalid: restart,
 *       InvalidClientStateForAction: restart,
 *       InvalidStrategyForUser: () => Effect.succeed("retry with the identifier only"),
 *       IdentificationClaimed: () => Effect.succeed("sign up again"),
 *       MutationOnOlderSignInNotAllowed: restart,
 *       SignInNotFound: restart,
 *       IdentificationBelongsToDifferentUser: () => Effect.succeed("ask for another identifier"),
 *       NoSecondFactorsForStrategy: () => Effect.succeed("offer another second factor"),
 *       SignInNoIdentificationForUser: restart,
 *       SignInIdentificationOrUserDeleted: restart,
 *     }),
 *   ) // Effect<string, UnknownClerkError | ClerkDecodeError>
 *
 * @since 0.1.0
 */
export const catchSignInErrors: {
  <H extends SignInErrorEffectHandlers & NoExtraHandlers<SignInError, H>>(
    handlers: H,
  ): <A, E, R>(self: Effect.Effect<A, E, R>) => CaughtSignInErrors<A, E, R, H>
  <A, E, R, H extends SignInErrorEffectHandlers & NoExtraHandlers<SignInError, H>>(
    self: Effect.Effect<A, E, R>,
    handlers: H,
  ): CaughtSignInErrors<A, E, R, H>
} = function (a: unknown, b?: unknown): unknown {
  if (arguments.length === 1) return (self: Effect.Effect<unknown, unknown, unknown>) => catchAll(self, a as Handlers)
  return catchAll(a as Effect.Effect<unknown, unknown, unknown>, b as Handlers)
} as never

type Handlers = Readonly<Record<string, (error: SignInError) => Effect.Effect<unknown, unknown, unknown>>>

// The matchers' generated switch, so that a handler is found as `matchError` finds it.
const catchAll = (self: Effect.Effect<unknown, unknown, unknown>, handlers: Handlers) =>
  Effect.catchIf(self, isSignInError, (error) => dispatch(handlers, error, noHandler) as Effect.Effect<unknown, unknown, unknown>)

const noHandler = (error: { readonly _tag: string }): never => {
  throw new TypeError(`catchSignInErrors: no handler for "${error._tag}"`)
}

/**
 * The whole response behind an error this adapter failed with (or decoded):
 * status, trace id, `Retry-After`, envelope `meta` and every error, the first
 * one included. `undefined` for an error it did not produce.
 *
 * @example
 * import { Effect } from "effect"
 * import { failOnErrorResponse, responseOf } from "clerk-sign-in-errors/effect"
 *
 * const traced = (res: Response) =>
 *   failOnErrorResponse(res).pipe(
 *     Effect.catchTag("UnknownClerkError", (e) =>
 *       Effect.fail(`${e.code} (trace ${responseOf(e)?.traceId ?? "none"}, HTTP ${responseOf(e)?.status})`),
 *     ),
 *   )
 *
 * @since 0.1.0
 */
export const responseOf: (error: ClerkError) => ClerkErrorResponse | undefined = origin.responseOf
