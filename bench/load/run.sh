#!/usr/bin/env bash
# Load run against a running SoundHub with a seeded catalogue (see bench/README.md): the baselines
# (a plain servlet's fixed answer, a static file, MicroProfile Health), then the home feed, a busy
# recording page, a profile and a search, each with wrk at 32 connections for 30 seconds after a
# warm-up. Signed in, also each page's viewer part alone, and page views: the page and its viewer
# part in turn, as a browser asks for them.
#
# Usage: bench/load/run.sh [base-url] [label]
#   MEMBER=seed-000001@soundhub.local  runs the pages signed in as that member (password
#                                      listen-to-this)
#   DURATION=30s CONNECTIONS=32 THREADS=2 WARMUP=20s PAGES="trivial static health home recording profile search"
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://localhost:8080}
LABEL=${2:-run}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PAGES_SET=${PAGES:+yes}
PAGES=${PAGES:-trivial static health home recording profile search}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

# shellcheck source=signin.sh
. ./signin.sh
if [ -n "${MEMBER:-}" ] && [ -z "${PAGES_SET:-}" ]; then
    PAGES="$PAGES home-viewer recording-viewer profile-viewer home-view recording-view profile-view search-view"
fi

# Real targets taken from the site itself: the top trending recording (the most likes and
# comments), its artist's profile, and a word from a seeded title.
recording=$(curl -fsS "$BASE/?feed=trending" | grep -o 'data-recording="[^"]*"' | head -1 | cut -d'"' -f2)
if [ -z "$recording" ]; then
    recording=$(curl -fsS "$BASE/" | grep -o 'data-recording="[^"]*"' | head -1 | cut -d'"' -f2)
fi
profile=$(curl -fsS "$BASE/recordings/$recording" | grep -o 'class="artist">by <a href="/members/[^"]*"' | head -1 \
    | sed 's/.*href="//; s/"$//')
query=${QUERY:-night}

declare -A paths=(
    [trivial]="/ping"
    [static]="/static/img/favicon.svg"
    [health]="/health/live"
    [home]="/"
    [recording]="/recordings/$recording"
    [profile]="$profile"
    [search]="/search?q=$query"
    [home-viewer]="/viewer"
    [recording-viewer]="/recordings/$recording/viewer"
    [profile-viewer]="$profile/viewer"
)
# A page view: the page, then its viewer part.
declare -A views=(
    [home-view]="/ /viewer"
    [recording-view]="/recordings/$recording /recordings/$recording/viewer"
    [profile-view]="$profile $profile/viewer"
    [search-view]="/search?q=$query /viewer"
)

for page in $PAGES; do
    if [ -n "${views[$page]:-}" ]; then
        read -r view_page view_viewer <<<"${views[$page]}"
        export PAGE=$view_page VIEWER=$view_viewer
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" -s pair.lua "$BASE" >/dev/null
        result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${headers[@]}" -s pair.lua "$BASE" | grep '^RESULT')
        echo "$LABEL $page $view_page+viewer ${result#RESULT }"
        continue
    fi
    path=${paths[$page]}
    # Warm up, so that the numbers are the steady state rather than the JIT's first minute.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$BASE$path" >/dev/null
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${headers[@]}" -s percentiles.lua "$BASE$path" | grep '^RESULT')
    echo "$LABEL $page $path ${result#RESULT }"
done
