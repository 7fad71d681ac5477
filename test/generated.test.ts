/**
 * src/internal/generated.ts, the catalog compiled to source: current with
 * the catalog, and each variant built with exactly the catalog's keys.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { dispatchTags, generatedPath, renderGenerated } from "../scripts/generate-source.js"
import { catalog } from "../src/catalog.js"
import { signInErrorTags } from "../src/index.js"
import { buildVariant, dispatch } from "../src/internal/generated.js"

const baseKeys = ["_tag", "code", "shortMessage", "longMessage", "meta", "extra"]

describe("src/internal/generated.ts", () => {
  it("is what `npm run generate` writes from the catalog", () => {
    expect(readFileSync(generatedPath, "utf8")).toBe(renderGenerated())
  })
})

describe("buildVariant", () => {
  it.each(catalog.map((entry, index) => [entry.tag, entry, index] as const))(
    "builds %s with its catalog keys, in order, frozen",
    (tag, entry, index) => {
      const names = Object.keys(entry.params)
      const meta = Object.freeze({ k: "v" })
      const value = buildVariant(index, entry.code, "short", "long", meta, undefined, names.map((name) => `${name}-value`))
      expect(Object.keys(value)).toEqual([...baseKeys, ...names])
      expect(value).toEqual({
        _tag: tag,
        code: entry.code,
        shortMessage: "short",
        longMessage: "long",
        meta,
        extra: undefined,
        ...Object.fromEntries(names.map((name) => [name, `${name}-value`])),
      })
      expect(Object.isFrozen(value)).toBe(true)
    },
  )

  it("keeps a parameter's key when its value is undefined", () => {
    catalog.forEach((entry, index) => {
      const value = buildVariant(index, entry.code, "", undefined, undefined, undefined, [])
      for (const name of Object.keys(entry.params)) {
        expect(Object.hasOwn(value, name), `${entry.tag}.${name}`).toBe(true)
        expect((value as Record<string, unknown>)[name]).toBeUndefined()
      }
    })
  })

  it("throws a RangeError for an index past the catalog", () => {
    expect(() => buildVariant(catalog.length, "x", "", undefined, undefined, undefined, [])).toThrow(RangeError)
  })
})

describe("dispatch", () => {
  it("has a case for every tag of ClerkError, and no other", () => {
    expect(dispatchTags).toEqual([...signInErrorTags, "UnknownClerkError"])
    const cases = [...readFileSync(generatedPath, "utf8").matchAll(/^ {4}case "(\w+)":/gm)].map((m) => m[1])
    expect(cases).toEqual(dispatchTags)
  })

  it("runs the handler of each tag, and orElse for a tag without one", () => {
    const handlers = Object.fromEntries(dispatchTags.map((tag) => [tag, (e: { _tag: string }) => `handled ${e._tag}`]))
    const orElse = (e: { _tag: string }) => `else ${e._tag}`
    for (const tag of dispatchTags) {
      expect(dispatch(handlers, { _tag: tag }, orElse)).toBe(`handled ${tag}`)
      expect(dispatch({}, { _tag: tag }, orElse)).toBe(`else ${tag}`)
      expect(dispatch({ [tag]: "not a function" }, { _tag: tag }, orElse)).toBe(`else ${tag}`)
    }
    expect(dispatch(handlers, { _tag: "toString" }, orElse)).toBe("else toString")
  })
})
