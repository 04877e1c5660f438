/**
 * Data in the cluster: a CloudNativePG Cluster (instances × the postgres requests, the Barman
 * Cloud plugin's sidecar per instance, and every instance's data and WAL volumes), a
 * PersistentVolumeClaim, and the objects whose cost lives elsewhere (the ObjectStore's bucket,
 * a LoadBalancer Service's cloud load balancer).
 */
import { HOURS_PER_MONTH } from "../../prices/gcp";
import { formatQty } from "../../format";
import { parseCpu, parseMemoryGib } from "../../inputs";
import { bill, type Estimate, type EstimateInput } from "../types";
import {
  K8S_TYPES,
  describePod,
  nameOf,
  podHourly,
  podsNote,
  resolveRates,
  sameNamespace,
  storageGib,
} from "./pods";

/** The Barman Cloud plugin's name in `Cluster.spec.plugins`. */
export const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

const quantity = (v: unknown, parse: (q: string) => number | undefined) =>
  typeof v === "string" ? parse(v) : undefined;

/**
 * A CloudNativePG Cluster: `spec.instances` (default 1) × the postgres container's requests
 * (`spec.resources.requests`, else its limits), plus, when the Barman Cloud plugin archives WAL,
 * the plugin sidecar's requests from its ObjectStore (`instanceSidecarConfiguration.resources`)
 * per instance; and `spec.storage.size` + `spec.walStorage.size` per instance at the storage rate.
 *
 * @example
 * ```ts
 * estimateCnpgCluster(input); // 4 pods × (1.1 vCPU × … + 2.125 GiB × …) × 730 h + 4 × 125 GiB × $0.08
 * ```
 */
export function estimateCnpgCluster(input: EstimateInput): Estimate {
  const b = bill();
  const rates = resolveRates(input);
  const r = input.read;
  const instancesRaw = r.num("spec.instances");
  const instances = typeof instancesRaw === "number" ? instancesRaw : 1;
  const res = (what: "cpu" | "memory") =>
    r.peek(`spec.resources.requests.${what}`) ?? r.peek(`spec.resources.limits.${what}`);
  const pg = {
    name: "postgres",
    cpu: quantity(res("cpu"), parseCpu) ?? 0,
    gib: quantity(res("memory"), parseMemoryGib) ?? 0,
    notes: [] as string[],
  };
  if (res("cpu") === undefined) pg.notes.push("postgres: no cpu request in spec.resources (priced at 0)");
  if (res("memory") === undefined)
    pg.notes.push("postgres: no memory request in spec.resources (priced at 0)");
  const containers = [pg];
  const plugins = r.list("spec.plugins");
  const barman = Array.isArray(plugins)
    ? (plugins as { name?: unknown; parameters?: { barmanObjectName?: unknown } }[]).find(
        (p) => p.name === BARMAN_PLUGIN,
      )
    : undefined;
  if (barman) {
    const storeName = barman.parameters?.barmanObjectName;
    const store = sameNamespace(input, K8S_TYPES.objectStore).find((s) => nameOf(s.inputs) === storeName);
    const side = (
      store?.inputs as
        | { spec?: { instanceSidecarConfiguration?: { resources?: { requests?: Record<string, unknown> } } } }
        | undefined
    )?.spec?.instanceSidecarConfiguration?.resources?.requests;
    if (store && side)
      containers.push({
        name: "plugin-barman-cloud",
        cpu: quantity(side["cpu"], parseCpu) ?? 0,
        gib: quantity(side["memory"], parseMemoryGib) ?? 0,
        notes: [`plugin-barman-cloud sidecar requests from ObjectStore ${String(storeName)}`],
      });
    else
      b.note(
        `Barman Cloud plugin sidecar: ObjectStore ${JSON.stringify(storeName)} not found or without sidecar requests (not priced)`,
      );
  }
  const pod = {
    containers,
    cpu: containers.reduce((a, c) => a + c.cpu, 0),
    gib: containers.reduce((a, c) => a + c.gib, 0),
    unknown: false,
  };
  b.baseline(
    instances * podHourly(pod, rates.rates) * HOURS_PER_MONTH,
    `${podsNote(instances, pod, rates.rates)} (spec.instances ${instances})`,
  );
  b.note(`instance requests: ${describePod(pod)}`);
  for (const c of containers) for (const n of c.notes) b.note(n);
  for (const [path, what] of [
    ["spec.storage.size", "data volume"],
    ["spec.walStorage.size", "WAL volume"],
  ] as const) {
    const raw = r.peek(path);
    if (raw === undefined) continue;
    const gib = storageGib(raw);
    if (gib === undefined) {
      b.note(`${what}: size ${JSON.stringify(raw)} not priced`);
      continue;
    }
    b.baseline(
      instances * gib * rates.rates.storageGbMonth,
      `${what}: ${formatQty(instances)} × ${formatQty(gib)} GiB × $${rates.rates.storageGbMonth}/GB-month`,
    );
  }
  if (r.peek("spec.storage.size") === undefined && r.peek("spec.storage.pvcTemplate") === undefined)
    b.note("no spec.storage.size: the operator's default volume is not priced");
  b.note("base backups and archived WAL in the object store are billed by the cloud (not priced)");
  b.note(rates.note);
  return b.done();
}

/**
 * A PersistentVolumeClaim: `spec.resources.requests.storage` at the storage rate.
 *
 * @example
 * ```ts
 * estimateK8sPvc(input); // 10 GiB × $0.1/GB-month = $1.00
 * ```
 */
export function estimateK8sPvc(input: EstimateInput): Estimate {
  const b = bill();
  const rates = resolveRates(input);
  const raw = input.read.peek("spec.resources.requests.storage");
  const gib = storageGib(raw);
  if (gib === undefined) {
    b.note(`storage request ${JSON.stringify(raw)} is not a quantity`);
    return b.done({ notPriced: true });
  }
  b.baseline(
    gib * rates.rates.storageGbMonth,
    `${formatQty(gib)} GiB × $${rates.rates.storageGbMonth}/GB-month`,
  );
  b.note(rates.note);
  return b.done();
}

/**
 * A Service: ClusterIP, headless and NodePort Services cost nothing by themselves; a LoadBalancer
 * Service provisions a cloud load balancer the rates do not cover (not priced).
 *
 * @example
 * ```ts
 * estimateK8sService(input); // { baseline: 0, notes: ["free: a ClusterIP Service is a virtual IP in the cluster"] }
 * ```
 */
export function estimateK8sService(input: EstimateInput): Estimate {
  const b = bill();
  const type = input.read.str("spec.type");
  if (type === "LoadBalancer") {
    b.note("type LoadBalancer: the cloud's load balancer is billed by the cloud, not by the cluster rates");
    return b.done({ notPriced: true });
  }
  b.note(`free: a ${typeof type === "string" ? type : "ClusterIP"} Service is a virtual IP in the cluster`);
  return b.done();
}

/**
 * A Barman Cloud ObjectStore: the bucket it writes to is billed by the cloud; its sidecar is
 * priced on the Cluster that uses it.
 *
 * @example
 * ```ts
 * estimateBarmanObjectStore(input).notes; // ["free in the cluster: …"]
 * ```
 */
export function estimateBarmanObjectStore(input: EstimateInput): Estimate {
  const b = bill();
  const dest = input.read.str("spec.configuration.destinationPath");
  b.note(
    `free in the cluster: base backups and WAL go to ${typeof dest === "string" ? dest : "the object store"}, billed by the cloud (not priced); the plugin sidecar is priced on the Cluster`,
  );
  const retention = input.read.str("spec.retentionPolicy");
  if (typeof retention === "string") b.note(`retention ${retention}`);
  return b.done();
}
