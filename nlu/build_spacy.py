"""Build the project's Danish spaCy pipeline: blank "da" tokenizer plus the lookup lemmatizer."""
# No pretrained Danish weights can be downloaded here, so the pipeline is assembled from
# spaCy's Danish tokenizer rules and the lemma table shipped in spacy-lookups-data.
import sys
from pathlib import Path

import spacy


def build(out: Path) -> None:
    """Create the pipeline and save it where config.yml's SpacyNLP expects it."""
    nlp = spacy.blank("da")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "jobassistent_da"
    nlp.meta["description"] = "blank da + lookup lemmatizer (spacy-lookups-data)"
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"spaCy Danish pipeline written to {out}", file=sys.stderr)


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "models/spacy_da"))
