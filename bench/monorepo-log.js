// @ts-check
/**
 * Generates the engine event log of a preview of a large monorepo stack: many small services, each
 * a platform component with its Cloud Run service, service account, IAM grants, secrets and
 * secret versions, Pub/Sub topic and subscription, bucket, alert policy and log metric; a few
 * shared Cloud SQL instances, Memorystore instances and KMS keys. About 100,000 resource steps in
 * about 200 MB: mostly `same`, with updates (detailed diffs), creates, deletes and replacements
 * (create-replacement + replace, the delete-replaced halves at the end as the engine schedules
 * them), each as `resourcePreEvent` + `resOutputsEvent`, then a summary event. Seeded: the same
 * arguments write the same file.
 *
 * Usage: node bench/monorepo-log.js <out.jsonl> [--steps 100000] [--seed 7]
 * Library: require("./monorepo-log").generate(file, { steps: 100_000 }) → { bytes, steps, resources, counts }
 */
"use strict";
const fs = require("node:fs");
const { numberFlag, prng } = require("./util");

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:bm90IGEgcmVhbCBzZWNyZXQ=" };
const PROJECT = "acme-prod";
const REGION = "europe-west1";
const STACK = "prod";
const ROOT_URN = `urn:pulumi:${STACK}::mono::pulumi:pulumi:Stack::mono-${STACK}`;
const PROVIDER = `urn:pulumi:${STACK}::mono::pulumi:providers:gcp::default::9f1c2d3e`;

/**
 * @param {string} file
 * @param {{ steps?: number, seed?: number }} [options]
 */
function generate(file, options = {}) {
  const target = options.steps ?? 100_000;
  const rand = prng(options.seed ?? 7);
  const hex = (/** @type {number} */ n) => {
    let s = "";
    for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(rand() * 16)];
    return s;
  };
  const pick = (/** @type {any[]} */ xs) => xs[Math.floor(rand() * xs.length)];
  const fd = fs.openSync(file, "w");
  let buffer = "";
  let bytes = 0;
  let sequence = 0;
  let steps = 0;
  let resources = 0;
  /** @type {Record<string, number>} */
  const counts = {};
  const flush = (force = false) => {
    if (buffer.length < 1 << 20 && !force) return;
    bytes += Buffer.byteLength(buffer);
    fs.writeSync(fd, buffer);
    buffer = "";
  };
  const event = (/** @type {string} */ kind, /** @type {object} */ body) => {
    buffer += `${JSON.stringify({ sequence: sequence++, timestamp: 1767225600 + (sequence >> 8), [kind]: body })}\n`;
    flush();
  };
  const state = (
    /** @type {string} */ urn,
    /** @type {string} */ type,
    /** @type {string} */ parent,
    /** @type {object} */ inputs,
    /** @type {object} */ outputs,
    id = hex(12),
  ) => ({
    type,
    urn,
    custom: !type.startsWith("platform:"),
    id,
    parent,
    inputs,
    outputs,
    provider: PROVIDER,
  });
  const labels = (/** @type {string} */ svc, /** @type {string} */ component) => ({
    env: STACK,
    app: svc,
    component,
    "managed-by": "platform",
  });
  /** Replaced resources' delete-replaced halves, emitted at the end (the engine deletes last). */
  /** @type {Array<() => void>} */
  const lateDeletes = [];

  /** One resource's events for an op; returns the number of steps written. */
  const emit = (
    /** @type {string} */ op,
    /** @type {string} */ urn,
    /** @type {string} */ type,
    /** @type {string} */ parent,
    /** @type {Record<string, any>} */ inputs,
    /** @type {Record<string, any>} */ outputs,
  ) => {
    const base = { urn, type, provider: PROVIDER };
    const full = { ...inputs, ...outputs };
    counts[op] = (counts[op] ?? 0) + 1;
    if (op === "same") {
      const m = {
        ...base,
        op,
        old: state(urn, type, parent, inputs, full),
        new: state(urn, type, parent, inputs, {}),
        logical: true,
      };
      event("resourcePreEvent", { metadata: m, planning: true });
      event("resOutputsEvent", {
        metadata: { ...m, new: state(urn, type, parent, inputs, full) },
        planning: true,
      });
      return 1;
    }
    if (op === "update") {
      const next = JSON.parse(JSON.stringify(inputs));
      const key = "labels" in next ? "labels" : "userLabels" in next ? "userLabels" : undefined;
      let detailedDiff;
      let diffs;
      if (key) {
        next[key] = { ...next[key], release: `r${Math.floor(rand() * 1000)}` };
        diffs = [key];
        detailedDiff = { [`${key}.release`]: { diffKind: "add", inputDiff: true } };
      } else {
        next.description = `updated ${hex(6)}`;
        diffs = ["description"];
        detailedDiff = { description: { diffKind: "update", inputDiff: true } };
      }
      const m = {
        ...base,
        op,
        old: state(urn, type, parent, inputs, full),
        new: state(urn, type, parent, next, {}),
        diffs,
        detailedDiff,
        logical: true,
      };
      event("resourcePreEvent", { metadata: m, planning: true });
      event("resOutputsEvent", {
        metadata: { ...m, new: state(urn, type, parent, next, { ...full, ...next }) },
        planning: true,
      });
      return 1;
    }
    if (op === "create") {
      const m = { ...base, op, old: null, new: state(urn, type, parent, inputs, {}, ""), logical: true };
      event("resourcePreEvent", { metadata: m, planning: true });
      event("resOutputsEvent", {
        metadata: { ...m, new: state(urn, type, parent, inputs, { ...full, id: UNKNOWN }, "") },
        planning: true,
      });
      return 1;
    }
    if (op === "delete") {
      const m = { ...base, op, old: state(urn, type, parent, inputs, full), new: null, logical: true };
      event("resourcePreEvent", { metadata: m, planning: true });
      event("resOutputsEvent", { metadata: m, planning: true });
      return 1;
    }
    // replace: a name change forces it
    const next = { ...inputs, name: `${inputs.name ?? "x"}-v2` };
    const keys = {
      keys: ["name"],
      diffs: ["name"],
      detailedDiff: { name: { diffKind: "update-replace", inputDiff: true } },
    };
    const old = state(urn, type, parent, inputs, full);
    const created = state(urn, type, parent, next, {}, "");
    for (const half of ["create-replacement", "replace"]) {
      const m = {
        ...base,
        op: half,
        old,
        new: created,
        ...keys,
        ...(half === "replace" ? { logical: true } : {}),
      };
      event("resourcePreEvent", { metadata: m, planning: true });
      event("resOutputsEvent", { metadata: m, planning: true });
    }
    lateDeletes.push(() => {
      const m = { ...base, op: "delete-replaced", old, new: null };
      event("resourcePreEvent", { metadata: m, planning: true });
      event("resOutputsEvent", { metadata: m, planning: true });
    });
    return 3;
  };
  const op = () => {
    const r = rand();
    return r < 0.6 ? "same" : r < 0.8 ? "update" : r < 0.9 ? "create" : r < 0.96 ? "delete" : "replace";
  };

  event("preludeEvent", { config: { "gcp:project": PROJECT, "gcp:region": REGION } });
  event("resourcePreEvent", {
    metadata: {
      op: "same",
      urn: ROOT_URN,
      type: "pulumi:pulumi:Stack",
      old: state(ROOT_URN, "pulumi:pulumi:Stack", "", {}, {}, ""),
      new: state(ROOT_URN, "pulumi:pulumi:Stack", "", {}, {}, ""),
      logical: true,
      provider: "",
    },
    planning: true,
  });
  steps++;
  counts.same = 1;

  const kms = `projects/${PROJECT}/locations/${REGION}/keyRings/mono/cryptoKeys`;
  let svc = 0;
  while (steps < target) {
    const name = `s${svc}`;
    svc++;
    const compType = "platform:app:Svc";
    const compUrn = `urn:pulumi:${STACK}::mono::${compType}::${name}`;
    const child = (/** @type {string} */ type, /** @type {string} */ role) =>
      `urn:pulumi:${STACK}::mono::${compType}$${type}::${name}-${role}`;
    steps += emit("same", compUrn, compType, ROOT_URN, {}, {});
    resources++;
    const sa = `${name}@${PROJECT}.iam.gserviceaccount.com`;
    const children = [
      [
        "gcp:serviceaccount/account:Account",
        "sa",
        { accountId: name, project: PROJECT, displayName: `${name} runtime` },
        { email: sa, uniqueId: hex(21), member: `serviceAccount:${sa}` },
      ],
      [
        "gcp:cloudrunv2/service:Service",
        "run",
        {
          name,
          project: PROJECT,
          location: REGION,
          ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
          deletionProtection: true,
          labels: labels(name, "service"),
          template: {
            serviceAccount: sa,
            scaling: { minInstanceCount: pick([0, 1]), maxInstanceCount: pick([5, 10, 20]) },
            containers: [
              {
                image: `${REGION}-docker.pkg.dev/${PROJECT}/mono/${name}:${hex(7)}`,
                env: Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => ({
                  name: `SETTING_${k}`,
                  value: hex(8),
                })).concat([
                  {
                    name: "API_KEY",
                    valueSource: { secretKeyRef: { secret: `${name}-api-key`, version: "latest" } },
                  },
                ]),
                resources: {
                  limits: { cpu: pick(["1", "2"]), memory: pick(["512Mi", "1Gi"]) },
                  cpuIdle: true,
                },
              },
            ],
          },
        },
        { uri: `https://${name}-${hex(10)}-ew.a.run.app`, etag: hex(16), generation: "7" },
      ],
      [
        "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
        "invoker",
        {
          name,
          project: PROJECT,
          location: REGION,
          role: "roles/run.invoker",
          member: `serviceAccount:lb@${PROJECT}.iam.gserviceaccount.com`,
        },
        { etag: `BwY${hex(9)}` },
      ],
      [
        "gcp:projects/iAMMember:IAMMember",
        "logwriter",
        { project: PROJECT, role: "roles/logging.logWriter", member: `serviceAccount:${sa}` },
        { etag: `BwY${hex(9)}` },
      ],
      [
        "gcp:projects/iAMMember:IAMMember",
        "metrics",
        { project: PROJECT, role: "roles/monitoring.metricWriter", member: `serviceAccount:${sa}` },
        { etag: `BwY${hex(9)}` },
      ],
      [
        "gcp:secretmanager/secret:Secret",
        "api-key",
        {
          secretId: `${name}-api-key`,
          project: PROJECT,
          labels: labels(name, "secrets"),
          replication: {
            userManaged: {
              replicas: [{ location: REGION, customerManagedEncryption: { kmsKeyName: `${kms}/secrets` } }],
            },
          },
        },
        { name: `projects/1234567890/secrets/${name}-api-key`, createTime: "2026-01-01T00:00:00Z" },
      ],
      [
        "gcp:secretmanager/secretVersion:SecretVersion",
        "api-key-v",
        { secret: `projects/1234567890/secrets/${name}-api-key`, secretData: SECRET, enabled: true },
        { name: `projects/1234567890/secrets/${name}-api-key/versions/1`, version: "1" },
      ],
      [
        "gcp:secretmanager/secretIamMember:SecretIamMember",
        "api-key-access",
        {
          secretId: `${name}-api-key`,
          project: PROJECT,
          role: "roles/secretmanager.secretAccessor",
          member: `serviceAccount:${sa}`,
        },
        { etag: `BwY${hex(9)}` },
      ],
      [
        "gcp:pubsub/topic:Topic",
        "events",
        {
          name: `${name}-events`,
          project: PROJECT,
          kmsKeyName: `${kms}/pubsub`,
          labels: labels(name, "events"),
        },
        { id: `projects/${PROJECT}/topics/${name}-events` },
      ],
      [
        "gcp:pubsub/subscription:Subscription",
        "events-sub",
        {
          name: `${name}-events-sub`,
          project: PROJECT,
          topic: `projects/${PROJECT}/topics/${name}-events`,
          ackDeadlineSeconds: 30,
          labels: labels(name, "events"),
          pushConfig: {
            pushEndpoint: `https://${name}.internal.example.com/push`,
            oidcToken: { serviceAccountEmail: sa },
          },
        },
        { id: `projects/${PROJECT}/subscriptions/${name}-events-sub` },
      ],
      [
        "gcp:storage/bucket:Bucket",
        "assets",
        {
          name: `${PROJECT}-${name}-assets`,
          project: PROJECT,
          location: "EU",
          uniformBucketLevelAccess: true,
          publicAccessPrevention: "enforced",
          versioning: { enabled: true },
          encryption: { defaultKmsKeyName: `${kms}/gcs` },
          labels: labels(name, "storage"),
        },
        {
          selfLink: `https://www.googleapis.com/storage/v1/b/${PROJECT}-${name}-assets`,
          url: `gs://${PROJECT}-${name}-assets`,
        },
      ],
      [
        "gcp:monitoring/alertPolicy:AlertPolicy",
        "errors",
        {
          displayName: `${name} 5xx`,
          project: PROJECT,
          combiner: "OR",
          conditions: [
            {
              displayName: "5xx ratio",
              conditionThreshold: {
                filter: `resource.type="cloud_run_revision" AND resource.label.service_name="${name}" AND metric.label.response_code_class="5xx"`,
                comparison: "COMPARISON_GT",
                thresholdValue: 0.05,
                duration: "300s",
              },
            },
          ],
          userLabels: labels(name, "observability"),
        },
        { name: `projects/${PROJECT}/alertPolicies/${hex(19)}` },
      ],
      [
        "gcp:logging/metric:Metric",
        "errors-metric",
        {
          name: `${name}-errors`,
          project: PROJECT,
          filter: `resource.labels.service_name="${name}" AND severity>=ERROR`,
        },
        { id: `${name}-errors` },
      ],
    ];
    if (svc % 40 === 1)
      children.push([
        "gcp:sql/databaseInstance:DatabaseInstance",
        "db",
        {
          name: `${name}-db`,
          project: PROJECT,
          region: REGION,
          databaseVersion: "POSTGRES_17",
          deletionProtection: true,
          encryptionKeyName: `${kms}/sql`,
          rootPassword: SECRET,
          settings: {
            tier: pick(["db-custom-2-7680", "db-custom-4-15360"]),
            availabilityType: "REGIONAL",
            diskSize: 100,
            backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },
            ipConfiguration: {
              ipv4Enabled: false,
              sslMode: "ENCRYPTED_ONLY",
              privateNetwork: `projects/${PROJECT}/global/networks/mono`,
            },
            userLabels: labels(name, "postgres"),
          },
        },
        { connectionName: `${PROJECT}:${REGION}:${name}-db`, privateIpAddress: "10.10.0.3" },
      ]);
    if (svc % 25 === 2)
      children.push([
        "gcp:redis/instance:Instance",
        "cache",
        {
          name: `${name}-cache`,
          project: PROJECT,
          region: REGION,
          tier: "STANDARD_HA",
          memorySizeGb: pick([1, 5]),
          authEnabled: true,
          transitEncryptionMode: "SERVER_AUTHENTICATION",
          customerManagedKey: `${kms}/redis`,
          labels: labels(name, "redis"),
        },
        { host: "10.20.0.4", port: 6378, authString: SECRET },
      ]);
    if (svc % 10 === 3)
      children.push([
        "gcp:kms/cryptoKey:CryptoKey",
        "key",
        {
          name: `${name}-key`,
          keyRing: `projects/${PROJECT}/locations/${REGION}/keyRings/mono`,
          rotationPeriod: "7776000s",
          versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "HSM" },
          labels: labels(name, "kms"),
        },
        { id: `${kms}/${name}-key` },
      ]);
    for (const [type, role, inputs, outputs] of children) {
      if (steps >= target) break;
      steps += emit(op(), child(type, role), type, compUrn, inputs, outputs);
      resources++;
    }
  }
  for (const d of lateDeletes) d();
  event("diagnosticEvent", {
    prefix: "warning: ",
    message: "a warning\n",
    color: "raw",
    severity: "warning",
  });
  event("summaryEvent", {
    maybeCorrupt: false,
    durationSeconds: 620,
    resourceChanges: counts,
    PolicyPacks: {},
    isPreview: true,
    result: "succeeded",
  });
  event("cancelEvent", {});
  flush(true);
  fs.closeSync(fd);
  return { bytes, steps, resources, counts };
}

module.exports = { generate, STACK };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (/** @type {string} */ name, /** @type {number} */ def) => numberFlag(args, name, def);
  const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  if (!file) {
    console.error("usage: node bench/monorepo-log.js <out.jsonl> [--steps 100000] [--seed 7]");
    process.exit(2);
  }
  const r = generate(file, { steps: opt("--steps", 100_000), seed: opt("--seed", 7) });
  console.log(JSON.stringify(r));
}
