-- Drives copydesk's language server from Neovim's own LSP client (run by lsp_neovim_test.cpp):
-- opens ARTICLE, waits for the diagnostics, applies the preferred quick fix of the finding on
-- FIX_LINE, waits for the diagnostics of the edited text, and writes what it saw to RESULT as
-- JSON. Any failure quits with a non-zero code, so a broken session cannot pass.

local binary = os.getenv('COPYDESK_BIN')
local article = os.getenv('ARTICLE')
local result_file = os.getenv('RESULT')
local fix_line = tonumber(os.getenv('FIX_LINE') or '-1')

local function fail(message)
  io.stderr:write('lsp_neovim.lua: ' .. message .. '\n')
  vim.cmd('cquit 3')
end

local function snapshot(bufnr)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(items, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, code = lsp.code or d.code, message = d.message,
    })
  end
  table.sort(items, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return items
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'copydesk',
    cmd = { binary, 'lsp' },
    root_dir = vim.fn.fnamemodify(article, ':p:h'),
  })
  if not client_id then return fail('the server did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    return fail('no diagnostics arrived')
  end
  local before = snapshot(bufnr)
  local output = { diagnostics = before, encoding = client.offset_encoding }

  if fix_line >= 0 then
    -- The whole line: Neovim 0.7 keeps no LSP range on its diagnostics to ask with.
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = { start = { line = fix_line, character = 0 }, ['end'] = { line = fix_line + 1, character = 0 } },
      context = { diagnostics = {} },
    }
    local response = client.request_sync('textDocument/codeAction', params, 30000, bufnr)
    if not response or response.err then return fail('codeAction failed') end
    local chosen
    for _, action in ipairs(response.result or {}) do
      if action.isPreferred then chosen = action end
    end
    if not chosen then return fail('no preferred quick fix') end
    output.applied = chosen.title
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == #before - 1 end, 20) then
      return fail('the diagnostics did not follow the edit')
    end
    output.after = snapshot(bufnr)
  end
  output.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  local file = io.open(result_file, 'w')
  file:write(vim.fn.json_encode(output))
  file:close()
  client.stop()
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then fail(tostring(err)) end
