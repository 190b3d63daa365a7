// A change to the webgpu kernels (or to the self-test's cases) must come with a new
// WEBGPU_KERNELS version, or users' cached self-test results would vouch for kernels they never
// tested. The hash covers every source file of kernels/webgpu except tests and version.ts.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEBGPU_KERNELS } from './webgpu/version';

function sourceHash(): string {
  const dir = path.join(import.meta.dirname, 'webgpu');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !/\.test\.ts$|testing\.ts$|^version\.ts$/.test(f))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0${readFileSync(path.join(dir, f), 'utf8')}`);
  return hash.digest('hex').slice(0, 16);
}

describe('WEBGPU_KERNELS', () => {
  it('records the hash of the kernel sources (on a change: bump version, record the new hash)', () => {
    expect(WEBGPU_KERNELS.sourceHash).toBe(sourceHash());
  });
});
