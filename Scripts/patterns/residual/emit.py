import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from starts import STARTS

def q(s):
    return json.dumps(s, ensure_ascii=False)

def emit(path, header, rules):
    out = [header.rstrip() + "\n", "rules:\n"]
    for r in rules:
        if "section" in r:
            out.append("\n  # " + "-" * 70 + "\n  # " + r["section"] + "\n")
            continue
        out.append("\n  - id: " + r["id"] + "\n")
        out.append("    category: " + r["category"] + "\n")
        out.append("    description: " + q(r["description"]) + "\n")
        rx = r["regex"]
        assert "\n" not in rx
        out.append("    regex: |-\n      " + rx + "\n")
        if r["id"] in STARTS:
            out.append("    starts-with: " + q(STARTS[r["id"]]) + "\n")
        if r.get("caseless"):
            out.append("    caseless: true\n")
        out.append("    confidence: " + str(r["confidence"]) + "\n")
        out.append("    action: " + r["action"] + "\n")
        if r["action"] == "flag":
            out.append("    reason: " + q(r["reason"]) + "\n")
            out.append("    suggestion: " + q(r["suggestion"]) + "\n")
            if r.get("generalise"):
                out.append("    generalise: " + q(r["generalise"]) + "\n")
            if r.get("whole_name"):
                out.append("    whole-name: true\n")
        if r.get("requires"):
            out.append("    requires: [" + ", ".join(q(x) for x in r["requires"]) + "]\n")
        out.append("    examples:\n      match:\n")
        for m in r["match"]:
            if isinstance(m, tuple):
                out.append("        - text: " + q(m[0]) + "\n          value: " + q(m[1]) + "\n")
            else:
                out.append("        - " + q(m) + "\n")
        if r.get("nomatch"):
            out.append("      no-match:\n")
            for m in r["nomatch"]:
                out.append("        - " + q(m) + "\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))
