/**
 * Peer: valibot 1: a `variant` on `code` with one loose object per catalog
 * code and a last member whose code is any string, then the shared mapping.
 */
import * as v from "valibot"
import { catalogCodes, toResponse, type Either, type ValidatedEnvelope } from "./mapping.js"

const Meta = v.nullish(v.record(v.string(), v.unknown()))

const member = <C extends v.GenericSchema<string>>(code: C) =>
  v.looseObject({ code, message: v.string(), long_message: v.nullish(v.string()), meta: Meta })

const ClerkError = v.variant("code", [...catalogCodes.map((code) => member(v.literal(code))), member(v.string())])

const Envelope = v.looseObject({
  errors: v.pipe(v.array(ClerkError), v.nonEmpty()),
  meta: Meta,
  clerk_trace_id: v.nullish(v.string()),
})

export const decode = (u: unknown): Either<string, object> => {
  const result = v.safeParse(Envelope, u)
  return result.success ? toResponse(result.output as ValidatedEnvelope) : { _tag: "Left", left: "invalid" }
}
