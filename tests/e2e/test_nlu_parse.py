"""bin/nlu-parse as contracts/nlu-parse.md says: lines in, one JSON object per line out, nothing else."""
import json
import subprocess

from bot.settings import ROOT

LINES = ["kan jeg flytte min samtale til fredag", "", "hej", "hvad er FGU", "æøå 😀 \t tab", "x" * 3000]


def test_one_json_object_per_line_in_order():
    proc = subprocess.run([str(ROOT / "bin" / "nlu-parse")], input="\n".join(LINES) + "\n", capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout.splitlines()
    assert len(out) == len(LINES)
    results = [json.loads(line) for line in out]
    for line, result in zip(LINES, results):
        assert result["text"] == line
        assert result["intent"] != "nlu_fallback" and isinstance(result["fallback"], bool)
        assert 0.0 <= result["confidence"] <= 1.0 and len(result["ranking"]) >= 3
        assert all(set(r) == {"intent", "confidence"} for r in result["ranking"])
    first = results[0]
    assert first["intent"] == "reschedule_meeting" and not first["fallback"]
    assert {"entity": "weekday", "value": "fredag", "start": 31, "end": 37} in first["entities"]
    assert results[1]["fallback"]  # an empty line is a message that is not understood
    assert any(e["entity"] == "education" for e in results[3]["entities"])


def test_missing_model_is_one_clear_line_and_nonzero():
    proc = subprocess.run([str(ROOT / ".venv-rasa" / "bin" / "python"), "-m", "nlu.parse_batch", "/nonexistent.tar.gz"],
                          input="hej\n", capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode != 0 and proc.stdout == ""
    assert "make setup" in proc.stderr.strip().splitlines()[-1]
