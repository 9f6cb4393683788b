// The inference worker's entry, kept as plain JavaScript so that neither Next's bundler nor vitest has to
// handle it: the main thread finds it by path (pool.ts) and tsx compiles the TypeScript it imports, through
// both loaders (the package is not "type": "module", so .ts files load as CommonJS).
import path from 'node:path';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

const tsconfig = path.join(process.cwd(), 'tsconfig.json');
registerCjs({ tsconfig });
registerEsm({ tsconfig });
const tasks = await import('./tasks.ts');

// A CommonJS module's exports arrive as `default`, so its own default export sits one level down.
export default tasks.default?.default ?? tasks.default;
