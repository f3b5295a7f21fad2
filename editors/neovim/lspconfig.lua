-- senshin-lint with Neovim's own LSP setup (0.11+) or nvim-lspconfig (older releases). The server starts for
-- YAML files and reports only on report drafts; a draft outside any repository is served from its own folder.
-- The language follows the editor's locale unless `language` is set ('ja' or 'en').
local settings = { language = 'ja', inlayHints = 'differing' }

-- The folder of the nearest senshin-lint.toml or .git, else the draft's own folder.
local function root(path)
  local found = vim.fs.find({ 'senshin-lint.toml', '.git' }, { path = vim.fs.dirname(path), upward = true })[1]
  return found and vim.fs.dirname(found) or vim.fs.dirname(path)
end

if vim.lsp.config and vim.lsp.enable then
  -- Neovim 0.11+: no plugin needed.
  vim.lsp.config('senshin_lint', {
    cmd = { 'senshin-lint', 'lsp' },
    filetypes = { 'yaml' },
    root_dir = function(bufnr, on_dir)
      on_dir(root(vim.api.nvim_buf_get_name(bufnr)))
    end,
    init_options = settings,
    settings = { senshinLint = settings },
  })
  vim.lsp.enable('senshin_lint')
else
  -- Neovim 0.8–0.10 with nvim-lspconfig.
  local configs = require('lspconfig.configs')
  if not configs.senshin_lint then
    configs.senshin_lint = {
      default_config = {
        cmd = { 'senshin-lint', 'lsp' },
        filetypes = { 'yaml' },
        root_dir = root,
        single_file_support = true,
        init_options = settings,
        settings = { senshinLint = settings },
      },
    }
  end
  require('lspconfig').senshin_lint.setup({})
end
