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

def with_subroutines(regex, defs):
    """Writes each repeated fragment of `regex` once: every occurrence of a fragment becomes a call
    `(?&name)` (when it occurs twice or more) and the fragment is defined once in a trailing `(?(DEFINE)…)` block. `defs` lists
    (name, fragment), larger fragments (that contain smaller ones) first. PCRE2 subroutine calls
    backtrack like the inline text they replace, so the rule finds exactly the same matches."""
    used = []
    for name, fragment in defs:
        if regex.count(fragment) + sum(f.count(fragment) for _, f in used) >= 2:
            regex = regex.replace(fragment, "(?&" + name + ")")
            used.append((name, fragment))
    bodies = []
    for index, (name, fragment) in enumerate(used):
        body = fragment
        for inner, inner_fragment in used[index + 1:]:
            body = body.replace(inner_fragment, "(?&" + inner + ")")
        bodies.append("(?<" + name + ">" + body + ")")
    return regex + ("(?(DEFINE)" + "".join(bodies) + ")" if bodies else "")

def emit(header, rules):
    out = [header.rstrip(), "rules:"]
    for r in rules:
        if r.get("comment"):
            for line in r["comment"].strip().splitlines():
                out.append("  # " + line)
        out.append(f"  - id: {r['id']}")
        out.append(f"    category: {r['category']}")
        out.append(f"    description: {qd(r['description'])}")
        regex = with_subroutines(r['regex'], r['defs']) if r.get("defs") else r['regex']
        out.append(f"    regex: {q(regex)}")
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
