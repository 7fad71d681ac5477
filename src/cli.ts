#!/usr/bin/env node
/**
 * The `clerk-sign-in-errors` command: `decode [file|-]`, `catalog`, `--help`,
 * `--version`. Wires `internal/cli.ts` to the process; no entry point
 * imports this file.
 *
 * @internal
 */
import { readFileSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { run } from "./internal/cli.js"

/** The version in the package's own package.json, found by walking up from this file (dist/esm/ or src/). */
const packageVersion = (): string => {
  for (let dir = new URL("./", import.meta.url); ; ) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: unknown; version?: unknown }
      if (pkg.name === "clerk-sign-in-errors" && typeof pkg.version === "string") return pkg.version
    } catch {
      // No package.json here (or dist/cjs's nameless one): keep walking up.
    }
    const parent = new URL("../", dir)
    if (parent.href === dir.href) return "unknown"
    dir = parent
  }
}

const readStdin = async (): Promise<string> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString("utf8")
}

// `| head -1` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error
})

// exitCode, not exit(): exit() could cut off output still queued for a pipe.
process.exitCode = await run(process.argv.slice(2), {
  version: packageVersion(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  readFile: (path) => readFile(path, "utf8"),
  stdinIsTTY: process.stdin.isTTY === true,
})
