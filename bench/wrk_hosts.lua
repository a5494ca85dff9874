-- Each request goes to a random host of the file given after `--` (written by bench_network_load.py):
-- the network's CPTS hosts, or the single site's one host. Both sides thus cost wrk the same work
-- per request, which matters on a machine whose cores wrk shares with the server.
local hosts = {}

function init(args)
  for line in io.lines(args[1]) do hosts[#hosts + 1] = line end
  math.randomseed(2026)
end

request = function()
  return wrk.format("GET", nil, { Host = hosts[math.random(#hosts)] })
end
