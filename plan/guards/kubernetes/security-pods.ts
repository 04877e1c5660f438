/**
 * Pod security rules (`k8s/*`): Pod Security Standards "restricted" and baseline, Checkov
 * CKV_K8S_* and the kube-score / Polaris security-context checks (kubernetes-anchors.md §9), over
 * every workload's pod template: Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod and Knative
 * Service.
 */
import { Severity } from "../../model";
import { Level, type ResourceRule } from "../types";
import { isOpaque } from "../values";
import { KNATIVE_SERVICE, PSS, UNKNOWN, containerRule, effective, opaque, podRule } from "./rule-kit";
import { at, list, obj } from "./tokens";

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

/**
 * The pod security rules.
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
];
