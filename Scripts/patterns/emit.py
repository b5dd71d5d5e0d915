"""Tiny YAML emitter that keeps key order and writes readable scalars."""
import json
from starts import STARTS

def q(s):
    if any(c in s for c in "\n\t\r") or any(ord(c) < 32 for c in s):
        return json.dumps(s, ensure_ascii=False)
    return "'" + s.replace("'", "''") + "'"

def qd(s):
    if '\\' in s or any(c in s for c in "\n\t\r"):
        return json.dumps(s, ensure_ascii=False)
    if '"' in s:
        return q(s)
    return '"' + s + '"'

def emit(header, rules):
    out = [header.rstrip(), "rules:"]
    for r in rules:
        if r.get("comment"):
            for line in r["comment"].strip().splitlines():
                out.append("  # " + line)
        out.append(f"  - id: {r['id']}")
        out.append(f"    category: {r['category']}")
        out.append(f"    description: {qd(r['description'])}")
        out.append(f"    regex: {q(r['regex'])}")
        starts = r.get("starts") or STARTS.get(r['id'])
        if starts: out.append(f"    starts-with: {q(starts)}")
        if r.get("caseless"): out.append("    caseless: true")
        if r.get("validator"): out.append(f"    validator: {r['validator']}")
        out.append(f"    confidence: {r['confidence']}")
        out.append(f"    action: replace")
        out.append(f"    placeholder: {qd(r['placeholder'])}")
        if r.get("requires"):
            out.append("    requires: [" + ", ".join(qd(x) for x in r["requires"]) + "]")
        out.append("    examples:")
        out.append("      match:")
        for m in r["match"]:
            if isinstance(m, tuple):
                out.append(f"        - text: {qd(m[0])}")
                out.append(f"          value: {qd(m[1])}")
            else:
                out.append(f"        - {qd(m)}")
        if r.get("nomatch"):
            out.append("      no-match:")
            for m in r["nomatch"]:
                out.append(f"        - {qd(m)}")
    return "\n".join(out) + "\n"
