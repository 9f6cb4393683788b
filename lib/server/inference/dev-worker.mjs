// The inference worker's entry under `next dev` only: tsx compiles the TypeScript sources as they change, through
// both loaders (the package is not "type": "module", so .ts files load as CommonJS). Production and the tests run
// the bundle `npm run build` makes (dist/inference-worker.cjs, scripts/bundle-server.mjs).
import path from 'node:path';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

const tsconfig = path.join(process.cwd(), 'tsconfig.json');
registerCjs({ tsconfig });
registerEsm({ tsconfig });
const tasks = await import('./tasks.ts');

// A CommonJS module's exports arrive as `default`, so its own default export sits one level down.
export default tasks.default?.default ?? tasks.default;
