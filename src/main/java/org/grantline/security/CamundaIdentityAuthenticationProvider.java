package org.grantline.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * One set of users for grantline's API and Camunda's webapps: Camunda's identity service checks the
 * password, and the user's Camunda groups become roles. A successful login is remembered for
 * {@code grantline.security.login-cache} (see {@link RecentLogins}; 0 asks the identity service every time).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final RecentLogins recent;

    CamundaIdentityAuthenticationProvider(IdentityService identity,
                                          @Value("${grantline.security.login-cache:10s}") Duration loginCache) {
        this.identity = identity;
        this.recent = new RecentLogins(loginCache, System::nanoTime);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (user == null || user.isBlank()) {
            throw new BadCredentialsException("bad credentials");
        }
        List<GrantedAuthority> roles = recent.roles(user, password).orElseGet(() -> {
            if (!identity.checkPassword(user, password)) {
                throw new BadCredentialsException("bad credentials");
            }
            List<GrantedAuthority> fromGroups = identity.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).map(Roles::role).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
            recent.remember(user, password, fromGroups);
            return fromGroups;
        });
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
