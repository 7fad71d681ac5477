/**
 * `npm run docs:catalog`: writes docs/catalog.md from `catalog` in
 * src/catalog.ts. test/docs.test.ts fails when the committed file differs
 * from what this renders, so the page cannot drift from the data.
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { catalog, type CatalogEntry, type ParameterSource } from "../src/catalog.js"
import { parseTemplate } from "../src/internal/template.js"

export const catalogDocPath = fileURLToPath(new URL("../docs/catalog.md", import.meta.url))

const code = (text: string): string => `\`${text}\``
/** A message in a table cell: pipes escaped, so a message cannot break the table. */
const quoted = (text: string): string => `"${text.replaceAll("|", "\\|")}"`

const params = (entry: CatalogEntry): Array<[string, ParameterSource]> => Object.entries(entry.params)

const describeSource = (name: string, source: ParameterSource): string =>
  source.from === "meta"
    ? `${code(name)}: from ${code(`meta.${source.key}`)}; \`undefined\` when meta lacks it`
    : `${code(name)}: read from the long message${source.required === true ? "; always present (it is how the error is recognised)" : "; `undefined` when the long message does not follow the template"}`

const describeRecognition = (entry: CatalogEntry): string => {
  const recognise = entry.recognise
  switch (recognise.by) {
    case "code":
      return `its code alone (no other Clerk error uses ${code(entry.code)}), whatever the wording`
    case "text":
      return `its code, which other Clerk errors share, and its text: ${code("message")} or ${code("long_message")} is ${recognise.texts.map(quoted).join(" or ")} (trimmed, any case)`
    case "longMessageTemplate": {
      const prefix = parseTemplate(entry.longMessage ?? "").literals[0]?.trimEnd() ?? ""
      return `its code, which other Clerk errors share, and its ${code("long_message")} starting with ${quoted(prefix)} (any case)`
    }
  }
}

const section = (entry: CatalogEntry, index: number): string => {
  const lines = [
    `## ${index + 1}. ${entry.tag}`,
    "",
    `- code: ${code(entry.code)}`,
    `- HTTP status: ${entry.status} (documented by Clerk; a hint, never the key)`,
    `- short message (${code("message")}): ${quoted(entry.message)}`,
    `- long message (${code("long_message")}): ${entry.longMessage === undefined ? "none" : quoted(entry.longMessage)}`,
  ]
  if (entry.longMessage2024 !== undefined) {
    lines.push(`- long message on Clerk's 2024 page: ${entry.longMessage2024 === null ? "none" : quoted(entry.longMessage2024)}`)
  }
  const ps = params(entry)
  if (ps.length === 0) lines.push("- parameters: none")
  else lines.push("- parameters:", ...ps.map(([name, source]) => `  - ${describeSource(name, source)}`))
  lines.push(`- recognised by ${describeRecognition(entry)}`, `- what callers do: ${entry.remedy}`)
  return lines.join("\n")
}

/** The whole page, from the catalog. */
export const renderCatalogDoc = (): string => {
  const rows = catalog.map(
    (entry, i) =>
      `| ${i + 1} | [${entry.tag}](#${i + 1}-${entry.tag.toLowerCase()}) | ${code(entry.code)} | ${entry.status} | ${
        params(entry)
          .map(([name]) => code(name))
          .join(", ") || "none"
      } |`,
  )
  return [
    "<!-- Generated from src/catalog.ts by `npm run docs:catalog`: edit the catalog, not this file. -->",
    "",
    "# The catalog",
    "",
    `The ${catalog.length} sign-in errors of Clerk's error index, as \`catalog\` in \`src/catalog.ts\` holds them.`,
    "Everything else in the library (the `SignInError` union, the constructors, the decoder, the",
    "matchers' required handlers) is derived from that array, and so is this page.",
    "",
    "Sources: Clerk's error index, \"Sign-in errors\" (docs page updated 2024-02-22), for names, codes,",
    "messages and meta; Clerk's generated API error list (2025-2026) for HTTP statuses and current wording.",
    "",
    "A `{name}` in a long message stands for the parameter `name`. Any other code Clerk sends decodes",
    "as `UnknownClerkError` (see [Decoding](decoding.md#unknown-codes)). The same table is printed by",
    "`npx clerk-sign-in-errors catalog`.",
    "",
    "| # | `_tag` | code | HTTP | parameters |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    ...catalog.flatMap((entry, i) => [section(entry, i), ""]),
  ].join("\n")
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(catalogDocPath, renderCatalogDoc())
  console.log(`wrote ${catalogDocPath}`)
}
