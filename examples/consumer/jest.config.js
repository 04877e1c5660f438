/** Jest with @swc/jest compiling TypeScript (no type-check at test time; `npm run typecheck` does that). */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": "@swc/jest" },
  testTimeout: 30000,
};
