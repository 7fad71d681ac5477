import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import {
  catalog,
  decodeClerkError,
  encodeClerkError,
  isClerkError,
  isSignInError,
  SignInError,
  UnknownClerkError,
} from "../src/index.js"
import { samplesOf } from "./support/wire.js"

describe("SignInError constructors", () => {
  it.each(catalog.map((entry) => [entry.tag, entry] as const))("%s renders the catalog's current messages", (tag, entry) => {
    const params = samplesOf(entry)
    const error = SignInError[tag](params as never)
    expect(error._tag).toBe(tag)
    expect(error.code).toBe(entry.code)
    expect(error.shortMessage).toBe(entry.message)
    expect(error).toMatchObject(params)
    for (const value of Object.values(params)) {
      const inMeta = JSON.stringify(error.meta ?? {}).includes(value)
      expect(inMeta || (error.longMessage ?? "").includes(value)).toBe(true)
    }
    expect(Object.isFrozen(error)).toBe(true)
    // What a constructor builds, the decoder reads back from its wire form.
    expect(decodeClerkError(encodeClerkError(error))).toEqual(E.right(error))
  })

  it("puts AlreadySignedIn.sessionId in meta.session_id, as the wire does", () => {
    const error = SignInError.AlreadySignedIn({ sessionId: "sess_123" })
    expect(error.meta).toEqual({ session_id: "sess_123" })
    expect(error.sessionId).toBe("sess_123")
  })

  it("renders InvalidClientStateForAction's template", () => {
    const error = SignInError.InvalidClientStateForAction({ action: "sign_in", resolution: "Please start over." })
    expect(error.longMessage).toBe("We were unable to complete sign_in for this Client. Please start over.")
  })

  it("leaves optional parameters out when not given", () => {
    expect(SignInError.AlreadySignedIn()).toMatchObject({ sessionId: undefined, meta: {} })
    expect(SignInError.NoSecondFactorsForStrategy().strategy).toBeUndefined()
  })
})

describe("UnknownClerkError", () => {
  it("keeps what it is given and copies meta", () => {
    const meta = { param_name: "password", nested: { a: 1 } }
    const error = UnknownClerkError({ code: "form_password_incorrect", shortMessage: "Password is incorrect.", meta })
    meta.nested.a = 2
    expect(error).toEqual({
      _tag: "UnknownClerkError",
      code: "form_password_incorrect",
      shortMessage: "Password is incorrect.",
      longMessage: undefined,
      meta: { param_name: "password", nested: { a: 1 } },
      extra: undefined,
    })
  })
})

describe("guards", () => {
  const signIn = SignInError.SignInNotFound({ signInId: "sia_1" })
  const unknown = UnknownClerkError({ code: "x", shortMessage: "" })

  it("isSignInError accepts the twelve only", () => {
    expect(isSignInError(signIn)).toBe(true)
    expect(isSignInError(unknown)).toBe(false)
    expect(isSignInError({ _tag: "SignInNotFound" })).toBe(false)
    expect(isSignInError({ code: "resource_not_found", message: "" })).toBe(false)
    for (const u of [null, undefined, 1, "SignInNotFound", [], { _tag: "constructor", code: "", shortMessage: "" }]) {
      expect(isSignInError(u)).toBe(false)
    }
  })

  it("isClerkError accepts the twelve and unknown errors", () => {
    expect(isClerkError(signIn)).toBe(true)
    expect(isClerkError(unknown)).toBe(true)
    expect(isClerkError({ _tag: "DecodeFailure", code: "", shortMessage: "" })).toBe(false)
    expect(isClerkError(null)).toBe(false)
  })
})
