/**
 * Peer: ajv, a JSON Schema compiled to a validator, then the shared mapping.
 * JSON Schema checks the shape; the set of codes is open (spec section 2), so
 * telling the twelve apart is the mapping's work, as it would be in a service.
 */
import { Ajv } from "ajv"
import { toResponse, type Either, type ValidatedEnvelope } from "./mapping.js"

const object = { type: ["object", "null"] }

const validate = new Ajv().compile({
  type: "object",
  required: ["errors"],
  properties: {
    errors: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { type: "string" }, message: { type: "string" }, long_message: { type: ["string", "null"] }, meta: object },
      },
    },
    meta: object,
    clerk_trace_id: { type: ["string", "null"] },
  },
})

export const decode = (u: unknown): Either<string, object> =>
  validate(u) ? toResponse(u as ValidatedEnvelope) : { _tag: "Left", left: "invalid" }
