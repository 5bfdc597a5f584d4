package org.grantline.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo users for trying grantline on the embedded database: one per role. Never in the postgres profile.
 * The password comes from configuration or is generated once, printed, and kept in the data folder.
 */
@Component
@ConditionalOnProperty(name = "grantline.demo-users.enabled", havingValue = "true")
class DemoUsers implements InitializingBean {

    static final List<String> GROUPS = List.of(Roles.DESIGNER, Roles.CASEWORKER, Roles.AUDITOR, Roles.APPLICANT);
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final String configuredPassword;
    private final Path credentialsFile;

    // InitialAdministrator is taken only so that it has created the role groups before demo users join them.
    DemoUsers(IdentityService identity, InitialAdministrator groupsExist, @Value("${grantline.demo-users.password:}") String configuredPassword,
              @Value("${grantline.data-dir}") Path dataDir) {
        this.identity = identity;
        this.configuredPassword = configuredPassword;
        this.credentialsFile = dataDir.resolve("demo-credentials.txt");
    }

    @Override
    public void afterPropertiesSet() {
        String password = password();
        for (String group : GROUPS) {
            String userId = "demo-" + group;
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                user = identity.newUser(userId);
                user.setFirstName("Demo");
                user.setLastName(group);
                user.setEmail(userId + "@example.invalid");
            }
            user.setPassword(password);
            identity.saveUser(user);
            if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identity.createMembership(userId, group);
            }
        }
        log.info("Demo users demo-designer, demo-caseworker, demo-auditor, demo-applicant are ready "
                + "(password: {})", configuredPassword.isBlank() ? "see " + credentialsFile : "from configuration");
    }

    private String password() {
        if (!configuredPassword.isBlank()) {
            return configuredPassword;
        }
        try {
            if (Files.exists(credentialsFile)) {
                return Files.readString(credentialsFile).lines()
                        .filter(l -> l.startsWith("password=")).findFirst()
                        .map(l -> l.substring("password=".length()).trim())
                        .orElseThrow(() -> new IllegalStateException(credentialsFile + " has no password= line"));
            }
            String generated = Passwords.generate(16);
            Files.createDirectories(credentialsFile.getParent());
            Files.writeString(credentialsFile, "# demo users: demo-designer, demo-caseworker, demo-auditor, demo-applicant\n"
                    + "password=" + generated + "\n");
            log.warn("Generated the demo users' password: {} (kept in {})", generated, credentialsFile);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
