/**
 * The example service behind `npm start` (examples/service.ts): one line per
 * attempt, each sign-in error met once and handled by its own case, and the
 * process-level run exits 0 without network.
 */
import { execFile } from "node:child_process"
import { promisify } from "node:util"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { attempt, attempts, runService } from "../examples/service.js"
import { signInErrorTags } from "../src/index.js"
import { scenarioOfTag } from "./support/signInScenarios.js"

describe("examples/service.ts", () => {
  it("prints one line per attempt and answers each", async () => {
    const lines: Array<string> = []
    const replies = await Effect.runPromise(runService((line) => lines.push(line)))
    expect(lines).toHaveLength(attempts.length)
    expect(replies).toHaveLength(attempts.length)
    lines.forEach((line, i) => expect(line.startsWith(`${String(i + 1).padStart(2)}. ${attempts[i]?.step}`)).toBe(true))
  })

  it("meets each of the twelve sign-in errors once, in catalog order, each with its own case", async () => {
    const replies = await Effect.runPromise(runService(() => {}))
    signInErrorTags.forEach((tag, i) => {
      expect(attempts[i]?.scenario).toBe(scenarioOfTag[tag])
      expect(replies[i]?.clerk).toContain(` ${tag} (trace `)
    })
    const actions = replies.slice(0, signInErrorTags.length).map((r) => r.action)
    expect(actions[1]).toBe("activate session sess_2abc")
    expect(actions[7]).toBe("forget sia_2xyz, refresh the client, start over")
    expect(actions[9]).toBe("offer a second factor other than totp")
  })

  it("handles the unknown code, the rate limit, the gateway page and success", async () => {
    const replies = await Effect.runPromise(runService(() => {}))
    const rest = replies.slice(signInErrorTags.length)
    expect(rest.map((r) => r.status)).toEqual([422, 429, 503, 200])
    expect(rest[0]?.action).toBe("show the message next to password")
    expect(rest[1]?.action).toBe("wait 7s")
    expect(rest[2]?.clerk).toBe("502 not a Clerk error body")
    expect(rest[3]?.action).toBe("continue: needs_first_factor")
  })

  it("answers 503 when the Frontend API cannot be reached", async () => {
    const r = await Effect.runPromise(attempt("http://127.0.0.1:1", attempts[0]!))
    expect(r).toMatchObject({ clerk: "no answer", status: 503 })
  })

  // The child process loads effect 4 whatever the matrix aliases, so once is enough.
  const matrixVersion = process.env.EFFECT_VERSION_EXPECTED
  it.skipIf(matrixVersion !== undefined && matrixVersion !== "4.")("runs as `npm start` does and exits 0", async () => {
    const run = promisify(execFile)
    const { stdout } = await run(process.execPath, ["--import", "tsx", "examples/service.ts"], { cwd: process.cwd() })
    expect(stdout.trim().split("\n")).toHaveLength(attempts.length)
  }, 30_000)
})
