/**
 * "A handler set missing a tag is a compile error naming it": the type tests
 * (effect.test-d.ts, fp-ts.test-d.ts) prove there is an error; this proves
 * what it says, by compiling small programs with the TypeScript compiler API
 * and the repository's tsconfig.json. Each handler set is written from the
 * catalog's tags, minus the one left out.
 */
import { join, resolve } from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { memoryHost } from "./support/memoryHost.js"
import { signInErrorTags, type SignInErrorTag } from "../src/index.js"

const root = resolve(import.meta.dirname, "..")

const handlerSet = (value: string, leaveOut?: SignInErrorTag, add?: string): string =>
  [...signInErrorTags.filter((tag) => tag !== leaveOut), ...(add === undefined ? [] : [add])]
    .map((tag) => `  ${tag}: () => ${value},`)
    .join("\n")

/** Programs in memory, next to the tests so that their relative imports resolve. */
const programs: Record<string, string> = {
  "effectMissing.ts": `import { Effect } from "effect"
import { catchSignInErrors } from "../src/effect.js"
export const handled = catchSignInErrors({
${handlerSet("Effect.succeed(0)", "SignInNotFound")}
})`,
  "effectMisspelt.ts": `import { Effect } from "effect"
import { catchSignInErrors } from "../src/effect.js"
export const handled = catchSignInErrors({
${handlerSet("Effect.succeed(0)", "SignInNotFound", "SigninNotFound")}
})`,
  "fpTsMissing.ts": `import * as TE from "fp-ts/lib/TaskEither.js"
import { catchSignInErrors } from "../src/fp-ts.js"
export const handled = catchSignInErrors({
${handlerSet("TE.right(0)", "NoSecondFactorsForStrategy")}
})`,
  "complete.ts": `import { Effect } from "effect"
import * as TE from "fp-ts/lib/TaskEither.js"
import * as E from "../src/effect.js"
import * as F from "../src/fp-ts.js"
export const effect = E.catchSignInErrors({
${handlerSet("Effect.succeed(0)")}
})
export const fpts = F.catchSignInErrors({
${handlerSet("TE.right(0)")}
})`,
}

const diagnostics = (): Record<string, string> => {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root)
  const files = new Map(Object.entries(programs).map(([name, text]) => [join(root, "test", `__diagnostics__${name}`), text]))
  const host = memoryHost(options, files)
  const program = ts.createProgram([...files.keys()], { ...options, noEmit: true }, host)
  const out: Record<string, string> = {}
  for (const [fileName] of files) {
    const name = fileName.slice(join(root, "test", "__diagnostics__").length)
    const found = ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName))
    // Each message, with the source text it points at: `at "SigninNotFound: () => ..."`.
    out[name] = found
      .map((d) => `${ts.flattenDiagnosticMessageText(d.messageText, "\n")} at ${JSON.stringify(d.file?.text.slice(d.start, (d.start ?? 0) + 40))}`)
      .join("\n")
  }
  return out
}

describe("compile errors of catchSignInErrors", () => {
  const found = diagnostics()

  it("compiles a complete handler set for both adapters", () => {
    expect(found["complete.ts"]).toBe("")
  })

  it("names the missing tag (Effect)", () => {
    expect(found["effectMissing.ts"]).toContain("Property 'SignInNotFound' is missing")
  })

  it("names the missing tag (fp-ts)", () => {
    expect(found["fpTsMissing.ts"]).toContain("Property 'NoSecondFactorsForStrategy' is missing")
  })

  it("points at a misspelt tag", () => {
    expect(found["effectMisspelt.ts"]).toMatch(/is not assignable to type 'never'\. at "SigninNotFound: /)
  })
}, 60_000)
