import { describe, expect, it } from "vitest"
import { parseTemplate, readTemplate, renderTemplate } from "../src/internal/template.js"

describe("templates", () => {
  const template = parseTemplate("We were unable to complete {action} for this Client. {resolution}")

  it("parse into literals and names", () => {
    expect(template.literals).toEqual(["We were unable to complete ", " for this Client. ", ""])
    expect(template.names).toEqual(["action", "resolution"])
  })

  it("render and read back", () => {
    const text = renderTemplate(template, { action: "sign_in", resolution: "Start over." })
    expect(readTemplate(template, text)).toEqual(["sign_in", "Start over."])
  })

  it("read a missing parameter as undefined", () => {
    expect(readTemplate(template, renderTemplate(template, {}))).toEqual([undefined, undefined])
  })

  it("return undefined for text that does not follow the template", () => {
    expect(readTemplate(template, "Something else")).toBeUndefined()
    expect(readTemplate(template, "We were unable to complete it")).toBeUndefined()
  })

  it("stay linear on adversarial text (repeated template fragments)", () => {
    const text = "We were unable to complete " + " for this Client".repeat(60_000)
    expect(readTemplate(template, text)).toBeUndefined()
    const prefixOnly = parseTemplate("No sign in was found with id {signInId}")
    expect(readTemplate(prefixOnly, "No sign in was found with id " + "x".repeat(1_000_000))?.[0]).toHaveLength(1_000_000)
  })
})
