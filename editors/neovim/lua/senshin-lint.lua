-- senshin-lint for Neovim: starts `senshin-lint lsp` for YAML buffers. The server itself decides which YAML
-- files are report drafts (two top-level sections, or a `# senshin-lint: draft` line); other YAML files get
-- nothing from it.
--
--   require('senshin-lint').setup({ cmd = { 'senshin-lint', 'lsp' }, settings = { language = 'ja' } })
--
-- Neovim 0.11+ registers the server with vim.lsp.config and vim.lsp.enable; 0.8–0.10 use vim.lsp.start; 0.7
-- uses vim.lsp.start_client and attaches each buffer. A draft outside any repository (where officials keep
-- theirs) gets a server rooted at its own folder.
local M = {}

local defaults = {
  cmd = { 'senshin-lint', 'lsp' },
  filetypes = { 'yaml' },
  -- Passed as initializationOptions: language ('ja'/'en'), inlayHints ('all'/'differing'/'off'), rules.
  settings = {},
}

-- The folder of the nearest senshin-lint.toml or .git above the draft, else the draft's own folder.
local function root_dir(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local toml = vim.fn.findfile('senshin-lint.toml', dir .. ';')
  if toml ~= '' then
    return vim.fn.fnamemodify(toml, ':p:h')
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return dir
end

local function config(opts, bufnr)
  return {
    name = 'senshin-lint',
    cmd = opts.cmd,
    root_dir = root_dir(bufnr),
    init_options = opts.settings,
    settings = { senshinLint = opts.settings },
    on_attach = opts.on_attach,
  }
end

local client_id = nil

local function attach(opts, bufnr)
  if vim.lsp.start then
    vim.lsp.start(config(opts, bufnr), { bufnr = bufnr })
    return
  end
  -- Neovim 0.7: one client for the session, attached to every matching buffer.
  if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
    client_id = vim.lsp.start_client(config(opts, bufnr))
  end
  if client_id then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', defaults, user or {})
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config('senshin_lint', {
      cmd = opts.cmd,
      filetypes = opts.filetypes,
      root_dir = function(bufnr, on_dir)
        on_dir(root_dir(bufnr))
      end,
      init_options = opts.settings,
      settings = { senshinLint = opts.settings },
      on_attach = opts.on_attach,
    })
    vim.lsp.enable('senshin_lint')
    return
  end
  local group = vim.api.nvim_create_augroup('senshin-lint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      attach(opts, args.buf)
    end,
  })
end

return M
