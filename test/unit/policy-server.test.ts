/**
 * The compiled pack served by the real @pulumi/policy analyzer server, in a child process (never
 * in-process: constructing a PolicyPack starts a gRPC server and may exit the process). This is
 * what `pulumi preview --policy-pack policy` talks to. Skips, saying why, when the compiled entry
 * is missing or older than the sources (`npm test` builds first).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { RULES } from "../../plan/guards/registry";

const ROOT = join(__dirname, "..", "..");
const ENTRY = process.env["PLATFORM_POLICY_ENTRY"] ?? join(ROOT, "dist", "policy", "index.js");
// The build-freshness check bin/platform.cjs uses (dist/.tsbuildinfo against the sources).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildState = require("../../bin/build-state.cjs") as {
  staleSource(dirs?: readonly string[], since?: number): string | undefined;
};

function skipReason(): string | undefined {
  if (!existsSync(ENTRY)) return `${ENTRY} is missing: run npm run build`;
  // The pack's own folder and the guards it serves; a custom entry is judged by its own time.
  const custom = process.env["PLATFORM_POLICY_ENTRY"] !== undefined;
  const stale = buildState.staleSource(
    ["policy", join("plan", "guards")],
    custom ? statSync(ENTRY).mtimeMs : undefined,
  );
  return stale ? `${ENTRY} is older than ${stale}: run npm run build` : undefined;
}
const reason = skipReason();
if (reason) console.log(`policy-server tests skipped: ${reason}`);

// The analyzer protocol client, resolved through @pulumi/pulumi (whose dependencies they are).
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));
const grpc = fromPulumi("@grpc/grpc-js");
const rpc = fromPulumi("./proto/analyzer_grpc_pb.js");
const pb = fromPulumi("./proto/analyzer_pb.js");
const structpb = fromPulumi("google-protobuf/google/protobuf/struct_pb.js");
const emptypb = fromPulumi("google-protobuf/google/protobuf/empty_pb.js");

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
});

const packs = new Map<string, Promise<any>>();
/** The pack started with a profile (one process per profile), as a connected analyzer client. */
function startPack(profile: string): Promise<any> {
  if (!packs.has(profile)) packs.set(profile, launch(profile));
  return packs.get(profile)!;
}

async function launch(profile: string): Promise<any> {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: join(ROOT, "policy"),
    env: { ...process.env, PLATFORM_PROFILE: profile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim()));
    child.once("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${stderr}`)));
  });
  return new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}

const call = <T>(client: any, method: string, req: unknown): Promise<T> =>
  new Promise((resolve, reject) =>
    client[method](req, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))),
  );

function resourceFields<T extends { setType(v: string): void }>(
  msg: T,
  type: string,
  name: string,
  props: object,
  stack: string,
): T {
  const m = msg as any;
  m.setType(type);
  m.setUrn(`urn:pulumi:${stack}::platform::${type}::${name}`);
  m.setName(name);
  m.setProperties(structpb.Struct.fromJavaScript(props));
  m.setOptions(new pb.AnalyzerResourceOptions());
  return msg;
}

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
const diagnostics = (res: any) =>
  (res.getDiagnosticsList() as any[]).map(
    (d) => [d.getPolicyname(), LEVELS[d.getEnforcementlevel() as number]] as const,
  );

const zonalDb = {
  databaseVersion: "POSTGRES_17",
  settings: { availabilityType: "ZONAL", ipConfiguration: { ipv4Enabled: false, sslMode: "ENCRYPTED_ONLY" } },
};

(reason !== undefined ? describe.skip : describe)("the policy pack served by @pulumi/policy", () => {
  it("announces one policy per resource and stack rule, levels from PLATFORM_PROFILE", async () => {
    const prod = await startPack("prod");
    const info: any = await call(prod, "getAnalyzerInfo", new emptypb.Empty());
    expect(info.getName()).toBe("platform");
    const policies = info.getPoliciesList() as any[];
    // Every resource and stack rule, GCP and AWS (step rules stay in platform review).
    expect(policies.length).toBe(RULES.filter((r) => r.scope !== "step").length);
    const level = (name: string) =>
      LEVELS[policies.find((p) => p.getName() === name)?.getEnforcementlevel() as number];
    expect([level("platform-prod-ha"), level("gcp-sql-ssl-client-certificates")]).toEqual([
      "mandatory",
      "advisory",
    ]);
  }, 30_000);

  it.each([
    ["prod", "mandatory", "mandatory"],
    ["staging", "advisory", "mandatory"],
    ["dev", undefined, "mandatory"],
  ] as const)(
    "analyzes a zonal Cloud SQL instance with a public IP in %s",
    async (profile, ha, publicIp) => {
      const client = await startPack(profile);
      const db = {
        ...zonalDb,
        settings: { ...zonalDb.settings, ipConfiguration: { ipv4Enabled: true, sslMode: "ENCRYPTED_ONLY" } },
      };
      const req = resourceFields(
        new pb.AnalyzeRequest(),
        "gcp:sql/databaseInstance:DatabaseInstance",
        "db",
        db,
        profile,
      );
      const found = new Map(diagnostics(await call(client, "analyze", req)));
      expect(found.get("platform-prod-ha")).toBe(ha);
      expect(found.get("gcp-sql-no-public-ip")).toBe(publicIp);
      expect(found.get("gcp-sql-ssl-required")).toBeUndefined();
    },
    30_000,
  );

  it("analyzes an unencrypted Aurora cluster on an AWS stack with the AWS rules", async () => {
    const client = await startPack("dev");
    const cluster = { engine: "aurora-postgresql", storageEncrypted: false, backupRetentionPeriod: 1 };
    const req = resourceFields(new pb.AnalyzeRequest(), "aws:rds/cluster:Cluster", "db", cluster, "aws-dev");
    const found = new Map(diagnostics(await call(client, "analyze", req)));
    expect(found.get("aws-rds-storage-encrypted")).toBe("mandatory");
    expect(found.get("aws-rds-iam-auth")).toBe("advisory");
    expect(found.get("aws-prod-db-backups")).toBeUndefined();
    expect([...found.keys()].some((n) => n.startsWith("gcp-"))).toBe(false);
    const stack = new pb.AnalyzeStackRequest();
    stack.setResourcesList([
      resourceFields(new pb.AnalyzerResource(), "aws:rds/cluster:Cluster", "db", cluster, "aws-dev"),
    ]);
    const names = diagnostics(await call(client, "analyzeStack", stack)).map(([n]) => n);
    expect(names).toContain("aws-cloudtrail-exists");
    expect(names.some((n) => n.startsWith("gcp-"))).toBe(false);
  }, 30_000);

  it("runs stack policies over every resource (missing audit config and alerts)", async () => {
    const client = await startPack("prod");
    const req = new pb.AnalyzeStackRequest();
    req.setResourcesList([
      resourceFields(
        new pb.AnalyzerResource(),
        "gcp:sql/databaseInstance:DatabaseInstance",
        "db",
        zonalDb,
        "prod",
      ),
    ]);
    const names = diagnostics(await call(client, "analyzeStack", req)).map(([n]) => n);
    expect(names).toEqual(
      expect.arrayContaining([
        "gcp-audit-logs-all-services",
        "gcp-log-alert-sql-config-changes",
        "gcp-log-alert-custom-role-changes",
      ]),
    );
  }, 30_000);
});
