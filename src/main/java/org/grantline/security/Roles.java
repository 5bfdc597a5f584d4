package org.grantline.security;

import org.springframework.security.core.Authentication;

/** The four kinds of user, as Camunda groups (lower case) and Spring roles (ROLE_ upper case). */
public final class Roles {

    public static final String DESIGNER = "designer";
    public static final String CASEWORKER = "caseworker";
    public static final String AUDITOR = "auditor";
    public static final String APPLICANT = "applicant";

    /** An applicant who is nothing else sees and changes only their own applications. */
    public static boolean isApplicantOnly(Authentication auth) {
        boolean applicant = false;
        for (var authority : auth.getAuthorities()) {
            String role = authority.getAuthority();
            if (role.equals(role(APPLICANT))) {
                applicant = true;
            } else if (role.startsWith("ROLE_")) {
                return false;
            }
        }
        return applicant;
    }

    public static String role(String group) {
        return "ROLE_" + group.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private Roles() {
    }
}
