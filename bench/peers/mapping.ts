/**
 * The mapping every peer library shares: from a wire envelope the library has
 * validated to the values the library under test produces (tags, parameters,
 * frozen deep copies of `meta` and `extra`, an `Either`).
 *
 * Schema libraries check shapes; none of them reads a parameter out of a
 * long message or tells `resource_forbidden`'s meanings apart by text on its
 * own, so each peer is "the library's validation, then this". It is built
 * from the catalog (the recognition rules and templates are data there) and
 * uses the library's template reader and JSON copier, which are plain
 * helpers; it is never timed next to our decoder (each decoder runs in its
 * own process), so sharing them costs no inline caches.
 */
import { catalog, type CatalogEntry } from "../../src/catalog.js"
import { camelCase, copyJsonObject, Issue } from "../../src/internal/json.js"
import { matchesTemplatePrefix, parseTemplate, readTemplate, type Template } from "../../src/internal/template.js"

export type Either<E, A> = { readonly _tag: "Left"; readonly left: E } | { readonly _tag: "Right"; readonly right: A }

type Json = Readonly<Record<string, unknown>>

/** A wire error as the peer validated it (the library may return the input itself or a copy). */
export interface ValidatedError {
  readonly code: string
  readonly message: string
  readonly long_message?: string | null | undefined
  readonly meta?: Json | null | undefined
  readonly [key: string]: unknown
}

export interface ValidatedEnvelope {
  readonly errors: ReadonlyArray<ValidatedError>
  readonly meta?: Json | null | undefined
  readonly clerk_trace_id?: string | null | undefined
  readonly [key: string]: unknown
}

interface Rule {
  readonly entry: CatalogEntry
  readonly accepts: (message: string, longMessage: string | undefined) => boolean
  readonly template: Template | undefined
  readonly params: ReadonlyArray<readonly [name: string, read: (meta: Json | undefined, fromText: ReadonlyArray<string | undefined> | undefined) => string | undefined]>
}

const normalise = (text: string): string => text.trim().toLowerCase()

const ruleOf = (entry: CatalogEntry): Rule => {
  const template = entry.longMessage === undefined ? undefined : parseTemplate(entry.longMessage)
  const recognise = entry.recognise
  const accepts: Rule["accepts"] =
    recognise.by === "code"
      ? () => true
      : recognise.by === "text"
        ? (message, longMessage) =>
            recognise.texts.some((t) => normalise(t) === normalise(message) || (longMessage !== undefined && normalise(t) === normalise(longMessage)))
        : (_message, longMessage) => longMessage !== undefined && template !== undefined && matchesTemplatePrefix(template, longMessage)
  const params = Object.entries(entry.params).map(([name, source]) => {
    if (source.from === "meta") {
      const camel = camelCase(source.key)
      const read = (meta: Json | undefined): string | undefined => {
        const value = meta?.[source.key] ?? meta?.[camel]
        return typeof value === "string" && value.length > 0 ? value : undefined
      }
      return [name, read] as const
    }
    const slot = template?.names.indexOf(name) ?? -1
    const fallback = source.required === true ? "" : undefined
    return [name, (_meta: Json | undefined, fromText: ReadonlyArray<string | undefined> | undefined) => fromText?.[slot] ?? fallback] as const
  })
  return { entry, accepts, template, params }
}

const rulesByCode = new Map<string, Array<Rule>>()
for (const entry of catalog) {
  const rules = rulesByCode.get(entry.code) ?? []
  rules.push(ruleOf(entry))
  rulesByCode.set(entry.code, rules)
}

const MODELLED_ERROR_KEYS = new Set(["code", "message", "long_message", "meta"])
const MODELLED_ENVELOPE_KEYS = new Set(["errors", "meta", "clerk_trace_id"])

/** The keys beside the modelled ones, deep-copied; `undefined` when there are none. */
const rest = (o: Json, modelled: ReadonlySet<string>): Json | undefined | Issue => {
  let out: Record<string, unknown> | undefined
  for (const key of Object.keys(o)) {
    if (!modelled.has(key) && o[key] !== undefined) (out ??= {})[key] = o[key]
  }
  return out === undefined ? undefined : copyJsonObject(out, false)
}

const copyMeta = (meta: Json | null | undefined): Json | undefined | Issue =>
  meta === undefined || meta === null ? undefined : copyJsonObject(meta, false)

const toError = (wire: ValidatedError): object | Issue => {
  const meta = copyMeta(wire.meta)
  if (meta instanceof Issue) return meta
  const extra = rest(wire, MODELLED_ERROR_KEYS)
  if (extra instanceof Issue) return extra
  const longMessage = wire.long_message ?? undefined
  const base = { code: wire.code, shortMessage: wire.message, longMessage, meta, extra }
  for (const rule of rulesByCode.get(wire.code) ?? []) {
    if (!rule.accepts(wire.message, longMessage)) continue
    const fromText = rule.template !== undefined && longMessage !== undefined ? readTemplate(rule.template, longMessage) : undefined
    const value: Record<string, unknown> = { _tag: rule.entry.tag, ...base }
    for (const [name, read] of rule.params) value[name] = read(meta, fromText)
    return Object.freeze(value)
  }
  return Object.freeze({ _tag: "UnknownClerkError", ...base })
}

/** Maps a validated envelope to the library's value. */
export const toResponse = (wire: ValidatedEnvelope): Either<string, object> => {
  const errors: Array<object> = []
  for (const e of wire.errors) {
    const value = toError(e)
    if (value instanceof Issue) return { _tag: "Left", left: "errors: expected JSON data" }
    errors.push(value)
  }
  const meta = copyMeta(wire.meta)
  if (meta instanceof Issue) return { _tag: "Left", left: "meta: expected JSON data" }
  const extra = rest(wire, MODELLED_ENVELOPE_KEYS)
  if (extra instanceof Issue) return { _tag: "Left", left: "expected JSON data" }
  return {
    _tag: "Right",
    right: Object.freeze({
      errors: Object.freeze(errors),
      traceId: wire.clerk_trace_id ?? undefined,
      status: undefined,
      retryAfter: undefined,
      meta,
      extra,
    }),
  }
}

/** The codes of the catalog, in catalog order, without repeats: what schemas discriminate on. */
export const catalogCodes: ReadonlyArray<string> = [...new Set(catalog.map((entry) => entry.code))]
