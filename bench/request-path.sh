#!/usr/bin/env bash
# The API's request path against the framework's: a bare ASP.NET Core endpoint (bench/BareEndpoint: bearer check, one
# JSON answer) and Portal's routes that every page of the web apps pays for, side by side in one run, each with `wrk`
# at the same concurrency on loopback. Prints requests/s, p99 latency, errors and each route's share of the bare
# endpoint's throughput.
#
#   bench/request-path.sh [seconds per route, default 10] [connections, default 32]
#
# Portal runs as the README starts it (Release, SQLite, Development with the demo data), on a fresh data directory,
# logging at Warning. Revocation, lockout, the password-change gate and the access log stay in force: nothing is
# switched off for the benchmark. Needs wrk (apt-get install -y wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
connections="${2:-32}"
threads=2
portal_url="http://127.0.0.1:5091"
bare_url="http://127.0.0.1:5092"

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building (Release)..." >&2
dotnet build src/Host/Portal.Host -c Release -v quiet -nologo >/dev/null
dotnet build bench/BareEndpoint -c Release -v quiet -nologo >/dev/null

ASPNETCORE_URLS="$bare_url" dotnet run --project bench/BareEndpoint -c Release --no-build --no-launch-profile >"$work/bare.log" 2>&1 &
pids+=($!)
env ASPNETCORE_URLS="$portal_url" ASPNETCORE_ENVIRONMENT=Development Storage__DataDirectory="$work/data" \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
  dotnet run --project src/Host/Portal.Host -c Release --no-build --no-launch-profile >"$work/portal.log" 2>&1 &
pids+=($!)

wait_for() {
  for _ in $(seq 1 120); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "bench: $1 did not answer:" >&2
  tail -n 20 "$work"/*.log >&2
  exit 1
}
wait_for "$portal_url/health/live"

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
sign_in() {
  curl -fs "$portal_url/api/auth/login" -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json_field accessToken
}

demo_password='Portal-Demo-2026!'
ava_id='b1b2c3d4-0000-4000-8000-000000000001'
ava_password='Ava-bench-passphrase-1'
bare_token="$(curl -fs -X POST "$bare_url/login" | json_field accessToken)"
practitioner="$(sign_in dr.lee@harbour.test "$demo_password")"

# Ava joins the portal as a patient would: invited, the emailed link accepted, signed in.
curl -fs -X POST "$portal_url/api/practice/patients/$ava_id/invitations" -H "authorization: Bearer $practitioner" \
  -H 'content-type: application/json' -d '{}' >/dev/null
invite=""
for _ in $(seq 1 90); do
  invite="$(curl -fs "$portal_url/api/dev/mailbox?to=ava@example.test" | grep -o '/invite/[A-Za-z0-9_-]*' | head -n 1 | cut -d/ -f3 || true)"
  [ -n "$invite" ] && break
  sleep 1
done
[ -n "$invite" ] || { echo "bench: the invitation email did not arrive" >&2; exit 1; }
curl -fs "$portal_url/api/invitations/$invite/accept" -H 'content-type: application/json' -d "{\"password\":\"$ava_password\"}" >/dev/null
patient="$(sign_in ava@example.test "$ava_password")"

# One route: "name|requests/s|p99 ms|errors".
measure() {
  local name="$1" token="$2" url="$3" out
  wrk -t"$threads" -c"$connections" -d5s -H "authorization: Bearer $token" "$url" >/dev/null   # warm-up
  out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "authorization: Bearer $token" "$url")"
  local rps p99 non2xx socket
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  socket="$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$out")"
  echo "$name|$rps|$p99|$(( ${non2xx:-0} + ${socket:-0} ))"
}

results=()
results+=("$(measure "bare endpoint (GET /api/me, bearer)" "$bare_token" "$bare_url/api/me")")
results+=("$(measure "GET /api/me (practitioner)" "$practitioner" "$portal_url/api/me")")
results+=("$(measure "GET /api/portal/profile" "$patient" "$portal_url/api/portal/profile")")
results+=("$(measure "GET /api/portal/profiles (home)" "$patient" "$portal_url/api/portal/profiles")")
results+=("$(measure "GET /api/portal/change-requests (home)" "$patient" "$portal_url/api/portal/change-requests?pageSize=5")")
results+=("$(measure "GET /api/practice/patients" "$practitioner" "$portal_url/api/practice/patients?pageSize=25")")
results+=("$(measure "bare endpoint again" "$bare_token" "$bare_url/api/me")")

# The bare endpoint runs first and last: the better of the two is the yardstick (the first can still be warming up).
bare_rps="$(printf '%s\n' "${results[0]}" "${results[-1]}" | cut -d'|' -f2 | sort -g | tail -n 1)"
printf '\n%-42s %12s %9s %7s %9s\n' "route (wrk -c$connections -t$threads, ${seconds}s)" "requests/s" "p99 ms" "errors" "of bare"
for row in "${results[@]}"; do
  IFS='|' read -r name rps p99 errors <<<"$row"
  share="$(awk -v r="$rps" -v b="$bare_rps" 'BEGIN {printf "%.1f%%", 100*r/b}')"
  printf '%-42s %12s %9s %7s %9s\n' "$name" "$rps" "$p99" "$errors" "$share"
done

# Nothing measured above may be served from a cache that outlives a revocation: Ava signs out, and the token that was
# just answering thousands of requests a second must be refused on the very next request.
code_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
before="$(code_of -H "authorization: Bearer $patient" "$portal_url/api/portal/profile")"
signed_out="$(code_of -X POST -H "authorization: Bearer $patient" "$portal_url/api/auth/logout")"
after="$(code_of -H "authorization: Bearer $patient" "$portal_url/api/portal/profile")"
printf '\nrevocation: GET /api/portal/profile %s, sign-out %s, the same token at once %s' "$before" "$signed_out" "$after"
if [ "$after" = 401 ]; then echo " (refused: in force)"; else echo " (NOT refused)"; exit 1; fi
