/** The real CLI's message when no passphrase is available in non-interactive mode. */
export declare const MISSING_PASSPHRASE = "passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables";
/** The real CLI's message for a wrong passphrase. */
export declare const WRONG_PASSPHRASE: string;
/** The passphrase from PULUMI_CONFIG_PASSPHRASE(_FILE), or undefined when neither is set. */
export declare function readPassphrase(env?: NodeJS.ProcessEnv): string | undefined;
/** Encrypts and decrypts secret values for one stack. */
export declare class Crypter {
    private readonly key;
    private constructor();
    /** A new salt (stored as `encryptionsalt` in the stack config file) and its crypter. */
    static create(passphrase: string): {
        crypter: Crypter;
        salt: string;
    };
    /** The crypter for an existing salt; throws the real CLI's message on a wrong passphrase. */
    static fromSalt(salt: string, passphrase: string): Crypter;
    /** `v1:<nonce>:<ciphertext>` for a plaintext string. */
    encrypt(plaintext: string): string;
    /** The plaintext of a `v1:` ciphertext; throws when it was encrypted with another key. */
    decrypt(ciphertext: string): string;
}
