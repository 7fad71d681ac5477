/**
 * `npm run check:package`: lint the package as it would be published, with
 * publint (package.json fields, exports, files) and @arethetypeswrong/cli
 * (types for every entry point under node10, node16 from ESM and from
 * CommonJS, and bundler resolution). Exits non-zero on any problem.
 *
 * Runs on the current dist/ (`npm run build` first): the tarball is packed
 * once with --ignore-scripts, so prepack does not rebuild it behind our back,
 * and both tools read that same tarball.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { publint } from "publint"
import { formatMessage } from "publint/utils"

const root = fileURLToPath(new URL("..", import.meta.url))

const main = async (): Promise<number> => {
  if (!existsSync(join(root, "dist"))) {
    console.error("dist/ is missing: run `npm run build` first")
    return 1
  }
  const dir = mkdtempSync(join(tmpdir(), "clerk-sign-in-errors-check-"))
  try {
    const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
      cwd: root,
      encoding: "utf8",
    })
    if (pack.status !== 0) {
      console.error(pack.stderr)
      return 1
    }
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }]
    const tarball = join(dir, filename)

    const { messages, pkg } = await publint({ strict: true, pack: { tarball: await readTarball(tarball) } })
    for (const message of messages) console.log(`publint ${message.type}: ${formatMessage(message, pkg)}`)
    console.log(messages.length === 0 ? "publint: no problems" : `publint: ${messages.length} problem(s)`)

    // attw prints its own report; it exits 1 on any problem under the strict profile.
    const attw = spawnSync(process.execPath, [attwBin(), tarball, "--profile", "strict", "--format", "table-flipped"], {
      cwd: root,
      stdio: "inherit",
    })
    return messages.length === 0 && attw.status === 0 ? 0 : 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const readTarball = async (file: string): Promise<ArrayBuffer> => {
  const bytes = await readFile(file)
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

const attwBin = (): string => join(root, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js")

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
