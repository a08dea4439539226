#!/usr/bin/env bash
# Times the release binary on a generated project: a full build into an empty output/, a
# no-op rebuild, `jobgen check`, and `cp -r` of the output (the I/O floor). Median of 3 runs.
#
#   bash scripts/bench.sh [N]     # N roles, default 1000
#
# The roles come from examples/synth.rs (deterministic: the same N gives the same files). The
# page cache is warm for every run; nothing is dropped. The temporary folder is removed on exit.
set -euo pipefail

n="${1:-1000}"
if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: bash scripts/bench.sh [N]   (N: number of roles, default 1000)" >&2
    exit 2
fi
runs=3
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Peak RSS needs GNU time. Install it only as root (this says so); otherwise use bash `time`.
gnu_time=/usr/bin/time
if [[ ! -x "$gnu_time" ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "bench: /usr/bin/time is missing; running as root, so installing it: apt-get install -y time" >&2
        apt-get install -y time >/dev/null 2>&1 \
            || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; } \
            || true
    fi
    if [[ ! -x "$gnu_time" ]]; then
        echo "bench: /usr/bin/time not available: wall time from bash \`time\`, no peak RSS" >&2
        gnu_time=""
    fi
fi

echo "bench: cargo build --release (jobgen and the synth example)" >&2
cargo build --release --quiet --bin jobgen --example synth
target_dir="$(cargo metadata --format-version 1 --no-deps 2>/dev/null \
    | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
target_dir="${target_dir:-$repo/target}"
jobgen="$target_dir/release/jobgen"
synth="$target_dir/release/examples/synth"

work="$(mktemp -d "${TMPDIR:-/tmp}/jobgen-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
project="$work/project"
"$synth" "$n" "$project" 2>&1 | sed 's/^/bench: /' >&2

# measure LABEL SETUP COMMAND...: runs SETUP (untimed) then COMMAND, $runs times; prints
# "LABEL<TAB>median wall seconds<TAB>median peak RSS KiB (or -)".
measure() {
    local label="$1" setup="$2"
    shift 2
    local walls=() rss=() out="$work/time.out" i w m
    for ((i = 0; i < runs; i++)); do
        eval "$setup"
        if [[ -n "$gnu_time" ]]; then
            "$gnu_time" -f "%e %M" -o "$out" "$@" >/dev/null 2>"$work/cmd.err" \
                || { cat "$work/cmd.err" >&2; echo "bench: '$label' failed" >&2; exit 1; }
            read -r w m <"$out"
        else
            local TIMEFORMAT=%R
            { time "$@" >/dev/null 2>"$work/cmd.err"; } 2>"$out" \
                || { cat "$work/cmd.err" >&2; echo "bench: '$label' failed" >&2; exit 1; }
            w="$(tail -n 1 "$out")"
            m="-"
        fi
        walls+=("$w")
        rss+=("$m")
    done
    printf '%s\t%s\t%s\n' "$label" "$(median "${walls[@]}")" "$(median "${rss[@]}")"
}

median() {
    if [[ "$1" == "-" ]]; then echo "-"; return; fi
    printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"
}

results="$work/results.tsv"
: >"$results"
measure "full build (empty output/)" 'rm -rf "$project/output"' \
    "$jobgen" --root "$project" --color never build >>"$results"
# output/ is complete now: each rebuild below finds every file unchanged.
measure "no-op rebuild" ':' \
    "$jobgen" --root "$project" --color never build >>"$results"
measure "jobgen check" ':' \
    "$jobgen" --root "$project" --color never check >>"$results"
measure "cp -r output/ (I/O floor)" 'rm -rf "$work/copy"' \
    cp -r "$project/output" "$work/copy" >>"$results"

files="$(find "$project/output" -type f | wc -l)"
out_size="$(du -sk "$project/output" | cut -f1)"
in_size="$(du -sk "$project/roles" | cut -f1)"
echo
echo "jobgen bench: $n roles, median of $runs runs, $(nproc) cores, warm page cache"
echo "input: roles/ $in_size KiB; output: $files files, $out_size KiB"
printf '%-28s %10s %14s\n' "step" "wall (s)" "peak RSS (MiB)"
while IFS=$'\t' read -r label wall kib; do
    if [[ "$kib" == "-" ]]; then mib="n/a"; else mib="$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')"; fi
    printf '%-28s %10s %14s\n' "$label" "$wall" "$mib"
done <"$results"
