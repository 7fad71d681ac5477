/**
 * The package as users get it: `npm pack`, then install the tarball into a
 * fresh project outside the repository and use it from there, from ESM, from
 * CommonJS, from TypeScript, and through its bin.
 *
 * The install needs no network: the tarball is a `file:` dependency, and so
 * are the peers (fp-ts, io-ts, effect), which npm links to the repository's
 * own node_modules (`--install-links=false`). `--offline` and an unreachable
 * registry make any attempt to fetch fail loudly instead of hanging.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { signInErrorTags } from "../src/catalog.js"
import { assertFreshBuild, entryPoints, packageJson, repoRoot, runProcess, type Ran } from "./support/built.js"
import { getScenario } from "./support/clerkStandIn.js"

const entries = entryPoints()
const peers = ["fp-ts", "io-ts", "effect"] as const
const typescript = createRequire(import.meta.url).resolve("typescript")

/**
 * Type-checks a consumer project with the repository's TypeScript: the
 * consumer's files and every declaration file of this package, but not the
 * declarations of other packages (what skipLibCheck skips: effect's alone
 * would triple the time). An import that does not resolve inside our
 * declarations is an error here, where a plain `tsc --skipLibCheck` would
 * silently make it `any`.
 */
const typecheckScript = `
const ts = require(process.argv[2])
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\\n")) } }
const config = ts.getParsedCommandLineOfConfigFile(process.argv[3], {}, host)
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options })
const ours = program.getSourceFiles().filter((f) => !f.isDeclarationFile || f.fileName.includes("/node_modules/${packageJson.name}/"))
const diagnostics = [
  ...config.errors, ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(),
  ...ours.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
]
if (diagnostics.length > 0) {
  const format = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => "\\n" }
  process.stdout.write(ts.formatDiagnostics(diagnostics, format))
  process.exitCode = 1
} else {
  // Which effect the program saw proves the ./effect declarations were followed into it.
  const sawEffect = program.getSourceFiles().some((f) => f.fileName.includes("/node_modules/effect/"))
  console.log(sawEffect ? "checked effect" : "checked no effect")
}
`

let dir: string
let project: string
let packedFiles: ReadonlyArray<string>

const node = (args: ReadonlyArray<string>, input?: string): Promise<Ran> =>
  runProcess(process.execPath, args, { cwd: project, ...(input === undefined ? {} : { input }) })

const succeeded = (ran: Ran): Ran => {
  if (ran.code !== 0) throw new Error(`exit ${ran.code}\n${ran.stderr}${ran.stdout}`)
  return ran
}

beforeAll(async () => {
  assertFreshBuild()
  dir = mkdtempSync(join(tmpdir(), "clerk-sign-in-errors-pack-"))
  // --ignore-scripts: pack the dist/ that the tests run on, without the
  // prepack rebuild (which would rewrite dist/ under the CLI tests' feet).
  const packed = succeeded(
    await runProcess("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: repoRoot }),
  )
  const [pack] = JSON.parse(packed.stdout) as [{ filename: string; files: Array<{ path: string }> }]
  packedFiles = pack.files.map((f) => f.path)

  project = join(dir, "consumer")
  mkdirSync(project)
  const dependencies: Record<string, string> = { [packageJson.name]: `file:${join(dir, pack.filename)}` }
  for (const peer of peers) dependencies[peer] = `file:${join(repoRoot, "node_modules", peer)}`
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies }))
  succeeded(
    await runProcess(
      "npm",
      ["install", "--offline", "--install-links=false", "--ignore-scripts", "--no-audit", "--no-fund", "--registry=http://127.0.0.1:9/"],
      { cwd: project },
    ),
  )
}, 120_000)

afterAll(() => {
  // Unset when beforeAll failed (a stale dist/).
  if ((dir as string | undefined) !== undefined) rmSync(dir, { recursive: true, force: true })
})

/** `{ entry: sorted export names }` as the repository's sources have them. */
const sourceExports = async (): Promise<Record<string, Array<string>>> =>
  Object.fromEntries(
    await Promise.all(entries.map(async (e) => [e.specifier, Object.keys(await import(e.source)).sort()] as const)),
  )

describe("the tarball", () => {
  it("holds dist/, src/ and the package files, and every target of exports and bin", () => {
    const outside = packedFiles.filter((f) => !/^(dist|src)\//.test(f) && !/^(package\.json|README\.md|LICENSE)$/.test(f))
    expect(outside).toEqual([])
    const targets = [
      ...Object.values(packageJson.exports).flatMap((t) => (typeof t === "string" ? [t] : JSON.stringify(t).match(/\.\/[^"]+/g) ?? [])),
      ...Object.values(packageJson.bin),
    ].map((t) => t.replace(/^\.\//, ""))
    expect(targets.filter((t) => !packedFiles.includes(t))).toEqual([])
  })
})

describe("installed in a project outside the repository", () => {
  it("imports every entry point from ESM, from dist/esm, with the exports of its source", async () => {
    const script = `
      const out = {}
      for (const entry of ${JSON.stringify(entries.map((e) => e.specifier))}) {
        out[entry] = { names: Object.keys(await import(entry)).sort(), url: import.meta.resolve(entry) }
      }
      console.log(JSON.stringify(out))`
    const ran = succeeded(await node(["--input-type=module", "-e", script]))
    const imported = JSON.parse(ran.stdout) as Record<string, { names: Array<string>; url: string }>
    const expected = await sourceExports()
    for (const e of entries) {
      expect(imported[e.specifier]?.names, e.specifier).toEqual(expected[e.specifier])
      expect(imported[e.specifier]?.url, e.specifier).toContain(`/node_modules/${packageJson.name}/dist/esm/`)
    }
  })

  it("require()s every entry point from CommonJS, from dist/cjs, with the same exports", async () => {
    const script = `
      const out = {}
      for (const entry of ${JSON.stringify(entries.map((e) => e.specifier))}) {
        out[entry] = { names: Object.keys(require(entry)).sort(), file: require.resolve(entry) }
      }
      console.log(JSON.stringify(out))`
    const ran = succeeded(await node(["--input-type=commonjs", "-e", script]))
    const required = JSON.parse(ran.stdout) as Record<string, { names: Array<string>; file: string }>
    const expected = await sourceExports()
    for (const e of entries) {
      expect(required[e.specifier]?.names, e.specifier).toEqual(expected[e.specifier])
      expect(required[e.specifier]?.file, e.specifier).toContain(join("node_modules", packageJson.name, "dist", "cjs"))
    }
  })

  it("decodes the same from ESM and from CommonJS", async () => {
    const body = JSON.stringify(getScenario("identifier_already_signed_in").body)
    const decode = `JSON.stringify(m.decodeErrorResponseJson(${body}))`
    const esm = succeeded(await node(["--input-type=module", "-e", `const m = await import("${packageJson.name}"); console.log(${decode})`]))
    const cjs = succeeded(await node(["--input-type=commonjs", "-e", `const m = require("${packageJson.name}"); console.log(${decode})`]))
    expect(JSON.parse(esm.stdout)).toMatchObject({ _tag: "Right", right: { errors: [{ _tag: "AlreadySignedIn", sessionId: "sess_2abc" }] } })
    expect(cjs.stdout).toBe(esm.stdout)
  })

  it("mixes the two copies safely in one program: values of one pass the other's guards and matchers", async () => {
    const body = JSON.stringify(getScenario("identifier_already_signed_in").body)
    const script = `
      import { createRequire } from "node:module"
      const esm = await import("${packageJson.name}")
      const cjs = createRequire(import.meta.url)("${packageJson.name}")
      const decoded = cjs.decodeErrorResponseJson(${body}).right
      console.log(JSON.stringify({
        twoCopies: esm.decodeErrorResponseJson !== cjs.decodeErrorResponseJson,
        guard: esm.isClerkErrorResponse(decoded),
        matched: esm.matchErrorOrElse(decoded.errors[0], { AlreadySignedIn: (e) => e.sessionId }, () => "orElse"),
      }))`
    const ran = succeeded(await node(["--input-type=module", "-e", script]))
    expect(JSON.parse(ran.stdout)).toEqual({ twoCopies: true, guard: true, matched: "sess_2abc" })
  })

  it("mixes the two copies safely: responseOf of one finds the response behind an error the other failed with", async () => {
    const scenario = getScenario("identifier_already_signed_in")
    const script = `
      import { createRequire } from "node:module"
      const esm = await import("${packageJson.name}/fp-ts")
      const cjs = createRequire(import.meta.url)("${packageJson.name}/fp-ts")
      const failed = await esm.failOnErrorResponse(new Response(${JSON.stringify(scenario.body)}, { status: ${scenario.status} }))()
      console.log(JSON.stringify({ tag: failed.left._tag, status: cjs.responseOf(failed.left)?.status }))`
    const ran = succeeded(await node(["--input-type=module", "-e", script]))
    expect(JSON.parse(ran.stdout)).toEqual({ tag: "AlreadySignedIn", status: scenario.status })
  })

  describe("loading effect", () => {
    // A resolve hook that fails any import resolved into effect's package.
    const hook = `export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context)
      if (resolved.url.includes("/node_modules/effect/")) throw new Error("loaded effect: " + resolved.url)
      return resolved
    }`
    const importWithoutEffect = (specifier: string): Promise<Ran> =>
      node([
        "--input-type=module",
        "-e",
        `import { register } from "node:module"
         register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)})
         await import(${JSON.stringify(specifier)})`,
      ])
    const requireAndList = (specifier: string): Promise<Ran> =>
      node([
        "--input-type=commonjs",
        "-e",
        `require(${JSON.stringify(specifier)})
         console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes("/node_modules/effect/"))))`,
      ])

    it.each(entries.filter((e) => e.subpath !== "./effect").map((e) => e.specifier))(
      "importing %s does not load effect, from ESM or CommonJS",
      async (specifier) => {
        succeeded(await importWithoutEffect(specifier))
        expect(JSON.parse(succeeded(await requireAndList(specifier)).stdout)).toEqual([])
      },
    )

    it("the check sees effect when ./effect loads it", async () => {
      const ran = await importWithoutEffect(`${packageJson.name}/effect`)
      expect(ran.code).not.toBe(0)
      expect(ran.stderr).toContain("loaded effect: ")
      expect(JSON.parse(succeeded(await requireAndList(`${packageJson.name}/effect`)).stdout)).not.toEqual([])
    })
  })

  it("type-checks TypeScript consumers: nodenext ESM and CommonJS, bundler, node10", async () => {
    const specifiers = entries.map((e) => e.specifier)
    const handlers = [...signInErrorTags, "UnknownClerkError"].map((tag) => `${tag}: (e) => e._tag`).join(", ")
    // Each consumer imports every entry it can resolve, checks that no export
    // is `any` (an unresolved type becomes `any` silently), and needs the
    // library's real types: exhaustive matching, narrowed parameters.
    const consumer = (entrySpecifiers: ReadonlyArray<string>): string => `
      import { decodeErrorResponse, matchError, SignInError, type ClerkError } from "${packageJson.name}"
      import { isRight } from "fp-ts/lib/Either.js"
      ${entrySpecifiers.map((s, i) => `import * as entry${i} from "${s}"`).join("\n")}

      type AnyExports<M> = { [K in keyof M]: 0 extends 1 & M[K] ? K : never }[keyof M]
      ${entrySpecifiers
        .map(
          (s, i) => `export const typed${i}: [AnyExports<typeof entry${i}>] extends [never] ? true : "${s} exports any" = true
          // @ts-expect-error: not an export (were the module \`any\`, this would compile)
          entry${i}.notAnExport`,
        )
        .join("\n")}

      const decoded = decodeErrorResponse(JSON.parse("{}") as unknown)
      if (isRight(decoded)) {
        const first: ClerkError = decoded.right.errors[0]
        const tag: string = matchError(first, { ${handlers} })
        console.log(tag)
        // @ts-expect-error: a handler is missing
        matchError(first, { UnknownClerkError: (e) => e._tag })
      }
      const sessionId: string | undefined = SignInError.AlreadySignedIn({ sessionId: "sess_1" }).sessionId
      // @ts-expect-error: AlreadySignedIn has no signInId
      SignInError.AlreadySignedIn({ signInId: "sia_1" })
      export { sessionId }
    `
    // node10 ignores exports; effect 4 is only reachable through them, so that consumer skips ./effect.
    const withoutEffect = specifiers.filter((s) => !s.endsWith("/effect"))
    const consumers = [
      { name: "nodenext-esm", file: "esm.ts", entries: specifiers, options: { module: "nodenext", moduleResolution: "nodenext" } },
      { name: "nodenext-cjs", file: "cjs.cts", entries: specifiers, options: { module: "nodenext", moduleResolution: "nodenext" } },
      { name: "bundler", file: "bundler.ts", entries: specifiers, options: { module: "preserve", moduleResolution: "bundler" } },
      { name: "node10", file: "node10.ts", entries: withoutEffect, options: { module: "commonjs", moduleResolution: "node10" } },
    ]
    for (const c of consumers) {
      writeFileSync(join(project, c.file), consumer(c.entries))
      const tsconfig = {
        compilerOptions: {
          ...c.options,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: [c.file],
      }
      writeFileSync(join(project, `tsconfig.${c.name}.json`), JSON.stringify(tsconfig))
    }
    writeFileSync(join(project, "typecheck.cjs"), typecheckScript)
    const results = await Promise.all(
      consumers.map(async (c) => ({ name: c.name, ran: await node(["typecheck.cjs", typescript, `tsconfig.${c.name}.json`]) })),
    )
    const summary = results.map(({ name, ran }) => `${name}: ${ran.code === 0 ? ran.stdout.trim() : `exit ${ran.code}\n${ran.stdout}${ran.stderr}`}`)
    expect(summary).toEqual(consumers.map((c) => `${c.name}: checked ${c.entries.some((e) => e.endsWith("/effect")) ? "effect" : "no effect"}`))
  }, 90_000)

  it("links the bin, which runs", async () => {
    const bin = join(project, "node_modules", ".bin", "clerk-sign-in-errors")
    expect(succeeded(await runProcess(bin, ["--version"], { cwd: project })).stdout).toBe(`${packageJson.version}\n`)
    const ran = succeeded(await runProcess(bin, ["decode"], { cwd: project, input: getScenario("sign_in_not_found").body }))
    expect(ran.stdout).toBe('SignInNotFound resource_not_found signInId="sia_2xyz" status=unknown\n')
  })
})
