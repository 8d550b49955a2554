#!/usr/bin/env bash
# Builds docker/Dockerfile, unchanged, and checks the image as an operator would run it: with the local Cognito's
# settings it becomes ready (the app deployed once), signs a user in and back out, runs as a non-root user, logs
# JSON lines without a secret or a token, and stops on SIGTERM within seconds. Then it removes what it made.
#
# Made for machines without a Docker engine or an image registry (CI here): the Dockerfile's FROM image is stood
# in for by one made from Debian packages (mmdebstrap) with a local JDK 25 at /opt/java/openjdk, as in Temurin's
# image; podman builds the Dockerfile, and buildah runs the image's filesystem and user (podman run cannot set
# rlimits in this sandbox). Needs root, podman, buildah and mmdebstrap (.ci/run installs them).
#   docker/check-image.sh            (after ./mvnw package, or it runs it)
set -euo pipefail
cd "$(dirname "$0")/.."

# The stand-in gets a name of its own (never the official image's) and is passed as the Dockerfile's BASE_IMAGE.
BASE_IMAGE=localhost/payara-cognito-check-jre:25
JAVA_MAJOR=25
IMAGE=localhost/payara-cognito:check
WORK=target/image-check
COGNITO_PORT=9229
USER_ID=1001
# the local Cognito's demo pool (src/test/.../localcognito/UserPool.java): its client is registered for :8080
ISSUER=http://localhost:$COGNITO_PORT/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo
CLIENT_ID=localcognitodemoclient0001
CLIENT_SECRET=1x8demo0local0cognito0secret0not0for0production0q7k
APP=http://localhost:8080

fail() { echo "check-image: FAILED: $*" >&2; exit 1; }
step() { echo "check-image: $*"; }

for tool in podman buildah mmdebstrap curl; do
  command -v "$tool" > /dev/null || fail "$tool is not installed (apt-get install podman buildah mmdebstrap curl)"
done
((EUID == 0)) || fail "run it as root (mmdebstrap and buildah's chroot isolation need it)"
for port in 8080 "$COGNITO_PORT"; do
  ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || fail "port $port is in use; stop what listens there"
done

jdk() { # a JDK of the FROM image's major version
  for home in /usr/lib/jvm/*; do
    [[ -x $home/bin/java ]] || continue
    major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -nE 's/^ *java.specification.version = ([0-9]+)$/\1/p')
    [[ $major == "$JAVA_MAJOR" ]] && { echo "$home"; return 0; }
  done
  return 0
}

container=""
cognito_pid=""
runner=""
cleanup() {
  pkill -KILL -f -- '-jar /opt/payara/micro-root/launch-micro.jar' 2> /dev/null || true
  [[ -n $runner ]] && wait "$runner" 2> /dev/null || true
  [[ -n $container ]] && buildah rm "$container" > /dev/null 2>&1 || true
  rm -rf "$WORK/base"
  [[ -n $cognito_pid ]] && kill -- "-$cognito_pid" 2> /dev/null || true
  podman rmi --force "$IMAGE" "$BASE_IMAGE" localhost/payara-cognito-check-base:debian > /dev/null 2>&1 || true
  podman image prune --force > /dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ ! -f target/payara-cognito.war || ! -f target/payara-micro.jar \
  || ! -f target/image-training/classes/dev/payaracognito/demo/ImageTraining.class ]]; then
  step "building the WAR"
  ./mvnw -B -q package -DskipTests
fi
mkdir -p "$WORK"

step "standing in for eclipse-temurin:$JAVA_MAJOR-jre: Debian from its packages, a JDK $JAVA_MAJOR at /opt/java/openjdk, Ubuntu's user 1000"
if [[ ! -f $WORK/rootfs.tar ]]; then
  mmdebstrap --quiet --format=tar --variant=minbase --include=passwd,ca-certificates,procps \
    --customize-hook='chroot "$1" useradd --uid 1000 --create-home ubuntu' \
    bookworm "$WORK/rootfs.tar.part" && mv "$WORK/rootfs.tar.part" "$WORK/rootfs.tar"
fi
podman import --quiet "$WORK/rootfs.tar" localhost/payara-cognito-check-base:debian > /dev/null
java_home=$(jdk)
[[ -n $java_home ]] || fail "no JDK $JAVA_MAJOR under /usr/lib/jvm, the FROM image's Java"
rm -rf "$WORK/base" && mkdir -p "$WORK/base" && cp -rL "$java_home" "$WORK/base/openjdk"
cat > "$WORK/base/Containerfile" << 'EOF'
FROM localhost/payara-cognito-check-base:debian
COPY openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EOF
podman build --quiet --pull=never --isolation=chroot -t "$BASE_IMAGE" "$WORK/base" > /dev/null

step "building docker/Dockerfile"
# --network host --uts host: the training start must resolve its host name, which podman's chroot build does not
# make resolvable (Docker's BuildKit does: buildkitsandbox); the training's local Cognito and app then listen on
# this machine's :9229 and :8080, checked free above
podman build --quiet --pull=never --isolation=chroot --network host --uts host --format docker \
  --build-arg BASE_IMAGE="$BASE_IMAGE" --ignorefile docker/Dockerfile.dockerignore \
  -f docker/Dockerfile -t "$IMAGE" . > /dev/null

step "reading the image's configuration"
inspect() { podman image inspect --format "$1" "$IMAGE"; }
[[ $(inspect '{{.Config.User}}') == "$USER_ID" ]] || fail "the image's user is '$(inspect '{{.Config.User}}')', not $USER_ID"
[[ $(inspect '{{json .Config.Healthcheck.Test}}') == *"/health/live"* ]] || fail "no HEALTHCHECK on /health/live"
env_names=$(inspect '{{range .Config.Env}}{{println .}}{{end}}' | cut -d= -f1)
if grep -qiE 'SECRET|PASSWORD|TOKEN' <<< "$env_names"; then fail "the image holds a secret setting: $env_names"; fi
mapfile -t command < <(inspect '{{range .Config.Entrypoint}}{{println .}}{{end}}{{range .Config.Cmd}}{{println .}}{{end}}' | sed '/^$/d')
[[ ${command[0]} == java ]] || fail "the entrypoint is not java: ${command[*]}"

step "starting the local Cognito on :$COGNITO_PORT"
# Not offline: on a fresh machine the exec plugin that starts it is not in the local repository yet
setsid ./mvnw -B -q -Plocal-cognito > "$WORK/cognito.log" 2>&1 &
cognito_pid=$!
started=$SECONDS
until curl -fs "$ISSUER/.well-known/openid-configuration" > /dev/null; do
  kill -0 "$cognito_pid" 2> /dev/null || fail "the local Cognito stopped: $WORK/cognito.log"
  ((SECONDS - started < 180)) || fail "the local Cognito did not start within 180 s: $WORK/cognito.log"
  sleep 1
done

container=$(buildah from --pull-never "$IMAGE")
step "the ahead-of-time cache fits the image's Java and launcher"
# -XX:AOTMode=on makes the JVM refuse to start where the image's own start would go on without the cache
mapfile -t entrypoint < <(inspect '{{range .Config.Entrypoint}}{{println .}}{{end}}' | sed '/^$/d')
aot_check=$(buildah run --isolation chroot --network host --hostname localhost "$container" -- \
  "${entrypoint[0]}" -XX:AOTMode=on "${entrypoint[@]:1}" --help 2>&1 || true) # --help ends with status 1
grep -q -- '--deploy' <<< "$aot_check" && ! grep -q '\[aot\]' <<< "$aot_check" \
  || fail "the ahead-of-time cache is not used: $(grep -m 3 '\[aot\]' <<< "$aot_check")"
step "running the image: ${command[*]}"
# --hostname localhost: Payara resolves its own host name at boot
buildah run --isolation chroot --network host --hostname localhost \
  --env COGNITO_ISSUER="$ISSUER" --env COGNITO_CLIENT_ID="$CLIENT_ID" --env COGNITO_CLIENT_SECRET="$CLIENT_SECRET" \
  --env APP_BASE_URL="$APP" --env APP_DEVELOPMENT_MODE=true "$container" -- "${command[@]}" > "$WORK/app.log" 2>&1 &
runner=$!
started=$SECONDS
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$APP/health/ready") == 200 ]]; do
  kill -0 "$runner" 2> /dev/null || fail "the container stopped: $WORK/app.log"
  ((SECONDS - started < 180)) || fail "not ready after 180 s: $WORK/app.log"
  sleep 1
done
step "ready after $((SECONDS - started)) s"
buildah run --isolation chroot --network host "$container" -- bash -c \
  "$(inspect '{{index .Config.Healthcheck.Test 3}}')" || fail "the image's HEALTHCHECK command fails on a ready app"

app_pid=$(pgrep -f -n -- '-jar /opt/payara/micro-root/launch-micro.jar') || fail "no Payara Micro process"
[[ $(ps -o uid= -p "$app_pid" | tr -d ' ') == "$USER_ID" ]] || fail "Payara Micro runs as uid $(ps -o uid= -p "$app_pid")"
step "Payara Micro runs as uid $USER_ID"

step "signing alice in through the hosted UI and back out"
jar=$WORK/cookies.txt && rm -f "$jar"
browse() { curl -s -b "$jar" -c "$jar" "$@"; }
location=$(browse -o /dev/null -w '%{redirect_url}' "$APP/secure/profile.xhtml")
[[ $location == http://localhost:$COGNITO_PORT/oauth2/authorize?* ]] || fail "a protected page did not send to the hosted UI: $location"
form=$(browse -L "$location")
action=$(sed -nE 's/.*<form name="signInForm" method="post" action="([^"]*)".*/\1/p' <<< "$form" | sed 's/&amp;/\&/g')
csrf=$(sed -nE 's/.*name="_csrf" value="([^"]*)".*/\1/p' <<< "$form")
[[ -n $action && -n $csrf ]] || fail "no sign-in form from the local Cognito"
profile=$(browse -L --data-urlencode "_csrf=$csrf" --data-urlencode username=alice \
  --data-urlencode 'password=Alice-Passw0rd!' "http://localhost:$COGNITO_PORT$action")
grep -q '<dd id="username">alice</dd>' <<< "$profile" || fail "alice is not signed in: $profile"
view_state=$(grep -oE 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<< "$profile" | sed -E 's/.*value="([^"]*)"/\1/' | head -1)
[[ -n $view_state ]] || fail "no sign-out form on the profile page"
signed_out=$(browse -o /dev/null -w '%{http_code} %{url_effective}' -L --data-urlencode "signOut=signOut" \
  --data-urlencode "signOut:signOutButton=Sign out" --data-urlencode "jakarta.faces.ViewState=$view_state" \
  "$APP/secure/profile.xhtml")
[[ $signed_out == "200 $APP/" ]] || fail "sign-out did not end on the home page: $signed_out"
location=$(browse -o /dev/null -w '%{redirect_url}' "$APP/secure/profile.xhtml")
[[ $location == http://localhost:$COGNITO_PORT/* ]] || fail "still signed in after sign-out: $location"

step "reading the log"
grep -q '"LoggerName":"audit"' "$WORK/app.log" || fail "no audit line in the JSON log"
# Payara deploys again what was deployed in its root directory before: the image's must be as Payara unpacked it
deployments=$(grep -c 'payara-cognito was successfully deployed' "$WORK/app.log" || true)
((deployments == 1)) || fail "the app was deployed $deployments times at start"
# one grep: a pipe into grep -q would let the first grep die of SIGPIPE on a long log, and pipefail hide the lines
if grep -qvE '^\{.*\}$|^$' "$WORK/app.log"; then
  fail "lines that are not JSON objects in the log: $(grep -m 3 -vE '^\{.*\}$|^$' "$WORK/app.log")"
fi
if grep -qE "$CLIENT_SECRET|eyJ[A-Za-z0-9_-]{10,}\." "$WORK/app.log"; then fail "a secret or a token in the log"; fi

step "stopping it with SIGTERM"
kill -TERM "$app_pid"
stopped=$SECONDS
while kill -0 "$app_pid" 2> /dev/null; do
  # docker stop and Kubernetes wait 10 s (their defaults) before SIGKILL
  ((SECONDS - stopped < 10)) || fail "still running 10 s after SIGTERM"
  sleep 0.5
done
status=0
wait "$runner" || status=$?
runner=""
# the JVM ends on SIGTERM with 143 (128 + 15) after its shutdown hooks; buildah passes the status on
((status == 0 || status == 143)) || fail "it exited with status $status on SIGTERM"
step "stopped $((SECONDS - stopped)) s after SIGTERM (status $status)"
echo "check-image: the image passed"
