import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from starts import STARTS
TITLE = r"(?:Mrs|Mr|Miss|Ms|Mx|Dr|Prof|Professor|Revd|Rev|Reverend|Sir|Dame|Lady|Lord|Cllr|Councillor|PC|PCSO|DC|DS|DI|Sgt|Insp|Inspector|Sergeant|Constable)"
NW = r"(?:\p{Lu}['’ʼ])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:[-‐‑]\p{Lu}[\p{Ll}\p{M}]+)*"
PART = r"(?:ap|ab|van|von|der|den|de|da|di|du|del|della|dos|das|le|la|bin|binti|bint|ibn|al|el|ter|ten|ní|nic|ó)"
NAME = rf"(?:{PART}[ \t]+)*{NW}"
NOTJUDGE = r"(?!(?:Justice|Chancellor|Mayor|Chief|President|Speaker|Bishop|Lieutenant|Advocate|Chairman)\b)"
ROLE = (r"(?:(?:[\p{Ll}'’-]+|SEN|SEND|ASC)[ \t]+){0,2}"
        r"(?:social[ \t]+worker|team[ \t]+manager|team[ \t]+leader|service[ \t]+manager|care[ \t]+manager|care[ \t]+co-?ordinator"
        r"|case[ \t]*worker|case[ \t]+officer|complaints?[ \t]+(?:officer|manager|handler|investigator)"
        r"|housing[ \t]+(?:officer|manager|adviser|advisor|needs[ \t]+officer)|tenancy[ \t]+officer|allocations[ \t]+officer"
        r"|planning[ \t]+officer|enforcement[ \t]+officer|environmental[ \t]+health[ \t]+officer|parking[ \t]+officer"
        r"|highways?[ \t]+officer|education[ \t]+officer|SENCO|SENDCO|SEND?[ \t]+(?:officer|caseworker|case[ \t]+officer)"
        r"|head[ \t]*teacher|deputy[ \t]+head|class[ \t]+teacher|teacher|head[ \t]+of[ \t]+service|director|chief[ \t]+executive"
        r"|monitoring[ \t]+officer|investigating[ \t]+officer|reviewing[ \t]+officer|IRO|assessor|occupational[ \t]+therapist"
        r"|physiotherapist|GP|doctor|consultant|psychiatrist|psychologist|paediatrician|district[ \t]+nurse|nurse|health[ \t]+visitor"
        r"|midwife|support[ \t]+worker|key[ \t]*worker|family[ \t]+support[ \t]+worker|advocate|solicitor|barrister|MP"
        r"|ward[ \t]+councillor|councillor|registered[ \t]+manager|home[ \t]+manager|practitioner|interpreter|inspector|investigator"
        r"|surveyor|contractor|agent|bailiff|adviser|advisor|administrator|clerk|warden|therapist|counsellor|governor"
        r"|head|headmaster|headmistress|principal|lawyer|representative|mediator|auditor|commissioner|chair|chairman|chairwoman"
        r"|officer|manager)")
DET = r"(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)"
STAFFNAME = rf"(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}}"
RELATION = (r"(?:late[ \t]+|former[ \t]+|elder[ \t]+|older[ \t]+|younger[ \t]+|eldest[ \t]+|youngest[ \t]+|adult[ \t]+|teenage[ \t]+|infant[ \t]+|disabled[ \t]+)?"
            r"(?:son|daughter|child|boy|girl|baby|brother|sister|mother|father|mum|dad|wife|husband|partner|fiancée?|grandmother|grandfather"
            r"|grandson|granddaughter|grandchild|nan|nana|grandma|grandad|granddad|aunt|auntie|uncle|nephew|niece|cousin|neighbour|friend"
            r"|lodger|ex-partner|ex-husband|ex-wife|mother-in-law|father-in-law|sister-in-law|brother-in-law|daughter-in-law|son-in-law"
            r"|twin|stepson|stepdaughter|stepfather|stepmother|stepbrother|stepsister|half-brother|half-sister|foster[ \t]+child|foster[ \t]+son"
            r"|foster[ \t]+daughter|landlord|landlady)")

rules = []
def rule(id, desc, regex, conf, match, nomatch):
    rules.append((id, desc, regex, conf, match, nomatch))

rule("person.couple", "A couple under one surname: Mr and Mrs Whitfield, Mr & Mrs Whitfield.",
     rf"\b(?<title>Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ \t]+(?:and|&)[ \t]+(?<title2>Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ \t]+(?<name>{NAME})",
     0.95,
     [("Mr and Mrs Okafor asked for a review.", "Okafor"), ("Mr & Mrs van der Berg’s house", "van der Berg")],
     ["Mr and Mrs X asked for a review.", "Mr and the Council"])
rule("person.titled", "A title followed by one to three names, with optional initials: Mrs Jane Whitfield, Mr O'Brien, Dr A. Patel, Ms Zoë ap Rhys.",
     rf"\b(?<title>{TITLE})\.?[ \t]+{NOTJUDGE}(?<name>(?:\p{{Lu}}\.?[ \t]+){{0,2}}{NAME}(?:[ \t]+{NAME}){{0,3}})",
     0.95,
     [("I spoke to Mrs Jane Whitfield yesterday.", "Jane Whitfield"), ("Mr O'Brien’s complaint", "O'Brien"),
      ("Dr A. Patel wrote", "A. Patel"), ("Ms Zoë ap Rhys replied", "Zoë ap Rhys"), ("Mr Łukasz Nowak", "Łukasz Nowak"),
      ("Miss Hannah Smith-Jones complained", "Hannah Smith-Jones"), ("Mrs McDonald said", "McDonald"),
      ("Cllr Ann Reeve", "Ann Reeve"), ("Mrs Hannah Smith‑Jones said", "Hannah Smith‑Jones"), ("Mr Seán Oʼ" + "Neill wrote", "Seán Oʼ" + "Neill"), ("told the officer, PC Ahmed, that", "Ahmed")],
     ["Mrs X complained.", "Mr and Mrs Y", "Lord Justice Munby said"])
rule("person.full", "An untitled full name: a first name from the gazetteer followed by a capitalised surname (Jane Whitfield, Kwame Mensah).",
     rf"\b(?=(?<value>(?<given>{NW})[ \t]+(?<surname>{NAME})\b))",
     0.8,
     [("I spoke to Jane Whitfield yesterday.", "Jane Whitfield"), ("Kwame Mensah said", "Kwame Mensah"), ("Siobhán Byrne’s son", "Siobhán Byrne")],
     ["Reading Borough Council", "The Council said", "Victoria Road", "Local Government Act"])
rule("person.inverted", "A record-style name, SURNAME first in capitals: 'BOATENG, Kwame'.",
     rf"\b(?<surname>\p{{Lu}}{{2,}}(?:[-'’]\p{{Lu}}{{2,}})*)[ \t]*,[ \t]*(?<given>{NW})\b",
     0.85,
     [("his details as \"BOATENG, Kwame, date of birth", "BOATENG, Kwame")],
     ["NOTE, Council tax", "FINAL DECISION, Summary"])
rule("person.complainant", "A name introduced as the complainant: a 'Complainant:' header line, 'the complainant, Mr ...', 'whom I refer to as Mrs ...'.",
     rf"(?:(?m:^)[ \t]*(?<complainant>Complainant|Complainants|Name of complainant|Client|Applicant|Appellant|Service user)[ \t]*:[ \t]*|(?<complainant2>[Tt]he[ \t]+complainant(?:s)?)[ \t]*,?[ \t]*(?:(?:whom|who)[ \t]+I[ \t]+(?:will|shall|have)?[ \t]*(?:refer[ \t]+to|call|called|referred[ \t]+to)[ \t]+(?:here[ \t]+)?(?:as[ \t]+)?)?|(?:whom|who)[ \t]+I[ \t]+(?:will[ \t]+|shall[ \t]+)?(?:refer[ \t]+to|call)[ \t]+(?:here[ \t]+)?(?:as[ \t]+)?)(?<name>(?:{TITLE}\.?[ \t]+)?(?:\p{{Lu}}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}})",
     0.95,
     [("Complainant: Mrs Jane Whitfield", "Mrs Jane Whitfield"), ("The complainant, Mr Tom Reid, says", "Mr Tom Reid"),
      ("The complainant, whom I refer to as Ms Okafor, says", "Ms Okafor")],
     ["The complainant says the Council was at fault."])
rule("person.relation", "A name given beside a family or personal relationship: her son, Tom; his wife Priya; their neighbour, Mrs Ann Cole.",
     rf"\b(?:(?<pronoun>[Hh]er|[Hh]is)|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|(?:[Tt]he[ \t]+)?[\p{{L}}-]+['’]s)[ \t]+(?<relation>{RELATION})(?:[ \t]*,[ \t]*|[ \t]+)(?<name>(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME})?)",
     0.9,
     [("her son, Tom, was", "Tom"), ("his wife Priya said", "Priya"), ("their neighbour, Mrs Ann Cole, said", "Mrs Ann Cole"),
      ("Gurpreet's son, Arjun, is 14", "Arjun"), ("The complainant's daughter, Eilidh, lives nearby", "Eilidh"),
      ("her late father, Mr Arthur Cole", "Mr Arthur Cole")],
     ["her son was at school", "his mother. The Council"])
rule("person.relation-after", "A titled name followed by a relationship: 'Mrs Ann Cole, her mother,' or 'Mrs Nwosu, Adaeze's mother'.",
     rf"\b(?<name>{TITLE}\.?[ \t]+{NAME}(?:[ \t]+{NAME})?)[ \t]*,[ \t]*(?:[Hh]er|[Hh]is|[Tt]heir|(?:{TITLE}[ \t]+)?(?<owner>{NW})['’]s)[ \t]+(?<relation>{RELATION})\b",
     0.9,
     [("Mrs Ann Cole, her mother, said", "Mrs Ann Cole"), ("Mrs Nwosu, Adaeze's mother, lives nearby", "Mrs Nwosu")],
     ["Mrs Cole, the Council said"])
rule("person.named", "A name introduced by 'named', 'called' or 'known as'.",
     rf"\b(?:named|called|known[ \t]+as|nicknamed)[ \t]+(?<name>{NAME}(?:[ \t]+{NAME})?)",
     0.8,
     [("a boy named Tom", "Tom"), ("his friend, known as Dee Okafor", "Dee Okafor")],
     ["the school called a meeting"])
rule("person.salutation", "The name after 'Dear' in a quoted letter.",
     rf"\bDear[ \t]+(?<name>(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}})",
     0.9,
     [("Dear Jane,", "Jane"), ("Dear Mrs Whitfield", "Mrs Whitfield")],
     ["my dear friend"])
rule("person.signoff", "The name under a sign-off in a quoted letter or email.",
     rf"\b(?:Yours[ \t]+(?:sincerely|faithfully|truly)|(?:Kind|Best|Warm|Many)[ \t]+(?:regards|wishes|thanks)|Regards|Thanks|Thank[ \t]+you|Best)[ \t]*,?[ \t]*(?:\r?\n[ \t]*)?(?<name>(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}})(?=[ \t]*(?:\r?\n|$|,))",
     0.9,
     [("Kind regards,\nJane Whitfield\n", "Jane Whitfield"), ("Yours sincerely, Tom\n", "Tom")],
     ["Kind regards,\n\nThe Council"])
rule("person.email-header", "A name in a quoted email's From, To or Cc line.",
     rf"(?m)^[ \t>]*(?:From|To|Cc|CC|Sent[ \t]+by|Sender)[ \t]*:[ \t]*(?<name>(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}})(?=[ \t]*(?:<|\(|\[|,|;|\r?\n|$))",
     0.9,
     [("From: Jane Whitfield <jane@example.com>\n", "Jane Whitfield"), ("To: Mr Tom Reid\n", "Mr Tom Reid")],
     ["To: the Council\n"])
rule("person.staff-after", "A named person followed by their role: 'Ms Priya Shah, the social worker,' or 'Mr Dan Reid (the team manager)': refer to them by role.",
     rf"\b(?<name>{STAFFNAME})(?:[ \t]*,[ \t]*(?<role>{DET}[ \t]+(?:Council's[ \t]+|Council’s[ \t]+|school's[ \t]+|school’s[ \t]+)?{ROLE})\b(?=[ \t]*[,.;:)]|[ \t]+(?:at|for|from|of|in|with|who|and)\b)(?<trail>[ \t]*,)?|[ \t]*\((?<role2>(?:{DET}[ \t]+)?{ROLE})\))",
     0.9,
     [("Ms Priya Shah, the social worker, visited", "Ms Priya Shah"), ("Mr Dan Reid (the team manager) said", "Mr Dan Reid"),
      ("I spoke to Dr Ann Lowe, her GP.", "Dr Ann Lowe"), ("Mr Tom Ray, a second assessor, upheld it", "Mr Tom Ray"),
      ("Dr Eve Hart (the educational psychologist) said", "Dr Eve Hart"), ("Representative: Ms Grace Long (solicitor)", "Ms Grace Long")],
     ["Mrs X, the complainant, said", "Mr Reid, a friend, said"])
rule("person.staff-before", "A role followed by the person's name: 'the social worker, Ms Priya Shah,' or 'her MP, Jo Bloggs MP': the name is dropped.",
     rf"\b(?<role>(?:{DET}|(?:{TITLE}[ \t]+)?{NW}['’]s)[ \t]+(?:Council's[ \t]+|Council’s[ \t]+)?{ROLE})(?:[ \t]*,[ \t]*(?<name>{STAFFNAME})(?:[ \t]+MP)?(?<trail>[ \t]*,)?|[ \t]+(?<name2>{TITLE}\.?[ \t]+{NAME}(?:[ \t]+{NAME}){{0,2}}))",
     0.9,
     [("the social worker, Ms Priya Shah, visited", "Ms Priya Shah"), ("her MP, Jo Bloggs MP, wrote", "Jo Bloggs"),
      ("the team manager Mr Dan Reid said", "the team manager Mr Dan Reid"), ("Jane's GP, Dr Kamal Haque, wrote", "Dr Kamal Haque"),
      ("The family's caseworker, Tom Briggs, replied", "Tom Briggs"), ("The Council's enforcement agent, Mr Craig Pope, said", "Mr Craig Pope")],
     ["the social worker, who visited, said", "the officer, a kind man"])
rule("person.mp", "A named Member of Parliament: 'Jo Bloggs MP'.",
     rf"\b(?<name>{STAFFNAME})[ \t]+(?<role>MP)\b",
     0.9,
     [("a letter from Jo Bloggs MP arrived", "Jo Bloggs")],
     ["a letter from her MP arrived"])

def q(s):  # YAML literal block line
    return s
out = ["# Person names. Category `person`: matches feed the linker, which joins every form of",
       "# one person's name into one pseudonym (HOUSE-STYLE.md). Named groups carry meaning:",
       "#   title, title2   a title (Mr, Mrs, Dr...) — title2 for couples (Mr and Mrs ...)",
       "#   name            the name words (may start with a title for cue rules)",
       "#   given, surname  an untitled full name (validated against the first-name gazetteer)",
       "#   relation        a family or personal relation beside the name (her son, his wife)",
       "#   role, role2     a staff or representative role beside the name (the social worker)",
       "#   trail           a comma closing an apposition, removed with it where grammar allows",
       "#   complainant     marks the named person as the complainant",
       "# This file is generated from Scripts/patterns/gen_names.py's shared fragments; edit there, or here and keep both in step.",
       "rules:"]
for id, desc, regex, conf, match, nomatch in rules:
    out.append(f"  - id: {id}")
    out.append(f"    category: person")
    out.append(f"    description: \"{desc}\"")
    out.append(f"    regex: |-")
    out.append(f"      {regex}")
    if id in STARTS:
        out.append(f"    starts-with: {json.dumps(STARTS[id])}")
    if id in ("person.full", "person.inverted"):
        out.append("    validator: given-name")
    out.append(f"    confidence: {conf}")
    out.append(f"    action: replace")
    out.append(f"    examples:")
    out.append(f"      match:")
    for t, v in match:
        out.append(f"        - text: {json.dumps(t, ensure_ascii=False)}")
        out.append(f"          value: {json.dumps(v, ensure_ascii=False)}")
    out.append(f"      no-match:")
    for t in nomatch:
        out.append(f"        - {json.dumps(t, ensure_ascii=False)}")
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Patterns", "names.yaml"), "w").write("\n".join(out) + "\n")
