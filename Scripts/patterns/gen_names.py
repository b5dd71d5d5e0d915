import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from starts import STARTS
TITLES = ["Mrs", "Mr", "Miss", "Ms", "Mx", "Dr", "Prof", "Professor", "Revd", "Rev", "Reverend", "Sir", "Dame", "Lady", "Lord", "Cllr",
          "Councillor", "PC", "PCSO", "DC", "DS", "DI", "Sgt", "Insp", "Inspector", "Sergeant", "Constable"]
# Titles as written, and in capitals as case records and headings write them (MRS, DR, CLLR).
TITLE = "(?:" + "|".join(TITLES + [t.upper() for t in TITLES if t.upper() != t and len(t) <= 4]) + ")"
# A name word: O'Brien, McDonald, Smith-Jones, Kung'u (an apostrophe inside, but never a possessive 's).
# A word glued to digits ("Smith2", "NN16") is no name.
NW = r"(?:\p{Lu}['’ʼ])?\p{Lu}[\p{Ll}\p{M}]+(?:['’ʼ](?![sS](?![\p{L}\p{M}]))[\p{Ll}\p{M}]+)*(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:[-‐‑](?:\p{Lu}['’ʼ])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?)*(?![\p{N}])"
PART = r"(?:ap|ab|van|von|der|den|de|da|di|du|del|della|dos|das|los|las|le|la|bin|binti|bint|ibn|al|el|ter|ten|ní|nic|ó|Ó)"
# The same particles capitalised, as a surname may begin ("Van Mordecai", "De La Cruz", "Mac Giolla"), and in capitals.
PARTT = r"(?:Ap|Ab|Van|Von|Der|Den|De|Da|Di|Du|Del|Della|Dos|Das|Los|Las|Le|La|Bin|Al|El|Ter|Ten|Ní|Nic|Mac)"
PARTC = r"(?:AP|AB|VAN|VON|DER|DEN|DE|DA|DI|DU|DEL|DELLA|DOS|DAS|LOS|LAS|LE|LA|BIN|AL|EL|TER|TEN|NÍ|NIC|MAC|Ó)"
# A surname as records write it first: particles in any case, then the name ("van der Berg", "De Souza", "VAN DER BERG").
# "al-Hashimi", "el-Sayed", "bin-Talal": a lower-case article or patronymic joined to the name by a hyphen.
HYPHEN_PREFIX = r"(?:al|el|ul|ad|an|ar|as|ash|at|az|bin|ibn|ben|abu|abd|ait|da|de|di|du)[-‐‑]"
NAME = rf"(?:{PART}[ \t]+)*(?:{HYPHEN_PREFIX})?{NW}"
# A further word of the same name: never a title, which starts another person ("Ms Klus Miss Mr Reid").
def more(name):
    return r"(?!(?:" + "|".join(TITLES) + r")\.?(?![\p{L}\p{M}]))" + name
# A name word in capitals, as case records write surnames: SMITH, D'COSTA, SMITH-JONES, KRÜGER.
CAPSW = r"(?:\p{Lu}['’ʼ])?\p{Lu}[\p{Lu}\p{M}]+(?:['’ʼ](?![sS](?![\p{L}\p{M}]))[\p{Lu}\p{M}]+)*(?:[-‐‑]\p{Lu}[\p{Lu}\p{M}]+)*(?![\p{N}])"
CAPSNAME = rf"(?:(?:{PART}|{PARTC})[ \t]+)*{CAPSW}"
# A surname in capitals that starts a match (its particles in capitals too): the rule then begins with a capital.
CAPSNAME_FIRST = rf"(?:{PARTC}[ \t]+)*{CAPSW}"
RECSURNAME = rf"(?:(?:(?:{PART}|{PARTT})[ \t]+)*{NW}|{CAPSNAME})"
# Initials before a surname: "J.R. ", "M. E. ", "LH ", "J R ".
# After a lone capital and a full stop, a word that starts sentences means the sentence ended
# there ("Mrs X. The Council…", "Mr Y. This is…"): that capital is a pseudonym, not an initial.
STARTERS = (r"(?:The|This|That|These|Those|A|An|He|She|It|They|We|I|You|His|Her|Their|Its|Our|My|There|Here|In|On|At|As|But|And|So|"
            r"Then|When|While|If|Although|However|After|Before|Since|Because|What|Which|Who|Where|How|Why|Also|Both|For|To|From|"
            r"With|By|Of|Once|During|Following|Instead|Therefore|Despite|All|Some|No|Not|Mr|Mrs|Ms|Miss|Mx|Dr)(?![\p{L}\p{M}])")
# Initials are followed by one space: a wider gap or a tab separates the fields of a record ("Mrs X   DOB").
INITIALS = r"(?:(?:\p{Lu}\.[ ]?){1,3}[ ]?(?!" + STARTERS + r")|\p{Lu}{2,3}[ ]|(?:\p{Lu}[ ]){1,2})"
# Given names of a record line: words in either case, or initials ("M.", "M.E.", "P").
# Words of one name are joined by one space: a wider gap separates the fields of a record.
GIVENS = rf"(?:(?:\p{{Lu}}\.[ \t]?){{1,3}}|{NW}(?:[ ]{NW}){{0,2}}|{CAPSW}(?:[ ]{CAPSW}){{0,2}}|\p{{Lu}}(?![\p{{L}}\p{{M}}.]))"
# Where a record line starts: a line (after a bullet and a label such as "Name:" or "Complainant<tab>"),
# or a record noun ("service user", "client"…).
REC_LEAD = (r"(?:(?m:^)[ \t>*•·-]*(?:\p{Lu}[\p{L}'’ ]{0,25}?[ \t]*(?::|\t)[ \t]*)?"
            r"|[|][ \t]*|\b(?i:service[ \t]+user|client|patient|resident|tenant|applicant|claimant|appellant|pupil)[ \t]+)")
# Where a record's name ends: the end of the line, a bracket, a field separator, a tab or a wide gap.
REC_END = r"(?=[ \t]*(?:\r?\n|\z|[(|;,])|\t|[ \t]{2})"
PAREN_TITLE = r"(?:[ \t]*\((?<title>Mrs|Mr|Miss|Ms|Mx|Dr)\.?\))"
NOTJUDGE = r"(?!(?:Justice|Chancellor|Mayor|Chief|President|Speaker|Bishop|Lieutenant|Advocate|Chairman)\b)"
ROLE = (r"(?:(?:[\p{Ll}'’-]+|SEN|SEND|ASC|(?=(?i:senior|principal|deputy|assistant|lead|acting|interim|specialist|named|duty|allocated))\p{Lu}\p{Ll}+)[ \t]+){0,2}"
        r"(?i:social[ \t]+worker|team[ \t]+manager|team[ \t]+leader|service[ \t]+manager|care[ \t]+manager|care[ \t]+co-?ordinator"
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
STAFFNAME = rf"(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,3}}"
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
     rf"\b(?<title>Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ \t]+(?:and|&)[ \t]+(?<title2>Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ \t]+(?<name>{NAME}(?:[ ]+{more(NAME)}){{0,2}})",
     0.95,
     [("Mr and Mrs Okafor asked for a review.", "Okafor"), ("Mr & Mrs van der Berg’s house", "van der Berg"),
      ("Mr and Mrs García Márquez wrote", "García Márquez")],
     ["Mr and Mrs X asked for a review.", "Mr and the Council"])
rule("person.titled", "A title followed by one to three names, with optional initials in any writing (J., J.R., JR, J R) and names in capitals: Mrs Jane Whitfield, Mr O'Brien, Dr A. Patel, Mr LH Jones, Mrs BRIGHT, Ms Zoë ap Rhys.",
     rf"\b(?<title>{TITLE})\.?[ \t]+{NOTJUDGE}(?<name>(?:\p{{Lu}}\.?[ ]?){{1,3}}[ ](?<!\.[ ])(?![AI](?![\p{{L}}\p{{M}}]))\p{{Lu}}(?![\p{{L}}\p{{M}}]|\.?[ \t]+\p{{Lu}})|{INITIALS}?(?:{NAME}(?:[ ]+{more(NAME)}){{0,3}}(?:[ ]+{CAPSW})?|{CAPSNAME}(?:[ ]+{CAPSNAME}){{0,2}})(?![\p{{L}}\p{{M}}]))",
     0.95,
     [("I spoke to Mrs Jane Whitfield yesterday.", "Jane Whitfield"), ("Mr O'Brien’s complaint", "O'Brien"),
      ("Dr A. Patel wrote", "A. Patel"), ("Ms Zoë ap Rhys replied", "Zoë ap Rhys"), ("Mr Łukasz Nowak", "Łukasz Nowak"),
      ("Miss Hannah Smith-Jones complained", "Hannah Smith-Jones"), ("Mrs McDonald said", "McDonald"),
      ("Cllr Ann Reeve", "Ann Reeve"), ("Mrs Hannah Smith‑Jones said", "Hannah Smith‑Jones"), ("Mr Seán Oʼ" + "Neill wrote", "Seán Oʼ" + "Neill"), ("told the officer, PC Ahmed, that", "Ahmed"),
      ("Miss M.E. Thornbury replied", "M.E. Thornbury"), ("Mr LH Okonjo wrote", "LH Okonjo"), ("Mr T J Farrow said", "T J Farrow"),
      ("Mrs HALLORAN rang", "HALLORAN"), ("Mrs B OYELARAN rang", "B OYELARAN"), ("Ms Aoife Ó Briain said", "Aoife Ó Briain"),
      ("Mrs R. Mac Giolla replied", "R. Mac Giolla"), ("Mr Tomás de los Santos", "Tomás de los Santos"),
      ("Mr Wanjiru Kung'u wrote", "Wanjiru Kung'u"), ("Mr Karim al-Hashimi said", "Karim al-Hashimi"), ("Mrs el-Sayed said", "el-Sayed"),
      ("Mrs ER S wrote", "ER S"), ("Mr T S rang", "T S"), ("MR JOHN PEARCE complained", "JOHN PEARCE"), ("DR. A. PATEL replied", "A. PATEL"), ("Ms Hale-McCarrick and Mr Hale-O'Neill", "Hale-McCarrick"), ("Mr Kung'u's letter", "Kung'u")],
     ["Mrs X complained.", "Mr and Mrs Y", "Lord Justice Munby said", "Mrs X. The Council", "Name: Mrs X   DOB: [date of birth]", "Mr X and Mrs Y", "Mrs X, Mr Y", "like Mr X. I have no power", "as Mrs Y. A review", "a letter from Mrs X A week later", "Mr Smith2 said"])
rule("person.full", "An untitled full name: a first name from the gazetteer followed by a capitalised surname (Jane Whitfield, Kwame Mensah); two ordinary words (Hope Baker) only in the possessive.",
     rf"\b(?=(?<value>(?<given>{NW})(?:[ \t]+(?=(?:{PART}[ \t]+)*\p{{Lu}}[\p{{Ll}}'’])|[ ])(?<surname>{more('')}(?:(?:{PART}|{PARTT})[ \t]+)*{NW}(?![\p{{L}}\p{{M}}])|{CAPSNAME}(?![\p{{L}}\p{{M}}]|[ \t]*:)))(?<possessive>['’]s(?![\p{{L}}\p{{M}}]))?)",
     0.8,
     [("I spoke to Jane Whitfield yesterday.", "Jane Whitfield"), ("Kwame Mensah said", "Kwame Mensah"), ("Siobhán Byrne’s son", "Siobhán Byrne"),
      ("a note from Jane HALLORAN said", "Jane HALLORAN"), ("Niamh Ní Bhriain agreed", "Niamh Ní Bhriain"),
      ("a letter about Hope Baker's schooling", "Hope Baker"), ("[12/03/2023, 09:14] Jane Whitfield: hi", "Jane Whitfield")],
     ["Reading Borough Council", "The Council said", "Victoria Road", "Local Government Act", "Jane NHS", "Victoria BID",
      "Name: Amy   DOB 1970", "Amy DOB: 1970", "she walked to Grace Hill and back", "Najam  Mrs Ciriaco"])
rule("person.record", "A name as case records write it, surname first: 'SURNAME, Given', 'Surname, Given Names', 'Surname, M. (Miss)', at the start of a line or field, after a label ('Name:') or a record noun ('service user'), and ending the field.",
     rf"{REC_LEAD}(?<value>(?<surname>{RECSURNAME})[ \t]*,[ \t]*(?<given>{GIVENS}){PAREN_TITLE}?){REC_END}",
     0.9,
     [("Name: OKONJO, Kwame   DOB: 1 May 1970", "OKONJO, Kwame"), ("Name: HALLORAN, MAIREAD\n", "HALLORAN, MAIREAD"),
      ("service user Farrow, Tobias Edward (DOB 1.2.1950)", "Farrow, Tobias Edward"), ("Thornbury, M. (Miss)\n", "Thornbury, M. (Miss)"),
      ("- Complainant: Ó Briain, Aoife (tenant)", "Ó Briain, Aoife"), ("Name: Van Mordaunt, Akinola\n", "Van Mordaunt, Akinola"),
      ("Name: VAN DER BERG, Pieter\n", "VAN DER BERG, Pieter"), ("Client | Smith-Lowe, Harriet | 1980", "Smith-Lowe, Harriet")],
     ["NOTE, Council tax\n", "FINAL DECISION, Summary\n", "However, Jane said she would call.", "In March, Amy wrote to us.\n", "Finally, Tom\n"])
rule("person.inverted", "A surname in capitals, a comma and the given names, anywhere: 'BOATENG, Kwame', 'HALLORAN, MAIREAD', 'OKONJO, K.'.",
     rf"\b(?<value>(?<surname>{CAPSNAME_FIRST})[ \t]*,[ \t]*(?<given>{GIVENS}){PAREN_TITLE}?)(?![\p{{L}}\p{{M}}]|[ \t]*:)",
     0.85,
     [("his details as \"BOATENG, Kwame, date of birth", "BOATENG, Kwame"), ("listed as HALLORAN, MAIREAD on the form", "HALLORAN, MAIREAD"),
      ("Name: OKAFOR, ADA  DOB: 1.2.1970", "OKAFOR, ADA"), ("OKAFOR, ADA DOB: 1.2.1970", "OKAFOR, ADA")],
     ["NOTE, Council tax", "FINAL DECISION, Summary", "NHS, GP and CCG", "PCN, Amy"])
rule("person.record-caps", "A case record's 'SURNAME Given (Title)': the surname in capitals, then the given names, then an optional title in brackets.",
     rf"\b(?<value>(?<surname>{CAPSNAME_FIRST})[ \t]+(?<given>{NW}(?:[ \t]+{NW}){{0,2}}){PAREN_TITLE}?)(?![\p{{L}}\p{{M}}])",
     0.9,
     [("service user OKONJO Kwame (Mr) seen at home", "OKONJO Kwame (Mr)"), ("HALLORAN-BYRNE Mairead Anne (Mrs)", "HALLORAN-BYRNE Mairead Anne (Mrs)"),
      ("Record: D'ARCY Fionnuala\n", "D'ARCY Fionnuala")],
     ["NHS England said", "the COVID Inquiry", "LGSCO Ombudsman", "SEND Tribunal"])
rule("person.record-initial", "A case record's surname in capitals followed by initials, alone in its field: 'SURNAME P', 'SMITH-JONES P.K.'.",
     rf"(?:(?m:^)[ \t>*•·-]*(?:\p{{Lu}}[\p{{L}}'’ ]{{0,25}}?[ \t]*(?::|\t)[ \t]*)?|[|;][ \t]*)(?<value>(?<surname>{CAPSNAME})[ \t]+(?<given>\p{{Lu}}(?:\.?[ \t]?\p{{Lu}})?\.?)){REC_END}",
     0.85,
     [("OKONJO K\n", "OKONJO K"), ("Name: HALLORAN-BYRNE M.A.\n", "HALLORAN-BYRNE M.A.")],
     ["PART A\n", "ANNEX B\n", "SCHEDULE C\n", "Mrs X\n"])
rule("person.initialled", "Initials with full stops before a surname, without a title: 'J.R. Farrow', 'P.K. Smith-Lowe', 'M. Ó Briain'.",
     rf"(?<![\p{{L}}\p{{M}}.])(?<!\bMr |\bMrs |\bMs |\bMiss |\bMx |\bDr |\bMr\. |\bMrs\. |\bMs\. |\bDr\. )(?<value>(?<given>(?:\p{{Lu}}\.[ \t]?){{1,3}})[ \t]*(?<surname>{RECSURNAME}))(?![\p{{L}}\p{{M}}])",
     0.85,
     [("signed by J.R. Farrow on", "J.R. Farrow"), ("P.K. Smith-Lowe wrote", "P.K. Smith-Lowe"), ("from M. Ó Briain", "M. Ó Briain"),
      ("A.J. Mac Giolla signed it", "A.J. Mac Giolla")],
     ["U.K. Government", "A. Introduction", "see p. Smith", "I spoke to Mrs X. Donna Whitfield is 78.", "A.J. Mr X signed it"])
rule("person.couple-given", "Two given names sharing one surname: 'Noor and Sami Haddad', 'Tom & Amy Farrow'.",
     rf"\b(?<value>(?<given>{NW})[ \t]+(?:and|&)[ \t]+(?<given2>{NW})[ \t]+(?<surname>{NAME}))(?![\p{{L}}\p{{M}}])",
     0.85,
     [("Noor and Sami Haddad complained", "Noor and Sami Haddad"), ("Tom & Amy Okafor", "Tom & Amy Okafor")],
     ["Health and Social Care", "Housing and Planning Committee", "Mr and Mrs Farrow"])
rule("person.complainant", "A name introduced as the complainant: a 'Complainant:' header line, 'the complainant, Mr ...', 'whom I refer to as Mrs ...'.",
     rf"(?:(?m:^)[ \t>*•·-]*(?<complainant>Complainant|Complainants|Name of complainant|Client|Applicant|Appellant|Service user)[ \t]*(?::|\t|[–—-])[ \t]*|(?<complainant2>[Tt]he[ \t]+complainant(?:s)?)[ \t]*,?[ \t]*(?:(?:whom|who)[ \t]+I[ \t]+(?:will|shall|have)?[ \t]*(?:refer[ \t]+to|call|called|referred[ \t]+to)[ \t]+(?:here[ \t]+)?(?:as[ \t]+)?)?|(?:whom|who)[ \t]+I[ \t]+(?:will[ \t]+|shall[ \t]+)?(?:refer[ \t]+to|call)[ \t]+(?:here[ \t]+)?(?:as[ \t]+)?)(?<name>(?:{TITLE}\.?[ \t]+)?(?:\p{{Lu}}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}})",
     0.95,
     [("Complainant: Mrs Jane Whitfield", "Mrs Jane Whitfield"), ("The complainant, Mr Tom Reid, says", "Mr Tom Reid"),
      ("• Complainant\tMr Owen Pryce (tenant)", "Mr Owen Pryce"), ("- Complainant – Ms Ada Okafor", "Ms Ada Okafor"),
      ("The complainant, whom I refer to as Ms Okafor, says", "Ms Okafor")],
     ["The complainant says the Council was at fault."])
rule("person.relation", "A name given beside a family or personal relationship: her son, Tom; his wife Priya; their neighbour, Mrs Ann Cole.",
     rf"\b(?:(?<pronoun>[Hh]er|[Hh]is)|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|(?:[Tt]he[ \t]+)?[\p{{L}}-]+['’]s)[ \t]+(?<relation>{RELATION})(?:[ \t]*,[ \t]*|[ \t]+)(?<name>(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME})?)",
     0.9,
     [("her son, Tom, was", "Tom"), ("his wife Priya said", "Priya"), ("their neighbour, Mrs Ann Cole, said", "Mrs Ann Cole"),
      ("Gurpreet's son, Arjun, is 14", "Arjun"), ("The complainant's daughter, Eilidh, lives nearby", "Eilidh"),
      ("her late father, Mr Arthur Cole", "Mr Arthur Cole")],
     ["her son was at school", "his mother. The Council"])
rule("person.relation-after", "A name followed by a relationship: 'Mrs Ann Cole, her mother,', 'Hope Sharp, her neighbour,' or 'Mrs Nwosu, Adaeze's mother'.",
     rf"\b(?<name>(?:{TITLE}\.?[ \t]+{NAME}|{NW}[ \t]+{NAME})(?:[ \t]+{NAME})?)[ \t]*,[ \t]*(?:[Hh]er|[Hh]is|[Tt]heir|(?:{TITLE}[ \t]+)?(?<owner>{NW})['’]s)[ \t]+(?<relation>{RELATION})\b",
     0.9,
     [("Mrs Ann Cole, her mother, said", "Mrs Ann Cole"), ("Mrs Nwosu, Adaeze's mother, lives nearby", "Mrs Nwosu"),
      ("Hope Sharp, her neighbour, agreed", "Hope Sharp")],
     ["Mrs Cole, the Council said"])
# The people of a parties list ("Key people", "Who's who"): a relation as the label of a line.
PARTY_RELATION = (r"(?i:husband/partner|wife/partner|husband/wife|civil[ \t]+partner|spouse|partner|husband|wife|"
                  r"son|daughter|child|children|grandson|granddaughter|grandchild|mother|father|parent|step-?(?:son|daughter|father|mother)|"
                  r"sister|brother|sibling|grandmother|grandfather|grandparent|aunt|uncle|nephew|niece|cousin|neighbour|friend|carer|"
                  r"foster[ \t]+(?:child|son|daughter|carer)|guardian|lodger|landlord|landlady)")
rule("person.party", "A person on a parties list: a relation as the line's label, then the name ('Husband/partner: Tom Okafor', 'Child<tab>Amy Okafor (daughter)').",
     rf"(?m)^[ \t>*•·-]*(?<relation>{PARTY_RELATION})(?:[ \t]+[0-9])?[ \t]*(?::|\t|[–—-])[ \t]*(?<name>(?:{TITLE}\.?[ \t]+)?(?:\p{{Lu}}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}})",
     0.9,
     [("Husband/partner: Tomasz Okafor\n", "Tomasz Okafor"), ("• Child\tAmy Okafor (daughter, aged 4)", "Amy Okafor"),
      ("Spouse – Mr Felix Okafor", "Mr Felix Okafor")],
     ["Child: none\n", "Partner organisations: the Trust\n", "The child – a boy – was"])
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
     rf"\b(?<name>{STAFFNAME})(?:[ \t]*,[ \t]*(?![Aa]n?[ \t]+(?:retired|former|qualified|trained|trainee|student|unemployed|semi-retired)\b)(?<role>{DET}[ \t]+(?:Council's[ \t]+|Council’s[ \t]+|school's[ \t]+|school’s[ \t]+)?{ROLE})\b(?=[ \t]*[,.;:)]|[ \t]+(?:at|for|from|of|in|with|who|and)\b)(?<trail>[ \t]*,)?|[ \t]*\((?<role2>(?:{DET}[ \t]+)?{ROLE})\))",
     0.9,
     [("Ms Priya Shah, the social worker, visited", "Ms Priya Shah"), ("Mr Dan Reid (the team manager) said", "Mr Dan Reid"),
      ("I spoke to Dr Ann Lowe, her GP.", "Dr Ann Lowe"), ("Mr Tom Ray, a second assessor, upheld it", "Mr Tom Ray"),
      ("Dr Eve Hart (the educational psychologist) said", "Dr Eve Hart"), ("Representative: Ms Grace Long (solicitor)", "Ms Grace Long")],
     ["Mrs X, the complainant, said", "Mr Reid, a friend, said", "Mrs Jo Reid, a retired nurse, said"])
rule("person.staff-before", "A role followed by the person's name: 'the social worker, Ms Priya Shah,' or 'her MP, Jo Bloggs MP': the name is dropped.",
     rf"\b(?<role>(?:{DET}|(?:{TITLE}[ \t]+)?{NW}['’]s)[ \t]+(?:Council's[ \t]+|Council’s[ \t]+)?{ROLE})(?:[ \t]*,[ \t]*(?<name>{STAFFNAME})(?:[ \t]+MP)?(?<trail>[ \t]*,)?|[ \t]+(?<name2>(?:{TITLE}\.?[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}}))",
     0.9,
     [("the social worker, Ms Priya Shah, visited", "Ms Priya Shah"), ("her MP, Jo Bloggs MP, wrote", "Jo Bloggs"),
      ("the team manager Mr Dan Reid said", "the team manager Mr Dan Reid"), ("Jane's GP, Dr Kamal Haque, wrote", "Dr Kamal Haque"),
      ("The family's caseworker, Tom Briggs, replied", "Tom Briggs"), ("The Council's enforcement agent, Mr Craig Pope, said", "Mr Craig Pope"),
      ("The Council's Team Manager, Owen Pryce, agreed", "Owen Pryce")],
     ["the social worker, who visited, said", "the officer, a kind man"])
rule("person.mp", "A named Member of Parliament: 'Jo Bloggs MP'.",
     rf"\b(?<name>{STAFFNAME})[ \t]+(?<role>MP)\b",
     0.9,
     [("a letter from Jo Bloggs MP arrived", "Jo Bloggs")],
     ["a letter from her MP arrived"])

# A former or other name given beside someone's name ("née Adeyemi", "formerly Jane Cole", "aka Jinx"):
# a name the linker cannot give a pseudonym of its own, so it becomes a placeholder.
rule("person.former-name", "A maiden or former name after 'née', 'formerly', 'also known as', 'aka': replaced by a placeholder.",
     rf"\b(?i:née|nee|formerly|previously[ \t]+known[ \t]+as|also[ \t]+known[ \t]+as|a\.?k\.?a\.?|maiden[ \t]+name)[ \t]*:?[ \t]+(?<value>{NAME}(?:[ \t]+{NAME}){{0,2}}|{CAPSNAME})(?![\p{{L}}\p{{M}}])",
     0.9,
     [("Ms Okafor (née Adeyemi) complains", "Adeyemi"), ("Jane Cole, formerly Jane Ward, wrote", "Jane Ward"), ("known to staff, aka Jinxie, as", "Jinxie")],
     ["the née of the bride", "formerly the Council's tenant"])
# Rules that are identifiers rather than people: their category and placeholder.
IDENTIFIERS = {"person.former-name": ("former-name", "[former name]")}

VALIDATORS = {"person.full": "given-name", "person.record": "record-name", "person.record-caps": "record-name",
              "person.record-initial": "record-name", "person.inverted": "record-name", "person.initialled": "record-name", "person.couple-given": "given-name"}

def q(s):  # YAML literal block line
    return s
out = ["# Person names. Category `person`: matches feed the linker, which joins every form of",
       "# one person's name into one pseudonym (HOUSE-STYLE.md). Named groups carry meaning:",
       "#   title, title2   a title (Mr, Mrs, Dr...) — title2 for couples (Mr and Mrs ...)",
       "#   name            the name words (may start with a title for cue rules)",
       "#   given, surname  an untitled full name (validated against the first-name gazetteer); in record forms",
       "#                   given may hold initials (\"M.\", \"P\") and title a bracketed title (\"(Mrs)\")",
       "#   given2          the second given name of a couple sharing a surname (Noor and Sami Haddad)",
       "#   relation        a family or personal relation beside the name (her son, his wife)",
       "#   role, role2     a staff or representative role beside the name (the social worker)",
       "#   trail           a comma closing an apposition, removed with it where grammar allows",
       "#   complainant     marks the named person as the complainant",
       "# This file is generated from Scripts/patterns/gen_names.py's shared fragments; edit there, or here and keep both in step.",
       "rules:"]
for id, desc, regex, conf, match, nomatch in rules:
    out.append(f"  - id: {id}")
    category, placeholder = IDENTIFIERS.get(id, ("person", None))
    out.append(f"    category: {category}")
    out.append(f"    description: \"{desc}\"")
    out.append(f"    regex: |-")
    out.append(f"      {regex}")
    if id in STARTS:
        out.append(f"    starts-with: {json.dumps(STARTS[id])}")
    if id in VALIDATORS:
        out.append(f"    validator: {VALIDATORS[id]}")
    out.append(f"    confidence: {conf}")
    out.append(f"    action: replace")
    if placeholder:
        out.append(f"    placeholder: {json.dumps(placeholder)}")
    out.append(f"    examples:")
    out.append(f"      match:")
    for t, v in match:
        out.append(f"        - text: {json.dumps(t, ensure_ascii=False)}")
        out.append(f"          value: {json.dumps(v, ensure_ascii=False)}")
    out.append(f"      no-match:")
    for t in nomatch:
        out.append(f"        - {json.dumps(t, ensure_ascii=False)}")
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Patterns", "names.yaml"), "w").write("\n".join(out) + "\n")
