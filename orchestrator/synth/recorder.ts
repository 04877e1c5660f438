import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { SECRET_TEXT, UNKNOWN_SENTINEL } from "../../plan/model";

/** Pulumi's wire signature for secret values inside a serialized struct. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** One resource as the program registered it (the synth inventory row). */
export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Parent URN; the stack resource's URN for top-level resources. */
  readonly parent: string;
  /** Inputs exactly as the program passed them; secrets as "[secret]", unknowns as "[unknown]". */
  readonly inputs: Record<string, unknown>;
  readonly protect: boolean;
  readonly custom: boolean;
  /** URNs this resource explicitly depends on (dependsOn and input dependencies). */
  readonly dependencies: readonly string[];
}

/** Options for {@link installRecordingMocks}. */
export interface RecordingOptions {
  readonly project: string;
  readonly stack: string;
  /** Answers invokes by token; an unknown token throws `Mock not implemented: <token>`. */
  readonly invokes?: Readonly<Record<string, (inputs: any) => Record<string, unknown>>>;
  /** Extra output state per resource type (e.g. a Cloud SQL connection name). */
  readonly state?: (type: string, name: string, inputs: any) => Record<string, unknown>;
  /** Run as a preview (unknown outputs stay unknown). @default false */
  readonly preview?: boolean;
}

/**
 * Installs Pulumi's mock runtime and records every registration with its parent, protect flag
 * and raw inputs. Invokes are strict: unmocked tokens throw rather than return empty data.
 *
 * @example
 * ```ts
 * const rec = await installRecordingMocks({ project: "platform", stack: "dev" });
 * platformProgram(cfg);
 * await rec.settled();
 * rec.resources.filter((r) => r.type === "gcp:kms/cryptoKey:CryptoKey");
 * ```
 */
export async function installRecordingMocks(options: RecordingOptions) {
  const resources: RecordedResource[] = [];
  const mocks: pulumi.runtime.Mocks = {
    call(args) {
      const handler = options.invokes?.[args.token];
      if (!handler) throw new Error(`Mock not implemented: ${args.token}`);
      return handler(args.inputs);
    },
    newResource(args) {
      const { __id, ...extra } = options.state?.(args.type, args.name, args.inputs) ?? {};
      return { id: typeof __id === "string" ? __id : `${args.name}-id`, state: { ...args.inputs, ...extra } };
    },
  };
  await pulumi.runtime.setMocks(mocks, options.project, options.stack, options.preview ?? false);
  // The mock monitor's newResource() hook does not see parent, protect or secrets: read them from
  // the request itself, before the monitor deserializes it.
  const monitor = settings.getMonitor() as any;
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: any, callback: (err: any, res: any) => void) => {
    const done = (err: any, res: any) => {
      if (!err && res) {
        resources.push({
          urn: res.getUrn(),
          type: req.getType(),
          name: req.getName(),
          parent: req.getParent(),
          inputs: (toDisplay(req.getObject()?.toJavaScript() ?? {}) ?? {}) as Record<string, unknown>,
          protect: req.getProtect() === true,
          custom: req.getCustom() === true,
          dependencies: req.getDependenciesList(),
        });
      }
      callback(err, res);
    };
    return original(req, done);
  };
  return {
    resources,
    /** Resolves once every registration the program started has been answered (Pulumi's own RPC drain). */
    settled: (): Promise<void> => (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs(),
  };
}

/** Replaces wire signatures (secrets, resource references, unknowns) with display values. */
export function toDisplay(value: unknown): unknown {
  if (value === UNKNOWN_SENTINEL) return "[unknown]";
  if (Array.isArray(value)) return value.map(toDisplay);
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) return SECRET_TEXT;
    if (obj[SIG_KEY] === RESOURCE_SIG)
      return { urn: obj["urn"], ...(obj["id"] !== undefined ? { id: obj["id"] } : {}) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = toDisplay(v);
    return out;
  }
  return value;
}
