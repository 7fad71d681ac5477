/**
 * clerk-sign-in-errors: Clerk's sign-in errors as a typed error domain.
 *
 * The root entry needs only fp-ts and io-ts. Effect users import
 * `clerk-sign-in-errors/effect`; fp-ts pipelines `clerk-sign-in-errors/fp-ts`.
 *
 * @module clerk-sign-in-errors
 * @since 0.1.0
 */
export * from "./catalog.js"
export * from "./ClerkError.js"
export * from "./decode.js"
export * from "./codec.js"
export * from "./match.js"
export * from "./public.js"
