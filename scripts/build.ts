/**
 * `npm run build`: `src` → `dist/esm` (ESM) and `dist/cjs` (CommonJS), each
 * with declarations and source maps.
 *
 * Why two formats: Node 20.19+ can `require()` an ES module, but Jest,
 * ts-node, older bundlers and TypeScript before 5.8 cannot, and
 * @arethetypeswrong/cli (TypeScript 5.6 inside) reports an ESM-only package
 * as "ESM (dynamic import only)" for `require` users. The dual-package hazard
 * (two copies loaded in one program) is harmless here: values are frozen plain
 * objects, guards check `_tag` rather than `instanceof`, and the one piece of
 * module state (src/internal/origin.ts) is kept on `globalThis`, shared by
 * both copies. test/package.test.ts mixes the two.
 *
 * Steps: run the two `tsc` builds in parallel (tsconfig.build.json
 * type-checks and emits ESM + declarations; tsconfig.build.cjs.json only
 * transpiles); copy the declarations into `cjs/`, where
 * `{"type":"commonjs"}` makes TypeScript read them as CommonJS (the text of
 * a `.d.ts` does not depend on the format). All of it goes to a fresh
 * directory beside `dist/` that then replaces it, so whoever runs the
 * package meanwhile (a test, the bin) never sees half a build.
 */
import { spawn } from "node:child_process"
import { chmod, copyFile, mkdir, readdir, rename, rm, utimes, writeFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const dist = join(root, "dist")
const tscBin = createRequire(import.meta.url).resolve("typescript/bin/tsc")

/** Declarations of the command line: nothing imports it, so none are shipped. */
const cliDeclaration = (file: string): boolean => /^(cli|internal\/cli[^/]*)\.d\.ts(\.map)?$/.test(file)

const tsc = (project: string, outDir: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tscBin, "-p", project, "--outDir", outDir], { cwd: root, stdio: "inherit" })
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tsc -p ${project} exited with ${code}`))))
  })

const filesUnder = async (dir: string): Promise<Array<string>> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
}

const main = async (): Promise<void> => {
  // A sibling of dist/, so that source map paths (../../src/...) hold after the swap.
  const next = join(root, `.dist-${process.pid}`)
  const old = join(root, `.dist-old-${process.pid}`)
  const startedAt = new Date()
  try {
    const esm = join(next, "esm")
    const cjs = join(next, "cjs")
    await Promise.all([tsc("tsconfig.build.json", esm), tsc("tsconfig.build.cjs.json", cjs)])
    for (const file of await filesUnder(esm)) {
      if (cliDeclaration(file)) await rm(join(esm, file))
      else if (/\.d\.ts(\.map)?$/.test(file)) {
        await mkdir(dirname(join(cjs, file)), { recursive: true })
        await copyFile(join(esm, file), join(cjs, file))
      }
    }
    // npm sets the mode on install; this is for running the bin from a checkout.
    await chmod(join(esm, "cli.js"), 0o755)
    // Dated when the build started: test/support/built.ts calls dist/ stale
    // when a source is newer, an edit made during the build included.
    const stamp = join(cjs, "package.json")
    await writeFile(stamp, `${JSON.stringify({ type: "commonjs" })}\n`)
    await utimes(stamp, startedAt, startedAt)
    await rename(dist, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error
    })
    await rename(next, dist)
  } finally {
    await rm(next, { recursive: true, force: true })
    await rm(old, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
