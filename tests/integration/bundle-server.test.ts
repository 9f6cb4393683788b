/** The worker and CLI bundles fail to build on a broken import, so a bad import never reaches a user's upload. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build script without types
import { bundleServer } from '../../scripts/bundle-server.mjs';

const entry = path.join(process.cwd(), 'tests', 'setup', 'broken-entry.ts');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-bundle-'));

afterEach(() => fs.rmSync(entry, { force: true }));

describe('server bundle', () => {
  it('builds the worker from its sources', async () => {
    fs.writeFileSync(
      entry,
      "import { inferenceSizing } from '@/lib/models/threads';\nexport default inferenceSizing;\n",
    );
    await expect(bundleServer({ entryPoints: { probe: entry }, outdir })).resolves.toBeUndefined();
  });

  it.each([
    ['a missing module of ours', "import './no-such-module';\n"],
    ['a package that is not installed', "import 'no-such-package-strix';\n"],
  ])('fails on %s', async (_what, source) => {
    fs.writeFileSync(entry, source);
    await expect(bundleServer({ entryPoints: { probe: entry }, outdir })).rejects.toThrow();
  });
});
