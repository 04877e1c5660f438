import { z } from "zod";
import { CLOUDS } from "../../components/shared/context";
import { PROFILES } from "../../components/shared/profiles";
import { awsEnvironmentSchema } from "./aws";
import { LABEL_KEY, oneOf, pattern, section, stringMap } from "./fields";

/**
 * `platform:environment`: which profile this stack runs, the application name and extra labels.
 *
 * @example
 * ```yaml
 * platform:environment:
 *   profile: prod
 *   app: shop
 *   labels: { team: payments, cost-center: cc-42 }
 * ```
 */
export const environmentSchema = section({
  /** dev | staging | prod: sets defaults and invariants for every other section. */
  profile: oneOf(PROFILES as unknown as ["dev", "staging", "prod"]),
  /** Application name: lowercase letters, digits and `-`, 2–20 characters, starting with a letter. */
  app: pattern(
    /^[a-z][a-z0-9-]{1,19}$/,
    "a lowercase name of 2–20 letters, digits or '-' starting with a letter",
  ),
  /** Extra labels on every labelable resource. @default {} */
  labels: stringMap(LABEL_KEY, "label keys (lowercase, start with a letter, ≤ 63)").optional(),
  /** gcp | aws | kubernetes: which implementation of every concept the program uses. @default gcp */
  cloud: oneOf(CLOUDS as unknown as ["gcp", "aws", "kubernetes"]).optional(),
  /** AWS network settings (cloud aws only). */
  aws: awsEnvironmentSchema.optional(),
});

/** Raw `platform:environment`. */
export type EnvironmentInput = z.infer<typeof environmentSchema>;
