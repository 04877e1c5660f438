/**
 * The double's built-in "provider": a tiny schema per type token (which input changes force a
 * replacement, which outputs the provider computes) and the invokes it answers.
 *
 * Rules (documented in README.md):
 * - every custom resource: outputs = inputs + computed outputs + `id`;
 * - a change to `name` replaces any custom resource; `random:*` resources are replaced by any input
 *   change (as the real random provider does); `gcp:*` resources are also replaced by `project`,
 *   `location`, `region` or `zone` changes, plus the per-type keys below;
 * - `pulumi:providers:*` are updated in place, never replaced.
 */
import * as crypto from "node:crypto";
import { awsComputed, MOCK_AWS_ACCOUNT, type AwsPlace } from "../../../orchestrator/synth/aws-state";
import { unwrap, type Props } from "./props";

/** What the double knows about one type token. */
export interface TypeSchema {
  /** Input keys whose change forces a replacement ("*": any input). */
  readonly replaceOnChanges: readonly string[] | "*";
}

const GCP_REPLACE = ["name", "project", "location", "region", "zone"];
const GCP_TYPES: Record<string, readonly string[]> = {
  "gcp:kms/cryptoKey:CryptoKey": ["keyRing", "purpose", "skipInitialVersionCreation"],
  "gcp:secretmanager/secret:Secret": ["secretId", "replication"],
  "gcp:secretmanager/secretVersion:SecretVersion": ["secret", "secretData"],
  "gcp:serviceaccount/account:Account": ["accountId"],
  "gcp:sql/databaseInstance:DatabaseInstance": ["databaseVersion"],
  "gcp:sql/database:Database": ["instance"],
  "gcp:sql/user:User": ["instance"],
  "gcp:redis/instance:Instance": ["tier", "authorizedNetwork", "connectMode"],
  "gcp:compute/network:Network": ["autoCreateSubnetworks"],
  "gcp:compute/subnetwork:Subnetwork": ["network", "ipCidrRange"],
};

/** The schema of a type token. */
export function schemaFor(type: string): TypeSchema {
  if (type.startsWith("pulumi:providers:")) return { replaceOnChanges: [] };
  if (type.startsWith("random:")) return { replaceOnChanges: "*" };
  if (type.startsWith("gcp:")) return { replaceOnChanges: [...GCP_REPLACE, ...(GCP_TYPES[type] ?? [])] };
  return { replaceOnChanges: ["name"] };
}

/** Package of a type token (`random:index/randomString:RandomString` → `random`). */
export function packageOf(type: string): string {
  if (type.startsWith("pulumi:providers:")) return type.slice("pulumi:providers:".length);
  return type.split(":")[0]!;
}

function hex(n: number): string {
  return crypto
    .randomBytes(Math.ceil(n / 2))
    .toString("hex")
    .slice(0, n);
}

function str(v: unknown, dflt: string): string {
  const u = unwrap(v);
  return typeof u === "string" || typeof u === "number" || typeof u === "boolean" ? String(u) : dflt;
}

function num(v: unknown, dflt: number): number {
  const u = unwrap(v);
  return typeof u === "number" ? u : dflt;
}

function randomChars(inputs: Props): string {
  const length = num(inputs["length"], 16);
  let set = "";
  if (unwrap(inputs["lower"]) !== false) set += "abcdefghijklmnopqrstuvwxyz";
  if (unwrap(inputs["upper"]) !== false) set += "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  if (unwrap(inputs["numeric"]) !== false && unwrap(inputs["number"]) !== false) set += "0123456789";
  if (unwrap(inputs["special"]) !== false) {
    const o = unwrap(inputs["overrideSpecial"]);
    set += typeof o === "string" ? o : "!@#$%&*()-_=+[]{}<>:?";
  }
  if (set === "") set = "abcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let i = 0; i < length; i++) out += set[crypto.randomInt(set.length)];
  return out;
}

const PETS = ["ant", "bee", "cat", "dog", "eel", "fox", "gnu", "owl", "yak", "emu"];
const ADJS = ["able", "brave", "calm", "deep", "eager", "fair", "glad", "keen", "mild", "neat"];

/** Where AWS resources of this stack live: `aws:region` and the single `aws:allowedAccountIds` entry. */
function awsPlace(config: Props | undefined): AwsPlace {
  let ids: unknown = unwrap(config?.["aws:allowedAccountIds"]);
  if (typeof ids === "string") {
    try {
      ids = JSON.parse(ids);
    } catch {
      ids = [];
    }
  }
  const account =
    Array.isArray(ids) && ids.length === 1 && typeof ids[0] === "string" ? ids[0] : MOCK_AWS_ACCOUNT;
  return { region: str(config?.["aws:region"], "us-east-1"), account };
}

/** Outputs the provider computes on create (and keeps on update). */
function computed(type: string, name: string, inputs: Props, config: Props): { id: string; outs: Props } {
  // AWS ids and ARNs: deterministic and plausible (shared with synth's mock runtime).
  if (type.startsWith("aws:")) {
    const aws = awsComputed(type, name, unwrap(inputs) as Record<string, unknown>, awsPlace(config));
    if (aws) return aws;
  }
  const project = str(inputs["project"] ?? config["gcp:project"], "acme-test");
  const region = str(inputs["region"] ?? inputs["location"] ?? config["gcp:region"], "europe-west1");
  const nm = str(inputs["name"], `${name}-${hex(7)}`);
  switch (type) {
    case "random:index/randomString:RandomString": {
      const result = randomChars(inputs);
      return { id: result, outs: { result } };
    }
    case "random:index/randomPassword:RandomPassword":
      return { id: "none", outs: { result: randomChars(inputs), bcryptHash: `$2a$10$${hex(53)}` } };
    case "random:index/randomId:RandomId": {
      const bytes = crypto.randomBytes(num(inputs["byteLength"], 8));
      const prefix = str(inputs["prefix"], "");
      const b64Url = bytes.toString("base64url");
      return {
        id: b64Url,
        outs: {
          hex: prefix + bytes.toString("hex"),
          b64Std: prefix + bytes.toString("base64"),
          b64Url: prefix + b64Url,
          dec: prefix + BigInt(`0x${bytes.toString("hex") || "0"}`).toString(),
        },
      };
    }
    case "random:index/randomInteger:RandomInteger": {
      const min = num(inputs["min"], 0);
      const max = num(inputs["max"], min + 100);
      const result = min + crypto.randomInt(Math.max(1, max - min + 1));
      return { id: String(result), outs: { result } };
    }
    case "random:index/randomPet:RandomPet": {
      const length = num(inputs["length"], 2);
      const sep = str(inputs["separator"], "-");
      const words = [...Array<string>(Math.max(0, length - 1))].map(
        () => ADJS[crypto.randomInt(ADJS.length)]!,
      );
      words.push(PETS[crypto.randomInt(PETS.length)]!);
      const prefix = unwrap(inputs["prefix"]);
      const id = (typeof prefix === "string" ? [prefix, ...words] : words).join(sep);
      return { id, outs: {} };
    }
    case "random:index/randomUuid:RandomUuid": {
      const result = crypto.randomUUID();
      return { id: result, outs: { result } };
    }
    case "random:index/randomBytes:RandomBytes": {
      const bytes = crypto.randomBytes(num(inputs["length"], 16));
      return { id: "none", outs: { base64: bytes.toString("base64"), hex: bytes.toString("hex") } };
    }
    case "gcp:kms/keyRing:KeyRing":
      return { id: `projects/${project}/locations/${region}/keyRings/${nm}`, outs: { project } };
    case "gcp:kms/cryptoKey:CryptoKey":
      return { id: `${str(inputs["keyRing"], "")}/cryptoKeys/${nm}`, outs: {} };
    case "gcp:serviceaccount/account:Account": {
      const acct = str(inputs["accountId"], nm);
      return {
        id: `projects/${project}/serviceAccounts/${acct}@${project}.iam.gserviceaccount.com`,
        outs: { email: `${acct}@${project}.iam.gserviceaccount.com`, project },
      };
    }
    case "gcp:secretmanager/secret:Secret": {
      const sid = str(inputs["secretId"], nm);
      return {
        id: `projects/${project}/secrets/${sid}`,
        outs: { name: `projects/123456789012/secrets/${sid}` },
      };
    }
    case "gcp:sql/databaseInstance:DatabaseInstance":
      return {
        id: nm,
        outs: {
          name: nm,
          connectionName: `${project}:${region}:${nm}`,
          privateIpAddress: "10.10.0.3",
          selfLink: `https://sqladmin.googleapis.com/sql/v1beta4/projects/${project}/instances/${nm}`,
        },
      };
    case "gcp:redis/instance:Instance":
      return {
        id: `projects/${project}/locations/${region}/instances/${nm}`,
        outs: { host: "10.20.0.4", port: 6378 },
      };
    case "gcp:cloudrunv2/service:Service":
      return {
        id: `projects/${project}/locations/${region}/services/${nm}`,
        outs: { uri: `https://${nm}-abc123-ew.a.run.app` },
      };
    // Cloud Monitoring and Billing assign resource names the program reads back (alert policies
    // list channel names; the dashboard URL uses its id).
    case "gcp:monitoring/notificationChannel:NotificationChannel":
    case "gcp:monitoring/alertPolicy:AlertPolicy": {
      const kind = type.endsWith("NotificationChannel") ? "notificationChannels" : "alertPolicies";
      const full = `projects/${project}/${kind}/${crypto.randomInt(1e9, 1e10)}`;
      return { id: full, outs: { name: full } };
    }
    case "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig": {
      const check = `${name}-${hex(8)}`;
      const full = `projects/${project}/uptimeCheckConfigs/${check}`;
      return { id: full, outs: { name: full, uptimeCheckId: check } };
    }
    case "gcp:billing/budget:Budget": {
      const full = `billingAccounts/${str(inputs["billingAccount"], "000000-000000-000000")}/budgets/${crypto.randomUUID()}`;
      return { id: full, outs: { name: full } };
    }
    default:
      if (type.startsWith("pulumi:providers:")) return { id: crypto.randomUUID(), outs: {} };
      return { id: typeof unwrap(inputs["name"]) === "string" ? nm : `${name}-${hex(7)}`, outs: {} };
  }
}

/** Provider Create: a new id and outputs (inputs + computed + id). */
export function providerCreate(
  type: string,
  name: string,
  inputs: Props,
  config: Props,
): { id: string; outputs: Props } {
  const { id, outs } = computed(type, name, inputs, config);
  return { id, outputs: { ...outs, ...inputs, id } };
}

/** Provider Update: new inputs over the old computed outputs, same id. */
export function providerUpdate(id: string, oldOutputs: Props, oldInputs: Props, inputs: Props): Props {
  const computedOnly: Props = {};
  for (const [k, v] of Object.entries(oldOutputs)) if (!(k in oldInputs)) computedOnly[k] = v;
  return { ...computedOnly, ...inputs, id };
}

/** Answers an invoke the double implements; undefined for unknown tokens. */
export function providerInvoke(tok: string, args: Props, config: Props): Props | undefined {
  const project = str(args["project"] ?? args["projectId"] ?? config["gcp:project"], "acme-test");
  switch (tok) {
    case "gcp:organizations/getProject:getProject":
      return {
        id: `projects/${project}`,
        projectId: project,
        name: project,
        number: "123456789012",
        labels: {},
        autoCreateNetwork: true,
      };
    case "gcp:organizations/getClientConfig:getClientConfig":
      return {
        id: `projects/${project}/regions/${str(config["gcp:region"], "")}/zones/`,
        project,
        region: str(config["gcp:region"], "europe-west1"),
        zone: "",
        accessToken: "double-access-token",
      };
    case "aws:index/getCallerIdentity:getCallerIdentity": {
      const { account } = awsPlace(config);
      return {
        id: account,
        accountId: account,
        arn: `arn:aws:iam::${account}:user/pulumi-double`,
        userId: "AIDADOUBLE",
      };
    }
    case "aws:index/getAvailabilityZones:getAvailabilityZones": {
      const { region } = awsPlace(config);
      const names = ["a", "b", "c"].map((z) => `${region}${z}`);
      return {
        id: region,
        names,
        zoneIds: names.map((_, i) => `${region}-az${i + 1}`),
        groupNames: [region],
      };
    }
    default:
      return undefined;
  }
}

/** Invoke tokens the double answers (named in the error for unknown tokens). */
export const KNOWN_INVOKES = [
  "pulumi:pulumi:getResource",
  "gcp:organizations/getProject:getProject",
  "gcp:organizations/getClientConfig:getClientConfig",
  "aws:index/getCallerIdentity:getCallerIdentity",
  "aws:index/getAvailabilityZones:getAvailabilityZones",
];
