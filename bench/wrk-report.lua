-- wrk script of the page benchmark (bench/wrk.ts runs it). Prints one line, "WRK_JSON {...}",
-- with what bench/wrk.ts reads: requests, bytes, duration, socket errors, latency percentiles.
--
-- Arguments after "--" (spread-ips and urls each make the requests: one of them at most):
--   statuses        count the answers by status code. wrk then hands every response to Lua,
--                   which costs it CPU: used only where the status is the thing measured.
--   spread-ips      send each request with its own X-Forwarded-For address (10.x.y.z), as
--                   many visitors behind a trusted proxy: for routes limited per address.
--   urls FILE N     request the "host<TAB>path" lines of FILE in order, each of the N threads taking
--                   every N-th line, each line once: a thread that reaches the end of its share stops,
--                   so no URL is asked twice (the crawl's cold pass). Implies statuses.

local threads = {}

function setup(thread)
  -- Thread numbers, known to each thread's own Lua state before init() runs.
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- Per-thread state (each wrk thread runs its own copy of this script).
status_counts = {}
sent = 0
exhausted = 0

local function count_statuses()
  function response(status, headers, body)
    status_counts[status] = (status_counts[status] or 0) + 1
  end
end

function init(args)
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "statuses" then
      count_statuses()
    elseif a == "spread-ips" then
      local headers, n = {}, 0
      for k, v in pairs(wrk.headers) do headers[k] = v end
      function request()
        n = n + 1
        headers["X-Forwarded-For"] = string.format("10.%d.%d.%d",
          (thread_index * 64 + math.floor(n / 65536)) % 256, math.floor(n / 256) % 256, n % 256)
        return wrk.format(nil, nil, headers)
      end
    elseif a == "urls" then
      local file, threads_total = args[i + 1], tonumber(args[i + 2])
      i = i + 2
      count_statuses()
      local mine, n = {}, 0
      for line in io.lines(file) do
        if n % threads_total == thread_index then
          local host, path = line:match("^([^\t]+)\t(.+)$")
          -- The -H headers of the command line, with this URL's own Host.
          local headers = {}
          for k, v in pairs(wrk.headers) do headers[k] = v end
          headers["Host"] = host
          mine[#mine + 1] = wrk.format("GET", path, headers)
        end
        n = n + 1
      end
      local next_one = 1
      function request()
        if next_one > #mine then
          -- Every URL of this thread's share has been asked once: stop rather than ask again
          -- (a second visit would be a cache hit, not a render).
          exhausted = 1
          wrk.thread:stop()
          return mine[#mine]
        end
        local r = mine[next_one]
        next_one = next_one + 1
        sent = sent + 1
        return r
      end
    else
      error("wrk-report.lua: unknown argument " .. a)
    end
    i = i + 1
  end
end

function done(summary, latency, requests)
  local statuses, total_sent, stopped = {}, 0, 0
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("status_counts")) do
      statuses[code] = (statuses[code] or 0) + n
    end
    total_sent = total_sent + t:get("sent")
    stopped = stopped + t:get("exhausted")
  end
  local parts = {}
  for code, n in pairs(statuses) do
    parts[#parts + 1] = string.format('"%d":%d', code, n)
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"bytes":%d,"durationUs":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},' ..
    '"statuses":{%s},"sent":%d,"threadsExhausted":%d}\n',
    summary.requests, summary.bytes, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    table.concat(parts, ","), total_sent, stopped))
end
