"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHANNEL_OPTIONS = exports.eventsrpc = exports.eventsproto = exports.langrpc = exports.langproto = exports.engrpc = exports.engproto = exports.resrpc = exports.resproto = exports.emptypb = exports.structpb = exports.grpc = exports.PULUMI_SDK_DIR = void 0;
exports.fromStruct = fromStruct;
exports.toStruct = toStruct;
exports.grpcError = grpcError;
/**
 * The gRPC and protobuf modules of the installed `@pulumi/pulumi`, loaded from the SDK's own
 * resolution paths. A second copy of `google-protobuf` or `@grpc/grpc-js` breaks message
 * serialization ("c.g is not a function"), so everything here goes through `sdkRequire`.
 */
const node_module_1 = require("node:module");
const path = __importStar(require("node:path"));
const localRequire = (0, node_module_1.createRequire)(__filename);
/** Directory of the installed `@pulumi/pulumi` package. */
exports.PULUMI_SDK_DIR = path.dirname(localRequire.resolve("@pulumi/pulumi/package.json"));
const sdkRequire = (0, node_module_1.createRequire)(path.join(exports.PULUMI_SDK_DIR, "package.json"));
/** `@grpc/grpc-js` as `@pulumi/pulumi` resolves it. */
exports.grpc = sdkRequire("@grpc/grpc-js");
/** `google.protobuf.Struct` and friends. */
exports.structpb = sdkRequire("google-protobuf/google/protobuf/struct_pb");
/** `google.protobuf.Empty`. */
exports.emptypb = sdkRequire("google-protobuf/google/protobuf/empty_pb");
/** pulumirpc resource monitor messages. */
exports.resproto = sdkRequire("./proto/resource_pb");
/** pulumirpc resource monitor service definition. */
exports.resrpc = sdkRequire("./proto/resource_grpc_pb");
/** pulumirpc engine messages. */
exports.engproto = sdkRequire("./proto/engine_pb");
/** pulumirpc engine service definition. */
exports.engrpc = sdkRequire("./proto/engine_grpc_pb");
/** pulumirpc language runtime messages. */
exports.langproto = sdkRequire("./proto/language_pb");
/** pulumirpc language runtime client. */
exports.langrpc = sdkRequire("./proto/language_grpc_pb");
/** pulumirpc events messages (the Automation API's `--event-log tcp://` server). */
exports.eventsproto = sdkRequire("./proto/events_pb");
/** pulumirpc events client. */
exports.eventsrpc = sdkRequire("./proto/events_grpc_pb");
/** Channel options matching the SDK's (large messages: whole resource states travel in one call). */
exports.CHANNEL_OPTIONS = {
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
};
/** Plain JS object from a `google.protobuf.Struct` (empty object when absent). */
function fromStruct(s) {
    return s ? s.toJavaScript() : {};
}
/** A `google.protobuf.Struct` from a plain JS object (undefined values dropped). */
function toStruct(obj) {
    return exports.structpb.Struct.fromJavaScript(JSON.parse(JSON.stringify(obj)));
}
/** A gRPC error with a status code, as a service handler passes it to its callback. */
function grpcError(code, message) {
    const err = new Error(message);
    err.code = code;
    err.details = message;
    err.metadata = new exports.grpc.Metadata();
    return err;
}
//# sourceMappingURL=proto.js.map