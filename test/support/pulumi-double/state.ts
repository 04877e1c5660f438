/**
 * Checkpoint types (Pulumi deployment v3, `apitype.DeploymentV3`) and the conversions between the
 * on-disk form (secrets as ciphertext) and the in-memory form (secrets as `{sig, value}`).
 */
import type { Crypter } from "./crypto";
import { CliError } from "./errors";
import { isSecret, mapSecrets, SECRET_SIG, SIG, type Props } from "./props";

/** One resource in a checkpoint (the subset of `apitype.ResourceV3` the double uses). */
export interface ResourceState {
  urn: string;
  custom: boolean;
  delete?: boolean;
  id?: string;
  type: string;
  inputs?: Props;
  outputs?: Props;
  parent?: string;
  protect?: boolean;
  external?: boolean;
  dependencies?: string[];
  provider?: string;
  propertyDependencies?: Record<string, string[]>;
  pendingReplacement?: boolean;
  additionalSecretOutputs?: string[];
  aliases?: string[];
  importID?: string;
  retainOnDelete?: boolean;
  deletedWith?: string;
  created?: string;
  modified?: string;
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
}

/** An operation that was in flight when the checkpoint was written. */
export interface PendingOperation {
  resource: ResourceState;
  type: "creating" | "updating" | "deleting" | "reading" | "importing";
}

/** `apitype.DeploymentV3`. */
export interface DeploymentV3 {
  manifest: { time: string; magic: string; version: string };
  secrets_providers?: { type: string; state?: { salt?: string } };
  resources?: ResourceState[];
  pending_operations?: PendingOperation[];
}

/** The export format: `apitype.UntypedDeployment`. */
export interface UntypedDeployment {
  version: number;
  deployment: DeploymentV3;
}

/** A fresh manifest. */
export function manifest(version: string): DeploymentV3["manifest"] {
  return { time: new Date().toISOString(), magic: "", version };
}

function mapResourceProps(r: ResourceState, fn: (p: Props) => Props): ResourceState {
  const out: ResourceState = { ...r };
  if (r.inputs) out.inputs = fn(r.inputs);
  if (r.outputs) out.outputs = fn(r.outputs);
  return out;
}

/** Maps inputs and outputs of every resource (and pending operation) of a deployment. */
export function mapDeploymentProps(d: DeploymentV3, fn: (p: Props) => Props): DeploymentV3 {
  const out: DeploymentV3 = { ...d };
  if (d.resources) out.resources = d.resources.map((r) => mapResourceProps(r, fn));
  if (d.pending_operations) {
    out.pending_operations = d.pending_operations.map((o) => ({
      ...o,
      resource: mapResourceProps(o.resource, fn),
    }));
  }
  return out;
}

/** In-memory props → on-disk props (secrets encrypted). */
export function encryptProps(p: Props, crypter: Crypter): Props {
  return mapSecrets(p, (s) => ({
    [SIG]: SECRET_SIG,
    ciphertext: crypter.encrypt(JSON.stringify(s["value"] ?? null)),
  })) as Props;
}

/** On-disk or exported props → in-memory props (ciphertext decrypted, plaintext parsed). */
export function decryptProps(p: Props, crypter: Crypter | undefined): Props {
  return mapSecrets(p, (s) => {
    if ("value" in s) return s;
    if (typeof s["plaintext"] === "string") {
      return { [SIG]: SECRET_SIG, value: JSON.parse(s["plaintext"]) };
    }
    if (typeof s["ciphertext"] === "string") {
      if (!crypter) throw new CliError("cannot decrypt secrets: no secrets provider");
      let plain: string;
      try {
        plain = crypter.decrypt(s["ciphertext"]);
      } catch {
        throw new CliError(
          "failed to decrypt secret value: the ciphertext was not encrypted with this stack's secrets provider",
        );
      }
      return { [SIG]: SECRET_SIG, value: JSON.parse(plain) };
    }
    throw new CliError("malformed secret value in deployment");
  }) as Props;
}

/** In-memory props → exported props with `plaintext` secrets (`stack export --show-secrets`). */
export function plaintextProps(p: Props): Props {
  return mapSecrets(p, (s) => ({
    [SIG]: SECRET_SIG,
    plaintext: JSON.stringify(s["value"] ?? null),
  })) as Props;
}

/** True when the value (on disk or in memory) is a secret. */
export { isSecret };

/**
 * Checks that every parent, provider and dependency of a resource appears before it, as the real
 * engine's `snapshot.VerifyIntegrity` does; returns the first problem found.
 */
export function verifyIntegrity(resources: readonly ResourceState[]): string | undefined {
  const seen = new Set<string>();
  for (const r of resources) {
    if (r.parent && !seen.has(r.parent)) return `resource ${r.urn} refers to unknown parent ${r.parent}`;
    if (r.provider) {
      const provUrn = r.provider.split("::").slice(0, -1).join("::");
      if (!seen.has(provUrn)) return `resource ${r.urn} refers to unknown provider ${provUrn}`;
    }
    for (const d of r.dependencies ?? []) {
      if (!seen.has(d)) return `resource ${r.urn}'s dependency ${d} refers to missing resource`;
    }
    seen.add(r.urn);
  }
  return undefined;
}
