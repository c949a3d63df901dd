package dev.chainrule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.chainrule.support.Browser;
import dev.chainrule.support.ServiceProcess;

/**
 * The page at {@code /} in a real browser against the packaged jar: a job started from the page
 * (upload, model, options), its loss curve growing without a reload, a second job cancelled from
 * the page, the compare view; screenshots go to {@code target/screenshots}, and any error in the
 * browser's console fails the test.
 */
class WebPageIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void aLearnerStartsWatchesCancelsAndComparesJobsFromThePage() throws Exception {
        Browser.requireInstalled();
        String jar = System.getProperty("chainrule.jar");
        assertThat(jar).as("system property chainrule.jar (set by the failsafe configuration)").isNotBlank();
        try (ServiceProcess service = ServiceProcess.start("page", Path.of(jar), workDir, Map.of(),
                List.of("--chainrule.data-dir=" + workDir.resolve("data"), "--chainrule.runner.concurrency=1"));
             Browser browser = Browser.start(workDir.resolve("profile"), 1360, 1100)) {
            service.awaitHealthy(Duration.ofMinutes(4));
            WebDriver page = browser.driver();
            String base = service.baseUrl();

            // 0. The page asks for a key before it calls the API.
            page.get(base + "/#/new");
            browser.await("the key form", Duration.ofSeconds(30), () -> page.findElement(By.id("api-key")).isDisplayed());
            page.findElement(By.id("api-key")).sendKeys(service.adminKey());
            page.findElement(By.id("use-key")).click();

            // 1. Upload a dataset and start a long job from the form.
            browser.await("the model box to be validated", Duration.ofSeconds(30),
                    () -> page.findElement(By.id("model-json-error")).getText().contains("valid"));
            page.findElement(By.id("dataset-file")).sendKeys(Path.of("examples/datasets/iris.csv").toAbsolutePath().toString());
            type(page, "opt-epochs", "5000");
            type(page, "opt-batchSize", "1");
            page.findElement(By.id("start-job")).click();
            browser.await("the new job's page", Duration.ofSeconds(30),
                    () -> page.getCurrentUrl().matches(".*#/jobs/[0-9a-f-]{36}$"));
            String first = jobId(page);

            // 2. Its loss curve gains points while it trains, without a reload.
            browser.await("the first epochs on the loss curve", Duration.ofSeconds(90), () -> points(page) >= 2);
            int before = points(page);
            browser.await("more epochs on the loss curve", Duration.ofSeconds(60), () -> points(page) > before);
            // The heading is drawn anew on every status event: read it until it holds still.
            browser.await("the job's badge to say running", Duration.ofSeconds(10),
                    () -> page.findElement(By.cssSelector("h1 .badge")).getText().equals("running"));
            assertThat(page.getCurrentUrl()).endsWith("#/jobs/" + first);
            browser.screenshot(SCREENSHOTS.resolve("job-running.png"));

            // 3. A second job waits behind the first (one runner slot) and is cancelled from its page.
            page.get(base + "/#/new");
            browser.await("the stored dataset option", Duration.ofSeconds(30),
                    () -> page.findElement(By.cssSelector("input[value=stored]")).isEnabled());
            page.findElement(By.cssSelector("input[value=stored]")).click();
            type(page, "opt-epochs", "30");
            page.findElement(By.id("start-job")).click();
            browser.await("the second job's page", Duration.ofSeconds(30),
                    () -> page.getCurrentUrl().matches(".*#/jobs/[0-9a-f-]{36}$") && !jobId(page).equals(first));
            browser.await("the cancel button", Duration.ofSeconds(30), () -> page.findElement(By.id("cancel-job")).isDisplayed());
            page.findElement(By.id("cancel-job")).click();
            browser.await("the second job to show cancelled", Duration.ofSeconds(30),
                    () -> page.findElement(By.cssSelector("h1 .badge")).getText().equals("cancelled"));
            browser.screenshot(SCREENSHOTS.resolve("job-cancelled.png"));

            // The first job is cancelled too, keeping the epochs it trained.
            page.get(base + "/#/jobs/" + first);
            browser.await("the first job's cancel button", Duration.ofSeconds(30),
                    () -> page.findElement(By.id("cancel-job")).isDisplayed());
            page.findElement(By.id("cancel-job")).click();
            browser.await("the first job to show cancelled", Duration.ofSeconds(30),
                    () -> page.findElement(By.cssSelector("h1 .badge")).getText().equals("cancelled"));

            // 4. A short third job, then the compare view of the first and the third from the list.
            page.get(base + "/#/new");
            browser.await("the stored dataset option", Duration.ofSeconds(30),
                    () -> page.findElement(By.cssSelector("input[value=stored]")).isEnabled());
            page.findElement(By.cssSelector("input[value=stored]")).click();
            type(page, "opt-epochs", "25");
            page.findElement(By.id("opt-optimizer")).sendKeys("sgd");
            type(page, "opt-learningRate", "0.05");
            page.findElement(By.id("start-job")).click();
            browser.await("the third job's page", Duration.ofSeconds(30),
                    () -> page.getCurrentUrl().matches(".*#/jobs/[0-9a-f-]{36}$") && !jobId(page).equals(first));
            String third = jobId(page);
            browser.await("the third job to succeed", Duration.ofSeconds(120),
                    () -> page.findElement(By.cssSelector("h1 .badge")).getText().equals("succeeded"));
            assertThat(points(page)).isEqualTo(25);
            // The gradient norms arrive with the epoch events (their layers), drawn at most every 1.5 s.
            browser.await("every epoch's gradient norms", Duration.ofSeconds(30),
                    () -> "25".equals(page.findElement(By.id("gradient-chart")).getDomAttribute("data-epochs")));
            // The chart is redrawn at most every 1.5 s, so its last epochs may be drawn after they arrive.
            browser.await("a gradient-norm line per layer", Duration.ofSeconds(30),
                    () -> page.findElements(By.cssSelector("#gradient-chart path.line")).size() == 2);
            browser.screenshot(SCREENSHOTS.resolve("job-succeeded.png"));

            page.get(base + "/#/jobs");
            browser.await("the jobs list", Duration.ofSeconds(30),
                    () -> page.findElements(By.cssSelector("tr[data-job]")).size() == 3);
            for (String id : List.of(first, third)) {
                // The list refreshes every two seconds: a row may be replaced between finding and clicking.
                By box = By.cssSelector("tr[data-job='" + id + "'] input");
                browser.await("job " + id + " selected", Duration.ofSeconds(10), () -> {
                    if (!page.findElement(box).isSelected()) {
                        page.findElement(box).click();
                    }
                    return page.findElement(box).isSelected();
                });
            }
            browser.screenshot(SCREENSHOTS.resolve("jobs.png"));
            page.findElement(By.xpath("//button[text()='Compare selected']")).click();
            browser.await("both jobs' curves on one chart", Duration.ofSeconds(30),
                    () -> page.findElements(By.cssSelector("#compare-loss path.line")).size() == 4);
            for (WebElement line : page.findElements(By.cssSelector("#compare-loss path.line"))) {
                assertThat(Integer.parseInt(line.getDomAttribute("data-points"))).isPositive();
            }
            browser.screenshot(SCREENSHOTS.resolve("compare.png"));

            // 5. An unknown job's page says so.
            page.get(base + "/#/jobs/not-a-job");
            browser.await("the unknown-job message", Duration.ofSeconds(30),
                    () -> page.findElement(By.cssSelector(".message.error")).getText().contains("not-a-job"));

            // 6. No error in the console, but the refusal the unknown id asked for.
            assertThat(browser.consoleErrors()).as("browser console: %s", browser.console())
                    .allMatch(e -> e.contains("/api/v1/jobs/not-a-job") && e.contains("400"));
        }
    }

    private static void type(WebDriver page, String id, String value) {
        WebElement input = page.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static String jobId(WebDriver page) {
        String url = page.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static int points(WebDriver page) {
        String points = page.findElement(By.id("loss-chart")).getDomAttribute("data-points");
        return points == null ? 0 : Integer.parseInt(points);
    }
}
