import re
# Shared regex fragments (expanded into each rule; PCRE2, UTF+UCP).
SP = r"[ \x{A0}]"                     # one horizontal space (incl. no-break)
# a capitalised name word: Oakwood, O'Brien, Anne's, Stoke-on-Trent, Thomas', Co-op
CAPW = r"(?>\p{Lu}(?:[\p{L}\p{M}]+|['’]\p{Lu}[\p{L}\p{M}]+)(?:[-'’]\p{L}+)*['’]?)(?![\p{L}\p{M}])"
MIXW = r"(?>\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:[-'’]\p{L}+)*)(?![\p{L}\p{M}])"   # capitalised, not an acronym, no trailing apostrophe

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

# words that start sentences or name generic things: never the first word of a name
STOP = ("The|This|That|These|Those|An|His|Her|Hers|Their|Its|Our|Your|My|Each|Every|Any|All|Some|No|Not|"
        "Which|What|When|Where|While|Whilst|Whether|If|In|At|On|To|From|For|By|With|Within|Without|As|And|But|Or|Nor|So|"
        "Both|Another|Other|Such|Previous|Former|Current|Same|Local|Nearby|Then|There|Here|After|Before|During|"
        "Since|Until|Once|Although|Though|Because|However|Therefore|Also|Only|Even|Further|Furthermore|Following|"
        "Despite|Given|Between|About|Under|Over|Upon|Into|Onto|Through|Later|Earlier|Now|Today|Last|Next|"
        "First|Second|Third|One|Two|Three|Four|Five|Six|Many|Most|Several|He|She|They|It|We|You|Dear|"
        "Council|Councils|County|Borough|City|District|Authority|Ombudsman|Government|Department|Tribunal|Court|"
        "Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Prof|Professor|Cllr|Councillor|"
        + MONTHS + "|" + DAYS + "|"
        "Summary|Final|Decision|Category|Stage|Section|Part|Schedule|Paragraph|Regulation|Chapter|Annex|"
        "Appendix|Act|Code|Guidance|Ofsted|NHS|EHC|EHCP|SEN|SEND|SENCO|UK|England|Wales|Scotland|Britain|"
        "British|English|Welsh|Christmas|Easter")

def stop(extra=""):
    """Not a stop word. Always followed by a capitalised word, so a cheap (?=\p{Lu}) goes first:
    PCRE2 tries the long stop-word alternation only where a capital letter stands."""
    s = STOP + ("|" + extra if extra else "")
    return r"(?=\p{Lu})(?!(?:" + s + r")\b)"

NUMW = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        "sixteen|seventeen|eighteen|nineteen")
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
UNITS = "one|two|three|four|five|six|seven|eight|nine"
# a number as words below a hundred: "seventy-eight", "seventy eight", "sixteen"
WORD99 = r"(?:(?:" + TENS + r")(?:[- ](?:" + UNITS + r"))?|" + NUMW + r")"
# a hundred and more, as an age is written: "a hundred", "one hundred and two", "hundred-and-one"
# (the article "a" stays outside: "a hundred years old" has the value "hundred years old")
HUNDRED = r"(?:one[- ])?hundred(?:(?:[- ]and)?[- ](?:" + WORD99 + r"))?"
# a number as words, 1..199 (an age): hundreds first, so "one hundred" is not read as "one"
WORDNUM = r"(?:" + HUNDRED + r"|" + WORD99 + r")"
# the same without "one" on its own ("she is one of…" is not an age), for looser frames
WORDNUM_NOT_ONE = r"(?:" + HUNDRED + r"|(?:" + TENS + r")(?:[- ](?:" + UNITS + r"))?|(?!one\b)(?:" + NUMW + r"))"
# an ordinal as words: "eightieth", "ninety-second", "sixteenth" (birthdays, "in her 88th year")
ORDW = (r"(?:(?:" + TENS + r")[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
        r"(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|hundredth|"
        r"(?:four|fif|six|seven|eigh|nine)teenth|eleventh|twelfth|thirteenth|tenth)")


def _walk(text, start=0):
    """(index, character, depth) for every character outside escapes and classes, from
    `start`; depth counts the groups open before the character."""
    depth, in_class, i = 0, False, start
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            yield i, c, depth
            depth += 1 if c == "(" else -1 if c == ")" else 0
        i += 1


def _split_top(alternation):
    """The top-level alternatives of a regex fragment."""
    cuts = [i for i, c, depth in _walk(alternation) if c == "|" and depth == 0]
    bounds = [-1] + cuts + [len(alternation)]
    return [alternation[bounds[k] + 1:bounds[k + 1]] for k in range(len(bounds) - 1)]


def _group_end(text, open_index):
    """The index just past the ")" closing the group that opens at open_index."""
    for i, c, depth in _walk(text, open_index):
        if c == ")" and depth == 1:
            return i + 1
    raise ValueError("unbalanced group")


def leading_literals(alternation, minimum=3):
    """For `requires`: the literal every match of each alternative starts with, lower-cased —
    or None when an alternative starts with regex syntax, an optional part or too short a
    literal. Every match then contains one of them, on its own line (the fragment must not
    cross lines)."""
    found = []
    for alternative in _split_top(alternation):
        # Zero-width assertions consume nothing: the literal comes after them.
        while True:
            if alternative.startswith("\\b"):
                alternative = alternative[2:]
            elif alternative.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                alternative = alternative[_group_end(alternative, 0):]
            else:
                break
        named = re.match(r"\(\?<[A-Za-z][A-Za-z0-9]*>|\(\?\||\(\?:|\(\?i:", alternative)
        if named:
            end = _group_end(alternative, 0)
            if end < len(alternative) and alternative[end] in "?*{":
                # An optional group: what follows it is in every match.
                rest = alternative[end + 1:]
                if alternative[end] == "{":
                    rest = rest[rest.index("}") + 1:]
                rest = rest.lstrip("+?")  # possessive or lazy
                literals = leading_literals(rest, minimum) if rest else None
                if literals is None:
                    return None
                found += literals
                continue
            inner = alternative[named.end():end - 1]
            literals = leading_literals(inner, minimum)
            if literals is None:
                return None
            found += literals
            continue
        prefix = ""
        for c in alternative:
            if c.isascii() and (c.isalnum() or c in " -&/"):
                prefix += c
            else:
                break
        rest = alternative[len(prefix):]
        if rest[:1] in ("?", "*", "{") and prefix:
            prefix = prefix[:-1]  # the last character is optional
        if len(prefix) < minimum:
            return None
        found.append(prefix.lower())
    return sorted(set(found))
