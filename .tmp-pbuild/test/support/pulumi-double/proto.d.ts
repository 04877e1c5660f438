import type * as grpcTypes from "@grpc/grpc-js";
/** Directory of the installed `@pulumi/pulumi` package. */
export declare const PULUMI_SDK_DIR: string;
/** `@grpc/grpc-js` as `@pulumi/pulumi` resolves it. */
export declare const grpc: typeof grpcTypes;
/** `google.protobuf.Struct` and friends. */
export declare const structpb: any;
/** `google.protobuf.Empty`. */
export declare const emptypb: any;
/** pulumirpc resource monitor messages. */
export declare const resproto: any;
/** pulumirpc resource monitor service definition. */
export declare const resrpc: any;
/** pulumirpc engine messages. */
export declare const engproto: any;
/** pulumirpc engine service definition. */
export declare const engrpc: any;
/** pulumirpc language runtime messages. */
export declare const langproto: any;
/** pulumirpc language runtime client. */
export declare const langrpc: any;
/** pulumirpc events messages (the Automation API's `--event-log tcp://` server). */
export declare const eventsproto: any;
/** pulumirpc events client. */
export declare const eventsrpc: any;
/** Channel options matching the SDK's (large messages: whole resource states travel in one call). */
export declare const CHANNEL_OPTIONS: {
    "grpc.max_receive_message_length": number;
    "grpc.max_send_message_length": number;
};
/** Plain JS object from a `google.protobuf.Struct` (empty object when absent). */
export declare function fromStruct(s: any): Record<string, unknown>;
/** A `google.protobuf.Struct` from a plain JS object (undefined values dropped). */
export declare function toStruct(obj: Record<string, unknown>): any;
/** A gRPC error with a status code, as a service handler passes it to its callback. */
export declare function grpcError(code: number, message: string): grpcTypes.ServiceError;
