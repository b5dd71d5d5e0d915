#!/usr/bin/env python3
"""The review page in a real browser (issue 15).

Drives headless Chromium (Debian's `chromium` and `chromium-driver`, with `selenium` from
PyPI) through the page `anonymise redact --report` writes: every item reached by keyboard,
a flag rejected with a reason, a replacement edited, a person marked as staff, the rest
accepted by keyboard, the decisions saved (a real download). Then the real binary applies
the saved file with `redact --decisions --require-decisions` and the new text is asserted,
byte-identical on a second run, with the decisions in a verified audit; `check --decisions`
no longer reports the rejected flag. The page must make no network request.

Skips (exit 0, saying why) where chromium, chromedriver or selenium are missing.
Usage: python3 Tests/browser/review_page_test.py [--binary PATH] [--screenshot PATH]
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# A draft written for this test (never text from the evaluation corpus).
DRAFT = """Complainant: Mrs Rosalind Featherstone

Mrs Featherstone complains about how the council handled repairs. She is 78 years old and lives in Kettering.
Her grandson, Tobias, attends Larkrise Primary School. Mr Ravi Bassi inspected the flat on 3 March.
Mrs Featherstone says the damp got worse over the winter. Call 07700 900456 to reach her.
"""


def skip(reason):
    print(f"SKIPPED review_page_test: {reason}", file=sys.stderr)
    sys.exit(0)


def find_binary(explicit):
    candidates = [explicit] if explicit else [
        os.environ.get("ANONYMISE_BINARY"),
        os.path.join(REPOSITORY, ".build", "debug", "anonymise"),
        os.path.join(REPOSITORY, ".build", "release", "anonymise"),
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("review_page_test: no anonymise binary (build first: swift build), or give --binary PATH")


def run(binary, args, cwd, env, expect=0):
    result = subprocess.run([binary] + args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != expect:
        sys.exit(f"review_page_test: `anonymise {' '.join(args)}` exited {result.returncode}, expected {expect}\n{result.stderr}")
    return result


def check(condition, message):
    if not condition:
        sys.exit(f"review_page_test: FAILED: {message}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--screenshot", help="also copy the screenshot here (the README's image)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    options = parser.parse_args()

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import Select
    except ImportError:
        skip("needs selenium (pip install selenium)")

    binary = find_binary(options.binary)
    scratch = tempfile.mkdtemp(prefix="anonymise-browser-")
    downloads = os.path.join(scratch, "downloads")
    os.makedirs(downloads)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANONYMISE_")}
    store = ["--store", os.path.join(scratch, "registry", "cases.sqlite"), "--case", "BROWSER 1"]
    with open(os.path.join(scratch, "draft.txt"), "w", encoding="utf-8") as f:
        f.write(DRAFT)

    run(binary, ["redact", "draft.txt", "-o", "first.txt", "--report", "review.html"] + store, scratch, env)
    check(oct(os.stat(os.path.join(scratch, "review.html")).st_mode & 0o777) == "0o600", "the page is owner-only")

    chrome_options = webdriver.ChromeOptions()
    chrome_options.binary_location = chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
        chrome_options.add_argument(argument)
    chrome_options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
    })
    chrome_options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    browser = webdriver.Chrome(service=Service(driver_path), options=chrome_options)
    try:
        browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        browser.get("file://" + os.path.join(scratch, "review.html"))
        body = browser.find_element(By.TAG_NAME, "body")
        items = browser.find_elements(By.CSS_SELECTOR, "#items > li")
        check(len(items) >= 8, f"the page lists every replacement and flag (found {len(items)})")

        # Keyboard: "]" walks every item, in order, and comes back round.
        reached = []
        for _ in range(len(items)):
            browser.switch_to.active_element.send_keys("]")
            reached.append(body.get_attribute("data-current"))
        check(reached == [str(i) for i in range(len(items))], f"] reaches every item in order: {reached}")
        check(browser.switch_to.active_element.get_attribute("id") == f"l-{len(items) - 1}", "the current item has the focus")

        def item_with(original):
            for li in items:
                if li.find_element(By.CSS_SELECTOR, "q.orig").text == original:
                    return li
            sys.exit(f"review_page_test: no item for {original!r}")

        # Reject a flag with a reason: the home town stays.
        town = item_with("Kettering")
        check("flag: needs a decision" in town.text, "the home town is a flag")
        Select(town.find_element(By.CSS_SELECTOR, "select.reason")).select_by_value("needed-for-meaning")
        town.find_element(By.CSS_SELECTOR, "button.reject").click()
        check(town.find_element(By.CSS_SELECTOR, ".status").text.startswith("rejected: needed-for-meaning"), "the rejection shows")
        in_text = browser.find_element(By.ID, town.get_attribute("id").replace("l-", "t-"))
        check("rejected" in in_text.get_attribute("class"), "the text shows the original kept")

        # Edit a replacement: the age.
        age = item_with("78 years old")
        edit_box = age.find_element(By.CSS_SELECTOR, "input.edit-text")
        edit_box.send_keys("in her late seventies")
        edit_box.send_keys(Keys.ENTER)
        check(age.find_element(By.CSS_SELECTOR, ".status").text == "edited: \u201cin her late seventies\u201d", "the edit shows")
        age_in_text = browser.find_element(By.ID, age.get_attribute("id").replace("l-", "t-"))
        check("in her late seventies" in age_in_text.text, "the text shows the edited wording")

        # A person named by role: the inspector is staff.
        row = [r for r in browser.find_elements(By.CSS_SELECTOR, "#people tr[data-p]") if "Ravi Bassi" in r.text]
        check(len(row) == 1, "the inspector is listed among the people")
        row[0].find_element(By.CSS_SELECTOR, "input.role").send_keys("the surveyor")
        row[0].find_element(By.CSS_SELECTOR, "button.staff").click()
        check("staff: the surveyor" in row[0].find_element(By.CSS_SELECTOR, ".pstatus").text, "the staff decision shows")

        # "Not a person" lasts in the case registry: the page asks first, and Cancel decides nothing.
        complainant = [r for r in browser.find_elements(By.CSS_SELECTOR, "#people tr[data-p]") if "Featherstone" in r.text][0]
        complainant.find_element(By.CSS_SELECTOR, "button.notperson").click()
        confirm = complainant.find_element(By.CSS_SELECTOR, ".confirm")
        check(confirm.is_displayed(), "not a person asks for confirmation in the page")
        confirm.find_element(By.CSS_SELECTOR, "button.confirm-no").click()
        check(not confirm.is_displayed() and complainant.find_element(By.CSS_SELECTOR, ".pstatus").text == "",
              "cancelled: no decision")

        # Everything else accepted by keyboard: n (next undecided), a (accept, and on to the next).
        body.send_keys(Keys.ESCAPE)
        browser.switch_to.active_element.send_keys("n")
        for _ in range(len(items)):
            if "0 undecided" in browser.find_element(By.ID, "counts").text:
                break
            browser.switch_to.active_element.send_keys("a")
        counts = browser.find_element(By.ID, "counts").text
        check(counts.startswith(f"{len(items)} decided, 0 undecided"), f"every item decided: {counts}")

        browser.find_element(By.ID, "reviewer").send_keys("Test Reviewer")
        browser.find_element(By.ID, "save").click()
        saved = None
        for _ in range(100):
            found = [p for p in glob.glob(os.path.join(downloads, "*.json"))]
            if found:
                saved = found[0]
                break
            time.sleep(0.1)
        check(saved is not None, "Save decisions downloads a file")
        time.sleep(0.3)
        check(os.path.basename(saved) == "BROWSER-1.decisions.json", f"named after the case, never the draft's file: {os.path.basename(saved)}")

        screenshot = os.path.join(scratch, "review-page.png")
        browser.set_window_size(1200, 860)
        browser.execute_script("window.anonymiseReview.select(arguments[0])", int(town.get_attribute("data-i")))
        browser.save_screenshot(screenshot)
        print(f"screenshot: {screenshot}")
        if options.screenshot:
            shutil.copyfile(screenshot, options.screenshot)

        # No network: every request the page made was for the page itself (or the saved file).
        requests = []
        for entry in browser.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                requests.append(message["params"]["request"]["url"])
        outside = [url for url in requests if not (url.startswith("file://") or url.startswith("blob:") or url.startswith("data:"))]
        check(requests, "the performance log saw the page load")
        check(not outside, f"the page made no network request: {outside}")
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        check(not errors, f"no errors in the page (a CSP violation would be one): {errors}")
    finally:
        browser.quit()

    with open(saved, encoding="utf-8") as f:
        decisions = json.load(f)
    check(decisions["schema"] == "anonymise-decisions/1" and decisions["reviewer"] == "Test Reviewer", "the file's schema and reviewer")
    text = json.dumps(decisions)
    for original in ["Featherstone", "Rosalind", "Kettering", "Larkrise", "Bassi", "78 years", "07700"]:
        check(original not in text, f"the decisions file holds no text of the draft ({original})")

    # Re-run with the decisions: the text the reviewer decided, the same bytes every time.
    args = ["redact", "draft.txt", "-o", "final.txt", "--decisions", saved, "--require-decisions"] + store
    first = run(binary, args, scratch, env)
    final = open(os.path.join(scratch, "final.txt"), encoding="utf-8").read()
    print(final, end="")
    check("lives in Kettering." in final, "the rejected flag keeps the original wording")
    check("She is in her late seventies" in final, "the edited replacement is in place")
    check("The surveyor inspected the flat" in final, "the inspector is named by role")
    check("Mrs X complains" in final and "the School" in final and "[phone number]" in final, "accepted replacements stay")
    check("Featherstone" not in final and "Bassi" not in final, "no real name comes back")
    check("decisions: " in first.stderr and " 0 stale, 0 undecided" in first.stderr, f"the summary counts decisions: {first.stderr}")
    with open(os.path.join(scratch, "final.txt"), "rb") as f:
        once = f.read()
    run(binary, args, scratch, env)
    with open(os.path.join(scratch, "final.txt"), "rb") as f:
        check(f.read() == once, "byte-identical on a second run")

    audit_path = os.path.join(scratch, "final.audit.jsonl")
    run(binary, ["audit", "verify", audit_path], scratch, env)
    lines = [json.loads(line) for line in open(audit_path, encoding="utf-8")]
    rejected = [l for l in lines if l["type"] == "decision" and l["decision"] == "reject"]
    check(len(rejected) == 1 and rejected[0]["reason"] == "needed-for-meaning" and rejected[0]["reviewer"] == "Test Reviewer",
          "the audit says who rejected what and why")
    check(any(l["type"] == "person-decision" and l["decision"] == "staff" for l in lines), "the audit records the person decision")

    # A later document of the case follows the person decision (kept in the case registry).
    with open(os.path.join(scratch, "later.txt"), "w", encoding="utf-8") as f:
        f.write("Mr Ravi Bassi wrote to the council again.\n")
    later = run(binary, ["redact", "later.txt"] + store, scratch, env).stdout
    check(later.startswith("The surveyor wrote"), f"a later document names the inspector by role: {later!r}")

    # check honours the decisions: the kept home town is decided, so no longer reported.
    key = ["--review-key", os.path.join(scratch, "registry", "review.key")]
    run(binary, ["check", "final.txt", "--fail-on", "note", "--quiet"], scratch, env, expect=1)
    run(binary, ["check", "final.txt", "--fail-on", "note", "--quiet", "--decisions", saved] + key, scratch, env, expect=0)

    # A flag nobody decided fails --require-decisions, writing nothing.
    del decisions["items"][[i for i, d in enumerate(decisions["items"]) if d["decision"] == "reject"][0]]
    partial = os.path.join(scratch, "partial.json")
    with open(partial, "w", encoding="utf-8") as f:
        json.dump(decisions, f)
    refused = run(binary, ["redact", "draft.txt", "-o", "refused.txt", "--decisions", partial, "--require-decisions"] + store,
                  scratch, env, expect=1)
    check("1 flag undecided" in refused.stderr and not os.path.exists(os.path.join(scratch, "refused.txt")),
          f"--require-decisions refuses an undecided flag: {refused.stderr}")

    # A second reviewer opens the page with the saved decisions: saving again keeps who made each.
    run(binary, ["redact", "draft.txt", "-o", "again.txt", "--decisions", saved, "--report", "again.html"] + store, scratch, env)
    browser = webdriver.Chrome(service=Service(driver_path), options=chrome_options)
    try:
        browser.get("file://" + os.path.join(scratch, "again.html"))
        check(browser.find_element(By.ID, "reviewer").get_attribute("value") == "", "the next reviewer types their own name")
        browser.find_element(By.ID, "reviewer").send_keys("Second Reviewer")
        resaved = browser.execute_script("return window.anonymiseReview.decisionsFile()")
    finally:
        browser.quit()
    check(resaved["reviewer"] == "Second Reviewer", "the file names who saved it")
    check(all(d.get("reviewer") == "Test Reviewer" for d in resaved["items"] + resaved["people"]),
          f"earlier decisions keep their reviewer: {[d.get('reviewer') for d in resaved['items']]}")

    print("review_page_test: OK")
    if not options.keep:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
