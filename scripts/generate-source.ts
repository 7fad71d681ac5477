/**
 * `npm run generate`: writes src/internal/generated.ts, the two hot paths
 * that are faster as source than as data, from `catalog` in src/catalog.ts:
 * the constructor of each variant (`buildVariant`) and the `switch` that the
 * matchers run (`dispatch`). test/generated.test.ts fails when the committed
 * file differs from what this renders, so the source cannot drift from the
 * data. (`npm run generate` also rewrites docs/catalog.md.)
 *
 * Generated source rather than `new Function` at load time: no `eval`, so
 * the library runs under a strict Content-Security-Policy and on edge
 * runtimes that forbid it, and the shipped code can be read and debugged.
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { catalog, type CatalogEntry } from "../src/catalog.js"

export const generatedPath = fileURLToPath(new URL("../src/internal/generated.ts", import.meta.url))

/** Every `_tag` a `ClerkError` can have, in catalog order, the unknown one last. */
export const dispatchTags: ReadonlyArray<string> = [...catalog.map((entry) => entry.tag), "UnknownClerkError"]

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Tags and parameter names are written as property names: they must be identifiers. */
const name = (text: string): string => {
  if (!identifier.test(text)) throw new Error(`generate-source: "${text}" is not an identifier`)
  return text
}

const buildCase = (entry: CatalogEntry, index: number): string => {
  const params = Object.keys(entry.params).map((param, i) => `, ${name(param)}: params[${i}]`)
  return [
    `    case ${index}:`,
    `      return Object.freeze({ _tag: "${name(entry.tag)}", code, shortMessage, longMessage, meta, extra${params.join("")} })`,
  ].join("\n")
}

const dispatchCase = (tag: string): string =>
  [
    `    case "${name(tag)}": {`,
    `      const handler = handlers.${tag}`,
    `      if (typeof handler === "function") return handler(error)`,
    `      break`,
    `    }`,
  ].join("\n")

/** The whole file, from the catalog. */
export const renderGenerated = (): string =>
  [
    "// Generated from src/catalog.ts by `npm run generate`: edit the catalog, not this file.",
    "/**",
    " * The catalog compiled to source, for the two paths where V8 needs to see",
    " * each variant written out. Everything else reads the catalog as data.",
    " *",
    " * @internal",
    " */",
    `import type { ClerkError } from "../ClerkError.js"`,
    "",
    "type Meta = Readonly<Record<string, unknown>> | undefined",
    "",
    "/**",
    " * Builds the frozen variant of the catalog entry at `index`; `params` holds its",
    " * parameters' values in catalog order.",
    " *",
    " * One object literal per variant, with every key: the value is allocated",
    " * with its final hidden class. Adding the parameters one by one to a shared",
    " * literal took a map transition per key through a megamorphic keyed store,",
    " * and a second allocation for the properties past the literal's six.",
    " */",
    "export const buildVariant = (",
    "  index: number,",
    "  code: string,",
    "  shortMessage: string,",
    "  longMessage: string | undefined,",
    "  meta: Meta,",
    "  extra: Meta,",
    "  params: ReadonlyArray<string | undefined>,",
    "): object => {",
    "  switch (index) {",
    ...catalog.map(buildCase),
    "  }",
    "  throw new RangeError(`buildVariant: no catalog entry ${index}`)",
    "}",
    "",
    "/** A handler per tag, any of them missing (`matchErrorOrElse`, or a caller outside the types). */",
    'export type DispatchHandlers = { readonly [Tag in ClerkError["_tag"]]?: unknown }',
    "",
    "/**",
    " * Runs the handler of `error._tag`, or `orElse` when `handlers` has none.",
    " *",
    " * A `switch` with its own property load and its own call per tag, not",
    " * `handlers[error._tag](error)`: a keyed load whose key changes from call to",
    " * call goes megamorphic in V8 (a descriptor lookup each time), and one call",
    " * site that sees every handler can inline none of them. Here each case",
    " * reads a constant name, so its load stays monomorphic for a caller's",
    " * handler object, and calls through a site of its own, so V8 can inline",
    " * the handler as it would a hand-written `switch` (docs/performance.md).",
    " */",
    "export const dispatch = (",
    "  handlers: DispatchHandlers,",
    "  error: { readonly _tag: string },",
    "  orElse: (error: { readonly _tag: string }) => unknown,",
    "): unknown => {",
    "  switch (error._tag) {",
    ...dispatchTags.map(dispatchCase),
    "  }",
    "  return orElse(error)",
    "}",
    "",
  ].join("\n")

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(generatedPath, renderGenerated())
  console.log(`wrote ${generatedPath}`)
}
