import { PlatformError, show } from "../shared/errors";
import { isK8sCpu } from "../shared/kubernetes";

/** Pure rules of RedisCache on Kubernetes: Valkey and Sentinel configuration, sizing, the init script. */

/** Sentinel's name for the primary. */
export const SENTINEL_MASTER = "mymaster" as const;
/** Where the cert-manager Secret is mounted. */
export const TLS_DIR = "/tls" as const;

/** Settings of a Valkey StatefulSet. */
export interface ValkeySettings {
  /** 1 (BASIC) or 3 (STANDARD_HA: primary + 2 replicas + Sentinel in every pod). */
  readonly replicas: number;
  readonly memorySizeGb: number;
  readonly persistence: "none" | "rdb";
  readonly cpu: string;
}

/**
 * Validates the settings (pure); throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * validateValkey("cache", { replicas: 2, memorySizeGb: 1, persistence: "rdb", cpu: "100m" }); // PlatformError: … replicas must be 1 or 3 …
 * ```
 */
export function validateValkey(name: string, s: ValkeySettings): void {
  const p: string[] = [];
  if (s.replicas !== 1 && s.replicas !== 3)
    p.push(`replicas must be 1 or 3 (a Sentinel quorum needs 3), got ${show(s.replicas)}`);
  if (!Number.isInteger(s.memorySizeGb) || s.memorySizeGb < 1 || s.memorySizeGb > 256)
    p.push(`memorySizeGb must be 1–256, got ${show(s.memorySizeGb)}`);
  if (s.persistence !== "none" && s.persistence !== "rdb")
    p.push(`persistence must be none | rdb, got ${show(s.persistence)}`);
  if (!isK8sCpu(s.cpu)) p.push(`cpu must be a CPU quantity such as "100m", got ${show(s.cpu)}`);
  if (p.length > 0) throw new PlatformError(`RedisCache '${name}': ${p.join("; ")}`);
}

/**
 * `maxmemory` in MB: 80 % of the container's memory (the rest for replication buffers and forks).
 *
 * @example
 * ```ts
 * maxMemoryMb(1); // 819
 * ```
 */
export function maxMemoryMb(memorySizeGb: number): number {
  return Math.floor(memorySizeGb * 1024 * 0.8);
}

/**
 * valkey.conf: TLS only (plaintext port 0), replication over TLS, data on the PVC, the memory cap
 * with LRU eviction, RDB snapshots or none. The password comes from the environment at start.
 *
 * @example
 * ```ts
 * valkeyConf({ replicas: 1, memorySizeGb: 1, persistence: "rdb", cpu: "100m" }).includes("port 0"); // true
 * ```
 */
export function valkeyConf(s: ValkeySettings): string {
  return [
    "port 0",
    "tls-port 6379",
    `tls-cert-file ${TLS_DIR}/tls.crt`,
    `tls-key-file ${TLS_DIR}/tls.key`,
    `tls-ca-cert-file ${TLS_DIR}/ca.crt`,
    "tls-auth-clients no",
    "tls-replication yes",
    "dir /data",
    `maxmemory ${maxMemoryMb(s.memorySizeGb)}mb`,
    "maxmemory-policy allkeys-lru",
    s.persistence === "rdb" ? "save 3600 1 300 100 60 10000" : 'save ""',
    "appendonly no",
    'rename-command FLUSHALL ""',
    'rename-command DEBUG ""',
  ].join("\n");
}

/**
 * sentinel.conf template (the init script fills in the primary, its own name and the password).
 *
 * @example
 * ```ts
 * sentinelConf().includes("sentinel resolve-hostnames yes"); // true
 * ```
 */
export function sentinelConf(): string {
  return [
    "port 0",
    "tls-port 26379",
    `tls-cert-file ${TLS_DIR}/tls.crt`,
    `tls-key-file ${TLS_DIR}/tls.key`,
    `tls-ca-cert-file ${TLS_DIR}/ca.crt`,
    "tls-auth-clients no",
    "tls-replication yes",
    "sentinel resolve-hostnames yes",
    "sentinel announce-hostnames yes",
  ].join("\n");
}

/**
 * The init container's script: copies the config to a writable volume, announces the pod's DNS
 * name, asks the Sentinels who the primary is (pod 0 when none answers yet) and replicates from
 * it; in HA mode writes sentinel.conf with quorum 2.
 *
 * @example
 * ```ts
 * initScript({ statefulSet: "cache", headless: "cache-headless", ha: true });
 * ```
 */
export function initScript(o: {
  readonly statefulSet: string;
  readonly headless: string;
  readonly ha: boolean;
}): string {
  const lines = [
    "set -eu",
    `DOMAIN="${o.headless}.$NAMESPACE.svc.cluster.local"`,
    'SELF="$HOSTNAME.$DOMAIN"',
    "cp /config/valkey.conf /run/valkey/valkey.conf",
    'echo "replica-announce-ip $SELF" >> /run/valkey/valkey.conf',
  ];
  if (o.ha)
    lines.push(
      'PRIMARY=""',
      "for i in 0 1 2; do",
      `  P=$(valkey-cli --tls --cacert ${TLS_DIR}/ca.crt -h "${o.statefulSet}-$i.$DOMAIN" -p 26379 --no-auth-warning -a "$VALKEY_PASSWORD" sentinel get-master-addr-by-name ${SENTINEL_MASTER} 2>/dev/null | head -n 1 || true)`,
      '  if [ -n "$P" ]; then PRIMARY="$P"; break; fi',
      "done",
      `if [ -z "$PRIMARY" ]; then PRIMARY="${o.statefulSet}-0.$DOMAIN"; fi`,
      'if [ "$PRIMARY" != "$SELF" ]; then echo "replicaof $PRIMARY 6379" >> /run/valkey/valkey.conf; fi',
      "cp /config/sentinel.conf /run/valkey/sentinel.conf",
      "cat >> /run/valkey/sentinel.conf <<EOF",
      "sentinel announce-ip $SELF",
      `sentinel monitor ${SENTINEL_MASTER} $PRIMARY 6379 2`,
      `sentinel auth-pass ${SENTINEL_MASTER} $VALKEY_PASSWORD`,
      `sentinel down-after-milliseconds ${SENTINEL_MASTER} 5000`,
      `sentinel failover-timeout ${SENTINEL_MASTER} 60000`,
      `sentinel parallel-syncs ${SENTINEL_MASTER} 1`,
      "requirepass $VALKEY_PASSWORD",
      "EOF",
    );
  return lines.join("\n");
}
