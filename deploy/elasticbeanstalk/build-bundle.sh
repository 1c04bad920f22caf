#!/usr/bin/env bash
# Makes the Elastic Beanstalk source bundle of one SoundHub version: Dockerrun.aws.json naming the
# image to run, and the environment's configuration (.ebextensions/*.config), both at the root of a
# zip as Elastic Beanstalk requires. The image itself is built and pushed beforehand
# (deploy/elasticbeanstalk/README.md); the bundle only points at it.
#
# Usage: deploy/elasticbeanstalk/build-bundle.sh IMAGE_URI [OUTPUT_ZIP]
#   IMAGE_URI   e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/soundhub:1.4.0
#   OUTPUT_ZIP  default: target/soundhub-eb-bundle.zip in the repository
# SOUNDHUB_BUNDLE_ZIP=zip|python3|jar picks the archiver; by default the first one found, so that a
# machine with only a JDK can make bundles too.
set -euo pipefail

usage="usage: build-bundle.sh IMAGE_URI [OUTPUT_ZIP]"
fail() {
    echo "build-bundle: $*" >&2
    exit 64
}

image=${1:-}
[ -n "$image" ] || fail "no image given; $usage"
[ $# -le 2 ] || fail "too many arguments; $usage"
# A reference Docker accepts (registry/path:tag or @digest), and nothing that could break the JSON
# it is written into.
[[ "$image" =~ ^[A-Za-z0-9][A-Za-z0-9._/:@-]*$ ]] || fail "not an image reference: '$image'"
[[ "$image" == *ACCOUNT.dkr.ecr.REGION* || "$image" == *:VERSION ]] && fail "'$image' is the placeholder; give the pushed image"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
output=${2:-$repo/target/soundhub-eb-bundle.zip}
case "$output" in
    /*) ;;
    *) output="$PWD/$output" ;;
esac
[[ "$output" == *.zip ]] || fail "the bundle must be a .zip: $output"

shopt -s nullglob
configs=("$repo"/.ebextensions/*.config)
shopt -u nullglob
((${#configs[@]})) || fail "no .ebextensions/*.config in $repo"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/.ebextensions"
cp "${configs[@]}" "$work/.ebextensions/"
# The template's placeholder image, replaced; the reference was checked above to hold no character
# that means something to sed or JSON.
sed "s|\"ACCOUNT\.dkr\.ecr\.REGION\.amazonaws\.com/soundhub:VERSION\"|\"$image\"|" \
    "$here/Dockerrun.aws.json" > "$work/Dockerrun.aws.json"
grep -q "\"$image\"" "$work/Dockerrun.aws.json" || fail "could not put the image into Dockerrun.aws.json"

archiver=${SOUNDHUB_BUNDLE_ZIP:-}
if [ -z "$archiver" ]; then
    for candidate in zip python3 jar; do
        if command -v "$candidate" > /dev/null 2>&1; then
            archiver=$candidate
            break
        fi
    done
fi

mkdir -p "$(dirname "$output")"
# zip and jar add to an existing archive rather than replacing it.
rm -f "$output"
case "$archiver" in
    zip)
        (cd "$work" && zip -q -X -D "$output" Dockerrun.aws.json .ebextensions/*.config)
        ;;
    python3)
        (cd "$work" && python3 -m zipfile -c "$output" Dockerrun.aws.json .ebextensions)
        ;;
    jar)
        # M: no META-INF/MANIFEST.MF, which Elastic Beanstalk would take for part of the application.
        (cd "$work" && jar cfM "$output" Dockerrun.aws.json .ebextensions)
        ;;
    "") fail "found none of zip, python3 or jar to make the archive with" ;;
    *) fail "SOUNDHUB_BUNDLE_ZIP must be zip, python3 or jar, not '$archiver'" ;;
esac

echo "build-bundle: $output ($image, ${#configs[@]} configuration files, made with $archiver)"
