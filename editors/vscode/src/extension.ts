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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const path = config().get<string>('path', 'senshin-lint');
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
      const rule = await vscode.window.showInputBox({ prompt: 'Rule id (e.g. column-sum)' });
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
