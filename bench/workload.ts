/**
 * The bench's inputs: a seeded batch of Clerk error bodies, as JSON text and
 * as the objects `JSON.parse` makes of that text (what `await res.json()`
 * hands a service, hidden classes included).
 *
 * Drawn from the catalog, never from a hand-written list of the twelve:
 * both wordings of each error (current and 2024, spec section 1), with and
 * without parameters; about 10% of errors carry codes that are not sign-in
 * errors (spec section 2: unknown codes are normal, and the shared codes'
 * other meanings); about 2% of bodies are malformed. Envelopes hold one to
 * three errors. Wire errors keep Clerk's key order (`message`,
 * `long_message`, `code`, `meta`: spec section 3).
 */
import { catalog, type CatalogEntry } from "../src/catalog.js"
import { parseTemplate, renderTemplate } from "../src/internal/template.js"

/** One input, in both forms. */
export interface Input {
  /** The body as Clerk would send it (or a broken one). */
  readonly text: string
  /** `JSON.parse(text)`, or `text` itself when it is not JSON (an object decoder is then given a string). */
  readonly value: unknown
  readonly kind: "sign-in" | "unknown" | "malformed"
  /** Errors in the body (0 when malformed), and how many of them are not sign-in errors. */
  readonly errors: number
  readonly unknownErrors: number
}

/** A named list of inputs. */
export interface Workload {
  readonly name: WorkloadName
  readonly description: string
  readonly inputs: ReadonlyArray<Input>
}

export type WorkloadName = "mixed" | "first" | "last" | "unknown"

/** mulberry32: small, fast, and the same sequence on every machine. */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
const HEX = "0123456789abcdef"

const randomString = (random: () => number, alphabet: string, length: number): string => {
  let out = ""
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]!
  return out
}

/** Clerk ids are `<prefix>_<base62>` (spec section 5); 27 characters after the prefix in real ones. */
const clerkId = (random: () => number, prefix: string): string => `${prefix}_${randomString(random, BASE62, 27)}`

const pick = <A>(random: () => number, items: ReadonlyArray<A>): A => items[Math.floor(random() * items.length)]!

/** A value for a parameter, varied per input so that no two bodies share every string. */
const paramValue = (random: () => number, name: string): string => {
  switch (name) {
    case "sessionId":
      return clerkId(random, "sess")
    case "signInId":
      return clerkId(random, "sia")
    case "action":
      return pick(random, ["sign_in", "sign_up", "attempt_first_factor", "prepare_second_factor"])
    case "resolution":
      return pick(random, ["Please start over.", "Please refresh the page and try again."])
    case "strategy":
      return pick(random, ["totp", "phone_code", "backup_code", "email_code"])
    default:
      // A parameter added to the catalog after this file: any non-empty text reads back.
      return `${name}_${randomString(random, BASE62, 8)}`
  }
}

type Wording = "current" | "2024"

/** The wordings an entry has: the 2024 one only where the catalog records a different text. */
const wordingsOf = (entry: CatalogEntry): ReadonlyArray<Wording> =>
  entry.longMessage2024 === undefined ? ["current"] : ["current", "2024"]

/** A wire error for a catalog entry, with or without its parameters. */
const signInError = (random: () => number, entry: CatalogEntry): Record<string, unknown> => {
  const withParams = random() < 0.75
  const params: Record<string, string> = {}
  const meta: Record<string, unknown> = {}
  for (const [name, source] of Object.entries(entry.params)) {
    if (!withParams) continue
    params[name] = paramValue(random, name)
    if (source.from === "meta") meta[source.key] = params[name]
  }
  const wording = pick(random, wordingsOf(entry))
  const template = wording === "2024" ? entry.longMessage2024 : entry.longMessage
  const error: Record<string, unknown> = { message: entry.message }
  if (template !== undefined && template !== null) error.long_message = renderTemplate(parseTemplate(template), params)
  error.code = entry.code
  // Real bodies send `meta: {}`; one fixture has no meta at all (spec section 2).
  if (random() < 0.9 || Object.keys(meta).length > 0) error.meta = meta
  return error
}

/**
 * Errors that are not among the twelve: other Clerk codes (spec section 2,
 * with the 429 body that has no `long_message` and `user_locked`'s numeric
 * meta) and the other meanings of the two shared codes.
 */
const unknownErrors: ReadonlyArray<Record<string, unknown>> = [
  {
    message: "Password is incorrect. Try again, or use another method.",
    long_message: "Password is incorrect. Try again, or use another method.",
    code: "form_password_incorrect",
    meta: { param_name: "password" },
  },
  { message: "Couldn't find your account.", long_message: "Couldn't find your account.", code: "form_identifier_not_found", meta: { param_name: "identifier" } },
  { message: "Too many requests. Please try again in a bit.", code: "too_many_requests", meta: {} },
  {
    message: "Account locked",
    long_message: "Your account is locked. You will be able to try again in 30 minutes. For more information, contact support.",
    code: "user_locked",
    meta: { lockout_expires_in_seconds: 1800 },
  },
  { message: "is missing", long_message: "identifier must be included.", code: "form_param_missing", meta: { param_name: "identifier" } },
  { message: "not found", long_message: "Resource not found", code: "resource_not_found", meta: {} },
  { message: "forbidden", long_message: "You are not authorized to perform this request", code: "resource_forbidden", meta: {} },
  {
    message: "Invalid authentication",
    long_message: "Unable to authenticate the request, you need to supply an active session",
    code: "authentication_invalid",
    meta: {},
  },
]

/** What the Frontend API may put in the envelope's `meta` (spec section 3): the updated client. */
const clientMeta = (random: () => number): Record<string, unknown> => ({
  client: {
    object: "client",
    id: clerkId(random, "client"),
    sessions: [],
    sign_in: { object: "sign_in_attempt", id: clerkId(random, "sia"), status: "needs_first_factor", supported_identifiers: ["email_address"] },
    sign_up: null,
    last_active_session_id: null,
    created_at: 1_717_000_000_000,
    updated_at: 1_717_000_100_000,
  },
})

interface Body {
  readonly body: Record<string, unknown>
  readonly kind: Input["kind"]
  readonly errors: number
  readonly unknownErrors: number
}

const envelope = (random: () => number): Body => {
  const r = random()
  const count = r < 0.7 ? 1 : r < 0.9 ? 2 : 3
  const errors: Array<Record<string, unknown>> = []
  let signIn = false
  let unknown = 0
  for (let i = 0; i < count; i++) {
    if (random() < 0.1) {
      errors.push({ ...pick(random, unknownErrors) })
      unknown++
    } else {
      errors.push(signInError(random, pick(random, catalog)))
      signIn = true
    }
    // A key Clerk may add to an error one day: kept in `extra`.
    if (random() < 0.02) errors[i]!.docs_url = "https://clerk.com/docs/errors"
  }
  const body: Record<string, unknown> = { errors }
  if (random() < 0.1) body.meta = clientMeta(random)
  if (random() < 0.9) body.clerk_trace_id = randomString(random, HEX, 32)
  if (random() < 0.02) body.request_region = "us-east-1"
  return { body, kind: signIn ? "sign-in" : "unknown", errors: count, unknownErrors: unknown }
}

/** Bodies a decoder must reject, each for a different reason. */
const malformed = (random: () => number): string => {
  const good = JSON.stringify(envelope(random).body)
  switch (Math.floor(random() * 10)) {
    case 0:
      return "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>cloudflare</body>\r\n</html>\r\n"
    case 1:
      return good.slice(0, Math.floor(good.length / 2))
    case 2:
      return '{"hello":"world"}'
    case 3:
      return '{"errors":[],"clerk_trace_id":"4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7"}'
    case 4:
      return '{"errors":{"message":"not found","code":"resource_not_found"}}'
    case 5:
      return '{"errors":[{"message":"not found","code":404,"meta":{}}]}'
    case 6:
      return '{"errors":[{"long_message":"Session already exists","code":"session_exists","meta":{}}]}'
    case 7:
      return '{"errors":[{"message":"You\'re already signed in","code":"identifier_already_signed_in","meta":"sess_1"}]}'
    case 8:
      return '{"errors":[{"message":"no second factors","long_message":42,"code":"no_second_factors"}]}'
    default:
      return '{"errors":[null]}'
  }
}

const inputOf = (text: string, kind: Input["kind"], errors = 0, unknownErrors = 0): Input => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = text
  }
  return { text, value, kind, errors, unknownErrors }
}

/** The mixed batch: `size` bodies drawn with the proportions above. */
export const mixedBatch = (size = 10_000, seed = 0x5eed): ReadonlyArray<Input> => {
  const random = prng(seed)
  const inputs: Array<Input> = []
  for (let i = 0; i < size; i++) {
    if (random() < 0.02) inputs.push(inputOf(malformed(random), "malformed"))
    else {
      const { body, kind, errors, unknownErrors } = envelope(random)
      inputs.push(inputOf(JSON.stringify(body), kind, errors, unknownErrors))
    }
  }
  return inputs
}

/** `size` copies (distinct objects) of one body. */
const repeated = (text: string, kind: Input["kind"], size: number): ReadonlyArray<Input> =>
  Array.from({ length: size }, () => inputOf(text, kind, 1, kind === "unknown" ? 1 : 0))

const single = (error: Record<string, unknown>): string =>
  JSON.stringify({ errors: [error], clerk_trace_id: "4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7" })

/** The first and the last catalog entry as Clerk currently words them, without parameters to vary. */
const fixedSignInError = (entry: CatalogEntry): Record<string, unknown> => {
  const error: Record<string, unknown> = { message: entry.message }
  if (entry.longMessage !== undefined) error.long_message = renderTemplate(parseTemplate(entry.longMessage), {})
  error.code = entry.code
  error.meta = {}
  return error
}

/** Every workload of the bench. */
export const workloads = (options: { readonly size?: number; readonly singleSize?: number; readonly seed?: number } = {}): ReadonlyArray<Workload> => {
  const size = options.size ?? 10_000
  const singleSize = options.singleSize ?? 1_000
  const first = catalog[0]
  const last = catalog[catalog.length - 1]!
  return [
    {
      name: "mixed",
      description: `${size} bodies: the twelve in both wordings, with and without parameters; ~10% unknown codes; ~2% malformed; 1-3 errors each`,
      inputs: mixedBatch(size, options.seed),
    },
    { name: "first", description: `${first.tag}, the first of the twelve`, inputs: repeated(single(fixedSignInError(first)), "sign-in", singleSize) },
    { name: "last", description: `${last.tag}, the last of the twelve`, inputs: repeated(single(fixedSignInError(last)), "sign-in", singleSize) },
    { name: "unknown", description: "an unknown code (form_password_incorrect)", inputs: repeated(single(unknownErrors[0]!), "unknown", singleSize) },
  ]
}

/** How many inputs of each kind, and how many errors the well-formed ones carry. */
export const composition = (inputs: ReadonlyArray<Input>): Record<string, number> => {
  const counts: Record<string, number> = { inputs: inputs.length, "sign-in": 0, unknown: 0, malformed: 0, errors: 0, unknownErrors: 0 }
  for (const input of inputs) {
    counts[input.kind]!++
    counts.errors! += input.errors
    counts.unknownErrors! += input.unknownErrors
  }
  return counts
}
