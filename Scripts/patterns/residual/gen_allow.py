import os, sys, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from frag import *
from emit import emit

R = []
def rule(**kw):
    kw.setdefault("action", "allow")
    kw.setdefault("confidence", 0.99)
    R.append(kw)
def section(s):
    R.append({"section": s})

# a title-case word inside a proper name (Local, Government, Well-being, Children's, (Wales))
TW = r"(?:(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b)\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}+)*['’]?|\(\p{Lu}[\p{L} ]*\))"
NOTTITLE = r"(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Cllr|Councillor|The|This|That|In|On|At|Under|By|From|When|If|As|And|But|Or|Her|His|Their|Its|Our|A|An)\b)"
# never start right after a title: "Mr Albert Act" is a person
NOT_TITLED = "".join(r"(?<!\b" + t + SP + r")" for t in ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Mr.", "Mrs.", "Ms.", "Dr.", "Dame", "Lord", "Lady", "Cllr"])
YEAR = r"(?:1[6-9]|20)[0-9]{2}"

section("Statutes, regulations, orders")
rule(id="allow.statute", category="statute",
     description="An Act of Parliament or of the Senedd by its title, with or without year: 'Local Government Act 1974', 'Children and Families Act 2014', 'Social Services and Well-being (Wales) Act 2014'.",
     regex=r"(?:\b[Tt]he" + SP + r"+)?" + NOT_TITLED + NOTTITLE + r"(?<![\p{L}\p{M}])" + TW + r"(?:,?" + SP + r"+(?:(?:and|of|for|the|in|to|on|with|from|by|&|etc\.?)" + SP + r"+)?" + TW + r"){0,11}" + SP + r"+Act(?:" + SP + r"+(?:of" + SP + r"+)?" + YEAR + r")?(?![\p{L}\p{M}])(?:['’]s)?",
     requires=["act"],
     match=[("under the Local Government Act 1974, section 26", "the Local Government Act 1974"),
            ("the Children Act 1989 says", "the Children Act 1989"),
            ("Care Act 2014", "Care Act 2014"),
            ("the Mental Capacity Act 2005", "the Mental Capacity Act 2005"),
            ("Housing Act 1996, Part 7", "Housing Act 1996"),
            ("Anti-social Behaviour, Crime and Policing Act 2014", "Anti-social Behaviour, Crime and Policing Act 2014"),
            ("Social Services and Well-being (Wales) Act 2014", "Social Services and Well-being (Wales) Act 2014"),
            ("the Freedom of Information Act", "the Freedom of Information Act"),
            ("Town and Country Planning Act 1990", "Town and Country Planning Act 1990"),
            ("Local Government (Miscellaneous Provisions) Act 1976", "Local Government (Miscellaneous Provisions) Act 1976"),
            ("between Jane and the Care Act assessor", "the Care Act"), ("Protection from Harassment Act 1997", "Protection from Harassment Act 1997")],
     nomatch=["Mrs Whitfield acted quickly.", "the Council did not act", "Mr Albert Act"])


rule(id="allow.regulations", category="statute",
     description="Regulations, orders, rules and measures by title: 'the Care and Support (Eligibility Criteria) Regulations 2015', 'Environmental Information Regulations', 'the Welsh Language (Wales) Measure 2011'.",
     regex=r"(?:\b[Tt]he" + SP + r"+)?" + NOT_TITLED + NOTTITLE + r"(?<![\p{L}\p{M}])" + TW + r"(?:,?" + SP + r"+(?:(?:and|of|for|the|in|to|on|with|from|by|&)" + SP + r"+)?" + TW + r"){1,11}" + SP + r"+(?:Regulations(?:" + SP + r"+" + YEAR + r")?|(?:Order|Rules|Measure|Directions|Scheme)" + SP + r"+" + YEAR + r")(?![\p{L}\p{M}])",
     requires=["regulations", "order", "rules", "measure", "directions", "scheme"],
     match=[("the Care and Support (Eligibility Criteria) Regulations 2015", "the Care and Support (Eligibility Criteria) Regulations 2015"),
            ("Environmental Information Regulations", "Environmental Information Regulations"),
            ("The Special Educational Needs and Disability Regulations 2014 say", "The Special Educational Needs and Disability Regulations 2014"),
            ("the Town and Country Planning (General Permitted Development) (England) Order 2015", "the Town and Country Planning (General Permitted Development) (England) Order 2015"),
            ("the Civil Procedure Rules 1998", "the Civil Procedure Rules 1998")],
     nomatch=["a Court Order", "the Council's Allocations Scheme", "Mrs Jane Rules"])

rule(id="allow.section", category="statute",
     description="A statutory provision reference: 'section 17', 'section 26(6)(a)', 's.30(3)', 'sections 24A(6) and 34B(8)', 'paragraph 5A schedule 5', 'regulation 12', 'Article 8'.",
     regex=r"\b(?:[Ss]ections?|ss?\.|[Pp]aragraphs?|paras?\.|[Ss]chedules?|[Rr]egulations?|regs?\.|[Aa]rticles?|[Pp]art|[Cc]hapter|[Rr]ule)" + SP + r"*[0-9]+[A-Z]{0,2}(?:\([0-9A-Za-z]{1,4}\))*(?:(?:" + SP + r"*,|" + SP + r"+and|" + SP + r"+to|" + SP + r"+or|" + SP + r"*[-–])" + SP + r"*[0-9]+[A-Z]{0,2}(?:\([0-9A-Za-z]{1,4}\))*)*(?:" + SP + r"+(?:of" + SP + r"+)?(?:[Ss]chedule|[Pp]art)" + SP + r"+[0-9]+[A-Z]?)?",
     requires=["section", "s.", "paragraph", "para", "schedule", "regulation", "reg", "article", "part", "chapter", "rule"],
     match=[("(Local Government Act 1974, section 26(6)(a), as amended)", "section 26(6)(a)"),
            ("s.30(3) says", "s.30(3)"), ("sections 24A(6) and 34B(8)", "sections 24A(6) and 34B(8)"),
            ("paragraph 5A schedule 5", "paragraph 5A schedule 5"), ("Article 8 of the Convention", "Article 8")],
     nomatch=["a section of the road", "part of the problem"])

section("Case law")
rule(id="allow.case-law", category="case-law",
     description="A case citation: 'R (on the application of Smith) v Derby City Council [2015] EWHC 123 (Admin)', 'Re X (A Child) [2019] EWCA Civ 1', 'Smith v Jones [2003] UKHL 5'.",
     regex=r"(?:\bR" + SP + r"*\((?:on" + SP + r"+the" + SP + r"+application" + SP + r"+of" + SP + r"+)?[^()\n]{1,80}(?:\([^()\n]{1,40}\))?[^()\n]{0,20}\)|\bRe" + SP + r"+[^\[\n]{1,60}?|(?:\p{Lu}[\p{L}'’.&-]*" + SP + r"+){1,6}?)(?:" + SP + r"*v\.?" + SP + r"+[^\[\]()\n]{1,100}?)?" + SP + r"*(?:\[" + YEAR + r"\]|\(" + YEAR + r"\))" + SP + r"*(?:[0-9]+" + SP + r"+)?(?:UKSC|UKHL|UKPC|EWCA" + SP + r"+(?:Civ|Crim)|EWHC|EWFC|EWCOP|UKUT|UKFTT|AC|WLR|All" + SP + r"+ER|QB|KB|Ch|Fam|HLR|CCLR|BLGR|ELR|LGR|FLR|COPLR|PTSR)" + SP + r"*[0-9]+(?:" + SP + r"*\((?:Admin|Fam|QB|KB|Ch|TCC|AAC|IAC|Comm|Costs)\))?",
     requires=["["],
     match=[("R (on the application of Smith) v Derby City Council [2015] EWHC 123 (Admin)", "R (on the application of Smith) v Derby City Council [2015] EWHC 123 (Admin)"),
            ("as in R (G) v Southwark LBC [2009] UKHL 26, the", "R (G) v Southwark LBC [2009] UKHL 26"),
            ("Smith v Jones [2003] UKHL 5", "Smith v Jones [2003] UKHL 5"),
            ("Re X (A Child) [2019] EWCA Civ 1", "Re X (A Child) [2019] EWCA Civ 1")],
     nomatch=["Mrs X v the Council", "the year [2015]"])

section("The Ombudsman and its reference")
rule(id="allow.ombudsman", category="national-body",
     description="The Ombudsman by any of its names: 'Local Government and Social Care Ombudsman', 'the Ombudsman's', 'Housing Ombudsman', 'Public Services Ombudsman for Wales', 'LGSCO', 'PHSO'.",
     regex=r"(?<![\p{L}\p{M}])(?:(?:Local" + SP + r"+Government" + SP + r"+and" + SP + r"+Social" + SP + r"+Care|Local" + SP + r"+Government|Housing|Parliamentary" + SP + r"+and" + SP + r"+Health" + SP + r"+Service|Parliamentary|Health" + SP + r"+Service|Public" + SP + r"+Services|Scottish" + SP + r"+Public" + SP + r"+Services|Northern" + SP + r"+Ireland" + SP + r"+Public" + SP + r"+Services|Financial|Legal|Pensions|Prisons" + SP + r"+and" + SP + r"+Probation|Property|Energy|Rail|Independent)" + SP + r"+)?Ombudsman(?:" + SP + r"+(?:for" + SP + r"+Wales|Service|Wales))?(?:['’]s)?(?![\p{L}\p{M}])|\b(?:LGSCO|LGO|PHSO|PSOW|SPSO|NIPSO)\b",
     requires=["ombudsman", "lgsco", "lgo", "phso", "psow", "spso", "nipso"],
     match=[("the Local Government and Social Care Ombudsman", "Local Government and Social Care Ombudsman"),
            ("the Ombudsman's role", "Ombudsman's"), ("the Housing Ombudsman Service", "Housing Ombudsman Service"),
            ("Public Services Ombudsman for Wales", "Public Services Ombudsman for Wales"),
            ("Parliamentary and Health Service Ombudsman", "Parliamentary and Health Service Ombudsman")],
     nomatch=["the ombudsmen"])

rule(id="allow.ombudsman-reference", category="reference",
     description="The LGSCO case reference '24 013 403' / '17 002 402b', with its brackets when present.",
     regex=r"(?<![0-9])(?<![0-9]" + SP + r")(?:\(" + SP + r"*)?[0-9]{2}" + SP + r"[0-9]{3}" + SP + r"[0-9]{3}[a-z]?(?![0-9A-Za-z])(?!" + SP + r"?[0-9])(?:" + SP + r"*\))?",
     requires=None,
     match=[("Reading Borough Council (21 008 532)", "(21 008 532)"), ("Sheffield Teaching Hospitals NHS Foundation Trust (17 002 402b)", "(17 002 402b)"),
            ("our reference 24 013 403 refers", "24 013 403")],
     nomatch=["call 01 332 123 456", "07700 900 123 456"])

section("National bodies, regulators, courts and tribunals, charities")
NAT_BODIES = [
    r"Cafcass(?:" + SP + r"+Cymru)?", r"CAFCASS", r"Care" + SP + r"+Quality" + SP + r"+Commission", r"CQC", r"Ofsted", r"Care" + SP + r"+Inspectorate" + SP + r"+Wales", r"Estyn",
    r"Traffic" + SP + r"+Penalty" + SP + r"+Tribunal", r"London" + SP + r"+Tribunals", r"Environment" + SP + r"+and" + SP + r"+Traffic" + SP + r"+Adjudicators",
    r"Office" + SP + r"+of" + SP + r"+the" + SP + r"+Public" + SP + r"+Guardian", r"Court" + SP + r"+of" + SP + r"+Protection",
    r"First-?tier" + SP + r"+Tribunal(?:" + SP + r"*\([^()\n]{2,60}\))?", r"Upper" + SP + r"+Tribunal(?:" + SP + r"*\([^()\n]{2,60}\))?",
    r"Valuation" + SP + r"+Tribunal(?:" + SP + r"+for" + SP + r"+England|" + SP + r"+Service|" + SP + r"+for" + SP + r"+Wales)?", r"Valuation" + SP + r"+Office" + SP + r"+Agency",
    r"SEND" + SP + r"+Tribunal", r"Special" + SP + r"+Educational" + SP + r"+Needs" + SP + r"+and" + SP + r"+Disability" + SP + r"+Tribunal", r"Employment" + SP + r"+Tribunal", r"Residential" + SP + r"+Property" + SP + r"+Tribunal",
    r"Department" + SP + r"+for" + SP + r"+Education", r"DfE", r"Department" + SP + r"+for" + SP + r"+Work" + SP + r"+and" + SP + r"+Pensions", r"DWP",
    r"Department" + SP + r"+of" + SP + r"+Health(?:" + SP + r"+and" + SP + r"+Social" + SP + r"+Care)?", r"DHSC",
    r"Ministry" + SP + r"+of" + SP + r"+Housing,?" + SP + r"+Communities" + SP + r"+and" + SP + r"+Local" + SP + r"+Government", r"MHCLG",
    r"Department" + SP + r"+for" + SP + r"+Levelling" + SP + r"+Up,?" + SP + r"+Housing" + SP + r"+and" + SP + r"+Communities", r"DLUHC",
    r"Department" + SP + r"+for" + SP + r"+Transport", r"Home" + SP + r"+Office", r"Ministry" + SP + r"+of" + SP + r"+Justice", r"Cabinet" + SP + r"+Office",
    r"HM" + SP + r"+Courts" + SP + r"+(?:&|and)" + SP + r"+Tribunals" + SP + r"+Service", r"HMCTS", r"HM" + SP + r"+Revenue" + SP + r"+(?:&|and)" + SP + r"+Customs", r"HMRC",
    r"HM" + SP + r"+Land" + SP + r"+Registry", r"Land" + SP + r"+Registry", r"Planning" + SP + r"+Inspectorate", r"Planning" + SP + r"+and" + SP + r"+Environment" + SP + r"+Decisions" + SP + r"+Wales",
    r"Secretary" + SP + r"+of" + SP + r"+State(?:" + SP + r"+for" + SP + r"+(?:Education|Health" + SP + r"+and" + SP + r"+Social" + SP + r"+Care|Work" + SP + r"+and" + SP + r"+Pensions|Transport|Levelling" + SP + r"+Up,?" + SP + r"+Housing" + SP + r"+and" + SP + r"+Communities|Housing,?" + SP + r"+Communities" + SP + r"+and" + SP + r"+Local" + SP + r"+Government|the" + SP + r"+Home" + SP + r"+Department|Justice))?",
    r"NHS" + SP + r"+England", r"NHS" + SP + r"+Digital", r"NHS" + SP + r"+Wales", r"NHS" + SP + r"+Scotland", r"NHS" + SP + r"+Improvement", r"NHS" + SP + r"+Resolution", r"NHS" + SP + r"+Continuing" + SP + r"+Healthcare", r"NHS",
    r"Citizens" + SP + r"+Advice(?:" + SP + r"+Bureau)?", r"Shelter(?:" + SP + r"+Cymru)?", r"Age" + SP + r"+UK", r"Age" + SP + r"+Cymru", r"Mind(?!,?" + SP + r"+you\b)", r"Scope", r"Mencap", r"Carers" + SP + r"+UK", r"Barnardo['’]s", r"NSPCC", r"Samaritans", r"Refuge", r"Women['’]s" + SP + r"+Aid", r"Alzheimer['’]s" + SP + r"+Society", r"National" + SP + r"+Autistic" + SP + r"+Society", r"Healthwatch(?:" + SP + r"+England)?", r"Independent" + SP + r"+Age", r"Contact" + SP + r"+a" + SP + r"+Family", r"IPSEA", r"Coram" + SP + r"+Children['’]s" + SP + r"+Legal" + SP + r"+Centre", r"Family" + SP + r"+Rights" + SP + r"+Group",
    r"Equality" + SP + r"+and" + SP + r"+Human" + SP + r"+Rights" + SP + r"+Commission", r"EHRC", r"Information" + SP + r"+Commissioner['’]s" + SP + r"+Office", r"Information" + SP + r"+Commissioner", r"ICO",
    r"King['’]s" + SP + r"+Fund", r"Florence" + SP + r"+Nightingale" + SP + r"+Foundation", r"Local" + SP + r"+Government" + SP + r"+Association", r"Social" + SP + r"+Care" + SP + r"+Institute" + SP + r"+for" + SP + r"+Excellence", r"SCIE", r"Skills" + SP + r"+for" + SP + r"+Care",
    r"National" + SP + r"+Institute" + SP + r"+for" + SP + r"+Health" + SP + r"+and" + SP + r"+Care" + SP + r"+Excellence", r"NICE", r"Health" + SP + r"+and" + SP + r"+Safety" + SP + r"+Executive", r"Environment" + SP + r"+Agency", r"Natural" + SP + r"+England", r"Historic" + SP + r"+England", r"National" + SP + r"+Highways", r"Highways" + SP + r"+England", r"Network" + SP + r"+Rail", r"Transport" + SP + r"+for" + SP + r"+London", r"TfL",
    r"Driver" + SP + r"+and" + SP + r"+Vehicle" + SP + r"+Licensing" + SP + r"+Agency", r"DVLA", r"Disclosure" + SP + r"+and" + SP + r"+Barring" + SP + r"+Service", r"Crown" + SP + r"+Prosecution" + SP + r"+Service", r"Probation" + SP + r"+Service", r"Independent" + SP + r"+Office" + SP + r"+for" + SP + r"+Police" + SP + r"+Conduct", r"IOPC", r"Charity" + SP + r"+Commission", r"Companies" + SP + r"+House", r"Financial" + SP + r"+Conduct" + SP + r"+Authority", r"Regulator" + SP + r"+of" + SP + r"+Social" + SP + r"+Housing", r"Homes" + SP + r"+England", r"Social" + SP + r"+Work" + SP + r"+England", r"Social" + SP + r"+Care" + SP + r"+Wales", r"Health" + SP + r"+and" + SP + r"+Care" + SP + r"+Professions" + SP + r"+Council", r"HCPC", r"Nursing" + SP + r"+and" + SP + r"+Midwifery" + SP + r"+Council", r"NMC", r"General" + SP + r"+Medical" + SP + r"+Council", r"GMC", r"Solicitors" + SP + r"+Regulation" + SP + r"+Authority", r"Law" + SP + r"+Society", r"Royal" + SP + r"+College" + SP + r"+of" + SP + r"+\p{Lu}\p{L}+(?:" + SP + r"+(?:and" + SP + r"+)?\p{Lu}\p{L}+){0,3}", r"Children['’]s" + SP + r"+Commissioner(?:" + SP + r"+for" + SP + r"+(?:England|Wales))?", r"Commissioner" + SP + r"+for" + SP + r"+Older" + SP + r"+People" + SP + r"+in" + SP + r"+Wales", r"Older" + SP + r"+People['’]s" + SP + r"+Commissioner" + SP + r"+for" + SP + r"+Wales", r"Domestic" + SP + r"+Abuse" + SP + r"+Commissioner",
    r"UK" + SP + r"+Health" + SP + r"+Security" + SP + r"+Agency", r"Public" + SP + r"+Health" + SP + r"+England", r"Public" + SP + r"+Health" + SP + r"+Wales", r"Office" + SP + r"+for" + SP + r"+National" + SP + r"+Statistics", r"Electoral" + SP + r"+Commission", r"Welsh" + SP + r"+Government", r"Senedd(?:" + SP + r"+Cymru)?", r"Welsh" + SP + r"+Assembly", r"Greater" + SP + r"+London" + SP + r"+Authority", r"Mayor" + SP + r"+of" + SP + r"+London", r"His" + SP + r"+Majesty['’]s" + SP + r"+Government", r"HM" + SP + r"+Government", r"Parliament", r"House" + SP + r"+of" + SP + r"+Commons", r"House" + SP + r"+of" + SP + r"+Lords",
    r"High" + SP + r"+Court", r"Court" + SP + r"+of" + SP + r"+Appeal", r"Supreme" + SP + r"+Court", r"County" + SP + r"+Court", r"Magistrates['’]?" + SP + r"+Court", r"Crown" + SP + r"+Court", r"Family" + SP + r"+Court", r"Coroner['’]?s" + SP + r"+Court", r"Administrative" + SP + r"+Court", r"European" + SP + r"+Court" + SP + r"+of" + SP + r"+Human" + SP + r"+Rights",
    r"Local" + SP + r"+Safeguarding" + SP + r"+Children" + SP + r"+(?:Board|Partnership)", r"Safeguarding" + SP + r"+Adults" + SP + r"+Board", r"Independent" + SP + r"+Review" + SP + r"+Panel", r"Motability", r"Crown" + SP + r"+Estate", r"Child" + SP + r"+Maintenance" + SP + r"+Service", r"Legal" + SP + r"+Aid" + SP + r"+Agency", r"Official" + SP + r"+Solicitor", r"Public" + SP + r"+Trustee", r"UK" + SP + r"+Visas" + SP + r"+and" + SP + r"+Immigration", r"Border" + SP + r"+Force", r"Jobcentre(?:" + SP + r"+Plus)?", r"Pension" + SP + r"+Service",
]
rule(id="allow.national-body", category="national-body",
     description="National bodies, regulators, departments, courts, tribunals and national charities named in decisions (Cafcass, CQC, Ofsted, the Traffic Penalty Tribunal, the Office of the Public Guardian, DWP, HMRC, Citizens Advice, Age UK, Mind…).",
     regex=r"(?<![\p{L}\p{M}])(?:" + "|".join(NAT_BODIES) + r")(?:['’]s)?(?![\p{L}\p{M}])",
     requires=None,
     match=[("a report to Cafcass", "Cafcass"), ("the Care Quality Commission inspected", "Care Quality Commission"),
            ("an appeal to the Traffic Penalty Tribunal", "Traffic Penalty Tribunal"), ("the Office of the Public Guardian", "Office of the Public Guardian"),
            ("the First-tier Tribunal (Special Educational Needs and Disability)", "First-tier Tribunal (Special Educational Needs and Disability)"),
            ("the Florence Nightingale Foundation", "Florence Nightingale Foundation"), ("the King's Fund report", "King's Fund"),
            ("Information Commissioner’s Office", "Information Commissioner’s Office"), ("help from Age UK", "Age UK"),
            ("the Court of Protection", "Court of Protection"), ("the Valuation Tribunal for England", "Valuation Tribunal for England")],
     nomatch=["Mind you, the Council", "a nice day", "her state of mind"])

section("Councils and local public bodies (the body complained about stays)")
CW = r"(?:" + NOTTITLE + r"\p{Lu}[\p{L}\p{M}]*(?:[-'’.]\p{L}+)*[.'’]?)"
CJOIN = r"(?:" + SP + r"+(?:(?:and|&|upon|on|in|under|with|the|of|de|la|le)" + SP + r"+)?|-)"       # NHS names
# council names: no free "and"/"&"/"with" join ("Jane and Derby City Council" must not cover "Jane");
# the council names that contain one are listed in AND_COUNCILS
CJOIN_C = r"(?:" + SP + r"+(?:(?:upon|on|under|of|de|la|le)" + SP + r"+)?|-)"
AND = r"" + SP + r"+(?:and|&)" + SP + r"+"
AND_COUNCILS = r"(?:" + "|".join([
    "Brighton" + AND + "Hove", "Bath" + AND + "North" + SP + "East" + SP + "Somerset", "Redcar" + AND + "Cleveland", "Telford" + AND + "Wrekin",
    "Cheshire" + SP + "West" + AND + "Chester", "Blackburn" + SP + "with" + SP + "Darwen", "Bournemouth,?" + SP + "Christchurch" + AND + "Poole",
    "Nuneaton" + AND + "Bedworth", "Tonbridge" + AND + "Malling", "Reigate" + AND + "Banstead", "Epsom" + AND + "Ewell", "Basingstoke" + AND + "Deane",
    "Hinckley" + AND + "Bosworth", "Oadby" + AND + "Wigston", "Newark" + AND + "Sherwood", "Hammersmith" + AND + "Fulham", "Kensington" + AND + "Chelsea",
    "Barking" + AND + "Dagenham", "Windsor" + AND + "Maidenhead", "King['’]s" + SP + "Lynn" + AND + "West" + SP + "Norfolk", "Folkestone" + AND + "Hythe",
    "Somerset" + SP + "West" + AND + "Taunton", "Dumfries" + AND + "Galloway", "Perth" + AND + "Kinross", "Argyll" + AND + "Bute", "Cardiff" + AND + "Vale",
    "Armagh" + SP + "City,?" + SP + "Banbridge" + AND + "Craigavon", "Newry,?" + SP + "Mourne" + AND + "Down", "Ards" + AND + "North" + SP + "Down",
    "Causeway" + SP + "Coast" + AND + "Glens", "Fermanagh" + AND + "Omagh", "Mid" + SP + "Ulster", "Derry" + SP + "City" + AND + "Strabane",
    "Lisburn" + AND + "Castlereagh", "Antrim" + AND + "Newtownabbey", "Mid" + SP + "and" + SP + "East" + SP + "Antrim", "Babergh" + AND + "Mid" + SP + "Suffolk",
    "Adur" + AND + "Worthing", "South" + SP + "Holland" + AND + "Boston", "Stratford-on-Avon", "Barrow-in-Furness"]) + r")"
COUNCIL_KIND = (r"(?:(?:Metropolitan" + SP + r"+Borough|Metropolitan" + SP + r"+District|County" + SP + r"+Borough|Royal" + SP + r"+Borough|London" + SP + r"+Borough|"
                r"Borough|City|County|District|Town|Parish|Community|Village|Combined|Unitary|Neighbourhood)" + SP + r"+)?")
rule(id="allow.council", category="council",
     description="A council by its name: 'Derby City Council', 'Sandwell Metropolitan Borough Council', 'London Borough of Hillingdon', 'Royal Borough of Kensington and Chelsea', 'Council of the Isles of Scilly', 'Buckley Town Council', 'the Council'.",
     regex=r"(?<![\p{L}\p{M}])" + NOT_TITLED + r"(?:(?:Royal|London)" + SP + r"+Borough" + SP + r"+of" + SP + r"+(?:" + AND_COUNCILS + r"|" + CW + r"(?:" + CJOIN_C + CW + r"){0,3})(?:" + SP + r"+Council)?"
           r"|City" + SP + r"+of" + SP + r"+(?:London" + SP + r"+Corporation|" + CW + r"(?:" + CJOIN_C + CW + r"){0,3}" + SP + r"+(?:" + COUNCIL_KIND + r")?Council)"
           r"|Council" + SP + r"+of" + SP + r"+the" + SP + r"+Isles" + SP + r"+of" + SP + r"+Scilly|Corporation" + SP + r"+of" + SP + r"+London"
           r"|(?:(?:" + AND_COUNCILS + r"|" + CW + r"(?:" + CJOIN_C + CW + r"){0,5})" + SP + r"+)?" + COUNCIL_KIND + r"Council(?:" + SP + r"+of" + SP + r"+the" + SP + r"+" + CW + r")?"
           r"|" + CW + r"(?:" + CJOIN_C + CW + r"){0,5}" + SP + r"+(?:Combined|Fire" + SP + r"+and" + SP + r"+Rescue|National" + SP + r"+Park|Waste(?:" + SP + r"+Disposal)?|Passenger" + SP + r"+Transport|Police(?:" + SP + r"+and" + SP + r"+Crime)?|Strategic" + SP + r"+Health|Greater" + SP + r"+London)" + SP + r"+(?:Authority|Commissioner|Executive|Service)"
           r"|" + CW + r"(?:" + CJOIN_C + CW + r"){0,3}" + SP + r"+(?:Police|Constabulary|Fire" + SP + r"+and" + SP + r"+Rescue" + SP + r"+Service))(?:['’]s)?(?![\p{L}\p{M}])",
     requires=["council", "borough", "city of", "corporation", "authority", "commissioner", "executive", "police", "constabulary", "fire and rescue"],
     match=[("Derby City Council (24 013 403)", "Derby City Council"), ("Sandwell Metropolitan Borough Council", "Sandwell Metropolitan Borough Council"),
            ("London Borough of Hillingdon (24 017 248)", "London Borough of Hillingdon"), ("the Royal Borough of Kensington and Chelsea", "Royal Borough of Kensington and Chelsea"),
            ("Brighton & Hove City Council", "Brighton & Hove City Council"), ("Kingston upon Hull City Council", "Kingston upon Hull City Council"),
            ("Stoke-on-Trent City Council’s decision", "Stoke-on-Trent City Council’s"), ("Rhondda Cynon Taf County Borough Council", "Rhondda Cynon Taf County Borough Council"),
            ("City of Bradford Metropolitan District Council", "City of Bradford Metropolitan District Council"), ("Various Other: Buckley Town Council", "Buckley Town Council"),
            ("Bath and North East Somerset Council", "Bath and North East Somerset Council"), ("the Council decided", "Council"),
            ("Derbyshire Fire and Rescue Service", "Derbyshire Fire and Rescue Service"), ("a meeting between Jane and Derby City Council", "Derby City Council"),
            ("Mr Albert Council wrote", "Council"), ("the Royal Borough of Windsor and Maidenhead", "Royal Borough of Windsor and Maidenhead"), ("Greater Manchester Combined Authority", "Greater Manchester Combined Authority")],
     nomatch=["Mrs Jane Whitfield wrote", "the council tax bill"])

section("NHS bodies")
rule(id="allow.nhs-body", category="nhs-body",
     description="An NHS trust, board or commissioner by name: '… NHS Foundation Trust', '… NHS Trust', '… Integrated Care Board', '… Clinical Commissioning Group', '… University Health Board'.",
     regex=r"(?<![\p{L}\p{M}])" + NOT_TITLED + r"(?:NHS" + SP + r"+)?" + CW + r"(?:" + CJOIN + CW + r"){0,9}" + SP + r"+(?:NHS" + SP + r"+Foundation" + SP + r"+Trust|NHS" + SP + r"+Trust|Foundation" + SP + r"+Trust|Integrated" + SP + r"+Care" + SP + r"+(?:Board|System|Partnership)|ICB|Clinical" + SP + r"+Commissioning" + SP + r"+Group|CCG|(?:University" + SP + r"+|Teaching" + SP + r"+)?Health" + SP + r"+Board|Health" + SP + r"+and" + SP + r"+Social" + SP + r"+Care" + SP + r"+Trust|Partnership" + SP + r"+Trust|Primary" + SP + r"+Care" + SP + r"+Trust|Ambulance" + SP + r"+Service(?:" + SP + r"+NHS" + SP + r"+(?:Foundation" + SP + r"+)?Trust)?)(?:['’]s)?(?![\p{L}\p{M}])",
     requires=["trust", "board", "icb", "commissioning", "ccg", "integrated care", "ambulance"],
     match=[("Sheffield Teaching Hospitals NHS Foundation Trust (17 002 402b)", "Sheffield Teaching Hospitals NHS Foundation Trust"),
            ("University Hospitals of Derby and Burton NHS Foundation Trust", "University Hospitals of Derby and Burton NHS Foundation Trust"),
            ("NHS Derby and Derbyshire Integrated Care Board", "NHS Derby and Derbyshire Integrated Care Board"),
            ("Betsi Cadwaladr University Health Board", "Betsi Cadwaladr University Health Board"),
            ("Guy's and St Thomas' NHS Foundation Trust", "Guy's and St Thomas' NHS Foundation Trust"),
            ("East Midlands Ambulance Service", "East Midlands Ambulance Service")],
     nomatch=["the Trust said", "Mrs Whitfield's trust"])

section("Guidance and codes")
GUIDE = [
    r"Working" + SP + r"+Together" + SP + r"+to" + SP + r"+Safeguard" + SP + r"+Children(?:" + SP + r"*\(?" + YEAR + r"\)?)?",
    r"Keeping" + SP + r"+Children" + SP + r"+Safe" + SP + r"+in" + SP + r"+Education",
    r"Care" + SP + r"+and" + SP + r"+Support" + SP + r"+Statutory" + SP + r"+Guidance",
    r"Homelessness" + SP + r"+Code" + SP + r"+of" + SP + r"+Guidance(?:" + SP + r"+for" + SP + r"+Local" + SP + r"+Authorities)?",
    r"(?:SEND" + SP + r"+|Special" + SP + r"+[Ee]ducational" + SP + r"+[Nn]eeds" + SP + r"+and" + SP + r"+[Dd]isability" + SP + r"+(?:\(SEND\)" + SP + r"+)?)?[Cc]ode" + SP + r"+of" + SP + r"+[Pp]ractice(?::?" + SP + r"+0" + SP + r"+to" + SP + r"+25" + SP + r"+years)?",
    r"(?:Mental" + SP + r"+Capacity|Mental" + SP + r"+Health)" + SP + r"+Act(?:" + SP + r"+" + YEAR + r")?" + SP + r"+Code" + SP + r"+of" + SP + r"+Practice",
    r"(?:the" + SP + r"+)?(?:Ombudsman['’]s" + SP + r"+)?Assessment" + SP + r"+Code",
    r"Guidance" + SP + r"+on" + SP + r"+(?:Good" + SP + r"+Practice|Remedies|Jurisdiction)",
    r"Principles" + SP + r"+of" + SP + r"+Good" + SP + r"+(?:Administrative" + SP + r"+Practice|Complaint" + SP + r"+Handling|Administration)",
    r"Principles" + SP + r"+for" + SP + r"+Remedy", r"Complaint" + SP + r"+Handling" + SP + r"+Code",
    r"National" + SP + r"+Planning" + SP + r"+Policy" + SP + r"+Framework", r"NPPF", r"Planning" + SP + r"+Practice" + SP + r"+Guidance",
    r"Traffic" + SP + r"+Signs" + SP + r"+(?:Manual|Regulations" + SP + r"+and" + SP + r"+General" + SP + r"+Directions(?:" + SP + r"+" + YEAR + r")?)",
    r"Manual" + SP + r"+for" + SP + r"+Streets", r"Deprivation" + SP + r"+of" + SP + r"+Liberty" + SP + r"+Safeguards", r"Liberty" + SP + r"+Protection" + SP + r"+Safeguards",
    r"Getting" + SP + r"+the" + SP + r"+Best" + SP + r"+from" + SP + r"+Complaints", r"Decision" + SP + r"+Makers['’]?" + SP + r"+Guide",
    r"National" + SP + r"+Framework" + SP + r"+for" + SP + r"+NHS" + SP + r"+Continuing" + SP + r"+Healthcare(?:" + SP + r"+and" + SP + r"+NHS-funded" + SP + r"+Nursing" + SP + r"+Care)?",
    r"Blue" + SP + r"+Badge" + SP + r"+(?:[Ss]cheme" + SP + r"+)?[Ll]ocal" + SP + r"+[Aa]uthority" + SP + r"+[Gg]uidance",
    r"Home" + SP + r"+to" + SP + r"+[Ss]chool" + SP + r"+[Tt]ravel" + SP + r"+and" + SP + r"+[Tt]ransport" + SP + r"+(?:[Ss]tatutory" + SP + r"+)?[Gg]uidance",
    r"School" + SP + r"+Admissions" + SP + r"+(?:Appeals" + SP + r"+)?Code", r"Statutory" + SP + r"+Guidance(?:" + SP + r"+for" + SP + r"+Local" + SP + r"+Authorities)?",
    r"Children['’]s" + SP + r"+Social" + SP + r"+Care" + SP + r"+Complaints" + SP + r"+Procedure", r"Statutory" + SP + r"+Children['’]s" + SP + r"+Complaints" + SP + r"+Procedure",
    r"Allocation" + SP + r"+of" + SP + r"+accommodation:" + SP + r"+guidance" + SP + r"+for" + SP + r"+local" + SP + r"+housing" + SP + r"+authorities" + SP + r"+in" + SP + r"+England",
    r"Statutory" + SP + r"+Guidance" + SP + r"+on" + SP + r"+\p{Lu}\p{L}+(?:" + SP + r"+(?:and|of|for|the|in|to)?" + SP + r"*\p{Lu}\p{L}+){0,5}",
]
rule(id="allow.guidance", category="guidance",
     description="A guidance or code title from a curated list: 'Working Together to Safeguard Children', 'the SEND Code of Practice', 'Care and Support Statutory Guidance', 'Homelessness Code of Guidance', 'Assessment Code'.",
     regex=r"(?<![\p{L}\p{M}])(?:" + "|".join(GUIDE) + r")(?![\p{L}\p{M}])",
     requires=["working together", "keeping children", "guidance", "code", "principles", "framework", "nppf", "manual", "safeguards", "complaints", "guide"],
     match=[("Working Together to Safeguard Children 2023", "Working Together to Safeguard Children 2023"),
            ("the SEND Code of Practice", "SEND Code of Practice"), ("I considered the Ombudsman’s Assessment Code.", "the Ombudsman’s Assessment Code"),
            ("Care and Support Statutory Guidance", "Care and Support Statutory Guidance"), ("the Homelessness Code of Guidance for Local Authorities", "Homelessness Code of Guidance for Local Authorities"),
            ("the Mental Capacity Act 2005 Code of Practice", "Mental Capacity Act 2005 Code of Practice")],
     nomatch=["the Council's own guidance", "a code number"])

hdr = """# Patterns/allow.yaml — things kept on purpose (HOUSE-STYLE.md, "What stays").
# Every rule here is action: allow. An allow span is never changed: any person-name or identifier finding
# inside it is dropped, so "Florence Nightingale Foundation", "Betsi Cadwaladr University Health Board" or the
# place inside "Derby City Council" never become a person or a place. Each rule matches the whole phrase.
# Allow spans must stay narrow: no rule here may reach across a sentence to cover a person's name
# (titles Mr/Mrs/Ms/Miss/Mx/Dr never start a title-case sequence).
"""
if __name__ == "__main__":
    emit(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Patterns", "allow.yaml"), hdr, R)
