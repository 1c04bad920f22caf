#!/usr/bin/env bash
# Builds the SoundHub image from docker/Dockerfile without a Docker engine, with buildah: the RUN
# steps run in a chroot, so neither a daemon nor user namespaces are needed.
#
# Usage: docker/build-image.sh [IMAGE]        IMAGE defaults to localhost/soundhub:latest
#
# SOUNDHUB_IMAGE_BASES  debian (default): both stages start from Debian bookworm made on this
#                       machine with debootstrap (localhost/bookworm-base), for machines that
#                       cannot pull from a public registry; official: the Dockerfile's own bases
#                       (eclipse-temurin:17-jdk and debian:bookworm-slim), pulled
# SOUNDHUB_DEBIAN_MIRROR  the Debian mirror debootstrap and apt use (http://deb.debian.org/debian)
# SOUNDHUB_IMAGE_M2     the Maven folder lent to the build stage (default ~/.m2 when it exists), so
#                       that the build downloads nothing that is already there; "none" lends none.
#                       With it goes the trust store of this machine's Java, for what is downloaded
#
# The debootstrapped base is kept as a tarball under ${XDG_CACHE_HOME:-~/.cache}/soundhub and as an
# image in buildah's storage; buildah keeps every build step's layer, so a second build redoes only
# the steps whose inputs changed. Needs buildah (and debootstrap for the Debian base), as root:
#   apt-get install buildah debootstrap
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
image=${1:-localhost/soundhub:latest}
bases=${SOUNDHUB_IMAGE_BASES:-debian}
mirror=${SOUNDHUB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
base_image=localhost/bookworm-base:latest
cache=${XDG_CACHE_HOME:-$HOME/.cache}/soundhub
base_tar=$cache/bookworm-slim-base.tar
export BUILDAH_ISOLATION=${BUILDAH_ISOLATION:-chroot}

fail() {
    echo "build-image: $*" >&2
    exit 64
}
say() {
    echo "build-image: $*"
}
command -v buildah > /dev/null 2>&1 || fail "buildah is not installed (apt-get install buildah)"

# A minimal Debian bookworm, made once and kept: debootstrap takes about half a minute, importing
# the tarball a few seconds.
debian_base() {
    if buildah inspect --type image "$base_image" > /dev/null 2>&1; then
        return
    fi
    if [ ! -s "$base_tar" ]; then
        command -v debootstrap > /dev/null 2>&1 || fail "debootstrap is not installed (apt-get install debootstrap)"
        mkdir -p "$cache"
        local root
        root=$(mktemp -d "$cache/bookworm-root.XXXXXX")
        # shellcheck disable=SC2064 # the folder is known now
        trap "rm -rf '$root'" EXIT
        say "debootstrap of Debian bookworm from $mirror"
        debootstrap --variant=minbase bookworm "$root" "$mirror" > "$cache/debootstrap.log" 2>&1 \
            || fail "debootstrap failed, see $cache/debootstrap.log"
        # The security and stable updates too, as in Debian's own images; nothing of apt's is kept.
        cat > "$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
        # Slim like Debian's own bookworm-slim: packages installed later leave out their manuals,
        # documentation (but the copyright) and translations, and what the base has of them goes.
        cat > "$root/etc/dpkg/dpkg.cfg.d/slim" <<'EXCLUDES'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EXCLUDES
        find "$root/usr/share/doc" -type f ! -name copyright -delete
        find "$root/usr/share/doc" -type l -delete
        find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
        rm -rf "$root"/usr/share/man/* "$root"/usr/share/groff/* "$root"/usr/share/info/* "$root"/usr/share/lintian/*
        rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/log/*.log "$root"/var/log/apt
        tar --numeric-owner -C "$root" -cf "$base_tar.part" .
        mv "$base_tar.part" "$base_tar"
        rm -rf "$root"
        trap - EXIT
    fi
    say "importing $base_tar as $base_image"
    local container
    container=$(buildah from scratch)
    buildah add --quiet "$container" "$base_tar" / > /dev/null
    buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd bash "$container"
    buildah commit --quiet --rm "$container" "$base_image" > /dev/null
}

# Docker's image format, not OCI's, which has no place for the HEALTHCHECK.
arguments=(--isolation "$BUILDAH_ISOLATION" --layers --force-rm --format docker --file "$repo/docker/Dockerfile" --tag "$image")
case "$bases" in
    debian)
        debian_base
        arguments+=(--build-arg "BUILD_BASE=$base_image" --build-arg "RUNTIME_BASE=$base_image" --pull=never)
        ;;
    official)
        # The Dockerfile's defaults, spelled out in full: buildah may not guess the registry of a short name.
        arguments+=(--build-arg BUILD_BASE=docker.io/library/eclipse-temurin:17-jdk
            --build-arg RUNTIME_BASE=docker.io/library/debian:bookworm-slim)
        ;;
    *) fail "SOUNDHUB_IMAGE_BASES must be debian or official, not '$bases'" ;;
esac
# buildah mounts volumes for every RUN step of both stages and leaves a missing mount point behind in
# the image, so they go on folders that every Debian image has and keeps empty: /mnt and /srv.
m2=${SOUNDHUB_IMAGE_M2:-$HOME/.m2}
if [ "$m2" != none ] && [ -d "$m2" ]; then
    maven_opts="-Dmaven.repo.local=/mnt/repository"
    arguments+=(--volume "$m2:/mnt" --build-arg MAVEN_USER_HOME=/mnt)
    # What Maven lacks it downloads trusting what this machine's Java trusts (the build stage's own
    # JDK may not know a certificate authority this machine needs to reach the repositories).
    java_bin=$(readlink -f "$(command -v java 2> /dev/null || true)" 2> /dev/null || true)
    host_trust=${java_bin:+$(dirname "$(dirname "$java_bin")")/lib/security/cacerts}
    if [ -n "$host_trust" ] && [ -f "$host_trust" ]; then
        mkdir -p "$cache/build-trust"
        cp -L "$host_trust" "$cache/build-trust/cacerts"
        arguments+=(--volume "$cache/build-trust:/srv:ro")
        maven_opts+=" -Djavax.net.ssl.trustStore=/srv/cacerts"
    fi
    arguments+=(--build-arg "MAVEN_OPTS=$maven_opts")
fi

started=$(date +%s)
previous=$(buildah images --quiet --no-trunc "$image" 2> /dev/null | head -n 1 || true)
say "building $image ($bases bases)"
mkdir -p "$cache"
build_log=$cache/build-image.log
buildah build "${arguments[@]}" "$repo" 2>&1 | tee "$build_log"
# The image this one replaces, if nothing else uses it.
current=$(buildah images --quiet --no-trunc "$image" | head -n 1)
if [ -n "$previous" ] && [ "$previous" != "$current" ]; then
    buildah rmi "$previous" > /dev/null 2>&1 || true
fi
# Cached steps of earlier builds that this build did not use (each code change leaves the compiled
# WAR and its copies behind): only untagged images of SoundHub's Dockerfile (its LABEL says so), and
# never a step of this build, which the next one reuses.
used=" $(grep -oE '^--> (Using cache )?[0-9a-f]{11,64}' "$build_log" | awk '{print $NF}' | tr '\n' ' ')"
removed=0
# An image a later one was made from goes once that one has gone: a few rounds.
for _ in 1 2 3 4; do
    round=0
    while IFS='|' read -r id name; do
        id=${id#sha256:}
        [ "$name" = "<none>" ] || continue
        [[ "$used" == *" ${id:0:11}"* ]] && continue
        buildah rmi "$id" > /dev/null 2>&1 && round=$((round + 1))
    done < <(buildah images --all --no-trunc --filter label=com.soundhub.stage --format '{{.ID}}|{{.Name}}')
    removed=$((removed + round))
    ((round)) || break
done
say "built $image in $(($(date +%s) - started)) s: $(buildah images --format '{{.Size}}' "$image" | head -n 1)" \
    "($removed unused cached steps removed)"
