/**
 * The bench's agreement check (bench/agreement.ts) on a small batch: the
 * hand-written baselines, our other entry points and every peer must
 * produce what `decodeErrorResponse` produces, so that a baseline that
 * drifts from the catalog fails CI instead of making the bench's ratios
 * meaningless. Times nothing; speed is measured by `npm run bench` only.
 */
import { describe, expect, it } from "vitest"
import { checkBaselines, checkSubject, type Agreement } from "../bench/agreement.js"
import { decodeResponse } from "../bench/baselines/handWritten.js"
import { subjects, type Fn, type Subject } from "../bench/subjects.js"
import { composition, workloads } from "../bench/workload.js"

const small = workloads({ size: 400, singleSize: 5 })

const explain = (a: Agreement): string =>
  a.disagreements.map((d) => `${d.workload}[${d.index}]\n  expected ${d.expected}\n  got      ${d.got}`).join("\n")

describe("the bench's workload", () => {
  it("draws every one of the twelve, unknown codes and malformed bodies, from a fixed seed", () => {
    const [mixed] = small
    const counts = composition(mixed!.inputs)
    expect(counts["sign-in"]).toBeGreaterThan(300)
    expect(counts.unknownErrors).toBeGreaterThan(0)
    expect(counts.malformed).toBeGreaterThan(0)
    // Same seed, same texts.
    expect(workloads({ size: 400, singleSize: 5 })[0]!.inputs.map((i) => i.text)).toEqual(mixed!.inputs.map((i) => i.text))
  })
})

describe("agreement with decodeErrorResponse", () => {
  it("the hand-written guard produces the same values (object and text input)", async () => {
    for (const a of await checkBaselines(small)) {
      expect(a.agreed, `${a.name}\n${explain(a)}`).toBe(true)
      expect(a.checked).toBe(small.reduce((n, w) => n + w.inputs.length, 0))
    }
  })

  // The 2nd copy of the guard is the same module loaded twice; JSON.parse alone decodes nothing.
  const checked = subjects.filter((s) => s.group !== "noise" && s.agreement !== "none")

  it.each(checked.map((s) => [s.label, s] as const))("%s agrees", async (_label, subject: Subject) => {
    const a = await checkSubject(subject, small)
    expect(a).toBeDefined()
    expect(a!.agreed, `${a!.name}\n${explain(a!)}`).toBe(true)
    expect(a!.checked).toBeGreaterThan(400)
  }, 30_000)
})

describe("the check itself", () => {
  const drifted = (change: (right: Record<string, unknown>) => Record<string, unknown>): Subject => ({
    id: "drifted",
    label: "drifted guard",
    group: "peer",
    input: "object",
    baseline: "guard",
    agreement: "values",
    load: async () =>
      ((u: unknown) => {
        const result = decodeResponse(u)
        return result._tag === "Right" ? { _tag: "Right", right: change(result.right as unknown as Record<string, unknown>) } : result
      }) as Fn,
  })

  const renamedParam = (right: Record<string, unknown>) =>
    Object.freeze({
      ...right,
      errors: Object.freeze(
        (right.errors as Array<Record<string, unknown>>).map((e) =>
          e._tag === "NoSecondFactorsForStrategy" ? Object.freeze({ ...e, strategy: "sms" }) : e,
        ),
      ),
    })

  it("fails a decoder whose parameters drifted, at either strength", async () => {
    for (const agreement of ["values", "tags"] as const) {
      const a = await checkSubject({ ...drifted(renamedParam), agreement }, small)
      expect(a!.agreed).toBe(false)
      expect(a!.disagreements[0]!.got).toContain('"strategy":"sms"')
    }
  })

  it("fails values that are not frozen, or that share an object with the input", async () => {
    const thawed = await checkSubject(drifted((right) => ({ ...right })), small)
    expect(thawed!.agreed).toBe(false)
    expect(thawed!.disagreements[0]!.got).toBe("right is not frozen")

    const sharing: Subject = {
      ...drifted((right) => right),
      load: async () =>
        ((u: unknown) => {
          const result = decodeResponse(u)
          if (result._tag === "Left") return result
          const meta = (u as { meta?: unknown }).meta
          return { _tag: "Right", right: Object.freeze({ ...result.right, meta: meta ?? result.right.meta }) }
        }) as Fn,
    }
    const shared = await checkSubject(sharing, small)
    expect(shared!.agreed).toBe(false)
    expect(shared!.disagreements.some((d) => d.got === "right.meta is shared with the input")).toBe(true)
  })
})
