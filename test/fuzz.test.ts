/**
 * The fuzz suite: seeded fast-check properties over the decoder, the codecs,
 * the template reader and the presentation layer. test/hostile.test.ts holds
 * the hand-picked hostile cases; this file generates hundreds of thousands.
 *
 * Deterministic in CI: every property runs with one fixed seed, printed by
 * fast-check on failure ("seed: ..., path: ..."). To replay or explore:
 *
 *   FUZZ_SEED=123 npx vitest run test/fuzz.test.ts      # another seed
 *   FUZZ_SCALE=10 npx vitest run test/fuzz.test.ts      # ten times the cases
 *
 * The number of generated cases is in each test's name and the total is
 * printed at the end (docs/security.md gives it for the default scale).
 */
import fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import { afterAll, describe, it } from "vitest"
import {
  accountRevealingTags,
  catalog,
  ClerkErrorCodec,
  ClerkErrorResponseCodec,
  decodeClerkError,
  decodeErrorResponse,
  decodeErrorResponseJson,
  defaultPublicMessages,
  encodeClerkError,
  encodeErrorResponse,
  isDecodeFailure,
  statusOf,
  toLogRecord,
  toPublicError,
  type CatalogEntry,
  type ClerkError,
  type ClerkErrorResponse,
} from "../src/index.js"
import { parseTemplate, readTemplate, renderTemplate } from "../src/internal/template.js"
import { entries, longMessageOf, sampleParams, type Wording } from "./support/wire.js"
import { expectDeepFrozen, objectsOf } from "./support/objects.js"

// ---------------------------------------------------------------------------
// Seed, scale, count
// ---------------------------------------------------------------------------

const SEED = process.env.FUZZ_SEED === undefined ? 20_260_705 : Number(process.env.FUZZ_SEED)
const SCALE = process.env.FUZZ_SCALE === undefined ? 1 : Number(process.env.FUZZ_SCALE)
let generated = 0

/**
 * One property: `runs` generated cases (times FUZZ_SCALE) with the suite's
 * seed. The time limit tells a hang from a slow machine; it measures nothing.
 */
const property = <T>(name: string, runs: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void => {
  const numRuns = Math.max(1, Math.round(runs * SCALE))
  it(`${name} (${numRuns.toLocaleString("en")} cases)`, { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        generated++
        predicate(value)
      }),
      { seed: SEED, numRuns },
    )
    checkPrototypes(prototypes.length)
  })
}

const cpuAtStart = process.cpuUsage()
afterAll(() => {
  // CPU seconds, not wall time: what this file costs a CI core, whatever else runs beside it.
  const cpu = process.cpuUsage(cpuAtStart)
  const seconds = ((cpu.user + cpu.system) / 1e6).toFixed(1)
  console.log(`fuzz: ${generated.toLocaleString("en")} generated cases in ${seconds} s of CPU, FUZZ_SEED=${SEED}, FUZZ_SCALE=${SCALE}`)
})

// ---------------------------------------------------------------------------
// Checks shared by the properties
// ---------------------------------------------------------------------------

/**
 * A plain check for the hot loops: `expect` costs microseconds a call, and
 * 300,000 cases times ten checks is seconds of CI. fast-check reports the
 * error with the counterexample and the seed.
 */
const check = (ok: boolean, what: string, ...seen: Array<unknown>): void => {
  if (!ok) throw new Error(`${what}${seen.length === 0 ? "" : `: ${seen.map((v) => JSON.stringify(v) ?? String(v)).join(" / ")}`}`)
}

/**
 * The own properties of the built-in prototypes, taken once. Every case
 * checks the two that pollution targets (`Object.prototype`,
 * `Array.prototype`); every property ends by checking them all.
 */
const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype]
const pristine = prototypes.map((proto) => new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)?.value])))
const checkPrototypes = (count: number): void => {
  for (let i = 0; i < count; i++) {
    const proto = prototypes[i]!
    const keys = Reflect.ownKeys(proto)
    if (keys.length !== pristine[i]!.size) throw new Error(`a built-in prototype gained or lost keys`)
    for (const key of keys) {
      if (Object.getOwnPropertyDescriptor(proto, key)?.value !== pristine[i]!.get(key)) throw new Error(`prototype key ${String(key)} changed`)
    }
  }
}
const expectPrototypesUntouched = (): void => checkPrototypes(2)

/** Every object reachable from `u` by own enumerable keys. */
/** A result is an Either: a DecodeFailure with a one-line message, or a value frozen all the way down. */
const expectWellFormed = (result: E.Either<unknown, unknown>): void => {
  if (result._tag === "Left") {
    if (!isDecodeFailure(result.left)) throw new Error("Left is not a DecodeFailure")
    if (typeof result.left.message !== "string" || result.left.message.length === 0) throw new Error("empty failure message")
    if (result.left.message.includes("\n")) throw new Error("failure message is not one line")
  } else if (result._tag === "Right") {
    expectDeepFrozen(result.right)
  } else {
    throw new Error("not an Either")
  }
}

/** JSON with keys sorted at every level, for comparing values whose key order may differ. */
const canonical = (u: unknown): string => {
  if (Array.isArray(u)) return `[${u.map(canonical).join(",")}]`
  if (typeof u === "object" && u !== null) {
    const o = u as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(o[key])}`)
      .join(",")}}`
  }
  return JSON.stringify(u) ?? "undefined"
}

const right = <A>(result: E.Either<unknown, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected Right, got Left: ${(result.left as { message?: string }).message}`)
  return result.right
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/** Keys: ordinary ones, and those that trip naive code (prototype names, array-like names, the empty key). */
const trickyKeys = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "length", "0", ""]
const key = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(...trickyKeys) })

/** An object with these entries as own data keys, `__proto__` included (as `JSON.parse` makes them). */
const objectFrom = (pairs: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => {
  const o: Record<string, unknown> = {}
  for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

/** JSON values as a network hands them over: any text, prototype-named keys, nesting (kept small: generation is most of the cost). */
const { json, jsonObject } = fc.letrec<{ json: unknown; jsonObject: Record<string, unknown> }>((tie) => ({
  json: fc.oneof(
    { maxDepth: 2, depthIdentifier: "json" },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.array(tie("json"), { maxLength: 3, depthIdentifier: "json" }),
    tie("jsonObject"),
  ),
  jsonObject: fc.array(fc.tuple(key, tie("json")), { maxLength: 3, depthIdentifier: "json" }).map(objectFrom),
}))

/** Texts: the catalog's, the templates' fragments, and anything. */
const text = fc.oneof(
  fc.constantFrom(...catalog.flatMap((entry) => [entry.message, entry.longMessage ?? "", entry.message.toUpperCase()])),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
)

/** Parameter values as Clerk sends them: ids, strategies, and anything. A clean value is read back exactly. */
const idChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
const cleanValue = fc.string({ unit: fc.constantFrom(...idChars), minLength: 1, maxLength: 24 })
const isClean = (value: string): boolean => value.length > 0 && [...value].every((c) => idChars.includes(c))
const paramValue = fc.oneof(fc.constantFrom(...Object.values(sampleParams)), cleanValue, fc.string({ maxLength: 20 }))

/** Keys the decoder models on an error, and the SDK's `longMessage`, which switches it to the SDK shape. */
const errorKeys = new Set(["code", "message", "long_message", "meta", "longMessage"])
/** Keys the decoder models on an envelope, and the keys that mark an SDK error (`clerkError`, `clerkTraceId`). */
const envelopeKeys = new Set(["errors", "meta", "clerk_trace_id", "clerkError", "clerkTraceId", "code"])
const extraOf = (modelled: ReadonlySet<string>) =>
  fc.array(fc.tuple(key.filter((k) => !modelled.has(k)), json), { maxLength: 2 })

interface GeneratedError {
  readonly wire: Record<string, unknown>
  /** The catalog entry the wire was built from, when its texts are recognisable by construction. */
  readonly entry: CatalogEntry | undefined
  /** The parameter values put on the wire, when they are clean (read back exactly). */
  readonly params: Readonly<Record<string, string>> | undefined
}

/** One of the twelve on the wire: its code, its texts in some wording and case, its parameters, any meta and extra keys. */
const signInWire: fc.Arbitrary<GeneratedError> = fc
  .record({
    entry: fc.constantFrom(...entries),
    wording: fc.constantFrom<Wording>("current", "2024"),
    values: fc.tuple(paramValue, paramValue),
    messageKind: fc.constantFrom("catalog", "empty", "shouted", "other"),
    otherMessage: text,
    withLong: fc.boolean(),
    meta: fc.option(jsonObject, { nil: undefined }),
    extra: extraOf(errorKeys),
  })
  .map(({ entry, wording, values, messageKind, otherMessage, withLong, meta, extra }) => {
    const names = Object.keys(entry.params)
    const params = Object.fromEntries(names.map((name, i) => [name, values[i % values.length]!]))
    const clean = Object.values(params).every(isClean)
    const longMessage = longMessageOf(entry, wording, params)
    const recognise = entry.recognise
    const message =
      messageKind === "catalog" ? entry.message : messageKind === "empty" ? "" : messageKind === "shouted" ? `  ${entry.message.toUpperCase()} ` : otherMessage
    // Text-recognised entries need their text somewhere; the template entry needs its long message.
    const keepLong = withLong || recognise.by === "longMessageTemplate" || (recognise.by === "text" && messageKind !== "catalog" && messageKind !== "shouted")
    const wireMeta = meta === undefined ? undefined : objectFrom(Object.entries(meta).filter(([k]) => k !== "session_id"))
    const metaParams = Object.entries(entry.params).flatMap(([name, source]) => (source.from === "meta" ? [[source.key, params[name]!] as const] : []))
    const fields: Array<readonly [string, unknown]> = [["code", entry.code], ["message", message]]
    if (keepLong && longMessage !== undefined) fields.push(["long_message", longMessage])
    if (wireMeta !== undefined || metaParams.length > 0) fields.push(["meta", objectFrom([...Object.entries(wireMeta ?? {}), ...metaParams])])
    const longOnWire = keepLong && longMessage !== undefined
    // An arbitrary message may be another entry's text: only the catalog's
    // own texts make a text-recognised entry certain.
    const recognisable =
      recognise.by === "code" ||
      (recognise.by === "text" &&
        (messageKind === "catalog" || messageKind === "shouted" || (messageKind === "empty" && longOnWire && recognise.texts.includes(longMessage)))) ||
      (recognise.by === "longMessageTemplate" && longOnWire)
    const readable = Object.values(entry.params).every((source) => source.from === "meta" || longOnWire)
    return {
      wire: objectFrom([...fields, ...extra]),
      entry: recognisable ? entry : undefined,
      params: clean && recognisable && readable ? params : undefined,
    }
  })

/** An error with any code (the twelve's, unknown ones, anything), any texts, meta and extra keys. */
const anyWire: fc.Arbitrary<GeneratedError> = fc
  .record({
    code: fc.oneof(
      fc.constantFrom(...catalog.map((entry) => entry.code)),
      fc.constantFrom("form_password_incorrect", "form_identifier_not_found", "too_many_requests", "user_locked", "resource_not_found"),
      fc.string({ maxLength: 30 }),
    ),
    message: text,
    long: fc.option(text, { nil: undefined }),
    meta: fc.option(jsonObject, { nil: undefined }),
    extra: extraOf(errorKeys),
  })
  .map(({ code, message, long, meta, extra }) => {
    const fields: Array<readonly [string, unknown]> = [["code", code], ["message", message]]
    if (long !== undefined) fields.push(["long_message", long])
    if (meta !== undefined) fields.push(["meta", meta])
    return { wire: objectFrom([...fields, ...extra]), entry: undefined, params: undefined }
  })

const wireError = fc.oneof(signInWire, anyWire)

/** A wire envelope: errors, and any of meta, a trace id, extra keys. */
const wireEnvelope = fc
  .record({
    errors: fc.array(wireError, { minLength: 1, maxLength: 3 }),
    meta: fc.option(jsonObject, { nil: undefined }),
    traceId: fc.option(fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ maxLength: 12 })), { nil: undefined }),
    extra: extraOf(envelopeKeys),
  })
  .map(({ errors, meta, traceId, extra }) => {
    const fields: Array<readonly [string, unknown]> = [["errors", errors.map((e) => e.wire)]]
    if (meta !== undefined) fields.push(["meta", meta])
    if (traceId !== undefined) fields.push(["clerk_trace_id", traceId])
    return { wire: objectFrom([...fields, ...extra]), errors }
  })

// --- Hostile values -------------------------------------------------------

const thrower = (thrown: unknown) => () => {
  throw thrown
}

class Account {
  readonly id = "user_1"
  get name(): string {
    return "n"
  }
}

/** Values no JSON parser makes, each built fresh. */
const hostileFactories: ReadonlyArray<() => unknown> = [
  () => Symbol("s"),
  () => 1n,
  () => () => 1,
  () => new Date(0),
  () => new Map([["code", "x"]]),
  () => new Set(["x"]),
  () => new Account(),
  () => new Uint8Array(3),
  () => new Error("e"),
  () => Object.create(null) as object,
  () => Object.assign(Object.create(null) as object, { code: "x", message: "", errors: [] }),
  () => Object.defineProperty({}, "code", { get: thrower(new Error("getter")), enumerable: true }),
  () => Object.defineProperty({ errors: [{ code: "x", message: "" }] }, "meta", { get: thrower("not an Error"), enumerable: true }),
  ...(["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf"] as const).map(
    (trap) => () => new Proxy({ code: "x", message: "", errors: [{ code: "x", message: "" }] }, { [trap]: thrower(new Error(trap)) }),
  ),
  () => new Proxy([{ code: "x", message: "" }], { get: thrower(Symbol("array get")) }),
  () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  },
  () => {
    const o: Record<string, unknown> = { code: "x", message: "" }
    o.self = o
    o.meta = { back: o }
    return o
  },
  () => {
    const a: Array<unknown> = [1]
    a.push(a)
    return a
  },
  () => {
    let node: object = { leaf: 1 }
    for (let i = 0; i < 40; i++) node = { l: node, r: node }
    return node
  },
  () => {
    const sparse: Array<unknown> = []
    sparse.length = 2 ** 32 - 1
    sparse[0] = { code: "x", message: "" }
    return sparse
  },
  () => {
    let deep: unknown = "bottom"
    for (let i = 0; i < 2_000; i++) deep = { a: deep }
    return deep
  },
]

/**
 * A hostile value, as a recipe: fast-check itself reads the values it
 * generates (to clone or print them), and a throwing trap would throw in
 * fast-check rather than in the decoder. Recipes are built in the predicate.
 */
type Hostile = { readonly factory: number } | { readonly value: unknown }
const build = (hostile: Hostile): unknown => ("factory" in hostile ? hostileFactories[hostile.factory]!() : hostile.value)

/** Every kind of value fast-check makes, not only JSON data. */
const everyKind = {
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
} as const

const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  fc.nat({ max: hostileFactories.length - 1 }).map((factory) => ({ factory })),
  fc.anything({ maxDepth: 2, ...everyKind }).map((value) => ({ value })),
)

/** The (object, key) places of a JSON-like value, the root included (as `[undefined, ""]`). */
const placesOf = (root: unknown): Array<readonly [Record<string, unknown> | undefined, string]> => {
  const out: Array<readonly [Record<string, unknown> | undefined, string]> = [[undefined, ""]]
  const stack: Array<unknown> = [root]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== "object" || v === null) continue
    for (const k of Object.keys(v)) {
      out.push([v as Record<string, unknown>, k])
      stack.push((v as Record<string, unknown>)[k])
    }
  }
  return out
}

/** A JSON copy that keeps `__proto__` keys as own keys (`JSON.parse` defines them). */
const jsonCopy = <T>(u: T): T => JSON.parse(JSON.stringify(u)) as T

/** A wire envelope and hostile values to splice in at random places (the root included), as a recipe. */
const hostileEnvelope = fc.record({
  wire: wireEnvelope.map(({ wire }) => wire),
  splices: fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 3 }),
})

/** Builds the input of a `hostileEnvelope` recipe. The places are those of the clean envelope: none is read after a splice. */
const spliced = ({ wire, splices }: { readonly wire: unknown; readonly splices: ReadonlyArray<readonly [number, Hostile]> }): unknown => {
  let root: unknown = jsonCopy(wire)
  const places = placesOf(root)
  for (const [n, hostile] of splices) {
    const [holder, k] = places[n % places.length]!
    const value = build(hostile)
    if (holder === undefined) root = value
    else Object.defineProperty(holder, k, { value, enumerable: true, writable: true, configurable: true })
  }
  return root
}

// ---------------------------------------------------------------------------
// Properties. Case counts are weighted by cost: a whole envelope costs ten
// times an arbitrary value to generate. Their sum is the suite's total.
// ---------------------------------------------------------------------------

const anything = fc.anything(everyKind)

describe("never throws, never hangs", () => {
  property("decodeErrorResponse on any value", 40_000, anything, (u) => {
    expectWellFormed(decodeErrorResponse(u))
    expectPrototypesUntouched()
  })

  property("decodeClerkError on any value", 40_000, fc.oneof(anything, wireError.map((e) => e.wire)), (u) => {
    expectWellFormed(decodeClerkError(u))
    expectPrototypesUntouched()
  })

  const anyOrHostile = fc.oneof(anything.map((value) => ({ value })), hostileEnvelope.map((recipe) => ({ recipe })))
  property("the codecs agree with the functions, on any value, embedded or not", 15_000, anyOrHostile, (input) => {
    const u = "recipe" in input ? spliced(input.recipe) : input.value
    const response = decodeErrorResponse(u)._tag
    const error = decodeClerkError(u)._tag
    check(ClerkErrorResponseCodec.decode(u)._tag === response, "ClerkErrorResponseCodec disagrees")
    check(ClerkErrorCodec.decode(u)._tag === error, "ClerkErrorCodec disagrees")
    check(t.type({ body: ClerkErrorResponseCodec }).decode({ body: u })._tag === response, "embedded ClerkErrorResponseCodec disagrees")
    check(t.array(ClerkErrorCodec).decode([u])._tag === error, "embedded ClerkErrorCodec disagrees")
    expectPrototypesUntouched()
  })

  property(
    "wire envelopes with functions, symbols, bigints, Dates, Maps, class instances, throwing getters and traps, cycles, DAGs, sparse arrays spliced in",
    20_000,
    hostileEnvelope,
    (recipe) => {
      const u = spliced(recipe)
      expectWellFormed(decodeErrorResponse(u))
      expectWellFormed(decodeClerkError(u))
      expectPrototypesUntouched()
    },
  )

  const jsonText = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
    { weight: 3, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: wireEnvelope.map(({ wire }) => JSON.stringify(wire)) },
    // Envelopes with a byte changed or cut short: almost JSON.
    {
      weight: 2,
      arbitrary: fc.tuple(wireEnvelope, fc.nat(), fc.string({ unit: "binary-ascii", maxLength: 2 })).map(([{ wire }, n, s]) => {
        const whole = JSON.stringify(wire)
        const at = n % (whole.length + 1)
        return whole.slice(0, at) + s + whole.slice(at + 1)
      }),
    },
  )
  property("decodeErrorResponseJson on any text agrees with JSON.parse then decodeErrorResponse", 30_000, jsonText, (s) => {
    const result = decodeErrorResponseJson(s)
    expectWellFormed(result)
    let parsed: unknown
    try {
      parsed = JSON.parse(s)
    } catch {
      check(result._tag === "Left" && result.left.message.startsWith("response: expected JSON text, got "), "a syntax error is not reported as one")
      return
    }
    const direct = decodeErrorResponse(parsed)
    check(result._tag === direct._tag, "text and value disagree")
    if (result._tag === "Right" && direct._tag === "Right") check(canonical(result.right) === canonical(direct.right), "text and value decode differently")
    if (result._tag === "Left" && direct._tag === "Left") check(result.left.message === direct.left.message, "text and value fail differently")
    expectPrototypesUntouched()
  })
})

describe("nothing lost, nothing shared", () => {
  property(
    "encode(decode(envelope)) is the envelope, from a value or JSON text; the decoded value is frozen, shares no object with the input and ignores its later mutations",
    15_000,
    wireEnvelope,
    ({ wire }) => {
      const input = jsonCopy(wire)
      const decoded = right(decodeErrorResponse(input))
      const wireJson = canonical(wire)
      const decodedJson = canonical(decoded)
      check(canonical(encodeErrorResponse(decoded)) === wireJson, "encode(decode(w)) is not w", canonical(encodeErrorResponse(decoded)), wireJson)
      check(canonical(right(decodeErrorResponseJson(JSON.stringify(wire)))) === decodedJson, "JSON text decodes differently")
      check(canonical(right(ClerkErrorResponseCodec.decode(ClerkErrorResponseCodec.encode(decoded)))) === decodedJson, "the codec's round trip differs")

      expectDeepFrozen(decoded)
      const inputObjects = objectsOf(input)
      for (const o of objectsOf(decoded)) check(!inputObjects.has(o), "a decoded object is an input object")
      for (const o of inputObjects) {
        if (Array.isArray(o)) o.push("pushed")
        for (const k of Object.keys(o)) Object.defineProperty(o, k, { value: "mutated", enumerable: true, writable: true, configurable: true })
      }
      check(canonical(decoded) === decodedJson, "mutating the input changed the decoded value")
    },
  )

  property(
    "each error is recognised whatever it carries, its parameters read back, and it encodes back to its wire",
    30_000,
    wireError,
    ({ wire, entry, params }) => {
      const error = right(decodeClerkError(wire))
      check(canonical(encodeClerkError(error)) === canonical(wire), "encode(decode(e)) is not e", canonical(encodeClerkError(error)), canonical(wire))
      if (entry !== undefined) check(error._tag === entry.tag, "not recognised", error._tag, entry.tag)
      const fields = error as unknown as Record<string, unknown>
      for (const [name, value] of Object.entries(params ?? {})) check(fields[name] === value, `parameter ${name} not read back`, fields[name], value)
      check(error.code === wire.code && error.shortMessage === wire.message, "code or message changed")
    },
  )
})

describe("the template reader", () => {
  const templated = entries.filter((entry) => entry.longMessage?.includes("{") === true)
  const fragments = [...new Set(templated.flatMap((entry) => parseTemplate(entry.longMessage!).literals.flatMap((l) => [l, l.trim(), l.slice(0, 4)])))]
  const adversarialText = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.array(fc.oneof(fc.constantFrom(...fragments, "`", "'", '"', " ", ".", "{", "}"), fc.string({ maxLength: 6 })), { maxLength: 25 }).map((parts) => parts.join("")),
  )

  property(
    "reads any text without throwing; what it reads is a trimmed piece of the text",
    40_000,
    fc.tuple(fc.constantFrom(...templated), adversarialText, fc.boolean()),
    ([entry, tail, withPrefix]) => {
      const template = parseTemplate(entry.longMessage!)
      const text = withPrefix ? template.literals[0] + tail : tail
      const values = readTemplate(template, text)
      if (values === undefined) return
      check(values.length === template.names.length, "wrong number of values")
      for (const value of values) {
        if (value === undefined) continue
        check(text.includes(value) && value === value.trim() && value.length > 0, "a value is not a trimmed piece of the text", value)
      }
    },
  )

  property(
    "reads back what it rendered, for clean values",
    20_000,
    fc.tuple(fc.constantFrom(...templated), cleanValue, cleanValue),
    ([entry, ...values]) => {
      const template = parseTemplate(entry.longMessage!)
      const params = Object.fromEntries(template.names.map((name, i) => [name, values[i]!]))
      const read = readTemplate(template, renderTemplate(template, params))
      check(canonical(read) === canonical(template.names.map((name) => params[name])), "not read back", read, params)
    },
  )
})

describe("nothing leaked", () => {
  const revealing: ReadonlySet<string> = new Set(accountRevealingTags)
  const tableMessages = [...new Set(Object.values(defaultPublicMessages))]
  const publicCodes = new Set<string>([...catalog.filter((entry) => !revealing.has(entry.tag)).map((entry) => entry.code), "sign_in_failed", "unknown_error"])
  const sharedAnswer = JSON.stringify({ status: 400, code: "sign_in_failed", message: defaultPublicMessages.SignInFailed })
  const SECRET = "SECRET"
  const logFields = new Set(["tag", "code", "status", "traceId", "errorCount", "paramName", ...Object.keys(sampleParams)])

  /** Errors whose every meta value, extra value and unknown text carries a marker that must not reach the browser. */
  const markedResponse = fc
    .tuple(wireEnvelope, fc.option(fc.integer({ min: 100, max: 700 }), { nil: undefined }))
    .map(([{ wire }, status]): ClerkErrorResponse => {
      const marked = JSON.parse(JSON.stringify(wire), (k, v: unknown) =>
        typeof v === "string" && k !== "code" && k !== "message" && k !== "long_message" ? SECRET + v : v,
      ) as Record<string, unknown>
      for (const error of marked.errors as Array<Record<string, unknown>>) {
        if (!catalog.some((entry) => entry.code === error.code)) {
          error.message = SECRET + String(error.message)
          if (typeof error.long_message === "string") error.long_message = SECRET + error.long_message
        }
      }
      const decoded = right(decodeErrorResponse(marked))
      return status === undefined ? decoded : { ...decoded, status }
    })

  property(
    "toPublicError answers from its table (no meta, id or server text; the five revealing errors alike); toLogRecord is flat, short, without meta",
    20_000,
    markedResponse,
    (response) => {
      const error: ClerkError = response.errors[0]
      const answer = toPublicError(response)
      const json = JSON.stringify(answer)
      // Parameters read from a long message are the server's too.
      for (const name of Object.keys(sampleParams)) {
        const value = (error as unknown as Record<string, unknown>)[name]
        if (typeof value !== "string" || value.length < 3 || tableMessages.some((message) => message.includes(value))) continue
        check(!json.includes(value), `parameter ${name} leaked`, answer)
      }
      check(!json.includes(SECRET), "meta, extra or server text leaked", answer)
      check(tableMessages.includes(answer.message), "a message not from the table", answer)
      check(publicCodes.has(answer.code), "a code not from the public set", answer)
      check(Number.isInteger(answer.status) && answer.status >= 400 && answer.status <= 599, "not an HTTP error status", answer)
      if (revealing.has(error._tag)) check(json === sharedAnswer, "a revealing error answered apart", answer)
      else if (error._tag !== "UnknownClerkError") check(answer.status === statusOf(error), "not the catalog's status", answer)
      check(toPublicError(error).code === answer.code, "the lone error answers another code")

      const record = toLogRecord(response)
      for (const [k, value] of Object.entries(record)) {
        check(logFields.has(k), "a log key that is neither a field nor a parameter", k)
        check(typeof value === "number" || typeof value === "undefined" || (typeof value === "string" && value.length <= 257), "a log value not flat and short", k, value)
      }
      const paramValues = new Set(Object.values(record).filter((v): v is string => typeof v === "string"))
      const logged = JSON.stringify(record)
      for (const value of Object.values(error.meta ?? {})) {
        if (typeof value === "string" && value.length > 8 && !paramValues.has(value)) check(!logged.includes(value), "a meta value leaked into the log", value)
      }
      check(record.errorCount === response.errors.length, "wrong errorCount")
    },
  )
})
