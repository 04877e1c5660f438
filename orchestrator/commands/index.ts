import type { Command } from "commander";
import { registerCost } from "./cost";
import { registerSynth } from "./synth";

/** Every CLI verb; each module adds one command. */
export const COMMANDS: readonly ((program: Command) => void)[] = [registerSynth, registerCost];
