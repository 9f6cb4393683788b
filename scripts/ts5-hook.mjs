// dependency-cruiser parses TypeScript with the `typescript` compiler API, which TypeScript 7 (the native port the
// project type-checks with) no longer ships; point its imports of `typescript` at the 5.x API instead.
import Module, { register } from 'node:module';

const fromCruiser = (parent) => typeof parent === 'string' && parent.includes('/dependency-cruiser/');
register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if ((specifier === 'typescript' || specifier.startsWith('typescript/')) && context.parentURL?.includes('/dependency-cruiser/'))
    return next(specifier.replace(/^typescript/, 'typescript5'), context);
  return next(specifier, context);
}`),
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if ((request === 'typescript' || request.startsWith('typescript/')) && fromCruiser(parent?.filename))
    request = request.replace(/^typescript/, 'typescript5');
  return resolveFilename.call(this, request, parent, ...rest);
};
