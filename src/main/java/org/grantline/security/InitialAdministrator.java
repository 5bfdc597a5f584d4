package org.grantline.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Every installation needs someone who can create users: on a database with no administrator, the role
 * groups and one administrator are created. The password comes from {@code grantline.admin.password}
 * or is generated and printed once; none is written in the repository.
 */
@Component
class InitialAdministrator implements InitializingBean {

    static final String ADMIN_GROUP = "camunda-admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final IdentityService identity;
    private final String userId;
    private final String configuredPassword;

    InitialAdministrator(IdentityService identity, @Value("${grantline.admin.user:admin}") String userId,
                         @Value("${grantline.admin.password:}") String configuredPassword) {
        this.identity = identity;
        this.userId = userId;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> groups = new ArrayList<>(List.of(ADMIN_GROUP));
        groups.addAll(DemoUsers.GROUPS);
        for (String id : groups) {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group group = identity.newGroup(id);
                group.setName(id.equals(ADMIN_GROUP) ? "Administrators"
                        : Character.toUpperCase(id.charAt(0)) + id.substring(1) + "s");
                group.setType(id.equals(ADMIN_GROUP) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
        }
        if (identity.createUserQuery().memberOfGroup(ADMIN_GROUP).count() > 0) {
            return;
        }
        String password = configuredPassword.isBlank() ? Passwords.generate(20) : configuredPassword;
        User admin = identity.newUser(userId);
        admin.setFirstName("grantline");
        admin.setLastName("administrator");
        admin.setPassword(password);
        identity.saveUser(admin);
        identity.createMembership(userId, ADMIN_GROUP);
        identity.createMembership(userId, Roles.DESIGNER);
        if (configuredPassword.isBlank()) {
            log.warn("Created administrator '{}' with generated password {} (shown once; change it in Camunda Admin)",
                    userId, password);
        } else {
            log.info("Created administrator '{}' with the password from grantline.admin.password", userId);
        }
    }
}
