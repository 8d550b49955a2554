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

# Sign in as alice at the local Cognito's hosted UI and redeem the code, as a client app would.
client=localcognitodemoclient0001
secret=1x8demo0local0cognito0secret0not0for0production0q7k
query="client_id=$client&redirect_uri=$app/callback&response_type=code&scope=openid+email+profile&state=load"
jar=$(mktemp)
token_file=$(mktemp)
trap 'rm -f "$jar" "$token_file"' EXIT
csrf=$(curl -sf -c "$jar" -b "$jar" "$cognito/login?$query" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
callback=$(curl -sf -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
  --data-urlencode "_csrf=$csrf" --data-urlencode username=alice --data-urlencode 'password=Alice-Passw0rd!' \
  "$cognito/login?$query")
code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$callback")
curl -sf -u "$client:$secret" -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$app/callback" \
  "$cognito/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' >"$token_file"
[[ -s $token_file ]] || { echo "Could not get an access token from the local Cognito." >&2; exit 1; }
curl -sf -H "Authorization: Bearer $(cat "$token_file")" "$app/api/me" >/dev/null

run() { # url [wrk options…] -> "requests/sec errors"
  local url=$1; shift
  local out
  out=$(ACCESS_TOKEN_FILE=$token_file wrk -t2 -c"$connections" -d"${seconds}s" "$@" "$url")
  local rps errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses/ {n+=$NF} /Socket errors/ {gsub(",", ""); n+=$4+$6+$8+$10} END {print n+0}' <<<"$out")
  echo "$rps $errors"
}
median() { sort -n | sed -n "$(( (rounds + 1) / 2 ))p"; }
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
