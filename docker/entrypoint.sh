#!/usr/bin/env bash
# Starts SoundHub in its container: fills in the defaults of the environment, renders nginx's
# configuration from docker/nginx.conf, and hands over to supervisord, which runs nginx and the
# application and restarts either if it stops. The same script runs outside a container (the
# tests do) with the paths below pointed elsewhere.
set -euo pipefail

export SOUNDHUB_HOME=${SOUNDHUB_HOME:-/opt/soundhub}
export SOUNDHUB_CONF_DIR=${SOUNDHUB_CONF_DIR:-$SOUNDHUB_HOME/conf}
export SOUNDHUB_BIN_DIR=${SOUNDHUB_BIN_DIR:-$SOUNDHUB_HOME/bin}
export SOUNDHUB_WAR=${SOUNDHUB_WAR:-$SOUNDHUB_HOME/ROOT.war}
export SOUNDHUB_PAYARA_JAR=${SOUNDHUB_PAYARA_JAR:-$SOUNDHUB_HOME/payara-micro.jar}
export SOUNDHUB_PUBLIC_DIR=${SOUNDHUB_PUBLIC_DIR:-$SOUNDHUB_HOME/public}
export SOUNDHUB_ERRORS_DIR=${SOUNDHUB_ERRORS_DIR:-$SOUNDHUB_CONF_DIR/errors}
export SOUNDHUB_RUN_DIR=${SOUNDHUB_RUN_DIR:-/tmp/soundhub}
export NGINX_BIN=${NGINX_BIN:-nginx}
export NGINX_PORT=${NGINX_PORT:-8080}
# Metrics, health and OpenAPI for the monitoring server; never published to the load balancer.
export SOUNDHUB_MANAGEMENT_PORT=${SOUNDHUB_MANAGEMENT_PORT:-8090}
export NGINX_MIME_TYPES=${NGINX_MIME_TYPES:-/etc/nginx/mime.types}
export SOUNDHUB_APP_PORT=${SOUNDHUB_APP_PORT:-8081}
export SOUNDHUB_APP_INSTANCES=${SOUNDHUB_APP_INSTANCES:-1}
export SOUNDHUB_MAX_BODY=${SOUNDHUB_MAX_BODY:-12m}
export SOUNDHUB_JAVA_OPTS=${SOUNDHUB_JAVA_OPTS:--XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError}

# The application is reachable only through nginx, which sets X-Forwarded-For/-Proto.
export SOUNDHUB_TRUST_PROXY=${SOUNDHUB_TRUST_PROXY:-true}
# The bucket's region, if not given, is the one the instance runs in.
if [ -z "${SOUNDHUB_S3_REGION:-}" ] && [ -n "${AWS_REGION:-${AWS_DEFAULT_REGION:-}}" ]; then
    export SOUNDHUB_S3_REGION=${AWS_REGION:-$AWS_DEFAULT_REGION}
fi
# Generated music plays General MIDI instruments from the distribution's SoundFont when it is there.
if [ -z "${SOUNDHUB_GENERATOR_SOUNDFONT:-}" ] && [ -f /usr/share/sounds/sf2/FluidR3_GM.sf2 ]; then
    export SOUNDHUB_GENERATOR_SOUNDFONT=/usr/share/sounds/sf2/FluidR3_GM.sf2
fi

fail() {
    echo "soundhub: $*" >&2
    exit 64
}
for file in "$SOUNDHUB_WAR" "$SOUNDHUB_PAYARA_JAR" "$SOUNDHUB_CONF_DIR/nginx.conf" "$SOUNDHUB_CONF_DIR/supervisord.conf" \
        "$SOUNDHUB_CONF_DIR/payara-pre-boot.txt"; do
    [ -f "$file" ] || fail "missing $file"
done
[ -d "$SOUNDHUB_PUBLIC_DIR/static" ] || fail "missing the static files in $SOUNDHUB_PUBLIC_DIR (docker/extract-static.sh makes them)"
[[ "$SOUNDHUB_APP_INSTANCES" =~ ^[1-9][0-9]?$ ]] || fail "SOUNDHUB_APP_INSTANCES must be a number from 1 to 99"
[ -n "${SOUNDHUB_S3_BUCKET:-}" ] || fail "SOUNDHUB_S3_BUCKET is not set: the bucket for audio, images and stems"
if [ -z "${SOUNDHUB_DB_URL:-}" ] && [ -z "${RDS_HOSTNAME:-}" ]; then
    fail "no database: set SOUNDHUB_DB_URL (with SOUNDHUB_DB_USER and SOUNDHUB_DB_PASSWORD) or attach an RDS database (RDS_HOSTNAME, ...)"
fi

mkdir -p "$SOUNDHUB_RUN_DIR"/nginx/{body,proxy,fastcgi,uwsgi,scgi}

# Payara checks every certificate of its trust store when it starts and dumps each expired one into
# the log. Its own store, like the JDK's, carries certificates that have expired since it was built;
# an expired certificate vouches for nothing, so the application gets the JDK's store without them.
valid_trust_store() {
    local java_bin jdk store="$SOUNDHUB_RUN_DIR/truststore.p12" now until_s
    java_bin=$(readlink -f "$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")") || return 1
    jdk=$(dirname "$(dirname "$java_bin")")
    rm -f "$store"
    "$jdk/bin/keytool" -importkeystore -noprompt -srckeystore "$jdk/lib/security/cacerts" -srcstorepass changeit \
        -destkeystore "$store" -deststoretype PKCS12 -deststorepass changeit > /dev/null 2>&1 || return 1
    now=$(date +%s)
    "$jdk/bin/keytool" -J-Duser.language=en -J-Duser.country=US -list -v -keystore "$store" -storepass changeit \
        | awk '/^Alias name: /{alias=substr($0, 13)} /^Valid from: /{sub(/.* until: /, ""); print alias "\t" $0}' \
        | while IFS=$'\t' read -r alias until; do
            until_s=$(date -d "$until" +%s 2> /dev/null) || continue
            if [ "$until_s" -lt "$now" ]; then
                "$jdk/bin/keytool" -delete -noprompt -alias "$alias" -keystore "$store" -storepass changeit > /dev/null
            fi
        done
    echo "-Djavax.net.ssl.trustStore=$store -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12"
}
if ! SOUNDHUB_TRUST_OPTS=$(valid_trust_store); then
    echo "soundhub: could not build the trust store; the application uses Payara's" >&2
    SOUNDHUB_TRUST_OPTS=""
fi
export SOUNDHUB_TRUST_OPTS

upstreams=""
for ((i = 0; i < SOUNDHUB_APP_INSTANCES; i++)); do
    upstreams+="server 127.0.0.1:$((SOUNDHUB_APP_PORT + i)) max_fails=1 fail_timeout=5s; "
done
export SOUNDHUB_UPSTREAM_SERVERS=$upstreams
# nginx started as root (only outside the container: the image runs as its own user) keeps root
# workers rather than switching to a user that cannot read the files.
if [ "$(id -u)" = 0 ]; then
    export NGINX_USER_DIRECTIVE="user root;"
else
    export NGINX_USER_DIRECTIVE=""
fi

envsubst '${NGINX_USER_DIRECTIVE} ${SOUNDHUB_RUN_DIR} ${NGINX_MIME_TYPES} ${SOUNDHUB_MAX_BODY} ${SOUNDHUB_UPSTREAM_SERVERS}
          ${NGINX_PORT} ${SOUNDHUB_MANAGEMENT_PORT} ${SOUNDHUB_PUBLIC_DIR} ${SOUNDHUB_ERRORS_DIR}' \
    < "$SOUNDHUB_CONF_DIR/nginx.conf" > "$SOUNDHUB_RUN_DIR/nginx.conf"
"$NGINX_BIN" -t -q -c "$SOUNDHUB_RUN_DIR/nginx.conf" -g "daemon off;" || fail "the rendered nginx configuration is not valid"

echo "soundhub: nginx on port $NGINX_PORT (management $SOUNDHUB_MANAGEMENT_PORT), $SOUNDHUB_APP_INSTANCES application instance(s) from port $SOUNDHUB_APP_PORT"
exec supervisord -c "$SOUNDHUB_CONF_DIR/supervisord.conf"
