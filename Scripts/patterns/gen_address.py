import os, sys; HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from parts import *
from emit import emit

rules = []
rules.append(dict(
    id="address.postcode", category="postcode", validator="postcode", confidence=0.9, placeholder="[postcode]",
    description="A UK postcode in capitals, with or without the space (NE1 4AB, SW1A 2AA, DE43AG, GIR 0AA), by the official outward/inward structure.",
    regex=r"(?<![\w-])(?<value>" + POSTCODE + r")(?![\w-])",
    match=[("The flat is in Leeds, LS6 2QW.", "LS6 2QW"),
           ("postcode: SW1A2AA", "SW1A2AA"),
           ("(B33 8TH)", "B33 8TH"),
           ("moved to EC1V 9HX last May", "EC1V 9HX"),
           ("M1 1AE is the centre", "M1 1AE"),
           ("the giro bank at GIR 0AA", "GIR 0AA"),
           ("a letter to TR11 3QA came back", "TR11 3QA")],
    nomatch=["The Ombudsman's reference is 24 013 403.",
             "section 24A(6) of the Act",
             "the M62 and the A1 were closed", "QA1 2BC", "VE1 2AB",
             "car AB12 CDE was parked",
             "lowercase ls6 2qw is not taken",
             "SA100 tax return", "Form P45 issued", "EN 1234 standard", "AJ1 1AA", "W1B 1CK"]))

# Lower-case postcodes. Spaced ones are distinctive enough ("bd1 4as"), except where the inward half reads as
# an ordinal or a time ("b12 3rd", "e1 2pm"); unspaced ones ("mk401sa") need an address context: a postcode
# cue, a comma after a word, or a capitalised town straight before.
PC_SPACED_ANY = r"(?i:" + PC_OUT + r"[ \x{A0}](?![0-9](?:st|nd|rd|th|am|pm)(?![\w-]))" + PC_IN + r"|GIR[ \x{A0}]0AA)"
PC_UNSPACED_ANY = r"(?i:" + PC_OUT + PC_IN + r"|GIR0AA)"
rules.append(dict(
    comment="""Branch reset: every alternative's postcode is the `value` group.
  1 a spaced postcode in any case (not "b12 3rd", "e1 2pm")
  2 any postcode after "postcode" / "post code" / "postal code"
  3 any one after a comma that follows a word ("Alnwick, mk401sa", "Leeds, ls1 1st")
  4 any one straight after a capitalised town ("Bedford mk401sa"), not after The, In, Mrs…""",
    id="address.postcode-any-case", category="postcode", validator="postcode", confidence=0.85, placeholder="[postcode]", starts="[\\p{L},]",
    description="A UK postcode in lower or mixed case (bd1 4as, L3 9pp); written without the space (mk401sa) only after a postcode cue, a comma or a town.",
    regex=(r"(?|(?<![\w-])(?<value>" + PC_SPACED_ANY + r")(?![\w-])"
           r"|(?i:\bpost" + WS + r"?code|\bpostal" + WS + r"+code)(?:" + WS + r"*[:–-])?" + WS + r"*(?:(?i:is|was|of)" + WS + r"+)?(?<value>" + POSTCODE_ANY + r")(?![\w-])"
           r"|(?<=[\p{L}.]),[ \t\x{A0}]*(?<value>" + POSTCODE_ANY + r")(?![\w-])"
           r"|(?<![\p{L}'’-])(?!" + TOWN_STOP + r")\p{Lu}[\p{L}'’-]*\p{L}[ \t\x{A0}]+(?<value>" + POSTCODE_ANY + r")(?![\w-]))"),
    match=[("wrote to her at bd1 4as last week", "bd1 4as"),
           ("sent to L3 9pp by post", "L3 9pp"),
           ("Bedford mk401sa", "mk401sa"),
           ("Gateshead, l39pp", "l39pp"),
           ("her postcode is ws111be", "ws111be"),
           ("Post code: ne661hs", "ne661hs"),
           ("Hexham a1 0th", "a1 0th")],
    nomatch=["on the b12 3rd floor", "at e1 2pm", "the mk401sa token alone", "The mk401sa token", "In ab12cd", "score of ab12cd", "lowercase qa1 2bc", "see the a1 2bc"]))

street_value = (r"(?:" + FLAT + FLATSEP + r"(?:(?:" + BUILDING + r"|" + CAPW + r"(?:" + WS + r"+" + CAPW + r"){0,2})," + r"?" + WS + r"*\n?" + WS + r"*(?=[1-9]))?(?:" + HOUSENO + r",?" + WS + r"+)?|" + HOUSENO + r",?" + WS + r"+)" + STREET + r"(?:" + TAIL_PC + r"|" + TAIL_NOPC + r"|(?!" + WS + r"+\p{Lu}\p{Ll}))")
rules.append(dict(
    comment="""Built from shared fragments, in order:
  ADDR_LB   the number is not glued to a word/£/"/"/"." and not after section, paragraph, Schedule, Part, Stage, year, room…
  FLAT      optional "Flat 3, " / "Apartment 9, " (+ a building name "Beacon Court, ", "Meadowview\n"), then HOUSENO 12, 12a, 12-14, 12/3
  STREET    1-4 capitalised words (no month/weekday first) + street word (Road…Cottages, Vennel, Brae, Rd/St/Ave…; "Court" not after
            High/Crown/County/Magistrates…); St and Dr abbreviations not followed by a capitalised word
  TAIL_PC   up to 3 towns (", " / space / line break; not Mr, The, Council, Telephone…) then the postcode, in any case
  TAIL_NOPC 1-2 ", Town" ending at punctuation or line end; else the street must not run on into a capitalised word""",
    id="address.street", category="address", confidence=0.9, placeholder="[address]",
    description="A street address: optional flat, house number (12, 12a, 12-14), capitalised street name ending in a street word (Road, Lane, Close, Vennel, Brae, Rd…), then optionally town(s) and postcode (any case), on one line or across line breaks. The value is the whole address.",
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
           ("ADDRESS: FLAT 4, 27 MILL ROAD, HEXHAM NE46 3AB", "FLAT 4, 27 MILL ROAD, HEXHAM NE46 3AB"),
           ("at 3 Tanner's Vennel, Dunbar, eh42 1aa today", "3 Tanner's Vennel, Dunbar, eh42 1aa"),
           ("visited 17 Kirk Brae, Perth ph13rs", "17 Kirk Brae, Perth ph13rs"),
           ("Flat 2B\nRowan Lea\n9 Quarry Road\nBuxton\nsk17 6xx", "Flat 2B\nRowan Lea\n9 Quarry Road\nBuxton\nsk17 6xx")],
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
    description="A Welsh street address, where the street word comes first (Heol, Ffordd, Stryd, Lôn, Cwrt, Rhes…): 12 Heol y Felin, Flat 2, Tŷ Mawr, 3 Ffordd Las, Caerdydd CF14 2AB.",
    regex=ADDR_LB + r"(?<value>(?:" + FLAT + FLATSEP + r"(?:(?:" + BUILDING + r"|" + CAPW + r"(?:" + WS + r"+" + CAPW + r"){0,2}),?" + WS + r"*\n?" + WS + r"*(?=[1-9]))?)?"
          + HOUSENO + r",?" + WS + r"+" + WELSH_STREET_NAME + r"(?:" + TAIL_PC + r"|" + TAIL_NOPC + r")?)",
    requires=["heol", "ffordd", "stryd", "lôn", "lon ", "maes", "rhodfa", "cilgant", "clos", "teras", "llwyn", "parc", "plas", "cwrt",
              "rhes", "llys", "gerddi", "cae ", "allt", "bro ", "ael "],
    match=[("Mae hi'n byw yn 12 Heol y Felin, Caerdydd CF14 2AB.", "12 Heol y Felin, Caerdydd CF14 2AB"),
           ("She lives at 3 Ffordd Las, Rhyl.", "3 Ffordd Las, Rhyl"),
           ("the tenant of 45 Maes Glas was evicted", "45 Maes Glas"),
           ("at 60 Heol y Parc, Bangor, ll57 2aa on", "60 Heol y Parc, Bangor, ll57 2aa"),
           ("Flat 6A, Tŷ Mawr House, 75 Ffordd Penrhyn, Conwy ll328aa.", "Flat 6A, Tŷ Mawr House, 75 Ffordd Penrhyn, Conwy ll328aa"),
           ("at 4 Rhes Fictoria, Aberystwyth", "4 Rhes Fictoria, Aberystwyth")],
    nomatch=["section 12 Heol Road", "3 Parc and paper", "2 Plas was", "Table 4 Maes Glas"]))
rules.append(dict(
    id="address.street-postcode", category="address", confidence=0.9, placeholder="[address]",
    description="A street named with a postcode but no house number: Mill Lane, Hexham NE46 3AB. The value is street, town(s) and postcode.",
    regex=r"(?<![\p{L}0-9'’.-])(?<value>(?!The" + WS + r")" + STREET + TAIL_PC + r")",
    match=[("The site on Mill Lane, Hexham, NE46 3AB was sold.", "Mill Lane, Hexham, NE46 3AB"),
           ("Kingsley Road\nWest Bridgford\nNG2 5FP", "Kingsley Road\nWest Bridgford\nNG2 5FP"),
           ("near Station Rd LS6 2QW", "Station Rd LS6 2QW"),
           ("at Chapel Row, Grantham, ng31 6pz", "Chapel Row, Grantham, ng31 6pz")],
    nomatch=["Mill Lane was resurfaced.", "The Crown Court sat in Leeds LS1 3BG", "High Court, London WC2A 2LL"]))
rules.append(dict(
    id="address.house-name", category="address", confidence=0.8, placeholder="[address]", starts="[\\p{Lu}]",
    description="A house-name address: a named cottage, farm, lodge, croft, manse, house… or a Welsh/Gaelic house name (Tŷ Gwyn, Bryn Hyfryd, Plas Newydd) followed by a street (and town, postcode), or by town and postcode.",
    regex=(r"(?<![\p{L}0-9'’.-])(?<value>(?:" + FLAT + FLATSEP + r")?(?:"
           r"(?:" + HOUSENAME + r"|" + WELSH_HOUSENAME + r")," + WS + r"*\n?" + WS + r"*(?:(?:" + HOUSENO + r",?" + WS + r"+)?(?:" + STREET + r"|" + WELSH_STREET_NAME + r")(?:" + TAIL_PC + r"|" + TAIL_NOPC + r")?|" + TOWN + TAIL_PC + r"|" + POSTCODE_ANY + r"(?![\w-]))"
           r"|(?:" + DWELLING_NAME + r"|" + WELSH_HOUSENAME + r")" + TAIL_NOPC + r"))"),
    match=[("She rents Rose Cottage, Mill Lane, Aldbourne.", "Rose Cottage, Mill Lane, Aldbourne"),
           ("Address: The Old Rectory, Church Street, Long Melford, CO10 9DL", "The Old Rectory, Church Street, Long Melford, CO10 9DL"),
           ("Hill Top Farm, Thornton, BD13 3QL is his home", "Hill Top Farm, Thornton, BD13 3QL"),
           ("at Ivy Lodge, 4 Green Lane", "Ivy Lodge, 4 Green Lane"),
           ("She lives at Flat 12, Ashby House, Weir Road, London SW12 0LT with", "Flat 12, Ashby House, Weir Road, London SW12 0LT"),
           ("visited her at Tŷ Gwyn, Heol Fach, Llandeilo, sa19 6aa.", "Tŷ Gwyn, Heol Fach, Llandeilo, sa19 6aa"),
           ("at Bryn Hyfryd, Brecon Road, Builth Wells", "Bryn Hyfryd, Brecon Road, Builth Wells"),
           ("wrote to Ivy Cottage, Tanyard, Ludlow, sy8 1aa", "Ivy Cottage, Tanyard, Ludlow, sy8 1aa"),
           ("Old Manse, Kirkton, Dingwall, IV15 9AA", "Old Manse, Kirkton, Dingwall, IV15 9AA"),
           ("at Bryn Hyfryd, Ffordd Penrhyn, Bangor.", "Bryn Hyfryd, Ffordd Penrhyn, Bangor"),
           ("he visited Ty Gwyn, Llanrug, twice", "Ty Gwyn, Llanrug"),
           ("she rents Rose Cottage, Aldbourne.", "Rose Cottage, Aldbourne")],
    nomatch=["The Houses of Parliament, Westminster", "the care home, Rose House, was inspected", "Council House, the offices",
             "Mr Bryn Jones, the manager, said", "the staff at Oak Lodge, Derby.", "Beech House, Leeds"]))

# The generic address line: comma- or line-separated parts ending in a postcode. The postcode is what makes it an
# address, so the parts need no street word: "48 Tanyard, Alnwick, ne66 1aa", "Ty Coch, Chapel Row, Grantham,
# ws111be", "Bryn Hyfryd\n13 Tanyard\nFort William\nPH33 6AR". A part is a flat ("Flat 4B"), a house number and
# 1-4 capitalised words, or 1-4 capitalised words (a house name without a house word: "Awel y Môr", "Fernlea");
# the first part must not be a title, "Dear", "Tel"…, and the line starts only at a line start, after a label or
# after at/to/from/of/in…, never after "Mrs " — so a titled name before the address is not split.
# Atomic: a run of words is never given back, so the regex does not retry every shorter run. A word is never
# glued to a digit, so a town stops before a capital postcode ("Fort William WS11 1BE").
CAPW_ND = r"\p{Lu}[\p{L}'’-]*+(?![0-9])"
NAMEWORDS = (r"(?!" + TOWN_STOP + r")(?!(?i:" + MONTHS + r")(?![\p{L}]))(?>" + CAPW_ND + r"(?:" + WS + r"+(?:(?:y|yr|'r|’r|ar|upon|on|under|in|le|by|the|de|la|of|na|nan)" + WS + r"+)?" + CAPW_ND + r"){0,3})")
NUMPART = HOUSENO + r",?" + WS + r"+" + NAMEWORDS
LEADPART = (r"(?:" + HOUSENAME + r"|" + WELSH_HOUSENAME + r"|" + BUILDING + r"|" + NAMEWORDS + r"(?=" + WS + r"*[,\n]))")
PSEP = r"(?:," + WS + r"*(?:\n" + WS + r"*)?|" + WS + r"*\n" + WS + r"*)"
LINE_LB = (r"(?:(?<![^\n])[ \t]*|(?<=[\t(:;–—•])|(?<=[\t(:;,–—•-] )|(?<=\bat )|(?<=\bto )|(?<=\bfrom )|(?<=\bof )|(?<=\bis )|(?<=\bin )"
           r"|(?<=\bon )|(?<=\bnear )|(?<=\bvisited )|(?<=\baddress )|(?<=\bAddress )|(?<=\bwas )|(?<=\band ))")
line_value = (r"(?:" + FLAT + PSEP + r")?(?:" + LEADPART + PSEP + r")?" + NUMPART + r"(?:" + PSEP + NAMEWORDS + r"){0,3}"
              + r"|(?:" + FLAT + PSEP + r")?" + LEADPART + r"(?:" + PSEP + NAMEWORDS + r"){1,4}"
              + r"|" + FLAT + r"(?:" + PSEP + NAMEWORDS + r"){1,4}")
rules.append(dict(
    comment="""LINE_LB: starts at a line start, after a tab/colon/bracket/dash/bullet, or after at/to/from/of/is/in/on/near/visited;
a part starting with a house number also obeys ADDR_LB (not after section, paragraph, Stage, £…).
Then (flat?) (house or building name?) number + words (, words){0,3}   |   (flat?) house name (, words){1,4}   |   flat (, words){1,4}
and the postcode in any case. The whole line (or block of lines) is the value.""",
    id="address.line", category="address", confidence=0.88, placeholder="[address]",
    description="An address line or block ending in a postcode, whatever its street words: house or building name, flat, house number and street (Ropewalk, Tanyard), town(s), then the postcode (any case, spaced or not), on one line or across line breaks.",
    regex=(r"(?:(?=[1-9][0-9A-Za-z/–-]{0,8},?[ \t\x{A0}]+\p{Lu})" + ADDR_LB + r"|" + LINE_LB + r"(?=\p{Lu}))(?=[^\x{0}]{0,250}?[0-9][A-Za-z]{2}(?![\w-]))(?<value>(?:" + line_value + r")" + SEP_PC + r"(?<![\w-])" + POSTCODE_ANY + r")(?![\w-])"),
    starts="[0-9\\p{Lu}]",
    match=[("the Council wrote to her at 48 Tanyard, Alnwick, ne66 1aa quoting", "48 Tanyard, Alnwick, ne66 1aa"),
           ("visited Mr G at Ty Coch, Chapel Row, Grantham, ws111be. On", "Ty Coch, Chapel Row, Grantham, ws111be"),
           ("Contact details:\nBryn Hyfryd\n13 Tanyard\nFort William\nPH33 6AR\nTel: none", "Bryn Hyfryd\n13 Tanyard\nFort William\nPH33 6AR"),
           ("now lives at Flat 18A, Hawthorn Court, 105 Ropewalk, Fort William PH33 6AR.", "Flat 18A, Hawthorn Court, 105 Ropewalk, Fort William PH33 6AR"),
           ("Details (private):\nFlat 4B\nMeadowview\n53 Tanyard\nBedford\nmk401sa\nMobile: none", "Flat 4B\nMeadowview\n53 Tanyard\nBedford\nmk401sa"),
           ("Subject: Stage 2 complaint – 44 Chapel Row, Cannock, ws11 1be", "44 Chapel Row, Cannock, ws11 1be"),
           ("Address – Ivy Cottage, Ropewalk, Portree, iv51 9aa", "Ivy Cottage, Ropewalk, Portree, iv51 9aa"),
           ("Flat 9\n14 Sandgate\nWelshpool\nSY21 7AA", "Flat 9\n14 Sandgate\nWelshpool\nSY21 7AA"),
           ("Mrs Jane Smith, 12 High Street, Leeds LS1 1AA", "12 High Street, Leeds LS1 1AA"),
           ("Mrs Jane Smith\n12 Tanyard\nLeeds\nLS1 1AA", "12 Tanyard\nLeeds\nLS1 1AA"),
           ("visited her at Awel y Môr, Heol y Parc, Aberaeron, sa46 0aa today", "Awel y Môr, Heol y Parc, Aberaeron, sa46 0aa"),
           ("Details:\nFernlea\nKiln Lane\nBedford\nMK40 1SA", "Fernlea\nKiln Lane\nBedford\nMK40 1SA")],
    nomatch=["section 12 Ropewalk, Leeds LS1 1AA",
             "On 12 March, Leeds LS1 1AA",
             "Mr Bryn Jones\nLeeds LS1 1AA",
             "the bus from Leeds to York LS1 1AA",
             "paid £12 Hendry, Leeds LS1 1AA"]))

rules.append(dict(
    comment="""Without a postcode and without a street word the number + capitalised word + town shape is an address only
where addresses are written: after at/to/from/of or a label, or at a line start; the town must end the clause
(punctuation, line end, or a comma before a lower-case word).""",
    id="address.street-named", category="address", confidence=0.85, placeholder="[address]",
    description="An address whose street has no street word and no postcode follows (48 Tanyard, Alnwick; Flat 2, Mill House, 7 Ropewalk, Bedford) after at/to/from/of, a label or at a line start.",
    regex=(r"(?:(?<=\bat )|(?<=\bto )|(?<=\bfrom )|(?<=\bof )|(?<=\bnear )|(?<=\bvisited )|(?<=[:\t(–•] )|(?<=[\t(])|(?<![^\n]))"
           r"(?=[1-9]|(?i:Flat|Apartment|Apt|Unit|Maisonette)\b)"
           r"(?<value>(?:" + FLAT + PSEP + r"(?:(?:" + BUILDING + r"|" + NAMEWORDS + r")" + PSEP + r")?)?" + NUMPART
           + r"(?:" + PSEP + r"(?!" + TOWN_STOP + r")" + TOWNW + r"(?:" + WS + r"+(?:(?:upon|on|under|in|le|by|next|the|de|la)" + WS + r"+)?" + TOWNW + r"){0,2}){1,2})"
           r"(?=" + WS + r"*(?:[.;:)]|\n|$|," + WS + r"*\p{Ll}))"),
    match=[("the Council wrote to her at 48 Tanyard, Alnwick. She", "48 Tanyard, Alnwick"),
           ("She moved to Flat 2, Mill House, 7 Ropewalk, Bedford, with her son.", "Flat 2, Mill House, 7 Ropewalk, Bedford"),
           ("Address: 12 Cheapside, Kendal\nPhone: none", "12 Cheapside, Kendal")],
    nomatch=["On 12 December, Leeds City Council wrote.", "paid 3 Councillors, Leeds.", "She had 2 Sons, Tom and Jack.",
             "under section 12 Ropewalk, Leeds.", "The 3 Children, Leeds.", "at 3 pm, Leeds.", "we received 5 Objections, Leeds.", "at 12 Noon, in Leeds"]))

# A line of an address block: capitalised words, numbers, postcodes and the few lower-case particles of place names.
BLOCKWORD = r"(?:[\p{Lu}0-9][\p{L}0-9'’./-]*|" + POSTCODE_ANY + r"|(?:c/o|y|yr|upon|on|under|in|le|by|the|de|la|of|and|&)(?![\p{L}]))"
BLOCKLINE = BLOCKWORD + r"(?:(?:,?[ \t]+|,)" + BLOCKWORD + r"){0,8}"
LABEL = (r"(?<![^\n])[ \t]*(?:[•*·–-][ \t]*)?(?:(?i:home|postal|correspondence|current|previous|former|new|property|client|complainant['’]?s?|her|his|their|contact)[ \t]+)?"
         r"(?i:address)")
rules.append(dict(
    id="address.labelled", category="address", confidence=0.8, placeholder="[address]",
    description="The rest of a line labelled Address (with a colon, dash or tab), whatever its shape; or, after a bare 'Address:' line, the short lines below it up to a blank line or the next label.",
    regex=(r"(?|" + LABEL + r"(?:[ \t]*[:–—][ \t]*|[ \t]+-[ \t]+|\t[ \t]*)(?<value>[^\s](?:[^\n]{0,150}[^\s.,;])?)[.,;]?[ \t]*(?=\n|$)"
           r"|" + LABEL + r"[ \t]*:[ \t]*\n[ \t]*(?<value>" + BLOCKLINE + r"(?:,?[ \t]*\n[ \t]*" + BLOCKLINE + r"){0,6}),?[ \t]*(?=\n|$))"),
    requires=["address"],
    match=[("Complainant: Mr A\nAddress: The Old Forge, Little Snoring\nTelephone: none", "The Old Forge, Little Snoring"),
           ("Home address: Plot 7, Meadow Park site", "Plot 7, Meadow Park site"),
           ("Correspondence address: c/o 4 Mill Yard, Bury.", "c/o 4 Mill Yard, Bury"),
           ("Address\tIvy Cottage, Tanyard, Alnwick, ne66 1aa\nContact\tnone", "Ivy Cottage, Tanyard, Alnwick, ne66 1aa"),
           ("• Address – Rose Villa, Kirkton, Portree\n• Contact: none", "Rose Villa, Kirkton, Portree"),
           ("Address:\nThe Bothy\nGlen Road\nKirkton\n\nThe complaint", "The Bothy\nGlen Road\nKirkton")],
    nomatch=["The Council did not have her address: it wrote to the old one.", "Email address: jane@example.org is not a postal address\nAddress:\n",
             "Address:\nThe Council wrote to her at her home."]))

LAT = r"[-+]?(?:[1-8]?[0-9]|90)\.[0-9]{4,}"
LON = r"[-+]?(?:1[0-7][0-9]|[1-9]?[0-9]|180)\.[0-9]{4,}"
DMS = r"[0-9]{1,3}°" + WS + r"?[0-9]{1,2}[′']" + WS + r"?(?:[0-9]{1,2}(?:\.[0-9]+)?[″\"]" + WS + r"?)?"
rules.append(dict(
    id="address.coordinates", category="location", confidence=0.9, placeholder="[location]",
    description="A map position: decimal latitude and longitude with 4+ decimal places (51.50735, -0.12776; 53.4808° N, 2.2426° W) or degrees-minutes-seconds (51°30′26″N 0°7′39″W).",
    regex=(r"(?<![\w.+-])(?<value>" + LAT + r"°?" + WS + r"*(?:[NSns]" + WS + r"*)?," + WS + r"*" + LON + r"°?(?:" + WS + r"*[EWew](?![\w]))?"
           r"|" + DMS + r"[NS]" + WS + r"*,?" + WS + r"*" + DMS + r"[EW])(?![\w.])"),
    match=[("the caravan at 51.50735, -0.12776 was", "51.50735, -0.12776"), ("(53.4808° N, 2.2426° W)", "53.4808° N, 2.2426° W"),
           ("pinned at 51°30′26″N 0°7′39″W", "51°30′26″N 0°7′39″W")],
    nomatch=["a ratio of 1.5, 2.5", "paid 12.50, 13.75", "section 3.1234, 4.5"]))
rules.append(dict(
    id="address.what3words", category="location", confidence=0.9, placeholder="[location]",
    description="A what3words address (///three.word.address, or three dotted words after 'what3words').",
    regex=r"(?|(?<![\w/])(?<value>///\p{Ll}+\.\p{Ll}+\.\p{Ll}+)(?![\w.]|\.\p{L})|(?i:\bwhat3words|\bw3w)" + WS + r"*(?:(?i:address|location|is|was)" + WS + r"*)*[:(]?" + WS + r"*(?<value>\p{Ll}+\.\p{Ll}+\.\p{Ll}+)(?![\w]|\.\p{L}))",
    requires=["///", "what3words", "w3w"],
    match=[("the gate at ///filled.count.soap was locked", "///filled.count.soap"), ("what3words: index.home.raft", "index.home.raft")],
    nomatch=["see e.g. the note", "http://a.b.c"]))

# The long address regexes share fragments; each is written once per rule as a PCRE2 subroutine (see
# emit.with_subroutines), which keeps the regexes short without changing what they find.
ADDRESS_DEFS = [("aTown", TOWN), ("aWords", NAMEWORDS), ("aHouse", HOUSENAME), ("aWelshHouse", WELSH_HOUSENAME), ("aDwelling", DWELLING_NAME),
                ("aBuilding", BUILDING), ("aStreet", STREET), ("aWelshStreet", WELSH_STREET_NAME), ("aHouseNo", HOUSENO), ("aFlat", FLAT),
                ("aStop", TOWN_STOP), ("aPostcode", POSTCODE_ANY), ("aNumberNotAfter", ADDR_LB), ("aSep", PSEP)]
for r in rules:
    if r["id"] in ("address.street", "address.street-welsh", "address.street-postcode", "address.house-name", "address.line", "address.street-named"):
        r["defs"] = ADDRESS_DEFS

hdr = """# Patterns/address.yaml — postcodes, postal addresses and map positions (HOUSE-STYLE.md, "Always replaced").
# The value of an address rule is the whole address: flat, number, street, town(s), postcode.
# False positives in legal prose are kept out by requiring a street word (Road, Lane, Close…), by
# refusing a number that follows "section", "paragraph", "Schedule", "Part", "Stage", "£"… and by
# not taking "Court" after High/Crown/County/Magistrates… or a month name as the first street word.
# A town is only taken when a postcode follows, or after a comma and before punctuation / line end.
# The long regexes are expanded from shared fragments (FLAT, HOUSENO, STREET, TOWN, POSTCODE); when editing
# one by hand, change the same fragment in every rule of this file.
"""
open(os.path.join(HERE, "..", "..", "Patterns", "address.yaml"), "w").write(emit(hdr, rules))
