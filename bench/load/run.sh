#!/usr/bin/env bash
# Load run against a running SoundHub with a seeded catalogue (see bench/README.md):
# a trivial endpoint, the home feed, a busy recording page, a profile and a search, each with
# wrk at 32 connections for 30 seconds. Usage: bench/load/run.sh [base-url] [label]
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://localhost:8080}
LABEL=${2:-run}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PAGES=${PAGES:-trivial home recording profile search}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

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
    [trivial]="/health/live"
    [home]="/"
    [recording]="/recordings/$recording"
    [profile]="$profile"
    [search]="/search?q=$query"
)

for page in $PAGES; do
    path=${paths[$page]}
    # Warm up, so that the numbers are the steady state rather than the JIT's first minute.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE$path" >/dev/null
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s percentiles.lua "$BASE$path" | grep '^RESULT')
    echo "$LABEL $page $path ${result#RESULT }"
done
