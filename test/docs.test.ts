/**
 * The docs against the code (scripts/check-docs.ts): docs/catalog.md is
 * current, every TypeScript block of README.md and docs/*.md compiles, every
 * JSON block parses, every relative link resolves. And the checker itself
 * catches what it is for, on Markdown written here.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { catalog } from "../src/catalog.js"
import {
  checkCatalogDoc,
  checkJsonBlocks,
  checkLinks,
  checkTypeScriptBlocks,
  codeBlocks,
  headingAnchors,
  markdownFiles,
  typedocAnchors,
} from "../scripts/check-docs.js"
import { renderCatalogDoc } from "../scripts/generate-catalog-doc.js"
import { repoRoot } from "./support/built.js"

const files = markdownFiles()
const texts = files.map((file) => [file, readFileSync(file, "utf8")] as const)
const blocks = texts.flatMap(([file, text]) => codeBlocks(file, text))

describe("the committed docs", () => {
  it("docs/catalog.md is what `npm run docs:catalog` writes", () => {
    expect(checkCatalogDoc()).toEqual([])
  })

  it("docs/catalog.md has a row and a section per catalog entry, in order", () => {
    const doc = renderCatalogDoc()
    let from = 0
    catalog.forEach((entry, i) => {
      const at = doc.indexOf(`## ${i + 1}. ${entry.tag}\n`, from)
      expect(at, entry.tag).toBeGreaterThan(from)
      expect(doc.slice(at).split("\n## ")[0]).toContain(`\`${entry.code}\``)
      from = at
    })
    expect(doc.match(/^\| \d+ \| /gm)).toHaveLength(catalog.length)
  })

  it("has the pages the README and getting started point to", () => {
    for (const page of ["getting-started", "decoding", "matching", "catalog"]) {
      expect(files).toContain(join(repoRoot, "docs", `${page}.md`))
    }
  })

  it("every relative link resolves, anchors included", () => {
    expect(texts.flatMap(([file, text]) => checkLinks(file, text))).toEqual([])
  })

  it("every ```json block parses", () => {
    expect(checkJsonBlocks(blocks)).toEqual([])
  })

  it("every ```ts block type-checks, each as a module of its own", () => {
    expect(blocks.filter((b) => b.lang === "ts" || b.lang === "typescript").length).toBeGreaterThan(10)
    expect(checkTypeScriptBlocks(blocks)).toEqual([])
  }, 120_000)
})

describe("the checker", () => {
  const page = join(repoRoot, "docs", "probe.md")
  const markdown = [
    "# Probe page", //                                                1
    "",
    "```ts",
    'import { decodeClerkError } from "clerk-sign-in-errors"',
    "const n: number = decodeClerkError({})", //                      5
    "```",
    "",
    "~~~typescript",
    "const same = 1 // a second block may reuse names: blocks are modules",
    "~~~", //                                                         10
    "",
    "```json",
    '{ "errors": [ ... ] }',
    "```",
    "", //                                                            15
    "[ok](#probe-page) [gone](#nowhere) [missing](./missing.md) [web](https://clerk.com/docs)",
    "",
    "```ts",
    "const same = 2",
    "```", //                                                         20
    "## Uses `code`",
    "[in code](#uses-code)",
  ].join("\n")

  it("finds fenced blocks with their language and first line", () => {
    expect(codeBlocks(page, markdown).map((b) => [b.lang, b.line])).toEqual([
      ["ts", 4],
      ["typescript", 9],
      ["json", 13],
      ["ts", 19],
    ])
  })

  it("reports a type error at its line and column in the Markdown", () => {
    const problems = checkTypeScriptBlocks(codeBlocks(page, markdown))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^docs\/probe\.md:5:7: TS2322: Type 'Either<DecodeFailure, ClerkError>' is not assignable to type 'number'/)
  }, 120_000)

  it("reports a JSON block that does not parse", () => {
    expect(checkJsonBlocks(codeBlocks(page, markdown))).toEqual([expect.stringMatching(/^docs\/probe\.md:13: not JSON/)])
  })

  it("reports a link to a missing file or heading, not web links", () => {
    expect(checkLinks(page, markdown)).toEqual([
      "docs/probe.md:16: link to #nowhere: no heading with that anchor",
      "docs/probe.md:16: link to ./missing.md: no such file",
      expect.stringMatching(/^docs\/probe\.md:22: link to #uses-code: TypeDoc \(npm run docs\) names that heading otherwise/),
    ])
  })

  it("computes anchors as GitHub does", () => {
    expect([...headingAnchors("# Hello, World!\n## `decode` it\n## Hello, World\n```\n# not a heading\n```\n## 8. SignInNotFound")]).toEqual([
      "hello-world",
      "decode-it",
      "hello-world-1",
      "8-signinnotfound",
    ])
  })

  it("computes anchors as TypeDoc does, which leaves inline code out", () => {
    expect([...typedocAnchors("## The whole response: `responseOf`\n## Hello, World\n## Hello, World\n## 8. SignInNotFound")]).toEqual([
      "the-whole-response",
      "hello-world",
      "hello-world-1",
      "8-signinnotfound",
    ])
  })
})
