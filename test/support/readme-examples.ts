/**
 * The README's examples (`examples/*.ts`, each shown verbatim in README.md) as a consumer of the
 * package would write them. In the repository they import the library by relative path
 * (`../components/network`); `npm run typecheck` checks them against the sources. The package test
 * (test/integration/package-consumer.test.ts) checks the same files against the installed tarball,
 * with each relative import turned into the package subpath that exports it.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";

/** The repository's examples folder. */
export const EXAMPLES_DIR = path.resolve(__dirname, "..", "..", "examples");

/**
 * The example files (names, sorted).
 *
 * @example
 * ```ts
 * exampleFiles(); // ["aws-platform.ts", "budget-alert.ts", …]
 * ```
 */
export function exampleFiles(dir: string = EXAMPLES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
}

/**
 * Repository folder (first segment of a relative import from examples/) → the package subpath
 * that exports it: every component folder is re-exported by the `components` entry point.
 */
export const PACKAGE_SUBPATHS = {
  components: "components",
  orchestrator: "orchestrator",
} as const;

const RELATIVE_IMPORT = /(from\s+|import\s*\(\s*)"(\.\.?\/[^"]*)"/g;

/**
 * Rewrites an example's relative imports (`"../components/network"`) to the package's subpaths
 * (`"@platform/pulumi-platform/components"`). Throws, naming the import, for a relative import with
 * no such subpath, so no example is silently left out of the consumer's type check.
 *
 * @example
 * ```ts
 * asPackageImports('import { Network } from "../components/network";', "@platform/pulumi-platform");
 * // 'import { Network } from "@platform/pulumi-platform/components";'
 * ```
 */
export function asPackageImports(source: string, packageName: string, file = "example"): string {
  return source.replace(RELATIVE_IMPORT, (_all, lead: string, specifier: string) => {
    const [dots, top] = specifier.split("/");
    const subpath = dots === ".." ? PACKAGE_SUBPATHS[top as keyof typeof PACKAGE_SUBPATHS] : undefined;
    if (!subpath)
      throw new Error(
        `${file}: import "${specifier}" has no package subpath (known: ${Object.keys(PACKAGE_SUBPATHS)
          .map((k) => `../${k}`)
          .join(", ")})`,
      );
    return `${lead}"${packageName}/${subpath}"`;
  });
}
