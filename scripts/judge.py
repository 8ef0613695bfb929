"""The listening judges of narrate's voice check (bench/judge_test.go).

Reads a JSON list of {"id", "wav", "lang"} on stdin and writes one JSON
object per line: {"id", "text", "mos"}, where text is what Whisper base
(faster-whisper, CTranslate2, int8 on the CPU) hears in the WAV, told its
language, and mos is DistillMOS's predicted naturalness (1-5) of the WAV
at 16 kHz. Scoring the transcript against the text is the caller's.

Run it with the Python of the environment scripts/judges.sh makes:
    .cache/judges/bin/python scripts/judge.py MODEL_DIR < list.json
"""
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "2")

import distillmos  # noqa: E402
import soundfile  # noqa: E402
import torch  # noqa: E402
import torchaudio  # noqa: E402
from faster_whisper import WhisperModel  # noqa: E402


def main():
    model_dir = sys.argv[1]
    items = json.load(sys.stdin)
    torch.set_num_threads(2)
    whisper = WhisperModel(model_dir, device="cpu", compute_type="int8", cpu_threads=2)
    sqa = distillmos.ConvTransformerSQAModel()
    sqa.eval()
    for it in items:
        segments, _ = whisper.transcribe(it["wav"], language=it["lang"], beam_size=5, vad_filter=False)
        text = " ".join(s.text.strip() for s in segments)
        samples, rate = soundfile.read(it["wav"], dtype="float32", always_2d=True)
        x = torch.from_numpy(samples.mean(axis=1))
        if rate != 16000:
            x = torchaudio.functional.resample(x, rate, 16000)
        with torch.no_grad():
            mos = float(sqa(x[None, :]).mean())
        print(json.dumps({"id": it["id"], "text": text, "mos": mos}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
