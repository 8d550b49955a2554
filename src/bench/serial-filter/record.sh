#!/usr/bin/env bash
# Records every class Java deserialization makes while the tests run (./mvnw verify, or the Maven arguments given),
# in every JVM of the run (Maven's, the tests', each Payara Micro's), and prints them with what the app's filter
# (payara-config/serial-filter.properties) decided: a REJECTED line is a class the filter lacks, or an attack.
#   src/bench/serial-filter/record.sh [maven arguments…]
set -euo pipefail
cd "$(dirname "$0")/../../.."
spy=target/serial-spy
rm -rf "$spy" && mkdir -p "$spy/out"
javac --release 17 -d "$spy" src/bench/serial-filter/SerialSpy.java
export JDK_JAVA_OPTIONS="-Xbootclasspath/a:$PWD/$spy -Djdk.serialFilterFactory=SerialSpy -Dserialspy.dir=$PWD/$spy/out"
./mvnw "${@:-verify}" > "$spy/maven.log" 2>&1 || echo "(the Maven run failed: $spy/maven.log)"
cat "$spy"/out/*.txt | sort -u
