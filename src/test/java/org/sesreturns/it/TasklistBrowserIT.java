package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist in a real headless Chromium (Debian's chromium and chromedriver): a project lead fills
 * in a return through the form, has a bad value rejected, completes it; the SES lead signs it off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistBrowserIT {

  private static final String CYCLE = "2032-33-Q2";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  org.sesreturns.catalogue.Catalogue catalogue;

  @Autowired
  org.sesreturns.reminders.Deadlines deadlines;

  private WebDriver browser;
  private WebDriverWait wait;
  private Path userData;

  /**
   * The browser tests need Debian's Chromium and its driver. Without them the suite still passes
   * on a machine with only Java, and says which tests it skipped and why; CI sets
   * {@code -Dses.browser-tests.required=true}, and there a missing browser fails the build.
   */
  @org.junit.jupiter.api.BeforeAll
  static void browserInstalled() {
    String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
    String driver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    if (Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(driver))) {
      return;
    }
    String why = "the browser tests of TasklistBrowserIT need Chromium at " + chromium + " and its driver at " + driver
        + " (Debian: apt-get install chromium chromium-driver; elsewhere -Dchromium.binary=... -Dchromedriver.binary=...)";
    if (Boolean.getBoolean("ses.browser-tests.required")) {
      org.junit.jupiter.api.Assertions.fail("required but cannot run: " + why);
    }
    System.out.println("[WARNING] SKIPPED: " + why);
    org.junit.jupiter.api.Assumptions.abort("skipped: " + why);
  }

  @BeforeEach
  void browser() throws Exception {
    userData = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1600,1200", "--user-data-dir=" + userData);
    // the browser's console, read by the tests: a form that logs an error fails them
    org.openqa.selenium.logging.LoggingPreferences console = new org.openqa.selenium.logging.LoggingPreferences();
    console.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", console);
    // the driver comes from Debian's chromium-driver: nothing is downloaded
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // a page that draws itself again (the progress board after a chaser) replaces what was found
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  @AfterEach
  void close(TestInfo test) throws Exception {
    if (browser != null) {
      // what the browser showed last: the first thing to look at when a test fails
      screenshot(test.getTestMethod().orElseThrow().getName());
      browser.quit();
    }
  }

  @Test
  void leadCompletesReturnInTasklistAndSesLeadSignsItOff() {
    var started = new Rest(port).startCycle("ses.coordinator", "2032-33 Q2", "2032-10-15", "2032-11-01");
    assertThat(started.status()).as(started.body()).isEqualTo(200);

    logIn("stephanie.jukes");
    openTask("Complete KPI return: SI net zero");
    WebElement draft = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=completeReturn]")));
    wait.until(d -> draft.findElement(By.id("objective")).getText().equals("SI net zero"));
    List<WebElement> draftRows = draft.findElements(By.cssSelector("tr.kpi-row"));
    assertThat(draftRows).hasSize(2);
    // what a lead has no use for is hidden by the webapps' configuration: the end-of-life banner,
    // making a task by hand, starting a process, a task's groups, the engine's priority, and the
    // controls that would move the return's deadlines (the application's, refused by the server)
    for (String hidden : List.of(".ce-eol-banner", ".create-task-action", ".start-process-action", ".task-details .groups",
        ".tasks-list .task .priority", ".task-details .dates .reset-due-date", ".task-details .dates .reset-follow-up-date")) {
      // there, and not shown: a selector that found nothing would prove nothing
      wait.until(d -> !d.findElements(By.cssSelector(hidden)).isEmpty()
          && d.findElements(By.cssSelector(hidden)).stream().noneMatch(WebElement::isDisplayed));
    }
    // the dates are shown, and a click on them opens nothing to change them with
    WebElement due = browser.findElement(By.cssSelector(".task-details .dates .due-date"));
    assertThat(due.isDisplayed()).isTrue();
    assertThat(due.getCssValue("pointer-events")).isEqualTo("none");
    assertThat(browser.findElement(By.cssSelector(".task-details .dates .followup-date")).getCssValue("pointer-events"))
        .isEqualTo("none");
    // each field is named with its KPI for a screen reader; the due date reads as in the UK
    assertThat(draftRows.get(1).findElement(By.name("status")).getAttribute("aria-label"))
        .isEqualTo("Current status: Deliver business sustainability support to 60 Sefton");
    assertThat(draft.findElement(By.id("returnsDue")).getText()).isEqualTo("15 Oct 2032");
    accessible("form[name=completeReturn]");
    fitsALaptop(draft, "return-form-1366");

    // half the return, a wrong count and the commentary included, saved; then, in a new browser
    // session (no cookies, no storage: another machine), every entry is there as it was typed
    draftRows.get(0).findElement(By.name("achieved")).sendKeys("Plan published July 2023");
    new Select(draftRows.get(0).findElement(By.name("status"))).selectByVisibleText("Green");
    draftRows.get(1).findElement(By.name("achieved")).sendKeys("60 businesses");
    new Select(draftRows.get(1).findElement(By.name("status"))).selectByVisibleText("Amber");
    draftRows.get(1).findElement(By.name("progress")).sendKeys("Groundwork delivering support");
    new Select(draft.findElement(By.id("overallStatus"))).selectByVisibleText("Green");
    draft.findElement(By.id("commentary")).sendKeys("Support is being delivered across the borough.\n\"Quotes\" & <b>markup</b> stay text.");
    clickScrolledTo(browser.findElement(By.xpath("//button[normalize-space()='Save']")));
    wait.until(d -> draft.findElement(By.id("draftStatus")).getText().startsWith("Draft saved on "));
    // said beside Save, below the commentary, not at the top of the form out of sight
    assertThat(draft.findElement(By.id("draftStatus")).getLocation().getY())
        .isGreaterThan(draft.findElement(By.id("commentary")).getLocation().getY());
    assertThat(consoleErrors()).as("the browser console while the return was half filled in and saved").isEmpty();
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    logOut();
    logIn("stephanie.jukes");
    openTask("Complete KPI return: SI net zero");
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=completeReturn]")));
    wait.until(d -> form.findElement(By.id("draftRestored")).getText().startsWith("Your draft saved on "));
    List<WebElement> rows = form.findElements(By.cssSelector("tr.kpi-row"));
    assertThat(rows.get(0).findElement(By.name("achieved")).getAttribute("value")).isEqualTo("Plan published July 2023");
    assertThat(new Select(rows.get(0).findElement(By.name("status"))).getFirstSelectedOption().getText()).isEqualTo("Green");
    WebElement count = rows.get(1).findElement(By.name("achieved"));
    assertThat(count.getAttribute("value")).isEqualTo("60 businesses");
    assertThat(new Select(rows.get(1).findElement(By.name("status"))).getFirstSelectedOption().getText()).isEqualTo("Amber");
    assertThat(rows.get(1).findElement(By.name("progress")).getAttribute("value")).isEqualTo("Groundwork delivering support");
    assertThat(new Select(form.findElement(By.id("overallStatus"))).getFirstSelectedOption().getText()).isEqualTo("Green");
    assertThat(form.findElement(By.id("commentary")).getAttribute("value"))
        .isEqualTo("Support is being delivered across the borough.\n\"Quotes\" & <b>markup</b> stay text.");
    count.sendKeys(Keys.END, " ");

    // the bad value is rejected as typed, and the return cannot be completed
    wait.until(d -> rows.get(1).getText().contains("Enter a plain number"));
    assertThat(count.getAttribute("class")).contains("ng-invalid");
    assertThat(completeButton().isEnabled()).isFalse();

    count.clear();
    count.sendKeys("42");
    wait.until(d -> completeButton().isEnabled());
    screenshot("complete-return-form");
    clickComplete();
    confirmed("Your return for SI net zero is sent to Stephan Van Arendsen for sign-off.");
    wait.until(d -> returnStatus().equals("submitted"));
    assertThat(consoleErrors()).as("the browser console while the return was filled in and completed").isEmpty();
    assertThat(jdbc.sql("""
        select k.achieved from kpi_value k join return_submission s on s.id = k.submission_id
        join objective_return r on r.id = s.return_id where r.cycle_key = ? and r.objective_id = 'net-zero'
        order by k.position""").param(CYCLE).query(String.class).list())
        .containsExactly("Plan published July 2023", "42");
    logOut();

    // the SES lead follows the link in the message telling them the return awaits sign-off
    String link = Rest.waitFor(() -> {
      for (var message : new Rest(port).get("ses.coordinator", "/api/cycles/" + CYCLE + "/messages").json()) {
        var found = Pattern.compile("/camunda/app/tasklist/default/#/\\?task=\\S+")
            .matcher(message.get("text").asText());
        if (message.get("kind").asText().equals("awaiting-sign-off") && message.get("objective").asText().equals("net-zero")
            && found.find()) {
          return found.group();
        }
      }
      return null;
    }, "the message to the SES lead");
    logIn("stephan.vanarendsen");
    browser.get("http://localhost:" + port + link);
    WebElement signOff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signOffReturn]")));
    wait.until(d -> signOff.findElement(By.id("commentary")).getText().contains("Support is being delivered"));
    assertThat(signOff.findElements(By.cssSelector("tr.kpi-row td.achieved")).stream().map(WebElement::getText))
        .containsExactly("Plan published July 2023", "42");
    assertThat(signOff.findElement(By.id("submitted")).getText()).matches("Submitted by Stephanie Jukes on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}\\.");
    assertThat(signOff.findElements(By.id("changes"))).isEmpty();
    accessible("form[name=signOffReturn]");
    fitsALaptop(signOff, "sign-off-form-1366");
    assertThat(consoleErrors()).isEmpty();

    // sent back with a comment; the lead mends one value and the commentary
    clickScrolledTo(signOff.findElement(By.cssSelector("input[name=approved][value=no]")));
    signOff.findElement(By.id("signOffComment")).sendKeys("Please give the businesses supported to date.");
    wait.until(d -> completeButton().isEnabled());
    clickComplete();
    confirmed("The return for SI net zero is sent back to Stephanie Jukes with your comment");
    wait.until(d -> returnStatus().equals("returned"));
    Rest rest = new Rest(port);
    JsonNode again = rest.task("stephanie.jukes", CYCLE + "/net-zero");
    JsonNode mended = Rest.jsonValue(rest.formVariables("stephanie.jukes", again.get("id").asText()), "kpis");
    ((com.fasterxml.jackson.databind.node.ObjectNode) mended.get(1)).put("achieved", "45");
    assertThat(rest.complete("stephanie.jukes", again.get("id").asText(), Map.of("overallStatus", "green",
        "commentary", "Support reached 45 businesses by the end of the quarter.", "kpis", mended)).status()).isEqualTo(204);

    // the SES lead sees their earlier comment and what changed, outlined with what it said before
    browser.navigate().refresh();
    openTask("Sign off KPI return: SI net zero");
    WebElement second = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signOffReturn]")));
    wait.until(d -> second.findElement(By.id("commentary")).getText().contains("45 businesses"));
    assertThat(second.findElement(By.cssSelector("#history .history-comment")).getText())
        .isEqualTo("Please give the businesses supported to date.");
    assertThat(second.findElement(By.id("history")).getText()).contains("Version 1", "sent back by Stephan Van Arendsen");
    assertThat(second.findElement(By.id("changes")).getText()).startsWith("Changed since version 1: 1 KPI row")
        .contains("the commentary");
    List<WebElement> reviewed = second.findElements(By.cssSelector("tr.kpi-row"));
    assertThat(reviewed.get(1).getAttribute("class")).contains("changed");
    assertThat(reviewed.get(1).findElement(By.cssSelector("td.achieved")).getText()).isEqualTo("45\nwas: 42");
    assertThat(reviewed.get(0).getAttribute("class")).doesNotContain("changed");
    screenshot("sign-off-changes");
    accessible("form[name=signOffReturn]");
    clickScrolledTo(second.findElement(By.cssSelector("input[name=approved][value=yes]")));
    wait.until(d -> completeButton().isEnabled());
    clickComplete();
    confirmed("The return for SI net zero is signed off; Stephanie Jukes is told");
    wait.until(d -> returnStatus().equals("signed-off"));
    // the first message's link, followed now that its task is done: Tasklist says who did it and when
    browser.get("http://localhost:" + port + link);
    confirmed("The task does not exist anymore");
    confirmed("was completed by Stephan Van Arendsen on ");
  }

  @Test
  void coordinatorStartsReviewsAndPresentsACycleInTasklist() {
    logIn("ses.coordinator");
    browser.findElement(By.xpath("//a[contains(normalize-space(),'Start process')]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Quarterly reporting cycle']")))
        .click();
    WebElement start = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=startCycle]")));
    start.findElement(By.id("period")).sendKeys("2024-25 Q3");
    // the form shows when returns will be due, in working days after the quarter (Oct-Dec 2024) ends
    var computed = deadlines.returnsDue(org.sesreturns.catalogue.Period.parse("2024-25 Q3"), java.time.Month.APRIL);
    wait.until(d -> start.findElement(By.id("returnsDueHint")).getText().contains("Oct-Dec 2024 are due on "
        + computed.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK))));
    assertThat(start.findElement(By.id("returnsDue")).getAttribute("placeholder"))
        .isEqualTo(computed.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    // a date in UK form is read back in words; a wrong one is said to be wrong, not only turned red
    WebElement meeting = start.findElement(By.id("boardMeeting"));
    meeting.sendKeys("31/02/2025");
    wait.until(d -> start.findElement(By.id("boardMeetingRead")).getText().startsWith("Not a date yet"));
    meeting.clear();
    meeting.sendKeys("3/2/2025");
    wait.until(d -> start.findElement(By.id("boardMeetingRead")).getText().equals("Read as Monday 3 February 2025."));
    WebElement startButton = browser.findElement(By.xpath("//button[normalize-space()='Start']"));
    wait.until(d -> startButton.isEnabled());
    startButton.click();
    confirmed("2024-25 Q3 started: 11 returns issued, due "
        + computed.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)) + ".");
    wait.until(d -> jdbc.sql("select count(*) from objective_return where cycle_key = '2024-25-Q3'")
        .query(Integer.class).single() == 11);
    assertThat(jdbc.sql("select returns_due from cycle where cycle_key = '2024-25-Q3'").query(java.time.LocalDate.class)
        .single()).isEqualTo(computed);
    // every open return, each with its assignee by name, not by login id
    browser.navigate().refresh();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(),'All open returns')]"))).click();
    wait.until(d -> d.findElements(By.xpath("//*[contains(@class,'tasks-list')]//*[normalize-space()='Mike Mullin']")).size() > 0);
    assertThat(browser.findElements(By.xpath("//*[contains(@class,'tasks-list')]//*[normalize-space()='mike.mullin']")))
        .isEmpty();

    // the leads do their part over REST; this test is about the coordinator's forms
    Rest rest = new Rest(port);
    for (var objective : catalogue.objectives()) {
      String key = "2024-25-Q3/" + objective.id();
      String taskId = rest.task(objective.projectLead(), key).get("id").asText();
      var rows = Rest.filledIn(Rest.jsonValue(rest.formVariables(objective.projectLead(), taskId), "kpis"));
      assertThat(rest.complete(objective.projectLead(), taskId, java.util.Map.of("overallStatus", "green",
          "commentary", "On track", "kpis", rows)).status()).isEqualTo(204);
      String signOff = rest.task(objective.sesLead(), key).get("id").asText();
      assertThat(rest.complete(objective.sesLead(), signOff, java.util.Map.of("approved", true)).status())
          .isEqualTo(204);
    }

    openCoordinatorTask("Review board pack");
    WebElement review = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=reviewPack]")));
    wait.until(d -> review.findElement(By.id("packLink")).getAttribute("href")
        .endsWith("/api/cycles/2024-25-Q3/pack/versions/1.html"));
    assertThat(review.findElements(By.cssSelector("a.ses-download")).stream().map(a -> a.getAttribute("href")))
        .allMatch(href -> href.matches(".*/api/cycles/2024-25-Q3/pack/versions/1\\.(html|pdf|docx|xlsx)"))
        .hasSize(4);
    // the compiled pack is shown in the form itself, fetched with the coordinator's login session
    browser.switchTo().frame(review.findElement(By.cssSelector("iframe.ses-pack")));
    wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Sefton Economic Strategy Action Plan"));
    assertThat(browser.findElements(By.cssSelector("section.objective"))).hasSize(11);
    browser.switchTo().defaultContent();
    screenshot("review-pack-form");
    clickScrolledTo(review.findElement(By.cssSelector("input[name=approved][value=yes]")));
    wait.until(d -> completeButton().isEnabled());
    clickComplete();
    confirmed("Version 1 of the pack for Oct-Dec 2024 is approved: the board is sent it");
    wait.until(d -> cycleStatus().equals("presenting"));

    openCoordinatorTask("Present pack to the board");
    WebElement present = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=presentPack]")));
    WebElement held = present.findElement(By.id("boardMeetingHeld"));
    wait.until(d -> "3/2/2025".equals(held.getAttribute("value")));
    held.clear();
    held.sendKeys("2026-01-20");
    present.findElement(By.id("boardDecisions")).sendKeys("The board noted the pack.");
    wait.until(d -> completeButton().isEnabled());
    clickComplete();
    confirmed("The board meeting and its decisions are recorded with the pack for Oct-Dec 2024, and the cycle is closed.");
    wait.until(d -> cycleStatus().equals("closed"));
    assertThat(jdbc.sql("select board_decisions from cycle where cycle_key = '2024-25-Q3'").query(String.class).single())
        .isEqualTo("The board noted the pack.");

    // the form's link opens the pack in the same browser, with the Tasklist login (no second password)
    browser.get("http://localhost:" + port + "/api/cycles/2024-25-Q3/pack");
    wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Sefton Economic Strategy Action Plan"));
    assertThat(browser.findElements(By.cssSelector("section.objective"))).hasSize(11);
  }

  @Test
  void theBoardReadsThePacksWhereItLogsIn() {
    var started = new Rest(port).startCycle("ses.coordinator", "2036-37 Q2", "2036-10-15", "2036-11-01");
    assertThat(started.status()).as(started.body()).isEqualTo(200);

    // a board member logs in on the welcome page and is taken to the Board packs page
    logIn("board.member", "/camunda/app/welcome/default/");
    wait.until(ExpectedConditions.urlContains("/packs/"));
    WebElement cycle = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cycle-2036-37-Q2")));
    assertThat(cycle.findElement(By.tagName("h2")).getText()).isEqualTo("Jul-Sep 2036 (2036-37 Q2)");
    assertThat(cycle.getText()).contains("Returns are being collected: the pack is a draft.");
    // a way home from the page
    assertThat(browser.findElement(By.cssSelector("header nav a")).getAttribute("href"))
        .endsWith("/camunda/app/welcome/default/");
    screenshot("board-packs");
    // the PDF downloads with the same login: no second password
    String pdf = cycle.findElement(By.cssSelector("a.download-pdf")).getAttribute("href");
    assertThat(pdf).endsWith("/api/cycles/2036-37-Q2/pack.pdf");
    assertThat(fetched(pdf)).isEqualTo("200 application/pdf");
    // and a way out: the page logs the session out and goes to the login
    String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
    assertThat(withSession(session, "/api/packs")).isEqualTo(200);
    browser.findElement(By.id("log-out")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder=Username]")));
    // the session is ended on the server, not only forgotten by the browser: a copy of its cookie
    // reads neither the packs nor the PDF
    assertThat(withSession(session, "/api/packs")).isEqualTo(401);
    assertThat(withSession(session, "/api/cycles/2036-37-Q2/pack.pdf")).isEqualTo(401);
    browser.get("http://localhost:" + port + "/packs/");
    wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Log in to read the packs"));
    assertThat(browser.findElement(By.id("log-out")).isDisplayed()).isFalse();

    // a project lead who is no SES lead reads no pack
    logIn("mike.mullin", "/camunda/app/welcome/default/");
    wait.until(d -> d.getPageSource().contains("Board packs"));
    // the welcome page names the product, not Camunda; outside demo mode it lists no demo logins
    wait.until(d -> d.getTitle().contains("ses-returns"));
    assertThat(browser.findElements(By.cssSelector(".ses-demo-notice"))).isEmpty();
    browser.get("http://localhost:" + port + "/packs/");
    wait.until(d -> d.findElement(By.id("status")).getText().contains("Only coordinators, SES leads and the board read packs"));
    assertThat(fetched("http://localhost:" + port + "/api/cycles/2036-37-Q2/pack.pdf")).startsWith("403");
    assertThat(fetched("http://localhost:" + port + "/api/packs")).startsWith("403");
  }

  /** The status of a GET sent with a copy of a browser's session cookie, as another client holding it would. */
  private int withSession(String sessionId, String path) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + port + path)).header("Cookie", "JSESSIONID=" + sessionId).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fetches a link in the browser, with its cookies, as a click on it would: the status and the type. */
  private String fetched(String url) {
    return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
            + "  done(r.status + ' ' + (r.headers.get('content-type') || '')); });", url);
  }

  @Test
  void coordinatorFollowsTheCycleInCockpit() {
    var started = new Rest(port).startCycle("ses.coordinator", "2035-36 Q1", "2035-07-15", "2035-08-01");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();

    logIn("ses.coordinator", "/camunda/app/cockpit/default/");
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
    // the cycle's diagram and its business key; it waits for its returns once it has issued them
    wait.until(d -> d.getPageSource().contains("2035-36-Q1"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-element-id=receiveTask_awaitReturns]")));
    // its returns, on the progress board beside the diagram
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Returns progress'][not(contains(@href, 'returns-progress'))]"))).click();
    wait.until(d -> d.findElements(By.cssSelector("#ses-progress-board tr.ses-return")).size() == 11);
    screenshot("cockpit-quarterly-cycle");
    // each return is an instance of its own, found by its business key
    String returnInstance = Rest.waitFor(() -> {
      var found = new Rest(port).get("admin", "/engine-rest/process-instance?maxResults=10&businessKey=2035-36-Q1%2Fbusiness-growth")
          .json();
      return found.size() == 1 ? found.get(0).get("id").asText() : null;
    }, "the business growth return's instance");
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + returnInstance + "/runtime");
    wait.until(d -> d.getPageSource().contains("2035-36-Q1/business-growth"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-element-id=userTask_completeReturn]")));
  }

  @Test
  void coordinatorFollowsEveryReturnOnTheProgressBoardInCockpitDuringTheCycleAndAfterIt() {
    Rest rest = new Rest(port);
    // a cycle whose returns were due months ago: one signed off, one awaiting sign-off, nine overdue
    var started = rest.startCycle("ses.coordinator", "2025-26 Q1", "2025-07-15", "2025-08-01");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String cycle = "2025-26-Q1";
    String instance = started.json().get("id").asText();
    var signedOff = catalogue.objectives().get(0);
    var awaiting = catalogue.objectives().get(1);
    for (var objective : List.of(signedOff, awaiting)) {
      JsonNode task = rest.task(objective.projectLead(), cycle + "/" + objective.id());
      JsonNode kpis = Rest.jsonValue(rest.formVariables(objective.projectLead(), task.get("id").asText()), "kpis");
      assertThat(rest.complete(objective.projectLead(), task.get("id").asText(), Map.of("overallStatus", "green",
          "commentary", "On track", "kpis", Rest.filledIn(kpis))).status()).isEqualTo(204);
    }
    JsonNode signOff = rest.task(signedOff.sesLead(), cycle + "/" + signedOff.id());
    assertThat(rest.complete(signedOff.sesLead(), signOff.get("id").asText(), Map.of("approved", true)).status()).isEqualTo(204);

    // the cycle's instance in Cockpit has the board as a tab: every return, the overdue ones first
    logIn("ses.coordinator", "/camunda/app/cockpit/default/");
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Returns progress'][not(contains(@href, 'returns-progress'))]"))).click();
    wait.until(d -> d.findElements(By.cssSelector("#ses-progress-board tr.ses-return")).size() == 11);
    List<WebElement> rows = browser.findElements(By.cssSelector("#ses-progress-board tr.ses-return"));
    assertThat(rows.get(0).findElement(By.cssSelector(".ses-state")).getText()).as(rows.get(0).getText()).isEqualTo("Overdue");
    assertThat(Integer.parseInt(rows.get(0).findElement(By.cssSelector(".ses-overdue-days")).getText())).isGreaterThan(60);
    assertThat(rows.subList(0, 9)).allSatisfy(row -> assertThat(row.getAttribute("class")).contains("ses-overdue"));
    assertThat(rows.get(9).getAttribute("data-objective")).isEqualTo(awaiting.id());
    assertThat(rows.get(9).findElement(By.cssSelector(".ses-state")).getText()).isEqualTo("Awaiting sign-off");
    assertThat(rows.get(10).getAttribute("data-objective")).isEqualTo(signedOff.id());
    assertThat(rows.get(10).findElement(By.cssSelector(".ses-state")).getText()).isEqualTo("Signed off");
    assertThat(rows.get(10).getText()).contains(catalogue.person(signedOff.projectLead()).name(),
        catalogue.person(signedOff.sesLead()).name(), catalogue.person(signedOff.sesLead()).name() + " signed off");
    assertThat(browser.findElement(By.cssSelector("#ses-progress-board .ses-counts")).getText())
        .contains("Overdue: 9", "Awaiting sign-off: 1", "Signed off: 1");
    // and on its own page, the first entry of Cockpit's top navigation, the cycle chosen from the list
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ses-progress-board")));
    // the dashboard's first section, above the engine's "Right now" of running instances
    WebElement engineSection = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard section.actual")));
    assertThat(browser.findElement(By.cssSelector("#ses-progress-board")).getRect().getY())
        .as("the progress board above the engine's sections").isLessThan(engineSection.getRect().getY());
    List<String> navigation = browser.findElements(By.cssSelector("[cam-widget-header] a, .cam-widget-header a")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText)
        .filter(List.of("Returns progress", "Processes", "Decisions", "Human Tasks")::contains).toList();
    assertThat(navigation).as("Cockpit's top navigation").startsWith("Returns progress", "Processes");
    browser.findElement(By.linkText("Returns progress")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("#/returns-progress"));
    new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ses-progress-board select.ses-cycle"))))
        .selectByValue(cycle);
    wait.until(d -> d.findElement(By.cssSelector("#ses-progress-board h2")).getText().contains("Apr-Jun 2025")
        && d.findElements(By.cssSelector("#ses-progress-board tr.ses-return")).size() == 11);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "document.getElementById('ses-progress-board').scrollIntoView({block: 'start'});");
    screenshot("cockpit-progress-board");
    accessible("#ses-progress-board");
    rows = browser.findElements(By.cssSelector("#ses-progress-board tr.ses-return"));

    // one lead chased from the board: the message goes out through the return's process
    WebElement first = rows.get(0);
    String chasedObjective = first.getAttribute("data-objective");
    first.findElement(By.cssSelector("button.ses-chase")).click();
    wait.until(d -> d.findElement(By.cssSelector("#ses-progress-board .ses-status")).getText().contains("will be chased"));
    Rest.waitFor(() -> {
      for (JsonNode m : rest.get("ses.coordinator", "/api/cycles/" + cycle + "/messages").json()) {
        if (m.get("kind").asText().equals("return-chased") && m.get("objective").asText().equals(chasedObjective)) {
          return true;
        }
      }
      return null;
    }, "the chaser");

    // the cycle is closed without the missing returns, decided in Tasklist; the board still reads it,
    // from the dashboard
    String boardPage = browser.getCurrentUrl();
    JsonNode decision = rest.task("ses.coordinator", cycle, "userTask_compileWithoutMissing");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + decision.get("id").asText());
    // offered to the coordinators' group: claimed first, as in Tasklist's list
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Claim']"))).click();
    WebElement decide = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=compileWithoutMissing]")));
    wait.until(d -> decide.findElements(By.cssSelector("tbody tr")).size() == 10);
    decide.findElement(By.id("compileReason")).sendKeys("Board cannot wait");
    wait.until(d -> completeButton().isEnabled());
    clickComplete();
    confirmed("The pack for Apr-Jun 2025 is being compiled without 10 returns, each marked \"Return not received\"");
    JsonNode review = rest.task("ses.coordinator", cycle, "userTask_reviewPack");
    // recorded, with who decided it
    assertThat(jdbc.sql("select compile_without_by || ': ' || compile_without_reason from cycle where cycle_key = ?")
        .param(cycle).query(String.class).single()).isEqualTo("ses.coordinator: Board cannot wait");
    // compiled without them, the returns not signed off go on as late returns: Late, and first
    browser.get(boardPage);
    new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ses-progress-board select.ses-cycle"))))
        .selectByValue(cycle);
    wait.until(d -> d.findElement(By.cssSelector("#ses-progress-board .ses-counts")).getText().contains("Late: 10"));
    rows = browser.findElements(By.cssSelector("#ses-progress-board tr.ses-return"));
    assertThat(rows.subList(0, 10)).allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".ses-state")).getText())
        .isEqualTo("Late"));
    assertThat(rows.get(10).findElement(By.cssSelector(".ses-state")).getText()).isEqualTo("Signed off");
    assertThat(rest.complete("ses.coordinator", review.get("id").asText(), Map.of("packApproved", true)).status()).isEqualTo(204);
    JsonNode present = rest.task("ses.coordinator", cycle, "userTask_presentPack");
    assertThat(rest.complete("ses.coordinator", present.get("id").asText(), Map.of("boardMeetingHeld", "2025-08-01",
        "boardDecisions", "Noted")).status()).isEqualTo(204);
    browser.navigate().refresh();
    WebElement select = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ses-progress-board select.ses-cycle")));
    new Select(select).selectByValue(cycle);
    wait.until(d -> d.findElement(By.cssSelector("#ses-progress-board h2")).getText().contains("Apr-Jun 2025"));
    wait.until(d -> d.findElements(By.cssSelector("#ses-progress-board tr.ses-return")).size() == 11);
    rows = browser.findElements(By.cssSelector("#ses-progress-board tr.ses-return"));
    // what the cycle went without comes first
    assertThat(rows.get(10).findElement(By.cssSelector(".ses-state")).getText()).isEqualTo("Signed off");
    assertThat(rows.get(9).findElement(By.cssSelector(".ses-state")).getText()).isEqualTo("Submitted, not signed off");
    assertThat(rows.subList(0, 9)).allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".ses-state")).getText())
        .isEqualTo("Not received"));
    assertThat(browser.findElements(By.cssSelector("#ses-progress-board button.ses-chase"))).isEmpty();
    logOut();

    // leads do not see it
    assertThat(rest.get(signedOff.projectLead(), "/api/progress/" + cycle).status()).isEqualTo(403);
    assertThat(rest.get(signedOff.sesLead(), "/api/progress").status()).isEqualTo(403);
  }

  /**
   * axe-core's WCAG 2.1 A and AA checks of one part of the page (the application's own: Camunda's
   * pages around it are Camunda's), none serious or critical allowed; the report names each.
   */
  private void accessible(String selector) {
    com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
        .include(selector)
        .analyze(browser);
    List<String> serious = results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
            .map(node -> String.valueOf(node.getTarget())).toList())
        .toList();
    assertThat(serious).as("axe-core on " + selector).isEmpty();
  }

  /** What the page logged at the console as errors since it was last read (AngularJS's errors included). */
  private List<String> consoleErrors() {
    return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(entry -> entry.getLevel() + " " + entry.getMessage())
        .toList();
  }

  private String cycleStatus() {
    return jdbc.sql("select status from cycle where cycle_key = '2024-25-Q3'").query(String.class).single();
  }

  @Test
  void aPercentageOver100IsRefusedAsItIsTyped() {
    assertThat(new Rest(port).startCycle("ses.coordinator", "2037-38 Q1", "2037-07-15", "2037-08-01").status()).isEqualTo(200);
    logIn("claire.maguire");
    openTask("Complete KPI return: Employment and Opportunities for work");
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=completeReturn]")));
    wait.until(d -> form.findElements(By.cssSelector("tr.kpi-row")).size() > 2);
    WebElement row = form.findElement(By.cssSelector("tr.kpi-row[data-kpi=expenditure-verified]"));
    WebElement achieved = row.findElement(By.name("achieved"));
    achieved.sendKeys("140");
    // refused beside the field as it is typed, in the words of the rule; Complete stays disabled
    wait.until(d -> row.getText().contains("Enter a number from 0 to 100 (no % sign) or n/a."));
    assertThat(achieved.getAttribute("class")).contains("ng-invalid");
    assertThat(completeButton().isEnabled()).isFalse();
    achieved.clear();
    achieved.sendKeys("100");
    wait.until(d -> !row.getText().contains("Enter a number"));
    assertThat(achieved.getAttribute("class")).contains("ng-valid");
    assertThat(consoleErrors()).isEmpty();
  }

  /** Coordinators' tasks are offered to their group: open the filter, the task, and claim it. */
  private void openCoordinatorTask(String name) {
    browser.navigate().refresh();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(),'Coordinator tasks')]")))
        .click();
    openTask(name);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Claim']"))).click();
  }

  /**
   * A return's form (the lead's, the SES lead's) on a 1366 px laptop screen, Tasklist's three
   * columns open: every column of the KPI table ends inside the window and inside the task's pane
   * (nothing to scroll sideways for), and every list shows its longest choice whole ("Choose…", not
   * "Choose.").
   */
  private void fitsALaptop(WebElement form, String screenshot) {
    var window = browser.manage().window();
    var before = window.getSize();
    window.setSize(new org.openqa.selenium.Dimension(1366, 768));
    try {
      var js = (org.openqa.selenium.JavascriptExecutor) browser;
      wait.until(d -> ((Number) js.executeScript("return window.innerWidth")).intValue() <= 1366);
      double viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).doubleValue();
      // the task's pane: the nearest box around the form that clips or scrolls what overflows it
      double pane = ((Number) js.executeScript("let e = arguments[0].parentElement;"
          + " while (e && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX)) { e = e.parentElement; }"
          + " return (e || document.documentElement).getBoundingClientRect().right;", form)).doubleValue();
      for (WebElement column : form.findElements(By.cssSelector("table.kpis thead th"))) {
        double right = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().right", column)).doubleValue();
        assertThat(right).as("right edge of the column '" + column.getText() + "' at 1366 px").isLessThanOrEqualTo(viewport)
            .isLessThanOrEqualTo(pane + 1);
      }
      for (WebElement list : form.findElements(By.cssSelector("select"))) {
        // the room a list has for its words, less the longest of them, as the browser measures text
        double room = ((Number) js.executeScript("const s = arguments[0], cs = getComputedStyle(s);"
            + " const c = document.createElement('canvas').getContext('2d'); c.font = cs.font;"
            + " const widest = Math.max(...Array.from(s.options).map(o => c.measureText(o.text).width));"
            + " return s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16 - widest;", list))
            .doubleValue();
        assertThat(room).as("room left in the list " + list.getAttribute("aria-label") + list.getAttribute("id") + " at 1366 px")
            .isGreaterThanOrEqualTo(0);
      }
      screenshot(screenshot);
    } finally {
      window.setSize(before);
    }
  }

  /** What the person is told where they did it: Tasklist's notice at the top of the page. */
  private void confirmed(String words) {
    By notices = By.cssSelector(".notifications .alert");
    try {
      wait.until(d -> d.findElements(notices).stream().anyMatch(n -> n.isDisplayed() && n.getText().contains(words)));
    } catch (org.openqa.selenium.TimeoutException notSaid) {
      screenshot("not-said");
      throw new AssertionError("not said: " + words + "; the notices say: "
          + browser.findElements(notices).stream().map(WebElement::getText).toList() + "; the console: " + consoleErrors(), notSaid);
    }
  }

  private void screenshot(String name) {
    try {
      Path shots = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(shots.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String returnStatus() {
    return jdbc.sql("select status from objective_return where cycle_key = ? and objective_id = 'net-zero'")
        .param(CYCLE).query(String.class).single();
  }

  private void logIn(String user) {
    logIn(user, "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters, [cam-tasklist-filters]")));
  }

  private void logIn(String user, String app) {
    // on a loaded machine the login page can show its fields before its script is bound to them,
    // and what was typed then is lost: the page is loaded again and the login typed again
    for (int attempt = 1; ; attempt++) {
      browser.get("http://localhost:" + port + app);
      WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder=Username]")));
      name.sendKeys(user);
      browser.findElement(By.cssSelector("input[type=password]")).sendKeys(Rest.PASSWORD);
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      // the welcome page navigates on to the board packs page as soon as the login is through, so an
      // element found a moment ago may already belong to a page that is gone: ask again until the
      // password field is no longer shown on the page the browser holds now
      try {
        new WebDriverWait(browser, Duration.ofSeconds(attempt < 3 ? 15 : 30)).until(d -> {
          try {
            return d.findElements(By.cssSelector("input[type=password]")).stream().noneMatch(WebElement::isDisplayed);
          } catch (org.openqa.selenium.WebDriverException navigatedAway) {
            return false;
          }
        });
        break;
      } catch (org.openqa.selenium.TimeoutException stillOnTheLoginPage) {
        if (attempt == 3) {
          throw stillOnTheLoginPage;
        }
      }
    }
    // the login page asked who is logged in before anyone was, and Camunda's first-visit box asked
    // for a page this application does not have: both once logged 404s here, at every login
    assertThat(consoleErrors()).as("the browser console on the login page of " + app).isEmpty();
  }

  private void openTask(String name) {
    WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'tasks-list')]//a[starts-with(normalize-space(),'" + name + "')]")));
    task.click();
  }

  private WebElement completeButton() {
    return browser.findElement(By.xpath("//button[normalize-space()='Complete']"));
  }

  /** Scrolls to the button first, as a user would: Tasklist's footer may cover it. */
  private void clickComplete() {
    clickScrolledTo(completeButton());
  }

  private void clickScrolledTo(WebElement button) {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
  }

  private void logOut() {
    browser.manage().deleteAllCookies();
  }
}
