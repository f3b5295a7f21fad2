// Starts `senshin-lint lsp` for YAML files; the server decides which of them are report drafts.
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { choose, Program } from './binary';

let client: LanguageClient | undefined;

function config() {
  return vscode.workspace.getConfiguration('senshinLint');
}

/** The language of `senshin-lint explain`: the setting, or VS Code's display language. */
function explainLanguage(): string {
  const language = config().get<string>('language', 'auto');
  return language === 'auto' ? (vscode.env.language.startsWith('ja') ? 'ja' : 'en') : language;
}

/** The server's settings (see the README). With `auto`, the server takes the language of the draft's
 * senshin-lint.toml, else VS Code's display language (the client's locale). */
function settings() {
  const c = config();
  return {
    language: c.get<string>('language', 'auto'),
    inlayHints: c.get<string>('inlayHints', 'all'),
    rules: c.get<Record<string, string>>('rules', {}),
  };
}

/** `senshin-lint explain RULE`, shown as a read-only document (rule links use the `senshin-lint:` scheme). */
function explain(path: string, rule: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(path, ['explain', '--lang', explainLanguage(), rule], (error, stdout, stderr) => {
      resolve(error ? `${stderr || error.message}` : stdout);
    });
  });
}

/** Whether the program at `path` runs at all. */
function runs(path: string): Promise<boolean> {
  return new Promise((resolve) => execFile(path, ['--version'], (error) => resolve(!error)));
}

/** The message when the program cannot be found or does not start, in the user's language, with what to do. */
async function missing(program: Program, vsix: string): Promise<void> {
  const ja = vscode.env.language.startsWith('ja');
  const message = {
    setting: ja
      ? `設定「senshinLint.path」に書かれたプログラム（${program.path}）が見つからないか、起動できません。その場所にプログラムがあるか確かめてください。設定を空にすると、拡張機能に入っているプログラムを使います。`
      : `The program set in "senshinLint.path" (${program.path}) cannot be found or does not start. Check that the program is there, or clear the setting to use the program inside the extension.`,
    bundled: ja
      ? `拡張機能に入っている senshin-lint（${program.path}）が起動できません。拡張機能を導入し直してください。セキュリティソフトや端末の管理設定で止められている場合は、情報システム担当の方に相談してください。`
      : `The senshin-lint program inside the extension (${program.path}) does not start. Reinstall the extension; if security software or the PC's management settings block it, ask your IT staff.`,
    path: ja
      ? `senshin-lint のプログラムが見つかりません。お使いの環境向けの拡張機能（${vsix}）を導入し直してください。プログラムを別に導入した場合は、設定「senshinLint.path」にその場所を書いてください。`
      : `The senshin-lint program cannot be found. Install the extension made for your platform (${vsix}), or, if you installed the program separately, set "senshinLint.path" to where it is.`,
  }[program.source];
  const settings = ja ? '設定を開く' : 'Open settings';
  if ((await vscode.window.showErrorMessage(message, settings)) === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'senshinLint.path');
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const program = choose(config().get<string>('path', ''), context.extensionPath);
  const path = program.path;
  if (!(await runs(path))) {
    // vsce names a platform's package after Node's platform and architecture, as `win32-x64`.
    const version = context.extension.packageJSON.version as string;
    await missing(program, `senshin-lint-${process.platform}-${process.arch}-${version}.vsix`);
    return;
  }
  const serverOptions: ServerOptions = { command: path, args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    initializationOptions: settings(),
    synchronize: { configurationSection: 'senshinLint' },
  };
  client = new LanguageClient('senshinLint', 'senshin-lint', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider('senshin-lint', {
      provideTextDocumentContent: (uri) => explain(path, uri.path.replace(/^rules\//, '')),
    }),
    vscode.commands.registerCommand('senshinLint.explain', async () => {
      const ja = vscode.env.language.startsWith('ja');
      const prompt = ja ? '検査の名前（例：column-sum）' : 'Rule id (e.g. column-sum)';
      const rule = await vscode.window.showInputBox({ prompt });
      if (rule) {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(`senshin-lint:rules/${rule}`));
        await vscode.window.showTextDocument(doc, { preview: true });
      }
    }),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
