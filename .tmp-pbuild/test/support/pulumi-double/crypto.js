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
exports.Crypter = exports.WRONG_PASSPHRASE = exports.MISSING_PASSPHRASE = void 0;
exports.readPassphrase = readPassphrase;
/**
 * The passphrase secrets provider: AES-256-GCM with a PBKDF2-SHA256 key, ciphertexts written as
 * `v1:<nonce>:<ciphertext+tag>` (base64) and the salt as `v1:<salt>:<encryption of "pulumi">`, the
 * same shapes as the real CLI. The iteration count is lower than the real one (see README), so
 * state written by the double is not readable by the real CLI and vice versa.
 */
const crypto = __importStar(require("node:crypto"));
const fs = __importStar(require("node:fs"));
const errors_1 = require("./errors");
const ITERATIONS = 10_000;
const CHECK_TEXT = "pulumi";
/** The real CLI's message when no passphrase is available in non-interactive mode. */
exports.MISSING_PASSPHRASE = "passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables";
/** The real CLI's message for a wrong passphrase. */
exports.WRONG_PASSPHRASE = "incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase or set " +
    "PULUMI_CONFIG_PASSPHRASE_FILE to a file containing the passphrase";
/** The passphrase from PULUMI_CONFIG_PASSPHRASE(_FILE), or undefined when neither is set. */
function readPassphrase(env = process.env) {
    if (env["PULUMI_CONFIG_PASSPHRASE"] !== undefined)
        return env["PULUMI_CONFIG_PASSPHRASE"];
    const file = env["PULUMI_CONFIG_PASSPHRASE_FILE"];
    if (file)
        return fs.readFileSync(file, "utf8").replace(/\r?\n$/, "");
    return undefined;
}
/** Encrypts and decrypts secret values for one stack. */
class Crypter {
    key;
    constructor(key) {
        this.key = key;
    }
    /** A new salt (stored as `encryptionsalt` in the stack config file) and its crypter. */
    static create(passphrase) {
        const saltBytes = crypto.randomBytes(8);
        const crypter = new Crypter(deriveKey(passphrase, saltBytes));
        return { crypter, salt: `v1:${saltBytes.toString("base64")}:${crypter.encrypt(CHECK_TEXT)}` };
    }
    /** The crypter for an existing salt; throws the real CLI's message on a wrong passphrase. */
    static fromSalt(salt, passphrase) {
        const parts = salt.split(":");
        if (parts.length !== 5 || parts[0] !== "v1")
            throw new errors_1.CliError(`malformed encryption salt '${salt}'`);
        const crypter = new Crypter(deriveKey(passphrase, Buffer.from(parts[1], "base64")));
        let check;
        try {
            check = crypter.decrypt(parts.slice(2).join(":"));
        }
        catch {
            throw new errors_1.CliError(exports.WRONG_PASSPHRASE);
        }
        if (check !== CHECK_TEXT)
            throw new errors_1.CliError(exports.WRONG_PASSPHRASE);
        return crypter;
    }
    /** `v1:<nonce>:<ciphertext>` for a plaintext string. */
    encrypt(plaintext) {
        const nonce = crypto.randomBytes(12);
        const cipher = crypto.createCipheriv("aes-256-gcm", this.key, nonce);
        const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
        return `v1:${nonce.toString("base64")}:${body.toString("base64")}`;
    }
    /** The plaintext of a `v1:` ciphertext; throws when it was encrypted with another key. */
    decrypt(ciphertext) {
        const parts = ciphertext.split(":");
        if (parts.length !== 3 || parts[0] !== "v1")
            throw new errors_1.CliError(`malformed ciphertext '${ciphertext}'`);
        const nonce = Buffer.from(parts[1], "base64");
        const body = Buffer.from(parts[2], "base64");
        const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, nonce);
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
    }
}
exports.Crypter = Crypter;
function deriveKey(passphrase, salt) {
    return crypto.pbkdf2Sync(passphrase, salt, ITERATIONS, 32, "sha256");
}
//# sourceMappingURL=crypto.js.map