import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  AwsKmsKeyRing,
  keyPolicyStatements,
  normalizeAwsKeys,
  validateAwsRotationDays,
  validatePrincipalArns,
} from "../../components/kms-key-ring";
import { AwsNetwork, subnetCidrs, validateAwsNetwork } from "../../components/network";
import type { AwsContext } from "../../components/shared/context";
import { PlatformError } from "../../components/shared/errors";
import { awsComputed, regionCode } from "../../orchestrator/synth/aws-state";
import { promiseOf, setupMocks } from "../support/harness";

const ctx = (profile: "dev" | "staging" | "prod"): AwsContext => ({
  cloud: "aws",
  env: `aws-${profile}`,
  profile,
  app: "shop",
  region: "us-east-1",
  accountId: "210987654321",
  labels: { team: "core" },
});

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("aws-dev");
});
beforeEach(() => rec.reset());

describe("AwsNetwork", () => {
  it.each([
    ["dev", 2],
    ["prod", 3],
  ] as const)("%s: private subnets in %i AZs, closed default SG, flow logs, no NAT", async (profile, azs) => {
    const net = new AwsNetwork("net", { ctx: ctx(profile) });
    await promiseOf(net.vpcId);
    await rec.settled();
    expect(rec.counts("net")).toEqual({
      "platform:network:Network": 1,
      "aws:ec2/vpc:Vpc": 1,
      "aws:ec2/subnet:Subnet": azs,
      "aws:ec2/routeTable:RouteTable": 1,
      "aws:ec2/routeTableAssociation:RouteTableAssociation": azs,
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
      "aws:cloudwatch/logGroup:LogGroup": 1,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicy:RolePolicy": 1,
      "aws:ec2/flowLog:FlowLog": 1,
    });
    expect(
      rec.find("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "net-default-sg").inputs,
    ).toMatchObject({
      ingress: [],
      egress: [],
    });
    const subnets = rec.ofType("aws:ec2/subnet:Subnet");
    expect(subnets.map((s) => s.inputs["availabilityZone"])).toEqual(
      ["us-east-1a", "us-east-1b", "us-east-1c"].slice(0, azs),
    );
    expect(subnets.every((s) => s.inputs["mapPublicIpOnLaunch"] === false)).toBe(true);
    expect(rec.find("aws:ec2/flowLog:FlowLog", "net-flow-log").inputs).toMatchObject({ trafficType: "ALL" });
    const policy = JSON.parse(
      rec.find("aws:iam/rolePolicy:RolePolicy", "net-flow-logs-policy").inputs["policy"] as string,
    );
    expect(policy.Statement[0].Resource).toEqual([
      "arn:aws:logs:us-east-1:123456789012:log-group:/platform/shop-aws-prod/vpc-flow-logs".replace(
        "prod",
        profile,
      ),
      "arn:aws:logs:us-east-1:123456789012:log-group:/platform/shop-aws-prod/vpc-flow-logs:*".replace(
        "prod",
        profile,
      ),
    ]);
    expect(rec.ofType("aws:ec2/natGateway:NatGateway")).toHaveLength(0);
  });

  it("adds interface endpoints in every subnet behind an HTTPS-from-VPC group", async () => {
    const net = new AwsNetwork("n2", { ctx: ctx("staging"), endpoints: ["secretsmanager"] });
    await promiseOf(net.vpcId);
    await rec.settled();
    const ep = rec.find("aws:ec2/vpcEndpoint:VpcEndpoint", "n2-endpoint-secretsmanager");
    expect(ep.inputs).toMatchObject({
      serviceName: "com.amazonaws.us-east-1.secretsmanager",
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
    });
    expect((ep.inputs["subnetIds"] as string[]).length).toBe(2);
  });

  it("cuts subnets and validates without mocks", () => {
    expect(subnetCidrs("10.20.0.0/16", 3)).toEqual(["10.20.0.0/18", "10.20.64.0/18", "10.20.128.0/18"]);
    expect(subnetCidrs("10.1.2.0/24", 2)).toEqual(["10.1.2.0/26", "10.1.2.64/26"]);
    expect(
      validateAwsNetwork({ cidr: "10.0.0.0/28", azCount: 4, endpoints: ["s3"], flowLogRetentionDays: 31 }),
    ).toEqual([
      "cidr: prefix length must be 16–24 (four subnets are cut from it), got 28",
      "azCount must be 2–3 (RDS and ElastiCache need two AZs), got 4",
      'endpoints: unknown "s3"; allowed: secretsmanager, kms, xray, logs, sts',
      expect.stringContaining("flowLogRetentionDays must be one of 1, 3"),
    ]);
    expect(() => new AwsNetwork("bad", { ctx: ctx("dev"), cidr: "8.8.0.0/16" })).toThrow(
      /Network 'bad': cidr must be a private \(RFC 1918\) range/,
    );
  });
});

describe("AwsKmsKeyRing", () => {
  it("creates protected keys with rotation exactly 90, Ed25519 signing, aliases and a least-privilege policy", async () => {
    const kms = new AwsKmsKeyRing("kms", {
      ctx: ctx("prod"),
      keys: {
        data: { viaServices: ["rds", "secretsmanager"], servicePrincipals: ["logs", "budgets"] },
        signing: {
          purpose: "ASYMMETRIC_SIGN",
          consumers: { sign: ["arn:aws:iam::210987654321:role/signer"] },
        },
      },
    });
    await promiseOf(kms.keyArns["data"]!);
    await rec.settled();
    expect(rec.counts("kms")).toEqual({
      "platform:security:KmsKeyRing": 1,
      "aws:kms/key:Key": 2,
      "aws:kms/alias:Alias": 2,
    });
    const data = rec.find("aws:kms/key:Key", "kms-key-data");
    expect(data.protect).toBe(true);
    expect(data.inputs).toMatchObject({
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      keyUsage: "ENCRYPT_DECRYPT",
      enableKeyRotation: true,
      rotationPeriodInDays: 90,
      deletionWindowInDays: 30,
      tags: {
        env: "aws-prod",
        app: "shop",
        component: "kms",
        "managed-by": "platform",
        team: "core",
        key: "data",
      },
    });
    const signing = rec.find("aws:kms/key:Key", "kms-key-signing");
    expect(signing.inputs).toMatchObject({
      customerMasterKeySpec: "ECC_NIST_EDWARDS25519",
      keyUsage: "SIGN_VERIFY",
      enableKeyRotation: false,
    });
    expect(signing.inputs["rotationPeriodInDays"]).toBeUndefined();
    expect(rec.find("aws:kms/alias:Alias", "kms-alias-data").inputs["name"]).toBe("alias/shop-aws-prod-data");

    const policy = JSON.parse(data.inputs["policy"] as string);
    const sids = policy.Statement.map((s: { Sid: string }) => s.Sid);
    expect(sids).toEqual([
      "KeyAdministration",
      "UseThroughAwsServices",
      "GrantsForAwsResources",
      "CloudWatchLogs",
      "BudgetsPublishToEncryptedTopic",
    ]);
    const admin = policy.Statement[0];
    expect(admin.Principal).toEqual({ AWS: ["arn:aws:iam::210987654321:root"] });
    expect(admin.Action).not.toContain("kms:Decrypt");
    expect(admin.Action).not.toContain("kms:*");
    expect(policy.Statement[1].Condition.StringEquals["kms:ViaService"]).toEqual([
      "rds.us-east-1.amazonaws.com",
      "secretsmanager.us-east-1.amazonaws.com",
    ]);
    const signPolicy = JSON.parse(signing.inputs["policy"] as string);
    expect(signPolicy.Statement[1]).toMatchObject({
      Sid: "UseSignVerify",
      Principal: { AWS: ["arn:aws:iam::210987654321:role/signer"] },
      Action: ["kms:Sign", "kms:Verify", "kms:GetPublicKey", "kms:DescribeKey"],
    });
  });

  it("rotation must be exactly 90 and asymmetric keys cannot rotate (pure)", () => {
    expect(validateAwsRotationDays("rotationDays", 90)).toEqual([]);
    expect(validateAwsRotationDays("rotationDays", 30)).toEqual([
      "rotationDays must be 90 on AWS: AWS allows 90–2560 days and the platform requires ≤ 90, got 30",
    ]);
    expect(() =>
      normalizeAwsKeys("kms", { keys: { s: { purpose: "ASYMMETRIC_SIGN", rotationDays: 90 } } }),
    ).toThrow(
      "KmsKeyRing 'kms': keys.s.rotationDays: AWS cannot rotate ASYMMETRIC_SIGN keys automatically; remove rotationDays and rotate by creating a new key and moving the alias",
    );
    expect(() =>
      normalizeAwsKeys("kms", { keys: { d: { deletionWindowDays: 3, consumers: { sign: ["*"] } } } }),
    ).toThrow(PlatformError);
    expect(validatePrincipalArns("c", ["*", "arn:aws:iam::123456789012:role/x", "bob"])).toEqual([
      'c: "*" would let any AWS account use the key; name IAM role ARNs',
      'c: must be an IAM role, user or root ARN (arn:aws:iam::<account>:role/…), got "bob"',
    ]);
    const [cks] = normalizeAwsKeys("kms", { customKeyStoreId: "cks-1234567890abcdef0", keys: { d: {} } });
    expect(cks!.rotationDays).toBeUndefined();
    expect(() =>
      normalizeAwsKeys("kms", {
        customKeyStoreId: "cks-1234567890abcdef0",
        keys: { s: { purpose: "ASYMMETRIC_SIGN" } },
      }),
    ).toThrow(/CloudHSM custom key store holds symmetric keys only/);
  });

  it("CloudTrail statements scope to this account's trails", () => {
    const [spec] = normalizeAwsKeys("kms", { keys: { d: { servicePrincipals: ["cloudtrail"] } } });
    const st = keyPolicyStatements(spec!, { account: "1", region: "eu-west-1", admins: [] });
    expect(st.map((s) => s.Sid)).toEqual([
      "KeyAdministration",
      "CloudTrailEncrypt",
      "CloudTrailDecryptInAccount",
    ]);
  });
});

describe("offline AWS ids and ARNs (synth mock runtime and the CLI double)", () => {
  it("are deterministic, plausible and in the stack's region and account", () => {
    const at = { region: "eu-west-1", account: "210987654321" };
    const role = awsComputed("aws:iam/role:Role", "api-role", { name: "shop-api-run" }, at)!;
    expect(role).toMatchObject({
      id: "shop-api-run",
      outs: { arn: "arn:aws:iam::210987654321:role/shop-api-run" },
    });
    const key = awsComputed("aws:kms/key:Key", "kms-key-data", {}, at)!;
    expect(key.outs["arn"]).toMatch(
      /^arn:aws:kms:eu-west-1:210987654321:key\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(awsComputed("aws:kms/key:Key", "kms-key-data", {}, at)).toEqual(key);
    expect(awsComputed("aws:ec2/vpc:Vpc", "net-vpc", {}, at)!.id).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(awsComputed("gcp:kms/keyRing:KeyRing", "r", {}, at)).toBeUndefined();
    expect(regionCode("ap-southeast-1")).toBe("aps1");
  });
});
