// eslint-disable-next-line @nx/enforce-module-boundaries -- the workspace config this one extends
import root from '../../eslint.config.mjs';

export default [
  ...root,
  {
    // The fake upstreams answer with the apps' own test fixtures (one source for each vendor's
    // shapes). They run only in the bench's fake-upstream process, never in a server bundle.
    files: ['servers/upstreams/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
