-- Each request goes to a random CPTS host of bench/results/hosts.txt (written by bench_network_load.py).
local hosts = {}
for line in io.lines("bench/results/hosts.txt") do hosts[#hosts + 1] = line end
math.randomseed(2026)

request = function()
  return wrk.format("GET", nil, { Host = hosts[math.random(#hosts)] })
end
