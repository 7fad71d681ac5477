/**
 * Matching, two ways, over the same decoded errors: a hand-written `switch`
 * on `_tag` (the baseline) and `matchError` with a handler object, as a
 * caller writes them. Both return the same number per tag.
 *
 * The switch spells the thirteen tags out, which is its point; `satisfies
 * never` in its default makes a fourteenth a compile error here, and the
 * handler object is typed `ClerkErrorHandlers`, which requires every tag.
 */
import type { ClerkError } from "../../src/ClerkError.js"
import { matchError, type ClerkErrorHandlers } from "../../src/match.js"

export const viaSwitch = (error: ClerkError): number => {
  switch (error._tag) {
    case "SingleModeSessionExists":
      return 1
    case "AlreadySignedIn":
      return 2
    case "AccountTransferInvalid":
      return 3
    case "InvalidClientStateForAction":
      return 4
    case "InvalidStrategyForUser":
      return 5
    case "IdentificationClaimed":
      return 6
    case "MutationOnOlderSignInNotAllowed":
      return 7
    case "SignInNotFound":
      return 8
    case "IdentificationBelongsToDifferentUser":
      return 9
    case "NoSecondFactorsForStrategy":
      return 10
    case "SignInNoIdentificationForUser":
      return 11
    case "SignInIdentificationOrUserDeleted":
      return 12
    case "UnknownClerkError":
      return 13
    default:
      return error satisfies never
  }
}

const handlers: ClerkErrorHandlers<number> = {
  SingleModeSessionExists: () => 1,
  AlreadySignedIn: () => 2,
  AccountTransferInvalid: () => 3,
  InvalidClientStateForAction: () => 4,
  InvalidStrategyForUser: () => 5,
  IdentificationClaimed: () => 6,
  MutationOnOlderSignInNotAllowed: () => 7,
  SignInNotFound: () => 8,
  IdentificationBelongsToDifferentUser: () => 9,
  NoSecondFactorsForStrategy: () => 10,
  SignInNoIdentificationForUser: () => 11,
  SignInIdentificationOrUserDeleted: () => 12,
  UnknownClerkError: () => 13,
}

export const viaMatchError = (error: ClerkError): number => matchError(error, handlers)

/**
 * Eight handler objects for the same answers, as eight call sites of an
 * application would write them: functions of their own (`new Function`, so
 * that V8 sees eight different functions per tag, not eight closures of one
 * literal) and keys in eight orders (eight hidden classes).
 */
const callSites: ReadonlyArray<ClerkErrorHandlers<number>> = Array.from({ length: 8 }, (_, site) => {
  const entries = Object.entries(handlers)
  const rotated = [...entries.slice(site), ...entries.slice(0, site)]
  return Object.fromEntries(
    rotated.map(([tag, handler]) => [tag, new Function("error", `return ${handler(undefined as never)} // site ${site}`)]),
  ) as unknown as ClerkErrorHandlers<number>
})

let turn = 0

/**
 * `matchError` with the eight handler objects taken in turn: what the
 * dispatch costs when V8 cannot specialise it to one caller's handlers
 * (reported beside `viaMatchError`, not a target).
 */
export const viaMatchErrorEightCallSites = (error: ClerkError): number => {
  turn = (turn + 1) & 7
  return matchError(error, callSites[turn]!)
}
