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

/** The message when the program cannot be found or does not run, in the user's language, with what to do. */
async function missing(program: Program): Promise<void> {
  const ja = vscode.env.language.startsWith('ja');
  const where = {
    setting: ja
      ? `設定「senshinLint.path」のプログラム（${program.path}）が見つからないか、起動できません。設定の場所を確かめるか、設定を空にして拡張機能に同梱のプログラムを使ってください。`
      : `The program set in "senshinLint.path" (${program.path}) cannot be found or does not start. Check the setting, or clear it to use the program inside the extension.`,
    bundled: ja
      ? `拡張機能に同梱の senshin-lint（${program.path}）が起動できません。拡張機能を入れ直してください。`
      : `The senshin-lint program inside the extension (${program.path}) does not start. Reinstall the extension.`,
    path: ja
      ? 'senshin-lint のプログラムが見つかりません。お使いの環境向けの拡張機能（.vsix）を入れ直すか、senshin-lint をインストールして VS Code を再起動するか、設定「senshinLint.path」にプログラムの場所を書いてください。'
      : 'The senshin-lint program cannot be found. Install the extension made for your platform (.vsix), or install senshin-lint and restart VS Code, or set "senshinLint.path" to where it is.',
  }[program.source];
  const settings = ja ? '設定を開く' : 'Open settings';
  if ((await vscode.window.showErrorMessage(where, settings)) === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'senshinLint.path');
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const program = choose(config().get<string>('path', ''), context.extensionPath);
  const path = program.path;
  if (!(await runs(path))) {
    await missing(program);
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
