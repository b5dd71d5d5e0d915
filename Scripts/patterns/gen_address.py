import os, sys; HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from parts import *
from emit import emit

rules = []
rules.append(dict(
    id="address.postcode", category="postcode", validator="postcode", confidence=0.9, placeholder="[postcode]",
    description="A UK postcode in capitals, with or without the space (NE1 4AB, SW1A 2AA, DE43AG).",
    regex=r"(?<![\w-])(?<value>" + POSTCODE + r")(?![\w-])",
    match=[("The flat is in Leeds, LS6 2QW.", "LS6 2QW"),
           ("postcode: SW1A2AA", "SW1A2AA"),
           ("(B33 8TH)", "B33 8TH"),
           ("moved to EC1V 9HX last May", "EC1V 9HX"),
           ("M1 1AE is the centre", "M1 1AE")],
    nomatch=["The Ombudsman's reference is 24 013 403.",
             "section 24A(6) of the Act",
             "the M62 and the A1 were closed", "QA1 2BC", "VE1 2AB",
             "car AB12 CDE was parked",
             "lowercase ls6 2qw is not taken",
             "SA100 tax return", "Form P45 issued", "EN 1234 standard"]))

street_value = (r"(?:" + FLAT + FLATSEP + r"(?:" + BUILDING + r",?" + WS + r"*\n?" + WS + r"*(?=[1-9]))?(?:" + HOUSENO + r",?" + WS + r"+)?|" + HOUSENO + r",?" + WS + r"+)" + STREET + r"(?:" + TAIL_PC + r"|" + TAIL_NOPC + r"|(?!" + WS + r"+\p{Lu}\p{Ll}))")
rules.append(dict(
    comment="""Built from shared fragments, in order:
  ADDR_LB   the number is not glued to a word/£/"/"/"." and not after section, paragraph, Schedule, Part, Stage, year, room…
  FLAT      optional "Flat 3, " / "Apartment 9, " (+ building name "Beacon Court, "), then HOUSENO 12, 12a, 12-14, 12/3
  STREET    1-4 capitalised words (no month/weekday first) + street word (Road…Cottages, Rd/St/Ave…; "Court" not after
            High/Crown/County/Magistrates…); St and Dr abbreviations not followed by a capitalised word
  TAIL_PC   up to 3 towns (", " / space / line break; not Mr, The, Council, Telephone…) then the postcode
  TAIL_NOPC 1-2 ", Town" ending at punctuation or line end; else the street must not run on into a capitalised word""",
    id="address.street", category="address", confidence=0.9, placeholder="[address]",
    description="A street address: optional flat, house number (12, 12a, 12-14), capitalised street name ending in a street word (Road, Lane, Close, Rd…), then optionally town(s) and postcode, on one line or across line breaks. The value is the whole address.",
    regex=ADDR_LB + r"(?<value>" + street_value + r")",
    match=[("She lives at 12 Mill Lane, Hexham, NE46 3AB.", "12 Mill Lane, Hexham, NE46 3AB"),
           ("Address: Flat 3, 27a Kingsley Road, West Bridgford NG2 5FP", "Flat 3, 27a Kingsley Road, West Bridgford NG2 5FP"),
           ("The house at 12-14 St. Mary's Terrace was empty.", "12-14 St. Mary's Terrace"),
           ("He moved to 7 Old Farm Close, Newcastle upon Tyne, last year.", "7 Old Farm Close, Newcastle upon Tyne"),
           ("Write to:\n45 Beech Grove\nKendal\nLA9 6EH\n", "45 Beech Grove\nKendal\nLA9 6EH"),
           ("the tenancy of 3 The Crescent, Frome, ended in May", "3 The Crescent, Frome"),
           ("Apartment 9, Riverside Wharf, Salford M50 3AZ", "Apartment 9, Riverside Wharf, Salford M50 3AZ"),
           ("neighbours at 88 Church Rd, Bath.", "88 Church Rd, Bath"),
           ("property: 5, Highfield Avenue, Market Harborough, Leicestershire, LE16 7JX", "5, Highfield Avenue, Market Harborough, Leicestershire, LE16 7JX"),
           ("The visit to 21 Orchard Way went badly.", "21 Orchard Way"),
           ("at 14 Queen’s Park Road, Mrs X said", "14 Queen’s Park Road"),
           ("wrote to 9 Elm Close Bingley BD16 2PQ on", "9 Elm Close Bingley BD16 2PQ"),
           ("lives at Flat 12, Beacon Court, 40 Hill Street, Leicester LE1 5AB.", "Flat 12, Beacon Court, 40 Hill Street, Leicester LE1 5AB"),
           ("Edinburgh flat at 12/3 Leith Walk.", "12/3 Leith Walk"),
           ("ADDRESS: FLAT 4, 27 MILL ROAD, HEXHAM NE46 3AB", "FLAT 4, 27 MILL ROAD, HEXHAM NE46 3AB")],
    nomatch=["under section 12 Road Traffic Act 1988",
             "2 High Court judges heard the appeal",
             "The Crown Court at Leeds sat for 3 days",
             "Paragraph 14 Park and Ride services",
             "section 17 Children Act 1989 and Schedule 2 Part 1",
             "On 3 May Green Lane was closed",
             "On 12 June Dr Patel saw her.",
             "paid £12 Parking Place charges",
             "Regulation 14 Place of Safety",
             "See 3 Children Act guidance, Stage 2 Complaint Review Panel",
             "The 2 Magistrates Court hearings",
             "section 20 Court of Protection",
             "the 12 Parking Place Variation Order 2023",
             "3 Market Place Shopping Centre leases",
             "Section 12 High Street Act", "SECTION 12 High Street Act", "Stage 2 Park Road review",
             "the 12 Mill lane residents", "2 HIGH COURT JUDGES", "ON 3 MAY GREEN LANE WAS SHUT"]))
rules.append(dict(
    id="address.street-welsh", category="address", confidence=0.85, placeholder="[address]",
    description="A Welsh street address, where the street word comes first: 12 Heol y Felin, 3 Ffordd Las, Caerdydd CF14 2AB.",
    regex=ADDR_LB + r"(?<value>(?:" + FLAT + FLATSEP + r")?" + HOUSENO + r",?" + WS + r"+(?:Heol|Ffordd|Stryd|Lôn|Lon|Maes|Rhodfa|Cilgant|Clos|Teras|Llwyn|Parc|Plas|Cwrt)"
          + r"(?:" + WS + r"+(?:y|yr|'r|’r|dan|ar)(?![\p{L}'’]))?" + WS + r"+" + CAPW + r"(?:" + WS + r"+(?:(?:y|yr|'r|’r|dan|ar)" + WS + r"+)?" + CAPW + r"){0,2}"
          + r"(?:" + TAIL_PC + r"|" + TAIL_NOPC + r")?)",
    requires=["heol", "ffordd", "stryd", "lôn", "lon ", "maes", "rhodfa", "cilgant", "clos", "teras", "llwyn", "parc", "plas", "cwrt"],
    match=[("Mae hi'n byw yn 12 Heol y Felin, Caerdydd CF14 2AB.", "12 Heol y Felin, Caerdydd CF14 2AB"),
           ("She lives at 3 Ffordd Las, Rhyl.", "3 Ffordd Las, Rhyl"),
           ("the tenant of 45 Maes Glas was evicted", "45 Maes Glas")],
    nomatch=["section 12 Heol Road", "3 Parc and paper", "2 Plas was", "Table 4 Maes Glas"]))
rules.append(dict(
    id="address.street-postcode", category="address", confidence=0.9, placeholder="[address]",
    description="A street named with a postcode but no house number: Mill Lane, Hexham NE46 3AB. The value is street, town(s) and postcode.",
    regex=r"(?<![\p{L}0-9'’.-])(?<value>(?!The" + WS + r")" + STREET + TAIL_PC + r")",
    match=[("The site on Mill Lane, Hexham, NE46 3AB was sold.", "Mill Lane, Hexham, NE46 3AB"),
           ("Kingsley Road\nWest Bridgford\nNG2 5FP", "Kingsley Road\nWest Bridgford\nNG2 5FP"),
           ("near Station Rd LS6 2QW", "Station Rd LS6 2QW")],
    nomatch=["Mill Lane was resurfaced.", "The Crown Court sat in Leeds LS1 3BG", "High Court, London WC2A 2LL"]))
rules.append(dict(
    id="address.house-name", category="address", confidence=0.8, placeholder="[address]",
    description="A house-name address: a named cottage, farm, lodge or house followed by a street (and town, postcode), or by town and postcode.",
    regex=r"(?<![\p{L}0-9'’.-])(?<value>(?:" + FLAT + FLATSEP + r")?" + HOUSENAME + r"," + WS + r"*\n?" + WS + r"*(?:(?:" + HOUSENO + r",?" + WS + r"+)?" + STREET + r"(?:" + TAIL_PC + r"|" + TAIL_NOPC + r")?|" + TOWN + TAIL_PC + r"|" + POSTCODE + r"(?![\w-])))",
    requires=["cottage", "farm", "lodge", "barn", "bungalow", "villa", "grange", "manor", "house", "rectory", "vicarage", "oast", "stables"],
    match=[("She rents Rose Cottage, Mill Lane, Aldbourne.", "Rose Cottage, Mill Lane, Aldbourne"),
           ("Address: The Old Rectory, Church Street, Long Melford, CO10 9DL", "The Old Rectory, Church Street, Long Melford, CO10 9DL"),
           ("Hill Top Farm, Thornton, BD13 3QL is his home", "Hill Top Farm, Thornton, BD13 3QL"),
           ("at Ivy Lodge, 4 Green Lane", "Ivy Lodge, 4 Green Lane"),
           ("She lives at Flat 12, Ashby House, Weir Road, London SW12 0LT with", "Flat 12, Ashby House, Weir Road, London SW12 0LT")],
    nomatch=["The Houses of Parliament, Westminster", "the care home, Rose House, was inspected", "Council House, the offices"]))
rules.append(dict(
    id="address.labelled", category="address", confidence=0.8, placeholder="[address]",
    description="The rest of a line labelled Address: (a header field), whatever its shape.",
    regex=r"(?<![^\n])[ \t]*(?:(?i:home|postal|correspondence|current|previous|former|new|property|client|complainant['’]?s?|her|his|their)[ \t]+)?(?i:address)[ \t]*:[ \t]*(?<value>[^\s](?:[^\n]{0,150}[^\s.,;])?)[.,;]?[ \t]*(?=\n|$)",
    requires=["address"],
    match=[("Complainant: Mr A\nAddress: The Old Forge, Little Snoring\nTelephone: none", "The Old Forge, Little Snoring"),
           ("Home address: Plot 7, Meadow Park site", "Plot 7, Meadow Park site"),
           ("Correspondence address: c/o 4 Mill Yard, Bury.", "c/o 4 Mill Yard, Bury")],
    nomatch=["The Council did not have her address: it wrote to the old one.", "Email address: jane@example.org is not a postal address\nAddress:\n"]))

hdr = """# Patterns/address.yaml — postcodes and postal addresses (HOUSE-STYLE.md, "Always replaced").
# The value of an address rule is the whole address: flat, number, street, town(s), postcode.
# False positives in legal prose are kept out by requiring a street word (Road, Lane, Close…), by
# refusing a number that follows "section", "paragraph", "Schedule", "Part", "Stage", "£"… and by
# not taking "Court" after High/Crown/County/Magistrates… or a month name as the first street word.
# A town is only taken when a postcode follows, or after a comma and before punctuation / line end.
# The long regexes are expanded from shared fragments (FLAT, HOUSENO, STREET, TOWN, POSTCODE); when editing
# one by hand, change the same fragment in every rule of this file.
"""
open(os.path.join(HERE, "..", "..", "Patterns", "address.yaml"), "w").write(emit(hdr, rules))
