/**
 * The catalog compiled, once at load time, into what the decoder and the
 * constructors run: a `Map` from code to candidates, text tests, templates
 * and a builder per variant.
 *
 * @internal
 */
import { catalog, type CatalogEntry, type ParameterSource } from "../catalog.js"
import { buildVariant } from "./generated.js"
import { camelCase } from "./json.js"
import {
  matchesTemplatePrefix,
  parseTemplate,
  readTemplateAfterPrefix,
  readTemplateInto,
  renderTemplate,
  type Template,
} from "./template.js"

type Meta = Readonly<Record<string, unknown>> | undefined

/** How a candidate is recognised (catalog `Recognition`), as small integers the decoder switches on. */
export const BY_CODE = 0
export const BY_TEXT = 1
export const BY_TEMPLATE = 2

/** Where the decoder reads one parameter: a template slot (`slot >= 0`) or a meta key. */
export interface ParamPlan {
  readonly name: string
  /** Index among the template's placeholders, -1 for a meta parameter. */
  readonly slot: number
  readonly key: string
  readonly camelKey: string
  /** The value when the wire has none: "" for a required parameter, else `undefined`. */
  readonly fallback: string | undefined
}

/** What a decoded variant is built from. */
export interface CompiledEntry {
  readonly entry: CatalogEntry
  /** Its place in the catalog: how `buildVariant` knows it. */
  readonly index: number
  readonly tag: string
  readonly code: string
  readonly paramNames: ReadonlyArray<string>
  readonly metaParams: ReadonlyArray<{ readonly name: string; readonly key: string; readonly camelKey: string }>
  /**
   * Recognition as data, not as a closure per entry: `recognise` tests every
   * candidate in one function, so its comparisons stay inlined and the
   * normalised texts are computed once per error, not once per candidate.
   */
  readonly recognition: typeof BY_CODE | typeof BY_TEXT | typeof BY_TEMPLATE
  /** The texts of a `text` entry, as written and normalised. */
  readonly texts: ReadonlyArray<string>
  readonly normalisedTexts: ReadonlyArray<string>
  /** The current long-message template. */
  readonly template: Template | undefined
  /** The parameters in catalog order, with where each is read. */
  readonly paramPlans: ReadonlyArray<ParamPlan>
  /** Whether a parameter is read from the long message. */
  readonly readsTemplate: boolean
  /** Renders the current long message. */
  readonly render: (params: Readonly<Record<string, unknown>>) => string | undefined
  /** Builds the frozen variant from its fields and its parameter values in `paramNames` order. */
  readonly build: (
    message: string,
    longMessage: string | undefined,
    meta: Meta,
    extra: Meta,
    values: ReadonlyArray<string | undefined>,
  ) => object
}

/** Trimmed and lower-cased: how texts of shared codes are compared, so a drift in case or padding still matches. */
const normalise = (text: string): string => text.trim().toLowerCase()

const compile = (entry: CatalogEntry, index: number): CompiledEntry => {
  const params = Object.entries(entry.params) as Array<[string, ParameterSource]>
  const paramNames = params.map(([name]) => name)
  const metaParams = params.flatMap(([name, source]) =>
    source.from === "meta" ? [{ name, key: source.key, camelKey: camelCase(source.key) }] : [],
  )
  const template: Template | undefined = entry.longMessage === undefined ? undefined : parseTemplate(entry.longMessage)
  // Index of each long-message parameter among the template's placeholders.
  const templateSlots = params.map(([name, source]) =>
    source.from === "longMessage" ? (template?.names.indexOf(name) ?? -1) : -1,
  )
  const readsTemplate = templateSlots.some((slot) => slot >= 0)

  const recognise = entry.recognise
  const recognition = recognise.by === "code" ? BY_CODE : recognise.by === "text" ? BY_TEXT : BY_TEMPLATE
  if (recognition === BY_TEMPLATE && template === undefined) throw new Error(`catalog: ${entry.tag} is recognised by a template it does not have`)
  const texts = recognise.by === "text" ? recognise.texts : []
  const paramPlans: Array<ParamPlan> = params.map(([name, source], i) => ({
    name,
    slot: templateSlots[i]!,
    key: source.from === "meta" ? source.key : "",
    camelKey: source.from === "meta" ? camelCase(source.key) : "",
    fallback: source.required === true ? "" : undefined,
  }))

  const tag = entry.tag
  const code = entry.code
  const build: CompiledEntry["build"] = (message, longMessage, meta, extra, values) =>
    buildVariant(
      index,
      code,
      message,
      longMessage,
      meta,
      extra,
      paramPlans.map((plan, i) => values[i] ?? plan.fallback),
    )

  const render: CompiledEntry["render"] = (p) => (template === undefined ? undefined : renderTemplate(template, p))

  return {
    entry,
    index,
    tag,
    code,
    paramNames,
    metaParams,
    recognition,
    texts,
    normalisedTexts: texts.map(normalise),
    template,
    paramPlans,
    readsTemplate,
    render,
    build,
  }
}

/**
 * The candidate a wire error is, in catalog order, or `undefined` (then it
 * is an `UnknownClerkError`). For a `text` candidate the exact comparisons
 * come first (they allocate nothing and are the usual case); the trimmed,
 * lower-cased texts are made at most once per error, however many
 * candidates need them.
 */
export const recognise = (
  candidates: ReadonlyArray<CompiledEntry>,
  message: string,
  longMessage: string | undefined,
): CompiledEntry | undefined => {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!
    if (c.recognition === BY_CODE) return c
    // Text tests are rare (one shared code), and out of line, so that this
    // function stays small enough for TurboFan to inline into the decoder.
    if (c.recognition === BY_TEXT) return recogniseFrom(candidates, i, message, longMessage)
    if (longMessage !== undefined && matchesTemplatePrefix(c.template!, longMessage)) return c
  }
  return undefined
}

/** `recognise` from `candidates[from]` on, any kind of recognition. */
const recogniseFrom = (
  candidates: ReadonlyArray<CompiledEntry>,
  from: number,
  message: string,
  longMessage: string | undefined,
): CompiledEntry | undefined => {
  let normalisedMessage: string | undefined
  let normalisedLong: string | undefined
  for (let i = from; i < candidates.length; i++) {
    const c = candidates[i]!
    if (c.recognition === BY_CODE) return c
    if (c.recognition === BY_TEMPLATE) {
      if (longMessage !== undefined && matchesTemplatePrefix(c.template!, longMessage)) return c
      continue
    }
    const texts = c.texts
    for (let j = 0; j < texts.length; j++) if (texts[j] === message || texts[j] === longMessage) return c
    normalisedMessage ??= normalise(message)
    if (longMessage !== undefined) normalisedLong ??= normalise(longMessage)
    const normalised = c.normalisedTexts
    for (let j = 0; j < normalised.length; j++) if (normalised[j] === normalisedMessage || normalised[j] === normalisedLong) return c
  }
  return undefined
}

/**
 * Template values of the error being built. One array for every decode:
 * `readTemplateInto` fills it from a string and `buildDecoded` reads it
 * right after, with no user code in between, so reuse is safe and a decode
 * allocates no array for its parameters.
 */
const templateValues: Array<string | undefined> = []

/**
 * Parameter values of the error being built, in catalog order: filled by
 * `readParams` and read by `buildVariant` right after, reused as
 * `templateValues` is.
 */
const paramValues: Array<string | undefined> = []

/**
 * Builds a decoded sign-in error with the entry's literal (`buildVariant`).
 * `meta` is already the decoder's frozen copy, so reading it runs no user code.
 */
export const buildDecoded = (
  c: CompiledEntry,
  code: string,
  message: string,
  longMessage: string | undefined,
  meta: Meta,
  extra: Meta,
): object => {
  // Most variants have no parameters: their literal, inlined here, is the
  // one `buildVariant` writes for them (same keys, so the same hidden class).
  // The others go out of line, so that this function stays small enough for
  // TurboFan to inline into the decoder.
  if (c.paramPlans.length === 0) return Object.freeze({ _tag: c.tag, code, shortMessage: message, longMessage, meta, extra })
  readParams(c, longMessage, meta)
  return buildVariant(c.index, code, message, longMessage, meta, extra, paramValues)
}

/** Reads the entry's parameters into `paramValues`, in catalog order. */
const readParams = (c: CompiledEntry, longMessage: string | undefined, meta: Meta): void => {
  const plans = c.paramPlans
  const fromText =
    c.readsTemplate &&
    longMessage !== undefined &&
    // Recognised by this template's prefix: `recognise` has just tested it.
    (c.recognition === BY_TEMPLATE
      ? readTemplateAfterPrefix(c.template!, longMessage, templateValues)
      : readTemplateInto(c.template!, longMessage, templateValues))
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i]!
    const v = p.slot >= 0 ? (fromText ? templateValues[p.slot] : undefined) : meta === undefined ? undefined : readMetaString(meta, p.key, p.camelKey)
    paramValues[i] = v ?? p.fallback
  }
}

/** A meta parameter under its wire key, or its camelCase key when the meta came from an SDK object as is. */
const readMetaString = (meta: Readonly<Record<string, unknown>>, key: string, camelKey: string): string | undefined => {
  const value = meta[key] ?? meta[camelKey]
  return typeof value === "string" && value.length > 0 ? value : undefined
}

/** Every catalog entry, compiled, in catalog order. */
export const compiledEntries: ReadonlyArray<CompiledEntry> = catalog.map(compile)

/** Compiled entries by tag. */
export const compiledByTag: ReadonlyMap<string, CompiledEntry> = new Map(compiledEntries.map((c) => [c.tag, c]))

/**
 * Candidates by wire code. A `Map` lookup replaces trying twelve members in
 * turn; a shared code (`resource_forbidden`) lists its candidates in catalog
 * order, and their text tests decide.
 */
export const candidatesByCode: ReadonlyMap<string, ReadonlyArray<CompiledEntry>> = (() => {
  const map = new Map<string, Array<CompiledEntry>>()
  for (const c of compiledEntries) {
    const list = map.get(c.code)
    if (list === undefined) map.set(c.code, [c])
    else list.push(c)
  }
  return map
})()

/** `candidatesByCode`'s entries bucketed by the code's length. */
const candidatesByLength: ReadonlyArray<ReadonlyArray<readonly [code: string, candidates: ReadonlyArray<CompiledEntry>]> | undefined> =
  (() => {
    const buckets: Array<Array<readonly [string, ReadonlyArray<CompiledEntry>]> | undefined> = []
    for (const [code, candidates] of candidatesByCode) (buckets[code.length] ??= []).push([code, candidates])
    // Dense, so that the decoder's load never meets a hole.
    for (let i = 0; i < buckets.length; i++) buckets[i] ??= undefined
    return buckets
  })()

/**
 * The candidates of a wire code, or `undefined`. What `candidatesByCode.get`
 * answers, without hashing: a code from `JSON.parse` is a fresh string, so
 * `Map.get` hashes all of it on every lookup (15% of the decoder's own time
 * on an unknown code, in a profile). Here a code of a length no catalog code has (most unknown codes)
 * costs one array load, and a known one a string comparison or two.
 */
export const candidatesOf = (code: string): ReadonlyArray<CompiledEntry> | undefined => {
  if (code.length >= candidatesByLength.length) return undefined
  const bucket = candidatesByLength[code.length]
  if (bucket === undefined) return undefined
  for (let i = 0; i < bucket.length; i++) {
    const entry = bucket[i]!
    if (entry[0] === code) return entry[1]
  }
  return undefined
}
