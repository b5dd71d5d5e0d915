#!/usr/bin/env python3
"""Turns a corpus of .txt drafts into .docx drafts (one paragraph a line, each line one run),
with the fixture builder of the tests, so the benchmark can report .docx throughput beside .txt.

    python3 Benchmarks/make-docx-corpus.py TEXT_DIR DOCX_DIR
"""
import importlib.util
import os
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("make_docx", os.path.join(HERE, "..", "Scripts", "fixtures", "make-docx.py"))
make_docx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_docx)


def main():
    source, target = sys.argv[1], sys.argv[2]
    count = 0
    for folder, _, names in os.walk(source):
        for name in sorted(names):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                lines = handle.read().split("\n")
            body = "".join(make_docx.para(make_docx.run(escape(line))) for line in lines)
            relative = os.path.relpath(os.path.join(folder, name[:-4] + ".docx"), source)
            os.makedirs(os.path.dirname(os.path.join(target, relative)), exist_ok=True)
            make_docx.Package(body).write(os.path.join(target, relative))
            count += 1
    print(count)


if __name__ == "__main__":
    main()
