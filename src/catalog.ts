/**
 * The twelve Clerk sign-in errors, as data.
 *
 * Everything else in the library (the `SignInError` union, the constructors,
 * the decoder's code lookup, the matchers' required handlers, the public-error
 * table and `docs/catalog.md`) is derived from this array. Adding an error is
 * adding an entry here.
 *
 * Sources: Clerk's error index, "Sign-in errors" (docs page updated
 * 2024-02-22) for names, codes, messages and meta; Clerk's generated API error
 * list (2025-2026) for HTTP statuses and current wording. See
 * `shared/spec/sign-in-errors.md`, section 1.
 *
 * @since 0.1.0
 */

/**
 * How a catalog entry is told apart from every other Clerk error.
 *
 * - `code`: the code belongs to this error alone; any text is accepted
 *   (wording drifts, fixtures send empty messages: spec section 2).
 * - `text`: the code is shared (`resource_forbidden`); the wire's `message` or
 *   `long_message` must equal one of `texts` (compared trimmed, ignoring case).
 * - `longMessageTemplate`: the code is shared (`resource_not_found`); the
 *   wire's `long_message` must start with the literal text of the template
 *   before its first parameter.
 *
 * @since 0.1.0
 */
export type Recognition =
  | { readonly by: "code" }
  | { readonly by: "text"; readonly texts: ReadonlyArray<string> }
  | { readonly by: "longMessageTemplate" }

/**
 * Where a parameter of an error is read from.
 *
 * - `meta`: a key of the wire's snake_case `meta` object.
 * - `longMessage`: a `{name}` placeholder of the entry's long-message
 *   templates.
 *
 * `required` parameters are part of how the error is recognised, so they are
 * always present on the decoded value.
 *
 * @since 0.1.0
 */
export type ParameterSource =
  | { readonly from: "meta"; readonly key: string; readonly required?: false }
  | { readonly from: "longMessage"; readonly required?: boolean }

/**
 * One Clerk sign-in error as data.
 *
 * Long messages are templates: `{name}` stands for the parameter `name`.
 *
 * @since 0.1.0
 */
export interface CatalogEntry {
  /** The variant's `_tag`, the error's name in Clerk's index. */
  readonly tag: string
  /** The wire's `code`. */
  readonly code: string
  /** Clerk's documented HTTP status. A hint, never the key (spec section 3). */
  readonly status: number
  /** The wire's `message` (Clerk calls it the short message). */
  readonly message: string
  /** The current long message template, `undefined` when Clerk sends none. */
  readonly longMessage: string | undefined
  /**
   * The long message of the 2024 docs page where it differs from the current
   * one; `null` where that page gave none.
   */
  readonly longMessage2024?: string | null
  /** The error's parameters, by name. */
  readonly params: { readonly [name: string]: ParameterSource }
  /** How the decoder recognises it. */
  readonly recognise: Recognition
  /** What a caller typically does about it (spec section 6), for the docs. */
  readonly remedy: string
}

/**
 * The catalog: the twelve sign-in errors in the order of Clerk's index.
 *
 * @since 0.1.0
 */
export const catalog = [
  {
    tag: "SingleModeSessionExists",
    code: "session_exists",
    status: 400,
    message: "Session already exists",
    longMessage: "You're already signed in.",
    longMessage2024:
      "You're currently in single session mode. You can only be signed into one account at a time.",
    params: {},
    recognise: { by: "code" },
    remedy: "Activate the client's last active session.",
  },
  {
    tag: "AlreadySignedIn",
    code: "identifier_already_signed_in",
    status: 400,
    message: "You're already signed in",
    longMessage: "You're already signed in",
    longMessage2024: null,
    // Clerk's 2024 page writes the key as `SessionID` (the server's field
    // name); on the wire it is `session_id` (spec section 1).
    params: { sessionId: { from: "meta", key: "session_id" } },
    recognise: { by: "code" },
    remedy: "Activate the session named by `meta.session_id`.",
  },
  {
    tag: "AccountTransferInvalid",
    code: "account_transfer_invalid",
    status: 400,
    message: "Invalid account transfer",
    longMessage: "There is no account to transfer",
    params: {},
    recognise: { by: "code" },
    remedy: "Start the sign-in or sign-up over.",
  },
  {
    tag: "InvalidClientStateForAction",
    code: "client_state_invalid",
    status: 400,
    message: "Invalid action",
    // The 2024 page writes the same text with `%s` for both parameters.
    longMessage: "We were unable to complete {action} for this Client. {resolution}",
    params: { action: { from: "longMessage" }, resolution: { from: "longMessage" } },
    recognise: { by: "code" },
    remedy: "Refresh the client and follow the resolution in the message.",
  },
  {
    tag: "InvalidStrategyForUser",
    code: "strategy_for_user_invalid",
    status: 400,
    message: "Invalid verification strategy",
    longMessage: "The verification strategy is not valid for this account",
    params: {},
    recognise: { by: "code" },
    remedy: "Retry with the identifier only (the account may have no password).",
  },
  {
    tag: "IdentificationClaimed",
    code: "identification_claimed",
    status: 400,
    message: "Identification claimed by another user",
    longMessage:
      "One or more identifiers on this sign up have since been connected to a different User. Please sign up again.",
    params: {},
    recognise: { by: "code" },
    remedy: "Start the sign-up over.",
  },
  {
    tag: "MutationOnOlderSignInNotAllowed",
    code: "resource_forbidden",
    status: 403,
    message: "Update operations are not allowed on older sign ins",
    longMessage: "Update operations are not allowed on older sign ins",
    longMessage2024: null,
    params: {},
    recognise: { by: "text", texts: ["Update operations are not allowed on older sign ins"] },
    remedy: "Start a new sign-in; the one being updated is stale.",
  },
  {
    tag: "SignInNotFound",
    code: "resource_not_found",
    status: 404,
    message: "not found",
    longMessage: "No sign in was found with id {signInId}",
    params: { signInId: { from: "longMessage", required: true } },
    recognise: { by: "longMessageTemplate" },
    remedy: "Refresh the client and start the sign-in over.",
  },
  {
    tag: "IdentificationBelongsToDifferentUser",
    code: "resource_forbidden",
    status: 403,
    message: "belongs to different user",
    longMessage: "The given identification belongs to a different user.",
    params: {},
    recognise: {
      by: "text",
      texts: ["belongs to different user", "The given identification belongs to a different user."],
    },
    remedy: "Ask for another identifier.",
  },
  {
    tag: "NoSecondFactorsForStrategy",
    code: "no_second_factors",
    status: 400,
    message: "no second factors",
    longMessage: "No second factors were found for strategy {strategy}.",
    params: { strategy: { from: "longMessage" } },
    recognise: { by: "code" },
    remedy: "Offer another second-factor strategy.",
  },
  {
    tag: "SignInNoIdentificationForUser",
    code: "sign_in_no_identification_for_user",
    status: 404,
    message: "no identification for user",
    longMessage:
      "The given token doesn't have an associated identification for the user who created it.",
    params: {},
    recognise: { by: "code" },
    remedy: "Start the sign-in over with another identifier.",
  },
  {
    tag: "SignInIdentificationOrUserDeleted",
    code: "sign_in_identification_or_user_deleted",
    status: 400,
    message: "identification or user deleted",
    longMessage: "Either the user or the selected identification were deleted. Please start over.",
    params: {},
    recognise: { by: "code" },
    remedy: "Start the sign-in over.",
  },
] as const satisfies ReadonlyArray<CatalogEntry>

/**
 * The type of the catalog's entries, each with its literal types.
 *
 * @since 0.1.0
 */
export type Catalog = typeof catalog

/**
 * The `_tag` of each of the twelve sign-in errors.
 *
 * @since 0.1.0
 */
export type SignInErrorTag = Catalog[number]["tag"]

/**
 * The catalog entry of one tag.
 *
 * @since 0.1.0
 */
export type CatalogEntryOf<Tag extends SignInErrorTag> = Extract<Catalog[number], { readonly tag: Tag }>

/**
 * The catalog entries by tag.
 *
 * @since 0.1.0
 */
export const catalogByTag: { readonly [Tag in SignInErrorTag]: CatalogEntryOf<Tag> } = Object.freeze(
  Object.fromEntries(catalog.map((entry) => [entry.tag, entry])),
) as { readonly [Tag in SignInErrorTag]: CatalogEntryOf<Tag> }

/**
 * The tags of the twelve sign-in errors, in catalog order.
 *
 * @since 0.1.0
 */
export const signInErrorTags: ReadonlyArray<SignInErrorTag> = Object.freeze(catalog.map((entry) => entry.tag))
