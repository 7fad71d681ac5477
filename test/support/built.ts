/**
 * Tests of the built package (the tarball, the bin) run on `dist/`, which
 * `npm test` builds before vitest starts. Testing a `dist/` older than `src/`
 * would test yesterday's code, so these tests refuse to.
 */
import { spawn } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url))

/** The repository's package.json. */
export const packageJson = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  readonly name: string
  readonly version: string
  readonly bin: Readonly<Record<string, string>>
  readonly exports: Readonly<Record<string, string | { readonly import: { readonly default: string } }>>
}

/** scripts/build.ts dates it when the build started. */
const buildStamp = join(repoRoot, "dist", "cjs", "package.json")

/** Throws unless `dist/` exists and is newer than every file under `src/`. */
export const assertFreshBuild = (): void => {
  if (!existsSync(buildStamp)) throw new Error("dist/ is missing: run `npm run build` (npm test does) before these tests")
  const builtAt = statSync(buildStamp).mtimeMs
  const src = join(repoRoot, "src")
  const newer = readdirSync(src, { recursive: true, encoding: "utf8" })
    .map((file) => join(src, file))
    .filter((file) => statSync(file).isFile() && statSync(file).mtimeMs > builtAt)
  if (newer.length > 0) {
    throw new Error(`dist/ is older than ${newer.slice(0, 3).join(", ")}: run \`npm run build\` before these tests`)
  }
}

/**
 * The public entry points: `exports` subpath → the source module it is built
 * from (`./effect` → `src/effect.ts`), read off package.json.
 */
export const entryPoints = (): ReadonlyArray<{ readonly subpath: string; readonly specifier: string; readonly source: string }> =>
  Object.entries(packageJson.exports).flatMap(([subpath, target]) => {
    if (typeof target === "string") return [] // ./package.json
    const built = /^\.\/dist\/esm\/(.+)\.js$/.exec(target.import.default)
    if (built === null) throw new Error(`exports["${subpath}"] does not point into dist/esm: ${target.import.default}`)
    return [{ subpath, specifier: packageJson.name + subpath.slice(1), source: join(repoRoot, "src", `${built[1]}.ts`) }]
  })

export interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a command to its end, feeding `input` to its standard input. Never rejects on a non-zero exit. */
export const runProcess = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly input?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<Ran> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? "")
  })
