# Shared regex fragments (PCRE2 syntax, compiled with UTF+UCP). Digits always [0-9].
S = r"[ \x{A0}.-]"                     # one separator inside a phone number
SP = r"[ \x{A0}]"                      # one space (incl. no-break space)
WS = r"[ \t\x{A0}]"                    # horizontal white space

# ---- phone cores (no boundaries) ----
MOBILE = r"07[0-9](?:" + S + r"?[0-9]){8}"                     # 07 + 9 digits = 11
LANDLINE = r"(?!0300" + S + r"?061" + S + r"?0614|0300" + S + r"?790" + S + r"?0203)0[1-3][0-9](?:" + S + r"?[0-9]){7,8}"  # 10-11 digits; LGSCO/PSOW lines kept
BRACKETED = r"\(0[1-37][0-9]{1,4}\)" + SP + r"?[0-9](?:" + S + r"?[0-9]){4,7}"
INTL_NAT = r"(?:\(0\)" + SP + r"?)?[1-37](?:" + S + r"?[0-9]){8,9}"       # after +44: 9-10 national digits
INTL_PLUS = r"\+44" + S + r"?" + INTL_NAT
INTL_00 = r"0044" + S + r"?" + INTL_NAT
PHONE_LB = r"(?<![\w£$€+/-])(?<![0-9][ .,])"
PHONE_RB = r"(?![0-9]|" + S + r"[0-9])"
EXT = r"(?:" + WS + r"*,?" + WS + r"*(?:(?i:ext(?:ension|n)?)\.?" + WS + r"*|x" + WS + r"?))[0-9]{1,5}(?![0-9])"

# ---- network ----
OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
IPV4 = OCTET + r"(?:\." + OCTET + r"){3}"

# ---- postcode ----
# The official structure (Royal Mail PAF / BS 7666), not a list of real areas, so invented test postcodes
# still count. Outward code A9, A99, A9A, AA9, AA99, AA9A: first letter not Q V X; second letter not I J Z;
# third-position letter (A9A) one of A B C D E F G H J K P S T U W; fourth-position letter (AA9A) one of
# A B E H M N P R V W X Y. Inward code: a digit and two letters, never C I K M O V. GIR 0AA is the one
# exception. Written with 0-2 spaces (or a no-break space) between the halves.
PC_OUT = r"(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
PC_IN = r"[0-9][ABD-HJLNP-UW-Z]{2}"
POSTCODE = r"(?:" + PC_OUT + r"[ \x{A0}]{0,2}" + PC_IN + r"|GIR[ \x{A0}]?0AA)"
# The same in any case ("bd1 4as", "mk401sa", "L3 9pp"): only where an address context is already matched.
POSTCODE_ANY = r"(?i:" + POSTCODE + r")"
PC_B = r"(?<![\w-])" + POSTCODE + r"(?![\w-])"

# ---- street addresses ----
# Thoroughfare words (Royal Mail PAF thoroughfare descriptors, English, Scots and Welsh-English usage).
SUFFIX_FULL = ("Road|Street|Avenue|Lane|Way|Close|Drive|Crescent|Place|Gardens|Grove|Terrace|View|Park|Walk|Row|Hill|"
               "Square|Mews|Rise|Green|Parade|Vale|Wharf|Yard|Boulevard|Croft|Fold|Gate|Meadows?|Chase|Heights|Lea|Brow|"
               "Circus|Approach|Glade|Quay|Wynd|Ridge|Dene|Garth|Embankment|Promenade|Broadway|Hollow|Copse|Orchard|Nook|Villas|Cottages|"
               "Vennel|Brae|Loan|Loaning|Gait|Causeway|Esplanade|Drove|Crest|Dale|Mead|Passage|Pathway|Alley|Pend|Rigg|Knowe|"
               "Ropewalk|Walkway")
SUFFIX_ABBR = r"(?:Rd|Ave|Av|Ln|Cl|Ct|Cres|Pl|Gdns|Gr|Gro|Terr|Tce|Sq|Pk|Pde|Blvd|Cswy|Esp|Mt|Wy|Wk)\.?|(?:St|Dr)\.?(?!" + WS + r"+\p{Lu}\p{Ll})"
# "Court" is not a street in "High Court", "Crown Court"…
COURT_LB = (r"(?<!(?i)High |Crown |County |Supreme |Family |Youth |Magistrates |Magistrates' |Magistrates’ |Coroner's |Coroner’s |Coroners |"
            r"Civil |Combined |Appeal |Royal |District |Appeals |Justice |Probate |Admiralty |Commercial |Chancery |Employment )")
# Street words are Title Case or CAPITALS ("Road", "ROAD"; "rd"/"road" are not taken).
SUFFIX = r"(?=\p{Lu})(?:" + COURT_LB + r"(?i:Court)(?![\p{L}'’-])|(?i:" + SUFFIX_FULL + r")(?![\p{L}'’-])|(?:" + SUFFIX_ABBR + r")(?![\p{L}'’-]))"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
CAPW = r"\p{Lu}[\p{L}'’-]*"            # a capitalised word: Acacia, O'Neil, Stoke-on-Trent
STREET_WORDS = r"(?!(?i:" + MONTHS + r")(?![\p{L}]))(?:St\.|" + CAPW + r")(?:" + WS + r"+(?:St\.|" + CAPW + r")){0,3}"
STREET = STREET_WORDS + WS + r"+" + SUFFIX
HOUSENO = r"[1-9][0-9]{0,2}(?:[A-Za-z](?![\p{L}]))?(?:" + WS + r"?[-–/]" + WS + r"?[1-9][0-9]{0,2}(?:[A-Za-z](?![\p{L}]))?)?"
# "Flat 3", "Flat 12A", "Flat B", Scottish "Flat 3/2" (floor/door), "Flat 0/1".
FLAT = r"(?=\p{Lu})(?i:Flat|Apartment|Apt\.?|Unit|Maisonette|Room)" + WS + r"+(?:[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,2})?|[A-Z])(?![\p{L}0-9/])"
FLATSEP = r"(?:," + WS + r"*|" + WS + r"+|" + WS + r"*\n" + WS + r"*)"
TOWN_STOP = (r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord|Rev|Prof|Cllr|Dear|Subject|Re|Contact|Name|Sent|Cc|Your|Flat|Postcode|"
             r"Mob|Fax|Web|Website|NHS|DOB|NI|Tel|The|This|That|These|Those|She|He|They|It|We|I|In|On|At|But|And|Or|Her|His|Their|Our|My|"
             r"When|After|Before|Council|Telephone|Tel|Email|E-mail|Phone|Mobile|Reference|Ref|Date|Summary|Decision|Complaint|Final|"
             r"Address|Report|Case|If|As|So|Since|While|Although|However|Also|Then|There|Here|Which|Who|Where|What|Why|How|Its|"
             r"Ombudsman|Yes|No|A|An|From|To|For|With|By|Of|Following|During|Until|Under|Between|Despite|Because|Paragraph|Section|"
             r"Schedule|Regulation|Article|Part|Chapter|Page|Annex|Appendix|Social|Children|Adult|Care|Housing|Planning|Mental|Local|"
             r"National|Parliament|County|Borough|District|City|Metropolitan|Royal|Community|Department|Service|Services|Tribunal|Court)(?![\p{L}'’-])")
BUILDING = (r"(?!" + TOWN_STOP + r")(?:" + CAPW + WS + r"+){1,3}(?:Court|House|Mansions|Tower|Heights|Point|Lodge|Buildings|Apartments|Hall|Chambers|Place|Quay|Wharf|Works|Mill)(?![\p{L}'’-])")
TOWNW = r"\p{Lu}[\p{L}'’-]*\p{L}"
TOWN = (r"(?!" + TOWN_STOP + r")" + TOWNW + r"(?:" + WS + r"+(?:(?:upon|on|under|in|le|by|next|the|de|la)" + WS + r"+)?" + TOWNW + r"){0,2}")
SEP_TOWN = r"(?:," + WS + r"*\n?" + WS + r"*|" + WS + r"*\n" + WS + r"*)"
SEP_PC = r"(?:,?" + WS + r"*\n" + WS + r"*|,?" + WS + r"+|,)"
# The address context (a street, a house or a town before it) lets the postcode be in any case, spaced or not.
TAIL_PC = r"(?:(?:" + SEP_TOWN + r"|" + WS + r"+)" + TOWN + r"){0,3}" + SEP_PC + r"(?<![\w-])" + POSTCODE_ANY + r"(?![\w-])"
TAIL_NOPC = r"(?:," + WS + r"*" + TOWN + r"(?=" + WS + r"*(?:[.,;)]|\n|$))){1,2}"
# Words before a number that make it something other than a house number ("section 4", "r. 12"): each
# is a whole word (a word boundary before it), so "Schueller. 4 Orchard Way" is not "r. 4".
_NOT_HOUSE = ("section |paragraph |para |para\\. |regulation |reg |reg\\. |rule |article |schedule |part |chapter |clause |"
              "page |pages |appendix |annex |item |step |stage |class |band |level |year |years |ward |room |bed |aged |age |"
              "box |bay |gate |platform |route |bus |junction |key stage |s\\. |ss\\. |r\\. |pp\\. |p\\. |§ |§|footnote |table |figure |point |"
              "unit |flat |house |block |floor |plot |lot |apartment |apt |apt\\. |tier |phase |grade |category |option |module |"
              "volume |vol\\. |issue |exhibit |tab |line |lines |question |q |round |term |week |day |month |season |version |v |v\\. |act ")
ADDR_LB = (r"(?<![\w£$€/.,:-])(?<!(?i)" + "|".join((r"\b" + w if w[0].isalpha() else w) for w in _NOT_HOUSE.split("|")) + ")")
HOUSENAME_NOUN = (r"(?:Cottage|Cottages|Farm|Farmhouse|Lodge|Barn|Bungalow|Villa|Grange|Manor|House|Rectory|Vicarage|Oast|Stables|Coach" + WS + r"House|"
                  r"Croft|Bothy|Steading|Mains|Manse|Schoolhouse|Smithy|Forge|Granary|Byre|Mill|Hall|Chalet|Retreat|Haven|Gatehouse|"
                  r"Bwthyn|Ffermdy|Fferm)")
# Nouns that name a private dwelling rather than an institution (no House, Lodge, Hall, Mill, Grange).
DWELLING_NOUN = r"(?:Cottage|Cottages|Farm|Farmhouse|Barn|Bungalow|Villa|Croft|Bothy|Steading|Manse|Schoolhouse|Smithy|Forge|Granary|Byre|Chalet|Bwthyn|Ffermdy)"
# Welsh (and Gaelic) house names begin with a word for house, hill, slope, field…: Tŷ Gwyn, Bryn Hyfryd, Plas Newydd.
WELSH_HOUSE = (r"(?:T[yŷ]|Bryn|Plas|Bwthyn|Hafod|Hendre|Llys|Pen|Bron|Glan|Gw[eê]l|Cartref|Nant|Coed|Cae|Erw|Rhos|D[oô]l|"
               r"Tyddyn|Fferm|Hen|Pant|Bod|Min|Maen|Croes|Gwern|Tal|Blaen|Cil|Llwyn|Taigh|Tigh|Achadh|Baile)")
WELSH_HOUSENAME = WELSH_HOUSE + r"(?:-[\p{L}]+)*(?:" + WS + r"+(?:(?:y|yr|'r|’r|ar|a|an|na|nan)" + WS + r"+)?" + CAPW + r"){1,2}(?![\p{L}'’-])"
HOUSENAME = r"(?:The" + WS + r"+)?(?!" + TOWN_STOP + r")(?:" + CAPW + WS + r"+){0,2}" + HOUSENAME_NOUN + r"(?![\p{L}'’-])"
DWELLING_NAME = r"(?:The" + WS + r"+)?(?!" + TOWN_STOP + r")(?:" + CAPW + WS + r"+){0,2}" + DWELLING_NOUN + r"(?![\p{L}'’-])"
WELSH_STREET = r"(?:Heol|Ffordd|Stryd|Lôn|Lon|Maes|Rhodfa|Cilgant|Clos|Teras|Llwyn|Parc|Plas|Cwrt|Rhes|Llys|Gerddi|Cae|Allt|Bro|Ael)"
WELSH_PARTICLE = r"(?:y|yr|'r|’r|dan|ar)(?![\p{L}'’])"
WELSH_STREET_NAME = (WELSH_STREET + r"(?:" + WS + r"+" + WELSH_PARTICLE + r")?" + WS + r"+" + CAPW + r"(?:" + WS + r"+(?:" + WELSH_PARTICLE + WS + r"+)?" + CAPW + r"){0,2}")
