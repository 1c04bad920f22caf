# Sourced by the load scripts: with MEMBER set, signs in as that member (password PASSWORD, by
# default listen-to-this) and sets `headers` to the cookies a browser would then send; without it,
# `headers` is empty. Needs BASE.
headers=()
if [ -n "${MEMBER:-}" ]; then
    jar=$(mktemp)
    trap 'rm -f "$jar"' EXIT
    token=$(curl -fsS -c "$jar" -b "$jar" "$BASE/signin" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "email=$MEMBER" \
        --data-urlencode "password=${PASSWORD:-listen-to-this}" "$BASE/signin"
    session=$(awk '$6 == "soundhub_session" { print $7 }' "$jar")
    csrf=$(awk '$6 == "soundhub_csrf" { print $7 }' "$jar")
    [ -n "$session" ] || { echo "Could not sign in as $MEMBER" >&2; exit 1; }
    headers=(-H "Cookie: soundhub_session=$session; soundhub_csrf=$csrf; soundhub_member=1")
fi
