const { spawn } = require("child_process");
const path = require("path");
const grpc = require("@grpc/grpc-js");
const rpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb.js");
const pb = require("@pulumi/pulumi/proto/analyzer_pb.js");
const structpb = require("google-protobuf/google/protobuf/struct_pb.js");
const emptypb = require("google-protobuf/google/protobuf/empty_pb.js");
const child = spawn(process.execPath, [path.join(__dirname, "policy/index.js")], { cwd: path.join(__dirname, "..", "policy"), env: { ...process.env, PLATFORM_PROFILE: process.argv[2] } });
child.stderr.on("data", (d) => process.stderr.write(d));
child.stdout.once("data", (d) => {
  const port = d.toString().trim();
  const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  client.getAnalyzerInfo(new emptypb.Empty(), (err, info) => {
    if (err) throw err;
    const policies = info.getPoliciesList();
    console.log("pack", info.getName(), "policies", policies.length, "mandatory", policies.filter((p) => p.getEnforcementlevel() === 1).length);
    const req = new pb.AnalyzeRequest();
    req.setType("gcp:sql/databaseInstance:DatabaseInstance");
    req.setUrn(`urn:pulumi:${process.argv[2]}::platform::gcp:sql/databaseInstance:DatabaseInstance::db`);
    req.setName("db");
    req.setOptions(new pb.AnalyzerResourceOptions());
    req.setProperties(structpb.Struct.fromJavaScript({ databaseVersion: "POSTGRES_17", settings: { availabilityType: "ZONAL", ipConfiguration: { ipv4Enabled: true, sslMode: "ENCRYPTED_ONLY" } } }));
    client.analyze(req, (err2, res) => {
      if (err2) throw err2;
      for (const d of res.getDiagnosticsList()) console.log(d.getPolicyname(), ["advisory", "mandatory", "disabled", "remediate"][d.getEnforcementlevel()], "|", d.getMessage().split("\n").pop().slice(0, 90));
      child.kill();
      process.exit(0);
    });
  });
});
