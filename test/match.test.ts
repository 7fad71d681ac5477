import { pipe } from "fp-ts/lib/function.js"
import { describe, expect, it } from "vitest"
import {
  matchError,
  matchErrorOrElse,
  SignInError,
  signInErrorTags,
  UnknownClerkError,
  type ClerkError,
  type ClerkErrorHandlers,
  type SignInErrorTag,
} from "../src/index.js"

/** One handler per tag, each returning its own tag: built from the catalog, not written out. */
const echo = Object.fromEntries(
  [...signInErrorTags, "UnknownClerkError"].map((tag) => [tag, (e: ClerkError) => `${tag}:${e._tag}`]),
) as unknown as ClerkErrorHandlers<string>

/** Widens a value to `ClerkError`, as a decoder's result is typed (an annotation alone would be narrowed back). */
const widen = (e: ClerkError): ClerkError => e

const constructed: ReadonlyArray<ClerkError> = [
  ...signInErrorTags.map((tag) => SignInError[tag]({ signInId: "sia_1" } as never)),
  UnknownClerkError({ code: "form_password_incorrect", shortMessage: "Password is incorrect." }),
]

describe("matchError", () => {
  it.each(constructed.map((e) => [e._tag, e] as const))("runs the %s handler, data-first and data-last", (tag, error) => {
    expect(matchError(error, echo)).toBe(`${tag}:${tag}`)
    expect(pipe(error, matchError(echo))).toBe(`${tag}:${tag}`)
  })

  it("gives each handler its narrowed variant", () => {
    const error = widen(SignInError.AlreadySignedIn({ sessionId: "sess_7" }))
    const result = matchError(error, {
      ...echo,
      AlreadySignedIn: (e) => e.sessionId,
    })
    expect(result).toBe("sess_7")
  })

  it("throws a TypeError naming the tag when a JavaScript caller leaves a handler out", () => {
    const error = SignInError.SingleModeSessionExists()
    expect(() => matchError(error, {} as never)).toThrow('matchError: no handler for "SingleModeSessionExists"')
    expect(() => matchError(error, { ...echo, SingleModeSessionExists: "not a function" } as never)).toThrow(
      'matchError: no handler for "SingleModeSessionExists"',
    )
  })

  it("throws for a tag outside the union rather than finding Object.prototype's members", () => {
    const odd = { ...SignInError.SingleModeSessionExists(), _tag: "constructor" as SignInErrorTag } as ClerkError
    expect(() => matchError(odd, echo)).toThrow('matchError: no handler for "constructor"')
  })

  it("uses handlers a handler object inherits (methods of a class)", () => {
    const inherited = Object.create(echo) as ClerkErrorHandlers<string>
    for (const error of constructed) expect(matchError(error, inherited)).toBe(`${error._tag}:${error._tag}`)
  })
})
