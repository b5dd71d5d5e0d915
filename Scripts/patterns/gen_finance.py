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

hdr = """# Patterns/finance.yaml — bank sort codes, account numbers and payment card numbers
# (HOUSE-STYLE.md, "Always replaced"). Sort codes and account numbers need their cue (a bare 12-34-56
# is as often a date); the cue stays and only the digits are replaced. Card numbers need the Luhn check.
"""
open(os.path.join(HERE, "..", "..", "Patterns", "finance.yaml"), "w").write(emit(hdr, rules))
