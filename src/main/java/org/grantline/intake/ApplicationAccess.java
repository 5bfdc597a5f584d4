package org.grantline.intake;

import org.grantline.security.Roles;
import org.grantline.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Applicants see and change only their own applications; to them, others' do not exist (404). */
@Component
public class ApplicationAccess {

    private final ApplicationRepository applications;

    ApplicationAccess(ApplicationRepository applications) {
        this.applications = applications;
    }

    public ApplicationRow visibleTo(String applicationId, Authentication user) {
        ApplicationRow row = applications.get(applicationId);
        if (Roles.isApplicantOnly(user) && !row.submittedBy().equals(user.getName())) {
            throw ApiException.notFound("application", applicationId);
        }
        return row;
    }
}
