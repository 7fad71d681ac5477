/**
 * `npm run check:docs`: the docs say nothing the code contradicts.
 *
 * - Every ```ts (or ```typescript) block of README.md and docs/*.md
 *   type-checks, each block a module of its own, with the repository's
 *   compiler options and `clerk-sign-in-errors`, `clerk-sign-in-errors/effect`
 *   and `clerk-sign-in-errors/fp-ts` mapped to their sources. A block that
 *   shows a compile error says so with `// @ts-expect-error`.
 * - Every ```json block parses (illustrations with `...` go in ```jsonc or
 *   ```text).
 * - Every relative link points at a file that exists, and its `#anchor` at a
 *   heading of that file, as GitHub and TypeDoc (`npm run docs`) both name it.
 * - docs/catalog.md is what `npm run docs:catalog` would write.
 *
 * test/docs.test.ts runs the same checks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { catalogDocPath, renderCatalogDoc } from "./generate-catalog-doc.js"

const root = fileURLToPath(new URL("..", import.meta.url))

/** The entry points a reader imports, and the sources they are built from. */
const entryPaths: Readonly<Record<string, string>> = {
  "clerk-sign-in-errors": "src/index.ts",
  "clerk-sign-in-errors/effect": "src/effect.ts",
  "clerk-sign-in-errors/fp-ts": "src/fp-ts.ts",
}

/** A fenced code block: its info string's language, its text, and the line (1-based) of its first line of code. */
export interface CodeBlock {
  readonly file: string
  readonly lang: string
  readonly code: string
  readonly line: number
}

/** The Markdown files whose code is checked: README.md and docs/*.md (not the generated docs/api/). */
export const markdownFiles = (): Array<string> => {
  const docs = join(root, "docs")
  const files = existsSync(docs)
    ? readdirSync(docs)
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => join(docs, f))
    : []
  const readme = join(root, "README.md")
  return existsSync(readme) ? [readme, ...files] : files
}

const fence = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/

/** The fenced code blocks of a Markdown text. */
export const codeBlocks = (file: string, text: string): Array<CodeBlock> => {
  const lines = text.split("\n")
  const blocks: Array<CodeBlock> = []
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i]!)
    if (open === null) continue
    const marker = open[1]!
    const body: Array<string> = []
    let j = i + 1
    while (j < lines.length && !lines[j]!.trimStart().startsWith(marker)) body.push(lines[j++]!)
    blocks.push({ file, lang: open[2]!.toLowerCase(), code: body.join("\n"), line: i + 2 })
    i = j
  }
  return blocks
}

const where = (file: string, line: number, column?: number): string =>
  `${relative(root, file)}:${line}${column === undefined ? "" : `:${column}`}`

/** Type-checks the TypeScript blocks as one program of virtual `.mts` files next to the Markdown. */
export const checkTypeScriptBlocks = (blocks: ReadonlyArray<CodeBlock>): Array<string> => {
  const tsBlocks = blocks.filter((b) => b.lang === "ts" || b.lang === "typescript")
  if (tsBlocks.length === 0) return []
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    },
  })!
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    paths: Object.fromEntries(Object.entries(entryPaths).map(([name, path]) => [name, [join(root, path)]])),
  }
  // `.mts`: each block is an ES module whatever it contains. The files live
  // (virtually) beside the Markdown so that node_modules resolves as usual.
  const virtual = new Map<string, CodeBlock>()
  tsBlocks.forEach((block) => {
    virtual.set(ts.sys.resolvePath(`${block.file}.${block.line}.mts`).split("\\").join("/"), block)
  })
  const host = ts.createCompilerHost(options)
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f)
  host.readFile = (f) => virtual.get(f)?.code ?? readFile.call(host, f)
  host.getSourceFile = (f, language, onError, shouldCreate) => {
    const block = virtual.get(f)
    return block === undefined
      ? getSourceFile.call(host, f, language, onError, shouldCreate)
      : ts.createSourceFile(f, block.code, language, true)
  }
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host })
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...virtual.keys()].flatMap((f) => {
      const sf = program.getSourceFile(f)!
      return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
    }),
  ]
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n    ")
    const block = d.file === undefined ? undefined : virtual.get(d.file.fileName)
    if (d.file === undefined || d.start === undefined || block === undefined) return `TS${d.code}: ${message}`
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
    return `${where(block.file, block.line + line, character + 1)}: TS${d.code}: ${message}`
  })
}

/** ```json blocks must be JSON. */
export const checkJsonBlocks = (blocks: ReadonlyArray<CodeBlock>): Array<string> =>
  blocks.flatMap((block) => {
    if (block.lang !== "json") return []
    try {
      JSON.parse(block.code)
      return []
    } catch (cause) {
      return [`${where(block.file, block.line)}: not JSON (${(cause as Error).message}); use \`\`\`jsonc for an illustration`]
    }
  })

/** The text of each heading, links reduced to their text, fenced blocks skipped. */
const headings = (text: string): Array<string> =>
  withoutCode(text, false)
    .split("\n")
    .flatMap((line) => {
      const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
      return heading === null ? [] : [heading[1]!.replace(/<[^>]*>/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")]
    })

/** Anchors from slugs, repeats numbered `-1`, `-2`, as both renderers do. */
const numbered = (slugs: ReadonlyArray<string>): Set<string> => {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const slug of slugs) {
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    anchors.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return anchors
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export const headingAnchors = (text: string): Set<string> =>
  numbered(
    headings(text).map((h) =>
      h
        .replace(/`/g, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-"),
    ),
  )

/**
 * TypeDoc's heading anchors in project documents (`Slugger` in
 * node_modules/typedoc/dist/index.js): inline code is left out of the text,
 * then ASCII punctuation goes and the first run of hyphens is collapsed.
 */
export const typedocAnchors = (text: string): Set<string> =>
  numbered(
    headings(text).map(
      (h) =>
        h
          .replace(/`[^`]*`/g, "")
          .trim()
          .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, "")
          .replace(/\s/g, "-")
          .replace(/--+/, "-")
          .toLowerCase() || "_",
    ),
  )

/** The text with fenced blocks (and inline code, unless `inline` is false) blanked out, line numbers kept. */
const withoutCode = (text: string, inline = true): string => {
  const lines = text.split("\n")
  let marker: string | undefined
  return lines
    .map((line) => {
      const open = fence.exec(line)
      if (marker === undefined && open !== null) {
        marker = open[1]!
        return ""
      }
      if (marker !== undefined) {
        if (line.trimStart().startsWith(marker)) marker = undefined
        return ""
      }
      return inline ? line.replace(/`[^`]*`/g, "``") : line
    })
    .join("\n")
}

/** Relative links and their anchors resolve. Links into docs/api/ (generated by `npm run docs`) are not checked. */
export const checkLinks = (file: string, text: string): Array<string> => {
  const problems: Array<string> = []
  withoutCode(text)
    .split("\n")
    .forEach((line, i) => {
      for (const match of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = match[1]!
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue // https:, mailto:
        const [path = "", anchor] = target.split("#", 2)
        const resolved = path === "" ? file : resolve(dirname(file), decodeURIComponent(path))
        if (relative(join(root, "docs", "api"), resolved).startsWith("..") === false) continue
        if (path !== "" && !existsSync(resolved)) {
          problems.push(`${where(file, i + 1)}: link to ${target}: no such file`)
        } else if (anchor !== undefined && resolved.endsWith(".md")) {
          const targetText = path === "" ? text : readFileSync(resolved, "utf8")
          if (!headingAnchors(targetText).has(anchor)) {
            problems.push(`${where(file, i + 1)}: link to ${target}: no heading with that anchor`)
          } else if (!typedocAnchors(targetText).has(anchor)) {
            problems.push(
              `${where(file, i + 1)}: link to ${target}: TypeDoc (npm run docs) names that heading otherwise, without its inline code; link to a heading without \`code\``,
            )
          }
        }
      }
    })
  return problems
}

/** docs/catalog.md is what the generator renders now. */
export const checkCatalogDoc = (): Array<string> => {
  const committed = existsSync(catalogDocPath) ? readFileSync(catalogDocPath, "utf8") : undefined
  return committed === renderCatalogDoc()
    ? []
    : [`${relative(root, catalogDocPath)}: ${committed === undefined ? "missing" : "stale"}; run \`npm run docs:catalog\``]
}

/** Every check, over every Markdown file; an empty list means the docs are right. */
export const checkDocs = (): Array<string> => {
  const files = markdownFiles()
  const texts = files.map((file) => [file, readFileSync(file, "utf8")] as const)
  const blocks = texts.flatMap(([file, text]) => codeBlocks(file, text))
  return [
    ...checkCatalogDoc(),
    ...texts.flatMap(([file, text]) => checkLinks(file, text)),
    ...checkJsonBlocks(blocks),
    ...checkTypeScriptBlocks(blocks),
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkDocs()
  for (const problem of problems) console.error(problem)
  const blocks = markdownFiles().flatMap((f) => codeBlocks(f, readFileSync(f, "utf8")))
  console.log(
    problems.length === 0
      ? `docs: ${blocks.filter((b) => b.lang === "ts" || b.lang === "typescript").length} TypeScript blocks compile, links resolve, catalog.md is current`
      : `docs: ${problems.length} problem(s)`,
  )
  process.exitCode = problems.length === 0 ? 0 : 1
}
