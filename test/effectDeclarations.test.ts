/**
 * One set of declarations for every supported effect: the `.d.ts` that
 * src/effect.ts compiles to (built against effect 4, as the package is) must
 * type-check, with `skipLibCheck` off, against effect 3.15, the latest 3.x
 * and 4, together with a consumer that uses it. An inferred type can leak a
 * name that exists in one version only (effect 4's `Types.VoidIfEmpty` did).
 */
import { join, resolve } from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { memoryHost } from "./support/memoryHost.js"

const root = resolve(import.meta.dirname, "..")
const out = join(root, "node_modules", ".cache", "effect-declarations-test")

const compilerOptions = (): ts.CompilerOptions => {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile)
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options
}

/** The declarations of src/effect.ts and what it imports, in memory, by output path. */
const emitDeclarations = (): Map<string, string> => {
  const options = { ...compilerOptions(), noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: join(root, "src"), outDir: out }
  const files = new Map<string, string>()
  const program = ts.createProgram([join(root, "src", "effect.ts")], options)
  const result = program.emit(undefined, (fileName, text) => files.set(resolve(fileName), text))
  if (result.emitSkipped) throw new Error("declarations were not emitted")
  return files
}

const consumer = `import { Effect } from "effect"
import { catchSignInErrors, ClerkDecodeError, failOnErrorResponse, responseOf, tryClerk } from "./effect.js"

declare const res: Response
const done = () => Effect.succeed("done")
export const handled: Effect.Effect<string, ClerkDecodeError | import("./ClerkError.js").UnknownClerkError> = failOnErrorResponse(res).pipe(
  Effect.as("ok"),
  catchSignInErrors({
    SingleModeSessionExists: done,
    AlreadySignedIn: (e) => Effect.succeed(e.sessionId ?? "none"),
    AccountTransferInvalid: done,
    InvalidClientStateForAction: done,
    InvalidStrategyForUser: done,
    IdentificationClaimed: done,
    MutationOnOlderSignInNotAllowed: done,
    SignInNotFound: (e) => Effect.succeed(e.signInId),
    IdentificationBelongsToDifferentUser: done,
    NoSecondFactorsForStrategy: done,
    SignInNoIdentificationForUser: done,
    SignInIdentificationOrUserDeleted: done,
  }),
)
export const decodeError: ClerkDecodeError = new ClerkDecodeError({ message: "m", failure: { _tag: "DecodeFailure", message: "m", errors: [] }, status: 500 })
export const status: number | undefined = decodeError.status
export const message: string = decodeError.message
export const caught = tryClerk(() => Promise.resolve(1)).pipe(Effect.catchTag("ClerkDecodeError", (e) => Effect.succeed(e.status)))
export const response = responseOf
`

/** Type-checks the emitted declarations and the consumer with "effect" resolved to `pkg`. */
const check = (declarations: Map<string, string>, pkg: string): Array<string> => {
  const files = new Map(declarations)
  files.set(join(out, "consumer.ts"), consumer)
  const dts = pkg === "effect" ? "dist" : "dist/dts"
  const options: ts.CompilerOptions = {
    ...compilerOptions(),
    skipLibCheck: false,
    noEmit: true,
    baseUrl: root,
    paths: { effect: [`./node_modules/${pkg}/${dts}/index.d.ts`], "effect/*": [`./node_modules/${pkg}/${dts}/*.d.ts`] },
  }
  const host = memoryHost(options, files)
  // The output directory exists in memory only.
  const directoryExists = host.directoryExists?.bind(host)
  host.directoryExists = (dir) => resolve(dir).startsWith(out) || (directoryExists?.(dir) ?? false)
  const program = ts.createProgram([join(out, "consumer.ts")], options, host)
  // Only our files are checked (effect's own declarations are not ours to check, and are slow to).
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]
  for (const fileName of files.keys()) {
    const sourceFile = program.getSourceFile(fileName)
    if (sourceFile === undefined) continue
    diagnostics.push(...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile))
  }
  expect(program.getSourceFile(join(out, "effect.d.ts"))).toBeDefined()
  return diagnostics.map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)
}

describe("the declarations of clerk-sign-in-errors/effect", () => {
  const declarations = emitDeclarations()

  it("name nothing of effect beyond what 3.15 has", () => {
    const effectDts = declarations.get(join(out, "effect.d.ts")) ?? ""
    expect(effectDts).toContain("export declare class ClerkDecodeError")
    expect(effectDts).not.toContain("effect/Types")
  })

  it.each(["effect-3-15", "effect-3", "effect"])("type-check against %s, with a consumer", (pkg) => {
    expect(check(declarations, pkg)).toEqual([])
  })
}, 120_000)
