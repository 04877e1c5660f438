// Secret platform:service.env values on AWS: each becomes a CMK-encrypted Secrets Manager secret the
// function reads by ARN; neither the value nor the "[secret]" mask reaches the Lambda environment.
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { parseEnvironmentConfig } from "../../programs/config";
import { awsPlatformProgram } from "../../programs/aws";
import { promiseOf, setupMocks } from "../support/harness";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0";
const CANARY = "sk-live-canary-7d1e0c";

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("aws-dev");
});

describe("secret service env on AWS", () => {
  it("becomes a Secrets Manager secret read through API_KEY_SECRET_ID; the value stays out of the function", async () => {
    const cfg = parseEnvironmentConfig(
      "aws-dev",
      {
        "aws:region": "us-east-1",
        "aws:allowedAccountIds": ["123456789012"],
        "platform:environment": { cloud: "aws", profile: "dev", app: "shop" },
        "platform:service": { image: IMAGE, env: { LOG_LEVEL: "debug", API_KEY: "[secret]" } },
      },
      { secrets: [{ key: "platform:service", path: ["env", "API_KEY"] }] },
    );
    expect(cfg.secretEnvNames).toEqual(["API_KEY"]);
    const out = awsPlatformProgram(cfg, { secretEnv: { API_KEY: CANARY } });
    await promiseOf(out.serviceUrl);
    await rec.settled();
    const secret = rec.find("aws:secretsmanager/secret:Secret", "api-env-api-key-secret");
    expect(secret.inputs["kmsKeyId"]).toEqual(expect.stringMatching(/^arn:aws:kms:/));
    const fn = rec.find("aws:lambda/function:Function", "api-function");
    const vars = (fn.inputs["environment"] as { variables: Record<string, string> }).variables;
    expect(vars["LOG_LEVEL"]).toBe("debug");
    expect(vars["API_KEY"]).toBeUndefined();
    expect(vars["API_KEY_SECRET_ID"]).toMatch(
      /^arn:aws:secretsmanager:us-east-1:123456789012:secret:shop\/aws-dev\/api-env-api-key-/,
    );
    expect(JSON.stringify(fn.inputs)).not.toContain(CANARY);
    expect(JSON.stringify(fn.inputs)).not.toContain("[secret]");
    const access = JSON.parse(
      rec.find("aws:iam/rolePolicy:RolePolicy", "api-access").inputs["policy"] as string,
    );
    const read = access.Statement.find((s: { Sid: string }) => s.Sid === "LinkedSecrets");
    expect(read.Resource).toContain(vars["API_KEY_SECRET_ID"]);
  });
});
