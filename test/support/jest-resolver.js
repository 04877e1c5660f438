// @ts-check
/**
 * Jest's default resolver, except for kubernetes-models and @kubernetes-models/*: those are
 * ESM-only with `import`-only export maps, which Jest's CommonJS resolution (conditions `require`,
 * `default`) cannot match. They are resolved with the `import` condition here and then compiled to
 * CommonJS like the other ESM-only packages (see ESM_PACKAGES in jest.config.js). Every other
 * request resolves exactly as before.
 *
 * @param {string} request
 * @param {import("jest-resolve").ResolverOptions} options
 */
module.exports = (request, options) =>
  /^(kubernetes-models|@kubernetes-models\/[^/]+)(\/|$)/.test(request)
    ? options.defaultResolver(request, { ...options, conditions: ["import", "default"] })
    : options.defaultResolver(request, options);
