import os, sys; HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from parts import *
from emit import emit

INSTIT = ("gov\\.uk|gov\\.wales|llyw\\.cymru|gov\\.scot|nhs\\.uk|nhs\\.net|hscni\\.net|police\\.uk|parliament\\.uk|judiciary\\.uk|"
          "sch\\.uk|ac\\.uk|mod\\.uk|lgo\\.org\\.uk|lgsco\\.org\\.uk|ombudsman\\.org\\.uk|ombudsman\\.wales|ombudsman-wales\\.org\\.uk|"
          "housing-ombudsman\\.org\\.uk|spso\\.org\\.uk|nipso\\.org\\.uk|bailii\\.org|cqc\\.org\\.uk|nice\\.org\\.uk|ico\\.org\\.uk|"
          "citizensadvice\\.org\\.uk|local\\.gov\\.uk|socialworkengland\\.org\\.uk|nmc\\.org\\.uk|gmc-uk\\.org|hcpc-uk\\.org|"
          "europa\\.eu|coe\\.int|echr\\.coe\\.int|who\\.int|legislation\\.gov\\.uk|[a-z-]+council\\.gov\\.uk")
HOST = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
PATH = r"(?:[/?#](?:[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?’”])?)?"
NOT_INSTIT = r"(?!(?:[A-Za-z0-9-]+\.)*(?:" + INSTIT + r")(?![A-Za-z0-9-]|\.[A-Za-z0-9]))"
PLATFORM = r"\b(?:twitter|instagram|insta|facebook|fb|tiktok|tik[ ]tok|snapchat|linkedin|youtube|bluesky|mastodon|threads|pinterest|reddit|twitch|tumblr|discord|onlyfans)(?![\w])"
HANDLE_BODY = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"

rules = []
rules.append(dict(
    id="contact.phone-mobile", category="phone", validator="phone", confidence=0.95, placeholder="[phone number]",
    description="A UK mobile number, 07 and nine more digits, in any spacing (spaces, dots, hyphens).",
    regex=PHONE_LB + r"(?<value>" + MOBILE + r")" + PHONE_RB,
    requires=["07"],
    match=[("Please ring me on 07700 900123 after six.", "07700 900123"),
           ("Mobile: 07700900456", "07700900456"),
           ("her number (0770 090 0789) was wrong", "0770 090 0789"),
           ("mob. 07700-900-321, evenings", "07700-900-321"),
           ("He texted from 07700.900.654.", "07700.900.654"),
           ("call 077 0090 0999 or", "077 0090 0999")],
    nomatch=["The Council paid £07700 900123 in error.",
             "Our reference is 24 013 403 and 17 002 402b.",
             "On 07.03.2023 at 10.30 the officer visited.",
             "a longer number 077009001234567 in a table",
             "The sum of 1,070,090,012 was not recovered."]))
rules.append(dict(
    id="contact.phone-landline", category="phone", validator="phone", confidence=0.9, placeholder="[phone number]",
    description="A UK landline or 03 number (01…, 02…, 03…), 10 or 11 digits with spaces, dots or hyphens; the LGSCO and PSOW helplines are left alone.",
    regex=PHONE_LB + r"(?<value>" + LANDLINE + r")" + PHONE_RB,
    requires=["01", "02", "03"],
    match=[("Telephone: 01632 960001", "01632 960001"),
           ("rang the office on 020 7946 0958 twice", "020 7946 0958"),
           ("her landline, 0113 496 0000, was disconnected", "0113 496 0000"),
           ("call 0161-496-0123.", "0161-496-0123"),
           ("tel 0117.496.0555 (home)", "0117.496.0555"),
           ("a number, 02920180123, given on the form", "02920180123"),
           ("call 0303 123 4567", "0303 123 4567")],
    nomatch=["The Ombudsman's reference is 24 013 403.",
             "Complaint 17 002 402b was closed.",
             "On 01.02.2023 the Council wrote.",
             "The Council paid £1,023,456 and £2,011.",
             "section 24A(6) of the Local Government Act 1974",
             "Call the Ombudsman's helpline on 0300 061 0614.",
             "between 2019 and 2023, 1,203 complaints",
             "reference 020 7946 09581234 was wrong"]))
rules.append(dict(
    id="contact.phone-bracketed", category="phone", validator="phone", confidence=0.95, placeholder="[phone number]",
    description="A UK number written with the area code in brackets: (01632) 960 001, (020) 7946 0958.",
    regex=PHONE_LB + r"(?<value>" + BRACKETED + r")" + PHONE_RB,
    requires=["(0"],
    match=[("Phone (01632) 960 001 any weekday", "(01632) 960 001"),
           ("on (020) 7946 0958.", "(020) 7946 0958"),
           ("the surgery gave (0161) 496-0000 as his number", "(0161) 496-0000"),
           ("home: (01865)960321", "(01865)960321")],
    nomatch=["paragraph (0) of the guidance", "(2019) 22 CCLR 1", "In (01) 2 3 the Council said"]))
rules.append(dict(
    id="contact.phone-international", category="phone", validator="phone", confidence=0.95, placeholder="[phone number]",
    description="A UK number in international form: +44 7700 900123, +44 (0)20 7946 0958.",
    regex=r"(?<![\w+])(?<value>" + INTL_PLUS + r")" + PHONE_RB,
    requires=["+44"],
    match=[("WhatsApp +44 7700 900123 only", "+44 7700 900123"),
           ("Tel: +44 (0)20 7946 0958.", "+44 (0)20 7946 0958"),
           ("(+447700900987)", "+447700900987"),
           ("+44 (0) 1632 960 001, the office", "+44 (0) 1632 960 001"),
           ("dial +44-161-496-0000", "+44-161-496-0000")],
    nomatch=["a ratio of +44 to -3", "+44 0 points", "+441234"]))
rules.append(dict(
    id="contact.phone-international-0", category="phone", confidence=0.9, placeholder="[phone number]",
    description="A UK number written +44 with its leading 0 kept (+44 07700 900123); no validator (it rejects this form), the regex pins 10-11 digits.",
    regex=r"(?<![\w+])(?<value>\+44" + S + r"?0[1-37][0-9](?:" + S + r"?[0-9]){7,8})" + PHONE_RB,
    requires=["+44"],
    match=[("mobile +44 07700 900123.", "+44 07700 900123"), ("(+44 0161 496 0000)", "+44 0161 496 0000")],
    nomatch=["+44 0 points", "+44 0123", "+44 07700 9001234567"]))
rules.append(dict(
    id="contact.phone-international-00", category="phone", validator="phone", confidence=0.95, placeholder="[phone number]",
    description="A UK number dialled with 0044 (0044 7700 900123, 0044 (0)20 7946 0958).",
    regex=r"(?<![\w+])(?<value>" + INTL_00 + r")" + PHONE_RB,
    requires=["0044"],
    match=[("from abroad use 0044 7700 900123.", "0044 7700 900123"),
           ("0044(0)20 7946 0958", "0044(0)20 7946 0958"),
           ("number 00441632960001 on file", "00441632960001")],
    nomatch=["invoice 0044 dated 2023", "0044 12", "1000447700900123"]))
rules.append(dict(
    id="contact.phone-extension", category="phone", validator="phone", confidence=0.95, placeholder="[phone number]",
    description="A UK phone number followed by an extension (ext. 204, x204); the extension is part of the value.",
    regex=r"(?<![\w£$€+/-])(?<![0-9][ .,])(?<value>(?:" + MOBILE + "|" + LANDLINE + "|" + BRACKETED + "|" + INTL_PLUS + "|" + INTL_00 + r")" + EXT + r")",
    match=[("ring 01632 960001 ext. 204 and ask", "01632 960001 ext. 204"),
           ("Call (020) 7946 0958 x3301.", "(020) 7946 0958 x3301"),
           ("direct line 0113 496 0000, extension 12", "0113 496 0000, extension 12"),
           ("+44 20 7946 0958 Ext 7", "+44 20 7946 0958 Ext 7"),
           ("on 0161 496 0000x22", "0161 496 0000x22")],
    nomatch=["Refer to extension 204 of the building.",
             "24 013 403 ext 5",
             "the 2019 extension x2 of the house"]))
rules.append(dict(
    id="contact.phone-international-other", category="phone", validator="e164", confidence=0.9, placeholder="[phone number]",
    description="A non-UK number in international form, '+' or '00' then an assigned country code and the national number (E.164, 8-15 digits in all): +33 1 23 45 67 89, 0049 30 1234567, +1 (555) 010-4477.",
    regex=r"(?<![\w+])(?<value>(?:\+|00" + SP + r"?)(?!44)[1-9][0-9]{0,2}(?:" + S + r"?\(0\))?(?:" + S + r"?(?:\([0-9]{1,5}\)|[0-9]{1,5})){2,7})" + PHONE_RB,
    requires=["+", "00"],
    match=[("her French mobile +33 6 12 34 56 78 was", "+33 6 12 34 56 78"),
           ("call 0049 30 1234567.", "0049 30 1234567"),
           ("(+1 (555) 010-4477)", "+1 (555) 010-4477"),
           ("WhatsApp +2348031234567", "+2348031234567"),
           ("or 00 33 6 12 34 56 78.", "00 33 6 12 34 56 78")],
    nomatch=["a ratio of +33 to -3", "+12 points", "0012 345", "+28 1234 5678 is unassigned", "up +5.2% on 2023"]))
rules.append(dict(
    id="contact.phone-international-noplus", category="phone", validator="e164", confidence=0.85, placeholder="[phone number]",
    description="A UK number in international form written without the '+' (44 7700 900123, 44 (0)20 7946 0958) after a phone cue (tel, phone, mobile, call, text, WhatsApp), or with '(0)' anywhere.",
    regex=(r"(?|(?i:\btel(?:ephone)?|\bphone|\bmob(?:ile)?|\bcall|\bring|\btext|\bwhatsapp|\bnumber)\.?[^\S\n]*[:.–-]?[^\S\n]*(?:(?i:on|is|was)[^\S\n]+)?(?<value>44" + S + r"?" + INTL_NAT + r")" + PHONE_RB +
           r"|(?<![\w+£$€.,/-])(?<value>44" + S + r"?\(0\)" + S + r"?" + INTL_NAT + r")" + PHONE_RB + r")"),
    requires=["44"],
    match=[("Mobile: 44 7700 900123", "44 7700 900123"), ("tel 447700900123", "447700900123"), ("ring 44 (0)20 7946 0958 today", "44 (0)20 7946 0958"),
           ("reachable at 44 (0)161 496 0000.", "44 (0)161 496 0000")],
    nomatch=["number 44 of the list", "the 447700900123 entries", "phone 44 12"]))
rules.append(dict(
    id="contact.ip-address", category="ip-address", confidence=0.85, placeholder="[IP address]",
    description="An IPv4 address (four octets 0-255): after a cue (IP, IP address, logged in from) any form, without a cue only when two octets have 2+ digits and it is not a section or version number.",
    regex=(r"(?|(?i:\bIP(?:v4)?(?:" + WS + r"+address)?|\blogged" + WS + r"+in" + WS + r"+from|\bfrom" + WS + r"+(?:the" + WS + r"+)?address)" + WS + r"*[:(]?" + WS + r"*(?:(?i:was|is|of)" + WS + r"+)?(?<value>" + IPV4 + r")(?![0-9]|\.[0-9])"
           r"|(?<![\w.])(?<!(?i)section |paragraph |para |version |v|rule |regulation |clause |§ )(?<value>(?=(?:[0-9]{1,3}\.){0,3}[0-9]{2,3}\.(?:[0-9]{1,3}\.){0,2}[0-9]{2,3}(?![0-9]))" + IPV4 + r")(?![0-9]|\.[0-9]))"),
    match=[("logged in from 81.2.69.160 at 3am", "81.2.69.160"), ("IP address: 10.0.0.1", "10.0.0.1"), ("the router at 192.168.1.254 was reset", "192.168.1.254")],
    nomatch=["paragraph 3.2.1.4 says", "version 10.3.129.1", "version 1.2.3.4", "256.1.1.1", "1.2.3.4", "a score of 12.5"]))
rules.append(dict(
    id="contact.ip-address-v6", category="ip-address", validator="ipv6", confidence=0.85, placeholder="[IP address]",
    description="An IPv6 address (RFC 4291 text forms: eight groups, '::' compression, embedded IPv4), checked by the ipv6 validator.",
    regex=r"(?<![\w:.])(?<value>(?=(?:[:.]*[0-9A-Fa-f]){3})(?=[0-9A-Fa-f:.]*::|(?:[0-9A-Fa-f]{1,4}:){7})(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|" + IPV4 + r")?)(?![\w:]|\.[0-9])",
    match=[("from 2001:db8:85a3::8a2e:370:7334 on", "2001:db8:85a3::8a2e:370:7334"), ("(fe80::1ff:fe23:4567:890a)", "fe80::1ff:fe23:4567:890a"),
           ("address 2001:0db8:0000:0000:0000:ff00:0042:8329.", "2001:0db8:0000:0000:0000:ff00:0042:8329")],
    nomatch=["at 10:30:00 the", "ratio 3:2:1", "a::b::c", "12:30", "see :: here"]))
rules.append(dict(
    id="contact.mac-address", category="mac-address", confidence=0.85, placeholder="[MAC address]",
    description="A MAC (hardware) address: six hex pairs joined by ':' or '-' (00:1A:2B:3C:4D:5E) or three dotted groups of four (001a.2b3c.4d5e).",
    regex=r"(?<![\w:.-])(?<value>[0-9A-Fa-f]{2}(?<ms>[:-])(?:[0-9A-Fa-f]{2}\k<ms>){4}[0-9A-Fa-f]{2}|(?=[0-9a-fA-F.]*[a-fA-F])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.[\w])",
    match=[("device 00:1A:2B:3C:4D:5E joined", "00:1A:2B:3C:4D:5E"), ("seen on 00:1A:2B:3C:4D:5E.", "00:1A:2B:3C:4D:5E"), ("MAC 3c-22-fb-12-ab-90", "3c-22-fb-12-ab-90"), ("(001a.2b3c.4d5e)", "001a.2b3c.4d5e")],
    nomatch=["at 10:30:00 the", "1234.5678.9012", "12-34-56", "00:1A:2B:3C:4D"]))
rules.append(dict(
    id="contact.email", category="email", confidence=0.98, placeholder="[email address]",
    description="An email address (mixed case; angle brackets and trailing full stops stay outside the value).",
    regex=r"(?<![\w.%+'’-])(?<value>[A-Za-z0-9_](?:[A-Za-z0-9._%+'-]*[A-Za-z0-9_])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])",
    requires=["@"],
    match=[("Write to jane.w@example.org today.", "jane.w@example.org"),
           ("Email: J.Smith@Example.co.uk", "J.Smith@Example.co.uk"),
           ("from Sam Reid <s.reid99@mail.example.com> on Monday", "s.reid99@mail.example.com"),
           ("replied to o'neill.k+council@example.net.", "o'neill.k+council@example.net"),
           ("his address (PETER_B@EXAMPLE.COM)", "PETER_B@EXAMPLE.COM")],
    nomatch=["the @ sign on its own", "meet @ 10am", "user@localhost", "email me @jane_w on Twitter"]))
rules.append(dict(
    id="contact.url", category="url", confidence=0.9, placeholder="[web address]",
    description="A web address starting http(s):// or www., except institutional sites (gov.uk, nhs.uk, lgo.org.uk, legislation.gov.uk, courts, regulators).",
    regex=r"(?<![\w@/.-])(?<value>(?:https?://(?:www\.)?|www\.)" + NOT_INSTIT + HOST + r"(?::[0-9]{1,5})?" + PATH + r")",
    caseless=True,
    requires=["http", "www."],
    match=[("She posted it at https://janeblogs.example.com/our-story.", "https://janeblogs.example.com/our-story"),
           ("see www.example.co.uk/family-fund (accessed 2023)", "www.example.co.uk/family-fund"),
           ("the page http://example.org/~tom?id=12#top, now deleted", "http://example.org/~tom?id=12#top"),
           ("her fundraiser at WWW.GoFundExample.com/JaneW", "WWW.GoFundExample.com/JaneW")],
    nomatch=["www.lgo.org.uk/decisions", "Contact us at www.lgo.org.uk.",
             "https://www.legislation.gov.uk/ukpga/1974/7/section/30",
             "See https://www.gov.uk/government/publications/guidance.",
             "the trust's site www.example.nhs.uk/visiting",
             "https://www.ombudsman.wales/decisions/",
             "https://www.bailii.org/ew/cases/EWHC/Admin/2019/1.html",
             "http://www.derbyshire.gov.uk/social-care"]))
rules.append(dict(
    id="contact.url-social-profile", category="url", confidence=0.9, placeholder="[web address]",
    description="A social media profile address written without http/www (facebook.com/…, instagram.com/…, x.com/…, tiktok.com/@…, linkedin.com/in/…, bsky.app/profile/…).",
    regex=r"(?<![\w@/.-])(?<value>(?:(?:m|mobile|uk)\.)?(?:(?:facebook|fb|instagram|twitter|x|tiktok|linkedin|youtube|threads|snapchat|pinterest|reddit|tumblr|onlyfans)\.com|threads\.net|twitch\.tv|bsky\.app|youtu\.be|fb\.me)/[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?’”])",
    caseless=True,
    requires=[".com/", "threads.net/", "twitch.tv/", "bsky.app/", "youtu.be/", "fb.me/"],
    match=[("her page facebook.com/jane.whit.77 shows the photos", "facebook.com/jane.whit.77"),
           ("instagram.com/sam_reid_art.", "instagram.com/sam_reid_art"),
           ("on TikTok (tiktok.com/@dave.b)", "tiktok.com/@dave.b"),
           ("see linkedin.com/in/jane-okafor-123 for", "linkedin.com/in/jane-okafor-123"),
           ("x.com/okaforfamily posted", "x.com/okaforfamily"),
           ("her page bsky.app/profile/jane.example.social", "bsky.app/profile/jane.example.social")],
    nomatch=["he uses facebook.com", "https://www.facebook.com/jane is covered by contact.url"]))
rules.append(dict(
    comment="""The handle after the platform (and "account", "profile name", "handle"… and "as", "called", "@", ":") is any user-name
shaped word; the handle validator keeps "@x", names with a digit, "_" or ".", and lower-case runs of 6+ letters that are not
ordinary words ("posted on Facebook as well", "on Instagram yesterday" are not handles).""",
    id="contact.social-handle-cued", category="social", validator="handle", confidence=0.9, placeholder="[social media handle]",
    description="A social media handle or profile name named next to its platform (Instagram account jane_w_88, posted on Facebook as janeokafor, on TikTok as @dave.b, Instagram: sam.reid).",
    regex=(r"(?|(?i:" + PLATFORM + r"|\bX(?=[ ]\(formerly)|(?<=\bon )X(?=[ ]+(?:as|@)))[^\S\n]*(?:\(formerly[^)\n]{0,20}\)[^\S\n]*)?(?:(?i:account|profile|page|handle|user[ ]?name|name|channel|feed|post|posts)[^\S\n]*){0,2}(?:(?i:is|was|called|named|under|as|from|by|@)[^\S\n]+)?[:(,\"“‘']?[^\S\n]*(?<value>@" + HANDLE_BODY + r"|(?=[A-Za-z0-9_.]*[A-Za-z])" + HANDLE_BODY + r")(?![\w@-]|\.[A-Za-z0-9])"
           # the handle before its platform: "posted as jane.okafor85 on Facebook", "the account janeo99 on TikTok"
           r"|(?i:\b(?:as|account|handle|user[ ]?name|profile))[^\S\n]+[\"“‘']?(?<value>@?(?=[A-Za-z0-9_.]*[A-Za-z])" + HANDLE_BODY + r")[\"”’']?[^\S\n]+(?i:on|via)[^\S\n]+(?=(?i:" + PLATFORM + r"|X(?![\w]))))"),
    requires=["twitter", "instagram", "insta", "facebook", "fb", "tiktok", "tik tok", "snapchat", "linkedin", "youtube", "bluesky", "mastodon", "formerly",
              "threads", "pinterest", "reddit", "twitch", "tumblr", "discord", "onlyfans", "on x "],
    match=[("Her Instagram account jane_w_88 showed the garden.", "jane_w_88"),
           ("posted on TikTok as @dave.b last year", "@dave.b"),
           ("Twitter handle: @JWhit1972", "@JWhit1972"),
           ("on X (formerly Twitter) @sam_reid", "@sam_reid"),
           ("posted on Facebook as janeokaforofficial that", "janeokaforofficial"),
           ("Instagram: sam.reid.art", "sam.reid.art"),
           ("wrote about the Council on X as okaforfamily.", "okaforfamily"),
           ("she posted as jane.okafor85 on Facebook", "jane.okafor85"),
           ("the account 'janeo99' on TikTok", "janeo99"),
           ("her Instagram, jane_doe88, showed", "jane_doe88")],
    nomatch=["She saw it on Facebook in 2020.", "run the installer lldir_compat.m4", "Instagrammer jane_w_88", "The Twitter post was deleted.", "on Instagram 3 times", "Mrs X posted on Facebook.",
             "posted on Facebook as well", "posted on Facebook yesterday", "on Facebook about the", "posted on Facebook as Jane",
             "she acted as advocate on Facebook", "known as Jane on Facebook"]))
rules.append(dict(
    id="contact.social-handle", category="social", confidence=0.8, placeholder="[social media handle]",
    description="A standalone @handle that is not part of an email address, a domain or a time (@2pm).",
    regex=r"(?<![\w@.+/-])(?<value>@(?![0-9]{1,2}(?:[.:][0-9]{2})?(?:am|pm|hrs)?(?![\w]))(?![A-Za-z0-9_.]*\.(?:com|net|org|uk|co|gov|io|me|info)(?![\w]))(?=[A-Za-z0-9_.]*[A-Za-z])" + HANDLE_BODY + r")(?![\w@-]|\.[A-Za-z0-9])",
    requires=["@"],
    match=[("Mrs X's neighbour posted as @jane_w about the noise.", "@jane_w"),
           ("messages from @Reid.Sam.", "@Reid.Sam"),
           ("(@tom_1990)", "@tom_1990")],
    nomatch=["jane.w@example.org", "meet @ 2pm", "meet @2pm", "@10.30am", "see @example.com", "a@b"]))

hdr = """# Patterns/contact.yaml — phone numbers, email and web addresses, social media handles.
# Direct identifiers: always replaced (HOUSE-STYLE.md, "Always replaced").
# Phone rules share one shape: separators are one space/no-break space, dot or hyphen; a number is never
# taken out of a longer digit run, after £/$/€, or straight after "N " / "N." (e.g. Ombudsman references
# "24 013 403"). The LGSCO (0300 061 0614) and PSOW (0300 790 0203) helplines are not personal and are kept.
# Every phone rule uses the phone validator (10-11 digits once +44/0044, (0), punctuation and an
# extension are removed).
"""
open(os.path.join(HERE, "..", "..", "Patterns", "contact.yaml"), "w").write(emit(hdr, rules))
