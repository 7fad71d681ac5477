/**
 * Peer: the effect Schema of effect.ts through Schema's JIT compiler
 * (`SchemaJITCompiler.enable`, node_modules/effect/src/schema/SchemaJITCompiler.ts),
 * which generates the decoder with `new Function` on first use. Its own
 * module, because enabling the compiler switches effect's parsers to their
 * compiled adapters for the whole process.
 */
import { SchemaJITCompiler } from "effect/schema"
import { decoderOf, schema } from "./effect.js"

const envelope = schema()
SchemaJITCompiler.enable(envelope.ast)

export const decode = decoderOf(envelope)
