package org.grantline.rules;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClasspathLookupCacheTest {

    /** The class path under the cache, counting what it is asked. */
    static final class CountingClassPath extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        CountingClassPath() {
            super(ClasspathLookupCacheTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            asked.add(name);
            return super.getResource(name);
        }
    }

    @Test
    void aMissingClassIsLookedUpOnceAndThenRefusedFromMemory() {
        CountingClassPath classPath = new CountingClassPath();
        ClasspathLookupCache cache = new ClasspathLookupCache(classPath);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.loadClass("org.grantline.rules.facts.NoSuchFact"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("NoSuchFact");
        }
        assertThat(classPath.asked).containsOnlyOnce("org.grantline.rules.facts.NoSuchFact");
    }

    @Test
    void aMissingResourceIsLookedUpOnce() {
        CountingClassPath classPath = new CountingClassPath();
        ClasspathLookupCache cache = new ClasspathLookupCache(classPath);
        assertThat(cache.getResource("org/grantline/rules/facts/NoSuchFact.class")).isNull();
        assertThat(cache.getResourceAsStream("org/grantline/rules/facts/NoSuchFact.class")).isNull();
        assertThat(classPath.asked).containsOnlyOnce("org/grantline/rules/facts/NoSuchFact.class");
    }

    @Test
    void whatExistsIsFoundEveryTimeAsTheClassPathHasIt() throws Exception {
        CountingClassPath classPath = new CountingClassPath();
        ClasspathLookupCache cache = new ClasspathLookupCache(classPath);
        String fact = "org.grantline.rules.facts.Application";
        assertThat(cache.loadClass(fact)).isSameAs(org.grantline.rules.facts.Application.class);
        assertThat(cache.loadClass(fact)).isSameAs(org.grantline.rules.facts.Application.class);
        assertThat(cache.getResource("org/grantline/rules/facts/Application.class")).isNotNull();
        assertThat(cache.getResource("org/grantline/rules/facts/Application.class")).isNotNull();
    }
}
