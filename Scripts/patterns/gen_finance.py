import os, sys; HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from parts import *
from emit import emit
H = r"[^\S\n]"
GAP = H + r"*(?:[:#(,–-]" + H + r"*)?(?:(?i:is|was|of|reads|given as|recorded as)" + H + r"+)?"

rules = []
rules.append(dict(
    id="finance.sort-code", category="sort-code", confidence=0.97, placeholder="[sort code]",
    description="A bank sort code (12-34-56, 12 34 56, 123456) after 'sort code' or 'S/C'; the cue stays, the value is the digits.",
    regex=r"(?i:\bsort" + H + r"*-?" + H + r"*code|\bS/C)" + GAP + r"(?<value>[0-9]{2}(?<scs>[-–" + r" \x{A0}.]?)[0-9]{2}\k<scs>[0-9]{2})(?![0-9]|[-– .][0-9])",
    requires=["sort", "s/c"],
    match=[("paid to sort code 20-00-00, account 55779911", "20-00-00"),
           ("Sort Code: 40 11 62", "40 11 62"),
           ("sortcode 309634.", "309634"),
           ("S/C 60–83–71", "60–83–71")],
    nomatch=["sort code not given", "sort code 12-34", "the code 12-34-56 of the sort", "sort code 12-34-567"]))
rules.append(dict(
    id="finance.account-number", category="account", confidence=0.9, placeholder="[account number]",
    description="A bank account number (7-8 digits, 4+4 spaced, or 10 digits) after 'account number', 'account no', 'a/c', 'acc no'; the cue stays.",
    regex=r"(?i:(?<!tax )(?<!rent )(?<!tenancy )(?<!benefit )(?<!benefits )\baccount" + H + r"+(?:number|no\.?|num|#)|\ba/c(?:" + H + r"+(?:number|no\.?))?|\bacc(?:t|ount)?\.?" + H + r"*no\.?|\bbank" + H + r"+account|\baccount(?=" + H + r"+[0-9]{8}(?![0-9])))(?![\w])" + GAP
          + r"(?<value>[0-9]{7,8}|[0-9]{4}[ \x{A0}-][0-9]{4}|[0-9]{10})(?![0-9]|[ \x{A0}-][0-9])",
    requires=["account", "a/c", "acc"],
    match=[("sort code 20-00-00, account number 55779911.", "55779911"),
           ("A/C 1234 5678", "1234 5678"),
           ("Account No: 0123456", "0123456"),
           ("into her bank account 73920155", "73920155"),
           ("sort code 20-00-00, account 55779911", "55779911")],
    nomatch=["account number not known", "account number 123", "council tax account number 60012345", "the account of 12345678 people", "her account 1234567 was closed"]))
rules.append(dict(
    id="finance.sort-code-pair", category="sort-code", confidence=0.9, placeholder="[sort code]",
    description="A hyphenated sort code written straight before an 8-digit account number, without the words 'sort code' (61-32-37 12345678).",
    regex=r"(?<![0-9.,/-])(?<value>[0-9]{2}-[0-9]{2}-[0-9]{2})(?=" + H + r"*[,/]?" + H + r"*(?:(?i:account|acc|a/c)(?:" + H + r"+(?i:number|no\.?))?" + H + r"*:?" + H + r"*)?[0-9]{8}(?![0-9]))",
    match=[("bank details: 40-11-62 73920155", "40-11-62"), ("paid into 20-00-00, account 55779911", "20-00-00")],
    nomatch=["on 12-03-21 the Council paid", "12-34-56 123456789"]))
rules.append(dict(
    id="finance.account-after-sort-code", category="account", confidence=0.9, placeholder="[account number]",
    description="An 8-digit account number written straight after a hyphenated sort code (40-11-62 73920155).",
    regex=r"(?<=[0-9]-[0-9]{2}-[0-9]{2} |[0-9]-[0-9]{2}-[0-9]{2}, |[0-9]-[0-9]{2}-[0-9]{2}/|[0-9]-[0-9]{2}-[0-9]{2} / )(?<value>[0-9]{8})(?![0-9])",
    match=[("bank details: 40-11-62 73920155", "73920155"), ("40-11-62, 73920155.", "73920155")],
    nomatch=["40-11-62 739201555", "on 12 03 21 73920155"]))
rules.append(dict(
    id="finance.card-number", category="card", validator="luhn", confidence=0.95, placeholder="[card number]",
    description="A payment card number: 13-19 digits unbroken, in 4-4-4-4(-3) groups or the 4-6-5 form, passing the Luhn check.",
    regex=r"(?<![0-9])(?<![0-9][ -])(?<value>[0-9]{4}(?<cs>[ \x{A0}-])[0-9]{4}\k<cs>[0-9]{4}\k<cs>[0-9]{4}(?:\k<cs>[0-9]{3})?|[0-9]{4}(?<cs2>[ \x{A0}-])[0-9]{6}\k<cs2>[0-9]{5}|[0-9]{13,19})(?![0-9]|[ \x{A0}-][0-9])",
    match=[("card 4111 1111 1111 1111 was charged", "4111 1111 1111 1111"),
           ("(5500-0000-0000-0004)", "5500-0000-0000-0004"),
           ("Amex 3782 822463 10005 on file", "3782 822463 10005"),
           ("number 4012888888881881.", "4012888888881881")],
    nomatch=["4111 1111 1111 1112", "24 013 403 24 013 404", "1234 5678 9012 3456 7890", "07700 900123 01632 960001"]))

rules.append(dict(
    id="finance.iban", category="account", validator="iban", confidence=0.95, placeholder="[account number]",
    description="An IBAN (ISO 13616): country code, two check digits and the national account number, spaced in fours or not, with the country's length and the mod-97 check (GB82 WEST 1234 5698 7654 32).",
    regex=r"(?<![\w-])(?<value>[A-Z]{2}[0-9]{2}(?:[ \x{A0}]?[A-Z0-9]{4}){2,7}(?:[ \x{A0}]?[0-9]{1,3})?)(?![\w-])",
    match=[("paid to GB82 WEST 1234 5698 7654 32 on", "GB82 WEST 1234 5698 7654 32"), ("IBAN: DE89370400440532013000", "DE89370400440532013000"),
           ("(FR1420041010050500013M02606)", "FR1420041010050500013M02606")],
    nomatch=["GB82 WEST 1234 5698 7654 33", "AB12 CDEF 1234", "EN12 3456 7890 1234"]))
rules.append(dict(
    id="finance.bic", category="account", validator="bic", confidence=0.9, placeholder="[bank identifier]",
    description="A SWIFT/BIC code (ISO 9362: 4-letter bank, ISO country, 2-character location, optional 3-character branch) after its cue (BIC, SWIFT, SWIFT code).",
    regex=r"(?i:\bBIC|\bSWIFT(?:" + H + r"*/" + H + r"*BIC)?|\bbank" + H + r"+identifier" + H + r"+code)(?:" + H + r"+(?i:code|number|no\.?))?(?![\w])" + GAP + r"(?<value>(?i:[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?))(?![\w-])",
    requires=["bic", "swift", "bank identifier"],
    match=[("SWIFT code: NWBKGB2L for the transfer", "NWBKGB2L"), ("BIC DEUTDEFF500", "DEUTDEFF500"), ("swift/bic barcgb22", "barcgb22")],
    nomatch=["BIC not given", "SWIFT code ABCDXX12", "the swift response"]))
rules.append(dict(
    id="finance.crypto-wallet", category="crypto-wallet", validator="bitcoin", confidence=0.9, placeholder="[wallet address]",
    description="A Bitcoin address: Base58Check (P2PKH '1…', P2SH '3…', checksum verified) or bech32/bech32m 'bc1…' (checksum verified).",
    regex=r"(?<![\w])(?<value>[13][1-9A-HJ-NP-Za-km-z]{25,34}|(?i:bc1[02-9ac-hj-np-z]{11,87}))(?![\w])",
    match=[("sent to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 last", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"), ("wallet 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy.", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
           ("(bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq)", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")],
    nomatch=["1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx", "3JustSomeOrdinaryWordsHere123"]))
rules.append(dict(
    id="finance.crypto-wallet-ethereum", category="crypto-wallet", confidence=0.9, placeholder="[wallet address]",
    description="An Ethereum address: 0x and 40 hexadecimal digits.",
    regex=r"(?<![\w])(?<value>0x[0-9a-fA-F]{40})(?![\w])",
    match=[("paid into 0x52908400098527886E0F7030069857D2E4169EE7 on", "0x52908400098527886E0F7030069857D2E4169EE7")],
    nomatch=["0x1234", "0x52908400098527886E0F7030069857D2E4169EE7A"]))
rules.append(dict(
    id="finance.card-security-code", category="card", confidence=0.9, placeholder="[card security code]",
    description="A payment card security code (CVV, CVC, CV2, security code) of 3-4 digits after its cue.",
    regex=r"(?i:\bCVV2?|\bCVC2?|\bCV2|\bcard" + H + r"+security" + H + r"+code|\bcard" + H + r"+verification" + H + r"+(?:code|value))(?![\w])" + GAP + r"(?<value>[0-9]{3,4})(?![\w/-])",
    requires=["cvv", "cvc", "cv2", "security code", "verification"],
    match=[("card 4111 1111 1111 1111, CVV 123", "123"), ("card security code: 4321", "4321")],
    nomatch=["CVV not given", "CVV 12345"]))

hdr = """# Patterns/finance.yaml — bank sort codes, account numbers, IBAN and BIC, payment card numbers and security codes,
# crypto-currency wallet addresses
# (HOUSE-STYLE.md, "Always replaced"). Sort codes and account numbers need their cue (a bare 12-34-56
# is as often a date); the cue stays and only the digits are replaced. Card numbers need the Luhn check.
"""
open(os.path.join(HERE, "..", "..", "Patterns", "finance.yaml"), "w").write(emit(hdr, rules))
