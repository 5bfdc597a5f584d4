package org.grantline;

import org.grantline.designer.ValidateCommand;
import org.grantline.rules.EarlyRulesetCompile;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;
import java.util.Map;
import java.util.TimeZone;

@SpringBootApplication
@EnableScheduling
public class GrantlineApplication {

    public static void main(String[] args) {
        // Timestamps are stored without zone and are part of hashed records: read and write them in UTC always.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(args));
        }
        SpringApplication app = application();
        if (Arrays.asList(args).contains("replay") || Arrays.asList(args).contains("verify")) {
            // A command-line run: no web server, no job executor, and the command handles Ctrl-C itself.
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setRegisterShutdownHook(false);
            commandDefaults(Map.of("camunda.bpm.job-execution.enabled", "false",
                    "grantline.rules.deploy-on-start", "false",
                    "spring.autoconfigure.exclude",
                    "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                    "logging.level.root", "WARN"));
        }
        if (Arrays.asList(args).contains("simulate")) {
            app.setWebApplicationType(WebApplicationType.NONE);
            commandDefaults(Map.of("camunda.bpm.job-execution.enabled", "false",
                    "spring.autoconfigure.exclude",
                    "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                    "grantline.data-dir", simulationDataDir(),
                    "grantline.demo-users.enabled", "false",
                    "logging.level.root", "WARN"));
        }
        app.run(args);
    }

    /** The application as main starts it: the rules are compiled while Spring and Camunda start. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(GrantlineApplication.class);
        app.addListeners(new EarlyRulesetCompile());
        return app;
    }

    /**
     * Settings of a command-line run. As system properties they outrank application.yml (which a
     * SpringApplication's default properties do not), and options on the command line still outrank them.
     */
    private static void commandDefaults(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** A simulation runs in a database of its own: a fresh folder unless --grantline.data-dir names one. */
    private static String simulationDataDir() {
        try {
            return java.nio.file.Files.createTempDirectory("grantline-simulation-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a folder for the simulation's database", e);
        }
    }
}
