import type { InventoryResource, SynthResult } from "./index";

/**
 * The settings worth seeing per resource type in the synth tree (property paths into the inputs).
 * Anything not listed still appears in `--json`.
 */
export const KEY_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  "gcp:sql/databaseInstance:DatabaseInstance": [
    "databaseVersion",
    "settings.tier",
    "settings.availabilityType",
    "settings.diskSize",
    "masterInstanceName",
    "settings.backupConfiguration.enabled",
    "settings.backupConfiguration.pointInTimeRecoveryEnabled",
    "settings.backupConfiguration.backupRetentionSettings.retainedBackups",
    "settings.backupConfiguration.location",
    "settings.ipConfiguration.ipv4Enabled",
    "settings.ipConfiguration.sslMode",
    "deletionProtection",
    "encryptionKeyName",
  ],
  "gcp:kms/keyRing:KeyRing": ["name", "location"],
  "gcp:kms/cryptoKey:CryptoKey": [
    "purpose",
    "versionTemplate.algorithm",
    "versionTemplate.protectionLevel",
    "rotationPeriod",
  ],
  "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember": ["role", "member"],
  "gcp:secretmanager/secret:Secret": ["secretId", "replication"],
  "gcp:secretmanager/secretVersion:SecretVersion": ["secretData"],
  "gcp:compute/subnetwork:Subnetwork": ["ipCidrRange", "privateIpGoogleAccess"],
  "gcp:compute/globalAddress:GlobalAddress": ["address", "prefixLength", "purpose"],
  "gcp:redis/instance:Instance": [
    "tier",
    "memorySizeGb",
    "redisVersion",
    "authEnabled",
    "transitEncryptionMode",
    "replicaCount",
  ],
  "gcp:cloudrunv2/service:Service": [
    "ingress",
    "template.scaling.minInstanceCount",
    "template.scaling.maxInstanceCount",
    "template.serviceAccount",
    "deletionProtection",
  ],
  "gcp:billing/budget:Budget": ["amount.specifiedAmount.units", "amount.specifiedAmount.currencyCode"],
  "gcp:monitoring/alertPolicy:AlertPolicy": ["displayName"],
  "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig": ["displayName", "httpCheck.path"],
  "random:index/randomPassword:RandomPassword": ["length"],
  "aws:kms/key:Key": ["customerMasterKeySpec", "keyUsage", "rotationPeriodInDays", "deletionWindowInDays"],
  "aws:ec2/vpc:Vpc": ["cidrBlock"],
  "aws:ec2/subnet:Subnet": ["cidrBlock", "availabilityZone"],
  "aws:ec2/vpcEndpoint:VpcEndpoint": ["serviceName"],
  "aws:rds/instance:Instance": [
    "instanceClass",
    "multiAz",
    "allocatedStorage",
    "backupRetentionPeriod",
    "deletionProtection",
  ],
  "aws:rds/cluster:Cluster": [
    "engineVersion",
    "serverlessv2ScalingConfiguration",
    "backupRetentionPeriod",
    "deletionProtection",
  ],
  "aws:elasticache/replicationGroup:ReplicationGroup": [
    "engine",
    "nodeType",
    "numCacheClusters",
    "multiAzEnabled",
  ],
  "aws:lambda/function:Function": ["imageUri", "memorySize", "timeout", "reservedConcurrentExecutions"],
  "aws:lambda/functionUrl:FunctionUrl": ["authorizationType"],
  "aws:budgets/budget:Budget": ["limitAmount", "limitUnit"],
  "aws:cloudtrail/trail:Trail": ["isMultiRegionTrail", "enableLogFileValidation"],
};

/** Reads a dotted path (`settings.tier`) from inputs. */
export function getPath(obj: unknown, dotted: string): unknown {
  let cur = obj;
  for (const part of dotted.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function short(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * The text view of a synth: a tree by component (parent), each resource with its key settings.
 *
 * @example
 * ```ts
 * console.log(renderSynthTree(await synth("dev")));
 * ```
 */
export function renderSynthTree(result: SynthResult): string {
  const byParent = new Map<string, InventoryResource[]>();
  for (const r of result.resources) {
    const list = byParent.get(r.parent) ?? [];
    list.push(r);
    byParent.set(r.parent, list);
  }
  const urns = new Set(result.resources.map((r) => r.urn));
  const roots = result.resources.filter((r) => !urns.has(r.parent));
  const counts = new Map<string, number>();
  for (const r of result.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const lines: string[] = [
    `Stack ${result.stack}: ${result.resources.length} resources (${result.resources.filter((r) => r.protect).length} protected)`,
  ];
  const walk = (r: InventoryResource, indent: string, last: boolean): void => {
    const branch = indent + (last ? "└─ " : "├─ ");
    lines.push(`${branch}${r.type} ${r.name}${r.protect ? " [protected]" : ""}`);
    const childIndent = indent + (last ? "   " : "│  ");
    for (const key of KEY_SETTINGS[r.type] ?? []) {
      const v = getPath(r.inputs, key);
      if (v !== undefined) lines.push(`${childIndent}   ${key} = ${short(v)}`);
    }
    const kids = byParent.get(r.urn) ?? [];
    kids.forEach((k, i) => walk(k, childIndent, i === kids.length - 1));
  };
  roots.forEach((r, i) => walk(r, "", i === roots.length - 1));
  const outputs = Object.entries(result.outputs);
  if (outputs.length > 0) {
    lines.push("", "Outputs:");
    for (const [k, v] of outputs) lines.push(`  ${k}: ${short(v)}`);
  }
  lines.push("", "Resources by type:");
  for (const [t, n] of [...counts].sort()) lines.push(`  ${String(n).padStart(3)}  ${t}`);
  return lines.join("\n");
}
