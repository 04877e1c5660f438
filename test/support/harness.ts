// The repository's own tests use the same harness the package ships as `@platform/pulumi-platform/testing`.
export {
  promiseOf,
  setupMocks,
  type MockHarness,
  type MockOptions,
  type RecordedResource,
} from "../../testing";
