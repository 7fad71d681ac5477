/**
 * The catalog compiled, once at load time, into what the decoder and the
 * constructors run: a `Map` from code to candidates, text tests, templates
 * and a builder per variant.
 *
 * @internal
 */
import { catalog, type CatalogEntry, type ParameterSource } from "../catalog.js"
import { camelCase } from "./json.js"
import { parseTemplate, readTemplate, renderTemplate, type Template, matchesTemplatePrefix } from "./template.js"

type Meta = Readonly<Record<string, unknown>> | undefined

/** What a decoded variant is built from. */
export interface CompiledEntry {
  readonly entry: CatalogEntry
  readonly tag: string
  readonly code: string
  readonly paramNames: ReadonlyArray<string>
  readonly metaParams: ReadonlyArray<{ readonly name: string; readonly key: string; readonly camelKey: string }>
  /** Whether a wire error with this entry's code and these texts is this entry. */
  readonly accepts: (message: string, longMessage: string | undefined) => boolean
  /** Reads the parameters from the long message and meta, then builds the frozen variant. */
  readonly decode: (message: string, longMessage: string | undefined, meta: Meta, extra: Meta) => object
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

const compile = (entry: CatalogEntry): CompiledEntry => {
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
  const metaSlots = params.map(([name]) => metaParams.findIndex((m) => m.name === name))
  const readsTemplate = templateSlots.some((slot) => slot >= 0)

  const recognise = entry.recognise
  let accepts: CompiledEntry["accepts"]
  if (recognise.by === "code") {
    accepts = () => true
  } else if (recognise.by === "text") {
    const texts = recognise.texts
    const normalised = new Set(texts.map(normalise))
    accepts = (message, longMessage) =>
      // Exact comparisons first: they allocate nothing and are the usual case.
      texts.includes(message) ||
      (longMessage !== undefined && texts.includes(longMessage)) ||
      normalised.has(normalise(message)) ||
      (longMessage !== undefined && normalised.has(normalise(longMessage)))
  } else {
    const t = template!
    accepts = (_message, longMessage) => longMessage !== undefined && matchesTemplatePrefix(t, longMessage)
  }

  const tag = entry.tag
  const code = entry.code
  // A required parameter (part of recognition) the text still left empty is "".
  const requiredDefaults = params.map(([, source]) => (source.required === true ? "" : undefined))
  const defaultOf = (i: number): string | undefined => requiredDefaults[i]
  const build: CompiledEntry["build"] = (message, longMessage, meta, extra, values) => {
    // One literal with every base field, then the parameters in catalog
    // order: all values of a tag share one hidden class.
    const value: Record<string, unknown> = {
      _tag: tag,
      code,
      shortMessage: message,
      longMessage,
      meta,
      extra,
    }
    for (let i = 0; i < paramNames.length; i++) value[paramNames[i]!] = values[i] ?? defaultOf(i)
    return Object.freeze(value)
  }

  const noValues: ReadonlyArray<undefined> = []
  const decode: CompiledEntry["decode"] =
    paramNames.length === 0
      ? (message, longMessage, meta, extra) => build(message, longMessage, meta, extra, noValues)
      : (message, longMessage, meta, extra) => {
          const fromText = readsTemplate && longMessage !== undefined ? readTemplate(template!, longMessage) : undefined
          const values: Array<string | undefined> = new Array(paramNames.length)
          for (let i = 0; i < paramNames.length; i++) {
            const slot = templateSlots[i]!
            if (slot >= 0) values[i] = fromText === undefined ? undefined : fromText[slot]
            else {
              const m = metaParams[metaSlots[i]!]!
              values[i] = meta === undefined ? undefined : readMetaString(meta, m.key, m.camelKey)
            }
          }
          return build(message, longMessage, meta, extra, values)
        }

  const render: CompiledEntry["render"] = (p) => (template === undefined ? undefined : renderTemplate(template, p))

  return { entry, tag, code, paramNames, metaParams, accepts, decode, render, build }
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
