// Starts `senshin-lint lsp` for YAML files; the server decides which of them are report drafts.
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

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

/** The message when the program cannot be found, in the user's language, with what to do. */
async function missing(path: string): Promise<void> {
  const ja = vscode.env.language.startsWith('ja');
  const message = ja
    ? `senshin-lint のプログラム（${path}）が見つかりません。インストールしてから VS Code を再起動するか、設定「senshinLint.path」にプログラムの場所を書いてください。`
    : `The senshin-lint program (${path}) cannot be found. Install it and restart VS Code, or set "senshinLint.path" to where it is.`;
  const settings = ja ? '設定を開く' : 'Open settings';
  if ((await vscode.window.showErrorMessage(message, settings)) === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'senshinLint.path');
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const path = config().get<string>('path', 'senshin-lint');
  if (!(await runs(path))) {
    await missing(path);
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
