#!/usr/bin/env bash
# Start-up of Payara Micro on this machine, in one run: bare (a WAR with one static page), the specifications this
# app uses and nothing of it (specs-war: JAX-RS, CDI, Jakarta Security, Faces), this app's WAR as `java -jar
# payara-micro.jar` starts it, from Payara's launcher (--outputlauncher: the runtime unpacked once, on the class
# path), and from the launcher with JDK 25's ahead-of-time cache (trained first by a start that serves the training
# load, as the demo's first start does: src/bench/load/lib.sh), with the JVM's default collector and with Serial, as
# the demo starts it; and, for the tests only, the C1 compiler alone (-XX:TieredStopAtLevel=1).
# Each start is timed from the process's launch until the page answers 200 (ours: /health/ready, the bare one: its
# page; asked every 50 ms by bash alone, lib.sh's answers_200), then the first request of a visitor (ours: the home
# page, a Faces view), and the resident memory 5 s later (idle, with -Xmx512m as the peers are measured); rounds
# alternate, medians are reported. Each start as the app runs: a data grid of one on loopback.
# Needs the local Cognito on :9229 (./mvnw -Plocal-cognito) and ./mvnw package first.
#   src/bench/startup/startup.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-5}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
work=target/startup-bench
port=8080
curl -sf http://localhost:9229/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo/.well-known/openid-configuration > /dev/null \
  || { echo "Start the local Cognito first: ./mvnw -Plocal-cognito" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/bare"
echo '<!DOCTYPE html><title>bare</title>' > "$work/bare/index.html"
(cd "$work/bare" && jar --create --file ../bare.war index.html)
api=""
for artifact in ws/rs/jakarta.ws.rs-api enterprise/jakarta.enterprise.cdi-api inject/jakarta.inject-api \
  security/enterprise/jakarta.security.enterprise-api; do # the build's own API jars (./mvnw package fetched them)
  api+=$(find ~/.m2/repository/jakarta/$artifact -name '*.jar' ! -name '*-sources.jar' | sort -V | tail -1):
done
mkdir -p "$work/specs/WEB-INF/classes"
cp -r src/bench/startup/specs-war/WEB-INF src/bench/startup/specs-war/index.xhtml "$work/specs/"
"$(dirname "$java")/javac" --release 21 -classpath "$api" -d "$work/specs/WEB-INF/classes" src/bench/startup/specs-war/src/*.java
(cd "$work/specs" && jar --create --file ../specs.war .)

export COGNITO_ISSUER=http://localhost:9229/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo COGNITO_CLIENT_ID=localcognitodemoclient0001
export COGNITO_CLIENT_SECRET=1x8demo0local0cognito0secret0not0for0production0q7k APP_BASE_URL=http://localhost:$port
export APP_DEVELOPMENT_MODE=true
source src/bench/load/lib.sh # payara_jvm, payara_command_files, payara_aot_train, median
jvm=(-Xmx512m "${payara_jvm[@]}")
micro=(--contextroot / --port "$port" "${payara_command_files[@]}" --clustermode tcpip:127.0.0.1:6900
  --interfaces 127.0.0.1)

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# start name war ready-path first-url jar [jvm options…] -> "ready-ms first-request-ms idle-rss-MB"
start() {
  local name=$1 war=$2 ready=$3 first=$4 jar=$5; shift 5
  local began pid ready_ms first_began first_ms
  [[ $jar != "$payara_launcher" ]] || payara_aot_reset "$work"
  began=$(date +%s%N)
  "$java" "$@" "${jvm[@]}" -jar "$jar" --deploy "$war" "${micro[@]}" > "$work/$name.log" 2>&1 &
  pid=$!
  until answers_200 "$port" "$ready"; do
    kill -0 "$pid" 2> /dev/null || { echo "$name did not start: $work/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(ms_since "$began")
  first_began=$(date +%s%N)
  curl -sf -o /dev/null "$first" || { echo "$name: $first did not answer 200" >&2; exit 1; }
  first_ms=$(ms_since "$first_began")
  sleep 5
  echo "$ready_ms $first_ms $(( $(ps -o rss= -p "$pid") / 1024 ))"
  kill -TERM "$pid"; wait "$pid" || true
}

payara_aot_train "$java" "$work" jvm micro

app=http://localhost:$port
declare -A label=(
  [bare]="bare Payara Micro, a one-page WAR (\`java -jar payara-micro.jar\`)"
  [specs]="the same specifications, none of this app (specs-war: JAX-RS, CDI, Jakarta Security, Faces)"
  [ours]="this app, \`java -jar payara-micro.jar\` (unpacked on every start)"
  [launcher]="this app, Payara's launcher (\`--outputlauncher\`, unpacked once)"
  [aot]="this app, the launcher and the ahead-of-time cache trained with a load"
  [serial]="the same cache, Serial (\`-XX:+UseSerialGC\`: the demo's collector, and the image's in a pod of 1 GiB)"
  [c1]="this app, \`java -jar payara-micro.jar\`, C1 alone (the tests)")
names=(bare specs ours launcher aot serial c1)
declare -A results=()
for ((round = 1; round <= rounds; round++)); do
  results[bare]+="$(start bare "$work/bare.war" /index.html "$app/index.html" target/payara-micro.jar);"
  results[specs]+="$(start specs "$work/specs.war" /index.xhtml "$app/index.xhtml" target/payara-micro.jar);"
  results[ours]+="$(start ours target/payara-cognito.war /health/ready "$app/" target/payara-micro.jar);"
  results[launcher]+="$(start launcher target/payara-cognito.war /health/ready "$app/" "$payara_launcher");"
  results[aot]+="$(start aot target/payara-cognito.war /health/ready "$app/" "$payara_launcher" \
    -XX:AOTCache="$payara_aot_cache");"
  results[serial]+="$(start serial target/payara-cognito.war /health/ready "$app/" "$payara_launcher" \
    -XX:AOTCache="$payara_aot_cache" -XX:+UseSerialGC);"
  results[c1]+="$(start c1 target/payara-cognito.war /health/ready "$app/" target/payara-micro.jar \
    -XX:TieredStopAtLevel=1);"
done
column() { tr ';' '\n' <<< "${results[$1]}" | sed '/^$/d' | cut -d' ' -f"$2"; }
echo "| start (median of $rounds) | ready, ms | first request, ms | RSS idle, MB | ready, each round |"
echo "|---|---:|---:|---:|---|"
for name in "${names[@]}"; do
  echo "| ${label[$name]} | $(column "$name" 1 | median) | $(column "$name" 2 | median) | $(column "$name" 3 | median) |" \
    "$(column "$name" 1 | tr '\n' ' ')|"
done
