#!/usr/bin/env bash
# The same Bearer API on Quarkus, Spring Boot and this app, in one run on this machine: each app alone with -Xmx512m
# on :8080, against the local Cognito; time until its first answer, the time of its first /api/me right after,
# resident memory idle and after load, 60 s of warm-up, then alternating wrk rounds of /api/status (public) and
# /api/me (Bearer), medians. Prints a Markdown table. The peers are src/bench/peers (quarkus-bearer: Quarkus OIDC in
# service mode; spring-bearer: Spring Boot's OAuth2 resource server), built here on the first run; this app starts as
# the demo starts it (Payara's launcher and the ahead-of-time cache, trained first by a start that serves the
# training load: src/bench/load/lib.sh) with a data grid of one on loopback, but with the JVM's default collector as
# the peers (the demo runs Serial); for this app, which is the only one of the three with browser sign-in, then 300
# sign-ins through the hosted UI and the heap each session keeps (src/bench/java/…/SignInCost.java).
#   src/bench/load/peers.sh [seconds per round] [connections] [rounds]
# Needs ./mvnw package first, wrk, and the local Cognito on :9229 (./mvnw -Plocal-cognito).
set -euo pipefail
cd "$(dirname "$0")/../../.."
peers=src/bench/peers
seconds=${1:-10}
connections=${2:-32}
rounds=${3:-5}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
app=http://localhost:8080
cognito=http://localhost:9229
issuer=$cognito/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo
here=src/bench/load
source "$here/lib.sh"
command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)." >&2; exit 1; }
curl -sf "$issuer/.well-known/openid-configuration" > /dev/null \
  || { echo "Start the local Cognito first: ./mvnw -Plocal-cognito" >&2; exit 1; }
! curl -s -o /dev/null "$app/" || { echo "Something already answers on :8080; stop it first." >&2; exit 1; }
work=target/peers-bench
mkdir -p "$work"
token_file=$work/token
export ACCESS_TOKEN_FILE=$token_file
export PORT=8080 OIDC_ISSUER=$issuer OIDC_CLIENT_ID=localcognitodemoclient0001
export COGNITO_ISSUER=$issuer COGNITO_CLIENT_ID=localcognitodemoclient0001 APP_BASE_URL=$app APP_DEVELOPMENT_MODE=true
export COGNITO_CLIENT_SECRET=1x8demo0local0cognito0secret0not0for0production0q7k

rss_mb() { echo $(($(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024)); }

measure() { # name command… -> one table row
  local name=$1
  shift
  local began=$SECONDS started pid
  access_token "$app" "$cognito" > "$token_file" # from the local Cognito: ready before the app starts
  started=$(date +%s%N)
  "$@" > "$work/$name.log" 2>&1 &
  pid=$!
  until answers_200 8080 /api/status; do
    kill -0 "$pid" 2> /dev/null || { echo "$name did not start: $work/$name.log" >&2; exit 1; }
    ((SECONDS - began < 180)) || { echo "$name did not answer in 180 s" >&2; exit 1; }
    sleep 0.05
  done
  local ready_ms=$((($(date +%s%N) - started) / 1000000))
  local first status seconds_taken # the first /api/me, right after the first answer: its time, and that it is 200
  read -r status seconds_taken < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
    -H "Authorization: Bearer $(cat "$token_file")" "$app/api/me")
  [[ $status == 200 ]] || { echo "$name refuses the access token ($status)" >&2; exit 1; }
  first=$(awk -v s="$seconds_taken" 'BEGIN {printf "%.0f", s * 1000}')
  local java_pid
  java_pid=$(pgrep -P "$pid" java || echo "$pid")
  sleep 5
  local idle
  idle=$(rss_mb "$java_pid")
  wrk_round 30 "$connections" "$app/api/status" > /dev/null # warm-up, 60 s
  wrk_round 30 "$connections" "$app/api/me" -s "$here/bearer.lua" > /dev/null
  local public=() bearer=() errors=0 rps err
  for ((round = 1; round <= rounds; round++)); do
    read -r rps err < <(wrk_round "$seconds" "$connections" "$app/api/status")
    public+=("$rps") && errors=$((errors + err))
    read -r rps err < <(wrk_round "$seconds" "$connections" "$app/api/me" -s "$here/bearer.lua")
    bearer+=("$rps") && errors=$((errors + err))
  done
  local loaded
  loaded=$(rss_mb "$java_pid")
  local sign_in="n/a" heap="n/a" cost
  if [[ $name == this* ]]; then
    cost=$("$java" src/bench/java/dev/payaracognito/bench/SignInCost.java "$app" "$java_pid" 300)
    sign_in="$(awk '$1 == "sign-in-p50-ms" {t = $2} $1 == "sign-in-app-share-p50-ms" {a = $2}
      END {printf "%.0f ms (the app: %.0f)", t, a}' <<< "$cost")"
    heap="$(awk '$1 == "heap-per-session-bytes" {s = $2} $1 ~ /^heap-per-session-after/ {p = $2}
      END {printf "%.1f KB (after 20 pages: %.1f)", s / 1024, p / 1024}' <<< "$cost")"
  fi
  kill -TERM "$pid" && wait "$pid" || true
  local p b
  p=$(printf '%s\n' "${public[@]}" | median)
  b=$(printf '%s\n' "${bearer[@]}" | median)
  awk -v n="$name" -v r="$ready_ms" -v f="$first" -v i="$idle" -v l="$loaded" -v p="$p" -v b="$b" -v e="$errors" \
    -v s="$sign_in" -v h="$heap" \
    'BEGIN {printf "| %s | %.1f s | %d ms | %d → %d MB | %.0f | %.0f | %.2f | %d | %s | %s |\n", n, r / 1000, f, i, l,
      p, b, b / p, e, s, h}'
}

for peer in quarkus-bearer spring-bearer; do # the peers' own builds, on the Maven that builds this app
  [[ -d $peers/$peer/target ]] || ./mvnw -B -q -f "$peers/$peer/pom.xml" package -DskipTests > "$work/$peer-build.log" \
    || { echo "$peer did not build: $work/$peer-build.log" >&2; exit 1; }
done
jvm=(-Xmx512m "${payara_jvm[@]}")
micro=(--port 8080 "${payara_command_files[@]}" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1)
payara_aot_train "$java" "$work" jvm micro
payara_aot_reset "$work"

echo "| app | first answer | first \`/api/me\` | RSS idle → after load | \`/api/status\` req/s | \`/api/me\` req/s" \
  "| me/status | errors | browser sign-in, p50 | heap per signed-in session |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
measure "Quarkus (quarkus-bearer)" "$java" -Xmx512m -jar "$peers/quarkus-bearer/target/quarkus-app/quarkus-run.jar"
measure "Spring Boot (spring-bearer)" "$java" -Xmx512m -jar "$peers/spring-bearer/target/spring-bearer.jar"
measure "this app (Payara Micro 7)" "$java" -XX:AOTCache="$payara_aot_cache" "${jvm[@]}" -jar "$payara_launcher" \
  --deploy target/payara-cognito.war "${micro[@]}"
echo "wrk -t2 -c$connections, $rounds alternating rounds of ${seconds}s per endpoint after 60 s of warm-up, medians;" \
  "Java $("$java" -version 2>&1 | sed -nE '1s/.*"([^"]+)".*/\1/p'), -Xmx512m, one app at a time."
