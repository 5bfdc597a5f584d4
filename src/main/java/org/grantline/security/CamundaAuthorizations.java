package org.grantline.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static org.grantline.security.InitialAdministrator.ADMIN_GROUP;
import static org.grantline.security.Roles.AUDITOR;
import static org.grantline.security.Roles.CASEWORKER;
import static org.grantline.security.Roles.DESIGNER;

/**
 * What each role may do directly in Camunda (REST API and webapps), with authorizations switched on.
 * Caseworkers see and work tasks in Tasklist; designers and auditors read definitions and history in
 * Cockpit; applicants get nothing. Nobody but administrators starts, moves, deletes or signals process
 * instances there: applications, milestones and withdrawals go through grantline's API, which records
 * the decisions. Grants are added when missing, never removed, so an administrator's own grants stay.
 */
@Component
class CamundaAuthorizations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);
    private static final String ANY = "*";

    record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
        Grant(String group, Resource resource, String resourceId, Permission... permissions) {
            this(group, resource, resourceId, List.of(permissions));
        }
    }

    static final List<Grant> GRANTS = grants();

    private final AuthorizationService authorizations;

    // InitialAdministrator is taken only so that the groups exist before they are granted anything.
    CamundaAuthorizations(AuthorizationService authorizations, InitialAdministrator groupsExist) {
        this.authorizations = authorizations;
    }

    private static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Resource resource : Resources.values()) {
            grants.add(new Grant(ADMIN_GROUP, resource, ANY, Permissions.ALL));
        }
        grants.add(new Grant(CASEWORKER, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        grants.add(new Grant(CASEWORKER, Resources.FILTER, ANY, Permissions.READ));
        grants.add(new Grant(CASEWORKER, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_WORK,
                TaskPermissions.READ_VARIABLE));
        grants.add(new Grant(CASEWORKER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY));
        grants.add(new Grant(CASEWORKER, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(CASEWORKER, Resources.DEPLOYMENT, ANY, Permissions.READ));
        grants.add(new Grant(CASEWORKER, Resources.USER, ANY, Permissions.READ));
        grants.add(new Grant(CASEWORKER, Resources.GROUP, ANY, Permissions.READ));
        for (String reader : List.of(DESIGNER, AUDITOR)) {
            grants.add(new Grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
            grants.add(new Grant(reader, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK));
            grants.add(new Grant(reader, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
            grants.add(new Grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ));
            grants.add(new Grant(reader, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
        }
        return List.copyOf(grants);
    }

    @Override
    public void afterPropertiesSet() {
        int added = 0;
        for (Grant grant : GRANTS) {
            try {
                added += ensure(grant);
            } catch (ProcessEngineException raced) {
                // Another node starting at the same time created it first (unique per group, resource and id).
                if (ensure(grant) != 0) {
                    throw raced;
                }
            }
        }
        if (added > 0) {
            log.info("Granted {} Camunda authorizations to the grantline roles", added);
        }
    }

    /** Adds whatever the grant has that the stored authorization lacks; returns 1 when it changed anything. */
    private int ensure(Grant grant) {
        Authorization stored = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        Authorization authorization = stored != null ? stored
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (stored != null && grant.permissions().stream().allMatch(stored::isPermissionGranted)) {
            return 0;
        }
        authorization.setGroupId(grant.group());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        grant.permissions().forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
        return 1;
    }
}
