-- Neovim's own LSP client against `mapvet lsp`, headless: opens a file, waits for mapvet's
-- diagnostics, prints them, applies the quick fix "Wrap the statement in synchronized" and waits
-- until that finding is gone, then stops the server. Exits 0 when all of that happened, else 1.
--
--   MAPVET_LSP_CMD   the server's command, as a JSON array (["./mapvet", "lsp"])
--   MAPVET_ROOT      the workspace folder
--   MAPVET_FILE      the file to open (a copy of demo/src/SessionRegistry.java)
--
-- nvim --headless --clean -u NONE -i NONE -n -c "luafile lint/src/test/nvim/check-lsp.lua"
-- Works with Neovim 0.7 (vim.lsp.start_client) and newer (vim.lsp.start).

local function say(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local function finish(ok, why)
  if not ok then
    say("nvim-lsp-check: FAILED: " .. why)
    vim.cmd("cquit 1")
  end
  say("nvim-lsp-check: passed")
  vim.cmd("qall!")
end

local cmd = vim.fn.json_decode(os.getenv("MAPVET_LSP_CMD") or '["./mapvet", "lsp"]')
local root = os.getenv("MAPVET_ROOT")
local file = os.getenv("MAPVET_FILE")
if not root or not file then
  finish(false, "MAPVET_ROOT and MAPVET_FILE must be set")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.bo.filetype = "java"
local bufnr = vim.api.nvim_get_current_buf()

local config = {
  name = "mapvet",
  cmd = cmd,
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ":t") } },
}
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config) -- Neovim 0.8+
else
  client_id = vim.lsp.start_client(config) -- Neovim 0.7
  vim.lsp.buf_attach_client(bufnr, client_id)
end
if not client_id then
  finish(false, "the server did not start: " .. vim.inspect(cmd))
end

local function diagnostics()
  return vim.diagnostic.get(bufnr)
end

local function with_code(code)
  for _, d in ipairs(diagnostics()) do
    if d.code == code then
      return d
    end
  end
  return nil
end

-- the first analysis starts a JVM and parses the file: allow a minute on a busy machine
if not vim.wait(60000, function() return #diagnostics() > 0 end, 50) then
  finish(false, "no diagnostics from mapvet within 60 s")
end
for _, d in ipairs(diagnostics()) do
  say(string.format("%s:%d:%d: %s: %s [%s]", vim.fn.fnamemodify(file, ":t"), d.lnum + 1, d.col + 1,
    d.source or "?", (d.message:gsub("\n.*", "")), tostring(d.code)))
end
local finding = with_code("InconsistentMapLocking")
if not finding then
  finish(false, "no InconsistentMapLocking diagnostic")
end

-- the quick fix, as :lua vim.lsp.buf.code_action() would list it
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = {
    start = { line = finding.lnum, character = finding.col },
    ["end"] = { line = finding.lnum, character = finding.col },
  },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 30000) or {}
local wrap
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    say("code action: " .. action.title)
    if action.title:find("^Wrap the statement in synchronized") then
      wrap = action
    end
  end
end
if not wrap or not wrap.edit then
  finish(false, "no 'Wrap the statement in synchronized' code action with an edit")
end
vim.lsp.util.apply_workspace_edit(wrap.edit, "utf-16")

-- the edit changes the buffer; mapvet analyses the new text and the finding goes
if not vim.wait(30000, function() return #diagnostics() > 0 and with_code("InconsistentMapLocking") == nil end, 50) then
  finish(false, "InconsistentMapLocking still reported after the fix")
end
say(string.format("after the fix: %d diagnostics, none InconsistentMapLocking", #diagnostics()))

vim.lsp.stop_client(client_id)
local client = vim.lsp.get_client_by_id(client_id)
vim.wait(10000, function() return client == nil or client.is_stopped() end, 50)
finish(true)
