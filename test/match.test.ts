import { readFileSync } from "node:fs"
import { pipe } from "fp-ts/lib/function.js"
import { describe, expect, it } from "vitest"
import { dispatchPath, dispatchTags, renderDispatch } from "../scripts/generate-dispatch.js"
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

describe("the generated dispatch (src/internal/dispatch.ts)", () => {
  it("is what `npm run generate:dispatch` writes from the catalog", () => {
    expect(readFileSync(dispatchPath, "utf8")).toBe(renderDispatch())
  })

  it("has a case for every tag of ClerkError, and no other", () => {
    expect(dispatchTags).toEqual([...signInErrorTags, "UnknownClerkError"])
    const cases = [...readFileSync(dispatchPath, "utf8").matchAll(/^ {4}case "(\w+)":/gm)].map((m) => m[1])
    expect(cases).toEqual(dispatchTags)
  })
})

describe("matchErrorOrElse", () => {
  const some = { AlreadySignedIn: (e: { sessionId?: string | undefined }) => `activate ${e.sessionId}` }

  it("runs a handler when there is one", () => {
    const error = widen(SignInError.AlreadySignedIn({ sessionId: "sess_1" }))
    expect(matchErrorOrElse(error, some, (other) => `else ${other._tag}`)).toBe("activate sess_1")
    expect(pipe(error, matchErrorOrElse(some, (other) => `else ${other._tag}`))).toBe("activate sess_1")
  })

  it.each(constructed.filter((e) => e._tag !== "AlreadySignedIn").map((e) => [e._tag, e] as const))(
    "falls back to orElse for %s",
    (tag, error) => {
      expect(matchErrorOrElse(widen(error), some, (other) => `else ${other._tag}`)).toBe(`else ${tag}`)
    },
  )

  it("does not mistake Object.prototype's members for handlers", () => {
    const odd = { ...SignInError.SingleModeSessionExists(), _tag: "constructor" as SignInErrorTag } as ClerkError
    expect(matchErrorOrElse(odd, {}, () => "else")).toBe("else")
  })
})
