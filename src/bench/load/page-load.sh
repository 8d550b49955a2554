#!/usr/bin/env bash
# Load run against the running demo (./mvnw -Pdemo): a signed-in Faces page (/secure/profile.xhtml, alice's
# session, its cookies) against the public home page, in the same run, with wrk (Debian: apt-get install wrk).
# What a change to the session costs each signed-in request: the signed-in page's requests per second and mean
# latency, next to the public page's. Both are warmed up, then measured in alternation (five rounds by default);
# the table gives the median round.
#   src/bench/load/page-load.sh [seconds per round] [connections] [rounds]
set -euo pipefail
seconds=${1:-20}
connections=${2:-16}
rounds=${3:-5}
app=http://localhost:8080
here=$(dirname "$(readlink -f "$0")")
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)." >&2; exit 1; }
curl -sf "$app/api/status" >/dev/null || { echo "Start the demo first: ./mvnw -Pdemo" >&2; exit 1; }

source "$here/lib.sh"
cookies=$(signed_in_cookies "$app")
[[ -n $cookies ]] || { echo "Could not sign alice in through the app." >&2; exit 1; }
export PAGE_COOKIES=$cookies

run() { wrk_round "$seconds" "$connections" "$@"; }
run "$app/" >/dev/null   # warm-up of both pages
run "$app/secure/profile.xhtml" -s "$here/cookies.lua" >/dev/null
public=() signed_in=() errors=0
for ((round = 1; round <= rounds; round++)); do
  read -r rps err < <(run "$app/"); public+=("$rps"); errors=$((errors + err))
  read -r rps err < <(run "$app/secure/profile.xhtml" -s "$here/cookies.lua"); signed_in+=("$rps"); errors=$((errors + err))
done
shows_alice "$app" "$cookies" || {
  echo "The session ended during the run: the figures are not a signed-in page's. The profile page now answers:" >&2
  curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -H "Cookie: $cookies" "$app/secure/profile.xhtml" >&2
  exit 1
}
public_rps=$(printf '%s\n' "${public[@]}" | median)
signed_in_rps=$(printf '%s\n' "${signed_in[@]}" | median)
echo "| page | requests/s (median of $rounds rounds of ${seconds}s, $connections connections) | ms per request | rounds |"
echo "|---|---:|---:|---|"
awk -v r="$public_rps" -v c="$connections" -v all="${public[*]}" \
  'BEGIN {printf "| GET / (public) | %s | %.2f | %s |\n", r, 1000 * c / r, all}'
awk -v r="$signed_in_rps" -v c="$connections" -v all="${signed_in[*]}" \
  'BEGIN {printf "| GET /secure/profile.xhtml (signed in) | %s | %.2f | %s |\n", r, 1000 * c / r, all}'
echo "Errors (non-2xx and socket errors, all rounds): $errors"
awk -v s="$signed_in_rps" -v p="$public_rps" 'BEGIN {printf "Signed-in / public throughput: %.2f×\n", s / p}'
