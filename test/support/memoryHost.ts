/** A TypeScript compiler host that also serves files held in memory, for tests that compile generated programs. */
import { resolve } from "node:path"
import ts from "typescript"

/** A host for `options` that reads `files` (absolute path → text) before the disk, and reports them as existing. */
export const memoryHost = (options: ts.CompilerOptions, files: ReadonlyMap<string, string>): ts.CompilerHost => {
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, language, ...rest) => {
    const text = files.get(resolve(fileName))
    return text === undefined ? getSourceFile(fileName, language, ...rest) : ts.createSourceFile(fileName, text, language)
  }
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (fileName) => files.has(resolve(fileName)) || fileExists(fileName)
  const readFile = host.readFile.bind(host)
  host.readFile = (fileName) => files.get(resolve(fileName)) ?? readFile(fileName)
  return host
}
