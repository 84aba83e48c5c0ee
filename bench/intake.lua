-- wrk script for bench/intake.sh: POSTs one fixed, correctly signed issue_comment payload with a
-- unique X-GitHub-Delivery per request. The HMAC covers the body only, so a precomputed signature
-- stays valid while the delivery id header changes.
--
-- wrk -s bench/intake.lua URL -- <label> <payload file> <sha256=… signature>
-- <label> prefixes every delivery id, so that warm-up and measured runs never collide.
-- At the end it prints one machine-readable line starting with "BENCH".

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

local prefix, body, headers
local counter = 0

function init(args)
  local label, file, signature = args[1], args[2], args[3]
  local f = assert(io.open(file, "rb"))
  body = f:read("*a")
  f:close()
  prefix = label .. "-" .. tid .. "-"
  headers = {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "GitHub-Hookshot/bench",
    ["X-GitHub-Event"] = "issue_comment",
    ["X-GitHub-Hook-ID"] = "1",
    ["X-Hub-Signature-256"] = signature,
  }
end

function request()
  counter = counter + 1
  headers["X-GitHub-Delivery"] = prefix .. counter
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d"
      .. " connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
