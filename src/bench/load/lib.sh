# Shared by the load scripts (source it): an access token of alice's from the local Cognito, a browser's cookies
# signed in through the app, one wrk round, medians, Payara Micro's JVM options, its command files and its
# ahead-of-time cache.

# The JVM options every node runs with (as the image's ENTRYPOINT and PayaraNode.JVM_OPTIONS: the deserialization
# filter, the grid on its interface alone, no phone home, the boot on one thread), and Hazelcast's use of
# sun.misc.Unsafe allowed
payara_jvm=(--sun-misc-unsafe-memory-access=allow -Djava.security.properties=payara-config/serial-filter.properties
  -Dhazelcast.socket.bind.any=false -Dhazelcast.phone.home.enabled=false
  -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS)
# Payara Micro's command files, always together (as PayaraNode.COMMAND_FILES): the settings it boots with, its HTTP
# port closed among them, and the command that opens the port once the app is deployed
payara_command_files=(--prebootcommandfile payara-config/pre-boot-commands.asadmin
  --postdeploycommandfile payara-config/post-deploy-commands.asadmin)

# answers_200 port path -> true when a GET of path on 127.0.0.1:port answers 200. Bash's own /dev/tcp rather than a
# curl process: the benchmarks ask every 50 ms while a server starts, and a curl each time took about 1.2 s of an
# 8 s start from this 2-core machine (docs/operating.md, "Start-up"); a refused connection is false at once
answers_200() {
  local fd status=
  exec {fd}<> "/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&"$fd"
  read -r -t 5 _ status _ <&"$fd" || true
  exec {fd}<&-
  [[ $status == 200 ]]
} 2> /dev/null

# access_token app cognito -> prints alice's access token, signed in at the local Cognito's hosted UI with the code
# redeemed as a client app would (the demo client, registered for app/callback)
access_token() {
  local app=$1 cognito=$2
  local client=localcognitodemoclient0001 secret=1x8demo0local0cognito0secret0not0for0production0q7k
  local query="client_id=$client&redirect_uri=$app/callback&response_type=code&scope=openid+email+profile&state=load"
  local jar csrf callback code
  jar=$(mktemp)
  csrf=$(curl -sf -c "$jar" -b "$jar" "$cognito/login?$query" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  callback=$(curl -sf -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "_csrf=$csrf" --data-urlencode username=alice --data-urlencode 'password=Alice-Passw0rd!' \
    "$cognito/login?$query")
  rm -f "$jar"
  code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<< "$callback")
  curl -sf -u "$client:$secret" -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$app/callback" \
    "$cognito/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# signed_in_cookies app -> prints the Cookie header of a browser that signed alice in through the app (a protected
# page, the local Cognito's hosted UI, the callback), or nothing if the profile page does not then show alice
signed_in_cookies() {
  local app=$1
  local jar location form action csrf profile
  jar=$(mktemp)
  location=$(curl -sf -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$app/secure/profile.xhtml")
  form=$(curl -sfL -c "$jar" -b "$jar" "$location")
  action=$(sed -nE 's/.*<form name="signInForm" method="post" action="([^"]*)".*/\1/p' <<< "$form" | sed 's/&amp;/\&/g')
  csrf=$(sed -nE 's/.*name="_csrf" value="([^"]*)".*/\1/p' <<< "$form")
  profile=$(curl -sfL -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode username=alice \
    --data-urlencode 'password=Alice-Passw0rd!' "$(sed -E 's#^(https?://[^/]+).*#\1#' <<< "$location")$action")
  if grep -q '<dd id="username">alice</dd>' <<< "$profile"; then
    # every cookie of the jar: the local Cognito's too, which a jar cannot tell apart on localhost (cookies ignore
    # ports); the app ignores them
    awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7} END {print ""}' "$jar"
  fi
  rm -f "$jar"
}

# shows_alice app cookies -> whether the profile page, asked with the cookies, is alice's (a session that ended
# would be sent to sign in, and wrk would count those 302s as successes)
shows_alice() {
  # the page read whole first: grep -q stops at its match, and a curl still writing would fail under pipefail
  local page
  page=$(curl -sf -H "Cookie: $2" "$1/secure/profile.xhtml") && grep -q '<dd id="username">alice</dd>' <<< "$page"
}

# wrk_round seconds connections url [wrk options…] -> "requests/sec errors" (errors: non-2xx/3xx and socket errors)
wrk_round() {
  local seconds=$1 connections=$2 url=$3
  shift 3
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" "$@" "$url")
  awk '/Requests\/sec/ {rps = $2}
       /Non-2xx or 3xx responses/ {n += $NF}
       /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10}
       END {print rps, n + 0}' <<< "$out"
}

# median of the numbers on standard input
median() {
  sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

# Payara Micro as the image and the demo start it: its launcher and JDK 25's ahead-of-time cache.
# payara_aot_train java dir jvm-options-array-name micro-options-array-name -> unpacks Payara Micro into dir/root
# (kept aside as dir/root.unpacked) and trains the cache as the demo's first start and the image's build do, with a
# start that serves the training load (src/bench/java/…/TrainingLoad.java: sign-ins through the local Cognito on
# :9229, pages, the API; the app on :8080, with the settings exported) and stops. Sets payara_launcher and
# payara_aot_cache, the jar and the cache a start names (after payara_aot_reset dir)
payara_aot_train() {
  local java=$1 dir=$2
  local -n train_jvm=$3 train_micro=$4
  payara_launcher=$dir/root/launch-micro.jar payara_aot_cache=$dir/payara-cognito.aot
  rm -rf "$dir/root" "$dir/root.unpacked"
  "$java" -jar target/payara-micro.jar --rootdir "$dir/root" --outputlauncher > "$dir/launcher.log" 2>&1
  cp -a "$dir/root" "$dir/root.unpacked"
  if [[ $(curl -s -m 5 -o /dev/null -w '%{http_code}' http://localhost:8080/) != 000 ]]; then
    echo "Something already answers on :8080: the training start needs the port." >&2
    return 1
  fi
  # the load's service token is the demo pool's machine client's, which the app then accepts; the cache becomes
  # $payara_aot_cache only if the whole load ran (a JVM stopped otherwise is killed, and writes nothing)
  # without the call adapters, as the demo and the image train (AheadOfTimeStart.train: JDK-8364929)
  COGNITO_API_CLIENT_IDS=localcognitomachineclient1 "$java" -XX:AOTCacheOutput="$payara_aot_cache.training" \
    -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching "${train_jvm[@]}" -jar "$payara_launcher" \
    --deploy target/payara-cognito.war "${train_micro[@]}" \
    > "$dir/training.log" 2>&1 &
  local pid=$! deadline=$((SECONDS + 180))
  until answers_200 8080 /health/ready; do
    if ! kill -0 "$pid" 2> /dev/null || ((SECONDS > deadline)); then
      kill -KILL "$pid" 2> /dev/null || true
      echo "The training start did not become ready: $dir/training.log" >&2
      return 1
    fi
    sleep 0.2
  done
  if ! timeout 300 "$java" src/bench/java/dev/payaracognito/bench/TrainingLoad.java http://localhost:8080 \
    http://localhost:9229 localcognitomachineclient1 4m2demo0local0machine0secret0not0for0production0z8 alice \
    'Alice-Passw0rd!' > "$dir/training-load.log" 2>&1; then
    kill -KILL "$pid" && wait "$pid" || true
    echo "The training load failed: $dir/training-load.log" >&2
    return 1
  fi
  kill -TERM "$pid" && wait "$pid" || true # the JVM writes the cache as it exits
  mv "$payara_aot_cache.training" "$payara_aot_cache" \
    || { echo "The training start wrote no cache: $dir/training.log" >&2; return 1; }
}

# payara_aot_reset dir -> the root directory as Payara unpacked it: Payara deploys again what an earlier start
# deployed there, before the WAR it is given, and answers ready in between
payara_aot_reset() {
  rm -rf "$1/root" && cp -a "$1/root.unpacked" "$1/root"
}
