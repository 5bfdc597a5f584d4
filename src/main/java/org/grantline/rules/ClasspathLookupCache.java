package org.grantline.rules;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent class loader of every rule compile: it remembers the class and resource names the application's
 * class path does not have. Compiling DRL asks for many names that exist nowhere (each import tried for each
 * simple name, each package prefix the Java compiler probes), and the JDK answers a miss only after looking in
 * every jar; the class path does not change while the application runs, so a miss is final.
 */
final class ClasspathLookupCache extends ClassLoader {

    /** A bound on memory: past it the caches start again, and the next compile looks its misses up once more. */
    private static final int MAX_REMEMBERED = 50_000;

    static {
        registerAsParallelCapable();
    }

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    ClasspathLookupCache(ClassLoader classPath) {
        super(classPath);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            // Straight to the class path: this loader defines no classes, so it needs no lock of its own per name.
            return getParent().loadClass(name);
        } catch (ClassNotFoundException e) {
            if (e.getCause() == null) { // a miss, not a jar that could not be read this time
                remember(missingClasses, name);
            }
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL resource = super.getResource(name);
        if (resource == null) {
            remember(missingResources, name);
        }
        return resource;
    }

    private static void remember(Set<String> missing, String name) {
        if (missing.size() >= MAX_REMEMBERED) {
            missing.clear();
        }
        missing.add(name);
    }
}
