/**
 * The error domain: the `SignInError` union derived from the catalog,
 * `UnknownClerkError` for every other Clerk code, and `ClerkErrorResponse`
 * for a whole error body. Values are plain, frozen data.
 *
 * @since 0.1.0
 */
import { catalog, type CatalogEntryOf, type SignInErrorTag } from "./catalog.js"
import { compiledByTag } from "./internal/compiled.js"
import { copyJsonObject, isIssue } from "./internal/json.js"

export type { SignInErrorTag } from "./catalog.js"

/**
 * A JSON object as Clerk sent it (`meta`, or keys the library does not model).
 * Frozen, and never shared with the input it was decoded from.
 *
 * @since 0.1.0
 */
export type JsonObject = { readonly [key: string]: unknown }

/**
 * The fields every Clerk error has, whatever its code.
 *
 * @since 0.1.0
 */
export interface ClerkErrorFields<Tag extends string, Code extends string> {
  readonly _tag: Tag
  /** The wire's `code`. */
  readonly code: Code
  /** The wire's `message` (may be empty). */
  readonly shortMessage: string
  /** The wire's `long_message`, `undefined` when absent. */
  readonly longMessage: string | undefined
  /** The wire's `meta` as received (snake_case keys, unknown keys included), `undefined` when absent. */
  readonly meta: JsonObject | undefined
  /** Keys of the wire error beside `code`, `message`, `long_message` and `meta`, kept so that nothing is lost. */
  readonly extra: JsonObject | undefined
}

type Simplify<T> = { [K in keyof T]: T[K] } & {}

type RequiredParamNames<P> = { [K in keyof P]: P[K] extends { readonly required: true } ? K : never }[keyof P]

/**
 * The parameters of a catalog entry as fields: a required parameter is a
 * `string`; the others may be missing from the wire, and then are `undefined`.
 *
 * @since 0.1.0
 */
export type ParamsOf<Tag extends SignInErrorTag> = Simplify<
  { readonly [K in RequiredParamNames<CatalogEntryOf<Tag>["params"]>]: string } & {
    readonly [K in Exclude<keyof CatalogEntryOf<Tag>["params"], RequiredParamNames<CatalogEntryOf<Tag>["params"]>>]?:
      | string
      | undefined
  }
>

/**
 * One variant of `SignInError`, by tag: `SignInErrorOf<"AlreadySignedIn">`
 * has `sessionId`.
 *
 * @since 0.1.0
 */
export type SignInErrorOf<Tag extends SignInErrorTag> = Simplify<
  ClerkErrorFields<Tag, CatalogEntryOf<Tag>["code"]> & ParamsOf<Tag>
>

/**
 * One of Clerk's twelve sign-in errors, tagged by `_tag`.
 *
 * @since 0.1.0
 */
export type SignInError = { [Tag in SignInErrorTag]: SignInErrorOf<Tag> }[SignInErrorTag]

/**
 * A Clerk error that is not one of the twelve sign-in errors. Its code is
 * data, not a failure: everything it carried is kept.
 *
 * @since 0.1.0
 */
export interface UnknownClerkError extends ClerkErrorFields<"UnknownClerkError", string> {}

/**
 * Any error Clerk returns: one of the twelve, or an unknown one.
 *
 * @since 0.1.0
 */
export type ClerkError = SignInError | UnknownClerkError

/**
 * Every `_tag` of `ClerkError`.
 *
 * @since 0.1.0
 */
export type ClerkErrorTag = ClerkError["_tag"]

/**
 * A Clerk error body: `{ errors, meta?, clerk_trace_id? }` on the wire, or a
 * `ClerkAPIResponseError` thrown by Clerk's SDKs.
 *
 * @since 0.1.0
 */
export interface ClerkErrorResponse {
  /** The errors, in wire order; never empty. */
  readonly errors: readonly [ClerkError, ...Array<ClerkError>]
  /** The wire's `clerk_trace_id` (or the SDK's `clerkTraceId`). */
  readonly traceId?: string | undefined
  /** The HTTP status, when known (from the SDK error or the HTTP response). */
  readonly status?: number | undefined
  /** Seconds from the `Retry-After` header (or the SDK's `retryAfter`), when known. */
  readonly retryAfter?: number | undefined
  /** The envelope's `meta` (the Frontend API may put the updated client here). */
  readonly meta?: JsonObject | undefined
  /** Keys of the envelope beside `errors`, `meta` and `clerk_trace_id`, kept so that nothing is lost. */
  readonly extra?: JsonObject | undefined
}

type ConstructorArgs<Tag extends SignInErrorTag> = [RequiredParamNames<CatalogEntryOf<Tag>["params"]>] extends [never]
  ? [params?: ParamsOf<Tag>]
  : [params: ParamsOf<Tag>]

/**
 * Builds a sign-in error with the catalog's current messages rendered.
 *
 * @since 0.1.0
 */
export type SignInErrorConstructor<Tag extends SignInErrorTag> = (...args: ConstructorArgs<Tag>) => SignInErrorOf<Tag>

/**
 * Constructors for the twelve, by tag, with the catalog's current messages.
 *
 * @example
 * import { SignInError } from "clerk-sign-in-errors"
 *
 * const e = SignInError.AlreadySignedIn({ sessionId: "sess_123" })
 * // e.meta is { session_id: "sess_123" }, e.shortMessage is "You're already signed in"
 *
 * @since 0.1.0
 */
export const SignInError: { readonly [Tag in SignInErrorTag]: SignInErrorConstructor<Tag> } = Object.freeze(
  Object.fromEntries(
    catalog.map((entry) => {
      const compiled = compiledByTag.get(entry.tag)!
      const make = (params: Readonly<Record<string, unknown>> = {}) => {
        const meta: Record<string, unknown> = {}
        for (const source of compiled.metaParams) {
          const value = params[source.name]
          if (typeof value === "string") meta[source.key] = value
        }
        return compiled.build(
          entry.message,
          compiled.render(params),
          Object.freeze(meta),
          undefined,
          compiled.paramNames.map((name) => params[name] as string | undefined),
        )
      }
      return [entry.tag, make]
    }),
  ),
) as never

/**
 * Builds an `UnknownClerkError`. `meta` is copied and frozen.
 *
 * @since 0.1.0
 */
export const UnknownClerkError = (fields: {
  readonly code: string
  readonly shortMessage: string
  readonly longMessage?: string | undefined
  readonly meta?: JsonObject | undefined
}): UnknownClerkError => {
  const meta = fields.meta === undefined ? undefined : copyJsonObject(fields.meta, false)
  if (isIssue(meta)) throw new TypeError(`UnknownClerkError: meta is not JSON data (${meta.expected})`)
  return Object.freeze({
    _tag: "UnknownClerkError",
    code: fields.code,
    shortMessage: fields.shortMessage,
    longMessage: fields.longMessage,
    meta,
    extra: undefined,
  })
}

const signInTags: ReadonlySet<string> = new Set<string>(catalog.map((entry) => entry.tag))

const hasStringFields = (u: object): boolean => {
  const e = u as { code?: unknown; shortMessage?: unknown }
  return typeof e.code === "string" && typeof e.shortMessage === "string"
}

/**
 * Whether `u` is one of the twelve sign-in errors (a decoded or constructed value).
 *
 * @since 0.1.0
 */
export const isSignInError = (u: unknown): u is SignInError =>
  typeof u === "object" && u !== null && signInTags.has((u as { _tag?: unknown })._tag as string) && hasStringFields(u)

/**
 * Whether `u` is a `ClerkError`: a sign-in error or an `UnknownClerkError`.
 *
 * @since 0.1.0
 */
export const isClerkError = (u: unknown): u is ClerkError =>
  typeof u === "object" &&
  u !== null &&
  ((u as { _tag?: unknown })._tag === "UnknownClerkError" || signInTags.has((u as { _tag?: unknown })._tag as string)) &&
  hasStringFields(u)

/**
 * Whether `u` is a `ClerkErrorResponse` (a decoded value).
 *
 * @since 0.1.0
 */
export const isClerkErrorResponse = (u: unknown): u is ClerkErrorResponse => {
  if (typeof u !== "object" || u === null) return false
  const errors = (u as { errors?: unknown }).errors
  return Array.isArray(errors) && errors.length > 0 && errors.every(isClerkError)
}
