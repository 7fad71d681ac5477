/**
 * The command line, as a function of its arguments and its I/O so that it
 * runs the same from the bin and from a test. `src/cli.ts` wires it to the
 * process.
 *
 * @internal
 */
import { parseArgs } from "node:util"
import { catalog, catalogByTag, type ParameterSource } from "../catalog.js"
import type { ClerkError, ClerkErrorResponse } from "../ClerkError.js"
import { decodeClerkError, decodeErrorResponseJson, type DecodeFailure } from "../decode.js"

/** What the command line reads and writes. */
export interface CliIO {
  readonly version: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Reads standard input to its end. */
  readonly readStdin: () => Promise<string>
  readonly readFile: (path: string) => Promise<string>
  /** Whether standard input is a terminal (then `decode` says what it waits for). */
  readonly stdinIsTTY: boolean
}

/** Exit statuses, as grep has them: 1 is the expected "no", 2 is trouble. */
export const ExitCode = { ok: 0, notDecoded: 1, trouble: 2 } as const

const NAME = "clerk-sign-in-errors"

export const usage = `Usage: ${NAME} <command> [options]

Decode Clerk error payloads into clerk-sign-in-errors' typed errors.

Commands:
  decode [file|-]  Decode a Clerk error body, a single Clerk error, or the
                   JSON of a Clerk SDK error, read from file (standard input
                   when file is - or absent). An HTTP response head before
                   the body (as curl -i prints) gives the status. Prints
                   one line per error: tag, code, parameters, status.
  catalog          List the twelve sign-in errors: tag, code, documented
                   HTTP status, parameters.

Options:
  --json           Print JSON: the decoded value, or the catalog
  -h, --help       Show this help
  -v, --version    Show the version

Exit status: 0 decoded (unknown codes included), 1 not a Clerk error,
2 bad usage or unreadable input.

Examples:
  ${NAME} decode response.json
  pbpaste | ${NAME} decode --json
  curl -si https://<frontend-api>/v1/client/sign_ins -d identifier=x | ${NAME} decode
`

/** A string parameter or the undefined of an unknown one; quoted so spaces and `=` stay readable. */
const showValue = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : "undefined")

/** The names of an error's parameters, read off the catalog. */
const paramNames = (error: ClerkError): ReadonlyArray<string> =>
  error._tag === "UnknownClerkError" ? [] : Object.keys(catalogByTag[error._tag].params)

/** `AlreadySignedIn identifier_already_signed_in sessionId="sess_1" status=400` */
export const errorLine = (error: ClerkError, status: number | undefined): string => {
  const fields = [error._tag, error.code]
  const values = error as unknown as Readonly<Record<string, unknown>>
  for (const name of paramNames(error)) fields.push(`${name}=${showValue(values[name])}`)
  if (error._tag === "UnknownClerkError") {
    // Its tag says nothing: the form field Clerk blames (spec section 6) and the message say what happened.
    const paramName = error.meta?.param_name
    if (typeof paramName === "string") fields.push(`paramName=${showValue(paramName)}`)
    fields.push(`message=${showValue(error.shortMessage)}`)
  }
  fields.push(`status=${status ?? "unknown"}`)
  return fields.join(" ")
}

const describeSource = (name: string, source: ParameterSource): string =>
  source.from === "meta" ? `${name} (meta.${source.key})` : `${name} (long message)`

/** The catalog as aligned columns: tag, code, status, parameters. */
export const catalogTable = (): string => {
  const rows = catalog.map((entry) => [
    entry.tag,
    entry.code,
    String(entry.status),
    Object.entries(entry.params as Readonly<Record<string, ParameterSource>>)
      .map(([name, source]) => describeSource(name, source))
      .join(", "),
  ])
  const header = ["TAG", "CODE", "STATUS", "PARAMETERS"]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n")
}

/** The input after any HTTP heads (`curl -i`, with `100 Continue` heads before the last one), and what they said. */
export interface SplitInput {
  readonly body: string
  readonly status: number | undefined
  readonly retryAfter: number | undefined
}

const statusLine = /^HTTP\/\d(?:\.\d)? (\d{3})\b/
const headEnd = /\r?\n\r?\n/

export const splitHttpHead = (text: string): SplitInput => {
  let body = text.replace(/^\uFEFF/, "").trimStart()
  let status: number | undefined
  let retryAfter: number | undefined
  for (let line = statusLine.exec(body); line !== null; line = statusLine.exec(body)) {
    const end = headEnd.exec(body)
    const head = end === null ? body : body.slice(0, end.index)
    body = end === null ? "" : body.slice(end.index + end[0].length)
    status = Number(line[1])
    retryAfter = undefined
    for (const header of head.split(/\r?\n/).slice(1)) {
      const colon = header.indexOf(":")
      if (colon > 0 && header.slice(0, colon).trim().toLowerCase() === "retry-after") {
        // Seconds only; an HTTP-date is left out, as Clerk's SDKs do (parseInt).
        const value = header.slice(colon + 1).trim()
        if (/^\d+$/.test(value)) retryAfter = Number(value)
      }
    }
  }
  return { body, status, retryAfter }
}

/** What `decode` made of its input. */
export type Decoded =
  | { readonly _tag: "Response"; readonly value: ClerkErrorResponse }
  | { readonly _tag: "Error"; readonly value: ClerkError }
  | { readonly _tag: "Failure"; readonly failure: DecodeFailure }

const isObject = (u: unknown): u is object => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Decodes the text of `decode`: an error body (wire or SDK JSON), else a
 * single error. When both fail, the failure shown is the one about the shape
 * the input looks like: a single error if it has `code` or `message` and no
 * `errors`, an error body otherwise.
 */
export const decodeInput = (text: string): Decoded => {
  const { body, status, retryAfter } = splitHttpHead(text)
  const response = decodeErrorResponseJson(body)
  if (response._tag === "Right") {
    const value = response.right
    if (status === undefined && retryAfter === undefined) return { _tag: "Response", value }
    // The HTTP head's facts win over an SDK error's, as in the adapters.
    return {
      _tag: "Response",
      value: Object.freeze({ ...value, status: status ?? value.status, retryAfter: retryAfter ?? value.retryAfter }),
    }
  }
  let u: unknown
  try {
    u = JSON.parse(body)
  } catch {
    return { _tag: "Failure", failure: response.left } // not JSON: the failure says so
  }
  const error = decodeClerkError(u)
  if (error._tag === "Right") return { _tag: "Error", value: error.right }
  const looksLikeOneError = isObject(u) && !("errors" in u) && ("code" in u || "message" in u)
  return { _tag: "Failure", failure: looksLikeOneError ? error.left : response.left }
}

class UsageError extends Error {}

/** parseArgs throws `TypeError`s coded `ERR_PARSE_ARGS_*` (an unknown option, a value given to a flag). */
const isParseArgsError = (u: unknown): u is TypeError =>
  u instanceof TypeError && String((u as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS_")

const readInput = async (file: string | undefined, io: CliIO): Promise<{ readonly text: string; readonly source: string }> => {
  if (file === undefined || file === "-") {
    if (io.stdinIsTTY) io.stderr("Paste a Clerk error body, then press Ctrl-D (Ctrl-Z Enter on Windows).\n")
    return { text: await io.readStdin(), source: "stdin" }
  }
  return { text: await io.readFile(file), source: file }
}

const decodeCommand = async (args: ReadonlyArray<string>, json: boolean, io: CliIO): Promise<number> => {
  if (args.length > 1) throw new UsageError(`decode takes one file, got ${args.length}`)
  let input: { readonly text: string; readonly source: string }
  try {
    input = await readInput(args[0], io)
  } catch (cause) {
    io.stderr(`${NAME}: cannot read ${args[0] ?? "stdin"}: ${cause instanceof Error ? cause.message : String(cause)}\n`)
    return ExitCode.trouble
  }
  const decoded = decodeInput(input.text)
  switch (decoded._tag) {
    case "Failure":
      io.stderr(`${NAME}: ${input.source} is not a Clerk error: ${decoded.failure.message}\n`)
      return ExitCode.notDecoded
    case "Response":
      io.stdout(
        json
          ? `${JSON.stringify(decoded.value, null, 2)}\n`
          : decoded.value.errors.map((e) => `${errorLine(e, decoded.value.status)}\n`).join(""),
      )
      return ExitCode.ok
    case "Error":
      io.stdout(json ? `${JSON.stringify(decoded.value, null, 2)}\n` : `${errorLine(decoded.value, undefined)}\n`)
      return ExitCode.ok
  }
}

/** Runs the command line; resolves to the exit status. Never rejects. */
export const run = async (argv: ReadonlyArray<string>, io: CliIO): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    })
    if (values.help === true || positionals[0] === "help") {
      io.stdout(usage)
      return ExitCode.ok
    }
    if (values.version === true) {
      io.stdout(`${io.version}\n`)
      return ExitCode.ok
    }
    const [command, ...rest] = positionals
    const json = values.json === true
    switch (command) {
      case "decode":
        return await decodeCommand(rest, json, io)
      case "catalog":
        if (rest.length > 0) throw new UsageError(`catalog takes no arguments, got ${rest.join(" ")}`)
        io.stdout(json ? `${JSON.stringify(catalog, null, 2)}\n` : `${catalogTable()}\n`)
        return ExitCode.ok
      case undefined:
        throw new UsageError("missing command")
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`)
    }
  } catch (cause) {
    if (cause instanceof UsageError || isParseArgsError(cause)) {
      io.stderr(`${NAME}: ${cause.message}\nRun ${NAME} --help for usage.\n`)
      return ExitCode.trouble
    }
    io.stderr(`${NAME}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`)
    return ExitCode.trouble
  }
}
