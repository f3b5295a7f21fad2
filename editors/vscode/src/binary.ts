// Which senshin-lint program the extension starts, as ruff's extension chooses: the one named in the
// "senshinLint.path" setting; else the one packed inside a platform-specific .vsix; else `senshin-lint` on PATH.
// No `vscode` import here, so that Node's test runner can run it without an editor.
import * as fs from 'fs';
import * as path from 'path';

export type Source = 'setting' | 'bundled' | 'path';

export interface Program {
  path: string;
  source: Source;
}

/** Where a platform .vsix carries the binary, relative to the extension's folder. */
export function bundledPath(extensionDir: string, platform: NodeJS.Platform): string {
  return path.join(extensionDir, 'bin', platform === 'win32' ? 'senshin-lint.exe' : 'senshin-lint');
}

/** The program to start. A path the user set is taken as it is, never passed over for another one. */
export function choose(
  setting: string | undefined,
  extensionDir: string,
  platform: NodeJS.Platform = process.platform,
  exists: (p: string) => boolean = fs.existsSync,
): Program {
  const set = (setting ?? '').trim();
  if (set !== '') {
    return { path: set, source: 'setting' };
  }
  const bundled = bundledPath(extensionDir, platform);
  if (exists(bundled)) {
    return { path: bundled, source: 'bundled' };
  }
  return { path: 'senshin-lint', source: 'path' };
}
