/**
 * Hostile input, case by case: the decoder's input is whatever a network or
 * a third-party SDK hands over. Every case must give a value or a
 * `DecodeFailure` (never an exception, never a hang), leave the built-in
 * prototypes alone, and produce values that are frozen all the way down and
 * share nothing with the input. The generated counterpart is
 * test/fuzz.test.ts; what is guaranteed is written in docs/security.md.
 *
 * Cases that would hang a regressed decoder read their input through a
 * `Proxy` with a read budget: a regression exhausts the budget and fails
 * with a readable message instead of hanging the run.
 */
import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import {
  catalog,
  ClerkErrorCodec,
  ClerkErrorResponseCodec,
  decodeClerkError,
  decodeErrorResponse,
  decodeErrorResponseJson,
  encodeErrorResponse,
  isDecodeFailure,
  SignInError,
  UnknownClerkError,
  type ClerkError,
  type ClerkErrorResponse,
  type DecodeFailure,
} from "../src/index.js"
import { parseTemplate, readTemplate } from "../src/internal/template.js"
import { entries, envelopeOf, wireErrorOf } from "./support/wire.js"
import { expectDeepFrozen, objectsOf } from "./support/objects.js"

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const right = <A>(result: E.Either<unknown, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected Right, got Left: ${(result.left as { message?: unknown }).message}`)
  return result.right
}

const left = <A>(result: E.Either<DecodeFailure, A>): DecodeFailure => {
  if (E.isRight(result)) throw new Error("expected Left, got Right")
  return result.left
}

/** The own properties of the built-in prototypes, to see that decoding added, removed or replaced none. */
const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype]
const snapshot = () =>
  prototypes.map((proto) =>
    Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)?.value] as const),
  )
let before: ReturnType<typeof snapshot>
beforeEach(() => {
  before = snapshot()
})
afterEach(() => {
  const after = snapshot()
  const changed: Array<string> = []
  for (let i = 0; i < prototypes.length; i++) {
    const was = new Map(before[i])
    if (after[i]!.length !== was.size) changed.push(`prototype ${i}: ${was.size} → ${after[i]!.length} keys`)
    for (const [key, value] of after[i]!) if (!was.has(key) || was.get(key) !== value) changed.push(`prototype ${i}: ${String(key)}`)
  }
  expect(changed).toEqual([])
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

// Big inputs take seconds on a loaded 2-core CI machine; the limit is there
// to tell a hang from slowness, not to measure speed (that is bench/'s job).
const BIG = { timeout: 60_000 }

/** Every entry point, on the same input: each gives an Either, and all agree on which side. */
const decodeEverywhere = (u: unknown): E.Either<DecodeFailure, ClerkErrorResponse> => {
  const response = decodeErrorResponse(u)
  const viaCodec = ClerkErrorResponseCodec.decode(u)
  const embedded = t.type({ body: ClerkErrorResponseCodec }).decode({ body: u })
  for (const result of [response, viaCodec, embedded]) expect(["Left", "Right"]).toContain(result._tag)
  expect(viaCodec._tag).toBe(response._tag)
  expect(embedded._tag).toBe(response._tag)
  if (E.isLeft(response)) {
    expect(isDecodeFailure(response.left)).toBe(true)
    expect(response.left.message.length).toBeGreaterThan(0)
    expect(response.left.errors.length).toBe(1)
  } else {
    expectDeepFrozen(response.right)
  }
  return response
}

/** A wire error with an unknown code, to carry a hostile value somewhere. */
const carrier = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({ code: "x", message: "m", ...fields })

/**
 * A `Proxy` over `target` that throws once `budget.left` reads are spent.
 * A decoder that walks more than the input holds exhausts it.
 */
const budgeted = <T extends object>(target: T, budget: { left: number }): T => {
  const spend = () => {
    if (--budget.left < 0) throw new Error("read budget exhausted")
  }
  return new Proxy(target, {
    get: (o, key, receiver) => (spend(), Reflect.get(o, key, receiver)),
    has: (o, key) => (spend(), Reflect.has(o, key)),
    ownKeys: (o) => (spend(), Reflect.ownKeys(o)),
    getOwnPropertyDescriptor: (o, key) => (spend(), Reflect.getOwnPropertyDescriptor(o, key)),
  })
}

// ---------------------------------------------------------------------------
// Values that are not JSON, at every place of an envelope
// ---------------------------------------------------------------------------

class Session {
  readonly id = "sess_1"
  method(): string {
    return this.id
  }
}

/** Values that are not JSON data, with how a failure describes them. */
const nonJson: ReadonlyArray<readonly [string, () => unknown]> = [
  ["a function", () => () => 1],
  ["a symbol", () => Symbol("s")],
  ["10n", () => 10n],
  ["a Date", () => new Date(0)],
  ["a Map", () => new Map([["k", "v"]])],
  ["a Set", () => new Set([1])],
  ["a RegExp", () => /x/],
  ["a Uint8Array", () => new Uint8Array(2)],
  ["a String", () => new String("s")],
  ["a Promise", () => Promise.resolve(1)],
  ["an Error", () => new Error("e")],
  ["a WeakMap", () => new WeakMap()],
]

/** Places in an envelope, with the path a failure there names. */
const places: ReadonlyArray<readonly [string, (v: unknown) => unknown]> = [
  ["response", (v) => v],
  ["errors", (v) => ({ errors: v })],
  ["errors[0]", (v) => ({ errors: [v] })],
  ["errors[0].code", (v) => ({ errors: [carrier({ code: v })] })],
  ["errors[0].message", (v) => ({ errors: [carrier({ message: v })] })],
  ["errors[0].long_message", (v) => ({ errors: [carrier({ long_message: v })] })],
  ["errors[0].meta", (v) => ({ errors: [carrier({ meta: v })] })],
  ["errors[0].meta.k", (v) => ({ errors: [carrier({ meta: { k: v } })] })],
  ["errors[0].meta.k[1].j", (v) => ({ errors: [carrier({ meta: { k: [0, { j: v }] } })] })],
  ["errors[0].other", (v) => ({ errors: [carrier({ other: v })] })],
  ["errors[1].meta.k", (v) => ({ errors: [carrier(), carrier({ meta: { k: v } })] })],
  ["meta", (v) => ({ errors: [carrier()], meta: v })],
  ["meta.client", (v) => ({ errors: [carrier()], meta: { client: v } })],
  ["clerk_trace_id", (v) => ({ errors: [carrier()], clerk_trace_id: v })],
  ["other", (v) => ({ errors: [carrier()], other: { deep: [v] } })],
]

describe("values that are not JSON data", () => {
  describe.each(nonJson.map(([name, make]) => [name, make] as const))("%s", (name, make) => {
    it.each(places.map(([path, place]) => [path, place] as const))("at %s: a DecodeFailure naming the place", (path, place) => {
      const value = make()
      const failure = left(decodeEverywhere(place(value)))
      // Where an object is expected (the envelope, an error), an object that
      // is not a record is read as one without the fields, and the failure
      // names the first missing field below it.
      const readAsObject = typeof value === "object" && (path === "response" || path === "errors[0]")
      if (readAsObject) {
        expect(failure.message).toBe(path === "response" ? "errors: expected array, got undefined" : `${path}.code: expected string, got undefined`)
      } else {
        expect(failure.message.startsWith(path === "response" ? "response:" : path)).toBe(true)
        expect(failure.message.endsWith(`got ${name}`)).toBe(true)
      }
    })
  })

  it("a class instance whose tag is Object is read as its data, methods dropped", () => {
    const response = right(decodeEverywhere({ errors: [carrier({ meta: { session: new Session() } })] }))
    expect(response.errors[0].meta).toStrictEqual({ session: { id: "sess_1" } })
  })

  it("an SDK error instance (a class with a prototype chain) decodes", () => {
    class ClerkAPIResponseErrorLike extends Error {
      readonly clerkError = true
      readonly status = 422
      readonly errors = [{ code: "session_exists", message: "Session already exists", longMessage: undefined, meta: {} }]
    }
    const response = right(decodeEverywhere(new ClerkAPIResponseErrorLike("Unprocessable Entity")))
    expect(response.status).toBe(422)
    expect(response.errors[0]._tag).toBe("SingleModeSessionExists")
  })
})

// ---------------------------------------------------------------------------
// Prototypes: objects without one, keys that name one
// ---------------------------------------------------------------------------

describe("prototypes", () => {
  it("objects without a prototype decode at every level", () => {
    const bare = <T extends object>(o: T): T => Object.assign(Object.create(null) as T, o)
    const input = bare({
      errors: [bare({ code: "identifier_already_signed_in", message: "", meta: bare({ session_id: "sess_1", nested: bare({ a: 1 }) }), other: bare({ b: 2 }) })],
      meta: bare({ client: bare({ id: "client_1" }) }),
    })
    const response = right(decodeEverywhere(input))
    const error = response.errors[0]
    expect(error._tag).toBe("AlreadySignedIn")
    expect(error._tag === "AlreadySignedIn" && error.sessionId).toBe("sess_1")
    // Copies are plain objects, whatever the input's prototype was.
    for (const o of [error.meta, error.meta?.nested, error.extra, response.meta]) expect(Object.getPrototypeOf(o)).toBe(Object.prototype)
  })

  it("`__proto__`, `constructor` and `prototype` keys are kept as own data at every level, and pollute nothing", () => {
    const text = JSON.stringify({
      errors: [
        {
          code: "x",
          message: "",
          meta: { P: { polluted: 1 }, constructor: { prototype: { polluted: 2 } }, prototype: 3, deep: [{ P: { polluted: 4 } }] },
          P: { polluted: 5 },
          constructor: "c",
        },
      ],
      meta: { P: { polluted: 6 } },
      P: { polluted: 7 },
    }).replaceAll('"P"', '"__proto__"')
    const response = right(decodeErrorResponseJson(text))
    expectDeepFrozen(response)
    const error = response.errors[0]
    const meta = error.meta as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(meta, "__proto__")?.value).toStrictEqual(JSON.parse('{"polluted":1}'))
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype)
    expect(Object.keys(meta)).toEqual(["__proto__", "constructor", "prototype", "deep"])
    expect(Object.keys(error.extra ?? {})).toEqual(["__proto__", "constructor"])
    expect(Object.keys(response.extra ?? {})).toEqual(["__proto__"])
    expect(Object.keys(response.meta ?? {})).toEqual(["__proto__"])
    // The round trip gives the same text back.
    expect(JSON.stringify(encodeErrorResponse(response))).toBe(JSON.stringify(JSON.parse(text)))
  })

  it("`__proto__` survives the SDK's camelCase meta too", () => {
    const meta = JSON.parse('{"__proto__":{"polluted":1},"sessionId":"sess_1"}') as object
    const response = right(decodeEverywhere({ clerkError: true, status: 400, errors: [{ code: "identifier_already_signed_in", message: "", meta }] }))
    expect(Object.keys(response.errors[0].meta ?? {})).toEqual(["__proto__", "session_id"])
  })

  it("codes that are names of Object.prototype members are unknown codes, nothing more", () => {
    for (const code of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"]) {
      const error = right(decodeClerkError({ code, message: "" }))
      expect(error._tag).toBe("UnknownClerkError")
      expect(error.code).toBe(code)
    }
  })
})

// ---------------------------------------------------------------------------
// Getters and Proxy traps that throw
// ---------------------------------------------------------------------------

const thrower = (thrown: unknown) => () => {
  throw thrown
}

/** Things a hostile trap may throw, including values that are awkward to describe. */
const thrownValues: ReadonlyArray<readonly [string, unknown]> = [
  ["an Error", new Error("boom")],
  ["a string", "boom"],
  ["undefined", undefined],
  ["a symbol", Symbol("boom")],
  ["an object whose toString throws", { toString: thrower(new Error("again")) }],
  ["a Proxy whose every trap throws", new Proxy({}, { get: thrower(1), getPrototypeOf: thrower(2), has: thrower(3) })],
]

const traps = ["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf"] as const

const MARKER = "\u0000marker"

/** `holder` with the property whose value is `MARKER` turned into a getter that throws `thrown`. */
const withThrowingGetter = (holder: unknown, thrown: unknown): unknown => {
  const stack: Array<unknown> = [holder]
  while (stack.length > 0) {
    const o = stack.pop()
    if (typeof o !== "object" || o === null) continue
    for (const key of Object.keys(o)) {
      const value = (o as Record<string, unknown>)[key]
      if (value === MARKER) {
        Object.defineProperty(o, key, { get: thrower(thrown), enumerable: true })
        return holder
      }
      stack.push(value)
    }
  }
  throw new Error("no marker in holder")
}

describe("getters and Proxy traps that throw", () => {
  describe.each(thrownValues.map(([name, value]) => [name, value] as const))("throwing %s", (_name, thrown) => {
    it.each(places.filter(([path]) => path !== "response").map(([path, place]) => [path, place] as const))(
      "a getter at %s",
      (_path, place) => {
        const failure = left(decodeEverywhere(withThrowingGetter(place(MARKER), thrown)))
        expect(failure.message).toMatch(/^response: expected a readable value, got one that threw when read \(.*\)$/)
      },
    )

    it.each(traps.map((trap) => [trap] as const))("a Proxy whose %s trap throws, as the envelope, an error, a meta", (trap) => {
      const proxy = () => new Proxy({ errors: [carrier()], code: "x", message: "" }, { [trap]: thrower(thrown) })
      for (const input of [proxy(), { errors: [proxy()] }, { errors: [carrier({ meta: proxy() })] }, { errors: [carrier()], meta: proxy() }]) {
        const result = decodeEverywhere(input)
        if (E.isLeft(result)) expect(typeof result.left.message).toBe("string")
      }
    })
  })

  it("says what threw, in one line", () => {
    const input = { errors: [carrier({ meta: new Proxy({}, { ownKeys: thrower(new Error("no keys for you")) }) })] }
    expect(left(decodeErrorResponse(input)).message).toBe(
      "response: expected a readable value, got one that threw when read (no keys for you)",
    )
  })

  it("an Error whose message is not a string (or throws) is described, not rethrown", () => {
    const odd = Object.assign(new Error("x"), { message: 42 as unknown as string })
    expect(left(decodeEverywhere({ errors: [carrier({ meta: Object.defineProperty({}, "k", { get: thrower(odd), enumerable: true }) })] })).message).toBe(
      "response: expected a readable value, got one that threw when read (42)",
    )
    const worse = Object.defineProperty(new Error("x"), "message", { get: thrower(new Error("again")) })
    expect(left(decodeEverywhere({ get errors(): unknown { throw worse } })).message).toContain("(unknown reason)")
  })

  it("failure messages stay one line: control characters from keys, thrown messages and JSON text are escaped", () => {
    const lines = [
      left(decodeErrorResponse({ errors: [carrier({ meta: { "forged\nERROR admin logged in\r\u2028": () => 1 } })] })).message,
      left(decodeErrorResponse({ get errors(): unknown { throw new Error("line one\nline two") } })).message,
      left(decodeErrorResponseJson("{\n\u0000")).message,
    ]
    expect(lines[0]).toBe("errors[0].meta.forged\\nERROR admin logged in\\r\\u2028: expected JSON value, got a function")
    expect(lines[1]).toContain("(line one\\nline two)")
    for (const line of lines) for (const c of line) expect(c.charCodeAt(0) >= 32 && c !== "\u2028" && c !== "\u2029").toBe(true)
  })

  it("a revoked Proxy (even Array.isArray throws on it) is a failure", () => {
    const { proxy, revoke } = Proxy.revocable([carrier()], {})
    revoke()
    for (const input of [proxy, { errors: proxy }, { errors: [proxy] }, { errors: [carrier({ meta: proxy })] }]) {
      expect(left(decodeEverywhere(input)).message).toMatch(/threw when read \(.*revoked/)
    }
    expect(left(decodeClerkError(proxy)).message).toMatch(/^error: expected a readable value/)
  })

  it("a transparent Proxy is read like its target", () => {
    const wire = envelopeOf(wireErrorOf(catalog[1]))
    const proxied = new Proxy(wire, {})
    expect(right(decodeEverywhere(proxied))).toStrictEqual(right(decodeErrorResponse(wire)))
  })
})

// ---------------------------------------------------------------------------
// Cycles and shared references
// ---------------------------------------------------------------------------

describe("cycles and shared references", BIG, () => {
  const cyclic: ReadonlyArray<readonly [string, () => unknown, string]> = [
    [
      "meta that contains itself",
      () => {
        const meta: Record<string, unknown> = { a: 1 }
        meta.self = meta
        return { errors: [carrier({ meta })] }
      },
      "errors[0].meta.self: expected JSON value without cycles",
    ],
    [
      "a cycle through an array",
      () => {
        const list: Array<unknown> = [1]
        const meta = { list }
        list.push({ back: meta })
        return { errors: [carrier({ meta })] }
      },
      "errors[0].meta.list[1].back: expected JSON value without cycles",
    ],
    [
      "an extra key that holds the error itself",
      () => {
        const error = carrier()
        error.me = error
        return { errors: [error] }
      },
      "errors[0].me.me: expected JSON value without cycles",
    ],
    [
      "an envelope meta that holds the envelope",
      () => {
        const envelope: Record<string, unknown> = { errors: [carrier()] }
        envelope.meta = { envelope }
        return envelope
      },
      "meta.envelope.meta: expected JSON value without cycles",
    ],
    [
      "a cycle 10,000 levels down",
      () => {
        const top: Record<string, unknown> = {}
        let node = top
        for (let i = 0; i < 10_000; i++) node = node.n = {}
        node.n = top
        return { errors: [carrier({ meta: { top } })] }
      },
      "errors[0].meta.top.n.n.n",
    ],
  ]

  it.each(cyclic.map(([name, make, message]) => [name, make, message] as const))("%s is a failure", (_name, make, message) => {
    const failure = left(decodeEverywhere(make()))
    expect(failure.message.startsWith(message)).toBe(true)
    expect(failure.message).toContain("without cycles")
  })

  it("an errors array that contains the envelope is a failure", () => {
    const envelope: Record<string, unknown> = {}
    envelope.errors = [envelope]
    expect(left(decodeEverywhere(envelope)).message).toBe("errors[0].code: expected string, got undefined")
  })

  it("a value shared 2^60 times over (a DAG 60 levels deep) is copied once per object", () => {
    const budget = { left: 2_000 }
    let node: object = budgeted({ leaf: [1, 2] }, budget)
    for (let i = 0; i < 60; i++) node = budgeted({ l: node, r: node }, budget)
    const meta = right(decodeEverywhere({ errors: [carrier({ meta: { root: node, again: node } })] })).errors[0].meta!
    // Same data, all the way down the left and the right.
    let copy = meta.root as Record<string, unknown>
    expect(meta.again).toStrictEqual(copy)
    for (let i = 0; i < 60; i++) {
      expect(copy.r).toBe(copy.l)
      copy = copy.l as Record<string, unknown>
    }
    expect(copy).toStrictEqual({ leaf: [1, 2] })
  })
})

// ---------------------------------------------------------------------------
// Sparse and huge arrays
// ---------------------------------------------------------------------------

describe("sparse and huge arrays", BIG, () => {
  it("a hole in `errors` is a failure at the hole", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(left(decodeEverywhere({ errors: [carrier(), , carrier()] })).message).toBe("errors[1]: expected object, got undefined")
  })

  it("a hole in meta is a failure (holes are not JSON data); `undefined` in a dense array is null, as in JSON", () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [1, , 3]
    expect(left(decodeEverywhere({ errors: [carrier({ meta: { a: holey } })] })).message).toBe(
      "errors[0].meta.a[1]: expected JSON value, got a hole (a sparse array)",
    )
    const dense = right(decodeEverywhere({ errors: [carrier({ meta: { a: [1, undefined, 3] } })] }))
    expect(dense.errors[0].meta).toStrictEqual({ a: [1, null, 3] })
  })

  it("an array of length 2^32 - 1 with nothing in it costs its contents, not its length", () => {
    const budget = { left: 100 }
    const empty: Array<unknown> = []
    empty.length = 2 ** 32 - 1
    for (const input of [{ errors: budgeted(empty, budget) }, { errors: [carrier({ meta: { a: budgeted(empty, budget) } })] }]) {
      const failure = left(decodeEverywhere(input))
      expect(failure.message).not.toContain("budget")
    }
    const sparse: Array<unknown> = []
    sparse.length = 2 ** 32 - 1
    sparse[0] = 1
    expect(left(decodeEverywhere({ errors: [carrier({ meta: { a: sparse } })] })).message).toContain("errors[0].meta.a[1]")
  })

  it("100,000 errors decode, each recognised, in order", () => {
    const n = 100_000
    const wires = catalog.map((entry) => wireErrorOf(entry))
    const errors = Array.from({ length: n }, (_, i) => wires[i % wires.length]!)
    const response = right(decodeEverywhere({ errors }))
    expect(response.errors.length).toBe(n)
    const misplaced = response.errors.filter((error, i) => error._tag !== catalog[i % catalog.length]!.tag)
    expect(misplaced).toEqual([])
  })

  it("100,000 errors, the last one bad: a failure that names it", () => {
    const errors: Array<unknown> = Array.from({ length: 100_000 }, () => carrier())
    errors[99_999] = carrier({ code: 7 })
    expect(left(decodeEverywhere({ errors })).message).toBe("errors[99999].code: expected string, got 7")
  })

  it("a meta array of 100,000 items is copied, frozen", () => {
    const big = Array.from({ length: 100_000 }, (_, i) => i)
    const copy = right(decodeEverywhere({ errors: [carrier({ meta: { big } })] })).errors[0].meta!.big as Array<number>
    expect(copy).not.toBe(big)
    expect(copy.length).toBe(big.length)
    expect(copy.every((n, i) => n === i)).toBe(true)
  })
})

// ---------------------------------------------------------------------------
// Big strings, deep nesting
// ---------------------------------------------------------------------------

describe("big strings and deep nesting", BIG, () => {
  const tenMB = "x".repeat(10 * 1024 * 1024)

  it("10 MB strings in every string field decode, from an object and from JSON text", () => {
    const wire = {
      errors: [
        { code: tenMB, message: tenMB, long_message: tenMB, meta: { k: tenMB }, other: tenMB },
        { code: "resource_not_found", message: "not found", long_message: `No sign in was found with id ${tenMB}` },
        { code: "resource_forbidden", message: ` ${tenMB} `, long_message: tenMB },
      ],
      clerk_trace_id: tenMB,
      other: tenMB,
    }
    for (const response of [right(decodeEverywhere(wire)), right(decodeErrorResponseJson(JSON.stringify(wire)))]) {
      const [first, second, third] = response.errors as unknown as [ClerkError, ClerkError, ClerkError]
      expect(first.code).toBe(tenMB)
      expect(first.meta?.k).toBe(tenMB)
      expect(second._tag === "SignInNotFound" && second.signInId).toBe(tenMB)
      expect(third._tag).toBe("UnknownClerkError")
      expect(response.traceId).toBe(tenMB)
    }
  })

  it("a failure on a 10 MB value says so in a short line", () => {
    const failure = left(decodeErrorResponse({ errors: [carrier()], clerk_trace_id: [tenMB] }))
    expect(failure.message.length).toBeLessThan(200)
    const syntax = left(decodeErrorResponseJson(tenMB))
    expect(syntax.message.length).toBeLessThan(300)
    const key = left(decodeErrorResponse({ errors: [carrier({ meta: { [tenMB]: () => 1 } })] }))
    expect(key.message).toBe(`errors[0].meta.${"x".repeat(60)}…: expected JSON value, got a function`)
  })

  const nest = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown => {
    let node = leaf
    for (let i = 0; i < depth; i++) node = wrap(node)
    return node
  }

  it.each([
    ["objects", (inner: unknown) => ({ a: inner })],
    ["arrays", (inner: unknown) => [inner]],
  ] as const)("meta nested 10,000 deep in %s decodes, frozen and copied at every level", (_name, wrap) => {
    const deep = nest(10_000, "bottom", wrap)
    const inputs = objectsOf(deep)
    const meta = right(decodeEverywhere({ errors: [carrier({ meta: { deep } })] })).errors[0].meta!
    let node = meta.deep
    for (let i = 0; i < 10_000; i++) {
      expect(inputs.has(node as object)).toBe(false)
      node = Array.isArray(node) ? node[0] : (node as { a: unknown }).a
    }
    expect(node).toBe("bottom")
  })

  it("meta nested 100,000 deep, from JSON text too", () => {
    const text = `{"errors":[{"code":"x","message":"","meta":{"d":${"[".repeat(100_000)}1${"]".repeat(100_000)}}}]}`
    expect(right(decodeErrorResponseJson(text)).errors[0].meta).toBeDefined()
  })

  it("a function 10,000 levels down is a failure whose path goes all the way", () => {
    const failure = left(decodeEverywhere({ errors: [carrier({ meta: { deep: nest(10_000, () => 1, (inner) => ({ a: inner })) } })] }))
    expect(failure.message.startsWith(`errors[0].meta.deep${".a".repeat(10_000)}: expected JSON value, got a function`)).toBe(true)
    expect(failure.errors[0]!.context.length).toBe(4 + 10_000)
  })
})

// ---------------------------------------------------------------------------
// Long adversarial messages: no regular expression, one pass
// ---------------------------------------------------------------------------

describe("1 MB adversarial messages", BIG, () => {
  const MB = 1024 * 1024
  /** Repeats `fragment` up to about 1 MB. */
  const fill = (fragment: string): string => fragment.repeat(Math.ceil(MB / Math.max(1, fragment.length)))

  /** Texts built from each entry's own template fragments: its literals, repeated, interleaved, unterminated. */
  const adversarial = (source: string): Array<string> => {
    const template = parseTemplate(source)
    const [head, ...rest] = template.literals
    const texts = [fill(source), head + fill(head!), head + fill(" "), head + fill("`") + "`", head + fill("\"'`{}"), fill(head!.toUpperCase())]
    for (const literal of rest) {
      if (literal.length === 0) continue
      texts.push(head + fill(literal), head + fill(literal.slice(0, -1)), head + fill(literal + head), head + fill(literal.trim().slice(0, 3)))
    }
    return texts
  }
  const templated = entries.filter((entry) => entry.longMessage !== undefined)

  it("decode, for every entry's template, without running a regular expression", () => {
    const cases = templated.flatMap((entry) =>
      adversarial(entry.longMessage!).map((text) => ({ code: entry.code, message: entry.message, long_message: text })),
    )
    // Every RegExp method reaches `exec` (ECMA-262 RegExpExec), so counting its calls counts them all.
    const exec = RegExp.prototype.exec
    let runs = 0
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      runs++
      return exec.call(this, s)
    }
    const results: Array<E.Either<DecodeFailure, ClerkError>> = []
    try {
      for (const wire of cases) results.push(decodeClerkError(wire))
    } finally {
      RegExp.prototype.exec = exec
    }
    expect(runs).toBe(0)
    expect(results.length).toBeGreaterThan(templated.length * 6)
    results.forEach((result, i) => {
      expect(E.isRight(result)).toBe(true)
      if (E.isRight(result)) expect(result.right.code).toBe(cases[i]!.code)
    })
  })

  it("read parameters back out of 1 MB texts in one pass", () => {
    for (const entry of templated) {
      const template = parseTemplate(entry.longMessage!)
      for (const text of adversarial(entry.longMessage!)) {
        const values = readTemplate(template, text)
        // A value read back is a piece of the text, never more than it.
        for (const value of values ?? []) if (value !== undefined) expect(text.includes(value)).toBe(true)
      }
    }
  })

  it("the counter sees a regular expression when one runs (the check above can fail)", () => {
    const exec = RegExp.prototype.exec
    let runs = 0
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      runs++
      return exec.call(this, s)
    }
    try {
      "a-b".split(/-/)
      ;/x/.test("y")
    } finally {
      RegExp.prototype.exec = exec
    }
    expect(runs).toBeGreaterThanOrEqual(2)
  })
})

// ---------------------------------------------------------------------------
// Immutability and no shared state
// ---------------------------------------------------------------------------

describe("decoded values are immutable at run time", () => {
  const wire = () => ({
    errors: [
      {
        code: "identifier_already_signed_in",
        message: "You're already signed in",
        meta: { session_id: "sess_1", nested: { list: [{ a: 1 }], inner: { b: "c" } } },
        other: { x: [1] },
      },
      { code: "form_password_incorrect", message: "", meta: { param_name: "password" } },
    ],
    meta: { client: { id: "client_1", sessions: [{ id: "sess_1" }] } },
    clerk_trace_id: "4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7",
    other: { y: 2 },
  })

  const assignments = (response: ClerkErrorResponse): Array<readonly [string, () => void]> => {
    const [signIn, unknown] = response.errors as unknown as [Record<string, unknown>, Record<string, unknown>]
    const meta = signIn.meta as Record<string, any>
    const extra = signIn.extra as Record<string, any>
    const r = response as unknown as Record<string, any>
    return [
      ["error._tag", () => (signIn._tag = "SignInNotFound")],
      ["error.code", () => (signIn.code = "x")],
      ["error.sessionId", () => (signIn.sessionId = "sess_evil")],
      ["error: a new key", () => (signIn.added = 1)],
      ["error: delete", () => delete signIn.meta],
      ["unknown error.shortMessage", () => (unknown.shortMessage = "x")],
      ["meta.session_id", () => (meta.session_id = "sess_evil")],
      ["meta: a new key", () => (meta.added = 1)],
      ["meta.nested.inner.b", () => (meta.nested.inner.b = "d")],
      ["meta.nested.list[0].a", () => (meta.nested.list[0].a = 2)],
      ["meta.nested.list.push", () => meta.nested.list.push(1)],
      ["meta.nested.list[0] =", () => (meta.nested.list[0] = {})],
      ["extra.other", () => (extra.other = 1)],
      ["extra.other.x.push", () => extra.other.x.push(2)],
      ["errors[0] =", () => (r.errors[0] = {})],
      ["errors.push", () => r.errors.push({})],
      ["errors.length", () => (r.errors.length = 0)],
      ["response.traceId", () => (r.traceId = "x")],
      ["response.status", () => (r.status = 200)],
      ["response.meta.client.id", () => (r.meta.client.id = "x")],
      ["response.meta.client.sessions[0].id", () => (r.meta.client.sessions[0].id = "x")],
      ["response.extra.other.y", () => (r.extra.other.y = 3)],
      ["response: a new key", () => (r.added = 1)],
    ]
  }

  it("assigning to any field, at any depth, throws in strict mode", () => {
    const response = right(decodeEverywhere(wire()))
    const list = assignments(response)
    expect(list.length).toBeGreaterThan(20)
    for (const [name, assign] of list) expect(assign, name).toThrow(TypeError)
    expect(right(decodeEverywhere(wire()))).toStrictEqual(response)
  })

  it("the same holds for decodeClerkError, the codecs, the SDK shape and the constructors", () => {
    const sdk = { clerkError: true, status: 400, clerkTraceId: "t", errors: [{ code: "x", message: "", longMessage: "l", meta: { paramName: "p", nested: { a: [1] } } }] }
    const values: Array<unknown> = [
      right(decodeClerkError(wire().errors[0])),
      right(ClerkErrorCodec.decode(wire().errors[0])),
      right(ClerkErrorResponseCodec.decode(wire())),
      right(decodeErrorResponse(sdk)),
      SignInError.AlreadySignedIn({ sessionId: "sess_1" }),
      SignInError.SignInNotFound({ signInId: "sia_1" }),
      UnknownClerkError({ code: "x", shortMessage: "", meta: { a: { b: [1] } } }),
    ]
    for (const value of values) {
      expectDeepFrozen(value)
      expect(() => ((value as Record<string, unknown>).code = "y")).toThrow(TypeError)
    }
  })

  it("share no object with the input, and do not change when the input is mutated afterwards", () => {
    const input = wire()
    const response = right(decodeEverywhere(input))
    const decodedObjects = objectsOf(response)
    for (const o of objectsOf(input)) expect(decodedObjects.has(o)).toBe(false)

    const before = JSON.stringify(response)
    // Mutate every object of the input, at every depth.
    for (const o of objectsOf(input)) {
      if (Array.isArray(o)) o.push("pushed")
      for (const key of Object.keys(o)) (o as Record<string, unknown>)[key] = "mutated"
    }
    expect(JSON.stringify(response)).toBe(before)
  })

  it("UnknownClerkError(...) copies the meta it is given", () => {
    const meta = { a: { b: [1] } }
    const error = UnknownClerkError({ code: "x", shortMessage: "", meta })
    meta.a.b.push(2)
    expect(error.meta).toStrictEqual({ a: { b: [1] } })
  })
})
