/**
 * Peer: a naive io-ts codec, as one would first write it: `t.union` of one
 * `t.type` per catalog entry (the code as a literal) and a last member for
 * every other code, then the shared mapping. `t.union` tries its members in
 * order, so an unknown code fails through all twelve before the last one.
 */
import * as t from "io-ts"
import { catalog } from "../../src/catalog.js"
import { toResponse, type Either, type ValidatedEnvelope } from "./mapping.js"

const optionalFields = t.partial({
  long_message: t.union([t.string, t.null]),
  meta: t.union([t.UnknownRecord, t.null]),
})

const member = (code: t.Mixed) => t.intersection([t.type({ code, message: t.string }), optionalFields])

const ClerkError = t.union([
  member(t.literal(catalog[0].code)),
  member(t.literal(catalog[1].code)),
  ...catalog.slice(2).map((entry) => member(t.literal(entry.code))),
  member(t.string),
])

const Envelope = t.intersection([
  t.type({ errors: t.refinement(t.array(ClerkError), (errors) => errors.length > 0, "NonEmptyArray") }),
  t.partial({ meta: t.union([t.UnknownRecord, t.null]), clerk_trace_id: t.union([t.string, t.null]) }),
])

export const decode = (u: unknown): Either<string, object> => {
  const result = Envelope.decode(u)
  return result._tag === "Left" ? { _tag: "Left", left: "invalid" } : toResponse(result.right as ValidatedEnvelope)
}
