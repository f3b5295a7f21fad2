-- senshin-lint for Neovim: starts `senshin-lint lsp` for YAML buffers. The server itself decides which YAML
-- files are report drafts (two top-level sections, or a `# senshin-lint: draft` line); other YAML files get
-- nothing from it.
--
--   require('senshin-lint').setup({ cmd = { 'senshin-lint', 'lsp' }, settings = { language = 'ja' } })
--
-- Neovim 0.8+ uses vim.lsp.start; Neovim 0.7 uses vim.lsp.start_client and attaches each buffer.
local M = {}

local defaults = {
  cmd = { 'senshin-lint', 'lsp' },
  filetypes = { 'yaml' },
  -- Passed as initializationOptions: language ('ja'/'en'), inlayHints ('all'/'differing'/'off'), rules.
  settings = {},
}

local function root_dir(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(path, ':p:h')
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
