/**
 * Everything the bench runs: our three entry points, the baselines, the
 * floor for text, and the peer libraries. Each is loaded lazily, so that a
 * child process imports its own subject and its baseline and nothing else.
 */
import type { Input, Workload } from "./workload.js"

/** What a subject is fed: parsed bodies, JSON text, or decoded errors (for matching). */
export type InputKind = "object" | "text" | "errors"

/** Which hand-written baseline a subject is measured against. */
export type BaselineKind = "guard" | "guard-text" | "switch"

export type Fn = (input: never) => unknown

export interface Subject {
  readonly id: string
  readonly label: string
  readonly group: "ours" | "noise" | "floor" | "peer"
  readonly input: InputKind
  readonly baseline: BaselineKind
  /**
   * How it is checked against our decoder before timing: `values` (same
   * values, frozen, for the baseline and our other entry points), `tags`
   * (same tags and parameters, for peers), `none` (the floor, which decodes
   * nothing).
   */
  readonly agreement: "values" | "tags" | "none"
  readonly load: () => Promise<Fn>
}

export const subjects: ReadonlyArray<Subject> = [
  {
    id: "decodeErrorResponse",
    label: "decodeErrorResponse",
    group: "ours",
    input: "object",
    baseline: "guard",
    agreement: "values",
    load: async () => (await import("../src/decode.js")).decodeErrorResponse,
  },
  {
    id: "decodeErrorResponseJson",
    label: "decodeErrorResponseJson",
    group: "ours",
    input: "text",
    baseline: "guard-text",
    agreement: "values",
    load: async () => (await import("../src/decode.js")).decodeErrorResponseJson,
  },
  {
    id: "matchError",
    label: "matchError",
    group: "ours",
    input: "errors",
    baseline: "switch",
    agreement: "values",
    load: async () => (await import("./baselines/matching.js")).viaMatchError,
  },
  {
    id: "matchError-8",
    label: "matchError, 8 handler objects",
    group: "ours",
    input: "errors",
    baseline: "switch",
    agreement: "values",
    load: async () => (await import("./baselines/matching.js")).viaMatchErrorEightCallSites,
  },
  {
    id: "baseline-copy",
    label: "hand-written guard (2nd copy)",
    group: "noise",
    input: "object",
    baseline: "guard",
    agreement: "values",
    // A query string makes Node load a second instance of the module: same
    // code, its own functions and inline caches. Its ratio shows the noise.
    load: async () => {
      const secondCopy: string = "./baselines/handWritten.js?copy=2"
      return ((await import(secondCopy)) as typeof import("./baselines/handWritten.js")).decodeResponse
    },
  },
  {
    id: "JSON.parse",
    label: "JSON.parse alone",
    group: "floor",
    input: "text",
    baseline: "guard-text",
    agreement: "none",
    load: async () => (await import("./peers/jsonParse.js")).decode,
  },
  {
    id: "io-ts",
    label: "io-ts t.union (naive)",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "tags",
    load: async () => (await import("./peers/ioTs.js")).decode,
  },
  {
    id: "zod",
    label: "zod 4 discriminatedUnion",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "tags",
    load: async () => (await import("./peers/zod.js")).decode,
  },
  {
    id: "zod-compiled",
    label: "zod 4 z.compile",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "tags",
    load: async () => (await import("./peers/zodCompiled.js")).decode,
  },
  {
    id: "valibot",
    label: "valibot 1 variant",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "tags",
    load: async () => (await import("./peers/valibot.js")).decode,
  },
  {
    id: "effect",
    label: "effect 4 Schema",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "tags",
    load: async () => (await import("./peers/effect.js")).decode,
  },
  {
    id: "effect-jit",
    label: "effect 4 Schema JIT",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "tags",
    load: async () => (await import("./peers/effectJit.js")).decode,
  },
  {
    id: "ajv",
    label: "ajv JSON Schema",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "tags",
    load: async () => (await import("./peers/ajv.js")).decode,
  },
]

export const subjectById = (id: string): Subject => {
  const subject = subjects.find((s) => s.id === id)
  if (subject === undefined) throw new Error(`bench: no subject "${id}" (have ${subjects.map((s) => s.id).join(", ")})`)
  return subject
}

export const loadBaseline = async (kind: BaselineKind): Promise<Fn> => {
  switch (kind) {
    case "guard":
      return (await import("./baselines/handWritten.js")).decodeResponse
    case "guard-text":
      return (await import("./baselines/handWritten.js")).decodeResponseJson
    case "switch":
      return (await import("./baselines/matching.js")).viaSwitch
  }
}

/**
 * The inputs of a workload as a subject takes them. Errors to match are the
 * workload's bodies decoded by our decoder, every error of every body.
 */
export const inputsOf = async (kind: InputKind, workload: Workload): Promise<ReadonlyArray<unknown>> => {
  switch (kind) {
    case "object":
      return workload.inputs.map((input: Input) => input.value)
    case "text":
      return workload.inputs.map((input: Input) => input.text)
    case "errors": {
      const { decodeErrorResponse } = await import("../src/decode.js")
      return workload.inputs.flatMap((input: Input) => {
        const result = decodeErrorResponse(input.value)
        return result._tag === "Right" ? result.right.errors : []
      })
    }
  }
}
