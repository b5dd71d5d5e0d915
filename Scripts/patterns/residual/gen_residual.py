import os, sys, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from frag import *
from emit import emit

R = []
def _whole_group(rx):
    """True if rx is one (?:...) group spanning the whole pattern."""
    depth, i, esc, cls = 0, 0, False, False
    for i, ch in enumerate(rx):
        if esc: esc = False; continue
        if ch == "\\": esc = True; continue
        if cls:
            if ch == "]": cls = False
            continue
        if ch == "[": cls = True; continue
        if ch == "(": depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(rx) - 1: return False
    return depth == 0

# Words on nearly every line: a `requires` list holding one of them would filter nothing.
COMMON_LITERALS = {"is", "in", "on", "no", "was", "are", "had", "her", "his", "use", "son", "bed", "the", "and", "of", "to"}

def rule(**kw):
    kw.setdefault("action", "flag")
    rx = kw["regex"]
    if kw.get("requires") is None:
        # Derived from the regex: the literal each alternative starts with (see frag.leading_literals).
        literals = leading_literals(rx, minimum=2)
        if literals and not set(literals) & COMMON_LITERALS:
            kw["requires"] = literals
    if "(?<v2>" in rx:
        assert rx.startswith("(?:") and _whole_group(rx), kw["id"]
        rx = "(?|" + rx[3:]
        rx = re.sub(r"\(\?<v[0-9]>", "(?<value>", rx)
        kw["regex"] = rx
    R.append(kw)
def section(s):
    R.append({"section": s})

WORD = r"(?:St\.|" + CAPW + r"|C" + SP + r"of" + SP + r"E)"
def nameseq(extra="", maxw=6, andnext=""):
    """Capitalised words of a proper name; first word not a stop word. Greedy (backtracks to a type noun)."""
    conn = r"(?:(?:of|upon|de|la|le|du|van|von|der|den)" + SP + r"+"
    if andnext:
        conn += r"|(?:and|&)" + SP + r"+(?=St\b|Saint\b|" + andnext + r")"
    conn += r")?"
    return stop(extra) + WORD + r"(?:" + SP + r"+" + conn + WORD + r"){0," + str(maxw) + r"}"

# ======================================================================= school
section("Schools, nurseries, colleges, universities")
SCH_STOP = ("Primary|Secondary|Junior|Juniors|Infant|Infants|Nursery|School|Schools|Academy|Academies|College|Colleges|"
            "Sixth|Special|Specialist|Independent|Maintained|Mainstream|Alternative|Free|Grammar|Private|State|"
            "Residential|Day|Higher|Education|Educational|Community|Faith|Catholic|Church|High|Multi|Royal|Open|"
            "University|Universities|Pupil|Pupils|Parent|Parents|Admissions|Appeal|Appeals|Transport|Travel|Home")
SCH_TYPE = (r"(?:School|Academy|College(?!" + SP + r"+of" + SP + r"+(?:Nursing|Psychiatrists|Physicians|Surgeons|General|"
            r"Paramedics|Policing|Social|Occupational|Paediatrics|Emergency|Speech|Midwives|Radiologists|Anaesthetists|Law|Arms))"
            r"|Nursery|Pre-[Ss]chool|Preschool|Playgroup|Kindergarten|Montessori|Primary|Secondary|Junior|Juniors|Infant|Infants|"
            r"High|Grammar|Federation|UTC|PRU|Pupil" + SP + r"Referral" + SP + r"Unit|Children['’]s" + SP + r"Centre|"
            r"Sixth" + SP + r"Form|University)")
# A school or hospital named after a titled person ("Lady Margaret School", "Sir John Talbot's School",
# "King Edward VI Grammar School"): the title starts the name (titles are stop words elsewhere).
NAMED_AFTER = r"(?:(?:Lady|Sir|Dame|Lord|King|Queen|Prince|Princess|Duke|Duchess|Bishop|Archbishop|Cardinal|Saint)" + SP + r"+(?=\p{Lu}))?"
rule(id="residual.school-named", whole_name=True, generalise="the School", category="school", confidence=0.75,
     description="A named school, nursery, college, academy or pupil referral unit (capitalised name ending in School, Primary, Academy, Nursery…).",
     regex=r"(?<![\p{L}\p{M}])(?<value>" + NAMED_AFTER + nameseq(SCH_STOP, 6, "Nursery|Infant|Junior|Primary|Sixth|Community") + SP + r"+" + SCH_TYPE + r")\b(?!['’]?" + SP + r"*(?:Trust|Road|Street|Lane|Avenue|Close|Drive)\b)",
     reason="names a school, nursery or college a child attends, which can identify the child and family",
     suggestion="the School",
     requires=["school", "academy", "college", "nursery", "primary", "secondary", "junior", "infant", "high", "grammar",
               "playgroup", "kindergarten", "montessori", "federation", "utc", "pru", "referral", "centre", "sixth", "university"],
     match=[("Her son moved to Oakwood Primary School in the autumn.", "Oakwood Primary School"),
            ("He is on roll at St Anne's C of E Junior.", "St Anne's C of E Junior"),
            ("a place at Hillside Academy was offered", "Hillside Academy"),
            ("She collected Y from Brook Nursery at noon.", "Brook Nursery"),
            ("He studies at Riverside Sixth Form College.", "Riverside Sixth Form College"),
            ("The head of St Mary’s Catholic Primary wrote to us.", "St Mary’s Catholic Primary"),
            ("Greenfield Infant and Nursery School refused the request.", "Greenfield Infant and Nursery School"),
            ("a referral to Moorside Pupil Referral Unit", "Moorside Pupil Referral Unit"),
            ("the Kingsmead Federation decided", "Kingsmead Federation"),
            ("He started at Lakeside High in Year 7.", "Lakeside High"),
            ("since leaving Parkfield Secondary in 2023", "Parkfield Secondary"),
            ("Y began at Sutton Coldfield Grammar School for Girls last year.", "Sutton Coldfield Grammar School"),
            ("Her daughter attends Lady Hawkins School.", "Lady Hawkins School"), ("He went to Sir Thomas Rich's Grammar School.", "Sir Thomas Rich's Grammar School")],
     nomatch=["The School did not respond to the Council.",
              "A Primary School place was offered by the Council.",
              "Her child attends a Special School.",
              "the Council's School Admissions Team refused",
              "She wrote to the Royal College of Nursing.",
              "We cannot investigate what happens in schools.",
              "The Council offered school transport to Mrs X.",
              "Local Government Act 1974, Schedule 5, paragraph 5(2)",
              "the Oakwood Academy Trust board"])

# Welsh names put the kind of place first, and mutate the words after it: "Ysgol Gymraeg Bro Dur",
# "Ysgol Gynradd Pen-y-bryn", "Coleg Sir Gâr"; "Ysbyty Glan Clwyd", "Meddygfa Tywyn".
rule(id="residual.school-welsh", whole_name=True, generalise="the School", category="school", confidence=0.75,
     description="A Welsh-language school or college name: 'Ysgol …', 'Coleg …', 'Prifysgol …' followed by capitalised words.",
     regex=r"(?<![\p{L}\p{M}])(?<value>(?:Ysgol|Coleg|Prifysgol)(?:" + SP + r"+(?:y|yr|a|ap|ar|o|i|ym|yn|dros)(?=" + SP + r"))?(?:" + SP + r"+" + CAPW + r"(?:" + SP + r"+(?:y|yr|a|ap|ar|o|i|ym|yn|dros)(?=" + SP + r"+\p{Lu}))?){1,5}+)",
     reason="names a school, nursery or college a child attends, which can identify the child and family",
     suggestion="the School",
     requires=["ysgol", "coleg", "prifysgol"],
     match=[("Her son goes to Ysgol Gynradd Llanfair.", "Ysgol Gynradd Llanfair"), ("a place at Ysgol y Berllan Deg", "Ysgol y Berllan Deg"),
            ("She studies at Coleg Sir Gâr.", "Coleg Sir Gâr")],
     nomatch=["the ysgol was closed", "Ysgol is the Welsh word for school"])

rule(id="residual.school-lower", category="school", confidence=0.6,
     description="A capitalised name followed by a lower-case school word: 'Oakwood primary school', 'Hillside nursery'.",
     regex=r"(?<![\p{L}\p{M}])(?<value>(?:St\.?" + SP + r"+)?" + stop(SCH_STOP + "|Needs|Plan|Care|Health|Social|Adult|Children|Children's|Children’s|Blue|Badge") + MIXW + r"(?:['’]s)?" + SP + r"+(?:(?:primary|infant|junior|secondary|high|grammar|nursery|special|community)" + SP + r"+)?(?:school|academy|nursery|college|pre-school|preschool))\b",
     reason="names a school, nursery or college a child attends, which can identify the child and family",
     suggestion="the School",
     requires=["school", "academy", "nursery", "college"],
     match=[("Y goes to Oakwood primary school.", "Oakwood primary school"),
            ("a place at St Peter's school", "St Peter's school"),
            ("collected from the Rainbow nursery", "Rainbow nursery")],
     nomatch=["the Council's school transport policy", "Mrs X’s school run", "a Special Educational Needs school",
              "The school did not respond.", "The EHC Plan school was named."])

ATT_END = r"(?<!Hospital|Infirmary|Surgery|Clinic|Court|Tribunal|Hospice|Centre|Ward|Council|Meeting|Hearing|Church|Mosque|Temple|Gurdwara|Synagogue)"
rule(id="residual.school-attends", generalise="the School", category="school", confidence=0.6,
     description="A capitalised name after 'attends', 'pupil at', 'on roll at', 'excluded from', 'enrolled at' — the school even without a type word.",
     regex=r"\b(?:(?:son|daughter|child|children|grandson|granddaughter|grandchild|grandchildren|boys|girls|twins)(?:['’]s)?" + SP + r"+(?:still" + SP + r"+|now" + SP + r"+|both" + SP + r"+|all" + SP + r"+)?(?:goes|go|went|going|has" + SP + r"+gone|is|are|was|were)" + SP + r"+(?:to|at)|attend(?:s|ed|ing)?|pupils?" + SP + r"+at|students?" + SP + r"+at|enrolled" + SP + r"+(?:at|in)|on" + SP + r"+(?:the" + SP + r"+)?roll" + SP + r"+(?:at|of)|excluded" + SP + r"+from|place" + SP + r"+at|(?:head" + SP + r"?)?teachers?" + SP + r"+at|SENCO" + SP + r"+at|headteacher" + SP + r"+(?:at|of)|started" + SP + r"+at|starts" + SP + r"+at|go(?:es)?" + SP + r"+to" + SP + r"+school" + SP + r"+at)" + SP + r"+(?<value>" + stop("Hospital|Court|Tribunal|Meeting|Hearing|School|Academy|College|Nursery|Primary|Year|Reception|Stage") + WORD + r"(?:" + SP + r"+(?:(?:of|upon|and|&)" + SP + r"+)?" + WORD + r"){0,6}+)" + ATT_END,
     reason="names the school a child attends, which can identify the child and family",
     suggestion="the School",
     requires=["attend", "pupil", "student", "enrolled", "roll", "excluded", "place at", "teacher at", "teachers at", "senco at", "headteacher of", "started at", "starts at", "school at", "son", "daughter", "child", "boys", "girls", "twins"],
     match=[("Y attends St Bede's.", "St Bede's"),
            ("Z was a pupil at Kingsway Juniors until 2022.", "Kingsway Juniors"),
            ("when she was excluded from Park View in May", "Park View"),
            ("Mr X's son attends Oakwood Primary School.", "Oakwood Primary School"), ("Mr Patel's children go to Ecclesbourne.", "Ecclesbourne")],
     nomatch=["Mrs X attended the meeting.", "He attended Court in March.", "Mrs X attended Royal Derby Hospital.",
              "She attended a Stage 2 meeting."])

rule(id="residual.university", category="school", confidence=0.6,
     description="A named university: 'University of Derby', 'Sheffield Hallam University'.",
     regex=r"(?<value>\bUniversity" + SP + r"+of" + SP + r"+" + CAPW + r"(?:" + SP + r"+(?:and" + SP + r"+)?" + CAPW + r"){0,3}+|" + nameseq(SCH_STOP + "|Hospitals?", 3) + SP + r"+University\b(?!" + SP + r"+(?:Hospitals?|Health|NHS|Teaching)\b))",
     reason="names the university a person studies or works at",
     suggestion="a university",
     requires=["university"],
     match=[("She is a student at the University of Derby.", "University of Derby"),
            ("He studied at Sheffield Hallam University.", "Sheffield Hallam University")],
     nomatch=["University Hospitals of Derby and Burton NHS Foundation Trust",
              "Cardiff and Vale University Health Board",
              "She went to university."])

rule(id="residual.school-year", category="age", confidence=0.6,
     description="A school year ('Year 9', 'Year 11', 'reception class'), which gives a child's exact age.",
     regex=r"(?<value>\b(?:Year|year|Yr)" + SP + r"?(?:1[0-3]|[1-9])\b(?![0-9]|" + SP + r"?(?:[/.,][0-9]|%))|\b[Rr]eception" + SP + r"+(?:class|year)\b|(?<=\bin" + SP + r"|\binto" + SP + r"|\bstarted" + SP + r"|\bstarts" + SP + r"|\bstarting" + SP + r"|\bjoined" + SP + r")Reception\b)",
     reason="a school year gives a child's exact age",
     suggestion="of primary school age / of secondary school age",
     requires=["year", "yr", "reception"],
     match=[("He is in Year 9 at the School.", "Year 9"),
            ("when Y started in reception class", "reception class"),
            ("Z moved into Reception in September.", "Reception"),
            ("a Year 11 pupil", "Year 11")],
     nomatch=["the year 2023", "Year 2024 to 2025", "the first year", "in 2 years", "she waited in reception",
              "Year 3.5% increase"])

# ======================================================================= hospital / health services
section("Hospitals, wards, GP practices, clinics")
HOSP_STOP = ("Hospital|Hospitals|Community|Acute|Mental|Psychiatric|Private|Teaching|General|District|Medical|Health|"
             "Healthcare|Trust|Foundation|Integrated|Clinical|Care|Social|Children|Children's|Children’s|Adult|Adults|"
             "Specialist|Local|Emergency|Urgent|Accident|Walk-in|Out|Primary|Secondary|Dental|Keyhole|Elective|"
             "Cosmetic|Major|Minor|Day|Eye|Fertility|Sexual|Memory|Pain|Family|Group|Doctors|Doctor's|Doctor’s|GP|GPs|GP's|GP’s")
HOSP_TYPE = (r"(?:Hospital|Infirmary|Hospice|Medical" + SP + r"+Centre|Health" + SP + r"+Centre|Medical" + SP + r"+Practice|"
             r"Group" + SP + r"+Practice|Family" + SP + r"+Practice|Health" + SP + r"+Practice|Surgery|Clinic|"
             r"Walk-in" + SP + r"+Centre|Treatment" + SP + r"+Centre|Mental" + SP + r"+Health" + SP + r"+Unit|"
             r"Psychiatric" + SP + r"+Unit|Rehabilitation" + SP + r"+Unit|Maternity" + SP + r"+Unit|Stroke" + SP + r"+Unit|"
             r"Assessment" + SP + r"+Unit|Dementia" + SP + r"+Unit)")
HOSPNAME = NAMED_AFTER + nameseq(HOSP_STOP, 6) + SP + r"+" + HOSP_TYPE + r"\b(?!['’]?" + SP + r"*(?:NHS|Foundation|Trust|Hospitals?|Charity|Charities)\b)"
WARD = (r"(?:\b(?:Ward|Bay)" + SP + r"?[0-9]{1,3}[A-Z]?\b|\bWard" + SP + r"[A-Z][0-9]{0,2}\b|"
        r"(?<=\bon" + SP + r"|\bonto" + SP + r"|\bto" + SP + r"|\bat" + SP + r"|\bfrom" + SP + r"|\bthe" + SP + r"|\bin" + SP + r")"
        + nameseq(HOSP_STOP + "|Electoral|Political|Council|Polling|Voting|Ward|Single", 3) + SP + r"+(?:Ward|Unit|Suite|Wing)\b)")
rule(id="residual.hospital-named", whole_name=True, generalise="{facility}", category="hospital", confidence=0.75,
     description="A named hospital, infirmary, hospice, GP surgery, medical/health centre or clinic, with an adjacent ward ('Ward 7 at Whitworth Hospital') as one flag.",
     regex=r"(?<![\p{L}\p{M}])(?<value>(?:" + WARD + r",?" + SP + r"+(?:at|of|in|on)" + SP + r"+(?:the" + SP + r"+)?)?" + HOSPNAME + r")",
     reason="names the hospital, ward or GP practice treating a person, which narrows down who they are",
     suggestion="the hospital / the GP practice",
     requires=["hospital", "infirmary", "hospice", "centre", "practice", "surgery", "clinic", "unit"],
     match=[("She was admitted to Royal Derby Hospital in May.", "Royal Derby Hospital"),
            ("He spent a week on Ward 7 at Whitworth Hospital.", "Ward 7 at Whitworth Hospital"),
            ("Mrs X is registered with Parkside Surgery.", "Parkside Surgery"),
            ("the Oak Tree Medical Centre told the Council", "Oak Tree Medical Centre"),
            ("St Luke's Hospice provided end of life care", "St Luke's Hospice"),
            ("a bed at Leicester Royal Infirmary", "Leicester Royal Infirmary"),
            ("he was treated at St Thomas' Hospital", "St Thomas' Hospital"),
            ("taken to the Radbourne Mental Health Unit", "Radbourne Mental Health Unit")],
     nomatch=["She was discharged from Hospital.", "the Mental Health Act 1983 Code of Practice",
              "Sheffield Teaching Hospitals NHS Foundation Trust", "Moorfields Eye Hospital NHS Foundation Trust",
              "the Council's Code of Practice", "a District General Hospital", "Mrs X is waiting for surgery.",
              "an appointment at the GP Surgery"])

rule(id="residual.hospital-welsh", whole_name=True, generalise="{facility}", category="hospital", confidence=0.75,
     description="A Welsh-language hospital or GP surgery name: 'Ysbyty …', 'Meddygfa …' followed by capitalised words.",
     regex=r"(?<![\p{L}\p{M}])(?<value>(?:Ysbyty|Meddygfa)(?:" + SP + r"+(?:y|yr|a|ap|ar|o|i|ym|yn)(?=" + SP + r"))?(?:" + SP + r"+" + CAPW + r"(?:" + SP + r"+(?:y|yr|a|ap|ar|o|i|ym|yn)(?=" + SP + r"+\p{Lu}))?){1,5}+)",
     reason="names the hospital, ward or GP practice treating a person, which narrows down who they are",
     suggestion="the hospital / the GP practice",
     requires=["ysbyty", "meddygfa"],
     match=[("a letter from Ysbyty Glan Clwyd", "Ysbyty Glan Clwyd"), ("She is registered at Meddygfa Tywyn.", "Meddygfa Tywyn")],
     nomatch=["Ysbyty is the Welsh word for hospital"])

rule(id="residual.hospital-ward", whole_name=True, generalise="{facility}", category="hospital", confidence=0.7,
     description="A hospital ward named or numbered: 'Ward 7', 'Ward B3', 'Florence Nightingale Ward', 'on Maple Unit'.",
     regex=r"(?<![\p{L}\p{M}])(?<value>" + WARD + r")",
     reason="a named or numbered ward narrows down which hospital and which patient",
     suggestion="the ward",
     requires=["ward", "bay", "unit", "suite", "wing"],
     match=[("He was moved to Ward 12 overnight.", "Ward 12"),
            ("She was nursed on Florence Nightingale Ward.", "Florence Nightingale Ward"),
            ("transferred to the Maple Unit", "Maple Unit"),
            ("a bed in Bay 4", "Bay 4")],
     nomatch=["the electoral ward of Abbey", "the Ward councillor", "the Council Ward boundary", "a single Ward"])

rule(id="residual.hospital-admitted", generalise="{facility}", category="hospital", confidence=0.55,
     description="A capitalised name after 'admitted to', 'discharged from', 'treated at', 'patient at', 'registered with' — the hospital or GP practice even without a type word.",
     regex=r"\b(?:admitted" + SP + r"+(?:to|into)|discharged" + SP + r"+from|treated" + SP + r"+(?:at|in)|(?:in-?)?patient" + SP + r"+(?:at|in|of)|registered" + SP + r"+with|under" + SP + r"+the" + SP + r"+care" + SP + r"+of|A&E" + SP + r"+at|seen" + SP + r"+at|hospital" + SP + r"+(?:at|in)|operation" + SP + r"+at|appointments?" + SP + r"+at|clinic" + SP + r"+at|scans?" + SP + r"+at|outpatients?" + SP + r"+at|inpatient" + SP + r"+on|taken" + SP + r"+to|rushed" + SP + r"+to|gave" + SP + r"+birth" + SP + r"+(?:at|in)|born" + SP + r"+at|died" + SP + r"+(?:at|in)|passed" + SP + r"+away" + SP + r"+(?:at|in))" + SP + r"+(?:the" + SP + r"+)?(?<value>" + stop("Hospital|Court|Tribunal|School|Stage|Council|Care|Social|Services|Adult|Adults|Children|Mental|GP|Doctor|Doctors|Consultant|Dr|CAMHS|Cafcass|Police|Early|MASH|Multi|Safeguarding|Legal|Panel|Housing|Planning|Independent|Advocacy|Citizens|Age|Mind|Shelter|Prison|Custody|Court|Hearing|Task|Account|Consideration|Heart|Bed") + WORD + r"(?:" + SP + r"+(?:(?:of|upon|and|&)" + SP + r"+)?" + WORD + r"){0,6}+)(?<!NHS|Trust|Council|Board|Group)",
     reason="names where a person was treated, which narrows down who they are",
     suggestion="the hospital / the GP practice",
     requires=["admitted", "discharged", "treated", "patient", "registered with", "care of", "a&e", "seen at", "hospital", "operation at", "appointment", "clinic at", "scan", "outpatient", "taken to", "rushed to", "birth", "born at", "died", "passed away"],
     match=[("She was admitted to Kings Mill in January.", "Kings Mill"),
            ("He was discharged from Royal Derby Hospital to a care home.", "Royal Derby Hospital"),
            ("Mrs X is registered with Brookfield Surgery.", "Brookfield Surgery"),
            ("He was treated at the Northern General.", "Northern General"), ("while in hospital at Royal Derby", "Royal Derby")],
     nomatch=["The Council admitted to Mrs X it had delayed.", "He was discharged from Hospital.",
              "She was discharged from Adult Social Care.", "She was admitted to hospital."])

# ======================================================================= care homes
section("Care homes, nursing homes, supported living")
CARE_TYPE = (r"(?:Residential" + SP + r"+Care" + SP + r"+Home|Care" + SP + r"+Home|Nursing" + SP + r"+Home|Residential" + SP + r"+Home|"
             r"Care" + SP + r"+Centre|Nursing" + SP + r"+Centre|Care" + SP + r"+Village|Retirement" + SP + r"+(?:Home|Village)|"
             r"Rest" + SP + r"+Home|Care" + SP + r"+Facility|Extra" + SP + r"+Care(?:" + SP + r"+(?:Scheme|Housing|Court))?|"
             r"Supported" + SP + r"+Living(?:" + SP + r"+(?:Scheme|Service|Project))?|Sheltered" + SP + r"+Housing|"
             r"care" + SP + r"+home|nursing" + SP + r"+home|residential" + SP + r"+home|supported" + SP + r"+living(?:" + SP + r"+scheme)?|"
             r"extra" + SP + r"+care" + SP + r"+scheme)")
CARE_STOP = "Care|Nursing|Residential|Supported|Sheltered|Extra|Retirement|Rest|Adult|Adults|Social|Home|Homes|Independent|Private"
rule(id="residual.care-home-named", category="care-home", confidence=0.75,
     description="A named care home, nursing home, residential home or supported living scheme ('Beech House Care Home', 'The Laurels Nursing Home').",
     regex=r"(?<![\p{L}\p{M}])(?<value>(?:The" + SP + r"+)?" + nameseq(CARE_STOP, 5) + SP + r"+" + CARE_TYPE + r")\b",
     reason="names the care home or scheme where a person lives; a named provider stays in adult social care decisions, but a reviewer must decide",
     suggestion="the care home",
     requires=["home", "centre", "village", "care", "living", "housing"],
     match=[("Mrs Y moved into Beech House Care Home in 2021.", "Beech House Care Home"),
            ("The Laurels Nursing Home charged a top-up.", "The Laurels Nursing Home"),
            ("she lives at Willow Court Extra Care", "Willow Court Extra Care"),
            ("a flat at Meadowbank supported living scheme", "Meadowbank supported living scheme")],
     nomatch=["The Care Home did not respond.", "She moved to a Nursing Home.", "the Council's care home placements",
              "Mrs Y’s care home fees", "Adult Social Care Home Support"])

HOUSEY = r"(?:House|Lodge|Court|Manor|Grange|Hall|Gardens|View|Park|Place|Mews|Villa|Residence|Heights|Towers|Lawns|Meadows|Laurels|Cedars|Beeches|Limes|Elms|Pines|Oaks|Willows|Rowans|Hollies)"
rule(id="residual.care-home-context", category="care-home", confidence=0.6,
     description="A house-like name where a person lives or was placed: 'moved to Oak Lodge', 'the care home, Beech House,', 'placed at The Cedars'.",
     regex=r"(?:\b(?:care" + SP + r"+home|nursing" + SP + r"+home|residential" + SP + r"+home|care" + SP + r"+provider|placement|respite)" + SP + r"*(?:,|\(|" + SP + r"called|" + SP + r"named|" + SP + r"known" + SP + r"+as)" + SP + r"*(?<value>(?:The" + SP + r"+)?" + stop(CARE_STOP) + WORD + r"(?:" + SP + r"+(?:&" + SP + r"+|and" + SP + r"+)?" + WORD + r"){0,4}+)" +
           r"|\b(?:moved|admitted|placed|transferred|discharged|returned|went|lives|lived|living|resides|resided|residing|resident|staying|stayed|respite)" + SP + r"+(?:back" + SP + r"+)?(?:in|into|to|at)" + SP + r"+(?<v2>(?:The" + SP + r"+)?" + stop(CARE_STOP) + r"(?:" + WORD + SP + r"+){0,3}" + HOUSEY + r"|The" + SP + r"+" + HOUSEY + r")\b)",
     reason="names the care home or placement where a person lives",
     suggestion="the care home",
     requires=["home", "provider", "placement", "respite", "moved", "admitted", "placed", "transferred", "discharged", "returned", "went", "live", "living", "resid", "stay"],
     match=[("The care home, Rosewood, increased its fees.", "Rosewood"),
            ("the care provider (Bluebird Homecare) withdrew", "Bluebird Homecare"),
            ("In 2022 Mrs Y moved to Oak Lodge.", None),
            ("She was placed at The Cedars for respite.", None)],
     nomatch=["She moved to a care home.", "the care home, which was full,", "He lives at home with his wife."])

# ======================================================================= nationality and language words
# (here, before the places: a nationality or a language after "in" is not a place)
NAT = ("Afghan|Albanian|Algerian|American|Angolan|Argentine|Argentinian|Australian|Austrian|Bangladeshi|Belarusian|Belgian|"
       "Bolivian|Bosnian|Brazilian|Bulgarian|Burmese|Burundian|Cameroonian|Canadian|Chilean|Chinese|Colombian|Congolese|"
       "Croatian|Cuban|Cypriot|Czech|Danish|Dominican|Dutch|Ecuadorian|Egyptian|Emirati|Eritrean|Estonian|Ethiopian|Fijian|Filipino|"
       "Finnish|French|Gambian|Georgian|German|Ghanaian|Greek|Guinean|Guyanese|Haitian|Honduran|Hong" + SP + "Konger|Hungarian|Icelandic|"
       "Indian|Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovan|"
       "Kosovar|Kurdish|Kuwaiti|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Macedonian|Malawian|Malaysian|Maltese|Mauritian|Mexican|"
       "Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|Nepalese|Nepali|Nigerian|Norwegian|Pakistani|Palestinian|"
       "Peruvian|Polish|Portuguese|Qatari|Romanian|Russian|Rwandan|Saudi|Senegalese|Serbian|Sierra" + SP + "Leonean|Singaporean|Slovak|"
       "Slovakian|Slovenian|Somali|Somalian|Somalilander|South" + SP + "African|Spanish|Sri" + SP + "Lankan|Sudanese|South" + SP + "Sudanese|"
       "Swedish|Swiss|Syrian|Taiwanese|Tamil|Tanzanian|Thai|Tibetan|Togolese|Tunisian|Turkish|Ugandan|Ukrainian|Uzbek|Venezuelan|"
       "Vietnamese|Yemeni|Zambian|Zimbabwean|Caribbean|Arab|Kurd|Pashtun|Hazara|Oromo|Tigrayan|Amhara|Yoruba|Igbo|Sikh" )
# Adjectives of nationality from a general list (countries → demonyms, Patterns/lists/demonyms.txt,
# built by build_demonyms.py from countryinfo, MIT), beside the hand list above (which adds peoples
# and communities: Kurdish, Tamil, Yoruba…). Longest first, so "South Sudanese" wins over "Sudanese".
def _read_list(name):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Patterns", "lists", name)
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]
DEMONYMS = sorted(set(_read_list("demonyms.txt")) | set(NAT.replace(SP, " ").split("|")) - {"Sikh"}, key=lambda w: (-len(w), w))
NATALL = "|".join(w.replace(" ", SP) for w in DEMONYMS)
LANG = (r"Arabic|Bengali|Bangla|Sylheti|Cantonese|Mandarin|Chinese|Farsi|Persian|Dari|Pashto|Pashtu|Kurdish|Kurmanji|Sorani|"
        r"Tigrinya|Amharic|Somali|Oromo|Swahili|Yoruba|Igbo|Twi|Hausa|Lingala|French|Portuguese|Spanish|Italian|German|Polish|"
        r"Romanian|Lithuanian|Latvian|Russian|Ukrainian|Bulgarian|Czech|Slovak|Hungarian|Albanian|Turkish|Greek|Urdu|Punjabi|"
        r"Panjabi|Gujarati|Hindi|Tamil|Malayalam|Telugu|Nepali|Sinhala|Sinhalese|Vietnamese|Thai|Tagalog|Welsh|Gaelic|Irish|"
        r"Romani|Romanes|Yiddish|Hebrew|Japanese|Korean|Kurdish" + SP + r"+Sorani|British" + SP + r"+Sign" + SP + r"+Language|BSL|Makaton|sign" + SP + r"+language")

# ======================================================================= places
section("Towns, villages, estates, streets (context frames; a word list covers bare place names)")
PL_STOP = ("Temporary|Emergency|Supported|Sheltered|Social|Care|Housing|Accommodation|Band|Priority|Bed|Hostel|Refuge|"
           "Hospital|Home|Homes|House|Flat|Apartment|Room|Unit|Block|Number|No|Year|Reception|Stage|Summer|Spring|Autumn|Winter|"
           "Europe|Prison|Custody|Council's|Councils|Adult|Adults|Children|Children's|Children’s|Services|Service|"
           "Team|Panel|Board|Committee|Cabinet|Parliament|Hansard|Office|Trust|Foundation|Society|Association|Company|"
           "Ltd|Limited|Group|Plan|Policy|Scheme|Process|Procedure|Report|Review|Assessment|Appeal|Mediation|Section|"
           "Local|Government|Authority|Ombudsman|Court|Tribunal|Private|Public|UK|GB|EU|Universal|Credit|Pension|Attendance|"
           "Personal|Disability|Employment|Jobseeker's|Jobseeker’s|Child|Carer's|Carer’s|Income|Phase|Level|Special|Need|Needs|"
           "Article|Working|Early|Help|Legal|Independent|Direct|Payments|Continuing|Healthcare|Universal|Benefit|Benefits")
PL_WSTOP = "Council|Councils|Borough|Authority|Tribunal|Court|Ombudsman|Act|Hospital|Services?|Team|Trust|" + MONTHS + "|" + DAYS
PLACESEQ = (stop(PL_STOP) + CAPW + r"(?:(?:" + SP + r"+|-|" + SP + r"+(?:upon|on|under|le|la|de|en|sur|of)" + SP + r"+)(?!(?:" + PL_WSTOP + r")\b)" + CAPW + r"){0,3}+"
            r"(?!" + SP + r"+(?:" + CAPW + SP + r"+){0,2}(?:Council|Borough|Authority|County" + SP + r"+Council)\b)")
LIVE = (r"(?:lives?|lived|living|resides?|resided|residing|resident|moved|moves?|moving|relocated?|relocating|"
        r"grew" + SP + r"+up|grown" + SP + r"+up|brought" + SP + r"+up|raised|settled|housed|rehoused|re-housed|"
        r"stays?|stayed|staying|originally|hails|comes?|came|fled|returned|returning|evicted|"
        r"home|house|property|flat|bungalow|accommodation|placed|family|relatives|parents|grandparents|mother|father|"
        r"sister|brother|daughter|son|partner|works?|worked|working|shop|shops|shopping|commutes?|travels|travelled|"
        r"visits?|visited|visiting|holiday|holidays|address|tenancy|neighbours?|born|spends?|spent|spending|caravan|chalet|cottage|allotment|"
        r"households?|couple|pensioners?|widow|widower|villagers?|natives?|year-olds?|"
        r"second" + SP + r"+home|(?:is|are|was|were)(?=" + SP + r"+(?:originally" + SP + r"+)?from\b))")
rule(id="residual.place-lives", generalise="{place}", category="place", confidence=0.5,
     description="A capitalised place after living/moving words: 'lived in Swadlincote', 'moved to Ilkeston', 'her flat in Belper', 'grew up near Matlock'.",
     regex=r"\b" + LIVE + r"(?:" + SP + r"+(?:all|her|his|their|its|whole|life|lives|back|away|out|up|down|here|there|nearby|locally|currently|now|still|alone|together|temporarily|permanently|originally|previously|mainly|since|for|many|several|years|months|weekends|summers|time|with|a|an|the|new|own|first|house|home|flat|family|in|of|is|are|was|were|has|have|had|been|always|both|just)){0,4},?" + SP + r"+(?:in|to|at|near|from|into|around|outside|towards|within|of)" + SP + r"+(?:the" + SP + r"+(?:village|town|city|hamlet|area|district|suburb|outskirts|centre|county|parish|estate)" + SP + r"+of" + SP + r"+)?(?<value>" + PLACESEQ + r")",
     reason="a town, village or street where a person lives or lived can identify them with the other facts of the case",
     suggestion="a nearby town / the area",
     requires=None,
     match=[("Mr X has lived in Swadlincote all his life.", "Swadlincote"),
            ("In 2019 she moved to Ilkeston with her children.", "Ilkeston"),
            ("the family's flat in Long Eaton was damp", "Long Eaton"),
            ("He grew up near Bakewell.", "Bakewell"),
            ("She is originally from Stoke-on-Trent.", "Stoke-on-Trent"),
            ("they moved back to Burton upon Trent", "Burton upon Trent"),
            ("Mrs X lives with her daughter in Chapel-en-le-Frith.", "Chapel-en-le-Frith"),
            ("her mother lives in the village of Tideswell", "Tideswell"),
            ("Mr Jones is from Chesterfield.", "Chesterfield"), ("Mrs Ahmed's family are from Swadlincote.", "Swadlincote"),
            ("Mr Patel's home is in Belper.", "Belper"), ("she spends weekends in Skegness", "Skegness"),
            ("Mrs Okafor has a caravan at Ingoldmells.", "Ingoldmells"), ("He lives locally, in Heanor.", "Heanor"),
            ("Mr Y, a 58-year-old from Hathersage, complained.", "Hathersage"), ("the only Tamil household in Wirksworth", "Wirksworth"),
            ("an elderly couple from Crich", "Crich")],
     nomatch=["Mrs X lives in the Council's area.", "She moved to Stage 2 of the procedure.",
              "He has lived in March Road since 2001 and moved in March.", "They moved to Derby City Council's area.",
              "She lives in Temporary Accommodation.", "He lives in a different Local Authority area.",
              "Mr X lives in X.", "She moved to Band A.", "He lived in Council accommodation.",
              "The family moved into London Borough of Barnet Council housing."])

rule(id="residual.place-area", category="place", confidence=0.5,
     description="'the village/town of X', 'the X area', 'a lifelong Belper resident', 'Mr Smith of Belper', 'Belper, where she has lived…'.",
     regex=r"(?:\b(?:village|town|hamlet|suburb|parish|city)" + SP + r"+of" + SP + r"+(?<value>" + PLACESEQ + r")"
           r"|\bthe" + SP + r"+(?<v2>" + PLACESEQ + r")" + SP + r"+(?:area|district|locality|neighbourhood|community)\b"
           r"|\b(?:an?|the)" + SP + r"+(?:(?:lifelong|long-standing|longstanding|local|former|proud|elderly|young)" + SP + r"+)?(?<v3>" + PLACESEQ + r")" + SP + r"+(?:residents?|native|man|woman|family|couple|pensioner|householder)\b"
           r"|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?" + SP + r"+\p{Lu}[\p{L}\p{M}'’-]*(?:" + SP + r"+" + CAPW + r")?,?" + SP + r"+(?:of|from)" + SP + r"+(?<v4>" + PLACESEQ + r")"
           r"|(?<![\p{L}\p{M}])(?<v5>" + PLACESEQ + r")," + SP + r"*where" + SP + r"+(?:she|he|they|Mr|Mrs|Ms|Miss|Mx|Dr|the" + SP + r"+family|her|his|their)\b)",
     reason="a named town, village or area can identify a person with the other facts of the case",
     suggestion="a nearby town / the area",
     requires=None,
     match=[("a cottage in the village of Eyam", "Eyam"),
            ("schools in the Ripley area were full", "Ripley"),
            ("a Heanor resident complained", "Heanor"), ("Mr X, a lifelong Swadlincote resident, said", "Swadlincote"),
            ("Mrs Jones of Ripley complained", "Ripley"), ("Belper, where she has lived since 1990, is", "Belper")],
     nomatch=["the Council area", "in the Local Authority area", "the town of", "the Derby City Council area",
              "a Council resident", "the Adult Social Care community", "Mr Smith of Derby City Council", "Mrs X from the Council",
              "In March, where she lived"])

rule(id="residual.place-called", generalise="{place}", category="place", confidence=0.55,
     description="A place given a name after 'a village called', 'a hamlet named', 'the town known as', or after 'a small village,' ('lives in a small village, Ashford in the Water').",
     regex=r"(?:\b(?:(?:village|hamlet|town|city|suburb|parish|estate|place|area|community)" + SP + r"+(?:called|named|known" + SP + r"+as)|(?:small|little|tiny|remote|rural|nearby|neighbouring|coastal|seaside|quiet|isolated|farming|mining|former" + SP + r"+mining)" + SP + r"+(?:village|hamlet|town),)" + SP + r"+(?<value>" + PLACESEQ + r")"
           r"|(?<![\p{L}\p{M}])(?<v2>" + PLACESEQ + r")," + SP + r"+an?" + SP + r"+(?:(?:small|little|tiny|remote|rural|quiet|isolated|coastal|seaside|farming|former" + SP + r"+mining|mining|pretty)" + SP + r"+)?(?:village|hamlet)\b)",
     reason="a named town, village or area can identify a person with the other facts of the case",
     suggestion="a nearby village / the area",
     requires=["called", "named", "known as", "village", "hamlet", "town,"],
     match=[("She lives in a village called Ashford in the Water.", "Ashford"), ("a hamlet named Upper Booth", "Upper Booth"),
            ("He lives in a small village, Great Hucklow, with his wife.", "Great Hucklow"), ("She moved to Castleton Bar, a small village in Derbyshire.", "Castleton Bar")],
     nomatch=["a village called for help", "the area known as the Council's patch", "a small village, where she lives"])

# Bare "in/at/near/from" + a capitalised place: small villages no gazetteer holds. Not the first word:
# stop words (months, days, titles, institutions), nationalities and languages ("in Polish"), festivals,
# and general words written with a capital in decisions ("in Court", "in Parliament", "in Appendix").
NONPLACE = ("Court|Courts|Parliament|Committee|Cabinet|Evidence|Finance|Law|Policy|Appendix|Annex|Chambers|Hearing|Person|Writing|"
            "Confidence|Principle|Practice|Full|Total|Response|Reply|Addition|Particular|General|Detail|Future|Fact|Error|Advance|"
            "Line|Place|Time|Order|Accordance|Relation|Respect|Support|Contact|Touch|Crisis|Education|Training|Receipt|Arrears|"
            "Debt|Complaint|Complaints|Draft|Table|Figure|Box|Step|Tier|Grade|Class|Option|Floor|Building|Theory|Conclusion|"
            "Background|Analysis|Findings|Action|Actions|Remedy|Recommendations|Investigation|Chapter|Page|Volume|Question|Item|"
            "Note|Rule|Point|Term|Terms|Session|Camera|Braille|Easy|Large|Capitals|Good|Faith|Residence|Nursing|Residential|"
            "Ramadan|Eid|Diwali|Lent|Advent|Hanukkah|Passover|Vaisakhi|Halloween|Annual|Interim|Principal|Response|Regulations|"
            "Accident|Outpatients|Intensive|Paediatrics|Theatre|Recovery|Maternity|Casualty|Person|Rent|Council|Tax|Housing|Options|"
            "Planning|Building|Control|Environmental|Licensing|Highways|Waste|Revenues|Finance|Customer|Internet|Email|Teams|Zoom|"
            "Transport|Travel|Blue|Badge|Motability|Freedom|Information|Data|Protection|Human|Rights|Equality|Parent|Family|"
            "Person-centred|Annual|Review|Assessment|Safeguarding|Adults|Exceptional|Circumstances|Discretionary|Hardship|"
            "Ysgol|Ysbyty|Coleg|Prifysgol|Meddygfa|Cyngor")
_LANG_WORDS = "|".join(w for w in re.split(r"\|", LANG) if re.fullmatch(r"[A-Z][a-z]+", w))
ORG_WORDS = ("School|Academy|College|Nursery|Primary|Secondary|Juniors?|Infants?|University|Hospital|Infirmary|Hospice|Surgery|Clinic|"
             "Centre|Center|Practice|Unit|Ward|Home|Homes|House|Lodge|Court|Courts|Council|Councils|Borough|Authority|Trust|Board|Tribunal|Tribunals|"
             "Services?|Team|Department|Office|Ltd|Limited|PLC|Plc|LLP|Solicitors|Church|Chapel|Mosque|Temple|Synagogue|Gurdwara|"
             "Club|Association|Society|Group|Partnership|Foundation|Charity|Agency|Commission|Committee|Act|Regulations|Road|Street|"
             "Avenue|Lane|Close|Drive|Crescent|Way|Estate|Park|Station|Prison|Police|Constabulary|Fire|Housing|Care|Healthcare|"
             "Health|Advice|Bank|Building|Library|Museum|Hotel|Inn|Arms|Farm|Cottage|Barn|Mill|Hall|Manor|Grange|Gardens|Square|"
             "Terrace|Place|Mews|Supermarket|Store|Stores|Shop|Garage|Motors|Airport|Docks|Barracks|Coastguard|Depot|Plant|Works|Factory|"
             "Bakery|Bakers|Butchers|Cafe|Café|Restaurant|Takeaway|Salon|Hairdressers|Barbers|Pharmacy|Chemists?|Opticians|Vets|"
             "Dairy|Brewery|Laundry|Cleaners|Cleaning|Recruitment|Taxis|Cabs|Coaches|Removals|Scaffolding|Roofing|Plumbing|Electrical|"
             "Joinery|Engineering|Manufacturing|Foods|Packaging|Printers|Couriers|Builders|Construction|Haulage|Logistics|Lettings|"
             "Homecare|Solutions|Consultancy|Holdings|Industries|Enterprises|International|Studio|Studios|Gym|Cinema|Theatre|Market")
PREP_FIRST = stop(PL_STOP + "|" + NONPLACE + "|" + NATALL + "|" + _LANG_WORDS)
rule(id="residual.place-prep", category="place", confidence=0.35,
     description="A capitalised place name after 'in', 'at', 'near' or 'from' in running text ('the only shop in Nether Wasdale', 'a farmer from Low Row'): small villages that no gazetteer holds. Not a month, a day, a title or person, a nationality or language, an institution word ('in Court', 'in Parliament'), a number ('in Stage 2'), or a name ending in an organisation or street word (other rules flag those).",
     regex=r"(?<![\p{L}\p{M}])(?:in|at|near|from)" + SP + r"+(?<value>" + PREP_FIRST + r"(?!(?:\p{Lu}[\p{L}\p{M}'’-]*" + SP + r"+(?:(?:upon|on|under|le|la|de|en|sur|of|in|the)" + SP + r"+)*){0,4}(?:" + ORG_WORDS + r")\b(?!" + SP + r"+\p{Lu}))"
           r"\p{Lu}[\p{Ll}\p{M}]++(?:[-'’]\p{L}+)*+(?:(?:" + SP + r"+|-|" + SP + r"+(?:upon|on|under|le|la|de|en|sur|in" + SP + r"+the)" + SP + r"+)(?!(?:" + PL_WSTOP + r")\b)" + CAPW + r"){0,3}+)(?<!['’]s)(?<!s['’])(?![\p{L}\p{M}'’]|" + SP + r"*[0-9]|" + SP + r"+\p{Lu})",
     reason="a named town, village or area can identify a person with the other facts of the case",
     suggestion="a nearby village / the area",
     requires=[],
     match=[("the only shop in Nether Wasdale closed", "Nether Wasdale"), ("a farmer from Low Row wrote", "Low Row"),
            ("the bus from Church Stretton was late", "Church Stretton"), ("a stall at Market Weighton", "Market Weighton"),
            ("she keeps a horse near Thwaite", "Thwaite"), ("the surgery at Bolton-le-Sands", "Bolton-le-Sands")],
     nomatch=["the hearing in Court", "raised in Parliament", "in January", "on Monday in March", "a letter from Mrs X", "in Stage 2",
              "at Oakwood Primary School", "in Temporary Accommodation", "in Polish", "from Derby City Council", "in England",
              "a referral from Children's Services", "the report in Appendix B", "a visit at Christmas", "in Welsh", "from HMRC",
              "at Rose Cottage", "in Mill Lane", "an appeal at London Tribunals", "a letter from Ysbyty Gwynedd", "the mould in Amir’s bedroom", "an advocate from VoiceAbility", "help from Jones' shop", "hours at Linwood Bakery"])

rule(id="residual.place-estate", category="place", confidence=0.6,
     description="A named housing estate, park home site or Traveller site: 'the Eastfield estate', 'Meadows Estate', 'Oakfield Caravan Park'.",
     regex=r"(?<![\p{L}\p{M}])(?<value>" + stop("Crown|Real|Personal|Residuary|Housing|Council|Industrial|Business|Trading|Retail|Social|Private|Public|Mixed|Landed|Country|Family") + CAPW + r"(?:" + SP + r"+" + CAPW + r"){0,3}(?<!['’]s)" + SP + r"+(?:[Ee]state|Caravan" + SP + r"+Park|caravan" + SP + r"+park|Mobile" + SP + r"+Home" + SP + r"+Park|Park" + SP + r"+Homes?|Holiday" + SP + r"+Park|Traveller" + SP + r"+[Ss]ite|Travellers['’]?" + SP + r"+[Ss]ite|Gypsy" + SP + r"+(?:and|&)" + SP + r"+Traveller" + SP + r"+[Ss]ite))\b(?!" + SP + r"+(?:Agents?|Management|Regeneration" + SP + r"+Team)\b)",
     reason="a named estate or site narrows a person's address to a few streets",
     suggestion="the estate / the area",
     requires=["estate", "park", "site"],
     match=[("She lives on the Eastfield estate.", "Eastfield estate"),
            ("anti-social behaviour on Meadows Estate", "Meadows Estate"),
            ("a plot at Oakfield Caravan Park", "Oakfield Caravan Park"),
            ("the Council's Lower Lane Traveller site", "Lower Lane Traveller site")],
     nomatch=["the Crown Estate", "her late father's estate", "Council estate", "Jane Smith's estate",
              "an Industrial Estate", "Real Estate Agents"])

STREET = r"(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Grove|Terrace|Gardens|Square|Rise|Mews|Parade|Walk|Row|Way|Hill|Green|Cottages|Croft|Fold|Wynd|Boulevard|Promenade)"
STREET_U = r"(?:Road|Street|Avenue|Lane|Drive|Crescent|Grove|Terrace|Gardens|Square|Mews|Parade|Boulevard|Promenade|Cottages)"
STREET_A = r"(?:Close|Rise|Walk|Row|Way|Hill|Green|Croft|Fold|Wynd|Court|Place|View|Park|Meadows?)"
NOT_TITLED = "".join(r"(?<!\b" + t + SP + r")" for t in ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."])
ST_STOP = stop("Give|Green|Road|High|Main|Station|Church|Ring|Trunk|Private|Public|Unadopted|Adopted|Classified|Single|Double|One|Two|Highway|Highways|Traffic|Bus|Cycle|Slip|Service|Access|Link|Relief|Bypass|Dual|Rural|Urban|Side|Back|Front|Whole|Long|Open|Hard|Safe|Right|Wrong|Fast|Slow|Park|Car|Lorry|Parking|Loading|Yellow|Red|White|Way|Supreme|Crown|County|Magistrates|Family|High|Appeal|Tribunal|Care|Nursing|Business|Retail|Science|Country|National|Theme|Holiday|Caravan|Skate|Play|Industrial")
ST_NAME = ST_STOP + CAPW + r"(?:" + SP + r"+" + CAPW + r"){0,2}"
ST_END = r"\b(?!" + SP + r"*\p{Lu}|" + SP + r"+[0-9]|-)"
rule(id="residual.place-street", category="place", confidence=0.55,
     description="A named street in running text ('on Acacia Avenue', 'the Mill Lane junction'; 'Close', 'Hill', 'Way'… only after a house number or on/in/off/near); full addresses are replaced by the address rules.",
     regex=r"(?:(?<![\p{L}\p{M}])" + NOT_TITLED + r"(?<value>" + ST_NAME + SP + r"+" + STREET_U + r")" + ST_END +
           r"|(?:(?<![0-9])[0-9]{1,4}[A-Za-z]?,?" + SP + r"+|\b(?:on|along|off|in|at|near|down|up|into|onto|of|from)" + SP + r"+(?:the" + SP + r"+)?)(?<v2>" + ST_NAME + SP + r"+" + STREET_A + r")" + ST_END + r")",
     reason="a named street narrows a person's address",
     suggestion="a nearby street / the area",
     requires=["road", "street", "avenue", "lane", "drive", "crescent", "grove", "terrace", "gardens", "square", "mews", "parade", "boulevard", "promenade", "cottages",
               "close", "rise", "walk", "row", "way", "hill", "green", "croft", "fold", "wynd", "court", "place", "view", "park", "meadow"],
     match=[("the potholes on Acacia Avenue", "Acacia Avenue"),
            ("where Mill Lane meets the bypass", "Mill Lane"),
            ("She parked on Victoria Street overnight.", "Victoria Street"),
            ("Mrs X now lives at 85 Chapel Close.", "Chapel Close"),
            ("the flats on Primrose Hill were damp", "Primrose Hill")],
     nomatch=["the Give Way markings", "the Road Traffic Regulation Act 1984", "on the High Street", "the Council's Green Belt policy",
              "Mrs X walked down the road", "One Way", "a Double Yellow Line", "Ms Pearl Hill complained", "private contact with Priya Hill",
              "Mrs Jane Lane wrote", "at the County Court"])

rule(id="residual.place-near", category="place", confidence=0.45,
     description="A capitalised place after 'near', 'outside', 'on the outskirts of', 'close to'.",
     regex=r"\b(?:near|nearby|outside|close" + SP + r"+to|outskirts" + SP + r"+of|just" + SP + r"+outside)" + SP + r"+(?<value>" + PLACESEQ + r")",
     reason="a named place near a person's home can identify them",
     suggestion="a nearby town / the area",
     requires=["near", "outside", "close to", "outskirts"],
     match=[("a farm near Ashbourne", "Ashbourne"), ("on the outskirts of Chesterfield", "Chesterfield")],
     nomatch=["near Christmas", "outside the Council's offices", "close to Mrs X's home", "near Stage 2"])

# ======================================================================= worship / clubs
section("Places of worship, clubs and community venues")
rule(id="residual.place-of-worship", category="place-of-worship", confidence=0.7,
     description="A named church, chapel, mosque, gurdwara, mandir, temple, synagogue or Kingdom Hall.",
     regex=r"(?<![\p{L}\p{M}])(?<value>(?:" + nameseq("Church|Parish|Local|Central|Methodist|Baptist|Catholic|Anglican|Pentecostal|Free|United|Reformed|Evangelical", 5) + SP + r"+(?:(?:Parish|Methodist|Baptist|Catholic|Anglican|Pentecostal|URC|United" + SP + r"+Reformed|Evangelical|Free|Gospel)" + SP + r"+)?(?:Church(?!" + SP + r"+of" + SP + r"+(?:England|Scotland|Wales|Ireland)|" + SP + r"+(?:Primary|Junior|Infant|School|Academy|Road|Street|Lane))|Chapel|Cathedral|Minster|Abbey|Priory|Mosque|Masjid|Gurdwara|Mandir|Temple|Synagogue|Kingdom" + SP + r"+Hall|Meeting" + SP + r"+House|Islamic" + SP + r"+Centre|Tabernacle)|(?:Central|Jamia|Jame|Grand)" + SP + r"+(?:Mosque|Masjid|Gurdwara|Synagogue)))\b(?!" + SP + r"+(?:Primary|Junior|Infant|School|Academy|Road|Street|Lane)\b)",
     reason="a named place of worship can identify a person and reveals their religion",
     suggestion="a place of worship",
     requires=["church", "chapel", "cathedral", "minster", "abbey", "priory", "mosque", "masjid", "gurdwara", "mandir", "temple", "synagogue", "kingdom hall", "meeting house", "islamic centre", "tabernacle"],
     match=[("She volunteers at St Mary's Church.", "St Mary's Church"),
            ("He prays at Central Mosque every Friday.", "Central Mosque"),
            ("the Guru Nanak Gurdwara hosted the meeting", "Guru Nanak Gurdwara"),
            ("Trinity Methodist Church", "Trinity Methodist Church")],
     nomatch=["the Church of England", "St Mary's Church of England Primary School", "the Church", "the local church",
              "St John's Church Road"])

rule(id="residual.club", category="club", confidence=0.6,
     description="A named club, team, society or community venue ('Belper Town Football Club', 'Oakfield Boxing Club', 'Hillside Community Centre').",
     regex=r"(?<![\p{L}\p{M}])(?<value>" + nameseq("School|Schools|Football|Rugby|Cricket|Golf|Tennis|Social|Youth|Sports|Breakfast|After|Holiday|Book|Community|Leisure|Local|Working|Men's|Youth|Boxing|Club|Council|Councils|Adult|Day", 5) + SP + r"+(?:(?:Football|Rugby|Cricket|Golf|Tennis|Boxing|Social|Youth|Sports|Bowls|Swimming|Athletic|Athletics|Sailing|Rowing|Darts|Snooker|Gymnastics|Working" + SP + r"+Men['’]s|Conservative|Labour|Liberal|Royal" + SP + r"+British" + SP + r"+Legion)" + SP + r"+)?(?:Club|FC|AFC|RFC|RUFC|CC|Scouts|Guides|Brownies|Cubs|Scout" + SP + r"+Group|Leisure" + SP + r"+Centre|Community" + SP + r"+Centre|Sports" + SP + r"+Centre|Community" + SP + r"+Association|Village" + SP + r"+Hall|Community" + SP + r"+Hall|Miners['’]?" + SP + r"+Welfare|Allotment" + SP + r"+Society|Residents['’]?" + SP + r"+Association|Tenants['’]?" + SP + r"+Association))\b",
     reason="a named club, team or community venue a person belongs to can identify them",
     suggestion="a local club / a community venue",
     requires=["club", "fc", "cc", "scout", "guide", "brownies", "cubs", "centre", "association", "hall", "welfare", "society"],
     match=[("He plays for Belper Town Football Club.", "Belper Town Football Club"),
            ("Oakfield Boxing Club", "Oakfield Boxing Club"),
            ("a meeting at Hillside Community Centre", "Hillside Community Centre"),
            ("the Meadow Lane Residents' Association", "Meadow Lane Residents' Association")],
     nomatch=["the breakfast club", "a Youth Club", "the Council's Community Centre", "After School Club"])

# ======================================================================= employers
section("Employers and firms")
EMP_STOP = ("Home|Homes|Council|Councils|Ombudsman|Government|NHS|Mrs|Mr|Ms|Miss|Dr|Local|Authority|Police|Army|Navy|RAF|"
            "Night|Nights|Weekends|Christmas|Stage|Children's|Children’s|Adult|Adults|Social|Services|Service|Trust|"
            "Department|Court|Tribunal|Care|Agency|Charity|Company|Firm|Business|Shop|Store|Factory|Office|School|"
            "Hospital|University|College|Ltd|Limited|Self|Her|His|Their")
EWORD = r"(?:" + CAPW + r"|\p{Lu}&\p{Lu}|\p{Lu}\p{Lu}+[0-9]*)"
# The site after an employer's name: "the Nissan plant in Sunderland", "the Amazon warehouse", "the Tesco store".
WORKPLACE = (r"(?:plant|factory|depot|warehouse|store|superstore|supermarket|shop|branch|site|office|offices|works|yard|"
             r"call" + SP + r"+centre|distribution" + SP + r"+centre|fulfilment" + SP + r"+centre|contact" + SP + r"+centre|"
             r"restaurant|garage|mill|hotel|pub|bakery|kitchen|farm|base|headquarters|HQ|station|refinery|mine|quarry|dock|docks|terminal|airport|"
             r"steelworks|shipyard|colliery|power" + SP + r"+station|car" + SP + r"+plant|site|campus|branch)\b")
EMPNAME = (r"(?:[Tt]he" + SP + r"+)?(?:(?:British|English|Welsh|Scottish|Royal|National)" + SP + r"+(?=\p{Lu}))?" + stop(EMP_STOP) + EWORD + r"(?:(?:" + SP + r"+|" + SP + r"*&" + SP + r"*|" + SP + r"+and" + SP + r"+(?=\p{Lu})|" + SP + r"+of" + SP + r"+(?=\p{Lu}))" + EWORD + r"){0,4}+"
           r"(?<!Council|Councils|Borough|Trust|Authority|Ombudsman|Board|Tribunal|Court|Service|Services|Police|Constabulary|Government|Department|NHS)(?!['’]s)"
           r"(?:" + SP + r"+" + WORKPLACE + r")?"
           r"(?:" + SP + r"+(?:in|at)" + SP + r"+" + stop(PL_STOP) + CAPW + r"(?:" + SP + r"+" + CAPW + r"){0,2}+)?")
# "with" and "from" name an employer only after a job word ("a job with Royal Mail", "retired from
# Rolls-Royce"); "The Council worked with Shelter", "sent by post from Belper" are not employers.
WITH_AFTER = "(?<=" + "|".join(r"\b" + w + SP for w in "job jobs post role position placement apprenticeship contract employment employed volunteers volunteer volunteering volunteered".split()) + ")"
FROM_AFTER = "(?<=" + "|".join(r"\b" + w + SP for w in "retired resigned dismissed sacked redundant off".split()) + ")"
rule(id="residual.employer-works", generalise="{employer}", category="employer", confidence=0.6,
     description="A named employer after 'works at/for', 'employed by', 'a job at', 'volunteers at' (with 'in Town' when given): 'works at the Co-op in Belper'.",
     regex=r"\b(?:works?|worked|working|employed|employment|job|jobs|role|post|position|shifts?|hours|contract|volunteers?|volunteered|volunteering|placement|apprenticeship|apprentice|trainee|colleagues?|manager|boss|supervisor|employee|cleans|cleaned|drives|drove|delivers|delivered|cooks|cooked|labours|temps|freelances|retired|resigned|dismissed|sacked|redundant|laid" + SP + r"+off)" +
           r"(?:" + SP + r"+(?:full-time|part-time|full" + SP + r"+time|part" + SP + r"+time|nights|weekends|shifts|there|now|still|currently|previously|also|locally|is|was|has" + SP + r"+been|as" + SP + r"+an?" + SP + r"+[\p{Ll}-]+(?:" + SP + r"+[\p{Ll}-]+)?|(?!(?:at|for|by|with|in|from|and|but|or|to|as|of|until|since|when|her|his|their)\b)[\p{Ll}-]+)){0,3}" + SP + r"+(?:at|for|by|in|" + WITH_AFTER + r"with|" + FROM_AFTER + r"from)" + SP + r"+(?<value>" + EMPNAME + r")",
     reason="a named employer or workplace can identify a person",
     suggestion="her employer / Company K",
     requires=["work", "employ", "job", "role", "post", "position", "shift", "hours", "contract", "trainee", "volunteer", "placement", "apprentice", "colleague", "manager", "boss", "supervisor", "clean", "drive", "drove", "deliver", "cook", "labours", "temps", "freelances", "retired", "resigned", "dismissed", "sacked", "redundant", "laid off"],
     match=[("Ms X works at the Co-op in Belper.", "the Co-op in Belper"),
            ("He works at Rolls-Royce in Derby.", "Rolls-Royce in Derby"),
            ("She is employed by Marks & Spencer.", "Marks & Spencer"),
            ("he works part-time at B&Q", "B&Q"),
            ("she works as a cashier at Tesco in Matlock", "Tesco in Matlock"),
            ("a job with Royal Mail", "Royal Mail"), ("He drives for Uber in Derby.", "Uber in Derby"), ("Mrs Clarke retired from Rolls-Royce in 2010.", "Rolls-Royce"),
            ("He worked at the Toyota plant in Burnaston for years.", "the Toyota plant in Burnaston"), ("Her hours at Hillcrest Bakery were cut.", "Hillcrest Bakery"),
            ("He worked nights at Solent Coastguard.", "Solent Coastguard"), ("she works in the Morrisons store in Ilkeston", "the Morrisons store in Ilkeston"),
            ("He drives a bus for Arriva.", "Arriva"), ("She cleans offices for Mitie in Leeds.", "Mitie in Leeds"),
            ("He retired from British Steel in 2016.", "British Steel"), ("She has a bar job at The Red Lion.", "The Red Lion"),
            ("She works on the tills at Lidl.", "Lidl"), ("He worked the night shift at Ocado.", "Ocado")],
     nomatch=["Mrs X works for the Council.", "She worked with the Council to resolve it.", "The Council worked with Shelter to find a flat.",
              "The letter was sent by post from Belper.",
              "He works from Home.", "the officer employed by the Council", "She works for Mrs Y as a carer.",
              "the role of the Ombudsman", "her role at Derby City Council", "He worked for Derbyshire County Council."])

rule(id="residual.employer-job-at", generalise="{employer}", category="employer", confidence=0.55,
     description="A job followed by the employer: 'is a warehouse operative at Amazon', 'a driver for Royal Mail', 'a nurse at the Royal Derby'.",
     regex=r"\b(?:is|was|as|became|been|worked" + SP + r"+as|works" + SP + r"+as)" + SP + r"+an?" + SP + r"+(?!(?:pupil|student|patient|resident|tenant|member|client|customer|visitor|guest|party|witness|leaseholder|trustee|lodger|user|carer)\b)(?:[\p{Ll}-]+" + SP + r"+){0,3}?(?:at|for|with)" + SP + r"+(?<value>" + EMPNAME + r")",
     reason="a named employer or workplace can identify a person",
     suggestion="her employer / Company K",
     requires=["is a", "was a", "as a", "is an", "was an", "as an", "became a", "been a", "been an"],
     match=[("Mr X is a warehouse operative at Amazon in Swadlincote.", "Amazon in Swadlincote"),
            ("He is a driver for Royal Mail.", "Royal Mail"), ("He has been a lorry driver for Eddie Stobart.", "Eddie Stobart")],
     nomatch=["She is a tenant of the Council.", "He is a pupil at Oakwood.", "She was a member of Oak Tree Club.",
              "It is a matter for the Council."])

rule(id="residual.employer-named", category="employer", confidence=0.6,
     description="'her employer, X', 'his employer (X)', 'X, her employer,' and firms with a legal suffix (Ltd, plc, LLP, Solicitors).",
     regex=r"(?:\b(?:employers?['’]?|workplace)" + SP + r"*(?:,|\(|" + SP + r"called|" + SP + r"named|" + SP + r"is|" + SP + r"was|" + SP + r"are|" + SP + r"were)" + SP + r"*(?<value>" + EMPNAME + r")"
           r"|\b(?:an?|the)" + SP + r"+(?<v3>" + EMPNAME + r")" + SP + r"+(?:employee|employees|worker|workers|staff" + SP + r"+member|manager|supervisor|colleague|colleagues|driver|warehouse|store|branch|shop|factory|depot|call" + SP + r"+centre)\b"
           r"|(?<![\p{L}\p{M}])(?<v2>" + stop(EMP_STOP + "|Company|Firm") + EWORD + r"(?:(?:" + SP + r"+|" + SP + r"*&" + SP + r"*|" + SP + r"+and" + SP + r"+)" + EWORD + r"){0,4}" + SP + r"+(?:Ltd\.?|Limited|PLC|plc|LLP|Solicitors|&" + SP + r"+Sons|&" + SP + r"+Co\.?|and" + SP + r"+Sons|Builders|Estate" + SP + r"+Agents|Lettings|Motors|Garage|Haulage|Logistics|Construction))(?![\p{L}\p{M}]))",
     reason="a named employer or firm can identify a person",
     suggestion="her employer / Company K",
     requires=["employer", "workplace", "employee", "worker", "staff member", "manager", "supervisor", "colleague", "driver", "warehouse", "store", "branch", "shop", "factory", "depot", "call centre", "ltd", "limited", "plc", "llp", "solicitors", "sons", "& co", "builders", "estate agents", "lettings", "motors", "garage", "haulage", "logistics", "construction"],
     match=[("her employer, Greggs, gave her leave", "Greggs"),
            ("Bright Lettings Ltd managed the flat", "Bright Lettings Ltd"),
            ("his employer (Amazon) refused", "Amazon"), ("Mrs Ahmed's employer is Boots.", "Boots"), ("Ms X, a Tesco employee, said", "Tesco"), ("She works shifts at the Amazon warehouse.", None)],
     nomatch=["her employer refused", "the Council's contractor", "a limited company", "The Company Ltd", "a Council employee", "an NHS worker"])

# ======================================================================= ages
section("Exact ages")
AGE_NUM = r"(?:1[01][0-9]|[1-9]?[0-9])"
rule(id="residual.age-years-old", generalise="{age-band}", category="age", confidence=0.8,
     description="An exact age: '78 years old', '14 year old', 'seventy-eight years old', '8 months old' (value: the number).",
     regex=r"\b(?<value>" + AGE_NUM + r"|" + WORDNUM + r"|(?i:" + WORDNUM + r"))" + SP + r"+(?:years?|yrs?|months?|weeks?)" + SP + r"+(?:old|of" + SP + r"+age(?!" + SP + r"+or\b))\b",
     reason="an exact age narrows down who a person is",
     suggestion="in her eighties / of primary school age",
     requires=[" old", "of age"],
     match=[("Mrs X is 78 years old.", "78"), ("her son, who is 14 year old", "14"),
            ("He is seventy-eight years old.", "seventy-eight"), ("a baby 8 months old", "8"), ("Mrs X is now 88 years of age.", "88"),
            ("She is a hundred and two years old.", "hundred and two"), ("Her son is Fourteen years old.", "Fourteen")],
     nomatch=["a 1974 years old claim", "aged 87 years", "the ten years of arrears", "a hundred years ago"])

rule(id="residual.age-adjective", generalise="{age-band}", category="age", confidence=0.8,
     description="An age used as an adjective: 'a 14-year-old', '87-year-old Mrs X', 'her eight-year-old son', 'a 6-month-old baby'.",
     regex=r"(?<![0-9]" + SP + r"or" + SP + r")(?<![0-9]" + SP + r"and" + SP + r")(?<![0-9]" + SP + r"to" + SP + r")(?<![0-9]-)(?<![0-9]" + SP + r"-" + SP + r")\b(?<value>(?:" + AGE_NUM + r"|" + WORDNUM + r"|(?i:" + WORDNUM + r"))(?:-|" + SP + r")(?:years?|months?|weeks?)(?:-|" + SP + r")olds?)\b",
     reason="an exact age narrows down who a person is",
     suggestion="in her eighties / a teenager / of primary school age",
     requires=["old"],
     match=[("a 14-year-old boy", "14-year-old"), ("87-year-old Mrs X fell", "87-year-old"),
            ("her eight-year-old son", "eight-year-old"), ("the 6-month-old baby", "6-month-old"),
            ("She has two 4-year-olds.", "4-year-olds"),
            ("a seventy-three-year-old from the village", "seventy-three-year-old"), ("Sixteen-year-old twins live there.", "Sixteen-year-old"),
            ("a ninety one year old man", "ninety one year old"), ("a hundred-and-one-year-old resident", "hundred-and-one-year-old")],
     nomatch=["a decade-old dispute", "a 300-year-old building", "homeless 16 or 17 year olds", "16 and 17-year-olds", "an age-old problem"])

# One age or several: "aged 3 and 5", "aged nine, eleven and fourteen" (the Generaliser bands a list
# only when every age falls in the same band).
AGE_ONE = r"(?:" + AGE_NUM + r"|" + WORDNUM + r")"
AGE_LIST = AGE_ONE + r"(?:(?:," + SP + r"*|" + SP + r"+(?:and|&)" + SP + r"+)" + AGE_ONE + r"\b(?![0-9]))*"
rule(id="residual.age-aged", generalise="{age-band}", category="age", confidence=0.75,
     description="'aged 87', 'age 16', 'at the age of 12', 'ages 3 and 5' (value: the number), not age bands in the law ('under the age of 18', 'aged 0 to 25').",
     regex=r"(?<!\breaches" + SP + r"the" + SP + r")(?<!\breach" + SP + r"the" + SP + r")(?<!\bup" + SP + r"to" + SP + r")(?<!\bunder" + SP + r")(?<!\bover" + SP + r")(?<!\buntil" + SP + r")(?<!\bfrom" + SP + r")(?<!\bminimum" + SP + r")(?<!\bmaximum" + SP + r")(?<!\bstatutory" + SP + r")(?<!\bunder" + SP + r"the" + SP + r")(?<!\bover" + SP + r"the" + SP + r")(?<!\buntil" + SP + r"the" + SP + r")(?<!\bup" + SP + r"to" + SP + r"the" + SP + r")(?<!\bbelow" + SP + r"the" + SP + r")(?<!\babove" + SP + r"the" + SP + r")(?<!\bfrom" + SP + r"the" + SP + r")(?<!\bpensionable" + SP + r")(?<!\bretirement" + SP + r")(?<!\bschool" + SP + r")\b(?:[Aa]ged|[Aa]ges?|at" + SP + r"+the" + SP + r"+age" + SP + r"+of|age" + SP + r"+of)" + SP + r"+(?!(?:under|over|between|from|up|below|above)\b)(?<value>" + AGE_LIST + r")\b(?![0-9]|" + SP + r"*(?:-|–|to|or" + SP + r"+(?:over|under|older|younger|above|below)|and" + SP + r"+(?:over|under|above)|or" + SP + r"+[0-9]|\+|plus|%)" + r")",
     reason="an exact age narrows down who a person is",
     suggestion="in her eighties / of primary school age",
     requires=["age"],
     match=[("Mrs Y, aged 87, lives alone.", "87"), ("He left school at the age of 16 last year.", "16"),
            ("a girl age 12", "12"), ("her children aged 3 and 5", "3 and 5"),
            ("Mr Y, aged eighty-six, fell.", "eighty-six"), ("Her daughter is aged twelve.", "twelve"), ("at the age of seventeen", "seventeen"),
            ("Aged ninety, she still drives.", "ninety"), ("her sons aged nine and twelve", "nine and twelve")],
     nomatch=["young people aged 0 to 25", "children aged 16-19", "under the age of 18", "over the age of 65",
              "a person aged 18 or over", "anyone aged 60+", "school age children", "of pensionable age 66",
              "aged between 5 and 16", "young people aged 16 or 17", "children aged eleven to sixteen", "aged sixteen or over", "care leavers up to age 25", "until a young person reaches the age of 25", "an EHC plan can continue until age 25"])

TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?"
KINW = (r"(?:complainant|applicant|claimant|age|son|daughter|child|children|brother|sister|mother|father|mum|dad|husband|wife|partner|grandson|granddaughter|"
        r"grandmother|grandfather|grandchild|baby|boy|girl|nephew|niece|stepson|stepdaughter|uncle|aunt|neighbour|tenant|resident)")
NOT_IT = "".join(r"(?<!\b" + w + SP + r")" for w in ["it", "It", "this", "This", "which", "that", "there", "There", "total", "figure", "cost", "score", "number", "amount", "sum", "fee", "rate", "debt", "time", "day", "date", "deadline", "reference", "priority", "band", "stage", "Stage", "page", "paragraph"])
WNUM = WORDNUM_NOT_ONE   # "is seventy-five", "is a hundred and one"; never "is one"
rule(id="residual.age-is", generalise="{age-band}", category="age", confidence=0.55,
     description="'is 78', 'was 94 at the time', 'turned 18', 'Mrs Wood, 20,', 'Mr Hall (94)', 'her son (12)', 'At 94, Mr X…', 'her 80th birthday', 'in her 88th year' (value: the number).",
     regex=r"(?:\b(?=(?:is|was|turned|turns|turning|reached|will|now|just|only)" + SP + r")" + NOT_IT + r"(?:is|was|turned|turns|turning|reached|will" + SP + r"+be|is" + SP + r"+now|was" + SP + r"+then|now" + SP + r"+aged|now|just|only)" + SP + r"+(?:(?:nearly|almost)" + SP + r"+)?(?<value>" + AGE_NUM + r"|" + WNUM + r")(?=" + SP + r"*(?:[,.;:)]" + SP + r"*(?!\(?[0-9])|$|" + SP + r"+(?:when|at" + SP + r"+the" + SP + r"+time|and" + SP + r"+(?:has|is|was|lives|lived|had|uses|needs|her|his|their)|this" + SP + r"+year|last" + SP + r"+year|next" + SP + r"+(?:year|month|week)|in" + SP + r"+(?:" + MONTHS + r")\b|years?" + SP + r"+of" + SP + r"+age)))"
           r"|(?:\b" + TITLE + SP + r"+\p{Lu}[\p{L}\p{M}'’-]*(?:" + SP + r"+" + CAPW + r")?|\b" + KINW + r"|(?<=[\p{Ll},]" + SP + r")" + stop("Section|Stage|Part|Paragraph|Schedule|Regulation|Article|Chapter|Annex|Appendix|Step|Table|Figure|Item|Note|Rule|Page|Volume|Question|Option|Point|Level|Band|Class|Grade|Year|Room|Flat|Unit|Block|Ward|Bed|Bay|Box|Form|Code|Act|Phase|Priority|Bus|Route|Junction|Exit|Platform|Gate") + CAPW + r"(?:" + SP + r"+" + CAPW + r")?)(?:," + SP + r"?(?:aged" + SP + r"+)?|" + SP + r"?\((?:aged" + SP + r"+|age" + SP + r"+)?)(?<v2>" + AGE_NUM + r"|" + WNUM + r")(?:,(?!" + SP + r"?[0-9])|\))"
           r"|\b(?<v3>" + AGE_NUM + r"(?:st|nd|rd|th)|" + ORDW + r")" + SP + r"+birthday\b"
           r"|\b(?:her|his|their)" + SP + r"+(?<v4>" + AGE_NUM + r"(?:st|nd|rd|th)|" + ORDW + r")" + SP + r"+year\b"
           r"|\b(?:man|woman|lady|gentleman|boy|girl|pensioner|widow|widower|person|child)" + SP + r"+of" + SP + r"+(?<v6>" + AGE_NUM + r"|" + WNUM + r")\b(?!" + SP + r"*(?:%|per|years?" + SP + r"+of" + SP + r"+service))"
           r"|\b[Aa]t" + SP + r"+(?:the" + SP + r"+age" + SP + r"+of" + SP + r"+)?(?<v5>" + AGE_NUM + r"|" + WNUM + r")," + SP + r"*(?=(?:" + TITLE + r"|she|he|they|her|his|their|Mrs|Mr)\b))",
     reason="an exact age narrows down who a person is",
     suggestion="in her eighties / of primary school age",
     requires=None,
     match=[("Ms Williams is 55.", "55"), ("He was 94 at the time.", "94"), ("she turned 18 in March", "18"),
            ("when Mrs Wood, 20, applied", "20"), ("her husband Mr Hall (94) said", "94"), ("for his 80th birthday", "80th"),
            ("Mr Greenwood, 64, works nights.", "64"), ("Her son (12) has an EHC plan.", "12"), ("At 94, Mr X still drives.", "94"),
            ("Mrs X is in her 88th year.", "88th"), ("The complainant, 29, is a parent.", "29"), ("Mrs Green's age (83) means", "83"), ("a woman of 72", "72"), ("Mr Shah, now 77, uses a stick.", "77"), ("she celebrated turning 40 last year", "40"), ("Her youngest child is six.", "six"), ("her daughter, aged 7, was", "7"),
            ("Her son, who is sixteen, has left school.", "sixteen"), ("Mr Y, eighty-two, lives alone.", "eighty-two"), ("She is a child of nine.", "nine"),
            ("At eighty-two, Mr X still drives.", "eighty-two"), ("for her eightieth birthday", "eightieth"), ("in his ninety-second year", "ninety-second"),
            ("Mr X is one hundred and one.", "one hundred and one"), ("he turned seventy in May", "seventy"),
            ("Mrs Y is nearly ninety.", "ninety"), ("Z is 7 and her brother is 9.", "7")],
     nomatch=["The delay was 3 months.", "Section 24A(6), 26, as amended", "at paragraph 12 (3)", "Stage 2 (12)",
              "The total is 12,500.", "It was 5 pm.", "The Council said it was 12.", "There is one.", "the priority band is 3.",
              "Bus Route 22, 23, 24 were late", "The Council made eight visits.", "She is one of three tenants.", "It took ten days.", "There were twelve.", "The score is seven out of ten"])

rule(id="residual.age-born-year", category="age", confidence=0.6,
     description="A year of birth in running text: 'born in 1946'.",
     regex=r"\bborn" + SP + r"+in" + SP + r"+(?<value>(?:19|20)[0-9]{2})\b",
     reason="a year of birth gives a person's exact age",
     suggestion="in her eighties",
     requires=["born"],
     match=[("He was born in 1946 in Derby.", "1946")],
     nomatch=["born in Derby", "born on 3 March 1946"])

# ======================================================================= dates of events
section("Exact dates of births, deaths, removals, evictions")
DATE = (r"(?:(?:the" + SP + r"+)?[0-9]{1,2}(?:st|nd|rd|th)?(?:" + SP + r"+of)?(?:" + SP + r"+|-)(?:" + MONTHS + r")(?:(?:" + SP + r"+|-|," + SP + r"*)(?:19|20)[0-9]{2})?"
        r"|(?:" + MONTHS + r")" + SP + r"+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?" + SP + r"+(?:19|20)[0-9]{2})?"
        r"|[0-9]{1,2}[/.][0-9]{1,2}[/.](?:19|20)?[0-9]{2})(?![0-9])")
EVENT = (r"(?:died|dies|passed" + SP + r"+away|death|deceased|killed|funeral|buried|cremated|evicted|eviction|evicting|"
         r"possession" + SP + r"+order|bailiffs?|removed" + SP + r"+(?:from" + SP + r"+(?:her|his|their|the)" + SP + r"+(?:care|home|family|parents?|mother|father)|into" + SP + r"+care)|"
         r"removal" + SP + r"+of" + SP + r"+(?:the" + SP + r"+|her" + SP + r"+|his" + SP + r"+|their" + SP + r"+)?(?:child|children|baby|son|daughter)|"
         r"taken" + SP + r"+into" + SP + r"+(?:care|custody)|placed" + SP + r"+(?:in|into)" + SP + r"+(?:care|foster" + SP + r"+care)|"
         r"adopted|adoption" + SP + r"+order|arrested|detained|sectioned|deported|permanently" + SP + r"+excluded|excluded" + SP + r"+from|"
         r"went" + SP + r"+missing|reported" + SP + r"+missing|gave" + SP + r"+birth|stillborn|miscarried|had" + SP + r"+a" + SP + r"+(?:stroke|fall|heart" + SP + r"+attack)|"
         r"admitted" + SP + r"+to" + SP + r"+(?:hospital|the" + SP + r"+hospital|\p{Lu})|fled|made" + SP + r"+homeless|became" + SP + r"+homeless|"
         r"assaulted|attacked|married|divorced|separated|released" + SP + r"+from" + SP + r"+(?:prison|custody|hospital))")
rule(id="residual.date-event", category="date-event", confidence=0.5,
     description="An exact date tied to a personal event: 'died on 3 March 2024', 'was evicted from the flat on 12 May 2023', 'On 4 June 2022 her son was taken into care'.",
     regex=r"(?:\b" + EVENT + r"\b[^.;\n]{0,60}?\b(?:on|[Oo]n" + SP + r"+(?:" + DAYS + r")|dated)" + SP + r"*,?" + SP + r"*(?<value>" + DATE + r")"
           r"|\b[Oo]n" + SP + r"+(?:(?:" + DAYS + r")," + SP + r"*)?(?<v2>" + DATE + r")" + SP + r"*,?" + SP + r"+[^.;\n]{0,60}?\b" + EVENT + r"\b)",
     reason="the exact date of a birth, death, removal or eviction can identify the people involved",
     suggestion="in March 2024 (month and year only)",
     requires=None,
     match=[("Her father died on 3 March 2024.", "3 March 2024"),
            ("They were evicted from the flat on 12 May 2023 by bailiffs.", "12 May 2023"),
            ("On 4 June 2022 her son was taken into care.", "4 June 2022"),
            ("He passed away in hospital on the 5th of January.", "the 5th of January"),
            ("The children were removed into care on 01/02/2021.", "01/02/2021")],
     nomatch=["Decision date : 14 Jan 2022", "The Council replied on 3 March 2024.", "Her father died in March 2024.",
              "On 12 May 2023 the Council wrote to Mrs X."])

# ======================================================================= family composition
section("Family composition")
CNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-9])"
KIN = (r"(?:children|kids|sons|daughters|boys|girls|grandchildren|grandsons|granddaughters|siblings|brothers|sisters|"
       r"step-?children|step-?sons|step-?daughters|dependants|dependents|babies|infants|teenagers|foster" + SP + r"+children)")
ONEKIN = r"(?:sons?|daughters?|boys?|girls?|children|child|grandchildren|grandsons?|granddaughters?|babies|baby)"
rule(id="residual.family-number", category="family", confidence=0.6,
     description="The number and sexes of children: 'her four children', 'three sons and a daughter', 'two young boys'.",
     regex=r"\b(?<value>(?:" + CNT + r"|(?i:" + CNT + r"))" + SP + r"+(?:(?:young|adult|grown-up|grown" + SP + r"+up|school-age|school" + SP + r"+age|teenage|older|younger|small|little|disabled|autistic|dependent|foster|adopted|step|biological|twin|triplet)" + SP + r"+){0,2}" + KIN + r"(?:" + SP + r"*,?" + SP + r"+and" + SP + r"+(?:a|an|one|two|three|four|five|six|[1-9])" + SP + r"+(?:(?:young|adult|teenage|older|younger|baby)" + SP + r"+)?" + ONEKIN + r")?)\b",
     reason="the number, sexes and ages of children can identify a family",
     suggestion="her children",
     requires=None,
     match=[("She lives with her four children.", "four children"),
            ("Mrs X has three sons and a daughter.", "three sons and a daughter"),
            ("Two young boys were in the flat.", "Two young boys"),
            ("her 5 dependent children", "5 dependent children")],
     nomatch=["the children", "all children in the area", "Children Act 1989", "two years"])

rule(id="residual.family-shape", category="family", confidence=0.6,
     description="Distinctive family shapes: twins, triplets, 'mother of five', 'single father', 'eldest of six', 'only child', widowhood, pregnancy.",
     regex=r"\b(?<value>twins|triplets|quadruplets|twin" + SP + r"+(?:brother|sister|sons?|daughters?|boys|girls)|(?:mother|father|mum|dad|parent|grandmother|grandfather|grandparent)" + SP + r"+(?:of|to)" + SP + r"+(?:" + CNT + r"|(?:a|an)" + SP + r"+(?:large" + SP + r"+family|newborn|baby))|"
           r"(?:single|lone)" + SP + r"+(?:mother|father|parent|mum|dad|carer)|(?:eldest|oldest|youngest|middle)" + SP + r"+of" + SP + r"+" + CNT + r"|only" + SP + r"+child|large" + SP + r"+family|"
           r"widow(?:ed|er)?|(?:is|was|became|being)" + SP + r"+(?:[0-9]{1,2}" + SP + r"+(?:weeks|months)" + SP + r"+)?pregnant(?:" + SP + r"+with" + SP + r"+(?:twins|triplets|her" + SP + r"+\w+" + SP + r"+child))?)\b",
     reason="an unusual family make-up can identify a family",
     suggestion="her children / the family",
     requires=["twin", "triplet", "quadruplet", "of", "to", "single", "lone", "only child", "large family", "widow", "pregnant"],
     match=[("She has twins.", "twins"), ("a mother of five", "mother of five"), ("As a single father he", "single father"),
            ("the eldest of six", "eldest of six"), ("she was 7 months pregnant", "was 7 months pregnant"),
            ("his twin sister", "twin sister")],
     nomatch=["pregnant women have priority need", "the mother of the child", "a single person",
              "the Council's twin-track approach"])

# ======================================================================= health
section("Health conditions and disabilities")
COND = (r"dementia|alzheimer['’]?s(?:" + SP + r"+disease)?|autis(?:m|tic)(?:" + SP + r"+spectrum" + SP + r"+(?:condition|disorder))?|"
        r"asperger['’]?s(?:" + SP + r"+syndrome)?|attention" + SP + r"+deficit(?:" + SP + r"+hyperactivity)?" + SP + r"+disorder|"
        r"learning" + SP + r"+disabilit(?:y|ies)|global" + SP + r"+developmental" + SP + r"+delay|developmental" + SP + r"+delay|"
        r"cerebral" + SP + r"+palsy|down['’]?s" + SP + r"+syndrome|down" + SP + r"+syndrome|trisomy" + SP + r"?[0-9]+|multiple" + SP + r"+sclerosis|"
        r"motor" + SP + r"+neurone" + SP + r"+disease|huntington['’]?s(?:" + SP + r"+(?:disease|chorea))?|parkinson['’]?s(?:" + SP + r"+disease)?|"
        r"cystic" + SP + r"+fibrosis|sickle" + SP + r"+cell(?:" + SP + r"+(?:disease|anaemia|anemia|trait))?|thalassa?emia|"
        r"epilep(?:sy|tic)|seizures|schizo(?:phrenia|phrenic|affective(?:" + SP + r"+disorder)?)|bipolar(?:" + SP + r"+(?:disorder|affective" + SP + r"+disorder))?|"
        r"psychosis|psychotic" + SP + r"+episodes?|(?:emotionally" + SP + r"+unstable" + SP + r"+)?personality" + SP + r"+disorder|"
        r"obsessive" + SP + r"+compulsive" + SP + r"+disorder|post-?" + SP + r"?traumatic" + SP + r"+stress(?:" + SP + r"+disorder)?|"
        r"eating" + SP + r"+disorder|anorexia(?:" + SP + r"+nervosa)?|bulimia|clinical" + SP + r"+depression|post-?natal" + SP + r"+depression|"
        r"depressive" + SP + r"+disorder|severe" + SP + r"+depression|generali[sz]ed" + SP + r"+anxiety" + SP + r"+disorder|anxiety" + SP + r"+disorder|"
        r"muscular" + SP + r"+dystrophy|spina" + SP + r"+bifida|hydrocephalus|tourette['’]?s(?:" + SP + r"+syndrome)?|fragile" + SP + r"+x(?:" + SP + r"+syndrome)?|"
        r"foetal" + SP + r"+alcohol" + SP + r"+(?:syndrome|spectrum" + SP + r"+disorder)|ehlers[- ]danlos(?:" + SP + r"+syndrome)?|"
        r"chronic" + SP + r"+fatigue(?:" + SP + r"+syndrome)?|myalgic" + SP + r"+encephalomyelitis|fibromyalgia|lupus|crohn['’]?s(?:" + SP + r"+disease)?|"
        r"ulcerative" + SP + r"+colitis|(?:type" + SP + r"+[12]" + SP + r"+)?diabet(?:es|ic)|(?:terminal" + SP + r"+|breast" + SP + r"+|lung" + SP + r"+|bowel" + SP + r"+|prostate" + SP + r"+|brain" + SP + r"+)?cancer|"
        r"leukaemia|leukemia|lymphoma|(?:brain" + SP + r"+)?tumour|chemotherapy|radiotherapy|"
        r"(?:had|suffered)" + SP + r"+a" + SP + r"+(?:stroke|heart" + SP + r"+attack)|heart" + SP + r"+failure|(?:kidney|renal)" + SP + r"+failure|dialysis|"
        r"emphysema|chronic" + SP + r"+obstructive" + SP + r"+pulmonary" + SP + r"+disease|hepatitis" + SP + r"?[a-e]?|tuberculosis|"
        r"(?:acquired" + SP + r"+)?brain" + SP + r"+injury|spinal" + SP + r"+(?:cord" + SP + r"+)?injury|paraplegi(?:a|c)|quadriplegi(?:a|c)|tetraplegi(?:a|c)|"
        r"amputee|amputation|amputated|(?<!\bare" + SP + r")(?<!\bthey" + SP + r")(?:registered|partially|totally|completely|is|was|went|being|became|born)" + SP + r"+blind|blindness|partially" + SP + r"+sighted|(?:visually|sight)" + SP + r"+impaired|visual" + SP + r"+impairment|"
        r"deafblind|(?:profoundly|severely|partially|totally|is|was|born|went|being|became)" + SP + r"+deaf|deafness|Deaf(?!" + SP + r"+ears)|hard" + SP + r"+of" + SP + r"+hearing|hearing" + SP + r"+impair(?:ed|ment)|"
        r"wheelchair" + SP + r"+users?|uses" + SP + r"+a" + SP + r"+wheelchair|in" + SP + r"+a" + SP + r"+wheelchair|wheelchair-bound|"
        r"bed-?bound|stoma|colostomy|incontinen(?:t|ce)|terminally" + SP + r"+ill|terminal" + SP + r"+illness|palliative(?:" + SP + r"+care)?|"
        r"dyslexi(?:a|c)|dyspraxi(?:a|c)|dyscalculia|selective" + SP + r"+mutism|sensory" + SP + r"+processing" + SP + r"+disorder|"
        r"(?:severe|profound|complex|multiple)" + SP + r"+(?:and" + SP + r"+multiple" + SP + r"+)?(?:learning" + SP + r"+|physical" + SP + r"+)?disabilit(?:y|ies)|"
        r"(?:severely|profoundly|physically)" + SP + r"+disabled|self-?" + SP + r"?harm(?:ing|ed)?|suicidal|suicide" + SP + r"+attempt|attempted" + SP + r"+suicide|overdose|"
        r"alcohol(?:ic|ism|" + SP + r"+dependen(?:ce|cy)|" + SP + r"+addiction)|drug" + SP + r"+(?:addiction|dependen(?:ce|cy))|substance" + SP + r"+misuse|heroin|methadone|"
        r"(?:was|been|being)" + SP + r"+sectioned|stillbirth|miscarriage|long" + SP + r"+covid|"
        r"myasthenia(?:" + SP + r"+gravis)?|osteogenesis" + SP + r"+imperfecta|spinal" + SP + r"+muscular" + SP + r"+atrophy|brittle" + SP + r"+bones?|"
        r"cleft" + SP + r"+(?:lip|palate)|club" + SP + r"?foot|progeria|albinism|dwarfism|gigantism|phenylketonuria|haemochromatosis|"
        r"alopecia|vitiligo|rare" + SP + r"+(?:[a-z-]+" + SP + r"+){0,2}?(?:condition|conditions|disease|disorder|syndrome|illness|cancer|form" + SP + r"+of" + SP + r"+[a-z-]+)")
rule(id="residual.health-condition", category="health", confidence=0.6,
     description="A named health condition or disability from a curated list (dementia, autism, cerebral palsy, sickle cell, epilepsy, blindness, wheelchair user…).",
     regex=r"\b(?<value>(?i:" + COND + r"))\b(?!" + SP + r"+(?:Act|Regulations|Strategy|Society|Trust|UK|Association|Research|Care" + SP + r"+Fund|Action))",
     reason="a health condition or disability, especially a rare one, can identify a person and is sensitive",
     suggestion="a health condition / a disability (only if essential)",
     requires=None,
     caseless=False,
     match=[("Mrs Y has dementia and lives alone.", "dementia"),
            ("her son has cerebral palsy", "cerebral palsy"),
            ("He is a wheelchair user.", "wheelchair user"),
            ("a diagnosis of Huntington's disease", "Huntington's disease"),
            ("She is registered blind.", "registered blind"),
            ("B has autism spectrum disorder.", "autism spectrum disorder"), ("She has a rare genetic condition.", "rare genetic condition"),
            ("He has a rare form of leukaemia.", "rare form of leukaemia")],
     nomatch=["on very rare occasions", "in rare cases", "a dropped kerb that allows wheelchair access", "the Mental Capacity Act 2005", "a blind bend on the lane", "her requests fell on deaf ears",
              "Alzheimer's Society guidance", "she was blindsided", "a deadline"])

ACR = r"ADHD|ADD|ASD|ASC|PTSD|C-PTSD|OCD|EUPD|BPD|COPD|MND|HIV|AIDS|FASD|PDA|SEMH|CFS|ME/CFS|ABI|PMLD|SMA|DMD|FND|PKU|CRPS|EDS|hEDS|POTS|PoTS|TBI"
rule(id="residual.health-acronym", category="health", confidence=0.55,
     description="A health condition written as an acronym: ADHD, ASD, PTSD, OCD, COPD, MND, HIV, FASD, PDA, EUPD (case-sensitive).",
     regex=r"(?<![\p{L}\p{N}&/-])(?<value>" + ACR + r")(?![\p{L}\p{N}&-])",
     reason="a health condition can identify a person and is sensitive",
     suggestion="a health condition (only if essential)",
     requires=None,
     match=[("B has ADHD and is awaiting an assessment.", "ADHD"), ("diagnosed with PTSD after", "PTSD")],
     nomatch=["in addition to", "the HIVE centre", "ADD-ON services"])

# A condition named after people: "Angelman syndrome", "Huntington's disease", "Tay-Sachs disease",
# "Ehlers–Danlos syndrome", "Duchenne muscular dystrophy", "Ewing's sarcoma", "Raynaud's phenomenon".
EPONYM_TYPE = ("syndrome|disease|disorder|palsy|dystrophy|ataxia|sclerosis|anaemia|anemia|atrophy|sarcoma|lymphoma|"
               "tumou?r|phenomenon|malformation|anomaly|chorea|encephalopathy|encephalitis|myopathy|neuropathy|dysplasia|"
               "deficiency|leukaemia|leukemia|neuralgia|arteritis|thyroiditis|contracture|myositis|myotonia|paralysis|dementia")
EPONYM_TYPES = r"(?:" + "|".join(w + "|" + w[0].upper() + w[1:] for w in EPONYM_TYPE.split("|")) + r")"
MED_ADJ = ("muscular|spinal|cerebellar|hereditary|congenital|juvenile|familial|progressive|myotonic|sensory|motor|optic|"
           "haemolytic|hemolytic|aplastic|hypertrophic|macular|pulmonary|renal|polycystic|idiopathic|facial|peripheral|"
           "lymphoblastic|myeloid|cell|bone|type")
EPONYM_WORD = r"\p{Lu}[\p{L}\p{M}]+(?:[-'’]\p{L}+)*"
HEALTH_STOP = stop("Legionnaires|Legionnaires'|Legionnaires’|Mental|Health|Healthcare|Care|Social|Behaviour|Conduct|Personality|Eating|Anxiety|Mood|Sleep|Learning|Attachment|Developmental|Public|Civil|Infectious|Notifiable|Rare|Genetic|Chronic")
EPONYMS = EPONYM_WORD + r"(?:(?:[-–]|" + SP + r"(?:and" + SP + r")?)" + EPONYM_WORD + r"){0,2}"
EPONYM_END = r"(?:" + SP + r"+(?:" + MED_ADJ + r")){0,2}" + SP + r"+" + EPONYM_TYPES + r"(?:" + SP + r"+(?:[Tt]ype" + SP + r"+)?[0-9IVX]+[A-Za-z]?)?"
rule(id="residual.health-syndrome", category="health", confidence=0.55, whole_name=True,
     description="A syndrome or condition named after people, without a possessive: 'Angelman syndrome', 'Tay-Sachs disease', 'Kearns–Sayre syndrome', 'Becker muscular dystrophy' (rare conditions are the most identifying). The whole name is one detail: the name stage takes no person out of it.",
     regex=r"(?<![\p{L}\p{M}])(?<value>" + HEALTH_STOP + EPONYMS + r"(?<!['’]s)(?<!s['’])" + EPONYM_END + r")\b",
     reason="a named, especially rare, condition can identify a person",
     suggestion="a rare health condition (only if essential)",
     requires=EPONYM_TYPE.replace("tumou?r", "tumour|tumor").split("|"),
     match=[("Y has Angelman syndrome.", "Angelman syndrome"), ("his Batten disease", "Batten disease"),
            ("She lives with Ehlers-Danlos Syndrome type 3", "Ehlers-Danlos Syndrome type 3"),
            ("He has Kearns–Sayre syndrome.", "Kearns–Sayre syndrome"), ("her son has Becker muscular dystrophy", "Becker muscular dystrophy"),
            ("a diagnosis of Diamond-Blackfan anaemia", "Diamond-Blackfan anaemia"), ("He has Charcot-Marie-Tooth disease.", "Charcot-Marie-Tooth disease")],
     nomatch=["the disease", "a rare syndrome", "the Mental Health disorder policy", "a Public disorder offence", "Huntington's disease", "Amir's disorder"])

rule(id="residual.health-syndrome-possessive", category="health", confidence=0.55,
     description="A condition named after a person with a possessive: 'Huntington's disease', 'Friedreich's ataxia', 'Ewing's sarcoma', 'Raynaud's phenomenon'. (Not whole-name: 'Tom's disorder' may hold a person's name.)",
     regex=r"(?<![\p{L}\p{M}])(?<value>" + HEALTH_STOP + EPONYMS + r"(?:['’]s|s['’])" + EPONYM_END + r")\b",
     reason="a named, especially rare, condition can identify a person",
     suggestion="a rare health condition (only if essential)",
     requires=["'s", "’s", "s'", "s’"],
     match=[("Friedreich's Ataxia", "Friedreich's Ataxia"), ("She was treated for Ewing's sarcoma.", "Ewing's sarcoma"),
            ("He has Raynaud's phenomenon.", "Raynaud's phenomenon"), ("a diagnosis of Huntington’s disease", "Huntington’s disease")],
     nomatch=["the disease", "the Council's disease policy"])

rule(id="residual.health-named-lower", category="health", confidence=0.5,
     description="A condition named by the words before 'syndrome' or 'disease': 'short bowel syndrome', 'chronic kidney disease', 'brittle bone disease' (not 'a rare syndrome', 'the disease').",
     regex=r"(?<![\p{L}\p{M}-])(?<value>(?:(?!(?:the|a|an|this|that|these|those|rare|very|genetic|same|other|his|her|their|its|which|any|medical|serious|underlying|unknown|undiagnosed|new|such|of|with|has|had|have|from|for|and|or|to|in|on|by|is|was|were|are|be|been|no|not|one|some|own|particular|specific|possible|suspected|progressive|life-limiting|incurable|terminal|long-term|lifelong|degenerative|inherited|neurological|hereditary|congenital|debilitating|rarer|common|known|named|called|as|at|if|a|but|chronic|whose|what|every|each|disabling|painful|severe|mild)\b)[a-z][a-z-]+" + SP + r"+){1,2}(?:syndrome|disease)s?)\b",
     reason="a named, especially rare, condition can identify a person",
     suggestion="a health condition (only if essential)",
     requires=["syndrome", "disease"],
     match=[("He has short bowel syndrome.", "short bowel syndrome"), ("She has chronic kidney disease.", "kidney disease"),
            ("Her son has brittle bone disease.", "brittle bone disease")],
     nomatch=["the disease", "a rare genetic syndrome", "a serious disease", "has a syndrome", "a progressive disease"])

# A condition recognised by its medical ending: -osis, -itis, -aemia, -opathy, -plasia, -trophy, -philia,
# -cephaly, -plegia, -oma, -iasis, -algia, -uria, -lepsy, -derma… ('neurofibromatosis', 'achondroplasia',
# 'phenylketonuria', 'narcolepsy', 'scleroderma'). Words with these endings that are not conditions
# (from a general English word list: 'diagnosis', 'prognosis', 'diploma', 'academia', 'nostalgia') are left out.
MED_SUFFIX = ("osis|itis|aemia|emia|opathy|plasia|philia|cephaly|cephalus|plegia|paresis|oma|iasis|ectasia|algia|"
              "penia|uria|rrhoea|malacia|megaly|kinesia|lexia|praxia|phasia|lepsy|derma|axis")
MED_NOT = ("diagnosis|misdiagnosis|prognosis|apotheosis|metamorphosis|symbiosis|osmosis|hypnosis|homoeopathy|homeopathy|naturopathy|"
           "osteopathy|prophylaxis|necrophilia|paedophilia|pedophilia|bibliophilia|diploma|diplomas|aroma|aromas|academia|bohemia|"
           "nostalgia|penuria|sympathy|telepathy|antipathy|empathy|apathy|syntaxis|parallaxis|ataxis|glossolalia|praxis|paloma|oklahoma")
rule(id="residual.health-term", category="health", confidence=0.5,
     description="A condition recognised by its medical ending (-osis, -itis, -aemia, -opathy, -plasia, -trophy, -philia, -plegia, -oma, -uria, -lepsy, -derma…): 'neurofibromatosis', 'achondroplasia', 'narcolepsy', 'mesothelioma'.",
     regex=r"(?<![\p{L}\p{M}-])(?<value>(?!(?:" + MED_NOT + r")\b)(?i:[a-z])(?:[a-z]*trophy|[a-z]+(?:" + MED_SUFFIX + r")))(?![\p{L}\p{M}])",
     reason="a health condition, especially a rare one, can identify a person and is sensitive",
     suggestion="a health condition (only if essential)",
     requires=["osis", "itis", "emia", "opathy", "plasia", "trophy", "philia", "cephal", "plegia", "paresis", "oma", "iasis", "ectasia", "algia",
               "penia", "uria", "rrhoea", "malacia", "megaly", "kinesia", "lexia", "praxia", "phasia", "lepsy", "derma", "axis"],
     match=[("Her son has neurofibromatosis type 1.", "neurofibromatosis"), ("She has achondroplasia.", "achondroplasia"),
            ("He was diagnosed with narcolepsy.", "narcolepsy"), ("She has scleroderma and haemophilia.", "scleroderma"),
            ("Mesothelioma was diagnosed in 2023.", "Mesothelioma"), ("spinal muscular atrophy", "atrophy")],
     nomatch=["The diagnosis was made in May.", "Her prognosis is poor.", "She has a diploma.", "with some nostalgia",
              "a trophy", "a coma", "Thomas wrote", "the Council showed sympathy", "Mr X's taxis"])

rule(id="residual.health-called", category="health", confidence=0.5,
     description="A condition introduced by 'a condition called', 'a rare disorder known as', 'a syndrome named': the name that follows.",
     regex=r"\b(?:condition|disease|disorder|syndrome|illness|form" + SP + r"+of" + SP + r"+[a-z]+),?" + SP + r"*(?:called|named|known" + SP + r"+as)" + SP + r"+(?!(?:for|on|upon|in|out|off|back|up|it|them|her|him|a|an|the)\b)(?<value>[^\s,.;:()\n][^,.;:()\n]{2,48}?)(?=" + SP + r"*(?:[,.;:()\n]|$|\b(?:and|which|who|since|after|because|that)\b))",
     reason="a named, especially rare, condition can identify a person",
     suggestion="a rare health condition (only if essential)",
     requires=["called", "named", "known as"],
     match=[("Her son has a rare condition called Kabuki syndrome.", "Kabuki syndrome"), ("a disorder known as alkaptonuria, which", "alkaptonuria")],
     nomatch=["the condition called for repairs"])

rule(id="residual.health-diagnosed", category="health", confidence=0.5,
     description="Whatever follows 'diagnosed with', 'suffers from', 'has a diagnosis of' (up to the end of the phrase).",
     regex=r"\b(?:diagnos(?:ed|is)" + SP + r"+(?:with|of|as" + SP + r"+having)|suffer(?:s|ed|ing)?" + SP + r"+(?:from|with)|has" + SP + r"+a" + SP + r"+diagnosis" + SP + r"+of|a" + SP + r"+diagnosis" + SP + r"+of|lives" + SP + r"+with" + SP + r"+(?=(?:a|an|chronic|severe|long-term)\b))" + SP + r"+(?!(?:the|this|that|these|those|its|any|delay|delays|stress|distress|frustration|inconvenience|uncertainty|injustice|the" + SP + r"+Council)\b)(?<value>[^\s,.;:()\n][^,.;:()\n]{2,58}?)(?=" + SP + r"*(?:[,.;:()\n]|$|\b(?:and" + SP + r"+(?:is|was|has|had|needs|needed|uses|used|lives|requires)|which|who|since|after|because|for" + SP + r"+which|in" + SP + r"+(?:[0-9]|" + MONTHS + r"))\b))",
     reason="a diagnosis can identify a person and is sensitive",
     suggestion="a health condition (only if essential)",
     requires=["diagnos", "suffer", "lives with"],
     match=[("In 2021 she was diagnosed with a rare form of leukaemia.", "a rare form of leukaemia"),
            ("He suffers from chronic back pain and uses a stick.", "chronic back pain"),
            ("Y has a diagnosis of global developmental delay.", "global developmental delay")],
     nomatch=["Mrs X suffered distress.", "She suffered from the Council's delay.", "she lives with her mother"])

# ======================================================================= identity: ethnicity, nationality, religion, language, immigration
section("Ethnicity, Traveller status, nationality, religion, language, immigration")
rule(id="residual.ethnicity-traveller", category="ethnicity", confidence=0.7,
     description="Gypsy, Roma and Traveller status: 'Gypsy', 'Irish Traveller', 'Romany', 'Roma', 'Showman', 'New Traveller'.",
     regex=r"\b(?<value>(?:(?:Irish|Scottish|Welsh|English|New|Romany|Roma)" + SP + r"+)?(?:Gypsy|Gypsies|Gipsy|Romany|Romani|Roma|Travellers?|Travelers?|Showm[ae]n|Showpeople|Show" + SP + r"+people|Bargees?)(?:" + SP + r"*(?:,|and|or|/|&)" + SP + r"*(?:Roma|Travellers?|Travelers?))*+(?:" + SP + r"+(?:community|communities|family|families|heritage|status|ethnicity|background|culture))?)\b(?!" + SP + r"+(?:Road|Street|Lane|[Ss]ites?|[Pp]itch(?:es)?|[Aa]ccommodation|[Pp]olicy|[Tt]ransit)\b)",
     reason="Gypsy, Roma or Traveller status is an ethnicity and, with the site or area, can identify a family",
     suggestion="describe only if essential to the decision",
     requires=["gypsy", "gypsies", "gipsy", "roma", "travell", "traveler", "showm", "showpeople", "show people", "bargee"],
     match=[("Mrs X is an Irish Traveller.", "Irish Traveller"), ("the Gypsy and Traveller community", "Gypsy and Traveller community"),
            ("a Romany family", "Romany family"), ("the Roma family next door", "Roma family")],
     nomatch=["the traveller on the bus", "Roman Road", "a Gypsy and Traveller Accommodation Assessment"])

rule(id="residual.ethnicity", category="ethnicity", confidence=0.6,
     description="Ethnic origin: 'Black British', 'White Irish', 'mixed race', 'dual heritage', 'of Pakistani heritage', 'Asian family'.",
     regex=r"\b(?<value>(?:Black|White|Asian|Mixed|black|white|asian)" + SP + r"+(?:British|African|Caribbean|Irish|European|Other|Asian|Gypsy)|"
           r"(?:British|Black|African|Caribbean|Arab)" + SP + r"+(?:Asian|Caribbean|African|Arab)|mixed[- ](?:race|heritage|ethnicity)|dual" + SP + r"+heritage|"
           r"(?:ethnic" + SP + r"+minority|BAME|BME)(?:" + SP + r"+(?:family|background|community|person|woman|man|child|tenant))?|"
           r"of" + SP + r"+\p{Lu}\p{L}+(?:" + SP + r"+\p{Lu}\p{L}+)?" + SP + r"+(?:heritage|descent|origin|ethnicity|background)|"
           r"(?:Asian|Black|Afro-Caribbean|South" + SP + r"+Asian)" + SP + r"+(?:family|families|man|woman|boy|girl|community|heritage|background|person|people|household)|"
           r"(?<=\bis" + SP + r"|\bare" + SP + r"|\bwas" + SP + r"|\bwere" + SP + r"|\bas" + SP + r")(?:Black|Asian|White|mixed" + SP + r"+race|of" + SP + r"+mixed" + SP + r"+heritage)(?=" + SP + r"*[,.;]|" + SP + r"+and\b))\b",
     reason="ethnic origin can identify a person in a small community and is sensitive",
     suggestion="describe only if essential to the decision",
     requires=["black", "white", "asian", "mixed", "british", "african", "caribbean", "arab", "dual", "ethnic", "bame", "bme", "heritage", "descent", "origin", "ethnicity", "background"],
     match=[("She describes herself as Black British.", "Black British"), ("a mixed-race child", "mixed-race"),
            ("a family of Pakistani heritage", "of Pakistani heritage"), ("an Asian family", "Asian family"), ("Mr Y is Black and lives alone.", "Black")],
     nomatch=["White lines on the road", "the Black Country", "of no fixed abode", "a black bin bag", "The bin is black."])

NATNOUN = ("national|nationals|citizen|citizens|citizenship|passport|nationality|heritage|origin|descent|family|families|man|men|woman|"
           "women|boy|girl|mother|father|parents|husband|wife|partner|community|communities|background|refugee|refugees|"
           "asylum" + SP + "seeker|asylum" + SP + "seekers|migrant|migrants|worker|workers|student|students|tenant|tenants|household|couple|"
           "roots|born|households|neighbour|neighbours|son|sons|daughter|daughters|child|children|"
           "people|person|pensioner|pensioners|grandmother|grandfather|grandparents|brother|sister|relatives|friends|extraction|origins|"
           "descendants|boyfriend|girlfriend|fiancé|fiancée|widow|widower|family['’]s|lady|gentleman|teenager|baby|patient|patients|client|clients|resident|residents|applicant|applicants|carer|carers|landlord|landlady|employer|couple['’]s")
rule(id="residual.nationality", category="nationality", confidence=0.6,
     description="A nationality or national origin: 'Polish national', 'a Somali family', 'the only Eritrean household', 'is Romanian', 'Ghanaian-born', 'EU national', 'dual national' (adjectives of nationality from Patterns/lists/demonyms.txt and a hand list of peoples).",
     regex=r"\b(?<value>(?:" + NATALL + r")(?:" + SP + r"+|-)(?:" + NATNOUN + r")|(?:EU|EEA|non-EU|non-EEA|foreign|dual|Commonwealth|third" + SP + r"+country)" + SP + r"+(?:national|nationals|citizen|citizens|nationality)|"
           r"(?<=\bis" + SP + r"|\bwas" + SP + r"|\bare" + SP + r"|\bwere" + SP + r")(?:" + NATALL + r")(?=" + SP + r"*[,.;]|" + SP + r"+(?:and|but|by" + SP + r"+birth)\b))\b",
     reason="nationality or national origin can identify a person in a small community and is sensitive",
     suggestion="describe only if essential to the decision",
     requires=None,
     match=[("He is a Polish national.", "Polish national"), ("a Somali family of six", "Somali family"),
            ("Mrs X is Romanian.", "Romanian"), ("as an EU national she", "EU national"),
            ("They are the only Eritrean household on the estate.", "Eritrean household"), ("her Burkinabe neighbours", "Burkinabe neighbours"),
            ("He is Ghanaian-born.", "Ghanaian-born"), ("a Sierra Leonean couple", "Sierra Leonean couple"), ("Mr Y is Malagasy, and", "Malagasy")],
     nomatch=["French doors", "the Irish Sea", "Turkish delight", "Indian restaurant", "a British citizen", "the English family", "Polish the floor"])

COUNTRY = ("Afghanistan|Albania|Algeria|Angola|Bangladesh|Belarus|Bosnia|Brazil|Bulgaria|Burma|Myanmar|Burundi|Cameroon|"
           "China|Colombia|Congo|the" + SP + "Democratic" + SP + "Republic" + SP + "of" + SP + "(?:the" + SP + ")?Congo|DRC|Croatia|Cuba|Czechia|the" + SP + "Czech" + SP + "Republic|Egypt|Eritrea|"
           "Ethiopia|Gambia|the" + SP + "Gambia|Ghana|Greece|Guinea|Hong" + SP + "Kong|Hungary|India|Indonesia|Iran|Iraq|Ireland|Italy|"
           "Jamaica|Kenya|Kosovo|Kurdistan|Kuwait|Latvia|Lebanon|Liberia|Libya|Lithuania|Malawi|Malaysia|Moldova|Morocco|Nepal|"
           "Nigeria|Pakistan|Palestine|Gaza|the" + SP + "West" + SP + "Bank|the" + SP + "Philippines|Poland|Portugal|Romania|Russia|Rwanda|Saudi" + SP + "Arabia|"
           "Senegal|Serbia|Sierra" + SP + "Leone|Slovakia|Somalia|Somaliland|South" + SP + "Africa|South" + SP + "Sudan|Spain|Sri" + SP + "Lanka|"
           "Sudan|Syria|Tanzania|Tibet|Turkey|Türkiye|Uganda|Ukraine|Vietnam|Yemen|Zambia|Zimbabwe|the" + SP + "Caribbean|Africa")
rule(id="residual.nationality-country", category="nationality", confidence=0.55,
     description="A country of origin after 'from', 'fled', 'born in', 'returned to', 'deported to', 'citizen of'.",
     regex=r"\b(?:from|fled|fleeing|born" + SP + r"+in|returned" + SP + r"+to|return" + SP + r"+to|deported" + SP + r"+to|removed" + SP + r"+to|citizen" + SP + r"+of|national" + SP + r"+of|arrived" + SP + r"+from|came" + SP + r"+from|comes" + SP + r"+from|escaped|family" + SP + r"+in|relatives" + SP + r"+in|lived" + SP + r"+in|grew" + SP + r"+up" + SP + r"+in)" + SP + r"+(?<value>" + COUNTRY + r")\b",
     reason="a country of origin can identify a person and reveals nationality or immigration history",
     suggestion="describe only if essential to the decision",
     requires=None,
     match=[("They fled Syria in 2016.", "Syria"), ("She came to the UK from Eritrea.", "Eritrea"),
            ("he was born in Poland", "Poland")],
     nomatch=["a letter from Derby", "born in 1980"])

REL = (r"Muslims?|Islam|Islamic|Sikhs?|Sikhism|Hindus?|Hinduism|Jewish|Jews?|Judaism|Orthodox" + SP + r"+Jew(?:ish|s)?|Hasidic|Haredi|Charedi|"
       r"Christians?(?!" + SP + r"*\p{Lu})|Catholics?|Roman" + SP + r"+Catholics?|Anglicans?|Methodists?|Baptists?|Pentecostals?|Evangelicals?|Quakers?|"
       r"Buddhists?|Buddhism|Jehovah['’]?s" + SP + r"+Witness(?:es)?|Mormons?|Latter-day" + SP + r"+Saints|Rastafarians?|Pagans?|Jains?|Zoroastrians?|"
       r"Bah[aá]['’]?[ií]s?|Ahmadi(?:yya|s)?|Shia|Sunni|atheists?|agnostics?|halal|kosher|hijab|niqab|burqa|burka|turban|kippah|yarmulke|"
       r"Ramadan|Eid|Diwali|Vaisakhi|Shabbat|Sabbath|Passover|Yom" + SP + r"+Kippur|madrasa|madrassa|synagogue|mosque|gurdwara|mandir|"
       r"religious" + SP + r"+(?:beliefs?|needs|observance|practices?|faith)|(?:her|his|their)" + SP + r"+(?:religion|faith)")
rule(id="residual.religion", category="religion", confidence=0.55,
     description="Religion, belief and religious practice: 'Muslim', 'Sikh', 'Jewish', 'Jehovah's Witness', 'halal', 'hijab', 'Ramadan', 'her faith'.",
     regex=r"(?<![\p{L}\p{M}])(?<value>" + REL + r")(?![\p{L}\p{M}])(?!" + SP + r"+(?:Primary|Junior|Infant|High|School|Academy|College|Church|Road|Street|Lane|Avenue)\b)",
     reason="religion or belief can identify a person and is sensitive",
     suggestion="describe only if essential to the decision",
     requires=None,
     match=[("The family are Muslim.", "Muslim"), ("as a Sikh he wears a turban", "Sikh"), ("she is Jewish", "Jewish"),
            ("a Jehovah's Witness", "Jehovah's Witness"), ("halal meals", "halal")],
     nomatch=["Christian Smith wrote", "St Mary's Catholic Primary", "a sabbatical"])

rule(id="residual.language", category="language", confidence=0.6,
     description="A person's language or communication need: 'speaks Tigrinya', 'first language is Polish', 'a Farsi interpreter', 'BSL user', 'limited English'.",
     regex=r"(?:\b(?:speaks?|spoke|speaking|speaker" + SP + r"+of|fluent" + SP + r"+in|only" + SP + r"+understands?|first" + SP + r"+language" + SP + r"+(?:is|was|being)|first" + SP + r"+language,|main" + SP + r"+language" + SP + r"+(?:is|was)|mother" + SP + r"+tongue" + SP + r"+(?:is|was)|preferred" + SP + r"+language" + SP + r"+(?:is|was)|translated" + SP + r"+into|interpreted" + SP + r"+into|interpreter" + SP + r"+for)" + SP + r"+(?:only" + SP + r"+|mainly" + SP + r"+|little" + SP + r"+|some" + SP + r"+)?(?<value>" + LANG + r")\b"
           r"|\b(?<v2>(?:" + LANG + r")(?:" + SP + r"+|-)(?:interpreters?|translators?|translation|speakers?|speaking|users?|language))\b(?!" + SP + r"+(?:Standards?|Commissioner|Scheme|Measure|Act|Policy|\(Wales\)))"
           r"|\b(?<v3>(?:limited|little|no|poor|basic)" + SP + r"+(?:spoken" + SP + r"+|written" + SP + r"+)?English|English" + SP + r"+(?:is" + SP + r"+not|as" + SP + r"+(?:a|an)" + SP + r"+(?:second|additional)" + SP + r"+language)[\p{L} ]{0,30}|does" + SP + r"+not" + SP + r"+speak" + SP + r"+English|(?:needs?|needed|requires?|required|uses?|used|with|through)" + SP + r"+an?" + SP + r"+interpreter)\b)",
     reason="a person's language or communication need can identify them in a small community",
     suggestion="describe only if essential to the decision",
     requires=None,
     match=[("Mrs X speaks Tigrinya.", "Tigrinya"), ("her first language is Polish", "Polish"),
            ("we arranged a Farsi interpreter", "Farsi interpreter"), ("He is a British Sign Language user.", "British Sign Language user"),
            ("She has limited English.", "limited English"), ("he needed an interpreter at the meeting", "needed an interpreter")],
     nomatch=["This report is also available in Welsh.", "French doors", "the English Channel", "the Welsh Language Standards"])

rule(id="residual.immigration", category="immigration", confidence=0.65,
     description="Immigration status: asylum seeker, refugee, leave to remain, no recourse to public funds, settled status, visa, trafficking victim, unaccompanied child.",
     regex=r"\b(?<value>(?i:asylum(?:" + SP + r"+|-)seek(?:er|ers|ing)|asylum" + SP + r"+(?:claim|application|support|accommodation|status|case)|claimed" + SP + r"+asylum|refugees?(?:" + SP + r"+status)?|"
           r"(?:indefinite|limited)" + SP + r"+leave" + SP + r"+to" + SP + r"+remain|leave" + SP + r"+to" + SP + r"+remain|no" + SP + r"+recourse" + SP + r"+to" + SP + r"+public" + SP + r"+funds|"
           r"immigration" + SP + r"+(?:status|history|detention|tribunal|advice|case|bail)|(?:pre-)?settled" + SP + r"+status|EU" + SP + r"+Settlement" + SP + r"+Scheme|"
           r"(?:spousal|student|work|visitor|skilled" + SP + r"+worker|family)" + SP + r"+visa|overstayer|undocumented|stateless|"
           r"unaccompanied" + SP + r"+(?:asylum-seeking" + SP + r"+)?(?:child|children|minor|minors)|Homes" + SP + r"+for" + SP + r"+Ukraine|resettlement" + SP + r"+scheme|deportation|deported|"
           r"detention" + SP + r"+centre)|NRPF|ILR|UASC)\b",
     reason="immigration status can identify a person and is sensitive",
     suggestion="describe only if essential to the decision",
     requires=None,
     match=[("He is an asylum seeker.", "asylum seeker"), ("She has refugee status.", "refugee status"),
            ("the family have no recourse to public funds", "no recourse to public funds"), ("he was granted ILR", "ILR"),
            ("under the Homes for Ukraine scheme", "Homes for Ukraine")],
     nomatch=["the Council's resettlement of the tenant", "the visa application form", "settled in Derby"])

# ======================================================================= occupation
section("Occupations and public roles")
OCC = (r"(?:nurse|staff" + SP + r"+nurse|midwife|health" + SP + r"+visitor|doctor|GP|surgeon|dentist|pharmacist|paramedic|physiotherapist|"
       r"occupational" + SP + r"+therapist|psychologist|psychiatrist|hospital" + SP + r"+consultant|care" + SP + r"+worker|care" + SP + r"+assistant|support" + SP + r"+worker|healthcare" + SP + r"+assistant|"
       r"social" + SP + r"+worker|teacher|teaching" + SP + r"+assistant|head" + SP + r"?teacher|deputy" + SP + r"+head|lecturer|professor|nursery" + SP + r"+(?:nurse|worker|assistant)|"
       r"childminder|foster" + SP + r"+carer|police" + SP + r"+(?:officer|constable|sergeant|inspector)|PCSO|detective|firefighter|fire" + SP + r"+fighter|"
       r"soldier|serviceman|servicewoman|veteran|prison" + SP + r"+officer|probation" + SP + r"+officer|solicitor|barrister|lawyer|judge|magistrate|"
       r"(?:local|parish|town|district|county|borough|city|ward)?" + SP + r"?councillor|MP|mayor|civil" + SP + r"+servant|council" + SP + r"+(?:officer|employee|worker)|"
       r"accountant|architect|engineer|builder|electrician|plumber|joiner|carpenter|plasterer|roofer|mechanic|"
       r"(?:taxi|bus|lorry|HGV|delivery|van|train)" + SP + r"+driver|cleaner|chef|cook|shop" + SP + r"+assistant|cashier|retail" + SP + r"+assistant|"
       r"hairdresser|barber|beautician|farmer|publican|vicar|priest|imam|rabbi|minister|pastor|journalist|reporter|photographer|"
       r"musician|actor|actress|footballer|professional" + SP + r"+\w+|business" + SP + r"+owner|shopkeeper|company" + SP + r"+director|"
       r"sole" + SP + r"+trader|postman|postwoman|security" + SP + r"+guard|receptionist|scientist|researcher|academic|pilot|"
       r"estate" + SP + r"+agent|surveyor|landlady|landlord|student|volunteer)")
rule(id="residual.occupation-is", category="occupation", confidence=0.55,
     description="A person's job or public role: 'is a nurse', 'was a police officer', 'a retired teacher', 'is a local councillor', 'serves in the Army'.",
     regex=r"(?:(?<!\bCouncil" + SP + r")(?<!\bit" + SP + r")(?<!\bIt" + SP + r")(?<!\bwhich" + SP + r")(?<!\bthat" + SP + r")\b(?:is|was|are|were|am|being|been|became|becomes|become|as)" + SP + r"+(?:an?|the" + SP + r"+(?:local|only|village|parish))" + SP + r"+(?:(?:retired|former|serving|qualified|trainee|senior|junior|newly" + SP + r"+qualified|part-time|full-time|self-employed|registered|practising|local|parish|town|district|county|borough|city|ward|off-duty|specialist|community|mental" + SP + r"+health|agency)" + SP + r"+)*(?<value>" + OCC + r")s?\b"
           r"|\b(?<v2>(?:retired|off-duty|serving)" + SP + r"+" + OCC + r")s?\b"
           r"|\b(?<v3>(?:serves?|served|serving)" + SP + r"+in" + SP + r"+the" + SP + r"+(?:Army|army|Royal" + SP + r"+Navy|Navy|RAF|Royal" + SP + r"+Air" + SP + r"+Force|Royal" + SP + r"+Marines|armed" + SP + r"+forces|Armed" + SP + r"+Forces)|(?:is|was)" + SP + r"+in" + SP + r"+the" + SP + r"+(?:Army|army|Navy|RAF|armed" + SP + r"+forces)|self-employed)\b"
           r"|(?<=," + SP + r")an?" + SP + r"+(?:(?:retired|former|qualified|trainee|senior|junior|part-time|full-time|self-employed|local|off-duty|serving)" + SP + r"+)*(?<v4>" + OCC + r")(?=" + SP + r"*[,)]))",
     reason="a job or public role can identify a person",
     suggestion="her job / describe in general terms",
     requires=None,
     match=[("Mrs X is a nurse.", "nurse"), ("He was a police officer for 20 years.", "police officer"),
            ("She is a retired teacher.", "teacher"), ("Mr X is a local councillor.", "councillor"),
            ("a retired firefighter", "retired firefighter"), ("He served in the Army.", "served in the Army"),
            ("Mr X, a taxi driver, lost earnings.", "taxi driver")],
     nomatch=["the social worker visited", "the Council is a landlord?", "as a result of the delay", "the teacher said",
              "the Council acted as a social landlord"])

rule(id="residual.occupation-works-as", category="occupation", confidence=0.55,
     description="Whatever job follows 'works as', 'employed as', 'her job as', 'trained as', 'retired from her job as'.",
     regex=r"\b(?:works?|worked|working|employed|job|career|trained|qualified|retired|volunteers?|volunteered|volunteering|(?<!\bits" + SP + r")(?<!\btheir" + SP + r")(?<!\bthe" + SP + r")role)" + SP + r"+as" + SP + r"+(?:an?" + SP + r"+|the" + SP + r"+)?(?<value>(?:(?!(?:at|for|in|with|and|but|until|since|on|from|by|the|when|before|after|to)\b)[\p{Ll}-]+" + SP + r"+){0,2}(?!(?:at|for|in|with|and|but|until|since|on|from|by|the|when|result|part|such|well|soon|far|long|much|possible|appropriate|necessary)\b)[\p{Ll}-]{3,})",
     reason="a job can identify a person",
     suggestion="her job",
     requires=[" as "],
     match=[("She works as a cashier at a supermarket.", "cashier"), ("He was employed as a bus driver.", "bus driver"),
            ("her job as a senior care assistant", "senior care assistant")],
     nomatch=["it worked as well as", "the role as the Council", "works as soon as possible", "in its role as a social landlord"])

# ======================================================================= crime / abuse
section("Allegations of crime or abuse")
rule(id="residual.crime", category="crime", confidence=0.6,
     description="Criminal justice detail: arrested, charged, convicted, police caution, prison, sentence, bail, probation, restraining order, sex offender.",
     regex=r"\b(?<value>(?:was" + SP + r"+|were" + SP + r"+|been" + SP + r"+|being" + SP + r"+)?(?:arrested|re-arrested|charged" + SP + r"+with(?:" + SP + r"+[\p{Ll}-]+){1,3}|convicted(?:" + SP + r"+of(?:" + SP + r"+[\p{Ll}-]+){1,3})?|"
           r"(?<!\bis" + SP + r"a" + SP + r")(?<!\bbe" + SP + r"a" + SP + r")(?<!\bis" + SP + r"not" + SP + r"a" + SP + r")criminal" + SP + r"+(?:record|records|conviction|convictions|offence|offences|history|proceedings|investigation|charges?)|previous" + SP + r"+convictions?|spent" + SP + r"+convictions?|"
           r"(?:police|simple|conditional|formal|adult)" + SP + r"+(?:caution|cautions|bail|custody|investigation|interview|record|warning)|with" + SP + r"+a" + SP + r"+caution|cautioned(?:" + SP + r"+by" + SP + r"+(?:the" + SP + r"+)?police)?|"
           r"imprisoned|jailed|in" + SP + r"+prison|sent" + SP + r"+to" + SP + r"+prison|released" + SP + r"+from" + SP + r"+prison|prison" + SP + r"+sentence|custodial" + SP + r"+sentence|suspended" + SP + r"+sentence|"
           r"sentenced" + SP + r"+to(?:" + SP + r"+[\p{Ll}0-9-]+){1,4}|on" + SP + r"+remand|remanded" + SP + r"+in" + SP + r"+custody|on" + SP + r"+probation|on" + SP + r"+bail|electronic" + SP + r"+tag|"
           r"(?:registered" + SP + r"+)?sex" + SP + r"+offenders?|sexual" + SP + r"+offences?|restraining" + SP + r"+order|non-molestation" + SP + r"+order|criminal" + SP + r"+behaviour" + SP + r"+order|"
           r"ASBO|MAPPA|prosecuted|prosecution" + SP + r"+(?:of" + SP + r"+(?:her|him|them|Mr|Mrs|Ms)|for)|HMP(?:YOI)?" + SP + r"+\p{Lu}\p{L}+|HM" + SP + r"+Prison" + SP + r"+\p{Lu}\p{L}+|"
           r"reported" + SP + r"+(?:it" + SP + r"+|this" + SP + r"+|the" + SP + r"+(?:matter|incident)" + SP + r"+|him" + SP + r"+|her" + SP + r"+|them" + SP + r"+)?to" + SP + r"+the" + SP + r"+police|police" + SP + r"+(?:were" + SP + r"+called|attended|arrested)))\b",
     reason="an allegation or record of crime is sensitive and, with other facts, identifying",
     suggestion="describe in general terms",
     requires=None,
     match=[("Her son was arrested in 2022.", "was arrested"), ("He has a criminal record.", "criminal record"),
            ("he received a police caution", "police caution"), ("The police issued Mr Y with a caution.", "with a caution"), ("He was convicted of assault in 2019.", "was convicted of assault in"),
            ("she reported it to the police", "reported it to the police"), ("he is now in HMP Nottingham", "HMP Nottingham")],
     nomatch=["It is a criminal offence to dump waste.", "a Penalty Charge Notice", "the criminal courts decide",
              "a parking offence"])

ABUSE = (r"domestic" + SP + r"+(?:abuse|violence)|coercive" + SP + r"+(?:and" + SP + r"+controlling" + SP + r"+)?(?:control|behaviour)|"
         r"(?:child" + SP + r"+)?sexual" + SP + r"+(?:abuse|assault|exploitation)|sexually" + SP + r"+(?:abused|assaulted|exploited)|"
         r"(?:physical|emotional|financial|psychological|verbal|racial|racist|homophobic|elder|child)" + SP + r"+(?:abuse|harassment)|"
         r"(?<!\brisk" + SP + r"of" + SP + r")(?<!\brisk" + SP + r"of," + SP + r")(?<!\bfrom" + SP + r")abuse(?!" + SP + r"+of" + SP + r"+(?:process|power|position|discretion|the" + SP + r"+(?:process|system))|" + SP + r"+(?:or|and)" + SP + r"+neglect|,?" + SP + r"+(?:or|and)" + SP + r"+(?:is|are)" + SP + r"+)|abused|abusive" + SP + r"+(?:partner|relationship|husband|wife|ex-partner)|"
         r"rape|raped|(?:indecent" + SP + r"+|common" + SP + r"+|sexual" + SP + r"+)?assault(?:ed)?|(?<!\bdiscrimination," + SP + r")harassment(?!,?" + SP + r"+(?:and|or)" + SP + r"+victimisation|," + SP + r"+alarm)|stalking|stalked|grooming(?!" + SP + r"+(?:salon|parlour))|groomed|"
         r"trafficked|trafficking(?!" + SP + r"+(?:calming|management|order|regulation))|modern" + SP + r"+slavery|forced" + SP + r"+marriage|female" + SP + r"+genital" + SP + r"+mutilation|FGM|"
         r"honour-based" + SP + r"+(?:abuse|violence)|murder(?:ed)?|manslaughter|stabbed|stabbing|threats?" + SP + r"+to" + SP + r"+kill|hate" + SP + r"+crime|"
         r"neglect(?:ed)?" + SP + r"+(?:her|his|their|the" + SP + r"+child(?:ren)?)|(?:is|was|were|are|been|being)" + SP + r"+(?:subject" + SP + r"+to|on)" + SP + r"+a" + SP + r"+child" + SP + r"+protection" + SP + r"+plan|child" + SP + r"+protection" + SP + r"+(?:investigation|enquiry|enquiries)")
rule(id="residual.abuse", category="crime", confidence=0.6,
     description="Allegations of abuse or violence: domestic abuse, coercive control, sexual assault, harassment, stalking, child protection plan (with 'alleged'/'allegations of' when given).",
     regex=r"\b(?<value>(?:(?:alleged|allegations?" + SP + r"+of|suspected|historic(?:al)?|reported|a" + SP + r"+victim" + SP + r"+of|victims?" + SP + r"+of|survivor" + SP + r"+of|fled|fleeing|experienced)" + SP + r"+)?(?i:" + ABUSE + r"))\b(?!" + SP + r"+(?:Act|Commissioner|Bill)\b)",
     reason="an allegation of abuse or violence is sensitive and, with other facts, identifying",
     suggestion="describe in general terms",
     requires=None,
     match=[("She fled domestic abuse in 2020.", "fled domestic abuse"), ("allegations of sexual assault", "allegations of sexual assault"),
            ("Mr Y was harassed and stalked", "stalked"), ("the children were subject to a child protection plan", "were subject to a child protection plan")],
     nomatch=["an abuse of process", "the Domestic Abuse Act 2021", "an adult at risk of abuse or neglect", "The Equality Act 2010 protects people from discrimination, harassment and victimisation.", "conduct likely to cause harassment, alarm or distress", "is experiencing, or is at risk of, abuse or neglect", "traffic calming measures", "dog grooming salon", "whether a child should be subject to a child protection plan"])

# ======================================================================= quotations, social media
section("Quotations and social media")
Q_INNER_D = r"(?:[^“”\s]++" + r"[ \t\x{A0}]++){14,}+[^“”\n]*?"
FIRST_P = r"(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself|we['’](?:re|ve)|our" + SP + r"+(?:son|daughter|family|home|children|child))"
SAY = (r"\b(?:she|he|they|Mrs?|Ms|Miss|Mx|Dr|[A-Z])\b[^“”\"‘\n.]{0,40}?\b(?:said|says|wrote|writes|told|tells|posted|commented|messaged|texted|"
       r"emailed|complained|added|explained|replied|stated|shouted|called|described)\b[^“”\"‘\n]{0,25}?")
QD = r"(?:[^“”\s]++[ \t\x{A0}]++){14,}+[^“”\n]*?"
QS = r"(?:[^\"\s]++[ \t\x{A0}]++){14,}+[^\"\n]*?"
QQ = r"(?:(?:[^‘’\s]|’(?=\p{L}))++[ \t\x{A0}]++){14,}+(?:[^‘’\n]|’(?=\p{L}))*?"
FPD = r"(?=[^“”\n]*?\b" + FIRST_P + r"\b)"
FPS = r"(?=[^\"\n]*?\b" + FIRST_P + r"\b)"
FPQ = r"(?=(?:[^‘’\n]|’(?=\p{L}))*?\b" + FIRST_P + r"\b)"
rule(id="residual.quotation-long", category="quotation", confidence=0.5,
     description="A long direct quotation (15 words or more) in “…”, \"…\" or ‘…’ that is a person's own words: it speaks in the first person (I, me, my) or follows 'she said', 'he wrote', 'Mrs X told us'. Quoted law and guidance is left alone.",
     regex=r"(?:“" + FPD + r"(?<value>" + QD + r")”|(?<![\p{L}\p{N}])\"" + FPS + r"(?<v2>" + QS + r")\"|‘" + FPQ + r"(?<v3>" + QQ + r")’"
           r"|" + SAY + r"“(?<v4>" + QD + r")”|" + SAY + r"(?<![\p{L}\p{N}])\"(?<v5>" + QS + r")\"|" + SAY + r"‘(?<v6>" + QQ + r")’)",
     reason="a long quotation of a person's own words can identify them",
     suggestion="paraphrase",
     requires=["“", "\"", "‘"],
     match=[("She wrote: “I have rung the Council every week since March and nobody has ever called me back about my son.”", None),
            ("He said \"the officer told me that there was nothing anybody could do and that I should just wait my turn like everybody else\".", None),
            ("Her note said ‘I can’t cope any more with the noise from next door and the Council won’t do anything about it at all’.", None),
            ("Mrs X told us “the Council has left the family without a working boiler for the whole of the winter and nobody cares”.", None)],
     nomatch=["which we call ‘fault’ and ‘service failure’", "“Mrs X” said “no”", "the Council’s policy ‘Housing Allocations’ and Mrs X’s reply ‘no’.",
              "The guidance says: “The local authority must carry out an assessment of any adult who appears to need care and support, regardless of their finances.”"])

rule(id="residual.social-media", category="quotation", confidence=0.55,
     description="A social media platform or post: 'posted on Facebook', 'a TikTok video', 'a WhatsApp message', 'on social media'.",
     regex=r"(?<![\p{L}\p{M}])(?<value>(?:(?:posted|posts|post|shared|comments?|commented|wrote|messages?|messaged|tweeted|videos?|uploaded|published)" + SP + r"+(?:\p{Ll}+" + SP + r"+){0,3}?(?:on|to|in|via)" + SP + r"+(?:a" + SP + r"+|the" + SP + r"+|her" + SP + r"+|his" + SP + r"+|their" + SP + r"+)?(?:local" + SP + r"+)?)?(?:Facebook|Instagram|TikTok|YouTube|Twitter|WhatsApp|Snapchat|LinkedIn|Nextdoor|Mumsnet|Reddit|Telegram|Threads|Bluesky|social" + SP + r"+media)(?:" + SP + r"+(?:posts?|groups?|pages?|messages?|videos?|accounts?|comments?|chats?|live|stories|story))?)(?![\p{L}\p{M}])",
     reason="a social media post can be searched and found, identifying its author",
     suggestion="paraphrase / 'on social media'",
     requires=["facebook", "instagram", "tiktok", "youtube", "twitter", "whatsapp", "snapchat", "linkedin", "nextdoor", "mumsnet", "reddit", "telegram", "threads", "bluesky", "social media"],
     match=[("Mrs X posted on Facebook about the officer.", "posted on Facebook"), ("in a WhatsApp message", "WhatsApp message"),
            ("a video on TikTok", "video on TikTok"), ("comments on social media", "comments on social media")],
     nomatch=["the Council's communications team", "a post office"])

# ======================================================================= newsworthy
section("Newsworthy or unusual events")
OUTLET = (r"(?:BBC(?:" + SP + r"+(?:News|Radio(?:" + SP + r"+\p{Lu}\p{L}+)?|One|Two|Look" + SP + r"+North|Panorama|Watchdog|Midlands" + SP + r"+Today|Points" + SP + r"+West|Spotlight|Inside" + SP + r"+Out))?|ITV(?:" + SP + r"+(?:News|Central|Granada|Tyne" + SP + r"+Tees|Anglia|Meridian|Wales|Calendar))?|Channel" + SP + r"+[45](?:" + SP + r"+News)?|Sky" + SP + r"+News|"
          r"(?!(?:London|Edinburgh|Belfast)\b)" + stop() + r"\p{Lu}\p{L}+(?:" + SP + r"+\p{Lu}\p{L}+)?" + SP + r"+(?:Evening" + SP + r"+)?(?:Telegraph|Echo|Mercury|Gazette|Argus|Chronicle|Courier|Advertiser|Evening" + SP + r"+Post|Evening" + SP + r"+News|Live|Herald|Examiner|Journal)|"
          r"(?:the" + SP + r"+)?(?:Daily" + SP + r"+(?:Mail|Mirror|Express|Star|Telegraph|Record)|Mail" + SP + r"+on" + SP + r"+Sunday|Sunday" + SP + r"+(?:Times|Mirror|People)|The" + SP + r"+(?:Times|Guardian|Sun|Observer|Independent|i)|Metro))")
rule(id="residual.newsworthy", category="newsworthy", confidence=0.6,
     description="Press or broadcast coverage: 'reported in the local newspaper', 'featured on BBC Look North', 'a story in the Derby Telegraph', 'went viral'.",
     regex=r"(?:\b(?<value>(?:reported|featured|covered|appeared|story|stories|article|articles|coverage|interviewed|broadcast|campaign|headlines?|front" + SP + r"+page)(?:" + SP + r"+[\p{L}'’]+){0,4}?" + SP + r"+(?:in|on|by)" + SP + r"+(?:the" + SP + r"+|a" + SP + r"+)?(?:local" + SP + r"+|national" + SP + r"+|regional" + SP + r"+)?(?:newspapers?|press|media|news|television|TV|radio|paper)(?![\p{L}]))"
           r"|(?<![\p{L}\p{M}])(?<v2>" + OUTLET + r")(?![\p{L}\p{M}])|\b(?<v3>went" + SP + r"+viral|GoFundMe|crowdfunding" + SP + r"+(?:page|appeal)))",
     reason="press coverage or an unusual event makes a case easy to find and identify",
     suggestion="omit",
     requires=None,
     match=[("The case was reported in the local newspaper.", "reported in the local newspaper"),
            ("She featured on BBC Look North.", "BBC Look North"), ("a story in the Derby Telegraph", "Derby Telegraph"),
            ("the video went viral", "went viral")],
     nomatch=["the London Gazette notice", "the Council published its decision", "Royal Mail", "The Council published a notice in the local newspaper.", "publicised by site notice and in the local press"])

hdr = """# Patterns/residual.yaml — residual, indirect identifiers (HOUSE-STYLE.md, last section).
# Every rule here is action: flag. A flag never changes the text: it tells the reviewer what may identify
# someone (reason) and how the published style would put it (suggestion). Recall matters more than
# precision, but boilerplate common to every decision ("Local Government Act 1974", "section 26(6)(a)",
# "Assessment Code", "The Ombudsman's role and powers") must raise nothing.
# Conventions: `value` is the identifying phrase itself; digits are [0-9]; a capitalised "name word" is
#   (?>\\p{Lu}(?:[\\p{L}\\p{M}]+|['’]\\p{Lu}[\\p{L}\\p{M}]+)(?:[-'’]\\p{L}+)*['’]?)(?![\\p{L}\\p{M}])
# (atomic; two letters or more, so pseudonym letters such as "X" or "Y’s" never start a name), and a name never
# starts with a stop word (The, Council, months, titles, Stage, Section…), written as a (?!(?:…)\\b) lookahead.
# Spaces inside phrases are [ \\x{A0}] (space or no-break space). Lookbehinds are fixed-length (PCRE2 10.42).
# Rules with several frames use a branch-reset group (?|…|…): each branch has its own group named `value`,
# and all of them are group 1, so exactly one `value` is set in a match.
# Person names (staff, representatives) are handled by the name rules, bare place names by Patterns/lists/.
"""
if __name__ == "__main__":
    emit(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Patterns", "residual.yaml"), hdr, R)
