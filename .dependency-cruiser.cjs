/**
 * The dependency rule of docs/architecture.md: imports point inward, toward the pure domain.
 * server -> adapters -> app -> domain; contracts -> domain; web -> contracts, domain.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain does no I/O: it imports nothing outside itself, and no node:* module.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/zod/'],
      },
    },
    {
      name: 'app-reaches-world-through-ports',
      comment: 'Use cases import the domain and their own ports only.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(contracts|adapters|server|web)/' },
    },
    {
      name: 'app-no-node-io',
      comment: 'Use cases reach the world only through ports.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-depend-on-domain-only',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(app|adapters|server|web)/' },
    },
    {
      name: 'adapters-point-inward',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(server|web|contracts)/' },
    },
    {
      name: 'adapters-never-import-each-other',
      comment: 'server/container.ts wires adapters together.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'server-does-not-import-web',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-imports-contracts-and-domain-only',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(app|adapters|server)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
