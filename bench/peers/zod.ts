/**
 * Peer: zod 4, idiomatically: a `discriminatedUnion` on `code` with one loose
 * object per catalog code (loose so that unknown keys reach `extra`), a
 * fallback member for every other code, then the shared mapping.
 *
 * zodCompiled.ts runs the same schema through `z.compile`.
 */
import * as z from "zod"
import { catalogCodes, toResponse, type Either, type ValidatedEnvelope } from "./mapping.js"

const Meta = z.record(z.string(), z.unknown()).nullish()

const member = <C extends z.ZodType<string>>(code: C) =>
  z.looseObject({ code, message: z.string(), long_message: z.string().nullish(), meta: Meta })

const known = z.discriminatedUnion(
  "code",
  catalogCodes.map((code) => member(z.literal(code))) as unknown as [ReturnType<typeof member>, ...Array<ReturnType<typeof member>>],
)

const ClerkError = z.union([known, member(z.string())])

export const Envelope = z.looseObject({
  errors: z.array(ClerkError).min(1),
  meta: Meta,
  clerk_trace_id: z.string().nullish(),
})

export const decoderOf = (schema: typeof Envelope) => (u: unknown): Either<string, object> => {
  const result = schema.safeParse(u)
  return result.success ? toResponse(result.data as ValidatedEnvelope) : { _tag: "Left", left: "invalid" }
}

export const decode = decoderOf(Envelope)
