// Generated from src/catalog.ts by `npm run generate`: edit the catalog, not this file.
/**
 * The catalog compiled to source, for the two paths where V8 needs to see
 * each variant written out. Everything else reads the catalog as data.
 *
 * @internal
 */
import type { ClerkError } from "../ClerkError.js"

type Meta = Readonly<Record<string, unknown>> | undefined

/**
 * Builds the frozen variant of the catalog entry at `index`; `params` holds its
 * parameters' values in catalog order.
 *
 * One object literal per variant, with every key: the value is allocated
 * with its final hidden class. Adding the parameters one by one to a shared
 * literal took a map transition per key through a megamorphic keyed store,
 * and a second allocation for the properties past the literal's six.
 */
export const buildVariant = (
  index: number,
  code: string,
  shortMessage: string,
  longMessage: string | undefined,
  meta: Meta,
  extra: Meta,
  params: ReadonlyArray<string | undefined>,
): object => {
  switch (index) {
    case 0:
      return Object.freeze({ _tag: "SingleModeSessionExists", code, shortMessage, longMessage, meta, extra })
    case 1:
      return Object.freeze({ _tag: "AlreadySignedIn", code, shortMessage, longMessage, meta, extra, sessionId: params[0] })
    case 2:
      return Object.freeze({ _tag: "AccountTransferInvalid", code, shortMessage, longMessage, meta, extra })
    case 3:
      return Object.freeze({ _tag: "InvalidClientStateForAction", code, shortMessage, longMessage, meta, extra, action: params[0], resolution: params[1] })
    case 4:
      return Object.freeze({ _tag: "InvalidStrategyForUser", code, shortMessage, longMessage, meta, extra })
    case 5:
      return Object.freeze({ _tag: "IdentificationClaimed", code, shortMessage, longMessage, meta, extra })
    case 6:
      return Object.freeze({ _tag: "MutationOnOlderSignInNotAllowed", code, shortMessage, longMessage, meta, extra })
    case 7:
      return Object.freeze({ _tag: "SignInNotFound", code, shortMessage, longMessage, meta, extra, signInId: params[0] })
    case 8:
      return Object.freeze({ _tag: "IdentificationBelongsToDifferentUser", code, shortMessage, longMessage, meta, extra })
    case 9:
      return Object.freeze({ _tag: "NoSecondFactorsForStrategy", code, shortMessage, longMessage, meta, extra, strategy: params[0] })
    case 10:
      return Object.freeze({ _tag: "SignInNoIdentificationForUser", code, shortMessage, longMessage, meta, extra })
    case 11:
      return Object.freeze({ _tag: "SignInIdentificationOrUserDeleted", code, shortMessage, longMessage, meta, extra })
  }
  throw new RangeError(`buildVariant: no catalog entry ${index}`)
}

/** A handler per tag, any of them missing (`matchErrorOrElse`, or a caller outside the types). */
export type DispatchHandlers = { readonly [Tag in ClerkError["_tag"]]?: unknown }

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
 */
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
