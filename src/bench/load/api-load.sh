#!/usr/bin/env bash
# Load run against the running demo (./mvnw -Pdemo): /api/me with a valid Bearer token against the public
# /api/status, in the same run, with wrk (Debian: apt-get install wrk). Both are warmed up, then measured in
# alternation, five rounds each by default; the table gives the median round. Prints a Markdown table.
#   src/bench/load/api-load.sh [seconds per round] [connections] [rounds]
set -euo pipefail
seconds=${1:-20}
connections=${2:-16}
rounds=${3:-5}
app=http://localhost:8080
cognito=http://localhost:9229
here=$(dirname "$(readlink -f "$0")")
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)." >&2; exit 1; }
curl -sf "$app/api/status" >/dev/null || { echo "Start the demo first: ./mvnw -Pdemo" >&2; exit 1; }

source "$here/lib.sh"
token_file=$(mktemp)
trap 'rm -f "$token_file"' EXIT
access_token "$app" "$cognito" > "$token_file"
[[ -s $token_file ]] || { echo "Could not get an access token from the local Cognito." >&2; exit 1; }
curl -sf -H "Authorization: Bearer $(cat "$token_file")" "$app/api/me" >/dev/null
export ACCESS_TOKEN_FILE=$token_file

run() { wrk_round "$seconds" "$connections" "$@"; }
run "$app/api/status" >/dev/null   # warm-up of both paths
run "$app/api/me" -s "$here/bearer.lua" >/dev/null
public=() bearer=() errors=0
for ((round = 1; round <= rounds; round++)); do
  read -r rps err < <(run "$app/api/status"); public+=("$rps"); errors=$((errors + err))
  read -r rps err < <(run "$app/api/me" -s "$here/bearer.lua"); bearer+=("$rps"); errors=$((errors + err))
done
public_rps=$(printf '%s\n' "${public[@]}" | median)
bearer_rps=$(printf '%s\n' "${bearer[@]}" | median)
echo "| endpoint | requests/s (median of $rounds rounds of ${seconds}s, $connections connections) | rounds |"
echo "|---|---:|---|"
echo "| GET /api/status (public) | $public_rps | ${public[*]} |"
echo "| GET /api/me (Bearer) | $bearer_rps | ${bearer[*]} |"
echo "Errors (non-2xx and socket errors, all rounds): $errors"
awk -v b="$bearer_rps" -v p="$public_rps" 'BEGIN {printf "Bearer / public throughput: %.2f×\n", b / p}'
