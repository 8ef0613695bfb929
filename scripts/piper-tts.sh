#!/usr/bin/env bash
# Installs piper-tts 1.8.0 (Piper's own runtime, from PyPI) into a Python
# virtual environment, DIR (default .cache/piper-tts, ignored by git): the
# baseline `make bench` times narrate's Piper voice against.
#
# Usage: scripts/piper-tts.sh [DIR]
set -euo pipefail
dir=${1:-.cache/piper-tts}
python=${PYTHON:-python3}
if [ -x "$dir/bin/piper" ] && "$dir/bin/python" -m pip show piper-tts 2>/dev/null | grep -qx 'Version: 1.8.0'; then
	echo "piper-tts: installed in $dir"
	exit 0
fi
[ -x "$dir/bin/python" ] || "$python" -m venv "$dir"
echo "piper-tts: pip install piper-tts==1.8.0"
"$dir/bin/python" -m pip --disable-pip-version-check -q install piper-tts==1.8.0
echo "piper-tts: installed in $dir"
