// @ts-check
/**
 * Copies the CRD JSON schemas the platform's custom resources are validated against from a local
 * clone of datreeio/CRDs-catalog into test/fixtures/crds/<group>/<kind>_<version>.json, with the
 * schema `description` texts removed (they are most of the bytes and never affect validation), and
 * rewrites test/fixtures/crds/SOURCE.md with the repository, commit, paths and date.
 *
 *   node scripts/kubernetes-crd-schemas.mjs <path to a CRDs-catalog git dir or clone> [commit]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The schemas: every custom resource kind the Kubernetes components emit (kubernetes-anchors.md §10). */
export const CRD_SCHEMAS = [
  "postgresql.cnpg.io/cluster_v1.json",
  "postgresql.cnpg.io/scheduledbackup_v1.json",
  "barmancloud.cnpg.io/objectstore_v1.json",
  "cert-manager.io/certificate_v1.json",
  "cert-manager.io/issuer_v1.json",
  "cert-manager.io/clusterissuer_v1.json",
  "monitoring.coreos.com/prometheusrule_v1.json",
  "monitoring.coreos.com/servicemonitor_v1.json",
  "monitoring.coreos.com/podmonitor_v1.json",
  "monitoring.coreos.com/probe_v1.json",
  "monitoring.coreos.com/alertmanagerconfig_v1alpha1.json",
  "serving.knative.dev/service_v1.json",
];

const [repo, commitArg] = process.argv.slice(2);
if (!repo) {
  console.error("usage: node scripts/kubernetes-crd-schemas.mjs <CRDs-catalog git dir> [commit]");
  process.exit(2);
}
const git = (...args) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
const commit = git("rev-parse", commitArg ?? "HEAD").trim();
const date = git("show", "-s", "--format=%cI", commit).trim();

/** Drops string-valued `description` keys (schema annotations), keeping properties named "description". */
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "description" && typeof v === "string") continue;
    out[k] = strip(v);
  }
  return out;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "crds");
const rows = [];
for (const path of CRD_SCHEMAS) {
  const text = git("show", `${commit}:${path}`);
  const schema = strip(JSON.parse(text));
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  const out = JSON.stringify(schema) + "\n";
  writeFileSync(target, out);
  rows.push(`| \`${path}\` | ${text.length} | ${out.length} |`);
}
writeFileSync(
  join(root, "SOURCE.md"),
  [
    "# CRD schemas",
    "",
    "JSON schemas of the custom resources the Kubernetes components emit, used by",
    "test/support/kubernetes-schemas.ts (ajv, strict mode) to validate every object of the k8s stacks.",
    "",
    "- repository: https://github.com/datreeio/CRDs-catalog",
    `- commit: \`${commit}\``,
    `- commit date: ${date}`,
    "- files: `<group>/<kind>_<version>.json` at that commit, as listed below",
    "- change: string-valued `description` keys are removed (annotations only; no validation keyword is",
    "  touched). Everything else is byte-for-byte the catalog's schema, minified.",
    "- regenerate: `node scripts/kubernetes-crd-schemas.mjs <clone of the catalog> <commit>`",
    "",
    "| path | catalog bytes | stored bytes |",
    "|---|---:|---:|",
    ...rows,
    "",
  ].join("\n"),
);
console.log(`${CRD_SCHEMAS.length} schemas from ${commit} (${date})`);
