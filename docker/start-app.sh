#!/usr/bin/env bash
# One SoundHub instance (Payara Micro with the WAR), started by supervisord as program app-N:
# it listens on SOUNDHUB_APP_PORT + N. exec, so that supervisord's signals reach the JVM itself.
set -euo pipefail
instance=${1:-0}
port=$((SOUNDHUB_APP_PORT + instance))
root="$SOUNDHUB_RUN_DIR/payara-$instance"
rm -rf "$root"
# shellcheck disable=SC2086 # the options are a list of words
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" $SOUNDHUB_JAVA_OPTS ${SOUNDHUB_TRUST_OPTS:-} \
    -Dfile.encoding=UTF-8 -Djava.awt.headless=true \
    --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED \
    -jar "$SOUNDHUB_PAYARA_JAR" \
    --prebootcommandfile "$SOUNDHUB_CONF_DIR/payara-pre-boot.txt" \
    --deploy "$SOUNDHUB_WAR" \
    --port "$port" \
    --rootdir "$root" \
    --nocluster
