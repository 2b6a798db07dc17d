"""Batch parsing for bin/nlu-parse: text lines on stdin, one JSON object per line on stdout."""
# Runs in the Rasa environment and loads the model in-process: no server needed.
import asyncio
import contextlib
import json
import logging
import sys
from pathlib import Path

from nlu.client import from_rasa

RANKING_SIZE = 10


async def run(model: Path, lines: list[str], out) -> None:  # type: ignore[no-untyped-def]
    # Everything Rasa and TensorFlow print while loading goes to stderr; stdout carries only JSON.
    with contextlib.redirect_stdout(sys.stderr):
        from rasa.core.agent import Agent
        agent = Agent.load(str(model))
    for text in lines:
        with contextlib.redirect_stdout(sys.stderr):
            result = from_rasa(await agent.parse_message(text))
        out.write(json.dumps({
            "text": text,
            "intent": result.intent,
            "confidence": round(result.confidence, 4),
            "fallback": result.fallback,
            "ranking": [{"intent": n, "confidence": round(c, 4)} for n, c in result.ranking[:RANKING_SIZE]],
            "entities": result.entities,
        }, ensure_ascii=False) + "\n")
        out.flush()


def main() -> int:
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("models/nlu.tar.gz")
    if not model.exists():
        print(f"nlu-parse: no trained model at {model}: run 'make setup' (or 'make train') first", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    lines = [line.rstrip("\r\n") for line in sys.stdin.buffer.read().decode("utf-8", "replace").split("\n")]
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another message
    asyncio.run(run(model, lines, sys.stdout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
