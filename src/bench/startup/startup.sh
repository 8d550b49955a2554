#!/usr/bin/env bash
# Start-up of Payara Micro on this machine, in one run: bare (a WAR with one static page), the specifications this
# app uses and nothing of it (specs-war: JAX-RS, CDI, Jakarta Security, Faces), this app's WAR, and this app's WAR
# with class-data sharing (a JDK 19+ dynamic archive written by a first, training start).
# Each start is timed from the process's launch until the page answers (ours: /health/ready, the bare one: its
# page); rounds alternate, medians are reported. Needs the local Cognito on :9229 (./mvnw -Plocal-cognito) and
# ./mvnw package first.
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

start() { # name war url [jvm options…] -> milliseconds until the url answers 200
  local name=$1 war=$2 url=$3; shift 3
  local began=$(date +%s%N)
  # --rootdir: the same paths on every start, or a CDS archive made by one start would not fit the next
  "$java" "$@" -jar target/payara-micro.jar --deploy "$war" --contextroot / --port "$port" --nocluster \
    --rootdir "$work/root-$name" --prebootcommandfile payara-config/pre-boot-commands.asadmin \
    > "$work/$name.log" 2>&1 &
  local pid=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]]; do
    kill -0 "$pid" 2> /dev/null || { echo "$name did not start: $work/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - began) / 1000000 ))
  kill -TERM "$pid"; wait "$pid" || true
}
source src/bench/load/lib.sh # median

cds=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/payara-cognito.jsa")
start training target/payara-cognito.war "http://localhost:$port/health/ready" "${cds[@]}" > /dev/null
bare=() specs=() ours=() shared=()
for ((round = 1; round <= rounds; round++)); do
  bare+=("$(start bare "$work/bare.war" "http://localhost:$port/index.html")")
  specs+=("$(start specs "$work/specs.war" "http://localhost:$port/index.xhtml")")
  ours+=("$(start ours target/payara-cognito.war "http://localhost:$port/health/ready")")
  shared+=("$(start training target/payara-cognito.war "http://localhost:$port/health/ready" "${cds[@]}")")
done
b=$(printf '%s\n' "${bare[@]}" | median)
p=$(printf '%s\n' "${specs[@]}" | median)
o=$(printf '%s\n' "${ours[@]}" | median)
s=$(printf '%s\n' "${shared[@]}" | median)
echo "| start (median of $rounds, ms until the first 200) | ms | rounds |"
echo "|---|---:|---|"
echo "| bare Payara Micro, a one-page WAR | $b | ${bare[*]} |"
echo "| the same specifications, none of this app (specs-war) | $p | ${specs[*]} |"
echo "| this app | $o | ${ours[*]} |"
echo "| this app, class-data sharing | $s | ${shared[*]} |"
awk -v b="$b" -v p="$p" -v o="$o" -v s="$s" 'BEGIN {printf "This app adds %.0f%% to a bare start (with CDS %.0f%%), %.0f%% to the same specifications without its code.\n", (o / b - 1) * 100, (s / b - 1) * 100, (o / p - 1) * 100}'
