import { GCP_REGIONS } from "../../components/shared/regions";
import { z } from "zod";
import { ENVIRONMENT_SECTION, SECTIONS } from "./index";
import { kubernetesSchema } from "./kubernetes";

/**
 * JSON Schema for `stacks/Pulumi.<env>.yaml`, generated from the zod sections so editors can
 * validate and complete stack files (`# yaml-language-server: $schema=./platform.schema.json`).
 * Profile invariants and cross-field rules are not expressible here; the program checks them.
 *
 * @example
 * ```ts
 * writeFileSync("stacks/platform.schema.json", JSON.stringify(stackFileJsonSchema(), null, 2));
 * ```
 */
export function stackFileJsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    "gcp:project": { type: "string", description: "GCP project id." },
    "gcp:region": { type: "string", enum: [...GCP_REGIONS], description: "GCP region, e.g. europe-west1." },
    "aws:region": { type: "string", description: "AWS region, e.g. us-east-1 (cloud aws)." },
    "aws:allowedAccountIds": {
      type: "array",
      items: { type: "string", pattern: "^\\d{12}$" },
      description:
        "The account guard: the only AWS accounts this stack may deploy to (required in staging and prod).",
    },
    "aws:profile": { type: "string", description: "Named profile from ~/.aws/config." },
    "aws:defaultTags": {
      type: "object",
      properties: { tags: { type: "object", additionalProperties: { type: "string" } } },
      additionalProperties: false,
    },
    "aws:assumeRoles": { type: "array", items: { type: "object", required: ["roleArn"] } },
    "platform:environment": {
      ...section(ENVIRONMENT_SECTION.schema),
      description: ENVIRONMENT_SECTION.description,
    },
  };
  for (const [key, s] of Object.entries(SECTIONS)) {
    properties[`platform:${key}`] = { ...section(s.schema as z.ZodType), description: s.description };
  }
  properties["platform:kubernetes"] = {
    ...section(kubernetesSchema),
    description:
      "Cloud kubernetes: context, namespace, ingress namespace, storage class, rates, backups object store, keysFrom, prometheus release.",
  };
  const cloudIs = (c: string) => ({
    properties: { "platform:environment": { properties: { cloud: { const: c } }, required: ["cloud"] } },
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Platform stack file (stacks/Pulumi.<env>.yaml)",
    type: "object",
    properties: {
      config: {
        type: "object",
        properties,
        required: ["platform:environment"],
        // gcp (the default) needs its project and region, aws its region; kubernetes neither.
        if: cloudIs("aws"),
        then: { required: ["aws:region"] },
        else: { if: cloudIs("kubernetes"), else: { required: ["gcp:project", "gcp:region"] } },
      },
      // Read by the orchestrator only; Pulumi ignores unknown top-level keys in stack files.
      "platform-orchestrator": {
        type: "object",
        description: "Orchestrator settings: stacks this one depends on (deployed first, destroyed last).",
        properties: { dependsOn: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    },
    required: ["config"],
  };
}

function section(schema: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete out["$schema"];
  return out;
}
