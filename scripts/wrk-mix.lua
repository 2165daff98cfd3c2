-- wrk script: a mix of what subscribers and visitors ask for, in a fixed rotation.
--   wrk ... -s scripts/wrk-mix.lua URL -- ETAG_ALL ETAG_ALL_GZIP
-- Per 10 requests: 3 feeds, 2 gzip feeds, 2 conditional feeds answered 304 (ETag
-- arguments), 1 custom feed, 1 API, 1 page. wrk counts non-2xx/3xx answers and socket
-- errors; this script adds nothing to them.
local requests = {}
local index = 0

function init(args)
  local etag = args[1] or '"none"'
  local etag_gzip = args[2] or '"none"'
  local plain = {}
  local gzip = { ["Accept-Encoding"] = "gzip" }
  local list = {
    { "/feeds/all.ics", plain },
    { "/feeds/municipalities/bjuv.ics", plain },
    { "/feeds/meetings.ics", plain },
    { "/feeds/all.ics", gzip },
    { "/feeds/bodies/energinatverket.ics", gzip },
    { "/feeds/all.ics", { ["If-None-Match"] = etag } },
    { "/feeds/all.ics", { ["If-None-Match"] = etag_gzip, ["Accept-Encoding"] = "gzip" } },
    { "/feeds/custom.ics?municipality=bjuv&kind=meetings,deadlines", gzip },
    { "/api/municipalities/bjuv", plain },
    { "/kommuner/bjuv", gzip },
  }
  for i, item in ipairs(list) do
    requests[i] = wrk.format("GET", item[1], item[2])
  end
  -- Threads start at different points of the rotation.
  index = math.random(#requests) - 1
end

function request()
  index = index % #requests + 1
  return requests[index]
end
