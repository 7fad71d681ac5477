import { describe, expect, it } from "vitest"
import { catalog, catalogByTag, signInErrorTags } from "../src/index.js"
import { parseTemplate } from "../src/internal/template.js"

describe("the catalog", () => {
  it("holds the twelve sign-in errors of Clerk's index, with unique tags", () => {
    expect(catalog).toHaveLength(12)
    expect(new Set(signInErrorTags).size).toBe(12)
    expect(Object.keys(catalogByTag)).toEqual([...signInErrorTags])
  })

  it("shares a code only between entries told apart by text", () => {
    const byCode = new Map<string, Array<(typeof catalog)[number]>>()
    for (const entry of catalog) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry])
    for (const [, list] of byCode) {
      if (list.length > 1) for (const entry of list) expect(entry.recognise.by).not.toBe("code")
    }
    expect([...byCode.keys()].filter((code) => byCode.get(code)!.length > 1)).toEqual(["resource_forbidden"])
  })

  it("gives every long-message parameter a placeholder in the current template", () => {
    for (const entry of catalog) {
      const names = entry.longMessage === undefined ? [] : parseTemplate(entry.longMessage).names
      for (const [name, source] of Object.entries(entry.params)) {
        if (source.from === "longMessage") expect(names).toContain(name)
      }
      for (const name of names) expect(Object.keys(entry.params)).toContain(name)
    }
  })

  it("has statuses Clerk documents (400, 403, 404)", () => {
    for (const entry of catalog) expect([400, 403, 404]).toContain(entry.status)
  })

  it("is frozen where it is derived", () => {
    expect(Object.isFrozen(catalogByTag)).toBe(true)
    expect(Object.isFrozen(signInErrorTags)).toBe(true)
  })
})
