import { KmsKeyRing } from "../components/kms-key-ring";
import type { PlatformContext } from "../components/shared";

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-shop-prod",
  region: "europe-west1",
};

// An HSM ring with a CMEK key for Cloud SQL / Memorystore / Secret Manager and an Ed25519 signing key.
export const kms = new KmsKeyRing("kms", {
  ctx,
  protectionLevel: "HSM",
  rotationDays: 30,
  keys: {
    data: { serviceAgents: ["cloudsql", "memorystore", "secretmanager"] },
    signing: {
      purpose: "ASYMMETRIC_SIGN",
      grants: { signerVerifier: ["serviceAccount:api@acme-shop-prod.iam.gserviceaccount.com"] },
    },
  },
});
export const dataKeyId = kms.keyIds["data"];
