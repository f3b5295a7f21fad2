-- Headless check that the repository's Neovim setup receives the published report's diagnostics at the
-- expected lines and columns. Run from the repository root:
--   SENSHIN_LINT_BIN=target/debug/senshin-lint nvim --headless -u NONE -c 'luafile editors/neovim/test/check.lua'
-- SENSHIN_LINT_DRAFT names a copy of the published report elsewhere (CI puts one in a folder that is not a
-- repository, where officials keep their drafts).
local function fail(msg)
  io.stdout:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

vim.opt.runtimepath:prepend(vim.fn.getcwd() .. '/editors/neovim')
local bin = os.getenv('SENSHIN_LINT_BIN') or 'senshin-lint'
require('senshin-lint').setup({ cmd = { bin, 'lsp' }, settings = { language = 'en' } })

vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SENSHIN_LINT_DRAFT') or 'examples/r6/report.yaml'))
vim.bo.filetype = 'yaml'

local got = vim.wait(15000, function()
  return #vim.diagnostic.get(0) >= 5
end, 50)
if not got then
  fail('expected 5 diagnostics, got ' .. #vim.diagnostic.get(0))
end

local diags = vim.diagnostic.get(0)
table.sort(diags, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)

-- Where `needle` first occurs on the first line containing `line_text`: 0-based line and byte column.
local function where(line_text, needle)
  for i, l in ipairs(lines) do
    if l:find(line_text, 1, true) then
      local col = l:find(needle, 1, true)
      return i - 1, col - 1
    end
  end
  fail('no line with ' .. line_text)
end

local expected = {
  { 'summary-vs-costs', where('total_cost: 約911.1億円', '約911.1億円') },
  { 'history-vs-report', where('advanced_cost: 約120億円', '約120億円') },
  { 'mixed-punctuation', where('本医療技術に適当な症例がみられなかったため．', '．') },
  { 'mixed-punctuation', where('周知するとともに，', '，') },
  { 'prior-cases', nil },
}
if #diags ~= #expected then
  fail('expected ' .. #expected .. ' diagnostics, got ' .. #diags)
end
for i, e in ipairs(expected) do
  local d = diags[i]
  if d.code ~= e[1] then
    fail(('diagnostic %d: expected %s, got %s'):format(i, e[1], tostring(d.code)))
  end
  if e[2] ~= nil and (d.lnum ~= e[2] or d.col ~= e[3]) then
    fail(('%s: expected %d:%d, got %d:%d'):format(e[1], e[2], e[3], d.lnum, d.col))
  end
end
io.stdout:write(('OK: %d diagnostics at the expected positions (Neovim %s)\n'):format(#diags, tostring(vim.version().minor)))
vim.cmd('qall!')
