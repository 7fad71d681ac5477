/**
 * From the decoder's `Issue` to the public `DecodeFailure`: the readable line
 * and the io-ts errors.
 *
 * @internal
 */
import type { Either } from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import type { DecodeFailure } from "../decode.js"
import { describe, Issue, type Path } from "./json.js"

/** `errors[0].meta.param_name` */
const formatPath = (path: Path): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else {
      // Keys come from the input: a 10 MB key must not make a 10 MB line.
      const key = segment.length > 60 ? segment.slice(0, 60) + "…" : segment
      out += out.length === 0 ? key : `.${key}`
    }
  }
  return out
}

/** The keys of an io-ts context, array indices as numbers. */
const contextPath = (context: t.Context): Path => {
  const path: Array<string | number> = []
  for (const entry of context) {
    if (entry.key === "") continue
    const index = Number(entry.key)
    path.push(Number.isInteger(index) && String(index) === entry.key ? index : entry.key)
  }
  return path
}

const leafTypes: Readonly<Record<string, t.Decoder<unknown, unknown>>> = {
  string: t.string,
  number: t.number,
  object: t.UnknownRecord,
  array: t.UnknownArray,
}

const leafType = (expected: string): t.Decoder<unknown, unknown> =>
  leafTypes[expected] ?? new t.Type<unknown>(expected, (_u): _u is unknown => false, t.failure, t.identity)

/** Turns an `Issue` into io-ts errors below `context` (the caller's path when a codec is embedded). */
export const issueToErrors = (issue: Issue, context: t.Context, message: string): t.Errors => {
  const entries: Array<t.ContextEntry> = [...context]
  const path = issue.path
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1
    entries.push({
      key: String(path[i]),
      type: last ? leafType(issue.expected) : t.unknown,
      actual: last ? issue.actual : undefined,
    })
  }
  return [{ value: issue.actual, context: entries, message }]
}

/** Builds a `DecodeFailure` from an `Issue`; `root` names the input when the path is empty. */
export const failureOf = (issue: Issue, root: string, context: t.Context): DecodeFailure => {
  // Embedded in a caller's codec, the line starts at the caller's root.
  const path = context.length <= 1 ? issue.path : [...contextPath(context), ...issue.path]
  const where = path.length === 0 ? root : formatPath(path)
  const message = oneLine(`${where}: expected ${issue.expected}, got ${issue.found ?? describe(issue.actual)}`)
  return { _tag: "DecodeFailure", message, errors: issueToErrors(issue, context, message) }
}

/**
 * The message with control characters escaped (`\n` → `\\n`): keys in the
 * path and a parser's or a getter's error text come from the input, and a
 * newline in them would forge lines in a log.
 */
const oneLine = (message: string): string => {
  let out = ""
  let from = 0
  for (let i = 0; i < message.length; i++) {
    const c = message.charCodeAt(i)
    if (c < 32 || c === 0x7f || c === 0x2028 || c === 0x2029) {
      const escaped = c === 10 ? "\\n" : c === 13 ? "\\r" : c === 9 ? "\\t" : `\\u${c.toString(16).padStart(4, "0")}`
      out += message.slice(from, i) + escaped
      from = i + 1
    }
  }
  return from === 0 ? message : out + message.slice(from)
}

/** A `DecodeFailure` for input that could not even be read (a throwing getter, a revoked `Proxy`). */
const unreadable = (root: string, cause: unknown, context: t.Context): DecodeFailure => {
  let reason: string
  try {
    // `String(...)`: an Error's `message` may be anything (42, an object), and must not throw here.
    reason = String(cause instanceof Error ? cause.message : cause)
  } catch {
    reason = "unknown reason"
  }
  return failureOf(new Issue([], "a readable value", cause, `one that threw when read (${reason.slice(0, 80)})`), root, context)
}

/** Runs the decoder, turning anything it throws (hostile getters, proxies) into a failure. */
export const runDecoder = <A>(
  run: () => A | Issue,
  root: string,
  context: t.Context,
): Either<DecodeFailure, A> => {
  let result: A | Issue
  try {
    result = run()
  } catch (cause) {
    return { _tag: "Left", left: unreadable(root, cause, context) }
  }
  return result instanceof Issue
    ? { _tag: "Left", left: failureOf(result, root, context) }
    : { _tag: "Right", right: result }
}

