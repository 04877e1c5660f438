/**
 * One failing and one passing fixture per rule id, shared by the guard tests and the CrossGuard
 * policy tests. Every case runs with the prod profile.
 */
import type { GuardResource, GuardStep } from "../../plan/guards/types";
import {
  carefulInventory,
  mutate,
  named,
  res,
  sameSteps,
  setFlag,
  step,
  without,
  KEY_IDS,
  PROJECT_ID,
} from "./guard-fixtures";

/** What a case feeds runGuards. */
export interface CaseInput {
  readonly resources?: readonly GuardResource[];
  readonly steps?: readonly GuardStep[];
}

/** A rule's failing and passing fixture. */
export interface RuleCase {
  readonly rule: string;
  readonly fail: () => CaseInput;
  /** @default the careful prod inventory */
  readonly pass?: () => CaseInput;
}

const inv = () => carefulInventory("prod");
const db = (edit: (i: any) => void) => ({ resources: mutate(inv(), "db-instance", edit) });
const flag = (name: string, value: string | undefined) => db((i) => setFlag(i, name, value));
const add = (...extra: GuardResource[]) => ({ resources: [...inv(), ...extra] });
const projectMember = (name: string, role: string, member: string) =>
  res("gcp:projects/iAMMember:IAMMember", name, { project: PROJECT_ID, role, member }, { component: "api" });

/** Every rule id with its fixtures. */
export const RULE_CASES: readonly RuleCase[] = [
  {
    rule: "platform/data-loss",
    fail: () => {
      const r = named(inv(), "db-instance");
      return { steps: [step("replace", r, r.inputs, r.inputs, { replaceReasons: ["databaseVersion"] })] };
    },
    pass: () => {
      const r = named(inv(), "db-instance");
      return { steps: [step("update", r, r.inputs, r.inputs)] };
    },
  },
  {
    rule: "platform/data-loss-safeguard",
    fail: () => {
      const r = named(inv(), "db-instance");
      return { steps: [step("update", r, r.inputs, { ...r.inputs, deletionProtection: false })] };
    },
    pass: () => ({ steps: sameSteps(inv()) }),
  },
  { rule: "platform/prod-ha", fail: () => db((i) => (i.settings.availabilityType = "ZONAL")) },
  {
    rule: "platform/prod-pitr",
    fail: () => db((i) => (i.settings.backupConfiguration.pointInTimeRecoveryEnabled = false)),
  },
  {
    rule: "platform/prod-backups",
    fail: () => db((i) => (i.settings.backupConfiguration.backupRetentionSettings.retainedBackups = 3)),
  },
  { rule: "platform/prod-cmek", fail: () => db((i) => delete i.encryptionKeyName) },
  {
    rule: "platform/prod-deletion-protection",
    fail: () => ({ resources: mutate(inv(), "api-service", (i) => (i.deletionProtection = false)) }),
  },
  {
    rule: "platform/prod-hsm",
    fail: () => ({
      resources: mutate(inv(), "keys-sql", (i) => (i.versionTemplate.protectionLevel = "SOFTWARE")),
    }),
  },
  {
    rule: "platform/prod-key-rotation",
    fail: () => ({ resources: mutate(inv(), "keys-sql", (i) => (i.rotationPeriod = "31536000s")) }),
  },
  {
    rule: "platform/prod-redis-tier",
    fail: () => ({ resources: mutate(inv(), "cache-redis", (i) => (i.tier = "BASIC")) }),
  },
  {
    rule: "platform/prod-redis-auth",
    fail: () => ({ resources: mutate(inv(), "cache-redis", (i) => (i.authEnabled = false)) }),
  },
  {
    rule: "platform/prod-run-min-instances",
    fail: () => ({
      resources: mutate(inv(), "api-service", (i) => (i.template.scaling.minInstanceCount = 0)),
    }),
  },
  {
    rule: "gcp/sql-ssl-required",
    fail: () => db((i) => (i.settings.ipConfiguration.sslMode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED")),
  },
  {
    rule: "gcp/sql-ssl-client-certificates",
    fail: () => ({ resources: inv() }),
    pass: () => ({
      resources: mutate(
        mutate(
          inv(),
          "db-instance",
          (i) => (i.settings.ipConfiguration.sslMode = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"),
        ),
        "db-replica-0",
        (i) => (i.settings.ipConfiguration.sslMode = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"),
      ),
    }),
  },
  { rule: "gcp/sql-no-public-ip", fail: () => db((i) => delete i.settings.ipConfiguration.ipv4Enabled) },
  {
    rule: "gcp/sql-no-open-authorized-networks",
    fail: () =>
      db((i) => {
        i.settings.ipConfiguration.authorizedNetworks = [
          { name: "office", value: "203.0.113.0/24" },
          { value: "0.0.0.0/0" },
        ];
      }),
  },
  {
    rule: "gcp/sql-backups-enabled",
    fail: () => db((i) => (i.settings.backupConfiguration.enabled = false)),
  },
  { rule: "gcp/sql-latest-major-version", fail: () => db((i) => (i.databaseVersion = "POSTGRES_15")) },
  { rule: "gcp/pg-log-connections", fail: () => flag("log_connections", undefined) },
  { rule: "gcp/pg-log-disconnections", fail: () => flag("log_disconnections", "off") },
  { rule: "gcp/pg-log-min-duration-statement", fail: () => flag("log_min_duration_statement", "0") },
  { rule: "gcp/pg-pgaudit", fail: () => flag("cloudsql.enable_pgaudit", "off") },
  { rule: "gcp/pg-log-statement", fail: () => flag("log_statement", "none") },
  { rule: "gcp/pg-log-min-messages", fail: () => flag("log_min_messages", "error") },
  { rule: "gcp/pg-log-min-error-statement", fail: () => flag("log_min_error_statement", "fatal") },
  { rule: "gcp/pg-log-error-verbosity", fail: () => flag("log_error_verbosity", "verbose") },
  { rule: "gcp/pg-log-checkpoints", fail: () => flag("log_checkpoints", "off") },
  { rule: "gcp/pg-log-lock-waits", fail: () => flag("log_lock_waits", undefined) },
  { rule: "gcp/pg-log-temp-files", fail: () => flag("log_temp_files", "-1") },
  { rule: "gcp/pg-log-hostname", fail: () => flag("log_hostname", undefined) },
  { rule: "gcp/pg-log-duration", fail: () => flag("log_duration", "off") },
  { rule: "gcp/pg-no-stats-logging", fail: () => flag("log_planner_stats", "on") },
  {
    rule: "gcp/kms-rotation",
    fail: () => ({ resources: mutate(inv(), "keys-redis", (i) => delete i.rotationPeriod) }),
  },
  {
    rule: "gcp/kms-prevent-destroy",
    fail: () => ({ resources: mutate(inv(), "keys-sql", () => undefined, { protect: false }) }),
  },
  {
    rule: "gcp/kms-not-public",
    fail: () =>
      add(
        res(
          "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding",
          "keys-ring-public",
          {
            keyRingId: "acme-keys",
            role: "roles/cloudkms.viewer",
            members: ["user:a@acme.example", "allAuthenticatedUsers"],
          },
          { component: "kms" },
        ),
      ),
  },
  {
    rule: "gcp/kms-separation-of-duties",
    fail: () =>
      add(
        res(
          "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
          "keys-sql-admins-use",
          {
            cryptoKeyId: "sql",
            role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
            member: "group:platform-admins@acme.example",
          },
          { component: "kms" },
        ),
      ),
  },
  {
    rule: "gcp/run-no-public-invoker",
    fail: () => ({ resources: mutate(inv(), "api-invoker-lb", (i) => (i.member = "allUsers")) }),
  },
  {
    rule: "gcp/run-ingress-restricted",
    fail: () => ({ resources: mutate(inv(), "api-service", (i) => (i.ingress = "INGRESS_TRAFFIC_ALL")) }),
  },
  {
    rule: "gcp/run-dedicated-service-account",
    fail: () => ({ resources: mutate(inv(), "api-service", (i) => delete i.template.serviceAccount) }),
  },
  {
    rule: "gcp/redis-auth",
    fail: () => ({ resources: mutate(inv(), "cache-redis", (i) => delete i.authEnabled) }),
  },
  {
    rule: "gcp/redis-transit-encryption",
    fail: () => ({ resources: mutate(inv(), "cache-redis", (i) => (i.transitEncryptionMode = "DISABLED")) }),
  },
  {
    rule: "gcp/audit-logs-all-services",
    fail: () => ({ resources: without(inv(), "obs-audit-all-services") }),
  },
  {
    rule: "gcp/audit-config-complete",
    fail: () => ({
      resources: mutate(inv(), "obs-audit-all-services", (i) => {
        i.auditLogConfigs = [
          { logType: "ADMIN_READ" },
          { logType: "DATA_READ", exemptedMembers: ["user:ci@acme.example"] },
        ];
      }),
    }),
  },
  {
    rule: "gcp/log-alert-project-ownership",
    fail: () => ({ resources: without(inv(), "obs-projectOwnership-alert") }),
  },
  {
    rule: "gcp/log-alert-audit-config-changes",
    fail: () => ({ resources: without(inv(), "obs-auditConfigChanges-metric") }),
  },
  {
    rule: "gcp/log-alert-custom-role-changes",
    fail: () => ({ resources: mutate(inv(), "obs-customRoleChanges-alert", (i) => (i.enabled = false)) }),
  },
  {
    rule: "gcp/log-alert-sql-config-changes",
    fail: () => ({ resources: without(inv(), "obs-sqlConfigChanges-alert", "obs-sqlConfigChanges-metric") }),
  },
  {
    rule: "gcp/iam-no-project-sa-impersonation",
    fail: () =>
      add(
        projectMember(
          "deployer-sa-user",
          "roles/iam.serviceAccountUser",
          "serviceAccount:deployer@acme-prod.iam.gserviceaccount.com",
        ),
      ),
  },
  {
    rule: "gcp/iam-no-default-sa-grants",
    fail: () =>
      add(
        projectMember(
          "default-logs",
          "roles/logging.logWriter",
          "serviceAccount:123456789012-compute@developer.gserviceaccount.com",
        ),
      ),
  },
  {
    rule: "gcp/iam-no-basic-roles",
    fail: () => add(projectMember("devs-editor", "roles/editor", "group:devs@acme.example")),
  },
  {
    rule: "gcp/iam-no-privileged-sa",
    fail: () =>
      add(
        projectMember(
          "api-sql-admin",
          "roles/cloudsql.admin",
          `serviceAccount:api-sa@acme-prod.iam.gserviceaccount.com`,
        ),
      ),
  },
  {
    rule: "gcp/artifact-registry-private",
    fail: () => ({ resources: mutate(inv(), "registry-reader", (i) => (i.member = "allUsers")) }),
  },
  {
    rule: "gcp/artifact-registry-cmek",
    fail: () => ({ resources: mutate(inv(), "registry-repo", (i) => delete i.kmsKeyName) }),
  },
  // Checkov checks outside table §1a (PEER_CHECKS): each with a passing resource of the same type.
  {
    rule: "gcp/subnet-flow-logs",
    fail: () => add(subnet((i) => delete i.logConfig)),
    pass: () => add(subnet()),
  },
  {
    rule: "gcp/subnet-private-google-access",
    fail: () => add(subnet((i) => (i.privateIpGoogleAccess = false))),
    pass: () => add(subnet()),
  },
  {
    rule: "gcp/no-default-network",
    fail: () => add(vpc((i) => (i.autoCreateSubnetworks = true))),
    pass: () =>
      add(
        vpc(),
        res("gcp:organizations/project:Project", "project", {
          projectId: PROJECT_ID,
          autoCreateNetwork: false,
        }),
      ),
  },
  {
    rule: "gcp/iam-no-sa-management-roles",
    fail: () =>
      add(
        projectMember(
          "ci-wif-user",
          "roles/iam.workloadIdentityUser",
          "serviceAccount:deployer@acme-prod.iam.gserviceaccount.com",
        ),
      ),
  },
  {
    rule: "gcp/iam-no-user-managed-sa-keys",
    fail: () =>
      add(
        res("gcp:serviceaccount/key:Key", "ci-key", {
          serviceAccountId: "deployer@acme-prod.iam.gserviceaccount.com",
        }),
      ),
  },
  {
    rule: "gcp/pubsub-cmek",
    fail: () => add(topic((i) => delete i.kmsKeyName)),
    pass: () => add(topic()),
  },
  {
    rule: "gcp/pubsub-not-public",
    fail: () => add(topic(), topicMember("allUsers")),
    pass: () => add(topic(), topicMember("serviceAccount:billing-budget-alert@system.gserviceaccount.com")),
  },
  {
    rule: "gcp/log-sink-bucket-locked",
    fail: () => add(sink(), logBucket(false)),
    pass: () => add(sink(), logBucket(true)),
  },
];

function subnet(edit: (i: any) => void = () => undefined): GuardResource {
  const inputs: any = {
    name: "shop-prod-run",
    region: "europe-west1",
    ipCidrRange: "10.8.0.0/24",
    privateIpGoogleAccess: true,
    logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
  };
  edit(inputs);
  return res("gcp:compute/subnetwork:Subnetwork", "net-subnet", inputs, { component: "net" });
}

function vpc(edit: (i: any) => void = () => undefined): GuardResource {
  const inputs: any = { name: "shop-prod-vpc", autoCreateSubnetworks: false, routingMode: "REGIONAL" };
  edit(inputs);
  return res("gcp:compute/network:Network", "net-vpc", inputs, { component: "net" });
}

function topic(edit: (i: any) => void = () => undefined): GuardResource {
  const inputs: any = { name: "shop-prod-budget", kmsKeyName: KEY_IDS.sql };
  edit(inputs);
  return res("gcp:pubsub/topic:Topic", "budget-topic", inputs, { component: "budget" });
}

function topicMember(member: string): GuardResource {
  return res(
    "gcp:pubsub/topicIAMMember:TopicIAMMember",
    "budget-topic-publisher",
    { topic: "shop-prod-budget", role: "roles/pubsub.publisher", member },
    { component: "budget" },
  );
}

function sink(): GuardResource {
  return res(
    "gcp:logging/projectSink:ProjectSink",
    "audit-archive",
    {
      name: "audit-archive",
      destination: "storage.googleapis.com/acme-prod-audit-logs",
      filter: "logName:cloudaudit",
    },
    { component: "obs" },
  );
}

function logBucket(locked: boolean): GuardResource {
  return res(
    "gcp:storage/bucket:Bucket",
    "audit-bucket",
    {
      name: "acme-prod-audit-logs",
      location: "EU",
      retentionPolicy: { retentionPeriod: 31536000, isLocked: locked },
    },
    { component: "obs" },
  );
}
