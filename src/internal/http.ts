/**
 * Reading Clerk's answers for the adapters: a fetch `Response` that is not OK,
 * or what a Clerk SDK call rejected with. Both give a decoded
 * `ClerkErrorResponse` (recorded in `origin.ts`) or the fields of a
 * `ClerkDecodeError`, so that the Effect and fp-ts adapters differ only in
 * how they wrap the result. Nothing here throws or rejects.
 *
 * @internal
 */
import type { ClerkErrorResponse } from "../ClerkError.js"
import type { DecodeFailure } from "../decode.js"
import { decodeResponse } from "./decoder.js"
import { failureOf, runDecoder } from "./failure.js"
import { Issue } from "./json.js"
import { remember } from "./origin.js"

/** The fields of both adapters' `ClerkDecodeError`. */
export interface NotClerkResponse {
  /** One line: the status, what is wrong, and an excerpt of the body when there is one. */
  readonly message: string
  readonly failure: DecodeFailure
  readonly status: number | undefined
}

/** What an error answer turned out to be. */
export type Reading =
  | { readonly _tag: "ClerkErrorResponse"; readonly response: ClerkErrorResponse }
  | { readonly _tag: "NotClerkResponse"; readonly fields: NotClerkResponse }

const noContext: Parameters<typeof failureOf>[2] = []

const decoded = (response: ClerkErrorResponse): Reading => ({ _tag: "ClerkErrorResponse", response: remember(response) })

const EXCERPT_LENGTH = 100

/** The body as one short quoted line: whitespace runs collapsed, cut at 100 characters. */
export const excerpt = (text: string): string => {
  // Only the start is looked at: the body may be large.
  const line = text.slice(0, 4 * EXCERPT_LENGTH).replace(/\s+/g, " ").trim()
  const cut = line.length > EXCERPT_LENGTH || text.length > 4 * EXCERPT_LENGTH
  return JSON.stringify(cut ? line.slice(0, EXCERPT_LENGTH) + "…" : line)
}

/**
 * Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP-date
 * (RFC 9110, section 10.2.3, https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3).
 * A date in the past gives 0; anything else `undefined`. (Clerk's own SDK
 * reads only the seconds form: `parseInt`, see test/support/clerkStandIn.ts.)
 */
export const parseRetryAfter = (header: string | null, now: number): number | undefined => {
  if (header === null) return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}

const reasonOf = (cause: unknown): string => {
  try {
    return (cause instanceof Error ? cause.message : String(cause)).slice(0, 80)
  } catch {
    return "unknown reason"
  }
}

const notClerk = (label: string, failure: DecodeFailure, status: number | undefined, body: string | undefined): Reading => {
  const shown = body === undefined || body.trim() === "" ? "" : `; body ${excerpt(body)}`
  return {
    _tag: "NotClerkResponse",
    fields: { message: `${label}: not a Clerk error response (${failure.message})${shown}`, failure, status },
  }
}

/** Clerk's error bodies are a few kilobytes; a larger one is not read to the end. */
export const MAX_BODY_BYTES = 1 << 20

/** The body as text, or why it could not be read; reads at most `MAX_BODY_BYTES`. */
const readBody = async (res: Response): Promise<string | Issue> => {
  try {
    if (res.bodyUsed) return new Issue([], "a readable body", undefined, "one already read")
    if (res.body === null) return ""
    const reader = res.body.getReader()
    const decoder = new TextDecoder()
    let text = ""
    let size = 0
    for (;;) {
      const chunk = await reader.read()
      if (chunk.done) return text + decoder.decode()
      size += chunk.value.byteLength
      if (size > MAX_BODY_BYTES) {
        reader.cancel().catch(() => {})
        return new Issue([], `a body of at most ${MAX_BODY_BYTES} bytes`, undefined, "a larger one")
      }
      text += decoder.decode(chunk.value, { stream: true })
    }
  } catch (cause) {
    return new Issue([], "a readable body", undefined, `one that failed to read (${reasonOf(cause)})`)
  }
}

/**
 * Reads an error `Response` (one that is not `ok`): its body as JSON, then
 * as a Clerk error body, with the response's status and `Retry-After`.
 * Consumes the body.
 */
export const readErrorResponse = async (res: Response): Promise<Reading> => {
  const status = res.status
  const label = res.statusText === "" ? `HTTP ${status}` : `HTTP ${status} ${res.statusText}`
  const text = await readBody(res)
  if (text instanceof Issue) return notClerk(label, failureOf(text, "body", noContext), status, undefined)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    const issue = new Issue([], "JSON text", text, text.trim() === "" ? "an empty body" : "text that is not JSON")
    return notClerk(label, failureOf(issue, "response", noContext), status, text)
  }
  const retryAfter = parseRetryAfter(res.headers.get("retry-after"), Date.now())
  const result = runDecoder(() => decodeResponse(json, status, retryAfter), "response", noContext)
  return result._tag === "Right" ? decoded(result.right) : notClerk(label, result.left, status, text)
}

/**
 * The status of `u` when it is what Clerk's SDKs throw for an HTTP error answer, a
 * `ClerkAPIResponseError` (@clerk/shared's `errors/clerkApiResponseError`:
 * `clerkError: true`, `code: "api_response_error"`, `errors`, `status`).
 * Told by shape, not `instanceof`, so that any copy of @clerk/shared counts;
 * its `ClerkRuntimeError` also has `clerkError: true` but no `errors`.
 *
 * The status is required: when `fetch` itself fails (connection refused),
 * @clerk/backend throws a `ClerkAPIResponseError` too, with no status and a
 * made-up `{ code: "unexpected_error", message: "fetch failed" }`
 * (`buildRequest` in node_modules/@clerk/backend/dist/chunk-WJJ2QJZH.mjs).
 * That is not Clerk's answer, so it is not read as one.
 */
const statusOfClerkAPIResponseError = (u: unknown): number | undefined => {
  try {
    if (typeof u !== "object" || u === null) return undefined
    const o = u as { code?: unknown; clerkError?: unknown; errors?: unknown; status?: unknown }
    const isOne = Array.isArray(o.errors) && (o.code === "api_response_error" || o.clerkError === true)
    return isOne && typeof o.status === "number" ? o.status : undefined
  } catch {
    return undefined
  }
}

/**
 * Reads what a Clerk SDK call rejected with: a `ClerkAPIResponseError` of
 * an HTTP answer becomes a `Reading`; anything else is not Clerk's answer
 * (`undefined`), and the caller keeps it as it is.
 */
export const readSdkRejection = (cause: unknown): Reading | undefined => {
  const status = statusOfClerkAPIResponseError(cause)
  if (status === undefined) return undefined
  const result = runDecoder(() => decodeResponse(cause), "response", noContext)
  if (result._tag === "Right") return decoded(result.right)
  let statusText = ""
  try {
    // The SDK puts the HTTP status text in `message` ("Bad Gateway").
    const message = (cause as { message?: unknown }).message
    statusText = typeof message === "string" ? message.slice(0, 80) : ""
  } catch {
    // A throwing getter: the failure already says what was wrong.
  }
  const http = statusText === "" ? `HTTP ${status}` : `HTTP ${status} ${statusText}`
  return notClerk(`Clerk SDK error, ${http}`, result.left, status, undefined)
}
