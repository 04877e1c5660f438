/**
 * Pod and container rules (`k8s/*`): Pod Security Standards "restricted", Checkov CKV_K8S_* and
 * kube-score / Polaris container checks (kubernetes-anchors.md §9), over every workload's pod
 * template: Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod and Knative Service.
 */
import { Severity } from "../../model";
import { Category, Level, Scope, type GuardResource, type ResourceRule, type RuleHit } from "../types";
import { isOpaque } from "../values";
import {
  SERVING_TYPES,
  WORKLOAD_TYPES,
  at,
  containers,
  k8sLabel,
  list,
  obj,
  podSpec,
  type ContainerRef,
} from "./tokens";

/** A check's verdict on one subject: fine, a problem (the message tail), or unknown until apply. */
type Verdict = undefined | string | typeof UNKNOWN;
const UNKNOWN = Symbol("unknown");

interface RuleMeta {
  readonly id: string;
  readonly refs: readonly string[];
  readonly severity: Severity;
  readonly level: (typeof Level)[keyof typeof Level];
  readonly critical?: boolean;
  readonly advisoryOnly?: boolean;
  readonly description: string;
  readonly remediation: string;
  readonly url?: string;
}

const PSS = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";
const KNATIVE_SERVICE = "kubernetes:serving.knative.dev/v1:Service";

function hitsOf(r: GuardResource, where: string, verdict: Verdict): RuleHit[] {
  if (verdict === undefined) return [];
  if (verdict === UNKNOWN)
    return [
      {
        message: `${k8sLabel(r)} ${where}: cannot verify until apply (a value is unknown)`,
        unverified: true,
      },
    ];
  return [{ message: `${k8sLabel(r)} ${where}: ${verdict}` }];
}

/**
 * A rule over every container (and, with `init`, init container) of every workload.
 *
 * @example
 * ```ts
 * containerRule({ id: "k8s/x", ... }, (c) => c.spec["image"] ? undefined : "no image");
 * ```
 */
function containerRule(
  meta: RuleMeta,
  check: (c: ContainerRef, pod: Record<string, unknown>, r: GuardResource) => Verdict,
  options: { init?: boolean; types?: readonly string[] } = {},
): ResourceRule {
  return {
    scope: Scope.resource,
    category: Category.security,
    appliesTo: options.types ?? WORKLOAD_TYPES,
    ...meta,
    check(r) {
      const pod = podSpec(r);
      if (!pod) return isOpaque(at(r.inputs, "spec")) ? hitsOf(r, "pod template", UNKNOWN) : [];
      return containers(r)
        .filter((c) => options.init !== false || !c.init)
        .flatMap((c) => hitsOf(r, `${c.init ? "init container" : "container"} ${c.name}`, check(c, pod, r)));
    },
  };
}

/** A rule over every workload's pod spec. */
function podRule(
  meta: RuleMeta,
  check: (pod: Record<string, unknown>, r: GuardResource) => Verdict,
  types: readonly string[] = WORKLOAD_TYPES,
): ResourceRule {
  return {
    scope: Scope.resource,
    category: Category.security,
    appliesTo: types,
    ...meta,
    check(r) {
      const pod = podSpec(r);
      if (!pod) return isOpaque(at(r.inputs, "spec")) ? hitsOf(r, "pod template", UNKNOWN) : [];
      return hitsOf(r, "pod", check(pod, r));
    },
  };
}

/** The effective value of a securityContext field: the container's, else the pod's. */
function effective(c: ContainerRef, pod: Record<string, unknown>, field: string): unknown {
  const own = at(c.spec, `securityContext.${field}`);
  return own !== undefined ? own : at(pod, `securityContext.${field}`);
}
const opaque = (...values: unknown[]) => values.some(isOpaque);

/** Capabilities a restricted pod may add (Pod Security Standards "restricted"). */
export const ALLOWED_ADDED_CAPABILITIES = ["NET_BIND_SERVICE"] as const;
/** Volume types a restricted pod may use. */
export const RESTRICTED_VOLUME_TYPES = [
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
] as const;
/** Env var names that hold secrets when given a literal value (Polaris `sensitiveContainerEnvVar`). */
export const SENSITIVE_ENV = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
/** The lowest UID/GID kube-score and CKV_K8S_40 accept. */
export const MIN_HIGH_ID = 10000;

export const K8S_PRIVILEGED: ResourceRule = containerRule(
  {
    id: "k8s/no-privileged",
    refs: [
      "CKV_K8S_16",
      "PSS baseline: privileged",
      "kube-score container-security-context-privileged",
      "Polaris runAsPrivileged",
    ],
    severity: Severity.critical,
    level: Level.L1,
    critical: true,
    description: "No container runs privileged.",
    remediation: "Remove securityContext.privileged (or set it false).",
    url: PSS,
  },
  (c) => {
    const v = at(c.spec, "securityContext.privileged");
    return isOpaque(v) ? UNKNOWN : v === true ? "securityContext.privileged is true" : undefined;
  },
);

export const K8S_HOST_NAMESPACES: ResourceRule = podRule(
  {
    id: "k8s/no-host-namespaces",
    refs: [
      "CKV_K8S_17",
      "CKV_K8S_18",
      "CKV_K8S_19",
      "PSS baseline: host namespaces",
      "Polaris hostPIDSet",
      "Polaris hostIPCSet",
      "Polaris hostNetworkSet",
    ],
    severity: Severity.critical,
    level: Level.L1,
    critical: true,
    description: "Pods share neither the host's PID, IPC nor network namespace.",
    remediation: "Remove hostPID, hostIPC and hostNetwork from the pod spec.",
    url: PSS,
  },
  (pod) => {
    const set = ["hostPID", "hostIPC", "hostNetwork"].filter((k) => pod[k] === true);
    if (opaque(pod["hostPID"], pod["hostIPC"], pod["hostNetwork"])) return UNKNOWN;
    return set.length > 0 ? `${set.join(", ")} true` : undefined;
  },
);

export const K8S_PRIVILEGE_ESCALATION: ResourceRule = containerRule(
  {
    id: "k8s/no-privilege-escalation",
    refs: ["CKV_K8S_20", "PSS restricted: allowPrivilegeEscalation", "Polaris privilegeEscalationAllowed"],
    severity: Severity.high,
    level: Level.L1,
    critical: true,
    description: "Every container sets allowPrivilegeEscalation: false.",
    remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
    url: PSS,
  },
  (c) => {
    const v = at(c.spec, "securityContext.allowPrivilegeEscalation");
    if (isOpaque(v)) return UNKNOWN;
    return v === false
      ? undefined
      : `securityContext.allowPrivilegeEscalation is ${v === undefined ? "unset (defaults to true)" : JSON.stringify(v)}`;
  },
);

export const K8S_READ_ONLY_ROOT: ResourceRule = containerRule(
  {
    id: "k8s/read-only-root-filesystem",
    refs: [
      "CKV_K8S_22",
      "kube-score container-security-context-readonlyrootfilesystem",
      "Polaris notReadOnlyRootFilesystem",
    ],
    severity: Severity.medium,
    level: Level.L1,
    description: "Every container has a read-only root filesystem (writable paths are emptyDir volumes).",
    remediation:
      "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process writes.",
  },
  (c) => {
    const v = at(c.spec, "securityContext.readOnlyRootFilesystem");
    if (isOpaque(v)) return UNKNOWN;
    return v === true
      ? undefined
      : `securityContext.readOnlyRootFilesystem is ${v === undefined ? "unset" : JSON.stringify(v)}`;
  },
);

export const K8S_NON_ROOT: ResourceRule = containerRule(
  {
    id: "k8s/run-as-non-root",
    refs: [
      "CKV_K8S_23",
      "PSS restricted: runAsNonRoot",
      "PSS restricted: runAsUser",
      "Polaris runAsRootAllowed",
    ],
    severity: Severity.high,
    level: Level.L1,
    critical: true,
    description:
      "Every container runs as non-root: runAsNonRoot true (container or pod) and runAsUser not 0.",
    remediation: "Set securityContext.runAsNonRoot: true and a non-zero runAsUser on the pod.",
    url: PSS,
  },
  (c, pod) => {
    const nonRoot = effective(c, pod, "runAsNonRoot");
    const uid = effective(c, pod, "runAsUser");
    if (opaque(nonRoot, uid)) return UNKNOWN;
    if (uid === 0) return "runAsUser is 0 (root)";
    return nonRoot === true ? undefined : "runAsNonRoot is not true on the container or the pod";
  },
);

export const K8S_HIGH_UID: ResourceRule = containerRule(
  {
    id: "k8s/high-uid",
    refs: ["CKV_K8S_40", "kube-score container-security-context-user-group-id"],
    severity: Severity.low,
    level: Level.L2,
    description: `Every container runs with a UID and GID above ${MIN_HIGH_ID} (no clash with host users).`,
    remediation: `Set runAsUser and runAsGroup above ${MIN_HIGH_ID} (e.g. 10001) on the pod.`,
  },
  (c, pod) => {
    const uid = effective(c, pod, "runAsUser");
    const gid = effective(c, pod, "runAsGroup");
    if (opaque(uid, gid)) return UNKNOWN;
    const low = [
      ["runAsUser", uid],
      ["runAsGroup", gid],
    ].filter(([, v]) => typeof v !== "number" || v <= MIN_HIGH_ID);
    return low.length > 0
      ? low.map(([k, v]) => `${k} ${v === undefined ? "unset" : JSON.stringify(v)}`).join(", ") +
          ` (need > ${MIN_HIGH_ID})`
      : undefined;
  },
);

export const K8S_DROP_ALL: ResourceRule = containerRule(
  {
    id: "k8s/drop-all-capabilities",
    refs: ["CKV_K8S_28", "CKV_K8S_37", "PSS restricted: capabilities"],
    severity: Severity.medium,
    level: Level.L1,
    critical: true,
    description: "Every container drops ALL capabilities (which includes NET_RAW).",
    remediation: 'Set securityContext.capabilities.drop: ["ALL"].',
    url: PSS,
  },
  (c) => {
    const drop = at(c.spec, "securityContext.capabilities.drop");
    if (isOpaque(drop)) return UNKNOWN;
    return list(drop).includes("ALL")
      ? undefined
      : `capabilities.drop is ${JSON.stringify(drop ?? [])}, not ["ALL"]`;
  },
);

export const K8S_ADDED_CAPABILITIES: ResourceRule = containerRule(
  {
    id: "k8s/no-added-capabilities",
    refs: [
      "CKV_K8S_25",
      "CKV_K8S_39",
      "PSS restricted: capabilities",
      "Polaris dangerousCapabilities",
      "Polaris insecureCapabilities",
    ],
    severity: Severity.high,
    level: Level.L1,
    critical: true,
    description: "No container adds a capability other than NET_BIND_SERVICE (so never SYS_ADMIN).",
    remediation: "Remove securityContext.capabilities.add (bind ports above 1024 instead).",
    url: PSS,
  },
  (c) => {
    const add = at(c.spec, "securityContext.capabilities.add");
    if (isOpaque(add)) return UNKNOWN;
    const bad = list(add).filter((x) => !(ALLOWED_ADDED_CAPABILITIES as readonly unknown[]).includes(x));
    return bad.length > 0 ? `adds capabilities ${bad.map(String).join(", ")}` : undefined;
  },
);

export const K8S_HOST_PORT: ResourceRule = containerRule(
  {
    id: "k8s/no-host-port",
    refs: ["CKV_K8S_26", "PSS baseline: host ports", "Polaris hostPortSet"],
    severity: Severity.medium,
    level: Level.L1,
    description: "No container binds a host port.",
    remediation: "Remove ports[].hostPort; expose the pod through a Service.",
    url: PSS,
  },
  (c) => {
    const ports = at(c.spec, "ports");
    if (isOpaque(ports)) return UNKNOWN;
    const bound = list(ports).filter((p) => at(p, "hostPort") !== undefined && at(p, "hostPort") !== 0);
    return bound.length > 0
      ? `hostPort ${bound.map((p) => String(at(p, "hostPort"))).join(", ")}`
      : undefined;
  },
);

export const K8S_SECURITY_CONTEXT: ResourceRule = containerRule(
  {
    id: "k8s/security-context",
    refs: ["CKV_K8S_29", "CKV_K8S_30"],
    severity: Severity.medium,
    level: Level.L1,
    description:
      "The pod and every container set a securityContext (a Knative Service: the container's; Knative admits no pod securityContext by default).",
    remediation: "Set spec.securityContext on the pod and securityContext on every container.",
  },
  (c, pod, r) => {
    if (opaque(pod["securityContext"], c.spec["securityContext"])) return UNKNOWN;
    // Knative Serving rejects a pod securityContext unless its kubernetes.podspec-securitycontext
    // flag is on: there the container's context carries everything.
    const podNeeded = r.type !== KNATIVE_SERVICE;
    const missing = [
      podNeeded && !obj(pod["securityContext"]) && "the pod's",
      !obj(c.spec["securityContext"]) && "the container's",
    ].filter(Boolean);
    return missing.length > 0 ? `${missing.join(" and ")} securityContext is unset` : undefined;
  },
);

export const K8S_SECCOMP: ResourceRule = containerRule(
  {
    id: "k8s/seccomp",
    refs: ["CKV_K8S_31", "PSS restricted: seccompProfile", "kube-score container-seccomp-profile"],
    severity: Severity.medium,
    level: Level.L1,
    critical: true,
    description: "Every container runs with the RuntimeDefault (or a Localhost) seccomp profile.",
    remediation: 'Set securityContext.seccompProfile: { type: "RuntimeDefault" } on the pod.',
    url: PSS,
  },
  (c, pod) => {
    const type = effective(c, pod, "seccompProfile.type");
    if (isOpaque(type)) return UNKNOWN;
    return type === "RuntimeDefault" || type === "Localhost"
      ? undefined
      : `seccompProfile.type is ${type === undefined ? "unset" : JSON.stringify(type)}`;
  },
);

export const K8S_VOLUME_TYPES: ResourceRule = podRule(
  {
    id: "k8s/restricted-volume-types",
    refs: ["PSS baseline: hostPath", "PSS restricted: volume types", "Polaris hostPathSet"],
    severity: Severity.high,
    level: Level.L1,
    critical: true,
    description: `Pods use only the volume types Pod Security "restricted" allows (${RESTRICTED_VOLUME_TYPES.join(", ")}): never hostPath.`,
    remediation:
      "Replace hostPath and other node-bound volumes with a PersistentVolumeClaim, emptyDir or projected volume.",
    url: PSS,
  },
  (pod) => {
    if (isOpaque(pod["volumes"])) return UNKNOWN;
    const bad = list(pod["volumes"]).flatMap((v) =>
      Object.keys(obj(v) ?? {}).filter(
        (k) => k !== "name" && !(RESTRICTED_VOLUME_TYPES as readonly string[]).includes(k),
      ),
    );
    return bad.length > 0 ? `volume type(s) ${[...new Set(bad)].join(", ")}` : undefined;
  },
);

export const K8S_RESOURCES: ResourceRule = containerRule(
  {
    id: "k8s/container-resources",
    refs: [
      "CKV_K8S_10",
      "CKV_K8S_11",
      "CKV_K8S_12",
      "CKV_K8S_13",
      "kube-score container-resources",
      "Polaris cpuRequestsMissing",
      "Polaris memoryLimitsMissing",
    ],
    severity: Severity.medium,
    level: Level.L1,
    description:
      "Every container requests and limits CPU and memory (cost, quota and scheduling depend on it).",
    remediation: "Set resources.requests.{cpu,memory} and resources.limits.{cpu,memory} on every container.",
  },
  (c) => {
    const res = at(c.spec, "resources");
    if (isOpaque(res)) return UNKNOWN;
    const missing = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"].filter(
      (p) => at(res, p) === undefined,
    );
    return missing.length > 0 ? `resources ${missing.join(", ")} unset` : undefined;
  },
);

export const K8S_EPHEMERAL: ResourceRule = containerRule(
  {
    id: "k8s/ephemeral-storage",
    refs: ["kube-score container-ephemeral-storage-request-and-limit"],
    severity: Severity.low,
    level: Level.L2,
    description:
      "Every container requests and limits ephemeral storage (a full node disk evicts every pod on it).",
    remediation: 'Set resources.requests["ephemeral-storage"] and resources.limits["ephemeral-storage"].',
  },
  (c) => {
    const res = at(c.spec, "resources");
    if (isOpaque(res)) return UNKNOWN;
    const req = obj(at(res, "requests"))?.["ephemeral-storage"];
    const lim = obj(at(res, "limits"))?.["ephemeral-storage"];
    return req !== undefined && lim !== undefined
      ? undefined
      : `ephemeral-storage ${req === undefined ? "request" : ""}${req === undefined && lim === undefined ? " and " : ""}${lim === undefined ? "limit" : ""} unset`;
  },
  { types: WORKLOAD_TYPES.filter((t) => t !== KNATIVE_SERVICE) },
);

/** True for an image reference with a fixed tag or a digest (not `:latest`, not untagged). */
export function imageIsPinned(image: string): boolean {
  if (image.includes("@sha256:")) return true;
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.lastIndexOf(":");
  return colon > 0 && last.slice(colon + 1) !== "latest" && last.slice(colon + 1) !== "";
}

export const K8S_IMAGE_TAG: ResourceRule = containerRule(
  {
    id: "k8s/image-tag-fixed",
    refs: ["CKV_K8S_14", "kube-score container-image-tag", "Polaris tagNotSpecified"],
    severity: Severity.medium,
    level: Level.L1,
    description: "Every image names a fixed tag or a digest (never latest, never untagged).",
    remediation: "Pin the image to a release tag (ghcr.io/acme/api:1.42.0) or a digest.",
  },
  (c) => {
    const image = c.spec["image"];
    if (isOpaque(image)) return UNKNOWN;
    return typeof image === "string" && imageIsPinned(image)
      ? undefined
      : `image ${JSON.stringify(image ?? null)} has no fixed tag`;
  },
);

export const K8S_IMAGE_DIGEST: ResourceRule = containerRule(
  {
    id: "k8s/image-digest",
    refs: ["CKV_K8S_43"],
    severity: Severity.low,
    level: Level.L2,
    advisoryOnly: true,
    description: "Images are pinned by digest (a tag can be moved to other content).",
    remediation:
      "Reference images as repo:tag@sha256:<digest> (Renovate or Dependabot keep digests current).",
  },
  (c) => {
    const image = c.spec["image"];
    if (isOpaque(image)) return UNKNOWN;
    return typeof image === "string" && image.includes("@sha256:")
      ? undefined
      : `image ${JSON.stringify(image ?? null)} is not pinned by digest`;
  },
);

export const K8S_PULL_POLICY: ResourceRule = containerRule(
  {
    id: "k8s/image-pull-always",
    refs: ["CKV_K8S_15", "kube-score container-image-pull-policy", "Polaris pullPolicyNotAlways"],
    severity: Severity.low,
    level: Level.L2,
    description:
      "Every container sets imagePullPolicy: Always (the registry re-checks access on every start).",
    remediation: "Set imagePullPolicy: Always.",
  },
  (c) => {
    const v = c.spec["imagePullPolicy"];
    if (isOpaque(v)) return UNKNOWN;
    return v === "Always" ? undefined : `imagePullPolicy is ${v === undefined ? "unset" : JSON.stringify(v)}`;
  },
);

export const K8S_LIVENESS: ResourceRule = containerRule(
  {
    id: "k8s/liveness-probe",
    refs: ["CKV_K8S_8", "Polaris livenessProbeMissing"],
    severity: Severity.medium,
    level: Level.L1,
    description: "Every serving container has a liveness probe (a hung process is restarted).",
    remediation: "Add livenessProbe (httpGet on the health path, or tcpSocket).",
  },
  (c) =>
    isOpaque(c.spec["livenessProbe"])
      ? UNKNOWN
      : obj(c.spec["livenessProbe"])
        ? undefined
        : "no livenessProbe",
  { init: false, types: SERVING_TYPES },
);

export const K8S_READINESS: ResourceRule = containerRule(
  {
    id: "k8s/readiness-probe",
    refs: ["CKV_K8S_9", "kube-score pod-probes", "Polaris readinessProbeMissing"],
    severity: Severity.medium,
    level: Level.L1,
    description: "Every serving container has a readiness probe (no traffic before it is ready).",
    remediation: "Add readinessProbe (httpGet on the ready path, or exec/tcpSocket).",
  },
  (c) =>
    isOpaque(c.spec["readinessProbe"])
      ? UNKNOWN
      : obj(c.spec["readinessProbe"])
        ? undefined
        : "no readinessProbe",
  { init: false, types: SERVING_TYPES },
);

export const K8S_PROBES_DISTINCT: ResourceRule = containerRule(
  {
    id: "k8s/probes-distinct",
    refs: ["kube-score pod-probes-identical"],
    severity: Severity.low,
    level: Level.L2,
    description: "Readiness and liveness probes differ (an identical pair restarts pods that are only busy).",
    remediation: "Point liveness at a cheap health path and readiness at one that checks dependencies.",
  },
  (c) => {
    const live = c.spec["livenessProbe"];
    const ready = c.spec["readinessProbe"];
    if (!obj(live) || !obj(ready)) return undefined;
    const strip = (p: unknown) =>
      JSON.stringify({
        ...obj(p),
        periodSeconds: 0,
        failureThreshold: 0,
        timeoutSeconds: 0,
        initialDelaySeconds: 0,
        successThreshold: 0,
      });
    return strip(live) === strip(ready) ? "readinessProbe and livenessProbe check the same thing" : undefined;
  },
  { init: false, types: SERVING_TYPES },
);

export const K8S_LITERAL_SECRET_ENV: ResourceRule = containerRule(
  {
    id: "k8s/no-literal-secret-env",
    refs: ["Polaris sensitiveContainerEnvVar"],
    severity: Severity.high,
    level: Level.L1,
    critical: true,
    description:
      "No env var that names a secret (…PASSWORD, …TOKEN, …SECRET, …KEY) has a literal value: secrets come from secretKeyRef.",
    remediation:
      "Put the value in a Secret and reference it: env[].valueFrom.secretKeyRef (the link pattern does this).",
  },
  (c) => {
    const bad = list(c.spec["env"]).filter((e) => {
      const name = at(e, "name");
      const value = at(e, "value");
      return (
        typeof name === "string" &&
        SENSITIVE_ENV.test(name) &&
        typeof value === "string" &&
        value !== "" &&
        !isOpaque(value) &&
        !/_(FILE|PATH|DIR)$/i.test(name)
      );
    });
    return bad.length > 0
      ? `env ${bad.map((e) => String(at(e, "name"))).join(", ")} hold literal values`
      : undefined;
  },
);

/**
 * The pod and container rules.
 *
 * @example
 * ```ts
 * K8S_POD_RULES.map((r) => r.id);
 * ```
 */
export const K8S_POD_RULES: readonly ResourceRule[] = [
  K8S_PRIVILEGED,
  K8S_HOST_NAMESPACES,
  K8S_PRIVILEGE_ESCALATION,
  K8S_READ_ONLY_ROOT,
  K8S_NON_ROOT,
  K8S_HIGH_UID,
  K8S_DROP_ALL,
  K8S_ADDED_CAPABILITIES,
  K8S_HOST_PORT,
  K8S_SECURITY_CONTEXT,
  K8S_SECCOMP,
  K8S_VOLUME_TYPES,
  K8S_RESOURCES,
  K8S_EPHEMERAL,
  K8S_IMAGE_TAG,
  K8S_IMAGE_DIGEST,
  K8S_PULL_POLICY,
  K8S_LIVENESS,
  K8S_READINESS,
  K8S_PROBES_DISTINCT,
  K8S_LITERAL_SECRET_ENV,
];
