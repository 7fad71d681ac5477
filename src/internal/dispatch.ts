// Generated from src/catalog.ts by `npm run generate:dispatch`: edit the catalog, not this file.
/**
 * Runs the handler of `error._tag`, or `orElse` when `handlers` has none.
 *
 * A `switch` with its own property load and its own call per tag, not
 * `handlers[error._tag](error)`: a keyed load whose key changes from call to
 * call goes megamorphic in V8 (a descriptor lookup each time), and one call
 * site that sees every handler can inline none of them. Here each case
 * reads a constant name, so its load stays monomorphic for a caller's
 * handler object, and calls through a site of its own, so V8 can inline
 * the handler as it would a hand-written `switch` (docs/performance.md).
 *
 * @internal
 */
import type { ClerkError } from "../ClerkError.js"

/** A handler per tag, any of them missing (`matchErrorOrElse`, or a caller outside the types). */
export type DispatchHandlers = { readonly [Tag in ClerkError["_tag"]]?: unknown }

export const dispatch = (
  handlers: DispatchHandlers,
  error: { readonly _tag: string },
  orElse: (error: { readonly _tag: string }) => unknown,
): unknown => {
  switch (error._tag) {
    case "SingleModeSessionExists": {
      const handler = handlers.SingleModeSessionExists
      if (typeof handler === "function") return handler(error)
      break
    }
    case "AlreadySignedIn": {
      const handler = handlers.AlreadySignedIn
      if (typeof handler === "function") return handler(error)
      break
    }
    case "AccountTransferInvalid": {
      const handler = handlers.AccountTransferInvalid
      if (typeof handler === "function") return handler(error)
      break
    }
    case "InvalidClientStateForAction": {
      const handler = handlers.InvalidClientStateForAction
      if (typeof handler === "function") return handler(error)
      break
    }
    case "InvalidStrategyForUser": {
      const handler = handlers.InvalidStrategyForUser
      if (typeof handler === "function") return handler(error)
      break
    }
    case "IdentificationClaimed": {
      const handler = handlers.IdentificationClaimed
      if (typeof handler === "function") return handler(error)
      break
    }
    case "MutationOnOlderSignInNotAllowed": {
      const handler = handlers.MutationOnOlderSignInNotAllowed
      if (typeof handler === "function") return handler(error)
      break
    }
    case "SignInNotFound": {
      const handler = handlers.SignInNotFound
      if (typeof handler === "function") return handler(error)
      break
    }
    case "IdentificationBelongsToDifferentUser": {
      const handler = handlers.IdentificationBelongsToDifferentUser
      if (typeof handler === "function") return handler(error)
      break
    }
    case "NoSecondFactorsForStrategy": {
      const handler = handlers.NoSecondFactorsForStrategy
      if (typeof handler === "function") return handler(error)
      break
    }
    case "SignInNoIdentificationForUser": {
      const handler = handlers.SignInNoIdentificationForUser
      if (typeof handler === "function") return handler(error)
      break
    }
    case "SignInIdentificationOrUserDeleted": {
      const handler = handlers.SignInIdentificationOrUserDeleted
      if (typeof handler === "function") return handler(error)
      break
    }
    case "UnknownClerkError": {
      const handler = handlers.UnknownClerkError
      if (typeof handler === "function") return handler(error)
      break
    }
  }
  return orElse(error)
}
