import os, sys; HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from parts import *
from emit import emit

H = r"[^\S\n]"                      # horizontal white space (Unicode, under UCP)
# Between a cue and its value: a colon, hash, bracket, comma or dash, then up to two number words
# ("no.", "number", "ref.", "is", "was"…): "blue badge (no. E957051)", "passport (number 925076473)",
# "reference ref. 392/8168/B", "NI number is AB 12 34 56 C".
NUMWORD = r"(?i:no\.?|nos\.|number|num\.?|ref(?:erence)?\.?|is|was|of|reads|given" + H + r"+as|recorded" + H + r"+as|shown" + H + r"+as)"
GAP = H + r"*(?:[:#(,–-]" + H + r"*)?(?:" + NUMWORD + r"(?![\w])(?:" + H + r"*[:#])?" + H + r"*){0,2}"
# An all-capitals scheme code between the cue and the value stays with the cue: "your ref CTAX 6007946172",
# "Our ref: PCN DE50884630".
CODE = r"(?:(?-i:[A-Z]{2,5})" + H + r"+(?=(?-i:[A-Z]{0,3})[0-9]))?"
FOR_NAME = r"(?:" + H + r"+(?i:for|of)" + H + r"+[^\n;:]{1,40}?" + H + r"+(?i:is|was)" + H + r"+)"     # "reference for Mrs Amanda Cole is …"

DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "born" may be followed by up to three lower-case words ("born prematurely on the"); the other cues only by
# a colon/bracket and is/was/of/as/recorded…, so "asked for her date of birth on 3 March 2023" is not taken.
DOB_CUE = (r"(?:(?:\bdate" + H + r"+of" + H + r"+birth|\bbirth" + H + r"*date|\bd[./]?" + H + r"?o[./]?" + H + r"?b\b\.?|\bbirthday\b|\bb\." + H + r"(?=[0-9]))"
           r"(?:" + H + r"*[:(,–|-])?" + H + r"*(?:(?:is|was|of|as|recorded|given|shown|listed|being|stated|noted|confirmed)" + H + r"+){0,2}"
           r"|\bborn\b(?:" + H + r"*[:(,–-])?" + H + r"*(?:\p{Ll}+" + H + r"+){0,3})"
           # a weekday before the date stays with the cue: "born on Tuesday 3 May 1985"
           r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?" + H + r"+)?")
NINO_PREFIX = r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"

REF_NOT_OMBUDSMAN = r"(?<!ombudsman's )(?<!ombudsman’s )(?<!lgsco )(?<!lgo )(?<!psow )(?<!ombudsman )"
# Generic cues: the Ombudsman's own reference can follow these ("our reference"), so 8-digit / 20YYNNNNN
# values are refused here.
REF_CUE = (r"(?i:" + REF_NOT_OMBUDSMAN +
           r"(?:\b(?:reference|ref)(?:" + H + r"+(?:number|no))?\.?"
           r"|\bcase" + H + r"+(?:number|no|ref(?:erence)?|id)\.?"
           r"|\bcomplaint" + H + r"+(?:number|no|ref(?:erence)?|id)\.?"
           r"|\b(?:customer|client|service" + H + r"+user|person)" + H + r"+(?:number|no|ref(?:erence)?|id)\.?"
           r")(?![\w]))")
# Specific cues: an account / register number of a named kind; any digit string of 4+ digits is taken.
ACCT_CUE = (r"(?i:"
           r"\bblue" + H + r"+badge|\bctax|\bcouncil" + H + r"+tax(?:" + H + r"+(?:support|reduction|account|reference|ref))*"
           r"|\bhousing" + H + r"+benefit(?:" + H + r"+(?:claim|account|reference|ref))*|\bunique" + H + r"+taxpayer" + H + r"+reference"
           r"|\bplanning" + H + r"+application|\bpenalty" + H + r"+charge" + H + r"+notice|\bpcn|\bupn|\bmrn|\butr"
           r"|\b(?:universal" + H + r"+credit|pension" + H + r"+credit|attendance" + H + r"+allowance|pip|esa|jsa|dla)" + H + r"+(?:claim|reference|ref|account)(?:" + H + r"+(?:number|no))?\.?"
           r"|\bhousing" + H + r"+register(?:" + H + r"+(?:number|no|ref(?:erence)?|application))?\.?|\bbidding" + H + r"+(?:number|no|ref(?:erence)?)\.?"
           r"|\bhomeless(?:ness)?" + H + r"+(?:application|case)(?:" + H + r"+(?:number|no|ref(?:erence)?))?\.?"
           r"|"
           r"\btenancy" + H + r"+(?:number|no|ref(?:erence)?|account(?:" + H + r"+(?:number|no|ref(?:erence)?))?)\.?"
           r"|\brent" + H + r"+account(?:" + H + r"+(?:number|no|ref(?:erence)?))?\.?"
           r"|\bcouncil" + H + r"+tax(?:" + H + r"+(?:account|reference|ref))+(?:" + H + r"+(?:number|no))?\.?"
           r"|\b(?:housing" + H + r"+)?benefits?(?:" + H + r"+(?:reference|ref|claim|account))+(?:" + H + r"+(?:number|no))?\.?"
           r"|\b(?:unique" + H + r"+)?pupil" + H + r"+(?:number|no|reference|id)\.?|\bupn"
           r"|\b(?:hospital|patient|unit)" + H + r"+(?:number|no|id)\.?|\bmrn|\bchi" + H + r"+(?:number|no)\.?"
           r"|\bplanning" + H + r"+(?:application|permission|ref(?:erence)?)(?:" + H + r"+(?:number|no|ref(?:erence)?))?\.?"
           r"|\bapplication" + H + r"+(?:number|no|ref(?:erence)?)\.?"
           r"|\b(?:penalty" + H + r"+charge" + H + r"+notice|pcn)(?:" + H + r"+(?:number|no|ref(?:erence)?))?\.?"
           r"|\b(?:permit|badge|blue" + H + r"+badge|payroll|employee|staff|student|member|membership|file|record|customer|client|account)" + H + r"+(?:ref(?:erence)?)\.?"
           r"|\b(?:permit|badge|payroll|employee|student|membership)" + H + r"+(?:number|no)\.?"
           r"|\bhmrc" + H + r"+ref(?:erence)?|\butr"
           r")(?![\w])")
# Never a bare year, a year range (2019/20, 2023-2024) or a date (12/03/2024).
NOT_YEAR_OR_DATE = (r"(?!(?:19|20)[0-9]{2}(?![\w/-]))(?!(?:19|20)[0-9]{2}[/-](?:19|20)?[0-9]{2}(?![\w/-]))"
                    r"(?![0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}(?![\w/-]))")
ACCT_TOKEN = (NOT_YEAR_OR_DATE + r"(?=(?:[A-Za-z/._-]*[0-9]){4})[A-Za-z0-9](?:[A-Za-z0-9/._-]*[A-Za-z0-9])?")
# A reference-shaped token: letters/digits with / - . _ inside, at least 4 digits, not a bare year,
# not the Ombudsman's own reference written without spaces (8 digits, optional letter) or PSOW's (20YYNNNNN).
REF_TOKEN = (NOT_YEAR_OR_DATE + r"(?![0-9]{8}[a-z]?(?![\w/-]))(?!20[0-9]{7}(?![\w/-]))"
             r"(?=(?:[A-Za-z/._-]*[0-9]){4})[A-Za-z0-9](?:[A-Za-z0-9/._-]*[A-Za-z0-9])?")
SYSTEMS = r"(?:Mosaic|LAS|Liquidlogic|LCS|EHM|ContrOCC|CareFirst|Carefirst|SystmOne|EMIS|RiO|Frameworki|Azeus|Civica|Northgate|Servelec|Synergy|Capita)"

rules = []
rules.append(dict(
    id="identifiers.nhs-cued", category="nhs", confidence=0.98, placeholder="[NHS number]",
    description="A 10-digit NHS (or CHI / Health and Care) number after its cue; the cue stays. No check digit is asked for: after the cue, a mistyped number still points at the patient.",
    regex=r"(?i:\bNHS|\bCHI|\bhealth" + H + r"+and" + H + r"+care)" + H + r"+(?i:number|no\.?|num)(?![\w])(?:" + FOR_NAME + r"|" + GAP + r")(?<value>[0-9]{3}[ \x{A0}-]?[0-9]{3}[ \x{A0}-]?[0-9]{4})(?![0-9]|[ \x{A0}-][0-9])",
    requires=["nhs", "chi ", "health and care"],
    match=[("Her NHS number is 401 023 2137.", "401 023 2137"),
           ("NHS No. 9434765919 (checked)", "9434765919"),
           ("NHS number: 943-476-5870", "943-476-5870"),
           ("The NHS number for Mr Cole is 943 476 5919.", "943 476 5919"), ("NHS number 401 023 2138 (as written)", "401 023 2138")],
    nomatch=["The NHS number was not recorded.", "NHS number 1234"]))
rules.append(dict(
    id="identifiers.nhs", category="nhs", validator="nhs", confidence=0.8, placeholder="[NHS number]",
    description="A 10-digit number in NHS shape (3-3-4 or unbroken, not starting 0) passing the modulus 11 check, without a cue.",
    regex=r"(?<![\w£$€+/.,-])(?<![0-9][ \x{A0}])(?<value>[1-9][0-9]{2}(?<nsep>[ \x{A0}-])[0-9]{3}\k<nsep>[0-9]{4}|[1-9][0-9]{9})(?![\w/]|[ \x{A0}.,-][0-9])",
    match=[("patient 943 476 5919 was discharged", "943 476 5919"), ("on the wristband: 401-023-2137", "401-023-2137"),
           ("ref 4010232137 on the letter", "4010232137")],
    nomatch=["943 476 5918", "07700 900123", "Ombudsman reference 24 013 403", "£4010232137", "0115 460 1191"]))
NINO_SEP = r"[ \x{A0}.-]?"
NINO_BODY = NINO_PREFIX + NINO_SEP + r"[0-9]{2}(?<ns>" + NINO_SEP + r")[0-9]{2}\k<ns>[0-9]{2}" + NINO_SEP + r"[A-D]"
rules.append(dict(
    comment="""In capitals with any separators; in lower case only run together or with dashes/dots ("ab123456c", "ws-61-00-81-c"):
spaced lower case ("on 12 34 56 a") reads as words, and needs the cue (identifiers.nino-cued).""",
    id="identifiers.nino", category="nino", validator="nino", confidence=0.95, placeholder="[National Insurance number]",
    description="A National Insurance number (HMRC format): two valid prefix letters (first not D F I Q U V, second not D F I O Q U V, not BG GB KN NK NT TN ZZ), six digits, suffix A-D; spaced, dashed, dotted or run together; lower case when not spaced.",
    regex=(r"(?<![\w-])(?<value>" + NINO_BODY + r"|(?i:" + NINO_PREFIX + r"(?:[0-9]{6}|(?<ls>[.-])[0-9]{2}\k<ls>[0-9]{2}\k<ls>[0-9]{2}\k<ls>)[A-D]))(?![\w-])"),
    match=[("NI number JT 48 21 93 A on the form", "JT 48 21 93 A"),
           ("(AB123456C)", "AB123456C"),
           ("quoted ZS-45-58-60-B", "ZS-45-58-60-B"),
           ("number jt.48.21.93.a", "jt.48.21.93.a"),
           ("as ab123456c on file", "ab123456c")],
    nomatch=["QQ 12 34 56 C", "GB123456A", "DA123456A", "AB123456E", "on 12 34 56 a day", "AB 12-34 56 C", "ab 12 34 56 c"]))
rules.append(dict(
    id="identifiers.nino-cued", category="nino", confidence=0.9, placeholder="[National Insurance number]",
    description="A National Insurance number after its cue (National Insurance number, NI no., NI:, NINO), in any case, with any separators, with or without the suffix letter.",
    regex=r"(?i:\bnational" + H + r"+insurance(?:" + H + r"+(?:number|no\.?))?|\bNI(?:" + H + r"+(?:number|no\.?)|(?=" + H + r"*[:(]))|\bNINO)(?![\w])(?:" + FOR_NAME + r"|" + GAP + r")(?<value>(?i:" + NINO_PREFIX + r")(?:" + NINO_SEP + r"[0-9]{2}){3}(?:" + NINO_SEP + r"[A-Da-d])?)(?![\w-])",
    requires=["insurance", "ni ", "ni:", "ni(", "nino"],
    match=[("National Insurance number ab 12 34 56", "ab 12 34 56"),
           ("his NI no. JT482193A.", "JT482193A"),
           ("NINO: ce123456d", "ce123456d"),
           ("NI: zc-74-71-06", "zc-74-71-06"),
           ("S. Jones’s NI number (PN 49 94 79 D) was", "PN 49 94 79 D")],
    nomatch=["National Insurance number QQ123456", "NI number not known", "National Insurance contributions 123456"]))
# Every spelling of the DOB cue the regex accepts ("dob", "d.o.b", "d o b", "d. o. b"…): each is a
# `requires` literal, so the cue's own line is always scanned.
DOB_LITERALS = ["born", "birth", "b. "] + ["d" + a + "o" + b + "b" for a in ["", ".", " ", ". ", "/", "/ "] for b in ["", ".", " ", ". ", "/", "/ "]]

# Numeric dates: day-month-year with one separator (03/05/1985, 3.5.85, 03-05-85, 03 05 1985) or ISO year-month-day (1985-05-03).
DOB_NUMERIC = (DAY + r"(?<ds>[/.-]|" + H + r")(?:0?[1-9]|1[0-2])\k<ds>(?:19[0-9]{2}|20[0-9]{2}|[0-9]{2})"
               r"|(?:19|20)[0-9]{2}(?<is>[/.-])(?:0?[1-9]|1[0-2])\k<is>" + DAY)
# Written dates: 3 May 1985, 3rd of May 1985, 24-Dec-1983, 7 Jan. 86, May 3, 1985, May 3rd 1985.
DOB_WRITTEN = (DAY + r"(?:st|nd|rd|th)?(?:" + H + r"+of)?(?:" + H + r"+|" + H + r"*[-/]" + H + r"*)" + MONTH + r"(?:,?" + H + r"+|" + H + r"*[-/]" + H + r"*)(?:19|20)?[0-9]{2}"
               r"|" + MONTH + H + r"+" + DAY + r"(?:st|nd|rd|th)?,?" + H + r"+(?:19|20)[0-9]{2}")
rules.append(dict(
    id="identifiers.dob-numeric", category="dob", validator="date", caseless=True, confidence=0.95, placeholder="[date of birth]",
    description="A numeric date of birth (03/03/1951, 3.3.1951, 3-3-51, ISO 1951-03-03) after a cue (born, DOB, D.O.B., date of birth, birthday); the cue stays.",
    regex=DOB_CUE + r"(?<value>" + DOB_NUMERIC + r")(?![0-9]|[/.-][0-9])",
    requires=DOB_LITERALS,
    match=[("Mr X (date of birth 03/03/1951) was assessed.", "03/03/1951"), ("| DOB | 03/03/1951 |", "03/03/1951"),
           ("Mrs X (D O B 12/03/1961) complained.", "12/03/1961"),
           ("DOB: 3.3.1951", "3.3.1951"),
           ("D.O.B. 3-3-51", "3-3-51"),
           ("She was born on 17/11/2008.", "17/11/2008"),
           ("Date of Birth:\t12/1/1940", "12/1/1940"),
           ("DOB 1985-05-03 on the form", "1985-05-03"),
           ("born on the 02.07.68.", "02.07.68"),
           ("D/O/B: 03 05 1985 (verified)", "03 05 1985")],
    nomatch=["Mr X (date of birth 31/02/1951)", "asked for his date of birth on 03/03/2023", "born 3/3/2099", "On 03/03/1951 the house was built.", "born in 1951", "DOB 3/3.1951",
             "DOB 1985-13-03"]))
rules.append(dict(
    id="identifiers.dob-written", category="dob", validator="date", caseless=True, confidence=0.95, placeholder="[date of birth]",
    description="A written date of birth (3 March 1951, 3rd of March 1951, 24-Dec-1983, 3 Sept. 51, March 3, 1951) after a cue; the cue stays.",
    regex=DOB_CUE + r"(?<value>" + DOB_WRITTEN + r")(?![0-9])",
    requires=DOB_LITERALS,
    match=[("Mrs X (born 3 March 1951) lives alone.", "3 March 1951"),
           ("D. O. B. 4 May 1970", "4 May 1970"),
           ("was born on the 3rd of March 1951 in Wales", "3rd of March 1951"),
           ("her son was born prematurely on 2 May 2016", "2 May 2016"),
           ("Date of birth: March 3, 1951", "March 3, 1951"),
           ("dob 21 Sept 1966", "21 Sept 1966"),
           ("her birthday is 1 January 2010", "1 January 2010"),
           ("DOB: 22-Feb-1968   NHS", "22-Feb-1968"),
           ("(DOB 7-jan-86, NHS no.", "7-jan-86"),
           ("DOB 3 Sept. 1951", "3 Sept. 1951"),
           ("born May 3rd 1985", "May 3rd 1985"),
           ("born on Tuesday 3 May 1983 in Leeds", "3 May 1983")],
    nomatch=["born in March 1951", "On 3 March 1951 the Act came in.", "The Council asked for her date of birth on 3 March 2023.", "date of birth 30 February 1951", "born 3 March 2090",
             "DOB 31-Feb-1968"]))
rules.append(dict(
    id="identifiers.reference-system", category="reference", confidence=0.95, placeholder="[reference]",
    description="A case-management system identifier; the value includes the system name (Mosaic ID 123456, LAS ID 98765).",
    regex=r"(?<![\w])(?<value>" + SYSTEMS + r"(?:" + H + r"+(?i:ID|number|no\.?|ref(?:erence)?|case" + H + r"+(?:number|no\.?)|person" + H + r"+(?:ID|number))" + H + r"*[:#]?|" + H + r"*[:#])" + H + r"*(?=(?:[A-Z/-]*[0-9]){4})[A-Z]{0,4}[0-9](?:[0-9/-]*[0-9])?)(?![\w/-])",
    requires=["mosaic", "las", "liquidlogic", "lcs", "ehm", "contrOCC", "carefirst", "systmone", "emis", "rio", "frameworki", "azeus", "civica", "northgate", "servelec", "synergy", "capita"],
    match=[("Council reference: Mosaic ID 123456", "Mosaic ID 123456"),
           ("recorded on LAS: 1234567", "LAS: 1234567"),
           ("her LAS ID: 987654 was quoted", "LAS ID: 987654"),
           ("SystmOne number 55512345", "SystmOne number 55512345"),
           ("Mosaic: 882790 (adults)", "Mosaic: 882790")],
    nomatch=["the Mosaic system", "Mosaic ID not found", "LAS ID 12", "Mosaic 2019 upgrade"]))
rules.append(dict(
    comment="""Cue (reference, ref, case/complaint/customer number…; not after "Ombudsman's", "LGO", "PSOW"), then either
"for <up to 40 characters> is|was" or a short gap (":", "-", "is", "was"…), then a token with 4+ digits that is not a
bare year, not 8 digits (+ letter) and not 20YYNNNNN — the Ombudsman's own references written without spaces.""",
    id="identifiers.reference-cued", category="reference", confidence=0.9, placeholder="[reference]",
    description="A council case or complaint reference after its cue (reference, ref, our ref, case number, complaint number); the value is the identifier with any letter prefix, never the Ombudsman's own reference.",
    requires=["ref", "case", "complaint", "customer", "client", "service user", "person"],
    regex=REF_CUE + r"(?:" + FOR_NAME + r"|" + GAP + r")" + CODE + r"(?<value>" + REF_TOKEN + r")(?![\w/-]|[.,][0-9])",
    match=[("The Council's reference for Mr Jones is COMP-842953.", "COMP-842953"),
           ("The Council's complaint reference for Mrs. A. Cole-Smith was HQ-1044.", "HQ-1044"),
           ("Our ref: CS/2022/66462", "CS/2022/66462"),
           ("case number ASC7604378 was opened", "ASC7604378"),
           ("complaint no. 2023-0456", "2023-0456"),
           ("Ref: hsg/20931", "hsg/20931"),
           ("customer reference 700123456", "700123456"),
           ("Subject: Re: your ref CTAX 6007946172", "6007946172"),
           ("Our ref: PCN DE50884630", "DE50884630"),
           ("quoting reference ref. 392/8168/B.", "392/8168/B")],
    nomatch=["The Ombudsman's reference is 24 013 403.",
             "Our reference: 17 002 402b",
             "with reference to the letter of 12 March 2024",
             "reference 2023 guidance",
             "reference to section 24A(6)",
             "our reference 24013403", "git refs/tags/10.3.129/src", "Application No. 09/918,615",
             "Ombudsman reference 202303833",
             "The reference was wrong.",
             "a PCN was issued", "reference 2019/20 accounts", "reference 12/03/2024 letter"]))
rules.append(dict(
    id="identifiers.account-reference", category="reference", confidence=0.92, placeholder="[reference]",
    description="A tenancy, rent, council tax (CTAX), benefit, Universal Credit, pupil (UPN), hospital, planning application, PCN, blue badge, permit, payroll or taxpayer (UTR) number after its cue, also bracketed '(no. X)'; the cue stays.",
    requires=["tenancy", "rent", "council tax", "benefit", "pupil", "upn", "hospital", "patient", "unit", "mrn", "chi ", "planning",
              "application", "penalty", "pcn", "permit", "badge", "payroll", "employee", "staff", "student", "member", "file", "record",
              "customer", "client", "account", "hmrc", "utr", "ctax", "taxpayer", "credit", "allowance", "pip ", "esa ", "jsa ", "dla ",
              "housing register", "bidding", "homeless"],
    regex=ACCT_CUE + r"(?:" + FOR_NAME + r"|" + GAP + r")" + CODE + r"(?<value>" + ACCT_TOKEN + r")(?![\w/-]|[.,][0-9])",
    match=[("tenancy reference 00123456-01", "00123456-01"),
           ("Council tax account number 60012345", "60012345"),
           ("Housing benefit reference: HB/778812", "HB/778812"),
           ("unique pupil number H801200001001", "H801200001001"),
           ("UPN: A123456789012", "A123456789012"),
           ("hospital number RX1234567", "RX1234567"),
           ("planning application 23/01234/FUL", "23/01234/FUL"),
           ("PCN number WK12345678 was cancelled", "WK12345678"),
           ("The rent account reference for Mrs Jones is 4451-2209.", "4451-2209"),
           ("my blue badge (no. E957051).", "E957051"),
           ("council tax CTAX 6007946172", "6007946172"),
           ("planning application no. 12345/98 was", "12345/98"),
           ("Universal Credit claim reference: UC-88123456", "UC-88123456"),
           ("housing register number HR123456 and bidding number 778812", "HR123456"),
           ("her homelessness application ref. HOM/2023/0456", "HOM/2023/0456")],
    nomatch=["a PCN was issued", "the council tax account was in arrears", "planning application 2023", "hospital number not given",
             "the PCN 24 013 403", "council tax 2023/24 rose", "council tax 2023-2024", "housing benefit 12/03/2024", "blue badge holder",
             "the housing register in 2019", "a homeless application on 12/03/2024"]))
rules.append(dict(
    id="identifiers.reference-token", category="reference", confidence=0.6, placeholder="[reference]",
    description="A free-standing reference-shaped token without a cue: segments joined by / or -, one all capitals and one of 4+ digits (CS/2023/12345, HSG-20931, 23/01234/FUL); WORD-2019 is not taken.",
    regex=(r"(?<![\w/.-])(?<value>(?!(?:COVID|SARS|MERS|GDPR|ISO|BS|EN|IEC|PAS|CCLR|EWHC|EWCA|UKSC|UKUT|UKHL|SI|NHS)[/-])"
           r"(?=(?:[A-Z0-9]+[/-])*[A-Z]+(?:[/-]|(?![\w])))"            # a segment of letters only (CS, HSG, FUL)
           r"(?=(?:[A-Z0-9]+[/-])*[0-9]{4,}(?:[/-]|(?![\w])))"         # a segment of 4+ digits
           r"(?![A-Z]+[/-](?:19|20)[0-9]{2}(?![\w/-]))(?!(?:19|20)[0-9]{2}[/-][A-Z]+(?![\w/-]))"  # not WORD-2019 / 2019-WORD
           r"[A-Z0-9]+(?:[/-][A-Z0-9]+)+)(?![\w/-]|\.[\w])"),
    match=[("see CS/2023/12345 for the file", "CS/2023/12345"),
           ("the housing file HSG-20931.", "HSG-20931"),
           ("application 23/01234/FUL was refused", "23/01234/FUL")],
    nomatch=["COVID-19 restrictions in 2020-21", "Ombudsman case 24 013 403 and 17 002 402b", "SI 2010/948",
             "the 2019/20 financial year", "section 24A(6)", "EHCP", "a PCN", "s.17", "[2019] EWHC 1234 (Admin)", "COVID-2019", "GDPR-2018", "FY2023/24 budget", "Q1-2024 report", "A1-2345"]))
rules.append(dict(
    id="identifiers.reference-alnum", category="reference", confidence=0.55, placeholder="[reference]",
    description="A free-standing code of 2-5 capital letters followed by 6-12 digits (ASC7604378, WK12345678), without a cue.",
    regex=r"(?<![\w/-])(?<value>(?!ISO|BS|EN|IEC|PAS|SI|NHS)[A-Z]{2,5}[0-9]{6,12})(?![\w/-])",
    match=[("file ASC7604378 shows", "ASC7604378"), ("PCN WK12345678 was cancelled", "WK12345678"), ("(HB0045123)", "HB0045123")],
    nomatch=["ISO27001", "EN1234", "AB123456C", "SW1A2AA", "AB12CDE"]))
rules.append(dict(
    id="identifiers.court-claim", category="reference", confidence=0.95, placeholder="[reference]",
    description="A court claim number after its cue (claim number F12YX345); the cue stays.",
    regex=r"(?i:\bclaim" + H + r"+(?:number|no\.?|ref(?:erence)?)|\bcounty" + H + r"+court" + H + r"+(?:claim|case)" + H + r"*(?:number|no\.?)?)(?![\w])" + GAP + r"(?<value>(?=[A-Z0-9]*[0-9][A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,12})(?![\w/-])",
    requires=["claim"],
    match=[("The claim number F12YX345 was issued.", "F12YX345"), ("County Court claim no. K00CF123", "K00CF123"), ("claim reference: 3QZ61234", "3QZ61234")],
    nomatch=["claim number not given", "claim number 12345678", "a claim number of HOUSING"]))
CURRENT_REG = r"[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[12][0-9]|5[1-9]|[67][0-9])[ \x{A0}]?[A-HJ-PR-Z]{3}"
rules.append(dict(
    id="identifiers.vehicle", category="vehicle", confidence=0.85, placeholder="[vehicle registration]",
    description="A current-format (2001-) vehicle registration (AB12 CDE): area letters, age identifier 02-29 or 51-79, three letters; with or without the space.",
    regex=r"(?<![\w-])(?<value>" + CURRENT_REG + r")(?![\w-])",
    match=[("a blue van, LV21 XKP, parked", "LV21 XKP"), ("registration YA71ZPS", "YA71ZPS"), ("Her Ford Fiesta (BD51 SMR) was towed.", "BD51 SMR")],
    nomatch=["postcode LS6 2QW", "the M62 motorway", "AB50 CDE", "SE1 7TH", "EN50 ISO"]))
rules.append(dict(
    id="identifiers.vehicle-cued", category="vehicle", confidence=0.9, placeholder="[vehicle registration]",
    description="A vehicle registration after a cue (registration, reg, registered, number plate, VRM): prefix (A123 BCD), suffix (ABC 123D), dateless, Northern Irish (ABZ 1234) or current format, the current one in any case.",
    regex=r"(?i:\bregistration(?:" + H + r"+(?:number|no\.?|mark|plate))?|\breg\.?(?:" + H + r"+(?:number|no\.?|mark|plate))?|\bregistered|\bnumber" + H + r"*plates?|\bVRM|\bVRN|\bplate)(?![\w])" + GAP + r"(?:(?i:as|number)" + H + r"+)?"
          r"(?<value>[A-HJ-NP-Y][1-9][0-9]{0,2}" + H + r"?[A-HJ-PR-Y]{3}|[A-HJ-PR-Y]{3}" + H + r"?[1-9][0-9]{0,2}" + H + r"?[A-HJ-NP-Y]|[A-HJ-PR-Z]{1,3}" + H + r"?[1-9][0-9]{0,3}|[1-9][0-9]{0,3}" + H + r"?[A-HJ-PR-Y]{1,3}|(?i:" + CURRENT_REG + r"))(?![\w-])",
    requires=["reg", "plate", "vrm", "vrn"],
    match=[("a car registered P123 ABC outside", "P123 ABC"), ("registration number ABC 123D", "ABC 123D"),
           ("number plate: 1234 AB", "1234 AB"), ("reg. K7 BDS", "K7 BDS"), ("registration lv21 xkp", "lv21 xkp"), ("reg no. AZ 1234 (Belfast)", "AZ 1234")],
    nomatch=["registered in 2019", "registered as homeless in May", "Registration 12 March", "registered charity 1234567"]))
VIN_CHARS = r"[A-HJ-NPR-Z0-9]"
rules.append(dict(
    id="identifiers.vin-cued", category="vehicle", confidence=0.9, placeholder="[vehicle identification number]",
    description="A 17-character vehicle identification number (ISO 3779: letters and digits, never I O Q) after its cue (VIN, chassis number, vehicle identification number), in any case.",
    regex=r"(?i:\bVIN|\bchassis" + H + r"+(?:number|no\.?)|\bvehicle" + H + r"+identification" + H + r"+(?:number|no\.?))(?![\w])" + GAP + r"(?<value>(?i:(?=" + VIN_CHARS + r"*[0-9])" + VIN_CHARS + r"{17}))(?![\w-])",
    requires=["vin", "chassis", "vehicle identification"],
    match=[("VIN: WVWZZZ1JZXW000001 on the V5C", "WVWZZZ1JZXW000001"), ("chassis number sajaa06e2pm000000", "sajaa06e2pm000000")],
    nomatch=["VIN number not known", "VIN: ABCDEFGHIJKLMNOPQ"]))
rules.append(dict(
    id="identifiers.vin", category="vehicle", validator="vin", confidence=0.8, placeholder="[vehicle identification number]",
    description="A 17-character vehicle identification number without a cue, only when its check digit (position 9, North American weights) is right.",
    regex=r"(?<![\w-])(?<value>(?=" + VIN_CHARS + r"*[A-Z])(?=" + VIN_CHARS + r"*[0-9])" + VIN_CHARS + r"{17})(?![\w-])",
    match=[("its 1M8GDM9AXKP042788 plate", "1M8GDM9AXKP042788"), ("(1HGCM82633A004352)", "1HGCM82633A004352")],
    nomatch=["1M8GDM9AXKP042789 is wrong", "ABCDEFGHJKLMNPRST", "12345678901234567"]))
rules.append(dict(
    id="identifiers.passport", category="passport", confidence=0.95, placeholder="[passport number]",
    description="A passport number after its cue (passport, passport no., travel document; 'passport (number X)'): UK 9 digits, 1-2 letters and 6-8 digits, or another 6-9 character alphanumeric form; the cue stays.",
    regex=r"(?i:\bpassport|\btravel" + H + r"+document)(?:" + H + r"+(?i:number|no\.?))?(?![\w])" + GAP + r"(?<value>(?i:[0-9]{9}|[A-Z]{1,2}[0-9]{6,8}|(?=(?:[A-Z]*[0-9]){5})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,9}))(?![\w-])",
    requires=["passport", "travel document"],
    match=[("passport number 925076473 expired", "925076473"), ("Passport: 123456789", "123456789"), ("her passport no. AB1234567", "AB1234567"),
           ("sent her passport number, 925076473, by post", "925076473"), ("a copy of her passport (number 924953157) as proof", "924953157"),
           ("passport no. c01x00t47", "c01x00t47")],
    nomatch=["passport renewed in 2019", "passport photos cost £12", "passport 12345", "passport office"]))
DL_VALUE = r"(?i:[A-Z][A-Z9]{4}[ \x{A0}-]?[0-9]{6}[ \x{A0}-]?[A-Z][A-Z9][0-9][A-Z0-9]{2})"
rules.append(dict(
    id="identifiers.driving-licence-cued", category="driving-licence", validator="driving-licence", confidence=0.95, placeholder="[driving licence number]",
    description="A 16-character DVLA driving licence number (MORGA753116SM9IJ, spaced 5-6-5, any case) after licence/license/DVLA/driver number, checked by its structure (surname padded with 9, month 01-12 or 51-62, day 01-31, initials).",
    regex=r"(?i:\blicen[cs]e|\bDVLA|\bdriver" + H + r"+number)(?:" + H + r"+(?i:number|no\.?))?(?![\w])" + GAP + r"(?<value>" + DL_VALUE + r")(?![\w-])",
    requires=["licence", "license", "dvla", "driver number"],
    match=[("driving licence number MORGA753116SM9IJ", "MORGA753116SM9IJ"), ("Licence: JONES 610118 JJ9AB", "JONES 610118 JJ9AB"), ("DVLA no: SMITH910203J99XY", "SMITH910203J99XY"),
           ("gave her driving licence number, BABI9807267F91FE.", "BABI9807267F91FE"), ("licence leeva859187m97aa", "leeva859187m97aa")],
    nomatch=["licence number 12345", "licence MORGA753116SM9IJX", "licence MORGA713116SM9IJ", "licence MOR9A753116SM9IJ"]))
rules.append(dict(
    id="identifiers.driving-licence", category="driving-licence", validator="driving-licence", confidence=0.8, placeholder="[driving licence number]",
    description="A 16-character DVLA driving licence number without a cue, in any case, spaced 5-6-5 or not, checked by its structure (month 01-12 or 51-62, day 01-31, initials).",
    regex=r"(?<![\w-])(?<value>" + DL_VALUE + r")(?![\w-])",
    match=[("copy of MORGA753116SM9IJ attached", "MORGA753116SM9IJ"), ("(WHITF612158JW9AB)", "WHITF612158JW9AB"), ("held SMITH910203J99XY.", "SMITH910203J99XY"),
           ("it read lefvr 859187 m97aa", "lefvr 859187 m97aa")],
    nomatch=["MORGA753116", "ABCDE123456789012", "MORGA753116SM9IJX", "MORGA793116SM9IJ", "MORGA750016SM9IJ"]))
rules.append(dict(
    id="identifiers.driving-licence-other", category="driving-licence", confidence=0.85, placeholder="[driving licence number]",
    description="Another licence number (Northern Irish 8 digits, foreign or US driver's licence) after 'driving licence number' / 'driver's license no.'; the cue stays.",
    regex=r"(?i:\bdriv(?:ing|er['’]?s?)" + H + r"+licen[cs]e" + H + r"+(?:number|no\.?|#))(?![\w])" + GAP + r"(?<value>(?i:(?=[A-Z0-9-]*[0-9]{4})[A-Z0-9](?:[A-Z0-9-]{3,18}[A-Z0-9])))(?![\w-])",
    requires=["licence", "license"],
    match=[("his driving licence number 12345678 (Northern Ireland)", "12345678"), ("driver's license no. D123-4567-8901", "D123-4567-8901")],
    nomatch=["driving licence number not known", "driving licence number 2019"]))

rules.append(dict(
    id="identifiers.utr", category="reference", validator="utr", confidence=0.95, placeholder="[reference]",
    description="A UK Unique Taxpayer Reference: 10 digits (spaced 5 5 or not, an optional K) after its cue (UTR, unique taxpayer reference, self assessment reference, tax reference), with HMRC's check digit.",
    regex=r"(?i:\bUTR|\bunique" + H + r"+taxpayer(?:['’]s)?" + H + r"+reference|\bself" + H + r"*-?" + H + r"*assessment" + H + r"+(?:UTR|reference|ref)|\btax(?:payer)?" + H + r"+reference)(?:" + H + r"+(?i:number|no\.?))?(?![\w])" + GAP + r"(?<value>(?i:k?)[0-9]{5}[ \x{A0}]?[0-9]{5}(?i:k?))(?![\w-])",
    requires=["utr", "taxpayer", "assessment", "tax reference"],
    match=[("her UTR is 1955839661 and", "1955839661"), ("Self Assessment UTR: 19558 39661", "19558 39661"), ("tax reference 1955839661K", "1955839661K")],
    nomatch=["UTR 2955839661", "UTR not known", "tax reference 12345"]))
rules.append(dict(
    id="identifiers.chi-cued", category="nhs", validator="chi", confidence=0.95, placeholder="[NHS number]",
    description="A Scottish Community Health Index (CHI) number after its cue: 10 digits starting with the date of birth (DDMMYY), modulus 11 check digit; written 6+4, 3-3-4 or unbroken.",
    regex=r"(?i:\bCHI|\bcommunity" + H + r"+health" + H + r"+index)(?:" + H + r"+(?i:number|no\.?))?(?![\w])" + GAP + r"(?<value>[0-9]{6}[ \x{A0}-]?[0-9]{4}|[0-9]{3}[ \x{A0}-][0-9]{3}[ \x{A0}-][0-9]{4})(?![0-9]|[ \x{A0}-][0-9])",
    requires=["chi", "community health index"],
    match=[("CHI: 0101751230 on the record", "0101751230"), ("his CHI number 150390 4563", "150390 4563")],
    nomatch=["CHI 0101751235", "CHI 3202751234", "the CHI system"]))
rules.append(dict(
    id="identifiers.electoral-roll", category="reference", confidence=0.9, placeholder="[reference]",
    description="An electoral roll (elector) number after its cue: polling district letters and the elector number (AB123, XY 1234/1), or the number alone.",
    regex=r"(?i:\belector(?:al)?(?:" + H + r"+(?:roll|register))?" + H + r"+(?:number|no\.?)|\bpolling" + H + r"+(?:card" + H + r"+)?number|\belectoral" + H + r"+(?:roll|register)" + H + r"+(?:entry|ref(?:erence)?))(?![\w])" + GAP + r"(?<value>(?i:(?:[A-Z]{1,3}[0-9]?(?:[ \x{A0}/-])?)?[0-9]{1,5}(?:[/.-][0-9]{1,2})?))(?![\w/-])",
    requires=["elector", "polling"],
    match=[("her elector number AB123 on the register", "AB123"), ("electoral roll number: XY 1234/1", "XY 1234/1"), ("polling number 567", "567")],
    nomatch=["elector number not known", "electoral roll number was missing"]))
rules.append(dict(
    id="identifiers.ssn", category="reference", validator="ssn", confidence=0.9, placeholder="[social security number]",
    description="A US Social Security number or ITIN: 3-2-4 digits with dashes (area not 000, 666; group not 00; serial not 0000; 9xx only as an ITIN), or spaced/unbroken after its cue (SSN, social security number, ITIN).",
    regex=(r"(?|(?i:\bSSN|\bsocial" + H + r"+security" + H + r"+(?:number|no\.?)|\bITIN|\bindividual" + H + r"+taxpayer" + H + r"+identification" + H + r"+number)(?![\w])" + GAP + r"(?<value>[0-9]{3}[ \x{A0}-]?[0-9]{2}[ \x{A0}-]?[0-9]{4})(?![0-9]|[ \x{A0}-][0-9])"
           r"|(?<![\w/.-])(?<value>[0-9]{3}-[0-9]{2}-[0-9]{4})(?![\w-]|[/.][0-9]))"),
    match=[("SSN 078 05 1120 on file", "078 05 1120"), ("her social security number is 219-09-9999.", "219-09-9999"), ("ID 536-22-1234 was", "536-22-1234"),
           ("ITIN: 912-70-1234", "912-70-1234")],
    nomatch=["000-12-3456", "666-12-3456", "536-00-1234", "536-22-0000", "912-12-1234"]))
rules.append(dict(
    id="identifiers.imei", category="device", validator="imei", confidence=0.97, placeholder="[device identifier]",
    description="A phone's IMEI: 15 digits passing the Luhn check, after its cue in any grouping, or grouped 2-6-6-1 without a cue.",
    regex=(r"(?|(?i:\bIMEI)(?:" + H + r"+(?i:number|no\.?))?(?![\w])" + GAP + r"(?<value>[0-9]{2}[ \x{A0}/-]?[0-9]{6}[ \x{A0}/-]?[0-9]{6}[ \x{A0}/-]?[0-9])(?![0-9])"
           r"|(?<![\w/.-])(?<value>[0-9]{2}(?<ims>[ \x{A0}/-])[0-9]{6}\k<ims>[0-9]{6}\k<ims>[0-9])(?![\w-]|[/.][0-9]))"),
    comment="""Above the card rule's confidence: after "IMEI" a 15-digit Luhn number is the phone's, not a card.""",
    match=[("IMEI 490154203237518 on the box", "490154203237518"), ("IMEI no: 49-015420-323751-8", "49-015420-323751-8"), ("the handset 35 209900 176148 1 was", "35 209900 176148 1")],
    nomatch=["IMEI 490154203237519", "12 345678 901234 5"]))
rules.append(dict(
    id="identifiers.sim", category="device", confidence=0.9, placeholder="[device identifier]",
    description="A SIM identifier after its cue: IMSI (15 digits) or ICCID / SIM card number (89 and 16-20 more digits, spaced or not).",
    regex=(r"(?|(?i:\bIMSI)(?:" + H + r"+(?i:number|no\.?))?(?![\w])" + GAP + r"(?<value>[2-7][0-9]{14})(?![0-9])"
           r"|(?i:\bICCID|\bSIM(?:" + H + r"+card)?" + H + r"+(?:number|no\.?|serial(?:" + H + r"+number)?))(?![\w])" + GAP + r"(?<value>89(?:[ \x{A0}-]?[0-9]){16,20})(?![0-9]))"),
    requires=["imsi", "iccid", "sim"],
    match=[("IMSI 234150999999999 in the log", "234150999999999"), ("SIM card number 8944 1234 5678 9012 3456", "8944 1234 5678 9012 3456")],
    nomatch=["IMSI unknown", "SIM card number 1234"]))
rules.append(dict(
    id="identifiers.professional-registration", category="reference", confidence=0.9, placeholder="[registration number]",
    description="A professional registration number after its register (GMC, NMC PIN, HCPC, Social Work England, GDC, GPhC, GOC): identifies a named professional, who house style describes by role.",
    regex=r"(?i:\bGMC|\bNMC|\bHCPC|\bSocial" + H + r"+Work" + H + r"+England|\bSWE|\bGDC|\bGPhC|\bGOC)(?:" + H + r"+(?i:registration|reference|ref\.?|PIN|number|no\.?)){0,2}(?![\w])" + GAP + r"(?<value>" + NOT_YEAR_OR_DATE + r"(?i:(?=(?:[A-Z]*[0-9]){4})[A-Z0-9]{4,10}))(?![\w/-])",
    requires=["gmc", "nmc", "hcpc", "social work england", "swe", "gdc", "gphc", "goc"],
    match=[("Dr Shah (GMC number 7123456) saw", "7123456"), ("NMC PIN 12A3456E", "12A3456E"), ("registered with Social Work England (SW123456)", "SW123456")],
    nomatch=["the GMC 2019 guidance", "GMC Good Medical Practice", "the NMC code"]))

hdr = """# Patterns/identifiers.yaml — NHS, CHI and National Insurance numbers, dates of birth, council/case/claim
# references, taxpayer (UTR) and electoral roll numbers, vehicle registrations and VINs, passport and driving
# licence numbers, device identifiers (IMEI, IMSI, ICCID), US SSN/ITIN, professional registration numbers
# (HOUSE-STYLE.md, "Always replaced").
# Cue words ("NHS number", "date of birth", "reference", "registration"…) stay in the text: only the
# `value` group is replaced. The Ombudsman's own reference (24 013 403, 17 002 402b, or unspaced
# 24013403 / 202303833) is never a reference value.
# The date validator is assumed to read d/m/y with 2- or 4-digit years and English month names.
"""
open(os.path.join(HERE, "..", "..", "Patterns", "identifiers.yaml"), "w").write(emit(hdr, rules))
