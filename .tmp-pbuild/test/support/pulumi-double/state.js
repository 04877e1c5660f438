"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isSecret = void 0;
exports.manifest = manifest;
exports.mapDeploymentProps = mapDeploymentProps;
exports.encryptProps = encryptProps;
exports.decryptProps = decryptProps;
exports.plaintextProps = plaintextProps;
exports.verifyIntegrity = verifyIntegrity;
const errors_1 = require("./errors");
const props_1 = require("./props");
Object.defineProperty(exports, "isSecret", { enumerable: true, get: function () { return props_1.isSecret; } });
/** A fresh manifest. */
function manifest(version) {
    return { time: new Date().toISOString(), magic: "", version };
}
function mapResourceProps(r, fn) {
    const out = { ...r };
    if (r.inputs)
        out.inputs = fn(r.inputs);
    if (r.outputs)
        out.outputs = fn(r.outputs);
    return out;
}
/** Maps inputs and outputs of every resource (and pending operation) of a deployment. */
function mapDeploymentProps(d, fn) {
    const out = { ...d };
    if (d.resources)
        out.resources = d.resources.map((r) => mapResourceProps(r, fn));
    if (d.pending_operations) {
        out.pending_operations = d.pending_operations.map((o) => ({
            ...o,
            resource: mapResourceProps(o.resource, fn),
        }));
    }
    return out;
}
/** In-memory props → on-disk props (secrets encrypted). */
function encryptProps(p, crypter) {
    return (0, props_1.mapSecrets)(p, (s) => ({
        [props_1.SIG]: props_1.SECRET_SIG,
        ciphertext: crypter.encrypt(JSON.stringify(s["value"] ?? null)),
    }));
}
/** On-disk or exported props → in-memory props (ciphertext decrypted, plaintext parsed). */
function decryptProps(p, crypter) {
    return (0, props_1.mapSecrets)(p, (s) => {
        if ("value" in s)
            return s;
        if (typeof s["plaintext"] === "string") {
            return { [props_1.SIG]: props_1.SECRET_SIG, value: JSON.parse(s["plaintext"]) };
        }
        if (typeof s["ciphertext"] === "string") {
            if (!crypter)
                throw new errors_1.CliError("cannot decrypt secrets: no secrets provider");
            let plain;
            try {
                plain = crypter.decrypt(s["ciphertext"]);
            }
            catch {
                throw new errors_1.CliError("failed to decrypt secret value: the ciphertext was not encrypted with this stack's secrets provider");
            }
            return { [props_1.SIG]: props_1.SECRET_SIG, value: JSON.parse(plain) };
        }
        throw new errors_1.CliError("malformed secret value in deployment");
    });
}
/** In-memory props → exported props with `plaintext` secrets (`stack export --show-secrets`). */
function plaintextProps(p) {
    return (0, props_1.mapSecrets)(p, (s) => ({
        [props_1.SIG]: props_1.SECRET_SIG,
        plaintext: JSON.stringify(s["value"] ?? null),
    }));
}
/**
 * Checks that every parent, provider and dependency of a resource appears before it, as the real
 * engine's `snapshot.VerifyIntegrity` does; returns the first problem found.
 */
function verifyIntegrity(resources) {
    const seen = new Set();
    for (const r of resources) {
        if (r.parent && !seen.has(r.parent))
            return `resource ${r.urn} refers to unknown parent ${r.parent}`;
        if (r.provider) {
            const provUrn = r.provider.split("::").slice(0, -1).join("::");
            if (!seen.has(provUrn))
                return `resource ${r.urn} refers to unknown provider ${provUrn}`;
        }
        for (const d of r.dependencies ?? []) {
            if (!seen.has(d))
                return `resource ${r.urn}'s dependency ${d} refers to missing resource`;
        }
        seen.add(r.urn);
    }
    return undefined;
}
//# sourceMappingURL=state.js.map