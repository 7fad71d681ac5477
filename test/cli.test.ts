/**
 * The `clerk-sign-in-errors` command, run as users run it: the built bin
 * (package.json `bin` → dist/esm/cli.js) in a child process, on files and on
 * standard input. Inputs come from the catalog, from the Clerk stand-in's
 * scenarios (raw HTTP responses, byte for byte) and from a real
 * `ClerkAPIResponseError` thrown by @clerk/backend.
 */
import { createClerkClient } from "@clerk/backend"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { catalog, type CatalogEntry } from "../src/catalog.js"
import { SignInError } from "../src/ClerkError.js"
import { decodeErrorResponse } from "../src/decode.js"
import { assertFreshBuild, packageJson, repoRoot, runProcess, type Ran } from "./support/built.js"
import { getScenario, type ClerkStandIn, type ScenarioName } from "./support/clerkStandIn.js"
import { useClerkStandIn } from "./support/useClerkStandIn.js"
import { envelopeOf, samplesOf, wireErrorOf } from "./support/wire.js"

const bin = join(repoRoot, packageJson.bin["clerk-sign-in-errors"]!)
const cli = (args: ReadonlyArray<string>, input?: string): Promise<Ran> =>
  runProcess(process.execPath, [bin, ...args], input === undefined ? {} : { input })

/** The raw bytes of an HTTP response from the stand-in, as `curl -i` prints them. */
const rawResponse = (standIn: ClerkStandIn, scenario: ScenarioName): Promise<string> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(standIn.url)
    const socket = connect(Number(port), "127.0.0.1")
    let text = ""
    socket.setEncoding("utf8").on("data", (chunk: string) => (text += chunk))
    socket.on("error", reject)
    socket.on("end", () => resolve(text))
    socket.end(`GET /v1/client/sign_ins/sia_1?scenario=${scenario} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
  })

/** The line `decode` prints for an entry decoded from `wireErrorOf(entry)`, its parameters set to the samples. */
const lineOf = (entry: CatalogEntry): string =>
  [
    entry.tag,
    entry.code,
    ...Object.entries(samplesOf(entry)).map(([name, value]) => `${name}=${JSON.stringify(value)}`),
    "status=unknown",
  ].join(" ")

let dir: string
const standIn = useClerkStandIn()

beforeAll(() => {
  assertFreshBuild()
  dir = mkdtempSync(join(tmpdir(), "clerk-sign-in-errors-cli-"))
})

afterAll(() => {
  // Unset when beforeAll failed (a stale dist/).
  if ((dir as string | undefined) !== undefined) rmSync(dir, { recursive: true, force: true })
})

describe("decode", () => {
  it("prints one line per error, tag, code, parameters and status, for each of the twelve", async () => {
    const body = JSON.stringify(envelopeOf(...catalog.map((entry) => wireErrorOf(entry))))
    const ran = await cli(["decode"], body)
    expect(ran.stderr).toBe("")
    expect(ran.code).toBe(0)
    expect(ran.stdout.split("\n")).toEqual([...catalog.map((entry) => lineOf(entry)), ""])
  })

  it("reads a file as it reads standard input, and `-` is standard input", async () => {
    const body = getScenario("sign_in_not_found").body
    const file = join(dir, "sign-in-not-found.json")
    writeFileSync(file, body)
    const fromFile = await cli(["decode", file])
    const fromDash = await cli(["decode", "-"], body)
    expect(fromFile).toEqual({ code: 0, stdout: 'SignInNotFound resource_not_found signInId="sia_2xyz" status=unknown\n', stderr: "" })
    expect(fromDash).toEqual(fromFile)
  })

  it("takes the status and Retry-After from a pasted HTTP response (curl -i)", async () => {
    const raw = await rawResponse(standIn, "identifier_already_signed_in")
    expect(raw.startsWith("HTTP/1.1 400 ")).toBe(true)
    expect(await cli(["decode"], raw)).toEqual({
      code: 0,
      stdout: 'AlreadySignedIn identifier_already_signed_in sessionId="sess_2abc" status=400\n',
      stderr: "",
    })
    const limited = await cli(["decode", "--json"], await rawResponse(standIn, "too_many_requests"))
    expect(limited.code).toBe(0)
    const scenario = getScenario("too_many_requests")
    expect(JSON.parse(limited.stdout)).toMatchObject({
      status: scenario.status,
      retryAfter: Number(scenario.headers["retry-after"]),
      traceId: JSON.parse(scenario.body).clerk_trace_id,
      errors: [{ _tag: "UnknownClerkError", code: "too_many_requests" }],
    })
  })

  it("decodes unknown codes (exit 0), with the form field they blame and their message", async () => {
    const ran = await cli(["decode"], await rawResponse(standIn, "two_errors"))
    expect(ran.code).toBe(0)
    expect(ran.stdout).toBe(
      'UnknownClerkError form_param_missing paramName="identifier" message="is missing" status=422\n' +
        'UnknownClerkError form_param_missing paramName="strategy" message="is missing" status=422\n',
    )
  })

  it("decodes a single error, as embedded in a verification", async () => {
    const entry = catalog.find((e) => Object.keys(e.params).length > 1)!
    expect(await cli(["decode"], JSON.stringify(wireErrorOf(entry)))).toEqual({ code: 0, stdout: `${lineOf(entry)}\n`, stderr: "" })
  })

  it("decodes the JSON of a ClerkAPIResponseError thrown by @clerk/backend", async () => {
    const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.scenarioUrl("identifier_already_signed_in") })
    const thrown = await clerk.users.getUser("user_1").then(
      () => expect.fail("the stand-in answers this scenario with an error"),
      (error: unknown) => error,
    )
    const ran = await cli(["decode"], JSON.stringify(thrown))
    expect(ran).toEqual({
      code: 0,
      stdout: 'AlreadySignedIn identifier_already_signed_in sessionId="sess_2abc" status=400\n',
      stderr: "",
    })
  })

  it("--json prints the decoded value, as the library decodes it", async () => {
    const body = getScenario("identifier_already_signed_in").body
    const ran = await cli(["decode", "--json"], body)
    expect(ran.code).toBe(0)
    const decoded = decodeErrorResponse(JSON.parse(body))
    expect(decoded._tag).toBe("Right")
    if (decoded._tag === "Right") expect(JSON.parse(ran.stdout)).toEqual(JSON.parse(JSON.stringify(decoded.right)))
    const one = await cli(["decode", "--json"], JSON.stringify(wireErrorOf(catalog[0])))
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(JSON.stringify(SignInError[catalog[0].tag]())))
  })

  it.each([
    ["a body that is not a Clerk error", '{"hello":"world"}', "stdin is not a Clerk error: errors: expected array, got undefined"],
    ["a bad field of an error body", '{"errors":[{"code":42,"message":""}]}', "errors[0].code: expected string, got 42"],
    ["a bad field of a single error", '{"code":"session_exists","message":null}', "message: expected string, got null"],
    ["text that is not JSON", "<html>502 Bad Gateway</html>", "expected JSON text"],
    ["an empty input", "", "expected JSON text"],
  ])("exits 1 with the readable DecodeFailure on %s", async (_, input, message) => {
    const ran = await cli(["decode"], input)
    expect(ran.code).toBe(1)
    expect(ran.stdout).toBe("")
    expect(ran.stderr).toContain(message)
    expect(ran.stderr.split("\n").filter((line) => line !== "")).toHaveLength(1)
  })

  it("exits 1 on a gateway page pasted with its HTTP head", async () => {
    const ran = await cli(["decode"], await rawResponse(standIn, "gateway_html_502"))
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain("expected JSON text")
  })

  it("exits 2 when the file cannot be read", async () => {
    const ran = await cli(["decode", join(dir, "missing.json")])
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("cannot read")
    expect(ran.stderr).toContain("missing.json")
  })
})

describe("catalog", () => {
  it("prints the twelve: tag, code, documented status and parameters", async () => {
    const ran = await cli(["catalog"])
    expect(ran.code).toBe(0)
    const rows = ran.stdout.trimEnd().split("\n").slice(1)
    expect(rows).toHaveLength(catalog.length)
    rows.forEach((row, i) => {
      const entry = catalog[i]!
      const [tag, code, status, ...params] = row.split(/\s+/)
      expect([tag, code, Number(status)]).toEqual([entry.tag, entry.code, entry.status])
      for (const name of Object.keys(entry.params)) expect(params.join(" ")).toContain(name)
    })
  })

  it("--json prints the catalog itself", async () => {
    const ran = await cli(["catalog", "--json"])
    expect(JSON.parse(ran.stdout)).toEqual(JSON.parse(JSON.stringify(catalog)))
  })
})

describe("help, version and usage errors", () => {
  it("--version and -v print the package's version", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: "" })
    expect((await cli(["-v"])).stdout).toBe(`${packageJson.version}\n`)
  })

  it("--help, -h and help print the usage on stdout and exit 0", async () => {
    const help = await cli(["--help"])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("Usage: clerk-sign-in-errors <command>")
    for (const word of ["decode [file|-]", "catalog", "--json", "Exit status"]) expect(help.stdout).toContain(word)
    expect(await cli(["-h"])).toEqual(help)
    expect(await cli(["help"])).toEqual(help)
    expect(await cli(["decode", "--help"])).toEqual(help)
  })

  it.each([
    ["no command", [], "missing command"],
    ["an unknown command", ["frobnicate"], 'unknown command "frobnicate"'],
    ["an unknown option", ["decode", "--yaml"], "--yaml"],
    ["two files", ["decode", "a.json", "b.json"], "decode takes one file"],
  ])("exits 2 on %s, pointing at --help", async (_, args, message) => {
    const ran = await cli(args)
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe("")
    expect(ran.stderr).toContain(message)
    expect(ran.stderr).toContain("--help")
  })
})
