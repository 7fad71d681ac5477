/**
 * Peer: effect 4's Schema. One struct per catalog code (with a rest record,
 * so that unknown keys reach `extra`), a member for every other code, then
 * the shared mapping, through `Schema.decodeUnknownResult` (Schema's
 * non-throwing entry).
 *
 * `schema()` builds a fresh schema each call, so that effectJit.ts can hand
 * its own copy to the JIT compiler.
 */
import { Schema } from "effect"
import { catalogCodes, toResponse, type Either, type ValidatedEnvelope } from "./mapping.js"

export const schema = () => {
  const Meta = Schema.NullOr(Schema.Record(Schema.String, Schema.Unknown))
  const Rest = [Schema.Record(Schema.String, Schema.Unknown)] as const
  const member = <C extends Schema.Codec<string>>(code: C) =>
    Schema.StructWithRest(
      Schema.Struct({
        code,
        message: Schema.String,
        long_message: Schema.optionalKey(Schema.NullOr(Schema.String)),
        meta: Schema.optionalKey(Meta),
      }),
      Rest,
    )
  const ClerkError = Schema.Union([...catalogCodes.map((code) => member(Schema.Literal(code))), member(Schema.String)])
  return Schema.StructWithRest(
    Schema.Struct({
      errors: Schema.NonEmptyArray(ClerkError),
      meta: Schema.optionalKey(Meta),
      clerk_trace_id: Schema.optionalKey(Schema.NullOr(Schema.String)),
    }),
    Rest,
  )
}

export const decoderOf = (envelope: ReturnType<typeof schema>) => {
  const decodeResult = Schema.decodeUnknownResult(envelope)
  return (u: unknown): Either<string, object> => {
    const result = decodeResult(u)
    return result._tag === "Success" ? toResponse(result.success as unknown as ValidatedEnvelope) : { _tag: "Left", left: "invalid" }
  }
}

/** The interpreter: what `Schema.decodeUnknownResult` runs unless a compiler is enabled. */
export const decode = decoderOf(schema())
