import * as pulumi from "@pulumi/pulumi";
import {
  installRecordingMocks,
  type RecordedResource,
  type RecordingOptions,
} from "../../orchestrator/synth/recorder";

export type { RecordedResource };

/**
 * Awaits an Output's value (undefined when unknown). Tests always await: an assertion inside an
 * un-awaited `.apply` passes vacuously.
 */
export function promiseOf<T>(output: pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/** GCP invokes the components may call under test, answered with realistic data. */
export const GCP_INVOKES: RecordingOptions["invokes"] = {
  "gcp:organizations/getProject:getProject": (i: any) => ({
    projectId: i.projectId ?? "acme-test",
    number: "123456789012",
    name: i.projectId ?? "acme-test",
  }),
};

/** Realistic output state for resources whose outputs the components read. */
export function gcpState(type: string, name: string, inputs: any): Record<string, unknown> {
  switch (type) {
    case "gcp:sql/databaseInstance:DatabaseInstance":
      return {
        connectionName: `${inputs.project ?? "acme-test"}:${inputs.region ?? "europe-west1"}:${inputs.name ?? name}`,
        privateIpAddress: "10.10.0.3",
        selfLink: `https://sqladmin.googleapis.com/sql/v1beta4/projects/acme-test/instances/${inputs.name ?? name}`,
      };
    case "gcp:kms/keyRing:KeyRing":
      return { id: `projects/acme-test/locations/${inputs.location}/keyRings/${inputs.name ?? name}` };
    case "gcp:redis/instance:Instance":
      return { host: "10.20.0.4", port: 6378, authString: "redis-auth-from-mock", serverCaCerts: [] };
    case "gcp:cloudrunv2/service:Service":
      return { uri: `https://${inputs.name ?? name}-abc123-ew.a.run.app` };
    case "gcp:secretmanager/secret:Secret":
      return { name: `projects/123456789012/secrets/${inputs.secretId ?? name}` };
    case "gcp:serviceaccount/account:Account":
      return { email: `${inputs.accountId ?? name}@acme-test.iam.gserviceaccount.com` };
    default:
      return {};
  }
}

/**
 * Installs the recording mock runtime for a unit test file. Call in `beforeAll`.
 *
 * @example
 * ```ts
 * let rec: Awaited<ReturnType<typeof setupMocks>>;
 * beforeAll(async () => { rec = await setupMocks(); });
 * ```
 */
export async function setupMocks(stack = "test", project = "platform") {
  const rec = await installRecordingMocks({ project, stack, invokes: GCP_INVOKES, state: gcpState });
  return {
    ...rec,
    /** Resources of a type, optionally filtered by logical name. */
    ofType(type: string, name?: string): RecordedResource[] {
      return rec.resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    },
    /** Exactly one resource of a type with this name; throws listing what exists otherwise. */
    find(type: string, name: string): RecordedResource {
      const hits = rec.resources.filter((r) => r.type === type && r.name === name);
      if (hits.length !== 1) {
        const names = rec.resources.filter((r) => r.type === type).map((r) => r.name);
        throw new Error(
          `expected one ${type} named ${name}, found ${hits.length}; have: ${names.join(", ")}`,
        );
      }
      return hits[0]!;
    },
    /** Counts per type among resources whose name starts with `prefix`. */
    counts(prefix = ""): Record<string, number> {
      const out: Record<string, number> = {};
      for (const r of rec.resources) if (r.name.startsWith(prefix)) out[r.type] = (out[r.type] ?? 0) + 1;
      return out;
    },
    /** Forget what was recorded (between tests in one file). */
    reset(): void {
      rec.resources.length = 0;
    },
  };
}
