/** The inference worker runs from its bundle in tests as in production: build it once before the run. */
// @ts-expect-error plain JavaScript build script without types
import { bundleServer } from '../../scripts/bundle-server.mjs';

export default async function setup(): Promise<void> {
  await bundleServer();
}
