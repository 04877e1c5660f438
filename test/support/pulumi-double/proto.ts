/**
 * The gRPC and protobuf modules of the installed `@pulumi/pulumi`, loaded from the SDK's own
 * resolution paths. A second copy of `google-protobuf` or `@grpc/grpc-js` breaks message
 * serialization ("c.g is not a function"), so everything here goes through `sdkRequire`.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";

const localRequire = createRequire(__filename);
/** Directory of the installed `@pulumi/pulumi` package. */
export const PULUMI_SDK_DIR = path.dirname(localRequire.resolve("@pulumi/pulumi/package.json"));
const sdkRequire = createRequire(path.join(PULUMI_SDK_DIR, "package.json"));

/** `@grpc/grpc-js` as `@pulumi/pulumi` resolves it. */
export const grpc: typeof grpcTypes = sdkRequire("@grpc/grpc-js");
/** `google.protobuf.Struct` and friends. */
export const structpb: any = sdkRequire("google-protobuf/google/protobuf/struct_pb");
/** `google.protobuf.Empty`. */
export const emptypb: any = sdkRequire("google-protobuf/google/protobuf/empty_pb");
/** pulumirpc resource monitor messages. */
export const resproto: any = sdkRequire("./proto/resource_pb");
/** pulumirpc resource monitor service definition. */
export const resrpc: any = sdkRequire("./proto/resource_grpc_pb");
/** pulumirpc engine messages. */
export const engproto: any = sdkRequire("./proto/engine_pb");
/** pulumirpc engine service definition. */
export const engrpc: any = sdkRequire("./proto/engine_grpc_pb");
/** pulumirpc language runtime messages. */
export const langproto: any = sdkRequire("./proto/language_pb");
/** pulumirpc language runtime client. */
export const langrpc: any = sdkRequire("./proto/language_grpc_pb");
/** pulumirpc events messages (the Automation API's `--event-log tcp://` server). */
export const eventsproto: any = sdkRequire("./proto/events_pb");
/** pulumirpc events client. */
export const eventsrpc: any = sdkRequire("./proto/events_grpc_pb");

/** Channel options matching the SDK's (large messages: whole resource states travel in one call). */
export const CHANNEL_OPTIONS = {
  "grpc.max_receive_message_length": 400 * 1024 * 1024,
  "grpc.max_send_message_length": 400 * 1024 * 1024,
};

/** Plain JS object from a `google.protobuf.Struct` (empty object when absent). */
export function fromStruct(s: any): Record<string, unknown> {
  return s ? (s.toJavaScript() as Record<string, unknown>) : {};
}

/** A `google.protobuf.Struct` from a plain JS object (undefined values dropped). */
export function toStruct(obj: Record<string, unknown>): any {
  return structpb.Struct.fromJavaScript(JSON.parse(JSON.stringify(obj)));
}

/** A gRPC error with a status code, as a service handler passes it to its callback. */
export function grpcError(code: number, message: string): grpcTypes.ServiceError {
  const err = new Error(message) as grpcTypes.ServiceError;
  err.code = code;
  err.details = message;
  err.metadata = new grpc.Metadata();
  return err;
}
