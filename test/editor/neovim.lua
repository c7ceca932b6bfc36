-- Headless Neovim (0.7 or later) as the editor: its built-in LSP client starts `cluelint lsp --stdio`,
-- opens a draft, waits for the diagnostics, asks for the code actions on a finding, applies one,
-- and waits for the diagnostics of the edited text. What it saw is written as JSON to $CLUELINT_OUT.
local out = {}
local function finish()
  local file = io.open(os.getenv('CLUELINT_OUT'), 'w')
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CLUELINT_DRAFT')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'cluelint',
    cmd = {os.getenv('CLUELINT_NODE'), os.getenv('CLUELINT_BIN'), 'lsp', '--stdio'},
    root_dir = os.getenv('CLUELINT_ROOT'),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function codes()
    local list = {}
    for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(list, {code = diagnostic.code, lnum = diagnostic.lnum, col = diagnostic.col, end_col = diagnostic.end_col, severity = diagnostic.severity, source = diagnostic.source})
    end
    return list
  end

  out.received = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  out.first = codes()

  -- The code actions on the marketing-speak finding.
  local target
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == 'marketing-speak' then target = diagnostic end
  end
  vim.api.nvim_win_set_cursor(0, {target.lnum + 1, target.col})
  local params = vim.lsp.util.make_range_params()
  params.context = {diagnostics = {}}
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 30000)
  out.titles = {}
  local chosen
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(out.titles, action.title)
      if action.title:find('^Replace with') and not chosen then chosen = action end
    end
  end
  out.applied = chosen and chosen.title or nil
  local before = vim.diagnostic.get(bufnr)
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  out.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  -- The edit is sent as a change; the server lints it after its pause.
  out.relinted = vim.wait(30000, function()
    for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
      if diagnostic.code == 'marketing-speak' then return false end
    end
    return #vim.diagnostic.get(bufnr) > 0 and vim.diagnostic.get(bufnr) ~= before
  end, 20)
  out.after = codes()
  vim.lsp.stop_client(client_id)
end)
if not ok then out.error = tostring(err) end
finish()
