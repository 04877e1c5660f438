import * as pulumi from "@pulumi/pulumi";
import { awsComputed, MOCK_AWS_ACCOUNT, type AwsPlace } from "./aws-state";
import type { RecordingOptions } from "./recorder";

// Offline answers for the few outputs the program reads back (project number, connection names,
// service URLs). Synth and the unit tests share them so both see the same inventory.

/** GCP invokes the components may call under test, answered with realistic data. */
export const MOCK_INVOKES: RecordingOptions["invokes"] = {
  "gcp:organizations/getProject:getProject": (i: any) => ({
    projectId: i.projectId ?? "acme-project",
    number: "123456789012",
    name: i.projectId ?? "acme-project",
  }),
  "aws:index/getCallerIdentity:getCallerIdentity": () => {
    const { account } = awsPlace();
    return {
      accountId: account,
      arn: `arn:aws:iam::${account}:user/platform-synth`,
      userId: "AIDASYNTH",
      id: account,
    };
  },
  "aws:index/getAvailabilityZones:getAvailabilityZones": () => {
    const { region } = awsPlace();
    const names = ["a", "b", "c"].map((z) => `${region}${z}`);
    return {
      names,
      zoneIds: names.map((_, i) => `${region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
      id: region,
    };
  },
};

/** The region and account offline AWS resources get: the stack's `aws:region` and pinned account. */
export function awsPlace(): AwsPlace {
  const region = pulumi.runtime.getConfig("aws:region") ?? "us-east-1";
  let account = MOCK_AWS_ACCOUNT;
  try {
    const ids = JSON.parse(pulumi.runtime.getConfig("aws:allowedAccountIds") ?? "[]") as unknown;
    if (Array.isArray(ids) && ids.length === 1 && typeof ids[0] === "string") account = ids[0];
  } catch {
    // not JSON: keep the mock account
  }
  return { region, account };
}

/** Realistic output state for resources whose outputs the components read. */
export function mockState(type: string, name: string, inputs: any): Record<string, unknown> {
  const awsState = awsComputed(type, name, inputs ?? {}, awsPlace());
  // `__id` is the resource id the recorder reports (AWS ids such as vpc-0… are read back as ids).
  if (awsState) return { ...awsState.outs, __id: awsState.id };
  switch (type) {
    case "gcp:sql/databaseInstance:DatabaseInstance":
      return {
        connectionName: `${inputs.project ?? "acme-project"}:${inputs.region ?? "europe-west1"}:${inputs.name ?? name}`,
        privateIpAddress: "10.10.0.3",
        selfLink: `https://sqladmin.googleapis.com/sql/v1beta4/projects/acme-project/instances/${inputs.name ?? name}`,
      };
    case "random:index/randomId:RandomId":
      // Offline stand-in for a per-deployment suffix (the real one is random and kept in state).
      return { hex: "0".repeat(2 * (inputs.byteLength ?? 8)) };
    case "gcp:kms/keyRing:KeyRing":
      return { id: `projects/acme-project/locations/${inputs.location}/keyRings/${inputs.name ?? name}` };
    case "gcp:redis/instance:Instance":
      return { host: "10.20.0.4", port: 6378, authString: "redis-auth-from-mock", serverCaCerts: [] };
    case "gcp:cloudrunv2/service:Service":
      return { uri: `https://${inputs.name ?? name}-abc123-ew.a.run.app` };
    case "gcp:secretmanager/secret:Secret":
      return { name: `projects/123456789012/secrets/${inputs.secretId ?? name}` };
    case "gcp:serviceaccount/account:Account":
      return { email: `${inputs.accountId ?? name}@acme-project.iam.gserviceaccount.com` };
    case "gcp:monitoring/notificationChannel:NotificationChannel":
      return { name: `projects/${inputs.project ?? "acme-project"}/notificationChannels/${name}` };
    case "gcp:monitoring/alertPolicy:AlertPolicy":
      return { name: `projects/${inputs.project ?? "acme-project"}/alertPolicies/${name}` };
    case "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig":
      return {
        uptimeCheckId: name,
        name: `projects/${inputs.project ?? "acme-project"}/uptimeCheckConfigs/${name}`,
      };
    case "gcp:billing/budget:Budget":
      return { name: `billingAccounts/${inputs.billingAccount}/budgets/${name}` };
    default:
      return {};
  }
}
