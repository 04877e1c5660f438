import type { CostLine } from "../../plan/model";
import { DEFAULT_USAGE, estimateResources, type CostResource, type Usage } from "../../plan/cost";

/** A URN for a resource under an optional component. */
export function urnOf(type: string, name: string, component?: string): string {
  return `urn:pulumi:dev::platform::${component ? `${component}$` : ""}${type}::${name}`;
}

/** One resource as an inventory row. */
export function res(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  extra: { parent?: string; component?: string } = {},
): CostResource {
  return {
    urn: urnOf(type, name, extra.component),
    type,
    name,
    ...(extra.parent ? { parent: extra.parent } : {}),
    inputs,
  };
}

/** Prices one resource alone and returns its line. */
export function priceOne(
  type: string,
  inputs: Record<string, unknown>,
  usage: Partial<Usage> = {},
  region = "us-central1",
): CostLine {
  const est = estimateResources([res(type, "r", inputs)], { ...DEFAULT_USAGE, ...usage }, { region });
  if (est.lines.length !== 1) throw new Error(`expected one line, got ${est.lines.length}`);
  return est.lines[0]!;
}

/** baseline + usage of a line. */
export function total(line: CostLine): number {
  return (line.baseline ?? 0) + (line.usage ?? 0);
}
