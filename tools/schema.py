"""JSON Schemas for the data files, generated from the models so editors flag mistakes while typing.

    python -m tools.schema          # rewrite the *.schema.json files beside the data
    python -m tools.schema --check  # exit 1 if a committed schema is out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from macros.library import VOCABULARY_FILE
from macros.models import Lexicon, PhraseFile, Quiz, RolePlay, Synonyms, Thesaurus, Vocabulary

SCHEMAS = {
    Path("quizzes/quiz.schema.json"): (Quiz, "客诉通 quiz file"),
    Path("phrases/phrases.schema.json"): (PhraseFile, "客诉通 phrase library file"),
    Path("phrases/vocabulary.schema.json"): (Vocabulary, "客诉通 phrase vocabulary (scenarios, customer types)"),
    Path("phrases/synonyms.schema.json"): (Synonyms, "客诉通 finder synonyms"),
    Path("phrases/lexicon.schema.json"): (Lexicon, "客诉通 finder situation lexicon"),
    Path("phrases/thesaurus.schema.json"): (Thesaurus, "客诉通 finder thesaurus (generated)"),
    Path("roleplays/roleplay.schema.json"): (RolePlay, "客诉通 role-play card"),
}


def schema_text(model, title: str, vocabulary: dict | None = None) -> str:
    schema = model.model_json_schema()
    if vocabulary and "Phrase" in schema.get("$defs", {}):
        # Offer the controlled vocabulary as completions in editors.
        properties = schema["$defs"]["Phrase"]["properties"]
        for field in ("scenarios", "customer_types"):
            properties[field]["items"] = {"enum": vocabulary.get(field, []), "type": "string"}
    if vocabulary and "CustomerBrief" in schema.get("$defs", {}):
        schema["$defs"]["CustomerBrief"]["properties"]["psychology"]["items"] = {
            "enum": vocabulary.get("customer_types", []), "type": "string"}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    vocabulary = yaml.safe_load((root / "phrases" / VOCABULARY_FILE).read_text(encoding="utf-8"))
    stale = []
    for relative, (model, title) in SCHEMAS.items():
        path = root / relative
        text = schema_text(model, title, vocabulary)
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(relative))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {relative}")
    if stale:
        print("out of date: " + ", ".join(stale) + " — run: python -m tools.schema", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
