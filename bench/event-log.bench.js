// @ts-check
/**
 * Event-log parser benchmark (not a test). Writes a realistic engine event log of about 200 MB
 * (a preview of a large existing GCP environment: resourcePreEvent + resOutputsEvent per resource,
 * mostly `same` steps, some updates with detailed diffs, creates, deletes and replacements, a few
 * very large dashboards) into a temp file, then runs, each in its own child process, in turns:
 *
 *   baseline   bare node:readline + JSON.parse loop over the lines (the reference)
 *   splitter   the parser's line splitter (Buffer indexOf) + JSON.parse, no step building
 *   parser     parseEventLog() from dist/ (splitting, JSON.parse, normalization, one step per URN);
 *              lines of kinds nothing reads (resOutputsEvent …) are checked for framing, not parsed
 *   parser-all parseEventLog(file, { parseAll: true }): every line JSON-parsed
 *
 * and prints each one's median time, throughput and peak RSS (process.resourceUsage().maxRSS),
 * plus the ratios the goals are stated in: parser throughput ≥ 0.5 × baseline, parser peak RSS ≤ 200 MB.
 *
 * Wall time is what a user waits for but is noisy on a shared machine; CPU time (user + system of
 * the child) is steadier. Both ratios are printed.
 *
 * Usage: npm run build && node bench/event-log.bench.js [--size-mb 200] [--runs 5] [--keep]
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { median, numberFlag, prng } = require("./util");

const DIST = path.join(__dirname, "..", "dist", "plan", "parse", "index.js");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = {
  [SIG]: "1b47061264138c4ac30d75fd1eb44270",
  ciphertext: "v1:dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA==",
};

// ---------------------------------------------------------------------------------------------
// Child mode: measure one reader over the file and print one JSON line.
// ---------------------------------------------------------------------------------------------
async function child(mode, file) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let info;
  if (mode === "baseline") {
    const readline = require("node:readline");
    const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    let events = 0;
    for await (const line of rl) {
      if (line.length === 0) continue;
      JSON.parse(line);
      events++;
    }
    info = { events };
  } else if (mode === "splitter") {
    const { forEachLine } = require(DIST);
    let events = 0;
    await forEachLine(file, (line) => {
      if (line.length === 0) return;
      JSON.parse(line);
      events++;
    });
    info = { events };
  } else {
    const { parseEventLog, countChanges } = require(DIST);
    const result = await parseEventLog(file, { parseAll: mode === "parser-all" });
    info = {
      events: result.stats.events,
      steps: result.steps.length,
      counts: countChanges(result.steps),
      corrupt: result.stats.corruptLines,
    };
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
  process.stdout.write(`${JSON.stringify({ mode, ms, cpuMs, maxRssMB, ...info })}\n`);
}

// ---------------------------------------------------------------------------------------------
// Generator: realistic GCP resources as the engine writes them.
// ---------------------------------------------------------------------------------------------
const rand = prng(42);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const hex = (n) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(rand() * 16)]).join("");
const PEM = `-----BEGIN CERTIFICATE-----\n${Array.from({ length: 18 }, () => hex(64)).join("\n")}\n-----END CERTIFICATE-----\n`;
const PROJECT = "acme-prod-4711";
const REGION = "europe-west1";
const labels = (component) => ({ env: "prod", app: "shop", component, "managed-by": "platform" });

/** One resource's type, inputs and outputs. */
function resource(i) {
  const r = rand();
  const n = `r${i}`;
  if (r < 0.05) {
    const inputs = {
      name: `shop-prod-db-${n}`,
      project: PROJECT,
      region: REGION,
      databaseVersion: "POSTGRES_15",
      deletionProtection: true,
      encryptionKeyName: `projects/${PROJECT}/locations/${REGION}/keyRings/shop-prod/cryptoKeys/sql`,
      rootPassword: SECRET,
      settings: {
        tier: pick(["db-custom-2-7680", "db-custom-4-15360", "db-custom-8-30720"]),
        edition: "ENTERPRISE",
        availabilityType: "REGIONAL",
        diskType: "PD_SSD",
        diskSize: 100,
        diskAutoresize: true,
        backupConfiguration: {
          enabled: true,
          pointInTimeRecoveryEnabled: true,
          startTime: "02:00",
          transactionLogRetentionDays: 7,
          backupRetentionSettings: { retainedBackups: 14, retentionUnit: "COUNT" },
        },
        ipConfiguration: {
          ipv4Enabled: false,
          privateNetwork: `projects/${PROJECT}/global/networks/shop`,
          sslMode: "ENCRYPTED_ONLY",
        },
        databaseFlags: [
          "log_checkpoints",
          "log_connections",
          "log_disconnections",
          "log_lock_waits",
          "log_temp_files",
          "log_min_duration_statement",
          "cloudsql.enable_pgaudit",
        ].map((name) => ({ name, value: "on" })),
        insightsConfig: { queryInsightsEnabled: true, queryStringLength: 1024, recordApplicationTags: true },
        maintenanceWindow: { day: 7, hour: 3, updateTrack: "stable" },
        userLabels: labels("postgres"),
      },
    };
    const outputs = {
      ...inputs,
      connectionName: `${PROJECT}:${REGION}:${inputs.name}`,
      privateIpAddress: "10.10.0.3",
      selfLink: `https://sqladmin.googleapis.com/sql/v1beta4/projects/${PROJECT}/instances/${inputs.name}`,
      serverCaCerts: [
        {
          cert: PEM,
          commonName: "C=US,O=Google\\, Inc,CN=Google Cloud SQL Server CA",
          expirationTime: "2034-01-01T00:00:00Z",
          sha1Fingerprint: hex(40),
        },
      ],
      ipAddresses: [{ ipAddress: "10.10.0.3", type: "PRIVATE" }],
      replicaConfiguration: [],
      settings: [{ ...inputs.settings, settingsVersion: 42, activationPolicy: "ALWAYS" }],
    };
    return { type: "gcp:sql/databaseInstance:DatabaseInstance", inputs, outputs };
  }
  if (r < 0.2) {
    const env = Array.from({ length: 25 + Math.floor(rand() * 25) }, (_, k) => ({
      name: `SHOP_SETTING_${k}`,
      value: `value-${hex(12)}`,
    }));
    env.push({
      name: "DB_PASSWORD",
      valueSource: { secretKeyRef: { secret: "db-password", version: "latest" } },
    });
    const inputs = {
      name: `shop-prod-${n}`,
      project: PROJECT,
      location: REGION,
      ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
      deletionProtection: true,
      labels: labels("run"),
      template: {
        serviceAccount: `shop-run-${n}@${PROJECT}.iam.gserviceaccount.com`,
        scaling: { minInstanceCount: 1, maxInstanceCount: 20 },
        vpcAccess: {
          connector: `projects/${PROJECT}/locations/${REGION}/connectors/shop`,
          egress: "PRIVATE_RANGES_ONLY",
        },
        containers: [
          {
            image: `europe-docker.pkg.dev/${PROJECT}/shop/api@sha256:${hex(64)}`,
            env,
            resources: { limits: { cpu: "2", memory: "1Gi" }, cpuIdle: true, startupCpuBoost: true },
            ports: { containerPort: 8080, name: "http1" },
            startupProbe: {
              httpGet: { path: "/healthz", port: 8080 },
              periodSeconds: 5,
              failureThreshold: 12,
            },
            livenessProbe: { httpGet: { path: "/livez", port: 8080 }, periodSeconds: 30 },
          },
        ],
      },
    };
    const outputs = {
      ...inputs,
      uri: `https://shop-prod-${n}-${hex(10)}-ew.a.run.app`,
      latestReadyRevision: `shop-prod-${n}-00042-${hex(3)}`,
      conditions: Array.from({ length: 4 }, (_, k) => ({
        type: `Condition${k}`,
        state: "CONDITION_SUCCEEDED",
        lastTransitionTime: "2026-05-01T10:00:00Z",
        reason: "",
        message: "",
      })),
      etag: hex(32),
      uid: hex(32),
      generation: "42",
      observedGeneration: "42",
      terminalCondition: { type: "Ready", state: "CONDITION_SUCCEEDED" },
    };
    return { type: "gcp:cloudrunv2/service:Service", inputs, outputs };
  }
  if (r < 0.205) {
    // A large monitoring dashboard: one big JSON string input.
    const widgets = Array.from({ length: 200 + Math.floor(rand() * 600) }, (_, k) => ({
      title: `Panel ${k}`,
      xyChart: {
        dataSets: [
          {
            timeSeriesQuery: {
              timeSeriesFilter: {
                filter: `metric.type="run.googleapis.com/request_count" resource.label.service_name="svc-${k}"`,
                aggregation: { alignmentPeriod: "60s", perSeriesAligner: "ALIGN_RATE" },
              },
            },
            plotType: "LINE",
          },
        ],
      },
    }));
    const inputs = {
      project: PROJECT,
      dashboardJson: JSON.stringify({
        displayName: `shop ${n}`,
        mosaicLayout: {
          columns: 12,
          tiles: widgets.map((w, k) => ({
            xPos: (k % 2) * 6,
            yPos: Math.floor(k / 2) * 4,
            width: 6,
            height: 4,
            widget: w,
          })),
        },
      }),
    };
    return {
      type: "gcp:monitoring/dashboard:Dashboard",
      inputs,
      outputs: { ...inputs, id: `projects/${PROJECT}/dashboards/${hex(32)}` },
    };
  }
  if (r < 0.3) {
    const inputs = {
      name: `shop-prod-cache-${n}`,
      project: PROJECT,
      region: REGION,
      tier: "STANDARD_HA",
      memorySizeGb: pick([1, 5, 10]),
      redisVersion: "REDIS_7_2",
      authEnabled: true,
      transitEncryptionMode: "SERVER_AUTHENTICATION",
      connectMode: "PRIVATE_SERVICE_ACCESS",
      authorizedNetwork: `projects/${PROJECT}/global/networks/shop`,
      customerManagedKey: `projects/${PROJECT}/locations/${REGION}/keyRings/shop-prod/cryptoKeys/redis`,
      persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" },
      maintenancePolicy: {
        weeklyMaintenanceWindows: [{ day: "SUNDAY", startTime: { hours: 3, minutes: 0 } }],
      },
      labels: labels("redis"),
    };
    const outputs = {
      ...inputs,
      host: "10.20.0.4",
      port: 6378,
      authString: SECRET,
      serverCaCerts: [
        { cert: PEM, serialNumber: hex(16), sha1Fingerprint: hex(40) },
        { cert: PEM, serialNumber: hex(16), sha1Fingerprint: hex(40) },
      ],
      currentLocationId: `${REGION}-b`,
      persistenceIamIdentity: `serviceAccount:service-${hex(8)}@cloud-redis.iam.gserviceaccount.com`,
    };
    return { type: "gcp:redis/instance:Instance", inputs, outputs };
  }
  if (r < 0.4) {
    const inputs = {
      name: `key-${n}`,
      keyRing: `projects/${PROJECT}/locations/${REGION}/keyRings/shop-prod`,
      purpose: "ENCRYPT_DECRYPT",
      rotationPeriod: "7776000s",
      destroyScheduledDuration: "2592000s",
      versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "HSM" },
      labels: labels("kms"),
    };
    return {
      type: "gcp:kms/cryptoKey:CryptoKey",
      inputs,
      outputs: {
        ...inputs,
        id: `${inputs.keyRing}/cryptoKeys/${inputs.name}`,
        primaries: [
          { name: `${inputs.keyRing}/cryptoKeys/${inputs.name}/cryptoKeyVersions/1`, state: "ENABLED" },
        ],
      },
    };
  }
  if (r < 0.55) {
    const inputs = {
      secretId: `secret-${n}`,
      project: PROJECT,
      replication: {
        userManaged: {
          replicas: [
            {
              location: REGION,
              customerManagedEncryption: {
                kmsKeyName: `projects/${PROJECT}/locations/${REGION}/keyRings/shop-prod/cryptoKeys/secrets`,
              },
            },
          ],
        },
      },
      labels: labels("secrets"),
    };
    return {
      type: "gcp:secretmanager/secret:Secret",
      inputs,
      outputs: {
        ...inputs,
        name: `projects/123456789012/secrets/${inputs.secretId}`,
        createTime: "2026-01-01T00:00:00Z",
      },
    };
  }
  if (r < 0.65) {
    const inputs = { secret: `projects/123456789012/secrets/secret-${n}`, secretData: SECRET, enabled: true };
    return {
      type: "gcp:secretmanager/secretVersion:SecretVersion",
      inputs,
      outputs: {
        ...inputs,
        name: `${inputs.secret}/versions/3`,
        version: "3",
        createTime: "2026-01-01T00:00:00Z",
      },
    };
  }
  if (r < 0.75) {
    const inputs = {
      displayName: `shop prod ${n} 5xx`,
      project: PROJECT,
      combiner: "OR",
      conditions: [
        {
          displayName: "5xx ratio",
          conditionThreshold: {
            filter: `resource.type="cloud_run_revision" AND metric.type="run.googleapis.com/request_count" AND metric.label.response_code_class="5xx" AND resource.label.service_name="shop-prod-${n}"`,
            comparison: "COMPARISON_GT",
            thresholdValue: 0.05,
            duration: "300s",
            aggregations: [
              { alignmentPeriod: "60s", perSeriesAligner: "ALIGN_RATE", crossSeriesReducer: "REDUCE_SUM" },
            ],
          },
        },
      ],
      notificationChannels: [`projects/${PROJECT}/notificationChannels/${hex(19)}`],
      documentation: {
        content: "Runbook: https://runbooks.example.com/shop/5xx\n".repeat(4),
        mimeType: "text/markdown",
      },
      userLabels: labels("observability"),
    };
    return {
      type: "gcp:monitoring/alertPolicy:AlertPolicy",
      inputs,
      outputs: {
        ...inputs,
        name: `projects/${PROJECT}/alertPolicies/${hex(19)}`,
        creationRecord: [{ mutateTime: "2026-01-01T00:00:00Z", mutatedBy: "platform" }],
      },
    };
  }
  if (r < 0.8) {
    const inputs = {
      name: `shop-prod-assets-${n}`,
      project: PROJECT,
      location: "EU",
      storageClass: "STANDARD",
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      versioning: { enabled: true },
      encryption: { defaultKmsKeyName: `projects/${PROJECT}/locations/europe/keyRings/shop/cryptoKeys/gcs` },
      lifecycleRules: [{ action: { type: "Delete" }, condition: { age: 365, withState: "ARCHIVED" } }],
      labels: labels("storage"),
    };
    return {
      type: "gcp:storage/bucket:Bucket",
      inputs,
      outputs: {
        ...inputs,
        selfLink: `https://www.googleapis.com/storage/v1/b/${inputs.name}`,
        url: `gs://${inputs.name}`,
      },
    };
  }
  const inputs = {
    project: PROJECT,
    role: pick([
      "roles/cloudsql.client",
      "roles/secretmanager.secretAccessor",
      "roles/cloudkms.cryptoKeyEncrypterDecrypter",
      "roles/logging.logWriter",
    ]),
    member: `serviceAccount:shop-run-${n}@${PROJECT}.iam.gserviceaccount.com`,
  };
  return { type: "gcp:projects/iAMMember:IAMMember", inputs, outputs: { ...inputs, etag: `BwY${hex(9)}` } };
}

const PROVIDER =
  "urn:pulumi:prod::shop::pulumi:providers:gcp::default_9_37_0::4a547cf7-0a04-4cf2-ae86-2eab499efc48";
let sequence = 0;
const state = (urn, type, id, inputs, outputs) => ({
  type,
  urn,
  custom: true,
  id,
  parent: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod",
  inputs,
  outputs,
  provider: PROVIDER,
});
const event = (kind, metadata) =>
  `${JSON.stringify({ sequence: sequence++, timestamp: 1767225600 + Math.floor(sequence / 100), [kind]: { metadata, planning: true } })}\n`;

/** The lines for one resource: its pre-event (or the replacement trio) and its outputs event. */
function linesFor(i) {
  const { type, inputs, outputs } = resource(i);
  const urn = `urn:pulumi:prod::shop::platform:app:Shop$${type}::r${i}`;
  const id = `${type.split(":")[1]}-${i}`;
  const r = rand();
  const base = { urn, type, provider: PROVIDER };
  if (r < 0.83) {
    const m = {
      ...base,
      op: "same",
      old: state(urn, type, id, inputs, outputs),
      new: state(urn, type, id, inputs, {}),
      detailedDiff: null,
      logical: true,
    };
    return (
      event("resourcePreEvent", m) +
      event("resOutputsEvent", { ...m, new: state(urn, type, id, inputs, outputs) })
    );
  }
  if (r < 0.93) {
    const next = JSON.parse(JSON.stringify(inputs));
    next.labels = { ...(next.labels ?? {}), release: `r${Math.floor(rand() * 1000)}` };
    const m = {
      ...base,
      op: "update",
      old: state(urn, type, id, inputs, outputs),
      new: state(urn, type, id, next, {}),
      diffs: ["labels"],
      detailedDiff: { "labels.release": { diffKind: "add", inputDiff: true } },
      logical: true,
    };
    return (
      event("resourcePreEvent", m) +
      event("resOutputsEvent", { ...m, new: state(urn, type, id, next, { ...outputs, labels: next.labels }) })
    );
  }
  if (r < 0.97) {
    const m = {
      ...base,
      op: "create",
      old: null,
      new: state(urn, type, "", inputs, {}),
      detailedDiff: null,
      logical: true,
    };
    return (
      event("resourcePreEvent", m) +
      event("resOutputsEvent", { ...m, new: state(urn, type, "", inputs, { ...outputs, id: UNKNOWN }) })
    );
  }
  if (r < 0.99) {
    const m = {
      ...base,
      op: "delete",
      old: state(urn, type, id, inputs, outputs),
      new: null,
      detailedDiff: null,
      logical: true,
    };
    return event("resourcePreEvent", m) + event("resOutputsEvent", m);
  }
  const next = { ...inputs, name: `${inputs.name ?? "x"}-v2` };
  const keys = {
    keys: ["name"],
    diffs: ["name"],
    detailedDiff: { name: { diffKind: "update-replace", inputDiff: true } },
  };
  const old = state(urn, type, id, inputs, outputs);
  const created = state(urn, type, "", next, {});
  return (
    event("resourcePreEvent", { ...base, op: "create-replacement", old, new: created, ...keys }) +
    event("resOutputsEvent", {
      ...base,
      op: "create-replacement",
      old,
      new: state(urn, type, `${id}-2`, next, outputs),
      ...keys,
    }) +
    event("resourcePreEvent", { ...base, op: "replace", old, new: created, ...keys, logical: true }) +
    event("resOutputsEvent", { ...base, op: "replace", old, new: created, ...keys, logical: true }) +
    event("resourcePreEvent", { ...base, op: "delete-replaced", old, new: null, detailedDiff: null }) +
    event("resOutputsEvent", { ...base, op: "delete-replaced", old, new: null, detailedDiff: null })
  );
}

function generate(file, targetBytes) {
  const fd = fs.openSync(file, "w");
  let bytes = 0;
  let resources = 0;
  const write = (s) => {
    fs.writeSync(fd, s);
    bytes += Buffer.byteLength(s);
  };
  write(
    `${JSON.stringify({ sequence: sequence++, timestamp: 1767225600, preludeEvent: { config: { "gcp:project": PROJECT, "gcp:region": REGION } } })}\n`,
  );
  const stackUrn = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";
  const stack = {
    type: "pulumi:pulumi:Stack",
    urn: stackUrn,
    id: "",
    parent: "",
    inputs: {},
    outputs: {},
    provider: "",
  };
  write(
    event("resourcePreEvent", {
      op: "same",
      urn: stackUrn,
      type: "pulumi:pulumi:Stack",
      old: stack,
      new: stack,
      logical: true,
      provider: "",
    }),
  );
  let chunk = "";
  while (bytes + chunk.length < targetBytes) {
    chunk += linesFor(resources++);
    if (chunk.length > 1 << 20) {
      write(chunk);
      chunk = "";
    }
  }
  write(chunk);
  write(
    `${JSON.stringify({ sequence: sequence++, timestamp: 1767229200, diagnosticEvent: { prefix: "<{%fg 3%}>warning: <{%reset%}>", message: "<{%reset%}>a warning<{%reset%}>\n", color: "raw", severity: "warning" } })}\n`,
  );
  write(
    `${JSON.stringify({ sequence: sequence++, timestamp: 1767229200, summaryEvent: { maybeCorrupt: false, durationSeconds: 600, resourceChanges: {}, PolicyPacks: {}, isPreview: true, result: "succeeded" } })}\n`,
  );
  write(`${JSON.stringify({ sequence: sequence++, timestamp: 1767229200, cancelEvent: {} })}\n`);
  fs.closeSync(fd);
  return { bytes, resources };
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------
function runChild(mode, file) {
  const res = spawnSync(process.execPath, [__filename, "--child", mode, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (res.status !== 0) throw new Error(`${mode} failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split("\n").pop());
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1], args[2]);
  const opt = (name, def) => numberFlag(args, name, def);
  const sizeMB = opt("--size-mb", 200);
  const runs = opt("--runs", 5);
  if (!fs.existsSync(DIST)) {
    console.error(
      `event-log bench: ${path.relative(process.cwd(), DIST)} is missing; run \`npm run build\` first.`,
    );
    process.exitCode = 1;
    return;
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "event-log-bench-")), "events.jsonl");
  const t0 = Date.now();
  const { bytes, resources } = generate(file, sizeMB * 1024 * 1024);
  const mb = bytes / 1024 / 1024;
  console.log(
    `event-log bench: generated ${mb.toFixed(1)} MB, ${resources} resources in ${((Date.now() - t0) / 1000).toFixed(1)} s (${file})`,
  );

  const modes = ["baseline", "splitter", "parser", "parser-all"];
  const results = Object.fromEntries(modes.map((m) => [m, []]));
  runChild("parser", file); // warm the file cache
  for (let i = 0; i < runs; i++) for (const m of modes) results[m].push(runChild(m, file));

  const row = (m) => {
    const ms = median(results[m].map((r) => r.ms));
    const cpuMs = median(results[m].map((r) => r.cpuMs));
    const rss = median(results[m].map((r) => r.maxRssMB));
    return { ms, cpuMs, rss, mbps: mb / (ms / 1000), cpuMbps: mb / (cpuMs / 1000) };
  };
  const base = row("baseline");
  const head = [
    "reader",
    "wall s",
    "wall MB/s",
    "CPU s",
    "CPU MB/s",
    "peak RSS MB",
    "× baseline (wall)",
    "× baseline (CPU)",
  ];
  const widths = [11, 8, 10, 7, 9, 12, 18, 17];
  const fmt = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(" ");
  console.log(`\nmedians of ${runs} runs per reader, each in its own process, run in turns:`);
  console.log(fmt(head));
  for (const m of modes) {
    const r = row(m);
    console.log(
      fmt([
        m,
        (r.ms / 1000).toFixed(2),
        r.mbps.toFixed(1),
        (r.cpuMs / 1000).toFixed(2),
        r.cpuMbps.toFixed(1),
        r.rss.toFixed(0),
        (r.mbps / base.mbps).toFixed(2),
        (r.cpuMbps / base.cpuMbps).toFixed(2),
      ]),
    );
  }
  const parser = row("parser");
  const splitter = row("splitter");
  const last = results.parser[results.parser.length - 1];
  console.log(
    `\nparser result: ${last.events} events, ${last.steps} steps, counts ${JSON.stringify(last.counts)}, ${last.corrupt} corrupt lines`,
  );
  const ratio = parser.mbps / base.mbps;
  const cpuRatio = parser.cpuMbps / base.cpuMbps;
  console.log(
    `parser/baseline throughput: ${ratio.toFixed(2)} wall, ${cpuRatio.toFixed(2)} CPU (goal ≥ 0.50) ${Math.min(ratio, cpuRatio) >= 0.5 ? "met" : "NOT met"}`,
  );
  console.log(
    `line splitter/readline throughput (both + JSON.parse): ${(splitter.mbps / base.mbps).toFixed(2)} wall, ${(splitter.cpuMbps / base.cpuMbps).toFixed(2)} CPU`,
  );
  const all = row("parser-all");
  console.log(
    `parser-all/baseline throughput (every line parsed): ${(all.mbps / base.mbps).toFixed(2)} wall, ${(all.cpuMbps / base.cpuMbps).toFixed(2)} CPU`,
  );
  console.log(
    `parser peak RSS: ${parser.rss.toFixed(0)} MB, parser-all ${all.rss.toFixed(0)} MB (goal ≤ 200 MB) ${Math.max(parser.rss, all.rss) <= 200 ? "met" : "NOT met"}`,
  );
  if (!args.includes("--keep")) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
