import { Network } from "../components/network";
import type { PlatformContext } from "../components/shared";

const ctx: PlatformContext = {
  env: "dev",
  profile: "dev",
  app: "shop",
  project: "acme-shop-dev",
  region: "europe-west1",
};

// A custom-mode VPC, a /24 for Cloud Run direct VPC egress and a /20 Private Service Access range.
export const net = new Network("net", {
  ctx,
  subnetCidr: "10.8.0.0/24",
  privateServiceRange: { address: "10.100.0.0", prefixLength: 20 },
});
