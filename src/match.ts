/**
 * Exhaustive matching on `_tag`.
 *
 * @since 0.1.0
 */
import type { ClerkError, SignInError } from "./ClerkError.js"
import { dispatch, type DispatchHandlers } from "./internal/generated.js"

/**
 * Anything with a string `_tag`.
 *
 * @since 0.1.0
 */
export interface Tagged {
  readonly _tag: string
}

/**
 * One handler per `_tag` of `E`, each given its narrowed variant.
 *
 * @example
 * import type { ErrorHandlers, SignInError } from "clerk-sign-in-errors"
 *
 * // A table checked for completeness where it is written, not where it is used.
 * declare const toStatus: ErrorHandlers<SignInError, number>
 *
 * @since 0.1.0
 */
export type ErrorHandlers<E extends Tagged, R = unknown> = {
  readonly [Tag in E["_tag"]]: (error: Extract<E, { readonly _tag: Tag }>) => R
}

/**
 * Some of the handlers of `ErrorHandlers<E, R>`.
 *
 * @since 0.1.0
 */
export type PartialErrorHandlers<E extends Tagged, R = unknown> = Partial<ErrorHandlers<E, R>>

/**
 * Rejects keys of `H` that are not tags of `E` (a misspelt handler).
 *
 * @since 0.1.0
 */
export type NoExtraHandlers<E extends Tagged, H> = { readonly [K in Exclude<keyof H, E["_tag"]>]: never }

/**
 * The union of the results of a handler set.
 *
 * @since 0.1.0
 */
export type HandlersResult<H> = {
  [K in keyof H]: H[K] extends (...args: ReadonlyArray<never>) => infer R ? R : never
}[keyof H]

/**
 * The variants of `E` whose tags `H` handles.
 *
 * @since 0.1.0
 */
export type HandledBy<E extends Tagged, H> = Extract<E, { readonly _tag: keyof H }>

/**
 * Runs the handler of the error's `_tag`. `handlers` must have one handler
 * per tag of the error's union (12 for a `SignInError`, 13 for a
 * `ClerkError`); a missing or misspelt one is a compile error.
 *
 * Data-first `matchError(error, handlers)` or data-last
 * `pipe(error, matchError(handlers))`.
 *
 * @example
 * import { matchError, SignInError, type SignInError as SignInErrorType } from "clerk-sign-in-errors"
 *
 * const e: SignInErrorType = SignInError.AlreadySignedIn({ sessionId: "sess_1" })
 * const next = matchError(e, {
 *   SingleModeSessionExists: () => "activate the last active session",
 *   AlreadySignedIn: (e) => `activate ${e.sessionId ?? "the current session"}`,
 *   AccountTransferInvalid: () => "start over",
 *   InvalidClientStateForAction: () => "refresh the client",
 *   InvalidStrategyForUser: () => "retry with the identifier only",
 *   IdentificationClaimed: () => "sign up again",
 *   MutationOnOlderSignInNotAllowed: () => "start over",
 *   SignInNotFound: () => "refresh the client and start over",
 *   IdentificationBelongsToDifferentUser: () => "ask for another identifier",
 *   NoSecondFactorsForStrategy: () => "offer another strategy",
 *   SignInNoIdentificationForUser: () => "start over",
 *   SignInIdentificationOrUserDeleted: () => "start over",
 * })
 *
 * @since 0.1.0
 */
export function matchError<E extends ClerkError, H extends ErrorHandlers<E> & NoExtraHandlers<E, H>>(
  error: E,
  handlers: H,
): HandlersResult<H>
export function matchError<H extends PartialErrorHandlers<ClerkError> & NoExtraHandlers<ClerkError, H>>(
  handlers: H,
): <E extends HandledBy<ClerkError, H>>(error: E) => HandlersResult<H>
export function matchError(a: unknown, b?: unknown): unknown {
  // `arguments.length`, not a rest parameter: the data-first call is the hot
  // one and should allocate nothing.
  if (arguments.length === 1) {
    const handlers = a as DispatchHandlers
    return (error: Tagged) => dispatch(handlers, error, noHandler)
  }
  return dispatch(b as DispatchHandlers, a as Tagged, noHandler)
}

const noHandler = (error: Tagged): never => {
  throw new TypeError(`matchError: no handler for "${String(error._tag)}"`)
}

/**
 * Runs the handler of the error's `_tag` if there is one, else `orElse`,
 * which receives the variants left unhandled.
 *
 * @example
 * import { matchErrorOrElse, decodeClerkError } from "clerk-sign-in-errors"
 * import { isRight } from "fp-ts/lib/Either.js"
 *
 * const decoded = decodeClerkError({ code: "session_exists", message: "" })
 * if (isRight(decoded)) {
 *   const answer = matchErrorOrElse(
 *     decoded.right,
 *     { SingleModeSessionExists: () => "activate" },
 *     (other) => `show ${other.shortMessage}`,
 *   )
 * }
 *
 * @since 0.1.0
 */
export function matchErrorOrElse<
  E extends ClerkError,
  H extends PartialErrorHandlers<E> & NoExtraHandlers<E, H>,
  R,
>(error: E, handlers: H, orElse: (error: Exclude<E, { readonly _tag: keyof H }>) => R): HandlersResult<H> | R
export function matchErrorOrElse<
  H extends PartialErrorHandlers<ClerkError> & NoExtraHandlers<ClerkError, H>,
  R,
>(
  handlers: H,
  orElse: (error: Exclude<ClerkError, { readonly _tag: keyof H }>) => R,
): <E extends ClerkError>(error: E) => HandlersResult<H> | R
export function matchErrorOrElse(a: unknown, b: unknown, c?: unknown): unknown {
  if (arguments.length === 2) {
    const handlers = a as DispatchHandlers
    const orElse = b as (e: Tagged) => unknown
    return (error: Tagged) => dispatch(handlers, error, orElse)
  }
  return dispatch(b as DispatchHandlers, a as Tagged, c as (e: Tagged) => unknown)
}

/**
 * Handlers for the twelve sign-in errors.
 *
 * @since 0.1.0
 */
export type SignInErrorHandlers<R = unknown> = ErrorHandlers<SignInError, R>

/**
 * Handlers for every `ClerkError`: the twelve and `UnknownClerkError`.
 *
 * @since 0.1.0
 */
export type ClerkErrorHandlers<R = unknown> = ErrorHandlers<ClerkError, R>
