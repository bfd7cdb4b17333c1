#!/usr/bin/env bash
# Starts bench/BareProxy.java (the least a Vert.x proxy can do) on 127.0.0.1:8095 in front of partners-service, with
# the gateway's own Vert.x and Netty jars; Ctrl-C stops it. Then, in another terminal:
#   GATEWAY=http://127.0.0.1:8095 bench/gateway-vs-direct.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lib=gateway/target/quarkus-app/lib/main
[ -d "$lib" ] || { echo "build first: ./mvnw -B -q -DskipTests install" >&2; exit 2; }
classpath=$(find "$lib" -name 'io.vertx.vertx-core-*.jar' -o -name 'io.netty.*.jar' -o -name 'com.fasterxml.jackson.core.jackson-core-*.jar' | tr '\n' ':')
exec java -cp "$classpath" bench/BareProxy.java
