/**
 * The effect version matrix: the Effect adapter's runtime tests, once per
 * supported effect, as three vitest projects. `effect` and `effect/*` are
 * aliased to the npm alias of each version (package.json devDependencies);
 * type checks per version are tsconfig.effect*.json (`npm run test:effect`
 * runs both). The default `vitest run` runs these tests once, on effect 4.
 */
import { defineConfig } from "vitest/config"

const versions = [
  { name: "effect 4", pkg: "effect", expected: "4." },
  { name: "effect 3.15", pkg: "effect-3-15", expected: "3.15." },
  { name: "effect 3 (latest)", pkg: "effect-3", expected: "3." },
] as const

export default defineConfig({
  test: {
    projects: versions.map(({ name, pkg, expected }) => ({
      resolve: { alias: [{ find: /^effect(\/.*)?$/, replacement: `${pkg}$1` }] },
      test: {
        name,
        include: ["test/effect.test.ts", "test/clerkBackend.test.ts", "test/service.test.ts"],
        env: { EFFECT_VERSION_EXPECTED: expected },
      },
    })),
  },
})
