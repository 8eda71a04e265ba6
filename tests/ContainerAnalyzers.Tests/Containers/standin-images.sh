#!/usr/bin/env bash
# Builds local stand-ins for the mcr.microsoft.com/dotnet images from this machine's own .NET installation, so that
# an unmodified generated Dockerfile builds with `buildah bud --pull=never` on a machine that cannot reach mcr.
#
#   standin-images.sh <state-dir>
#
# Exit codes: 0 ready, 3 the Debian mirror could not be reached, anything else a failure.
#
# <state-dir> holds the containers storage, the configuration (containers.conf, storage.conf) and the Debian root
# the images are made from. Source <state-dir>/env.sh to point buildah and podman at it. The script is idempotent:
# an image that already exists is not built again.
#
# The images, for the .NET channel of the host's dotnet (for example 10.0):
#   sdk:<v>, sdk:<v>-noble                          Debian minbase + the host's dotnet folder, ca-certificates,
#                                                   libicu, libssl
#   sdk:<v>-noble-aot                               the SDK plus clang and zlib1g-dev, as dotnet-docker's -aot
#                                                   images: the plain SDK image cannot link a native AOT app
#   runtime-deps|runtime|aspnet:<v>, :<v>-noble     the same root with only the shared frameworks (has a shell)
#   runtime-deps|runtime|aspnet:<v>-noble-chiseled  no shell, no package manager, no ICU: glibc, libgcc, libstdc++,
#                                                   libssl, zlib and CA certificates (the chiseled package list)
#                                                   plus the shared frameworks; user app 1654
#   ...:<v>-noble-chiseled-extra                    chiseled plus ICU and tzdata
# Each carries the real images' ENV (APP_UID, ASPNETCORE_HTTP_PORTS, DOTNET_RUNNING_IN_CONTAINER, and
# DOTNET_SYSTEM_GLOBALIZATION_INVARIANT on the ICU-less ones).
set -euo pipefail

state=${1:?usage: standin-images.sh <state-dir>}
mkdir -p "$state"
state=$(cd "$state" && pwd)
log() { printf '[standin %(%H:%M:%S)T] %s\n' -1 "$*"; }

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime_version=$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -n 1)
aspnet_version=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" 2>/dev/null | sort -V | tail -n 1 || true)
sdk_version=$(ls "$dotnet_root/sdk" | sort -V | tail -n 1)
channel=${runtime_version%.*}
host_channel=$channel
registry=mcr.microsoft.com/dotnet

# --- configuration: our own storage and engine settings, leaving the machine's podman setup alone --------------------
# crun refuses the hybrid cgroup layout of these machines (runc does not); podman's default ulimits exceed the hard
# limits here; vfs storage needs no kernel overlay support.
hard_nofile=$(ulimit -Hn)
[ "$hard_nofile" = unlimited ] && hard_nofile=1048576
cat > "$state/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=${hard_nofile}:${hard_nofile}", "nproc=32768:32768"]
netns = "host"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
cat > "$state/storage.conf" <<EOF
[storage]
driver = "vfs"
runroot = "$state/run"
graphroot = "$state/storage"
EOF
cat > "$state/env.sh" <<EOF
export CONTAINERS_CONF="$state/containers.conf"
export CONTAINERS_STORAGE_CONF="$state/storage.conf"
export BUILDAH_ISOLATION=chroot
EOF
# shellcheck source=/dev/null
. "$state/env.sh"

exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }

# Commits the folder $1 as an image with the tags $3..., configured by the `buildah config` arguments in the array
# named by $2.
commit_folder() {
  local folder=$1 config_name=$2; shift 2
  local -n config_ref=$config_name
  local container mount
  container=$(buildah from --quiet scratch)
  mount=$(buildah mount "$container")
  cp -a "$folder/." "$mount/"
  buildah umount "$container" >/dev/null
  buildah config "${config_ref[@]}" "$container"
  buildah commit --quiet --rm "$container" "$1" >/dev/null
  local tag
  for tag in "${@:2}"; do buildah tag "$1" "$tag"; done
  log "built $*"
}

# --- the Debian root ------------------------------------------------------------------------------------------------
root="$state/debian"
if [ ! -f "$root/.complete" ]; then
  log "debootstrap (minbase, bookworm)"
  # The Debian mirror is the one network dependency; a mirror that cannot be reached after three tries exits 3,
  # which the suite reports as "cannot run here" rather than as a failure of the product.
  attempt=1
  until rm -rf "$root" && debootstrap --variant=minbase \
      --include=ca-certificates,libicu72,libssl3,tzdata \
      bookworm "$root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$state/debootstrap.log" 2>&1; do
    if [ "$attempt" -ge 3 ]; then
      tail -n 20 "$state/debootstrap.log" >&2
      exit 3
    fi
    attempt=$((attempt + 1))
    log "debootstrap failed; retrying ($attempt/3)"
    sleep 10
  done
  # The host may reach the package registries through a TLS proxy with its own CA: dotnet restore inside a RUN
  # must trust the same certificates as the host.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null 2>&1
  fi
  printf 'app:x:1654:1654::/home/app:/usr/sbin/nologin\n' >> "$root/etc/passwd"
  printf 'app:x:1654:\n' >> "$root/etc/group"
  install -d -o 1654 -g 1654 "$root/home/app"
  rm -rf "$root/var/cache/apt/archives/"*.deb
  touch "$root/.complete"
fi

# Builds the images of one .NET channel: $1 the channel (10.0), $2 and $3 the folders holding the versions of
# Microsoft.NETCore.App and Microsoft.AspNetCore.App (as under dotnet/shared), $4 and $5 those versions. The SDK image
# of every channel is this machine's SDK, which builds all older target frameworks.
build_channel() {
channel=$1 netcore_source=$2 aspnet_source=$3 runtime_version=$4 aspnet_version=$5
common_env=(--env APP_UID=1654 --env DOTNET_RUNNING_IN_CONTAINER=true --env DOTNET_VERSION="$runtime_version"
  --env ASPNETCORE_HTTP_PORTS=8080
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
[ -n "$aspnet_version" ] && common_env+=(--env ASPNET_VERSION="$aspnet_version")

# --- SDK ------------------------------------------------------------------------------------------------------------
# An older channel's SDK image is this machine's SDK under that channel's tags.
if [ "$channel" != "$host_channel" ]; then
  for variant in -noble "" -noble-aot; do
    exists "$registry/sdk:$channel$variant" || buildah tag "$registry/sdk:$host_channel${variant:--noble}" "$registry/sdk:$channel$variant"
  done
fi

if ! exists "$registry/sdk:$channel-noble"; then
  sdk="$state/layers/sdk"
  rm -rf "$sdk"; mkdir -p "$sdk/usr/share"
  cp -a "$root/." "$sdk/"
  cp -a "$dotnet_root" "$sdk/usr/share/dotnet"
  ln -sf /usr/share/dotnet/dotnet "$sdk/usr/bin/dotnet"
  sdk_config=("${common_env[@]}" --env DOTNET_SDK_VERSION="$sdk_version" --env DOTNET_GENERATE_ASPNET_CERTIFICATE=false
    --env DOTNET_NOLOGO=true --env DOTNET_USE_POLLING_FILE_WATCHER=true --env NUGET_XMLDOC_MODE=skip
    --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --workingdir / --cmd /bin/bash)
  # A TLS proxy's CA usually publishes no revocation list; the host tells NuGet not to ask for one, and so must the
  # image (the real SDK image does not need this).
  [ -n "${NUGET_CERT_REVOCATION_MODE:-}" ] && sdk_config+=(--env NUGET_CERT_REVOCATION_MODE="$NUGET_CERT_REVOCATION_MODE")
  commit_folder "$sdk" sdk_config "$registry/sdk:$channel-noble" "$registry/sdk:$channel"
  rm -rf "$sdk"
fi

if ! exists "$registry/sdk:$channel-noble-aot"; then
  # Built the way dotnet-docker builds it: a RUN on top of the SDK image (Debian's mirror is reachable here).
  mkdir -p "$state/aot"
  printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev && rm -rf /var/lib/apt/lists/*\n' \
    "$registry/sdk:$channel-noble" > "$state/aot/Dockerfile"
  buildah bud --quiet --pull=never --layers=false --isolation=chroot -t "$registry/sdk:$channel-noble-aot" "$state/aot" > "$state/aot/build.log" 2>&1 \
    || { tail -n 20 "$state/aot/build.log" >&2; exit 1; }
  log "built $registry/sdk:$channel-noble-aot"
fi

# --- runtime images -------------------------------------------------------------------------------------------------
# Copies the dotnet host and the shared frameworks a runtime image carries into the folder $1.
add_frameworks() {
  local folder=$1 repository=$2
  [ "$repository" = runtime-deps ] && return 0
  mkdir -p "$folder/usr/share/dotnet/shared" "$folder/usr/bin"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$folder/usr/share/dotnet/" 2>/dev/null || true
  cp -a "$netcore_source" "$folder/usr/share/dotnet/shared/Microsoft.NETCore.App"
  [ "$repository" = aspnet ] && cp -a "$aspnet_source" "$folder/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
  ln -sf /usr/share/dotnet/dotnet "$folder/usr/bin/dotnet"
}

# Copies the files of the Debian packages $2... from the Debian root into the folder $1: shared libraries, CA
# certificates and time zones only, never an executable. /lib is /usr/lib in this root (merged /usr).
add_package_files() {
  local folder=$1; shift
  local package list path
  for package in "$@"; do
    list="$root/var/lib/dpkg/info/$package.list"
    [ -f "$list" ] || list=$(compgen -G "$root/var/lib/dpkg/info/$package:*.list" | head -n 1)
    while IFS= read -r path; do
      case "$path" in
        /lib/*|/lib64/*) path=/usr$path ;;
      esac
      case "$path" in
        /usr/lib/*|/usr/lib64/*|/usr/share/zoneinfo/*|/etc/ssl/*) ;;
        *) continue ;;
      esac
      case "$path" in
        */gconv/*|*/audit/*) continue ;;
      esac
      if [ -f "$root$path" ] || [ -L "$root$path" ]; then
        mkdir -p "$folder$(dirname "$path")"
        cp -a "$root$path" "$folder$path"
      fi
    done < "$list"
  done
}

for repository in runtime-deps runtime aspnet; do
  [ "$repository" = aspnet ] && [ -z "$aspnet_version" ] && continue

  # With a shell: the Debian root plus the frameworks.
  if ! exists "$registry/$repository:$channel-noble"; then
    folder="$state/layers/$repository"
    rm -rf "$folder"; mkdir -p "$folder"
    cp -a "$root/." "$folder/"
    add_frameworks "$folder" "$repository"
    full_config=("${common_env[@]}" --workingdir /)
    commit_folder "$folder" full_config "$registry/$repository:$channel-noble" "$registry/$repository:$channel"
    rm -rf "$folder"
  fi

  # Chiseled: no shell, no package manager; -extra adds ICU and time zones.
  for flavour in chiseled chiseled-extra; do
    tag="$registry/$repository:$channel-noble-$flavour"
    exists "$tag" && continue
    folder="$state/layers/$repository-$flavour"
    rm -rf "$folder"
    mkdir -p "$folder/usr/lib" "$folder/usr/lib64" "$folder/etc" "$folder/tmp" "$folder/home"
    ln -s usr/lib "$folder/lib"; ln -s usr/lib64 "$folder/lib64"
    chmod 1777 "$folder/tmp"
    packages=(libc6 libgcc-s1 libstdc++6 libssl3 zlib1g ca-certificates)
    [ "$flavour" = chiseled-extra ] && packages+=(libicu72 tzdata)
    add_package_files "$folder" "${packages[@]}"
    mkdir -p "$folder/etc/ssl/certs"
    cp -a "$root/etc/ssl/certs/ca-certificates.crt" "$folder/etc/ssl/certs/"
    printf 'root:x:0:0:root:/root:/noshell\napp:x:1654:1654::/home/app:/noshell\n' > "$folder/etc/passwd"
    printf 'root:x:0:\napp:x:1654:\n' > "$folder/etc/group"
    install -d -o 1654 -g 1654 "$folder/home/app"
    add_frameworks "$folder" "$repository"
    chiseled_config=("${common_env[@]}" --user 1654 --workingdir /)
    [ "$flavour" = chiseled ] && chiseled_config+=(--env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true)
    # As the real chiseled runtime and aspnet images declare in dotnet-docker (src/runtime/*/noble-chiseled/*/Dockerfile):
    # the dotnet host is the entry point, so a CMD ["dotnet", "App.dll"] runs "dotnet dotnet App.dll" (CTR0036).
    [ "$repository" != runtime-deps ] && chiseled_config+=(--entrypoint '["/usr/bin/dotnet"]' --cmd '["--info"]')
    commit_folder "$folder" chiseled_config "$tag"
    rm -rf "$folder"
  done
done

log "stand-ins ready for .NET $channel (runtime $runtime_version, SDK $sdk_version)"
}

build_channel "$channel" "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$runtime_version" "$aspnet_version"

# Older channels for the real-repository suite: STANDIN_EXTRA_FRAMEWORKS names a folder with <channel>/Microsoft.NETCore.App/<version>
# and <channel>/Microsoft.AspNetCore.App/<version>, laid out from the runtime packs on NuGet.
for extra in ${STANDIN_EXTRA_FRAMEWORKS:+"$STANDIN_EXTRA_FRAMEWORKS"/*/}; do
  extra=${extra%/}
  extra_channel=$(basename "$extra")
  extra_runtime=$(ls "$extra/Microsoft.NETCore.App" | sort -V | tail -n 1)
  extra_aspnet=$(ls "$extra/Microsoft.AspNetCore.App" 2>/dev/null | sort -V | tail -n 1 || true)
  build_channel "$extra_channel" "$extra/Microsoft.NETCore.App" "$extra/Microsoft.AspNetCore.App" "$extra_runtime" "$extra_aspnet"
done

rm -rf "$state/layers"
buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep "$registry" | sort
