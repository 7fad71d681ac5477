/**
 * The agreement check: before anything is timed, every decoder runs over
 * the workloads and must produce what our decoder produces. Run by the bench
 * (a subject that disagrees is reported as wrong and not timed) and by
 * test/benchAgreement.test.ts on a small batch (so a baseline that drifts
 * from the catalog fails CI).
 *
 * Two strengths:
 * - `values`: the same values exactly (every field, `undefined` included),
 *   frozen all the way down, and sharing no object with the input. For the
 *   hand-written baselines and our own other entry points, which claim the
 *   library's guarantees.
 * - `tags`: the same outcome (Left or Right) and, per error, the same `_tag`
 *   and parameters. For peer libraries.
 */
import { inputsOf, loadBaseline, type BaselineKind, type Fn, type Subject } from "./subjects.js"
import type { Workload } from "./workload.js"

export interface Disagreement {
  readonly workload: string
  readonly index: number
  readonly expected: string
  readonly got: string
}

export interface Agreement {
  readonly name: string
  readonly strength: "values" | "tags"
  readonly checked: number
  readonly agreed: boolean
  /** The first few disagreements, for the report. */
  readonly disagreements: ReadonlyArray<Disagreement>
  readonly disagreementCount: number
}

const BASE_FIELDS: ReadonlySet<string> = new Set(["_tag", "code", "shortMessage", "longMessage", "meta", "extra"])

interface EitherLike {
  readonly _tag?: unknown
  readonly right?: { readonly errors?: ReadonlyArray<Record<string, unknown>> }
}

/** `Left`, or the tags and parameters of each error. */
const tagsAndParams = (result: unknown): string => {
  const r = result as EitherLike | null
  if (r?._tag === "Left") return "Left"
  if (r?._tag !== "Right" || !Array.isArray(r.right?.errors)) return `not an Either: ${String(r?._tag)}`
  return JSON.stringify(
    r.right.errors.map((error: Record<string, unknown>) => {
      const out: Record<string, unknown> = { _tag: error._tag }
      for (const key of Object.keys(error)) if (!BASE_FIELDS.has(key)) out[key] = error[key] ?? null
      return out
    }),
  )
}

/** Every object reachable from `u`. */
const objectsOf = (u: unknown, into = new Set<object>()): Set<object> => {
  if (typeof u !== "object" || u === null || into.has(u)) return into
  into.add(u)
  for (const key of Object.keys(u)) objectsOf((u as Record<string, unknown>)[key], into)
  return into
}

/** The whole value, `undefined` fields included, keys in order; or why it breaks a guarantee. */
const fullValue = (result: unknown, input: unknown): string => {
  const r = result as EitherLike | null
  if (r?._tag === "Left") return "Left"
  if (r?._tag !== "Right") return `not an Either: ${String(r?._tag)}`
  const fromInput = objectsOf(input)
  let broken: string | undefined
  const walk = (u: unknown, path: string): unknown => {
    if (typeof u !== "object" || u === null) return u === undefined ? "<undefined>" : u
    if (fromInput.has(u)) broken ??= `${path} is shared with the input`
    if (!Object.isFrozen(u)) broken ??= `${path} is not frozen`
    if (Array.isArray(u)) return u.map((item, i) => walk(item, `${path}[${i}]`))
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(u)) out[key] = walk((u as Record<string, unknown>)[key], `${path}.${key}`)
    return out
  }
  const value = JSON.stringify(walk(r.right, "right"))
  return broken ?? value
}

const MAX_REPORTED = 3

const compare = (
  name: string,
  strength: "values" | "tags",
  run: Fn,
  workloads: ReadonlyArray<{ readonly name: string; readonly inputs: ReadonlyArray<unknown>; readonly originals: ReadonlyArray<unknown>; readonly expected: ReadonlyArray<unknown> }>,
): Agreement => {
  const disagreements: Array<Disagreement> = []
  let count = 0
  let checked = 0
  for (const w of workloads) {
    for (let i = 0; i < w.inputs.length; i++) {
      let got: string
      try {
        const result = (run as (u: unknown) => unknown)(w.inputs[i])
        got = strength === "values" ? fullValue(result, w.originals[i]) : tagsAndParams(result)
      } catch (cause) {
        got = `threw ${String(cause)}`
      }
      const expected = strength === "values" ? fullValue(w.expected[i], w.originals[i]) : tagsAndParams(w.expected[i])
      checked++
      if (got !== expected) {
        count++
        if (disagreements.length < MAX_REPORTED) disagreements.push({ workload: w.name, index: i, expected, got })
      }
    }
  }
  return { name, strength, checked, agreed: count === 0, disagreements, disagreementCount: count }
}

const matchingCompare = (name: string, run: Fn, reference: Fn, workloads: ReadonlyArray<{ readonly name: string; readonly inputs: ReadonlyArray<unknown> }>): Agreement => {
  const disagreements: Array<Disagreement> = []
  let count = 0
  let checked = 0
  for (const w of workloads) {
    for (let i = 0; i < w.inputs.length; i++) {
      const expected = String((reference as (u: unknown) => unknown)(w.inputs[i]))
      let got: string
      try {
        got = String((run as (u: unknown) => unknown)(w.inputs[i]))
      } catch (cause) {
        got = `threw ${String(cause)}`
      }
      checked++
      if (got !== expected) {
        count++
        if (disagreements.length < MAX_REPORTED) disagreements.push({ workload: w.name, index: i, expected, got })
      }
    }
  }
  return { name, strength: "values", checked, agreed: count === 0, disagreements, disagreementCount: count }
}

/** Our decoder's results on each workload: the reference. */
const referenceOf = async (workloads: ReadonlyArray<Workload>) => {
  const { decodeErrorResponse } = await import("../src/decode.js")
  return workloads.map((w) => ({
    name: w.name,
    originals: w.inputs.map((input) => input.value),
    expected: w.inputs.map((input) => decodeErrorResponse(input.value)),
    workload: w,
  }))
}

/** Checks one subject against our decoder (or, for matching, against the hand-written switch). */
export const checkSubject = async (subject: Subject, workloads: ReadonlyArray<Workload>): Promise<Agreement | undefined> => {
  if (subject.agreement === "none") return undefined
  const run = await subject.load()
  if (subject.input === "errors") {
    const reference = await loadBaseline("switch")
    const cases = await Promise.all(workloads.map(async (w) => ({ name: w.name, inputs: await inputsOf("errors", w) })))
    return matchingCompare(subject.label, run, reference, cases)
  }
  const reference = await referenceOf(workloads)
  const cases = await Promise.all(
    reference.map(async (r) => ({ ...r, inputs: await inputsOf(subject.input, r.workload) })),
  )
  return compare(subject.label, subject.agreement, run, cases)
}

const BASELINE_LABELS: Readonly<Record<BaselineKind, string>> = {
  guard: "hand-written guard",
  "guard-text": "hand-written guard on text",
  switch: "hand-written switch",
}

/**
 * Checks the hand-written baselines themselves: the guard (object and text)
 * must produce our values exactly. The switch has no reference beyond the
 * types; `matchError` is checked against it.
 */
export const checkBaselines = async (workloads: ReadonlyArray<Workload>): Promise<ReadonlyArray<Agreement>> => {
  const reference = await referenceOf(workloads)
  const out: Array<Agreement> = []
  for (const kind of ["guard", "guard-text"] as const) {
    const run = await loadBaseline(kind)
    const cases = await Promise.all(
      reference.map(async (r) => ({ ...r, inputs: await inputsOf(kind === "guard" ? "object" : "text", r.workload) })),
    )
    out.push(compare(BASELINE_LABELS[kind], "values", run, cases))
  }
  return out
}
