/**
 * Peer: the zod schema of zod.ts through `z.compile`, zod's generated fast
 * path (node_modules/zod/v4/core/compile.d.ts: "Returns a clone whose
 * `_zod.run` calls a generated fast path first and falls back to the
 * original runtime parser on failure"). Its own module, so that the plain
 * zod peer never sees compiled code.
 */
import * as z from "zod"
import { decoderOf, Envelope } from "./zod.js"

export const decode = decoderOf(z.compile(Envelope))
