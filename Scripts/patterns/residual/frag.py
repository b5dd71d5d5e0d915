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
# a number as words, 1..119 (e.g. "seventy-eight", "a hundred and two" not covered)
WORDNUM = r"(?:(?:" + TENS + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" + NUMW + r")"
