import { type ResourceRule, type StackRule } from "./types";
/** Shortest rotation the API accepts: one day. */
export declare const MIN_ROTATION_SECONDS = 86400;
/** KMS roles that use a key (CIS 1.11 forbids holding one of them together with cloudkms.admin). */
export declare const KMS_USE_ROLES: readonly ["roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.cryptoKeyEncrypter", "roles/cloudkms.cryptoKeyDecrypter"];
/** The KMS administration role. */
export declare const KMS_ADMIN_ROLE = "roles/cloudkms.admin";
/** Rows 28–30: rotation between 1 and 90 days on symmetric keys. */
export declare const KMS_ROTATION: ResourceRule;
/** Row 31: keys are protected (Pulumi's `protect`, Terraform's prevent_destroy). */
export declare const KMS_PREVENT_DESTROY: ResourceRule;
/** Rows 32–33: no public grant on keys or key rings. */
export declare const KMS_NOT_PUBLIC: ResourceRule;
/** Row 34: the same member must not administer keys and use them. */
export declare const KMS_SEPARATION_OF_DUTIES: StackRule;
/** Every KMS rule (table rows 28–34). */
export declare const KMS_RULES: readonly (ResourceRule | StackRule)[];
