import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "./context";
import { childName } from "./naming";
import { transform, type Transform } from "./transform";

/** Options for {@link createEmailChannel}. */
export interface EmailChannelArgs {
  readonly ctx: PlatformContext;
  /** Component instance name; the channel is `${owner}-email-${index}`. */
  readonly owner: string;
  readonly index: number;
  readonly email: string;
  /** What the channel is for, shown in its display name, e.g. `budget` or `alerts`. */
  readonly purpose: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly parent: pulumi.Resource;
  readonly transform?: Transform<gcp.monitoring.NotificationChannelArgs>;
}

/**
 * One Cloud Monitoring email notification channel, as budgets and alert policies use them.
 * Named by position, so adding an address at the end never replaces the others.
 *
 * @example
 * ```ts
 * const ch = createEmailChannel({ ctx, owner: name, index: 0, email: "oncall@acme.example", purpose: "alerts", labels, parent: this });
 * ```
 */
export function createEmailChannel(a: EmailChannelArgs): gcp.monitoring.NotificationChannel {
  const { ctx } = a;
  return new gcp.monitoring.NotificationChannel(
    ...transform(
      a.transform,
      childName(a.owner, "email", String(a.index)),
      {
        project: ctx.project,
        type: "email",
        displayName: `${ctx.app} ${ctx.env} ${a.purpose}: ${a.email}`,
        labels: { email_address: a.email },
        userLabels: { ...a.labels },
        description: `${a.purpose[0]!.toUpperCase()}${a.purpose.slice(1)} for ${ctx.app} (${ctx.env}), managed by the platform library.`,
      },
      { parent: a.parent },
    ),
  );
}
