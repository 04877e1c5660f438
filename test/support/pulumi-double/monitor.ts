/**
 * The gRPC services a Pulumi program talks to: `pulumirpc.ResourceMonitor` (registrations, invokes,
 * reads, feature negotiation, shutdown) and `pulumirpc.Engine` (logging, root resource), both on
 * one 127.0.0.1 port, backed by a {@link Deployment}.
 */
import { GrpcFailure, Status, type Deployment, type RegisterRequest } from "./engine";
import {
  CHANNEL_OPTIONS,
  emptypb,
  engproto,
  engrpc,
  fromStruct,
  grpc,
  grpcError,
  resproto,
  resrpc,
  toStruct,
} from "./proto";
import { KNOWN_INVOKES, providerInvoke } from "./provider";
import type { Props } from "./props";

/** Features the monitor supports (by the SDK's legacy feature ids). */
const SUPPORTED = new Set(["secrets"]);

type Callback = (err: unknown, resp?: unknown) => void;

function handler<T>(fn: (req: any) => Promise<T> | T): any {
  return (call: { request: any }, callback: Callback) => {
    Promise.resolve()
      .then(() => fn(call.request))
      .then(
        (resp) => callback(null, resp),
        (e: unknown) => {
          if (e instanceof GrpcFailure) callback(grpcError(e.code, e.message));
          else callback(grpcError(Status.UNKNOWN, e instanceof Error ? e.message : String(e)));
        },
      );
  };
}

function decodeRegister(req: any): RegisterRequest {
  const propDeps: Record<string, string[]> = {};
  for (const [k, v] of req.getPropertydependenciesMap().entries() as Iterable<[string, any]>) {
    propDeps[k] = v.getUrnsList();
  }
  return {
    type: req.getType(),
    name: req.getName(),
    parent: req.getParent(),
    custom: req.getCustom(),
    remote: req.getRemote(),
    object: fromStruct(req.getObject()),
    protect: req.hasProtect() ? req.getProtect() : undefined,
    dependencies: req.getDependenciesList(),
    provider: req.getProvider(),
    propertyDependencies: propDeps,
    deleteBeforeReplace: req.getDeletebeforereplace(),
    version: req.getVersion(),
    ignoreChanges: req.getIgnorechangesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    aliasURNs: req.getAliasurnsList(),
    importId: req.getImportid(),
    replaceOnChanges: req.getReplaceonchangesList(),
    retainOnDelete: req.hasRetainondelete() ? req.getRetainondelete() : undefined,
    deletedWith: req.getDeletedwith(),
    supportsResultReporting: req.getSupportsresultreporting(),
  };
}

/** Everything the services need besides the deployment. */
export interface MonitorContext {
  deployment: Deployment;
  project: string;
  stack: string;
  dryRun: boolean;
  parallel: number;
  config: Record<string, string>;
  configSecretKeys: string[];
  /** Plaintext config (objects parsed) for invokes. */
  providerConfig: Props;
}

/** A running monitor+engine server. */
export interface MonitorServer {
  readonly address: string;
  /** Resolves when the program called SignalAndWaitForShutdown. */
  readonly shutdownSignaled: Promise<void>;
  close(): void;
}

/** Starts the ResourceMonitor and Engine services on 127.0.0.1:0. */
export async function startMonitor(mc: MonitorContext): Promise<MonitorServer> {
  const dep = mc.deployment;
  let signal!: () => void;
  const shutdownSignaled = new Promise<void>((r) => (signal = r));
  const server = new grpc.Server(CHANNEL_OPTIONS);

  server.addService(resrpc.ResourceMonitorService, {
    supportsFeature: handler((req) => {
      const resp = new resproto.SupportsFeatureResponse();
      resp.setHassupport(SUPPORTED.has(req.getId()));
      return resp;
    }),
    getDeploymentInfo: handler(() => {
      const info = new resproto.DeploymentInfo();
      info.setProject(mc.project);
      info.setStack(mc.stack);
      info.setOrganization("organization");
      for (const [k, v] of Object.entries(mc.config)) info.getConfigMap().set(k, v);
      info.setConfigsecretkeysList(mc.configSecretKeys);
      info.setDryrun(mc.dryRun);
      info.setParallel(mc.parallel);
      info.setSupportedfeaturesList([resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_SECRETS]);
      return info;
    }),
    registerResource: handler(async (req) => {
      const r = await dep.registerResource(decodeRegister(req));
      const resp = new resproto.RegisterResourceResponse();
      resp.setUrn(r.urn);
      resp.setId(r.id);
      resp.setObject(toStruct(r.object));
      resp.setResult(r.result);
      return resp;
    }),
    registerResourceOutputs: handler((req) => {
      dep.registerOutputs(req.getUrn(), fromStruct(req.getOutputs()));
      return new emptypb.Empty();
    }),
    readResource: handler(async (req) => {
      const r = await dep.readResource({
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        id: req.getId(),
        properties: fromStruct(req.getProperties()),
        provider: req.getProvider(),
        version: req.getVersion(),
        dependencies: req.getDependenciesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
      });
      const resp = new resproto.ReadResourceResponse();
      resp.setUrn(r.urn);
      resp.setProperties(toStruct(r.properties));
      return resp;
    }),
    invoke: handler((req) => {
      const tok: string = req.getTok();
      const args = fromStruct(req.getArgs());
      let ret: Props | undefined;
      if (tok === "pulumi:pulumi:getResource") {
        ret = dep.getResource(String(args["urn"]));
        if (!ret) throw new GrpcFailure(Status.NOT_FOUND, `unknown resource ${String(args["urn"])}`);
      } else {
        ret = providerInvoke(tok, args, mc.providerConfig);
      }
      if (!ret) {
        throw new GrpcFailure(
          Status.UNIMPLEMENTED,
          `pulumi-double: unknown invoke token '${tok}' (the double answers: ${KNOWN_INVOKES.join(", ")})`,
        );
      }
      const resp = new resproto.ResourceInvokeResponse();
      resp.setReturn(toStruct(ret));
      return resp;
    }),
    registerPackage: handler((req) => {
      const resp = new resproto.RegisterPackageResponse();
      resp.setRef(`${req.getName()}@${req.getVersion()}`);
      return resp;
    }),
    signalAndWaitForShutdown: handler(async () => {
      await dep.drain();
      signal();
      return new emptypb.Empty();
    }),
  });

  let root = "";
  const severities = ["debug", "info", "warning", "error"] as const;
  server.addService(engrpc.EngineService, {
    log: handler((req) => {
      if (!req.getEphemeral()) {
        const sev = severities[req.getSeverity() as number] ?? "info";
        dep.diag(sev, req.getMessage(), req.getUrn() || undefined);
      }
      return new emptypb.Empty();
    }),
    getRootResource: handler(() => {
      const resp = new engproto.GetRootResourceResponse();
      resp.setUrn(root);
      return resp;
    }),
    setRootResource: handler((req) => {
      root = req.getUrn();
      return new engproto.SetRootResourceResponse();
    }),
    requirePulumiVersion: handler(() => new engproto.RequirePulumiVersionResponse()),
  });

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return { address: `127.0.0.1:${port}`, shutdownSignaled, close: () => server.forceShutdown() };
}
