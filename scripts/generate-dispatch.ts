/**
 * `npm run generate:dispatch`: writes src/internal/dispatch.ts, the `switch`
 * that `matchError` and `matchErrorOrElse` run, from `catalog` in
 * src/catalog.ts. test/match.test.ts fails when the committed file
 * differs from what this renders, so the switch cannot drift from the data.
 *
 * Generated source rather than `new Function` at load time: no `eval`, so
 * the library runs under a strict Content-Security-Policy and on edge
 * runtimes that forbid it, and the shipped code can be read and debugged.
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { catalog } from "../src/catalog.js"

export const dispatchPath = fileURLToPath(new URL("../src/internal/dispatch.ts", import.meta.url))

/** Every `_tag` a `ClerkError` can have, in catalog order, the unknown one last. */
export const dispatchTags: ReadonlyArray<string> = [...catalog.map((entry) => entry.tag), "UnknownClerkError"]

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

const caseOf = (tag: string): string => {
  // Tags are PascalCase names; anything else would need bracket access, which this file does not write.
  if (!identifier.test(tag)) throw new Error(`generate-dispatch: "${tag}" is not an identifier`)
  return [
    `    case "${tag}": {`,
    `      const handler = handlers.${tag}`,
    `      if (typeof handler === "function") return handler(error)`,
    `      break`,
    `    }`,
  ].join("\n")
}

/** The whole file, from the catalog. */
export const renderDispatch = (): string =>
  [
    "// Generated from src/catalog.ts by `npm run generate:dispatch`: edit the catalog, not this file.",
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
    " *",
    " * @internal",
    " */",
    `import type { ClerkError } from "../ClerkError.js"`,
    "",
    "/** A handler per tag, any of them missing (`matchErrorOrElse`, or a caller outside the types). */",
    "export type DispatchHandlers = { readonly [Tag in ClerkError[\"_tag\"]]?: unknown }",
    "",
    "export const dispatch = (",
    "  handlers: DispatchHandlers,",
    "  error: { readonly _tag: string },",
    "  orElse: (error: { readonly _tag: string }) => unknown,",
    "): unknown => {",
    "  switch (error._tag) {",
    ...dispatchTags.map(caseOf),
    "  }",
    "  return orElse(error)",
    "}",
    "",
  ].join("\n")

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(dispatchPath, renderDispatch())
  console.log(`wrote ${dispatchPath}`)
}
