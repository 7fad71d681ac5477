/**
 * clerk-sign-in-errors/fp-ts: Clerk's errors in `TaskEither` pipelines.
 *
 * The same meaning as `clerk-sign-in-errors/effect`: a Clerk error response
 * is a `Left` of its first `ClerkError` (`responseOf` gives the whole
 * response), anything that is not one is a `ClerkDecodeError`, and
 * `catchSignInErrors` handles all twelve sign-in errors, checked by the
 * compiler. The `TaskEither`s built here never reject, whatever Clerk or the
 * network does (only a throwing handler or `onOther` of yours can).
 *
 * @module clerk-sign-in-errors/fp-ts
 * @since 0.1.0
 */
import type { Either } from "fp-ts/lib/Either.js"
import type { TaskEither } from "fp-ts/lib/TaskEither.js"
import { isSignInError, type ClerkError, type ClerkErrorResponse, type SignInError } from "./ClerkError.js"
import type { DecodeFailure } from "./decode.js"
import type { ErrorHandlers, HandlersResult, NoExtraHandlers } from "./match.js"
import { dispatch, type DispatchHandlers } from "./internal/generated.js"
import { readErrorResponse, readSdkRejection, type NotClerkResponse, type Reading } from "./internal/http.js"
import * as origin from "./internal/origin.js"

/**
 * An answer that is not a Clerk error response: a body that is not JSON or
 * not Clerk's envelope, or an SDK error without errors. Plain frozen data,
 * with the same fields as the Effect adapter's `ClerkDecodeError`.
 *
 * @since 0.1.0
 */
export interface ClerkDecodeError {
  readonly _tag: "ClerkDecodeError"
  /** One readable line: the HTTP status when known, what is wrong, an excerpt of the body. */
  readonly message: string
  /** What the decoder expected and found, with the io-ts errors. */
  readonly failure: DecodeFailure
  /** The HTTP status of the answer, when there was one. */
  readonly status: number | undefined
}

/**
 * Builds a `ClerkDecodeError`.
 *
 * @since 0.1.0
 */
export const ClerkDecodeError = (fields: {
  readonly message: string
  readonly failure: DecodeFailure
  readonly status: number | undefined
}): ClerkDecodeError =>
  Object.freeze({ _tag: "ClerkDecodeError", message: fields.message, failure: fields.failure, status: fields.status })

const left = <E>(e: E): Either<E, never> => ({ _tag: "Left", left: e })
const right = <A>(a: A): Either<never, A> => ({ _tag: "Right", right: a })

const leftOf = (reading: Reading): Either<ClerkError | ClerkDecodeError, never> =>
  reading._tag === "ClerkErrorResponse" ? left(reading.response.errors[0]) : left(ClerkDecodeError(reading.fields satisfies NotClerkResponse))

/**
 * Passes a successful (`ok`) `Response` through untouched; an error response
 * is a `Left` of its first `ClerkError` (`responseOf` gives the whole
 * response: status, trace id, `Retry-After`, the other errors), or of
 * `ClerkDecodeError` when the body is not a Clerk error body. Reads the body
 * of error responses only.
 *
 * @example
 * import { pipe } from "fp-ts/lib/function.js"
 * import * as TE from "fp-ts/lib/TaskEither.js"
 * import { failOnErrorResponse } from "clerk-sign-in-errors/fp-ts"
 *
 * const signIn = (fapi: string) =>
 *   pipe(
 *     TE.tryCatch(() => fetch(`${fapi}/v1/client/sign_ins`, { method: "POST" }), (cause) => ({ _tag: "NetworkError" as const, cause })),
 *     TE.chainW(failOnErrorResponse),
 *   )
 *
 * @since 0.1.0
 */
export const failOnErrorResponse =
  (res: Response): TaskEither<ClerkError | ClerkDecodeError, Response> =>
  async () =>
    res.ok ? right(res) : leftOf(await readErrorResponse(res))

/**
 * Runs a Clerk SDK call. A `ClerkAPIResponseError` it throws is a `Left` of
 * the response's first `ClerkError` (`responseOf` gives the whole response),
 * or of `ClerkDecodeError` when it carries no decodable error. Any other
 * rejection is not Clerk's answer: it becomes `onOther(cause)`, as
 * `TE.tryCatch`'s `onRejected` would (a `TaskEither` has no other channel).
 *
 * @example
 * import { tryClerk } from "clerk-sign-in-errors/fp-ts"
 *
 * declare const clerk: { users: { getUser: (id: string) => Promise<{ id: string }> } }
 *
 * const user = tryClerk(
 *   () => clerk.users.getUser("user_123"),
 *   (cause) => ({ _tag: "ClerkUnreachable" as const, cause }),
 * )
 *
 * @since 0.1.0
 */
export const tryClerk =
  <A, E>(thunk: () => PromiseLike<A>, onOther: (cause: unknown) => E): TaskEither<ClerkError | ClerkDecodeError | E, A> =>
  async () => {
    try {
      return right(await thunk())
    } catch (cause) {
      const reading = readSdkRejection(cause)
      return reading === undefined ? left(onOther(cause)) : leftOf(reading)
    }
  }

/**
 * One handler per sign-in error, each returning a `TaskEither`.
 *
 * @since 0.1.0
 */
export type SignInErrorTaskEitherHandlers = ErrorHandlers<SignInError, TaskEither<unknown, unknown>>

/**
 * Each handler returns a `TaskEither`. Checked apart from the handler set's
 * shape so that the handlers are not contextually typed by
 * `TaskEither<unknown, unknown>`: that context would make `TE.right(x)`
 * infer `unknown` for its `Left`.
 */
type ReturningTaskEithers<H> = {
  readonly [K in keyof H]: H[K] extends (...args: never) => TaskEither<unknown, unknown> ? H[K] : (...args: never) => HandlerResult
}

/** What a handler must return; an object type, so it gives `TE.right` no `Left` to infer. */
interface HandlerResult {
  readonly "a TaskEither": true
}

type LeftOf<X> = X extends TaskEither<infer E, infer _A> ? E : never
type RightOf<X> = X extends TaskEither<infer _E, infer A> ? A : never

/**
 * Handles all twelve sign-in errors of a `TaskEither`'s `Left` at once: each
 * goes to the handler of its `_tag`, and none is left. A handler set missing
 * a tag is a compile error naming it. `UnknownClerkError` and
 * `ClerkDecodeError` stay in the `Left`.
 *
 * @example
 * import { pipe } from "fp-ts/lib/function.js"
 * import * as TE from "fp-ts/lib/TaskEither.js"
 * import { catchSignInErrors, failOnErrorResponse } from "clerk-sign-in-errors/fp-ts"
 *
 * const restart = () => TE.right("start the sign-in over")
 *
 * const answer = (res: Response) =>
 *   pipe(
 *     failOnErrorResponse(res),
 *     TE.map(() => "signed in"),
 *     catchSignInErrors({
 *       SingleModeSessionExists: () => TE.right("activate the last active session"),
 *       AlreadySignedIn: (e) => TE.right(`activate ${e.sessionId ?? "the current session"}`),
 *       AccountTransferInvalid: restart,
 *       InvalidClientStateForAction: restart,
 *       InvalidStrategyForUser: () => TE.right("retry with the identifier only"),
 *       IdentificationClaimed: () => TE.right("sign up again"),
 *       MutationOnOlderSignInNotAllowed: restart,
 *       SignInNotFound: restart,
 *       IdentificationBelongsToDifferentUser: () => TE.right("ask for another identifier"),
 *       NoSecondFactorsForStrategy: () => TE.right("offer another second factor"),
 *       SignInNoIdentificationForUser: restart,
 *       SignInIdentificationOrUserDeleted: restart,
 *     }),
 *   ) // TaskEither<UnknownClerkError | ClerkDecodeError, string>
 *
 * @since 0.1.0
 */
export const catchSignInErrors =
  <H extends ErrorHandlers<SignInError> & NoExtraHandlers<SignInError, H> & ReturningTaskEithers<H>>(handlers: H) =>
  <E, A>(
    ma: TaskEither<E, A>,
  ): TaskEither<Exclude<E, SignInError> | LeftOf<HandlersResult<H>>, A | RightOf<HandlersResult<H>>> =>
  async () => {
    const result = await ma()
    if (result._tag === "Right" || !isSignInError(result.left)) return result as never
    // The matchers' generated switch, so that a handler is found as `matchError` finds it.
    const recover = dispatch(handlers as DispatchHandlers, result.left, noHandler) as TaskEither<unknown, unknown>
    return (await recover()) as never
  }

const noHandler = (error: { readonly _tag: string }): never => {
  throw new TypeError(`catchSignInErrors: no handler for "${error._tag}"`)
}

/**
 * The whole response behind an error this adapter failed with: status, trace
 * id, `Retry-After`, envelope `meta` and every error, the first one included.
 * `undefined` for an error it did not produce.
 *
 * @example
 * import { responseOf, type ClerkDecodeError } from "clerk-sign-in-errors/fp-ts"
 * import type { ClerkError } from "clerk-sign-in-errors"
 *
 * const describe = (e: ClerkError | ClerkDecodeError): string =>
 *   e._tag === "ClerkDecodeError" ? e.message : `${e.code}, trace ${responseOf(e)?.traceId ?? "none"}`
 *
 * @since 0.1.0
 */
export const responseOf: (error: ClerkError) => ClerkErrorResponse | undefined = origin.responseOf
