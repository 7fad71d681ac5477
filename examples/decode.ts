/**
 * Decodes a few Clerk error responses, as they arrive on the wire, and prints
 * what one exhaustive handler decides for each. Run: `npm run example:decode`.
 */
import * as E from "fp-ts/lib/Either.js"
import { pipe } from "fp-ts/lib/function.js"
import { decodeErrorResponseJson, matchError, type ClerkError } from "../src/index.js"

/** What a sign-in screen does about each error (spec section 6). */
const nextStep: (error: ClerkError) => string = matchError({
  SingleModeSessionExists: () => "activate the client's last active session",
  AlreadySignedIn: (e) => `activate session ${e.sessionId ?? "(unknown: refresh the client)"}`,
  AccountTransferInvalid: () => "start over: nothing to transfer",
  InvalidClientStateForAction: (e) => `refresh the client (${e.action ?? "action"}: ${e.resolution ?? "no resolution"})`,
  InvalidStrategyForUser: () => "retry with the identifier only",
  IdentificationClaimed: () => "sign up again",
  MutationOnOlderSignInNotAllowed: () => "start a new sign-in",
  SignInNotFound: (e) => `sign-in ${e.signInId} is gone: refresh the client and start over`,
  IdentificationBelongsToDifferentUser: () => "ask for another identifier",
  NoSecondFactorsForStrategy: (e) => `no ${e.strategy ?? "such"} second factor: offer another`,
  SignInNoIdentificationForUser: () => "start over with another identifier",
  SignInIdentificationOrUserDeleted: () => "start over",
  UnknownClerkError: (e) => {
    const field = e.meta?.param_name
    return typeof field === "string" ? `show "${e.shortMessage}" next to ${field}` : `show "${e.shortMessage}"`
  },
})

const bodies = [
  '{"errors":[{"code":"session_exists","message":"Session already exists","long_message":"You\'re already signed in.","meta":{}}],"clerk_trace_id":"4b24d0a5e1f8c3b7a9d2e6f0c1b3a5d7"}',
  '{"errors":[{"code":"identifier_already_signed_in","message":"You\'re already signed in","meta":{"session_id":"sess_2abc"}}]}',
  '{"errors":[{"code":"resource_not_found","message":"not found","long_message":"No sign in was found with id sia_2xyz","meta":{}}]}',
  '{"errors":[{"code":"strategy_for_user_invalid","message":"","long_message":"","meta":{}}]}',
  '{"errors":[{"code":"form_password_incorrect","message":"Password is incorrect. Try again, or use another method.","meta":{"param_name":"password"}}]}',
  '{"errors":[{"code":"resource_not_found","message":"Resource not found","long_message":"Resource not found","meta":{}}]}',
  "<html>502 Bad Gateway</html>",
]

for (const body of bodies) {
  const line = pipe(
    decodeErrorResponseJson(body),
    E.match(
      (failure) => `not a Clerk error: ${failure.message}`,
      (response) => response.errors.map((error) => `${error._tag} (${error.code}) → ${nextStep(error)}`).join("; "),
    ),
  )
  console.log(line)
}
