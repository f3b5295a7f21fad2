-- For nvim-lspconfig users: register senshin-lint as a server, then enable it like any other.
local configs = require('lspconfig.configs')
if not configs.senshin_lint then
  configs.senshin_lint = {
    default_config = {
      cmd = { 'senshin-lint', 'lsp' },
      filetypes = { 'yaml' },
      root_dir = require('lspconfig.util').find_git_ancestor,
      init_options = { language = 'ja', inlayHints = 'differing' },
    },
  }
end
require('lspconfig').senshin_lint.setup({})
