#!/usr/bin/env python3
"""Generate a benchmark corpus of a given size from Samples/: varied copies of the
sample drafts, each with fresh synthetic people and identifiers.

usage: make-corpus.py SIZE_MB OUT_DIR [--files-per-dir N] [--seed S] [--single-file]

Every person mention and identifier recorded in Samples/expected/NAME.audit.jsonl is
replaced, consistently within each copy, by another name from the project's own word
lists or a freshly drawn identifier of the same shape (digits for digits, letters for
letters). Deterministic for a given seed.
"""
import argparse
import json
import os
import random
import re

# The Ombudsman's case reference ("24 013 403"): each copy is a case of its own, as in a real
# archive (otherwise every copy of a sample would pile its people into one case).
CASE_REFERENCE = re.compile(r"\b[0-9]{2} [0-9]{3} [0-9]{3}\b")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_list(name, limit=None):
    with open(os.path.join(ROOT, "Patterns", "lists", name), encoding="utf-8") as f:
        words = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return words[:limit] if limit else words


def load_samples():
    drafts = os.path.join(ROOT, "Samples", "drafts")
    expected = os.path.join(ROOT, "Samples", "expected")
    samples = []
    for name in sorted(os.listdir(drafts)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(drafts, name), encoding="utf-8") as f:
            text = f.read()
        spans = []
        with open(os.path.join(expected, name[:-4] + ".audit.jsonl"), encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record.get("type") == "replacement":
                    spans.append((record["start"], record["end"], record["category"]))
        samples.append((name[:-4], text, spans))
    return samples


def reshape(text, rng):
    """Same shape, fresh characters: digits → digits, letters → letters of the same case."""
    out = []
    for ch in text:
        if ch.isdigit():
            out.append(str(rng.randint(0, 9)))
        elif "A" <= ch <= "Z":
            out.append(chr(rng.randint(65, 90)))
        elif "a" <= ch <= "z":
            out.append(chr(rng.randint(97, 122)))
        else:
            out.append(ch)
    return "".join(out)


def variant(text, spans, rng, first_names, surnames):
    """One copy with fresh people (a consistent word-for-word mapping) and identifiers."""
    mapping = {}

    def rename(word, is_surname):
        if word not in mapping:
            mapping[word] = rng.choice(surnames if is_surname else first_names)
        return mapping[word]

    titles = {"Mr", "Mrs", "Miss", "Ms", "Mx", "Dr", "Prof", "the", "The", "and", "her", "his", "their"}
    pieces, last = [], 0
    for start, end, category in sorted(spans):
        pieces.append(text[last:start])
        original = text[start:end]
        if category == "person":
            words = original.replace(",", " ,").split(" ")
            names = [i for i, w in enumerate(words) if w not in titles and w[:1].isupper() and len(w) > 1]
            for i in names:
                words[i] = rename(words[i], is_surname=(i == names[-1] and len(names) > 1) or (len(names) == 1 and i > 0))
            pieces.append(" ".join(words).replace(" ,", ","))
        else:
            pieces.append(reshape(original, rng))
        last = end
    pieces.append(text[last:])
    copy = "".join(pieces)
    # Names outside recorded spans (first-name-only mentions etc.) follow the same mapping.
    for old, new in mapping.items():
        copy = copy.replace(old, new)
    references = {}
    return CASE_REFERENCE.sub(lambda m: references.setdefault(m.group(0), reshape(m.group(0), rng)), copy)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size_mb", type=float)
    parser.add_argument("out_dir")
    parser.add_argument("--files-per-dir", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--single-file", action="store_true", help="write one file of the given size")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    first_names = read_list("first-names.txt", 5000)
    surnames = read_list("surnames.txt", 5000)
    samples = load_samples()
    target = int(args.size_mb * 1024 * 1024)
    os.makedirs(args.out_dir, exist_ok=True)
    written, count = 0, 0
    single = open(os.path.join(args.out_dir, "archive.txt"), "w", encoding="utf-8") if args.single_file else None
    while written < target:
        name, text, spans = samples[count % len(samples)]
        copy = variant(text, spans, rng, first_names, surnames)
        if single:
            single.write(copy + "\n")
        else:
            folder = os.path.join(args.out_dir, f"{count // args.files_per_dir:04d}")
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{count:07d}-{name}.txt"), "w", encoding="utf-8") as f:
                f.write(copy)
        written += len(copy.encode("utf-8"))
        count += 1
    if single:
        single.close()
    print(f"{count} documents, {written / 1048576:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
