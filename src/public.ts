/**
 * Presentation: what a server may send to a browser (`toPublicError`), the
 * catalog's HTTP status for its own use (`statusOf`), and a flat record for
 * structured loggers (`toLogRecord`).
 *
 * A public error never echoes what Clerk sent beyond what its table says:
 * no ids, no meta, no server text. Five errors that would tell a visitor
 * whether an account or identifier exists answer as one (see
 * `accountRevealingTags`). `docs/security.md` says why.
 *
 * @since 0.1.0
 */
import { catalogByTag, type CatalogEntryOf, type SignInErrorTag } from "./catalog.js"
import type { ClerkError, ClerkErrorResponse, ClerkErrorTag, SignInError } from "./ClerkError.js"

/**
 * The sign-in errors whose difference would reveal whether an account or an
 * identifier exists ("belongs to a different user", "claimed", "deleted",
 * "no identification for user", "no account to transfer"). They answer the
 * browser with one status, one code and one message, so that no field tells
 * them apart: OWASP Authentication Cheat Sheet, "Authentication and Error
 * Messages" (https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#authentication-and-error-messages).
 *
 * @since 0.1.0
 */
export const accountRevealingTags = [
  "IdentificationBelongsToDifferentUser",
  "IdentificationClaimed",
  "SignInIdentificationOrUserDeleted",
  "SignInNoIdentificationForUser",
  "AccountTransferInvalid",
] as const satisfies ReadonlyArray<SignInErrorTag>

/**
 * A tag of `accountRevealingTags`.
 *
 * @since 0.1.0
 */
export type AccountRevealingTag = (typeof accountRevealingTags)[number]

/**
 * The keys of a public message table: every `ClerkErrorTag`, except that the
 * account-revealing five share the key `SignInFailed`. A table cannot give
 * them different messages, because it has no key to do so.
 *
 * @since 0.1.0
 */
export type PublicMessageKey = Exclude<ClerkErrorTag, AccountRevealingTag> | "SignInFailed"

/**
 * One browser-facing message per `PublicMessageKey`. A table that misses a
 * key does not compile, so a translation cannot forget a case (nor, when a
 * catalog entry is added, the new one).
 *
 * @since 0.1.0
 */
export type PublicMessages = { readonly [Key in PublicMessageKey]: string }

/**
 * The `code` of a public error: the catalog's code for a sign-in error,
 * `sign_in_failed` for the account-revealing five, `unknown_error` for a code
 * the catalog does not have (an unknown code may itself reveal an account,
 * Clerk's `form_identifier_not_found` does).
 *
 * @since 0.1.0
 */
export type PublicErrorCode =
  | Exclude<SignInError, { readonly _tag: AccountRevealingTag }>["code"]
  | "sign_in_failed"
  | "unknown_error"

/**
 * What a server may send to a browser about a Clerk error.
 *
 * @since 0.1.0
 */
export interface PublicError {
  /** The HTTP status to answer with. */
  readonly status: number
  /** A stable code for the browser's own logic. */
  readonly code: PublicErrorCode
  /** A message from the table, never text from Clerk. */
  readonly message: string
}

/**
 * The default public messages. They echo nothing from the error: no ids, no
 * strategies, no meta, no server text.
 *
 * @since 0.1.0
 */
export const defaultPublicMessages: PublicMessages = Object.freeze({
  SingleModeSessionExists: "You're already signed in.",
  AlreadySignedIn: "You're already signed in.",
  InvalidClientStateForAction: "This step can't be completed right now. Please refresh the page and try again.",
  InvalidStrategyForUser: "This sign-in method isn't available. Please try another one.",
  MutationOnOlderSignInNotAllowed: "This sign-in attempt has expired. Please start over.",
  SignInNotFound: "This sign-in attempt has expired. Please start over.",
  NoSecondFactorsForStrategy: "This verification method isn't available. Please choose another one.",
  SignInFailed: "We couldn't sign you in with these details. Please check them or start over.",
  UnknownClerkError: "Something went wrong. Please try again.",
} satisfies PublicMessages)

/**
 * The status the account-revealing five share. 400: the most common of their
 * catalog statuses (400, 403, 404), and one that names neither "forbidden"
 * nor "not found".
 */
const SIGN_IN_FAILED_STATUS = 400
/** The status of an unknown error when the response did not carry a usable one. */
const FALLBACK_STATUS = 400

const revealing: ReadonlySet<string> = new Set(accountRevealingTags)

type Input = ClerkError | ClerkErrorResponse

const isResponse = (input: Input): input is ClerkErrorResponse => Array.isArray((input as { errors?: unknown }).errors)

const catalogEntryOf = (tag: unknown) =>
  typeof tag === "string" && Object.hasOwn(catalogByTag, tag) ? catalogByTag[tag as SignInErrorTag] : undefined

/** An HTTP error status (400-599) or `undefined`: a response's status is a hint and may be anything. */
const errorStatus = (status: unknown): number | undefined =>
  typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined

const messageOf = (messages: PublicMessages, key: PublicMessageKey): string => {
  // `hasOwn` and a type check: a table built at run time (JSON, a CMS) may
  // miss a key or inherit one; the defaults fill the gap.
  const message = Object.hasOwn(messages, key) ? messages[key] : undefined
  return typeof message === "string" ? message : defaultPublicMessages[key]
}

const publicErrorOf = (input: Input, messages: PublicMessages): PublicError => {
  const response = isResponse(input) ? input : undefined
  const error: ClerkError | undefined = response === undefined ? (input as ClerkError) : response.errors[0]
  const tag = error?._tag
  if (typeof tag === "string" && revealing.has(tag)) {
    return Object.freeze({ status: SIGN_IN_FAILED_STATUS, code: "sign_in_failed", message: messageOf(messages, "SignInFailed") })
  }
  const entry = catalogEntryOf(tag)
  if (entry !== undefined) {
    return Object.freeze({
      status: entry.status,
      code: entry.code as PublicErrorCode,
      message: messageOf(messages, entry.tag as PublicMessageKey),
    })
  }
  return Object.freeze({
    status: errorStatus(response?.status) ?? FALLBACK_STATUS,
    code: "unknown_error",
    message: messageOf(messages, "UnknownClerkError"),
  })
}

/**
 * Rejects keys of a message table that are not `PublicMessageKey`s: a
 * misspelt key, or one of the account-revealing tags given its own message.
 *
 * @since 0.1.0
 */
export type NoExtraMessages<M> = { readonly [K in Exclude<keyof M, PublicMessageKey>]: never }

/**
 * The error a server may send to a browser: `{ status, code, message }`.
 *
 * - A sign-in error answers with its catalog status and code and the table's
 *   message, except the account-revealing five (`accountRevealingTags`),
 *   which all answer `{ status: 400, code: "sign_in_failed" }` with the
 *   `SignInFailed` message.
 * - An unknown error answers `unknown_error` with the `UnknownClerkError`
 *   message, and the original HTTP status when it has one: pass the whole
 *   `ClerkErrorResponse` (its `status` comes from the SDK error or the HTTP
 *   response); a lone error, or a status outside 400-599, answers 400.
 * - Given a response, its first error decides (Clerk's UI shows `errors[0]`).
 *
 * `messages` replaces the default table (`defaultPublicMessages`); it must
 * have every key. `toPublicError(messages)` returns the function for that
 * table, for `pipe` and for one translation per locale.
 *
 * @example
 * import { decodeErrorResponse, toPublicError } from "clerk-sign-in-errors"
 *
 * declare const body: unknown // Clerk's error body, as JSON
 * const decoded = decodeErrorResponse(body)
 * if (decoded._tag === "Right") {
 *   const { status, code, message } = toPublicError(decoded.right)
 *   const answer = new Response(JSON.stringify({ code, message }), { status })
 * }
 *
 * @since 0.1.0
 */
export function toPublicError<M extends PublicMessages = PublicMessages>(
  input: ClerkError | ClerkErrorResponse,
  messages?: M & NoExtraMessages<M>,
): PublicError
export function toPublicError<M extends PublicMessages>(
  messages: M & NoExtraMessages<M>,
): (input: ClerkError | ClerkErrorResponse) => PublicError
export function toPublicError(a: unknown, b?: unknown): unknown {
  // A message table has neither `_tag` (an error) nor `errors` (a response).
  if (arguments.length === 1 && typeof a === "object" && a !== null && !("_tag" in a) && !("errors" in a)) {
    const messages = a as PublicMessages
    return (input: Input) => publicErrorOf(input, messages)
  }
  return publicErrorOf(a as Input, (b as PublicMessages | undefined) ?? defaultPublicMessages)
}

/**
 * The HTTP status Clerk documents for an error (the catalog's `status`), for
 * the server's own use: logs, metrics, alerts. `undefined` for an unknown
 * error. Not for the browser: the account-revealing five differ here
 * (400, 403, 404); use `toPublicError` for an answer.
 *
 * @since 0.1.0
 */
export function statusOf<E extends SignInError>(error: E): CatalogEntryOf<E["_tag"]>["status"]
export function statusOf(error: ClerkError): number | undefined
export function statusOf(error: ClerkError): number | undefined {
  return catalogEntryOf(error._tag)?.status
}

type SignInParamName = { [Tag in SignInErrorTag]: keyof CatalogEntryOf<Tag>["params"] }[SignInErrorTag] & string

/**
 * The fields every log record has.
 *
 * @since 0.1.0
 */
export interface LogRecordFields {
  readonly tag: ClerkErrorTag
  /** The wire's code (up to 256 characters). */
  readonly code: string
  /** `statusOf(error)`; for an unknown error, the response's status when known. */
  readonly status: number | undefined
  /** The response's `clerk_trace_id`, for Clerk support. */
  readonly traceId: string | undefined
  /** How many errors the response had (1 for a lone error); the record describes the first. */
  readonly errorCount: number
}

/**
 * A flat record of an error for structured loggers: the fields, the error's
 * parameters (`sessionId`, `signInId`, `strategy`, ...) and `paramName`
 * (`meta.param_name`, the form field Clerk blames) when present. Never the
 * whole meta (an SDK may put the whole client there) nor the messages.
 *
 * @since 0.1.0
 */
export type LogRecord = LogRecordFields & { readonly [Name in SignInParamName | "paramName"]?: string }

// A catalog parameter named like a field of the record would overwrite it.
type MustBeNever<T extends never> = T
type NoParameterShadowsALogField = MustBeNever<Extract<SignInParamName | "paramName", keyof LogRecordFields>>

/**
 * Longest string a log record carries. Parameters come from text the
 * browser can influence (`No sign in was found with id <the id it sent>`):
 * a 1 MB id must not become a 1 MB log line.
 */
const LOG_STRING_LIMIT = 256

const clip = (s: string): string => (s.length > LOG_STRING_LIMIT ? s.slice(0, LOG_STRING_LIMIT) + "…" : s)

/**
 * A flat log record of an error or of a response (its first error, its trace
 * id and status). Strings are cut at 256 characters.
 *
 * @example
 * import { toLogRecord, type ClerkErrorResponse } from "clerk-sign-in-errors"
 *
 * declare const response: ClerkErrorResponse
 * console.warn(JSON.stringify(toLogRecord(response)))
 * // { tag: "SignInNotFound", code: "resource_not_found", status: 404, traceId: "4b24…", errorCount: 1, signInId: "sia_123" }
 *
 * @since 0.1.0
 */
export const toLogRecord = (input: ClerkError | ClerkErrorResponse): LogRecord => {
  const response = isResponse(input) ? input : undefined
  const error = response === undefined ? (input as ClerkError) : response.errors[0]
  const entry = catalogEntryOf(error._tag)
  const record: Record<string, unknown> = {
    tag: error._tag,
    code: clip(error.code),
    status: entry?.status ?? response?.status,
    traceId: response?.traceId === undefined ? undefined : clip(response.traceId),
    errorCount: response?.errors.length ?? 1,
  }
  const paramName = error.meta?.param_name
  if (typeof paramName === "string") record.paramName = clip(paramName)
  if (entry !== undefined) {
    const fields = error as unknown as Readonly<Record<string, unknown>>
    for (const name of Object.keys(entry.params)) {
      const value = fields[name]
      if (typeof value === "string") record[name] = clip(value)
    }
  }
  return Object.freeze(record) as unknown as LogRecord
}
