package org.grantline.browser;

import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console and Camunda Tasklist in real headless Chromium: each role signs in and sees its own pages, an
 * auditor follows an application and replays its eligibility decision, the dashboard shows the round's funnel,
 * and a caseworker completes a review in Tasklist. Screenshots of the main pages go to target/screenshots.
 */
class ConsoleInBrowserIT extends GrantlineIT {

    @LocalServerPort
    int port;
    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;
    Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void start() {
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void eachRoleSignsInAndSeesOnlyItsOwnPages() {
        browser.open("/login");
        browser.screenshot("sign-in");
        Map<String, List<String>> menus = Map.of(
                "demo-caseworker", List.of("Applications", "Dashboard", "Tasklist"),
                "demo-auditor", List.of("Applications", "Dashboard", "Audit"),
                "demo-designer", List.of("Applications", "Dashboard", "Audit", "Rules"));
        for (var role : menus.entrySet()) {
            browser.signIn(role.getKey(), PASSWORD);
            assertThat(browser.driver.getCurrentUrl()).as(role.getKey()).endsWith("/console/applications");
            List<String> menu = browser.driver.findElements(By.cssSelector(".govuk-header__navigation-item a")).stream()
                    .map(WebElement::getText).toList();
            assertThat(menu).as(role.getKey()).containsExactlyElementsOf(role.getValue());
            browser.open("/console/audit");
            assertThat(browser.text().contains("The chain is intact")).as(role.getKey() + " sees the audit page")
                    .isEqualTo(!role.getKey().equals("demo-caseworker"));
            browser.signOut();
        }
        browser.signIn("demo-applicant", PASSWORD);
        browser.open("/console/applications");
        assertThat(browser.text()).as("an applicant has no console").doesNotContain("Lead organisation").contains("403");
    }

    @Test
    void anAuditorFollowsAnApplicationAndReplaysItsEligibilityDecision() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("browser"));
        String lead = drive.row(id).leadName();

        browser.signIn("demo-auditor", PASSWORD);
        browser.open("/console/applications");
        new Select(browser.find(By.id("round"))).selectByValue("OP-2014");
        new Select(browser.find(By.id("openTask"))).selectByVisibleText("Review application");
        browser.find(By.cssSelector("form.app-filters button")).click();
        browser.screenshot("applications");
        browser.find(By.linkText(lead)).click();

        assertThat(browser.find(By.id("stage")).getText()).isEqualTo("REVIEW");
        assertThat(browser.find(By.id("current-steps")).getText()).isEqualTo("Now at: Review application");
        assertThat(browser.driver.findElements(By.cssSelector("svg.app-diagram .app-diagram__current"))).isNotEmpty();
        assertThat(browser.find(By.id("timeline")).getText()).contains("Decision eligibility: eligible");
        browser.screenshot("application");

        browser.find(By.linkText("replay and details")).click();
        assertThat(browser.find(By.id("outcome")).getText()).isEqualTo("ELIGIBLE");
        browser.find(By.id("replay-button")).click();
        assertThat(browser.find(By.id("replay-result")).getText()).contains("Match");
        WebElement firstResult = browser.find(By.id("replay-result"));
        new Select(browser.find(By.id("replay"))).selectByValue("current");
        browser.find(By.id("replay-button")).click();
        browser.waitFor(ExpectedConditions.stalenessOf(firstResult));
        assertThat(browser.find(By.id("replay-result")).getText()).contains("Match").contains("the same outcome");
        browser.screenshot("decision-replay");
    }

    @Test
    void theDashboardShowsTheRoundsFunnelAndMoney() {
        Lifecycle.on("2014-02-10");
        drive.submit(Lifecycle.goodApplicationJson("dashboard"));
        long applications = jdbc.sql("select count(*) from application where round_code = 'OP-2014'")
                .query(Long.class).single();
        browser.signIn("demo-caseworker", PASSWORD);
        browser.open("/console/dashboard?round=OP-2014");
        List<WebElement> rows = browser.find(By.id("funnel")).findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).findElement(By.cssSelector("td")).getText()).isEqualTo(Long.toString(applications));
        assertThat(browser.driver.findElements(By.cssSelector("svg.app-funnel rect.app-funnel__bar"))).isNotEmpty();
        assertThat(browser.find(By.id("money")).getText()).contains("£3,500,000.00");
        browser.screenshot("dashboard");
    }

    @Test
    void aDesignerValidatesTheServersRulesAndComparesVersions() {
        browser.signIn("demo-designer", PASSWORD);
        browser.open("/console/rules");
        browser.find(By.id("validate")).click();
        assertThat(browser.find(By.id("validation-report")).getText()).contains("are valid").contains("none failed");
        new Select(browser.find(By.id("from"))).selectByIndex(0);
        new Select(browser.find(By.id("to"))).selectByIndex(0);
        browser.find(By.id("compare")).click();
        assertThat(browser.find(By.id("diff")).getText()).contains("the same files");
        browser.screenshot("rules");
    }

    @Test
    void aCaseworkerCompletesAReviewInTasklist() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("tasklist"));
        String task = drive.task(id, "Task_ReviewApplication").getId();

        browser.open("/camunda/app/tasklist/default/");
        browser.find(By.cssSelector("input[ng-model='username']")).sendKeys("demo-caseworker");
        browser.driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        browser.driver.findElement(By.cssSelector("button[type='submit']")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list, .task-filters")));
        browser.open("/camunda/app/tasklist/default/#/?task=" + task);
        browser.find(By.cssSelector("input[cam-variable-name='approved']"));
        assertThat(browser.text()).contains("Review application").contains("Priority score").contains("Partners");
        By applicant = By.cssSelector("input[cam-variable-name='caseApplicant']");
        try {
            browser.waitFor(driver -> !driver.findElement(applicant).getAttribute("value").isEmpty());
        } finally {
            browser.screenshot("tasklist-brief");
        }
        assertThat(browser.driver.findElement(applicant).getAttribute("value")).isEqualTo(drive.row(id).leadName() + " (VCS_BODY)");
        // a task offered to the caseworkers' group is claimed before it can be worked
        browser.find(By.xpath("//*[(self::a or self::button) and normalize-space()='Claim']")).click();
        WebElement offer = browser.waitFor(ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[cam-variable-name='approved']")));
        browser.screenshot("tasklist-review");
        offer.click();
        browser.find(By.xpath("//button[normalize-space()='Complete']")).click();
        try {
            browser.waitFor(driver -> "GETTING_READY".equals(drive.stage(id)));
        } finally {
            browser.screenshot("tasklist-completed");
        }
        assertThat(drive.tranches(id)).containsExactly("GETTING_READY 1 3000.00 PAYABLE");
    }
}
