package org.grantline.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecentLoginsTest {

    static final List<GrantedAuthority> CASEWORKER = List.of(new SimpleGrantedAuthority("ROLE_CASEWORKER"));

    final AtomicLong now = new AtomicLong(1_000);
    final RecentLogins logins = new RecentLogins(Duration.ofSeconds(10), now::get);

    @Test
    void aRememberedLoginAnswersOnlyToTheSamePassword() {
        logins.remember("casey", "right", CASEWORKER);

        assertThat(logins.roles("casey", "right")).contains(CASEWORKER);
        assertThat(logins.roles("casey", "wrong")).isEmpty();
        assertThat(logins.roles("casey", "right ")).isEmpty();
        assertThat(logins.roles("other", "right")).isEmpty();
    }

    @Test
    void aLoginIsForgottenWhenItsTimeIsUp() {
        logins.remember("casey", "right", CASEWORKER);

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(logins.roles("casey", "right")).contains(CASEWORKER);
        now.addAndGet(1);
        assertThat(logins.roles("casey", "right")).isEmpty();
    }

    @Test
    void theLatestLoginOfAUserReplacesTheEarlierOne() {
        logins.remember("casey", "old", CASEWORKER);
        logins.remember("casey", "new", List.of());

        assertThat(logins.roles("casey", "old")).isEmpty();
        assertThat(logins.roles("casey", "new")).contains(List.of());
    }

    @Test
    void aCacheOfZeroRemembersNothing() {
        RecentLogins off = new RecentLogins(Duration.ZERO, now::get);
        off.remember("casey", "right", CASEWORKER);

        assertThat(off.roles("casey", "right")).isEmpty();
    }
}
