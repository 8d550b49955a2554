#!/usr/bin/env bash
# This app in a pod, under the API's load, with one set of settings after another: the app started as the image
# starts it (Payara's launcher and JDK 25's ahead-of-time cache, -XX:MaxRAMPercentage=50), seen by the JVM as a pod
# of 1 GiB and 2 CPUs would be (-XX:MaxRAM, -XX:ActiveProcessorCount: what the JVM's container detection sets, from
# which it sizes its heap; the limit itself is not enforced here, and the collector is named: in such a pod the JVM
# picks Serial, which -XX:MaxRAM alone does not make it do). For each: time to ready,
# resident memory idle and after the load, split into anonymous memory (the heap, metaspace, code, threads: what the
# pod really spends) and file-backed pages (the ahead-of-time cache and the jars, mapped: clean pages the kernel can
# drop and read again), the heap in use after a full collection, and /api/me's throughput (wrk, rounds after a
# warm-up). Prints a Markdown table. The sets: "memory" (the JVM's settings: collector, object headers, the cache),
# "native" (the C heap beside the JVM's: not trimmed by the JVM, glibc's malloc arenas; twice each, alternating),
# "traces" (OpenTelemetry off, on at 100 % and at 10 % sampling, exported to a collector that drops them) and "young"
# (Serial's young generation capped at 32 and 64 MB; twice each, alternating).
#   src/bench/load/pod.sh [memory|native|traces|young] [seconds per round] [connections] [rounds]
# Needs ./mvnw package first, wrk, a JDK 25 (JAVA: its java) and the local Cognito on :9229 (./mvnw -Plocal-cognito).
set -euo pipefail
cd "$(dirname "$0")/../../.."
set=${1:-memory}
seconds=${2:-10}
connections=${3:-32}
rounds=${4:-3}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
app=http://localhost:8080
cognito=http://localhost:9229
here=src/bench/load
source "$here/lib.sh"
command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)." >&2; exit 1; }
curl -sf "$cognito/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo/.well-known/openid-configuration" \
  > /dev/null || { echo "Start the local Cognito first: ./mvnw -Plocal-cognito" >&2; exit 1; }
! curl -s -o /dev/null "$app/" || { echo "Something already answers on :8080; stop it first." >&2; exit 1; }
work=target/pod-bench
mkdir -p "$work"
export ACCESS_TOKEN_FILE=$work/token
export COGNITO_ISSUER=$cognito/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo
export COGNITO_CLIENT_ID=localcognitodemoclient0001 APP_BASE_URL=$app APP_DEVELOPMENT_MODE=true
export COGNITO_CLIENT_SECRET=1x8demo0local0cognito0secret0not0for0production0q7k

pod=(-XX:MaxRAM=1g -XX:ActiveProcessorCount=2)
image=(-XX:MaxRAMPercentage=50 -XX:TrimNativeHeapInterval=5000 "${payara_jvm[@]}")
micro=(--port 8080 "${payara_command_files[@]}" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1)

# the settings tried, each a name and its JVM options on top of the image's
sink=127.0.0.1:4318 # the "collector" of the traces set: answers every export, keeps nothing
otel=(-Dotel.sdk.disabled=false -Dotel.traces.exporter=otlp -Dotel.exporter.otlp.protocol=http/protobuf
  -Dotel.exporter.otlp.endpoint=http://$sink)
tenth=(-Dotel.traces.sampler=parentbased_traceidratio -Dotel.traces.sampler.arg=0.1)
declare -A options=(
  [image]="-XX:+UseSerialGC"
  [compact]="-XX:+UseSerialGC -XX:+UseCompactObjectHeaders"
  [g1]="-XX:+UseG1GC"
  [no-aot]="-XX:+UseSerialGC"
  [arenas]="-XX:+UseSerialGC"
  [untrimmed]="-XX:+UseSerialGC -XX:TrimNativeHeapInterval=0"
  [traces-off]="-XX:+UseSerialGC"
  [traces-all]="-XX:+UseSerialGC ${otel[*]} -Dotel.traces.sampler=parentbased_always_on"
  [traces-tenth]="-XX:+UseSerialGC ${otel[*]} ${tenth[*]}"
  [young-32]="-XX:+UseSerialGC -XX:MaxNewSize=32m"
  [young-64]="-XX:+UseSerialGC -XX:MaxNewSize=64m")
declare -A label=(
  [image]="the image's settings (Serial, as the JVM picks in such a pod)"
  [compact]="the same, compact object headers (\`-XX:+UseCompactObjectHeaders\`)"
  [g1]="the same, G1 (\`-XX:+UseG1GC\`)"
  [no-aot]="the image's settings without the ahead-of-time cache"
  [arenas]="the image's settings, two malloc arenas (\`MALLOC_ARENA_MAX=2\`)"
  [untrimmed]="the same, the C heap not trimmed (\`-XX:TrimNativeHeapInterval=0\`, the JVM's default)"
  [traces-off]="traces off (the default)"
  [traces-all]="traces on, every request sampled"
  [traces-tenth]="traces on, 10 % sampled"
  [young-32]="the same, the young generation at most 32 MB (\`-XX:MaxNewSize=32m\`)"
  [young-64]="the same, the young generation at most 64 MB (\`-XX:MaxNewSize=64m\`)")
# and the environment of those that differ in it
declare -A environments=([arenas]="MALLOC_ARENA_MAX=2")
case $set in
  memory) names=(image compact g1 no-aot) ;;
  native) names=(image untrimmed arenas image untrimmed arenas) ;;
  young) names=(image young-32 young-64 image young-32 young-64) ;;
  traces) names=(traces-off traces-all traces-tenth traces-off traces-all traces-tenth)
    python3 -c 'import http.server as h
class S(h.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0))); self.send_response(200)
        self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
h.ThreadingHTTPServer(("127.0.0.1", 4318), S).serve_forever()' &
    sink_pid=$!
    trap 'kill "$sink_pid"' EXIT ;;
  *) echo "no such set: $set (memory, native, traces, young)" >&2; exit 2 ;;
esac

kb() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status"; }
mb() { echo $(($1 / 1024)); }

# one name -> "ready-s anon-idle file-idle heap-idle anon-loaded file-loaded heap-loaded rps errors"
measure() {
  local name=$1 extra environment dir began pid ready
  read -ra extra <<< "${options[$name]}"
  read -ra environment <<< "${environments[$name]:-}"
  case $name in # settings the cache does not depend on use the image's cache
    traces-* | arenas | untrimmed | young-*) dir=$work/image ;;
    *) dir=$work/$name ;;
  esac
  if [[ $name != no-aot ]]; then # a cache per JVM settings: a cache is only used with the settings it was made with
    local cached train
    read -ra cached <<< "${options[${dir##*/}]}"
    train=("${pod[@]}" "${image[@]}" "${cached[@]}")
    [[ -f $dir/payara-cognito.aot ]] || { mkdir -p "$dir" && payara_aot_train "$java" "$dir" train micro; }
    payara_launcher=$dir/root/launch-micro.jar payara_aot_cache=$dir/payara-cognito.aot
    payara_aot_reset "$dir"
    extra+=(-XX:AOTMode=on -XX:AOTCache="$payara_aot_cache") # on: a cache that does not fit fails the start
  else
    payara_launcher=$work/image/root/launch-micro.jar
    payara_aot_reset "$work/image"
  fi
  began=$(date +%s%N)
  env "${environment[@]}" "$java" "${pod[@]}" "${image[@]}" "${extra[@]}" -jar "$payara_launcher" \
    --deploy target/payara-cognito.war \
    "${micro[@]}" > "$work/$name.log" 2>&1 &
  pid=$!
  until answers_200 8080 /health/ready; do
    kill -0 "$pid" 2> /dev/null || { echo "$name did not start: $work/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$((($(date +%s%N) - began) / 1000000))
  sleep 8
  local idle=("$(kb "$pid" RssAnon)" "$(kb "$pid" RssFile)" "$(heap_used "$pid")")
  access_token "$app" "$cognito" > "$ACCESS_TOKEN_FILE"
  wrk_round 20 "$connections" "$app/api/me" -s "$here/bearer.lua" > /dev/null # warm-up
  local rps=() errors=0 r e
  for ((round = 1; round <= rounds; round++)); do
    read -r r e < <(wrk_round "$seconds" "$connections" "$app/api/me" -s "$here/bearer.lua")
    rps+=("$r") && errors=$((errors + e))
  done
  local loaded=("$(kb "$pid" RssAnon)" "$(kb "$pid" RssFile)" "$(heap_used "$pid")")
  kill -TERM "$pid" && wait "$pid" || true
  echo "$ready ${idle[*]} ${loaded[*]} $(printf '%s\n' "${rps[@]}" | median) $errors"
}

# heap_used pid -> "used/committed" MB of the heap after a full collection (each generation's line: "total
# reserved …K, committed …K, used …K" in JDK 25, "total …K, used …K" before; one line for G1, two for Serial)
heap_used() {
  "$(dirname "$java")/jcmd" "$1" GC.run > /dev/null
  "$(dirname "$java")/jcmd" "$1" GC.heap_info | awk '/ total / && / used / {c = 0; t = 0
    for (i = 1; i < NF; i++) {v = $(i + 1); gsub("[^0-9]", "", v)
      if ($i == "used") used += v; if ($i == "committed") c = v; if ($i == "total" && v != "") t = v}
    committed += c ? c : t}
    END {printf "%d/%d", used / 1024, committed / 1024}'
}

echo "| settings (a pod of 1 GiB, 2 CPUs) | ready | RSS idle, MB: anonymous + file-backed" \
  "| heap idle, MB: used/committed | RSS after load | heap after load | \`/api/me\` req/s | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for name in "${names[@]}"; do
  read -r ready ai fi hi al fl hl rps errors < <(measure "$name")
  echo "| ${label[$name]} | $(awk -v r="$ready" 'BEGIN {printf "%.1f s", r / 1000}') | $(mb "$ai") + $(mb "$fi")" \
    "| $hi | $(mb "$al") + $(mb "$fl") | $hl | $rps | $errors |"
done
echo "wrk -t2 -c$connections, $rounds rounds of ${seconds}s after 20 s of warm-up, medians; Java" \
  "$("$java" -version 2>&1 | sed -nE '1s/.*"([^"]+)".*/\1/p'), one app at a time."
