"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startMonitor = startMonitor;
/**
 * The gRPC services a Pulumi program talks to: `pulumirpc.ResourceMonitor` (registrations, invokes,
 * reads, feature negotiation, shutdown) and `pulumirpc.Engine` (logging, root resource), both on
 * one 127.0.0.1 port, backed by a {@link Deployment}.
 */
const engine_1 = require("./engine");
const proto_1 = require("./proto");
const provider_1 = require("./provider");
/** Features the monitor supports (by the SDK's legacy feature ids). */
const SUPPORTED = new Set(["secrets"]);
function handler(fn) {
    return (call, callback) => {
        Promise.resolve()
            .then(() => fn(call.request))
            .then((resp) => callback(null, resp), (e) => {
            if (e instanceof engine_1.GrpcFailure)
                callback((0, proto_1.grpcError)(e.code, e.message));
            else
                callback((0, proto_1.grpcError)(engine_1.Status.UNKNOWN, e instanceof Error ? e.message : String(e)));
        });
    };
}
function decodeRegister(req) {
    const propDeps = {};
    for (const [k, v] of req.getPropertydependenciesMap().entries()) {
        propDeps[k] = v.getUrnsList();
    }
    return {
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        custom: req.getCustom(),
        remote: req.getRemote(),
        object: (0, proto_1.fromStruct)(req.getObject()),
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
/** Starts the ResourceMonitor and Engine services on 127.0.0.1:0. */
async function startMonitor(mc) {
    const dep = mc.deployment;
    let signal;
    const shutdownSignaled = new Promise((r) => (signal = r));
    const server = new proto_1.grpc.Server(proto_1.CHANNEL_OPTIONS);
    server.addService(proto_1.resrpc.ResourceMonitorService, {
        supportsFeature: handler((req) => {
            const resp = new proto_1.resproto.SupportsFeatureResponse();
            resp.setHassupport(SUPPORTED.has(req.getId()));
            return resp;
        }),
        getDeploymentInfo: handler(() => {
            const info = new proto_1.resproto.DeploymentInfo();
            info.setProject(mc.project);
            info.setStack(mc.stack);
            info.setOrganization("organization");
            for (const [k, v] of Object.entries(mc.config))
                info.getConfigMap().set(k, v);
            info.setConfigsecretkeysList(mc.configSecretKeys);
            info.setDryrun(mc.dryRun);
            info.setParallel(mc.parallel);
            info.setSupportedfeaturesList([proto_1.resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_SECRETS]);
            return info;
        }),
        registerResource: handler(async (req) => {
            const r = await dep.registerResource(decodeRegister(req));
            const resp = new proto_1.resproto.RegisterResourceResponse();
            resp.setUrn(r.urn);
            resp.setId(r.id);
            resp.setObject((0, proto_1.toStruct)(r.object));
            resp.setResult(r.result);
            return resp;
        }),
        registerResourceOutputs: handler((req) => {
            dep.registerOutputs(req.getUrn(), (0, proto_1.fromStruct)(req.getOutputs()));
            return new proto_1.emptypb.Empty();
        }),
        readResource: handler(async (req) => {
            const r = await dep.readResource({
                type: req.getType(),
                name: req.getName(),
                parent: req.getParent(),
                id: req.getId(),
                properties: (0, proto_1.fromStruct)(req.getProperties()),
                provider: req.getProvider(),
                version: req.getVersion(),
                dependencies: req.getDependenciesList(),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            });
            const resp = new proto_1.resproto.ReadResourceResponse();
            resp.setUrn(r.urn);
            resp.setProperties((0, proto_1.toStruct)(r.properties));
            return resp;
        }),
        invoke: handler((req) => {
            const tok = req.getTok();
            const args = (0, proto_1.fromStruct)(req.getArgs());
            let ret;
            if (tok === "pulumi:pulumi:getResource") {
                ret = dep.getResource(String(args["urn"]));
                if (!ret)
                    throw new engine_1.GrpcFailure(engine_1.Status.NOT_FOUND, `unknown resource ${String(args["urn"])}`);
            }
            else {
                ret = (0, provider_1.providerInvoke)(tok, args, mc.providerConfig);
            }
            if (!ret) {
                throw new engine_1.GrpcFailure(engine_1.Status.UNIMPLEMENTED, `pulumi-double: unknown invoke token '${tok}' (the double answers: ${provider_1.KNOWN_INVOKES.join(", ")})`);
            }
            const resp = new proto_1.resproto.ResourceInvokeResponse();
            resp.setReturn((0, proto_1.toStruct)(ret));
            return resp;
        }),
        registerPackage: handler((req) => {
            const resp = new proto_1.resproto.RegisterPackageResponse();
            resp.setRef(`${req.getName()}@${req.getVersion()}`);
            return resp;
        }),
        signalAndWaitForShutdown: handler(async () => {
            await dep.drain();
            signal();
            return new proto_1.emptypb.Empty();
        }),
    });
    let root = "";
    const severities = ["debug", "info", "warning", "error"];
    server.addService(proto_1.engrpc.EngineService, {
        log: handler((req) => {
            if (!req.getEphemeral()) {
                const sev = severities[req.getSeverity()] ?? "info";
                dep.diag(sev, req.getMessage(), req.getUrn() || undefined);
            }
            return new proto_1.emptypb.Empty();
        }),
        getRootResource: handler(() => {
            const resp = new proto_1.engproto.GetRootResourceResponse();
            resp.setUrn(root);
            return resp;
        }),
        setRootResource: handler((req) => {
            root = req.getUrn();
            return new proto_1.engproto.SetRootResourceResponse();
        }),
        requirePulumiVersion: handler(() => new proto_1.engproto.RequirePulumiVersionResponse()),
    });
    const port = await new Promise((resolve, reject) => server.bindAsync("127.0.0.1:0", proto_1.grpc.ServerCredentials.createInsecure(), (err, p) => err ? reject(err) : resolve(p)));
    return { address: `127.0.0.1:${port}`, shutdownSignaled, close: () => server.forceShutdown() };
}
//# sourceMappingURL=monitor.js.map