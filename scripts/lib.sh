# Shared by scripts/demo and scripts/test: installs what is missing, idempotently, and sets up
# the environment. Sourced, not run. Every install is pinned; every step first checks whether its
# result is already there.
#
# Tools go to $AE_TOOLS (default: ~/.cache/article-explorer), outside the checkout, so that a fresh
# clone reuses them. System packages (a browser, a wasm32 standard library where rustup cannot
# fetch one) come from apt-get when the machine has it and we are root.

set -euo pipefail

AE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AE_TOOLS=${AE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/article-explorer}
TRUNK_VERSION=0.21.14        # 0.22 needs rustc >= 1.96.1
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen's CLI must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$AE_ROOT/Cargo.lock")

mkdir -p "$AE_TOOLS"
export PATH="$AE_TOOLS/cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
can_apt() { have apt-get && [ "$(id -u)" = 0 ]; }

APT_UPDATED=
apt_install() {
    can_apt || return 1
    if [ -z "$APT_UPDATED" ]; then
        say "apt-get update"
        apt-get update -qq >&2
        APT_UPDATED=1
    fi
    say "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# --- Rust ------------------------------------------------------------------------------------

ensure_rust() {
    have cargo || die "cargo is missing. Install Rust with rustup (see the Rust website), then run this again."
}

# rustfmt and clippy for the default toolchain (rustup's minimal profile leaves them out).
ensure_lint_tools() {
    ensure_rust
    if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
        have rustup || die "rustfmt or clippy is missing, and there is no rustup to add them"
        say "rustup component add rustfmt clippy"
        timeout 120 rustup component add rustfmt clippy >&2 || die "rustup could not add rustfmt and clippy"
    fi
}

# Clippy for wasm32 with the wasm toolchain. Debian's rustc-web (the fallback when rustup's
# server cannot be reached) ships no clippy: then the wasm-only code is still compiled by the
# browser tests, and this says plainly that its lints were not run.
wasm_clippy() {
    if with_wasm_toolchain cargo clippy --version >/dev/null 2>&1; then
        with_wasm_toolchain cargo clippy "$@"
    else
        say "NOT RUN: clippy for wasm32 (the toolchain ${AE_WASM_TOOLCHAIN:-default} has no clippy; rustup's would)"
    fi
}

# Is there a wasm32 standard library for the toolchain named by $1 ("" = the default one)?
has_wasm_std() {
    local sysroot
    sysroot=$(RUSTUP_TOOLCHAIN=${1:-${RUSTUP_TOOLCHAIN:-}} rustc --print sysroot 2>/dev/null) || return 1
    compgen -G "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null
}

# Chooses the toolchain for wasm32 builds and exports it as AE_WASM_TOOLCHAIN ("" = default).
# 1. the default toolchain already has the target;  2. `rustup target add` works (a laptop);
# 3. Debian's rustc-web, with a wasm32 std built from its sources (machines where rustup's
#    download server is unreachable; see shared/TOOLCHAIN.md).
# Does the toolchain named by $1 have the standard library's sources (for -Zbuild-std)?
has_std_src() {
    local sysroot
    sysroot=$(RUSTUP_TOOLCHAIN=${1:-${RUSTUP_TOOLCHAIN:-}} rustc --print sysroot 2>/dev/null) || return 1
    [ -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ]
}

# Release builds rebuild std with them (size): the wasm32 std and its sources are both needed.
ensure_wasm_toolchain() {
    AE_WASM_TOOLCHAIN=
    if has_wasm_std "" && has_std_src ""; then return; fi
    if have rustup && has_wasm_std debian-web && has_std_src debian-web; then AE_WASM_TOOLCHAIN=debian-web; return; fi
    if have rustup; then
        say "rustup target add wasm32-unknown-unknown; rustup component add rust-src"
        if timeout 120 rustup target add wasm32-unknown-unknown >&2 && timeout 120 rustup component add rust-src >&2 \
            && has_wasm_std "" && has_std_src ""; then return; fi
        say "rustup could not fetch the wasm32 target or rust-src; trying Debian's rustc-web"
    fi
    can_apt || die "no wasm32-unknown-unknown standard library. Run: rustup target add wasm32-unknown-unknown
  (or, on Debian without rustup's server: apt-get install rustc-web cargo-web rust-web-src lld-22, as root)"
    have rustup || die "rustup is missing; it is needed to select Debian's toolchain for wasm builds."
    [ -x /usr/bin/rustc ] && /usr/bin/rustc --version | grep -q . && [ -d /usr/lib/rustlib/src/rust/library ] \
        || apt_install rustc-web cargo-web rust-web-src lld-22 \
        || die "apt-get could not install rustc-web cargo-web rust-web-src lld-22"
    local libdir=/usr/lib/rustlib/wasm32-unknown-unknown/lib
    if ! compgen -G "$libdir/libstd-*.rlib" >/dev/null; then
        say "building the wasm32 standard library from Debian's rust-web-src (about a minute)"
        local work="$AE_TOOLS/wasm-std"
        rm -rf "$work" && mkdir -p "$work/src"
        printf '[package]\nname = "ae-wasm-std"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n' > "$work/Cargo.toml"
        printf '#![no_std]\n' > "$work/src/lib.rs"
        (cd "$work" && RUSTUP_TOOLCHAIN= RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Cembed-bitcode=yes \
            /usr/bin/cargo build --release --target wasm32-unknown-unknown \
            -Zbuild-std=std,panic_abort,panic_unwind,test >&2) || die "building the wasm32 std failed"
        mkdir -p "$libdir"
        find "$work/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libae_wasm_std-*' \
            -exec cp {} "$libdir/" \;
    fi
    rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr >&2
    has_wasm_std debian-web || die "Debian's toolchain still has no wasm32 std in $libdir"
    AE_WASM_TOOLCHAIN=debian-web
}

# cargo install, pinned, into $AE_TOOLS/cargo; skipped when that version is already there.
cargo_tool() { # crate version binary [--locked]
    local crate=$1 version=$2 bin=$3; shift 3
    if [ -x "$AE_TOOLS/cargo/bin/$bin" ] && "$AE_TOOLS/cargo/bin/$bin" --version 2>/dev/null | grep -qF "$version"; then
        return
    fi
    say "cargo install $crate $version (a few minutes, once)"
    RUSTUP_TOOLCHAIN= cargo install --quiet --root "$AE_TOOLS/cargo" "$crate" --version "$version" "$@" >&2 \
        || die "cargo install $crate $version failed"
}

# --- npm packages (wasm-opt, axe-core, ...) ----------------------------------------------------

# Exports AE_NPM, the folder whose node_modules holds exactly tools/package-lock.json. Each lock
# file gets its own folder, so that checkouts of different versions never fight over one.
ensure_npm_tools() {
    have npm || can_apt && { have npm || apt_install nodejs npm; } || true
    have npm || die "npm is missing (Node.js 18 or later). Install Node.js, then run this again."
    local stamp
    stamp=$(cat "$AE_ROOT/tools/package.json" "$AE_ROOT/tools/package-lock.json" | sha256sum | cut -c1-16)
    AE_NPM="$AE_TOOLS/npm/$stamp"
    if [ ! -f "$AE_NPM/.done" ]; then
        say "npm ci (tools/package.json)"
        rm -rf "$AE_NPM" && mkdir -p "$AE_NPM"
        cp "$AE_ROOT/tools/package.json" "$AE_ROOT/tools/package-lock.json" "$AE_NPM/"
        (cd "$AE_NPM" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in $AE_NPM"
        touch "$AE_NPM/.done"
    fi
    export AE_NPM PATH="$AE_NPM/node_modules/.bin:$PATH"
    # The map generator's source (checked by a native test).
    export AE_WORLD_ATLAS="$AE_NPM/node_modules/world-atlas/countries-50m.json"
    ensure_city_data
}

# Exports AE_CITIES, the folder of Natural Earth's populated places (naturalearth_cities.shp and
# .dbf, public domain) as the PyPI geopandas 0.14.4 wheel ships them: the sample catalogue's
# capitals take their coordinates from it (checked by a native test).
ensure_city_data() {
    AE_CITIES="$AE_TOOLS/naturalearth_cities-0.14.4"
    if [ ! -f "$AE_CITIES/.done" ]; then
        say "Natural Earth cities (PyPI geopandas 0.14.4 wheel)"
        have python3 || { can_apt && apt_install python3 python3-pip; }
        python3 -m pip --version >/dev/null 2>&1 || { can_apt && apt_install python3-pip; }
        local wheels="$AE_TOOLS/wheels"
        mkdir -p "$wheels" "$AE_CITIES"
        python3 -m pip download --quiet --no-deps --dest "$wheels" geopandas==0.14.4 >&2 \
            || die "could not download the geopandas 0.14.4 wheel from PyPI (it holds naturalearth_cities)"
        python3 - "$wheels/geopandas-0.14.4-py3-none-any.whl" "$AE_CITIES" <<'PY' || die "the geopandas wheel has no naturalearth_cities"
import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1]) as z:
    for ext in ("shp", "dbf"):
        name = f"geopandas/datasets/naturalearth_cities/naturalearth_cities.{ext}"
        with open(os.path.join(sys.argv[2], f"naturalearth_cities.{ext}"), "wb") as out:
            out.write(z.read(name))
PY
        touch "$AE_CITIES/.done"
    fi
    export AE_CITIES
}

# --- browsers ------------------------------------------------------------------------------------

# Exports CHROME (a Chromium or Chrome binary) and CHROMEDRIVER.
ensure_chromium() {
    CHROME=${CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
    CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver || true)}
    if [ -z "$CHROME" ] || [ -z "$CHROMEDRIVER" ] || ! fc-list 2>/dev/null | grep -i 'naskh\|amiri' >/dev/null; then
        if can_apt; then
            apt_install chromium chromium-driver fonts-noto-core fonts-hosny-amiri \
                || die "apt-get could not install chromium chromium-driver"
            CHROME=$(command -v chromium); CHROMEDRIVER=$(command -v chromedriver)
        fi
    fi
    [ -n "$CHROME" ] || die "no Chromium: install chromium (or Chrome) and put it on PATH, or set CHROME"
    [ -n "$CHROMEDRIVER" ] || die "no chromedriver matching your Chromium: install it and put it on PATH, or set CHROMEDRIVER"
    export CHROME CHROMEDRIVER
}

# Exports FIREFOX and GECKODRIVER (the second engine).
ensure_firefox() {
    FIREFOX=${FIREFOX:-$(command -v firefox-esr || command -v firefox || true)}
    if [ -z "$FIREFOX" ] && can_apt; then
        apt_install firefox-esr || die "apt-get could not install firefox-esr"
        FIREFOX=$(command -v firefox-esr)
    fi
    [ -n "$FIREFOX" ] || die "no Firefox: install Firefox (ESR is fine) and put it on PATH, or set FIREFOX"
    cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver --locked
    GECKODRIVER=$AE_TOOLS/cargo/bin/geckodriver
    export FIREFOX GECKODRIVER
}

# --- everything a wasm build needs -----------------------------------------------------------------

ensure_build_tools() {
    ensure_rust
    ensure_wasm_toolchain
    cargo_tool trunk "$TRUNK_VERSION" trunk --locked
    cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
    ensure_npm_tools
    export AE_WASM_TOOLCHAIN
}

# Runs a command with the wasm toolchain selected.
with_wasm_toolchain() {
    if [ -n "$AE_WASM_TOOLCHAIN" ]; then RUSTUP_TOOLCHAIN=$AE_WASM_TOOLCHAIN "$@"; else "$@"; fi
}

# Runs a release wasm build: std is rebuilt with the crate's profile (opt-level z) and
# optimize_for_size, and a panic is an immediate trap (no formatting or unwinding code in the
# module; embed.js turns a trap into the crash message). Only for wasm32: host builds (build
# scripts, proc macros, xtask) are untouched.
with_release_wasm() {
    RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort --cfg=web_sys_unstable_apis" \
        with_wasm_toolchain "$@"
}

# A private temporary folder for one run, removed when the script exits: TMPDIR points at it, so
# the browsers' profiles (Chromium's scoped dirs under chromedriver, the end-to-end scripts'
# profiles) and wasm-bindgen's scratch files never pile up in the machine's /tmp across runs.
use_private_tmp() {
    AE_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ae-run.XXXXXX")
    export TMPDIR="$AE_TMP"
    trap 'ae_cleanup_tmp' EXIT
}
ae_cleanup_tmp() {
    if [ -n "${AE_TMP:-}" ]; then rm -rf "$AE_TMP" 2>/dev/null || true; fi
}

# Serves dist/ in the background on a free port: sets AE_URL; the server stops when the script exits.
serve_dist_background() {
    local port=$((20000 + RANDOM % 20000))
    # The end-to-end checks' fault endpoints (/__faults/) too: this server is the tests'.
    (cd "$AE_ROOT" && cargo xtask serve dist --port "$port" --faults >/dev/null 2>&1) &
    AE_SERVER_PID=$!
    trap 'kill $AE_SERVER_PID 2>/dev/null || true; ae_cleanup_tmp' EXIT
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        sleep 0.1
    done
    AE_URL="http://127.0.0.1:$port/"
    export AE_URL
}

# A module of the widget's own, without Yew, into dist/ as NAME.js and NAME_bg.wasm: $1 is the
# crate, $2 the name. The publisher (`article-publisher` as `publisher`: the core, loaded by a
# reader only when it is given an authoring document) and the figures (`article-figures` as
# `figures`: the graph's layout and SVG and the timeline, loaded when they come into view), and
# the studio (`article-studio` as `studio`: studio.html's, never a reader page's).
build_module() {
    local crate=$1 name=$2
    say "$name module: cargo build -p $crate, wasm-bindgen, wasm-opt"
    (cd "$AE_ROOT" && with_release_wasm cargo build --quiet --locked --release -p "$crate" --target wasm32-unknown-unknown >&2) \
        || die "the $name module did not build"
    wasm-bindgen --target web --no-typescript --out-dir "$AE_ROOT/dist" --out-name "$name" \
        "$AE_ROOT/target/wasm32-unknown-unknown/release/${crate//-/_}.wasm" >&2 || die "wasm-bindgen failed on the $name module"
    wasm-opt -Oz --converge "$AE_ROOT/dist/${name}_bg.wasm" -o "$AE_ROOT/dist/${name}_bg.wasm" >&2 || die "wasm-opt failed on the $name module"
}

# The crates the standard library itself depends on, for -Zbuild-std (trunk builds offline).
fetch_std_deps() {
    (cd "$AE_ROOT" && with_release_wasm cargo fetch --quiet --locked --target wasm32-unknown-unknown >&2) \
        || die "could not fetch the standard library's dependencies (crates.io)"
}

# A release build of the demo into dist/.
build_release() {
    fetch_std_deps
    say "trunk build --release"
    (cd "$AE_ROOT" && with_release_wasm trunk build --release --offline >&2) || die "trunk build failed"
    build_module article-publisher publisher
    build_module article-figures figures
    build_module article-studio studio
    say "publish the seed document (the pages' documents); keep its authoring form beside it"
    (cd "$AE_ROOT" && cp assets/seed/article.json dist/seed/article.authoring.json \
        && cargo xtask publish assets/seed/article.json -o dist/seed >&2) || die "could not publish the seed document"
    say "the sample catalogue, for authoring documents that name it"
    (cd "$AE_ROOT" && mkdir -p dist/catalogues && cp assets/catalogues/*.json dist/catalogues/) || die "could not copy the catalogues"
    minify_dist
    say "finish the build: no inline script, pre-rendered article, JSON-LD"
    (cd "$AE_ROOT" && cargo xtask finish dist >&2) || die "could not finish the build"
}

# Minifies the scripts and the widget's stylesheet in dist/ (terser, csso without restructuring:
# whitespace, comments and local names only). Every reader downloads them.
minify_dist() {
    say "minify JS (terser) and CSS (csso)"
    local d="$AE_ROOT/dist" f
    for f in article-explorer.js embed.js frame.js publisher.js figures.js; do
        terser "$d/$f" --module --compress --mangle -o "$d/$f" >&2 || die "terser failed on $f"
    done
    # A classic script (no module): its top-level names stay.
    terser "$d/embed-host.js" --compress --mangle -o "$d/embed-host.js" >&2 || die "terser failed on embed-host.js"
    for f in article-explorer.css figures.css frame.css page.css fonts.css; do
        csso "$d/$f" --no-restructure -o "$d/$f" >&2 || die "csso failed on $f"
    done
}
