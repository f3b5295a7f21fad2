// The choice of program, run by `node --test` on the compiled file (npm test).
import { strict as assert } from 'assert';
import * as path from 'path';
import { test } from 'node:test';
import { bundledPath, choose } from './binary';

const ext = path.join('/ext', 'senshin-lint-0.1.0');
const bundled = bundledPath(ext, 'linux');
const has = (...present: string[]) => (p: string) => present.includes(p);

test('the setting wins, even when a bundled binary is there', () => {
  assert.deepEqual(choose('/opt/senshin-lint', ext, 'linux', has(bundled)), {
    path: '/opt/senshin-lint',
    source: 'setting',
  });
});

test('without a setting, the binary inside the extension', () => {
  assert.deepEqual(choose('', ext, 'linux', has(bundled)), { path: bundled, source: 'bundled' });
  assert.deepEqual(choose('  ', ext, 'linux', has(bundled)), { path: bundled, source: 'bundled' });
  assert.deepEqual(choose(undefined, ext, 'linux', has(bundled)), { path: bundled, source: 'bundled' });
});

test('on Windows the bundled binary is the .exe', () => {
  const exe = bundledPath(ext, 'win32');
  assert.ok(exe.endsWith('senshin-lint.exe'));
  assert.deepEqual(choose('', ext, 'win32', has(exe)), { path: exe, source: 'bundled' });
  // The Linux name alone does not count on Windows.
  assert.deepEqual(choose('', ext, 'win32', has(bundled)), { path: 'senshin-lint', source: 'path' });
});

test('a universal .vsix (no binary inside) falls back to PATH', () => {
  assert.deepEqual(choose('', ext, 'darwin', has()), { path: 'senshin-lint', source: 'path' });
});
