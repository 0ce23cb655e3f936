-- wrk script of the load bench (bench/load_bench.py): signed-in citizens.
--
--   wrk -s citizen.lua URL -- SESSIONS_FILE METHOD [KEY_PREFIX BODY_FILE]
--
-- SESSIONS_FILE has one "<csrf token>\t<Cookie header>" line per logged-in account.
-- Each request takes the next session in turn (threads start at different ones), so
-- the load is spread over every account. With METHOD POST each request also carries
-- the CSRF header, the JSON body of BODY_FILE and an Idempotency-Key unique in the
-- run: KEY_PREFIX, the thread number and a per-thread counter.

local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
end

local sessions = {}
local method = "GET"
local key_prefix = ""
local body = nil
local turn = 0
local counter = 0

local function read_sessions(path)
  for line in io.lines(path) do
    local token, cookie = line:match("^(%S+)\t(.+)$")
    if token then
      sessions[#sessions + 1] = { token = token, cookie = cookie }
    end
  end
  assert(#sessions > 0, "no session in " .. path)
end

function init(args)
  read_sessions(args[1])
  method = args[2] or "GET"
  key_prefix = (args[3] or "wrk") .. "-" .. tostring(tid) .. "-"
  if args[4] then
    local fh = assert(io.open(args[4], "rb"))
    body = fh:read("*a")
    fh:close()
  end
  turn = (tid - 1) * math.floor(#sessions / 2)
end

function request()
  turn = turn % #sessions + 1
  local session = sessions[turn]
  local headers = { ["Cookie"] = session.cookie }
  if method == "POST" then
    counter = counter + 1
    headers["Content-Type"] = "application/json"
    headers["X-CSRFToken"] = session.token
    headers["Idempotency-Key"] = key_prefix .. counter
  end
  return wrk.format(method, nil, headers, body)
end
