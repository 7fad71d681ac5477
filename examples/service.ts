/**
 * An example sign-in service written with Effect: `npm start`.
 *
 * It starts the loopback Clerk stand-in (test/support/clerkStandIn.ts, no
 * network needed) and walks a user through sign-in attempts against its
 * Frontend API with the global `fetch`. Each attempt meets one of the twelve
 * sign-in errors, an unknown Clerk error, a rate limit, a gateway page, or
 * success; one exhaustive handler decides what the service does and what it
 * answers its own client (HTTP status and message). One line per attempt.
 *
 * A real Frontend API answers from the client's state; the stand-in is told
 * which answer to give by the `x-scenario` header.
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { pathToFileURL } from "node:url"
import { catchSignInErrors, failOnErrorResponse, responseOf } from "../src/effect.js"
import { signInErrorTags, type ClerkError, type SignInErrorTag } from "../src/index.js"
import { startClerkStandIn, type ScenarioName } from "../test/support/clerkStandIn.js"

/** One thing the user does, and the answer the stand-in gives to it. */
export interface Attempt {
  readonly step: string
  readonly method: "GET" | "POST"
  readonly path: string
  readonly body?: string
  readonly scenario: ScenarioName
}

/** What the service does about an attempt, and what it answers its client. */
export interface Reply {
  /** What Clerk answered, in short. */
  readonly clerk: string
  /** What the service does next. */
  readonly action: string
  /** The HTTP status and message the service answers with. */
  readonly status: number
  readonly message: string
}

const signIn = "/v1/client/sign_ins"
const current = `${signIn}/sia_2xyz`

/** An attempt per sign-in error: a new catalog entry is a compile error here until it has one. */
const attemptsBySignInError: { readonly [Tag in SignInErrorTag]: Attempt } = {
  SingleModeSessionExists: { step: "sign in while already signed in", method: "POST", path: signIn, body: "identifier=ada@example.com", scenario: "session_exists" },
  AlreadySignedIn: { step: "sign in again as the same user", method: "POST", path: signIn, body: "identifier=ada@example.com", scenario: "identifier_already_signed_in" },
  AccountTransferInvalid: { step: "transfer a sign-up that has no account", method: "POST", path: signIn, body: "transfer=true", scenario: "account_transfer_invalid" },
  InvalidClientStateForAction: { step: "attempt a password on a reset client", method: "POST", path: `${current}/attempt_first_factor`, body: "strategy=password", scenario: "client_state_invalid" },
  InvalidStrategyForUser: { step: "use a password on a Google-only account", method: "POST", path: `${current}/attempt_first_factor`, body: "strategy=password", scenario: "strategy_for_user_invalid" },
  IdentificationClaimed: { step: "finish a sign-up whose email was taken", method: "POST", path: signIn, body: "transfer=true", scenario: "identification_claimed" },
  MutationOnOlderSignInNotAllowed: { step: "update the sign-in from a stale tab", method: "POST", path: `${current}/prepare_first_factor`, body: "strategy=email_code", scenario: "mutation_on_older_sign_in_not_allowed" },
  SignInNotFound: { step: "resume an expired sign-in", method: "GET", path: current, scenario: "sign_in_not_found" },
  IdentificationBelongsToDifferentUser: { step: "verify another user's email", method: "POST", path: `${current}/prepare_first_factor`, body: "strategy=email_code", scenario: "identification_belongs_to_different_user" },
  NoSecondFactorsForStrategy: { step: "ask for a TOTP code", method: "POST", path: `${current}/prepare_second_factor`, body: "strategy=totp", scenario: "no_second_factors" },
  SignInNoIdentificationForUser: { step: "sign in with a ticket", method: "POST", path: signIn, body: "strategy=ticket", scenario: "sign_in_no_identification_for_user" },
  SignInIdentificationOrUserDeleted: { step: "enter the code of a deleted account", method: "POST", path: `${current}/attempt_first_factor`, body: "strategy=email_code", scenario: "sign_in_identification_or_user_deleted" },
}

/** The walk: the twelve in catalog order, then what else a sign-in meets. */
export const attempts: ReadonlyArray<Attempt> = [
  ...signInErrorTags.map((tag) => attemptsBySignInError[tag]),
  { step: "type a wrong password", method: "POST", path: `${current}/attempt_first_factor`, body: "strategy=password", scenario: "form_password_incorrect" },
  { step: "retry too fast", method: "POST", path: signIn, body: "identifier=ada@example.com", scenario: "too_many_requests" },
  { step: "sign in during an outage", method: "POST", path: signIn, body: "identifier=ada@example.com", scenario: "gateway_html_502" },
  { step: "sign in", method: "POST", path: signIn, body: "identifier=ada@example.com", scenario: "success" },
]

/** `fetch` itself failed: not Clerk's answer. */
class FrontendApiUnreachable extends Data.TaggedError("FrontendApiUnreachable")<{ readonly cause: unknown }> {}

/** What Clerk answered: the status, the variant (or the unknown code) and the start of the trace id. */
const heard = (e: ClerkError): string => {
  const response = responseOf(e)
  const what = e._tag === "UnknownClerkError" ? `unknown code ${e.code}` : e._tag
  return `${response?.status ?? "?"} ${what} (trace ${response?.traceId?.slice(0, 8) ?? "none"})`
}

const reply = (e: ClerkError, action: string, status: number, message: string) =>
  Effect.succeed<Reply>({ clerk: heard(e), action, status, message })

const startOver = (e: ClerkError) => reply(e, "start the sign-in over", 409, "Your sign-in has expired. Please start again.")

/** One attempt, end to end: the error channel is empty at the end, so the compiler holds us to every case. */
export const attempt = (frontendApi: string, a: Attempt): Effect.Effect<Reply> =>
  Effect.tryPromise({
    try: (signal) =>
      fetch(`${frontendApi}${a.path}`, {
        method: a.method,
        headers: { "x-scenario": a.scenario, "content-type": "application/x-www-form-urlencoded" },
        ...(a.body === undefined ? {} : { body: a.body }),
        signal,
      }),
    catch: (cause) => new FrontendApiUnreachable({ cause }),
  }).pipe(
    Effect.flatMap(failOnErrorResponse),
    Effect.flatMap((res) => Effect.promise(() => res.json() as Promise<{ response?: { status?: string } }>)),
    Effect.map((body): Reply => ({
      clerk: "200 sign_in_attempt",
      action: `continue: ${body.response?.status ?? "unknown status"}`,
      status: 200,
      message: "Check your email for a code.",
    })),
    catchSignInErrors({
      SingleModeSessionExists: (e) => reply(e, "activate the client's last active session", 200, "Welcome back."),
      AlreadySignedIn: (e) =>
        e.sessionId === undefined
          ? reply(e, "refresh the client to find the session", 409, "You are already signed in.")
          : reply(e, `activate session ${e.sessionId}`, 200, "Welcome back."),
      AccountTransferInvalid: (e) => reply(e, "start the sign-up over", 409, "There is no account to transfer. Please sign up."),
      InvalidClientStateForAction: (e) =>
        reply(e, `refresh the client (${e.action ?? "?"}: ${e.resolution ?? "no resolution"})`, 409, "Please start over."),
      InvalidStrategyForUser: (e) => reply(e, "retry with the identifier only", 422, "This account has no password. Continue with your email."),
      IdentificationClaimed: (e) => reply(e, "start the sign-up over", 409, "This email now belongs to another account. Please sign up again."),
      MutationOnOlderSignInNotAllowed: startOver,
      SignInNotFound: (e) => reply(e, `forget ${e.signInId}, refresh the client, start over`, 404, "Your sign-in has expired. Please start again."),
      IdentificationBelongsToDifferentUser: (e) => reply(e, "ask for another identifier", 422, "This email belongs to another account."),
      NoSecondFactorsForStrategy: (e) =>
        reply(e, `offer a second factor other than ${e.strategy ?? "this one"}`, 422, "Choose another verification method."),
      SignInNoIdentificationForUser: (e) => reply(e, "start over with another identifier", 422, "This link cannot be used. Please sign in again."),
      SignInIdentificationOrUserDeleted: (e) => reply(e, "start the sign-in over", 410, "This account no longer exists."),
    }),
    Effect.catchTags({
      UnknownClerkError: (e) => {
        const response = responseOf(e)
        const field = e.meta?.param_name
        if (response?.retryAfter !== undefined) {
          return reply(e, `wait ${response.retryAfter}s`, 429, e.shortMessage)
        }
        return typeof field === "string"
          ? reply(e, `show the message next to ${field}`, 422, e.shortMessage)
          : reply(e, "pass Clerk's message on", response?.status ?? 400, e.shortMessage)
      },
      ClerkDecodeError: (e) =>
        Effect.succeed<Reply>({
          clerk: `${e.status ?? "?"} not a Clerk error body`,
          action: "report that Clerk's answer was unreadable",
          status: 503,
          message: "Sign-in is unavailable. Try again later.",
        }),
      FrontendApiUnreachable: () =>
        Effect.succeed<Reply>({ clerk: "no answer", action: "retry later", status: 503, message: "Sign-in is unavailable." }),
    }),
  )

/** One line per attempt. */
export const formatLine = (index: number, a: Attempt, r: Reply): string =>
  `${String(index + 1).padStart(2)}. ${a.step.padEnd(39)} Clerk: ${r.clerk.padEnd(58)} → ${r.action}; answer ${r.status} "${r.message}"`

/** Starts the stand-in, walks every attempt, prints a line for each, stops the stand-in. */
export const runService = (print: (line: string) => void): Effect.Effect<ReadonlyArray<Reply>> =>
  Effect.acquireUseRelease(
    Effect.promise(() => startClerkStandIn()),
    (standIn) =>
      Effect.forEach(attempts, (a, i) =>
        Effect.map(attempt(standIn.url, a), (r) => {
          print(formatLine(i, a, r))
          return r
        }),
      ),
    (standIn) => Effect.promise(() => standIn.close()),
  )

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Effect.runPromise(runService((line) => console.log(line))).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
