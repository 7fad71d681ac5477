/**
 * Wire fixtures derived from the catalog: every test that iterates the
 * twelve builds its inputs here, so a thirteenth entry is covered without a
 * new fixture (it only needs a sample value per new parameter name).
 */
import { catalog, type CatalogEntry } from "../../src/catalog.js"
import { parseTemplate, renderTemplate } from "../../src/internal/template.js"

/** A sample value per parameter name, shaped like Clerk's (spec section 5). */
export const sampleParams: Readonly<Record<string, string>> = {
  sessionId: "sess_2abcDEF",
  action: "sign_in",
  resolution: "Please start over.",
  signInId: "sia_2xyzUVW",
  strategy: "totp",
}

export type Wording = "current" | "2024"

/** The long message an entry has in a wording, rendered with `params`; `undefined` when that wording has none. */
export const longMessageOf = (
  entry: CatalogEntry,
  wording: Wording,
  params: Readonly<Record<string, unknown>>,
): string | undefined => {
  const source = wording === "2024" && entry.longMessage2024 !== undefined ? entry.longMessage2024 : entry.longMessage
  if (source === null || source === undefined) return undefined
  return renderTemplate(parseTemplate(source), params)
}

/** Parameters of an entry read from its long message (as opposed to meta). */
export const templateParamNames = (entry: CatalogEntry): Array<string> =>
  Object.entries(entry.params).flatMap(([name, source]) => (source.from === "longMessage" ? [name] : []))

/** Every parameter of an entry with its sample value. */
export const samplesOf = (entry: CatalogEntry): Record<string, string> =>
  Object.fromEntries(Object.keys(entry.params).map((name) => [name, sampleParams[name]!]))

/** A wire error (snake_case) for an entry, with or without its parameters. */
export const wireErrorOf = (
  entry: CatalogEntry,
  options: { readonly wording?: Wording; readonly withParams?: boolean; readonly message?: string } = {},
): Record<string, unknown> => {
  const params = options.withParams === false ? {} : samplesOf(entry)
  const meta: Record<string, unknown> = {}
  for (const [name, source] of Object.entries(entry.params)) {
    if (source.from === "meta" && params[name] !== undefined) meta[source.key] = params[name]
  }
  const longMessage = longMessageOf(entry, options.wording ?? "current", params)
  const wire: Record<string, unknown> = { code: entry.code, message: options.message ?? entry.message }
  if (longMessage !== undefined) wire.long_message = longMessage
  wire.meta = meta
  return wire
}

/** A wire envelope around errors, with a trace id like Clerk's (32 lowercase hex). */
export const envelopeOf = (...errors: Array<Record<string, unknown>>): Record<string, unknown> => ({
  errors,
  clerk_trace_id: "4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7",
})

/** The catalog, for `describe.each` / `it.each`. */
export const entries: ReadonlyArray<CatalogEntry> = catalog
