#!/usr/bin/env python3
"""Real-browser test of the review workbench (issue 10).

A coordinator, as a new user would: signs in, finds the sample PEPs in the worklist, overrides
one criterion with a reason, checks the answers and completes QA; only then is the feedback in
the outbox and the record (with the coordinator as QA officer) in the Eclipse batch. axe-core
(bundled by axe-selenium-python, nothing fetched) runs on every page: 0 violations at
wcag2a/wcag2aa/wcag21aa/best-practice. Screenshots go to docs/screenshots/.

Usage: scripts/browser-test.py [path/to/pepqa]   (default .build/debug/pepqa)
"""
import glob, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEPQA = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/pepqa"))
SHOTS = os.path.join(ROOT, "docs/screenshots")
PASSWORD = "a long sample password"
TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pepqa(*args, stdin=None, work=None):
    return subprocess.run([PEPQA, *args], input=stdin, text=True, capture_output=True, cwd=ROOT, check=True)


def shot(driver, name):
    """A screenshot of the top of the page, before axe scrolls it."""
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(SHOTS, name))


def axe(driver, name):
    a = Axe(driver)
    a.inject()
    result = a.run(options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = result["violations"]
    for v in violations:
        print(f"     axe {name}: {v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}")
    check(not violations, f"axe: no violations on {name}")


def main():
    work = tempfile.mkdtemp(prefix="pepqa-browser-")
    state, out = os.path.join(work, "state"), os.path.join(work, "out")
    folders = ["--state", state, "--out", out, "--rules", os.path.join(ROOT, "Rules")]
    subprocess.run([os.path.join(ROOT, "scripts/stamp-samples.sh")], check=True)
    pepqa("process", "--backlog", os.path.join(ROOT, "SampleInbox"), *folders)
    check(not glob.glob(os.path.join(out, "exports", "*.csv")), "no export batch before QA completes")
    check(not glob.glob(os.path.join(out, "outbox", "*feedback*")) and not [
        f for f in glob.glob(os.path.join(out, "outbox", "*.eml"))], "no feedback e-mail before QA completes")
    pepqa("users", "add", "coord", "--role", "coordinator", "--phase", "secondary", *folders, stdin=PASSWORD + "\n")
    pepqa("users", "add", "coordp", "--role", "coordinator", "--phase", "early-primary", *folders, stdin=PASSWORD + "\n")
    pepqa("users", "add", "boss", "--role", "admin", *folders, stdin=PASSWORD + "\n")
    pepqa("users", "add", "head", "--role", "vsh", *folders, stdin=PASSWORD + "\n")
    pepqa("users", "add", "fo", "--role", "finance", *folders, stdin=PASSWORD + "\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([PEPQA, "serve", "--listen", f"127.0.0.1:{port}", *folders], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "serve.log"), "w"))
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        options = webdriver.ChromeOptions()
        for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"]:
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            run(driver, base, out, folders)
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)
    log = open(os.path.join(work, "serve.log")).read()
    check("Sample" not in log and "Zebedee" not in log, "serve log names no child")
    shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


def click_and_wait(driver, element):
    """Clicks something that loads a new page, and waits until that page has loaded.

    Selenium's click does not always wait for the navigation it starts; on a loaded CI machine
    the next check could read the old page (both earlier CI failures were this)."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def gone(_):
        # Chromium sometimes answers "Node with given id does not belong to the document"
        # instead of a stale-element error while the old page goes: that is gone too.
        try:
            return EC.staleness_of(old)(driver)
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    WebDriverWait(driver, 30).until(gone)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def sign_in(driver, base, name):
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button"))


def run(driver, base, out, folders):
    driver.get(base + "/")
    check(driver.current_url.endswith("/login"), "the worklist asks for a login first")
    shot(driver, "login.png")
    axe(driver, "login")
    sign_in(driver, base, "coord")
    check(driver.title.startswith("PEPs waiting for QA"), f"a coordinator lands on the worklist ({driver.title!r})")
    links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/reviews/']")
    check(len(links) > 0, f"the worklist lists the sample PEPs ({len(links)})")
    shot(driver, "worklist.png")
    axe(driver, "worklist")
    click_and_wait(driver, links[0])
    review_url = driver.current_url
    check("/reviews/" in review_url, "the review page opens")
    shot(driver, "review.png")
    axe(driver, "review")
    form = driver.find_element(By.CSS_SELECTOR, "form[action*='/criteria/']")
    radios = form.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    target = next(r for r in radios if not r.is_selected())
    driver.find_element(By.CSS_SELECTOR, f"label[for='{target.get_attribute('id')}']").click()
    form.find_element(By.TAG_NAME, "textarea").send_keys("Checked against the school's attached letter")
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    check("Changed by coord" in driver.page_source, "the override shows with who made it")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Check your answers and complete QA"))
    check("Checked against the school" in driver.page_source, "check your answers lists the override and reason")
    shot(driver, "check-answers.png")
    axe(driver, "check your answers")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/complete'] button"))
    check("QA completed" in driver.page_source, "completing QA shows a notification banner")
    child = driver.find_elements(By.CSS_SELECTOR, "a[href^='/children/']")
    driver.get(review_url)
    axe(driver, "review (completed)")
    links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/children/']")
    if links:
        click_and_wait(driver, links[0])
        shot(driver, "child.png")
        axe(driver, "child")
    driver.get(base + "/children")
    shot(driver, "find-a-child.png")
    axe(driver, "find a child")
    # Outputs follow the ledger: the next run (or the watcher's next poll) publishes them.
    pepqa("process", "--backlog", os.path.join(ROOT, "SampleInbox"), *folders)
    batches = glob.glob(os.path.join(out, "exports", "*.csv"))
    check(len(batches) == 1, "after QA the export batch is written")
    text = open(batches[0]).read() if batches else ""
    check(",coord" in text or "coord," in text, "the export names the coordinator as QA officer")
    check(len(text.strip().splitlines()) == 2, "the batch carries only the PEP whose QA completed")
    check(len(glob.glob(os.path.join(out, "outbox", "*.eml"))) >= 1, "after QA the feedback is in the outbox")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    sign_in(driver, base, "boss")
    driver.get(base + "/users")
    shot(driver, "users.png")
    axe(driver, "users")
    driver.get(base + "/reviews/1/complete")
    check("403" in driver.title, "an admin cannot complete QA (403)")
    driver.get(base + "/users")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    vsh_and_finance(driver, base, out, folders)
    static = {
        "dashboard.png": sorted(glob.glob(os.path.join(out, "dashboard", "*.html")))[:1],
        "qa-report.png": sorted(glob.glob(os.path.join(out, "reports", "*.html")))[:1],
        "tracker.png": [os.path.join(out, "tracker", "index.html")],
        "tracker-term.png": [os.path.join(out, "tracker", "2025-26-autumn.html")],
        "statistics.png": [os.path.join(out, "tracker", "statistics.html")],
        "statistics-year.png": [os.path.join(out, "tracker", "statistics-2025-26.html")],
    }
    for name, pages in static.items():
        check(len(pages) == 1 and os.path.exists(pages[0]), f"{name}: the page was written")
        for page in pages[:1]:
            driver.get("file://" + page)
            shot(driver, name)
            axe(driver, os.path.relpath(page, out))
    driver.get("file://" + os.path.join(out, "tracker", "index.html"))
    body = driver.find_element(By.TAG_NAME, "body").text
    check("Autumn 2025/26 25 20 17 68.0" in body, "the tracker's on-time figures match the hand count (25 due, 20 received, 17 on time)")
    check("LA100014" in body and "Overdue" in body, "the tracker lists the overdue initial PEP")


def complete_qa(driver, base, count):
    """Completes QA of up to `count` more PEPs from the worklist, as the coordinator."""
    for _ in range(count):
        driver.get(base + "/")
        links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/reviews/']")
        if not links:
            return
        driver.get(links[0].get_attribute("href").rstrip("/") + "/complete")
        buttons = driver.find_elements(By.CSS_SELECTOR, "form[action$='/complete'] button")
        if buttons:
            click_and_wait(driver, buttons[0])


def vsh_and_finance(driver, base, out, folders):
    """The VSH approves and part-approves PP+ in the workbench; finance prepares a run (the CLI)
    and the VSH authorises it (the workbench): the journal goes to the Finance team's folder,
    the cheque/BACS batch to the Admin team's."""
    sign_in(driver, base, "coord")
    complete_qa(driver, base, 8)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    sign_in(driver, base, "coordp")
    complete_qa(driver, base, 4)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    sign_in(driver, base, "fo")
    driver.get(base + "/ppplus")
    check("Record decision" not in driver.page_source, "finance reads the PP+ page but cannot decide")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    sign_in(driver, base, "head")
    driver.get(base + "/ppplus")
    check(driver.title.startswith("PP+ requests"), f"the VSH opens the PP+ page ({driver.title!r})")
    shot(driver, "ppplus.png")
    axe(driver, "PP+ requests")
    rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr")
            if r.find_elements(By.CSS_SELECTOR, "input[name=request]") and "Eligible" in r.text]
    check(len(rows) >= 2, f"at least two eligible requests with QA complete to decide ({len(rows)})")
    if len(rows) < 2:
        return
    first = rows[0].find_element(By.CSS_SELECTOR, "input[name=request]").get_attribute("value")
    second = rows[1].find_element(By.CSS_SELECTOR, "input[name=request]").get_attribute("value")
    driver.find_element(By.CSS_SELECTOR, f"label[for='request-{first}']").click()
    driver.find_element(By.CSS_SELECTOR, "label[for='verdict-approve']").click()
    driver.find_element(By.ID, "reason").send_keys("Targets and costs are sound")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/ppplus/decide'] button"))
    check("decisions have been recorded" in driver.page_source, "approving shows a notification banner")
    driver.get(base + "/ppplus")
    driver.find_element(By.CSS_SELECTOR, f"label[for='request-{second}']").click()
    driver.find_element(By.CSS_SELECTOR, "label[for='verdict-part']").click()
    driver.find_element(By.ID, "amount").send_keys("100.00")
    driver.find_element(By.ID, "reason").send_keys("Half the sessions this term")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/ppplus/decide'] button"))
    check("decisions have been recorded" in driver.page_source, "part-approving shows a notification banner")
    # And one at a journal (LA-maintained) school, so the run has a journal as well as a batch.
    driver.get(base + "/ppplus")
    journal_rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr")
                    if r.find_elements(By.CSS_SELECTOR, "input[name=request]") and "Eligible" in r.text
                    and ("Hillside Primary" in r.text or "Oakfield Community" in r.text) and "Red" not in r.text]
    check(journal_rows, "a request at a journal school to approve")
    if journal_rows:
        third = journal_rows[0].find_element(By.CSS_SELECTOR, "input[name=request]").get_attribute("value")
        driver.find_element(By.CSS_SELECTOR, f"label[for='request-{third}']").click()
        driver.find_element(By.CSS_SELECTOR, "label[for='verdict-approve']").click()
        driver.find_element(By.ID, "reason").send_keys("Tutoring linked to the reading target")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/ppplus/decide'] button"))
        recorded = "decisions have been recorded" in driver.page_source
        check(recorded, "approving a request at a journal school is recorded"
              + ("" if recorded else ": " + driver.find_element(By.TAG_NAME, "main").text[:300]))
    driver.get(base + "/ppplus?show=approved")
    check("Part-approved £100.00 by head" in driver.page_source, "the part-approval shows with who made it")
    shot(driver, "ppplus-approved.png")
    axe(driver, "PP+ requests (approved)")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    prepared = pepqa("finance", "close", "--as", "fo", *folders, stdin=PASSWORD + "\n").stdout
    check("nothing is paid or written until it is authorised" in prepared, "finance prepares a run")
    check(not glob.glob(os.path.join(out, "finance", "*")) and not glob.glob(os.path.join(out, "admin", "*")),
          "a prepared run writes nothing to the finance folders")
    number = prepared.split("proposal ")[1].split(" ")[0]
    refused = subprocess.run([PEPQA, "finance", "authorise", number, "--as", "fo", *folders], input=PASSWORD + "\n",
                             text=True, capture_output=True, cwd=ROOT)
    check(refused.returncode != 0, "finance cannot authorise (the VSH authorises; two-person rule)")
    sign_in(driver, base, "head")
    driver.get(base + "/finance")
    check(f"Authorise run {number}" in driver.page_source, "the VSH sees the prepared run to authorise")
    shot(driver, "finance.png")
    axe(driver, "finance runs")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='/finance/proposals/{number}/authorise'] button"))
    check("authorised and written" in driver.page_source, "the VSH authorises the run in the workbench")
    axe(driver, "finance runs (authorised)")
    finance = sorted(os.path.basename(f) for f in glob.glob(os.path.join(out, "finance", "*")))
    admin = sorted(os.path.basename(f) for f in glob.glob(os.path.join(out, "admin", "*")))
    check("journal-000001.csv" in finance and "payments-000001.csv" in admin, f"the run's journal and batch are written ({finance}, {admin})")
    check(not any(f.startswith(("payments-", "remittance-")) for f in finance), "the Finance team's folder holds no cheque/BACS file")
    check(all(f.startswith(("payments-", "remittance-")) for f in admin), "the Admin team's folder holds only cheque/BACS files")
    reconciliation = open(os.path.join(out, "finance", "reconciliation-000001.csv")).read().splitlines()
    check(reconciliation[-1].startswith("ALL,") and reconciliation[-1].endswith(",BALANCED"), "the reconciliation balances")
    # A payment made in error: finance finds its reference on the PP+ page and reverses it; the
    # next run, prepared and authorised as before, credits it and still balances.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    sign_in(driver, base, "fo")
    driver.get(base + "/ppplus?show=paid")
    reference = driver.page_source.split("reference S", 1)[1][:9].split(")")[0]
    reference = "S" + reference
    driver.get(base + "/finance")
    driver.find_element(By.CSS_SELECTOR, "label[for='reference']").click()
    driver.switch_to.active_element.send_keys(reference)
    driver.find_element(By.ID, "reason").send_keys("Paid in error: the child had moved school")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/finance/reverse'] button"))
    check(f"Reversal of {reference} recorded by fo" in driver.page_source, f"finance records the reversal of {reference}")
    check("Waiting for the next run" in driver.page_source, "the reversal waits for the next run")
    shot(driver, "finance-reversal.png")
    axe(driver, "finance runs (a reversal recorded)")
    prepared = pepqa("finance", "close", "--as", "fo", *folders, stdin=PASSWORD + "\n").stdout
    check("reversal (" in prepared, "the next run shows the reversal before it is authorised")
    number = prepared.split("proposal ")[1].split(" ")[0]
    pepqa("finance", "authorise", number, "--as", "head", *folders, stdin=PASSWORD + "\n")
    second = open(os.path.join(out, "finance", "reconciliation-000002.csv")).read().splitlines()
    check(second[-1].startswith("ALL,") and second[-1].endswith(",BALANCED"), "the reconciliation after the reversal balances")
    check(any(row.split(",")[6] not in ("0.00", "reversed") for row in second[1:]), "the reconciliation shows what was reversed")
    if os.environ.get("BROWSER_TEST_KEEP"):
        shutil.copytree(out, os.environ["BROWSER_TEST_KEEP"], dirs_exist_ok=True)


if __name__ == "__main__":
    main()
