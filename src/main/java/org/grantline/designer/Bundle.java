package org.grantline.designer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded design bundle, trusting nothing in it: only plain relative paths under {@code rules/}
 * or {@code bpmn/}, made of ordinary characters, within limits on entries and unpacked size.
 */
final class Bundle {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;
    private static final Pattern SAFE_PATH = Pattern.compile("(rules|bpmn)(/[A-Za-z0-9._-]+)*/?");

    private final boolean rules;
    private final boolean bpmn;
    private final String sha256;

    private Bundle(boolean rules, boolean bpmn, String sha256) {
        this.rules = rules;
        this.bpmn = bpmn;
        this.sha256 = sha256;
    }

    static Bundle unpack(InputStream zip, Path target) {
        MessageDigest sha = sha256Digest();
        boolean rules = false;
        boolean bpmn = false;
        int entries = 0;
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new DigestInputStream(zip, sha))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new BundleException("the bundle has more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                if (!SAFE_PATH.matcher(name).matches() || Arrays.stream(name.split("/")).anyMatch(s -> s.matches("\\.+"))) {
                    throw new BundleException("entry '" + printable(name) + "' is not a plain path under rules/ or bpmn/");
                }
                Path path = target.resolve(name).normalize();
                if (!path.startsWith(target)) {
                    throw new BundleException("entry '" + printable(name) + "' points outside the bundle");
                }
                rules |= name.startsWith("rules/");
                bpmn |= name.startsWith("bpmn/");
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                unpacked += copy(in, path, MAX_UNPACKED_BYTES - unpacked);
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException e) {
            throw new BundleException("the body is not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new BundleException("the bundle cannot be read: " + e.getMessage());
        }
        if (entries == 0) {
            throw new BundleException("the body is empty or not a zip file");
        }
        return new Bundle(rules, bpmn, HexFormat.of().formatHex(sha.digest()));
    }

    /** Copies one entry, refusing to write more than the bytes left in the budget. */
    private static long copy(InputStream in, Path path, long budget) throws IOException {
        long written = 0;
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(path)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                written += read;
                if (written > budget) {
                    throw new BundleException("the bundle unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    boolean hasRules() {
        return rules;
    }

    boolean hasBpmn() {
        return bpmn;
    }

    String sha256() {
        return sha256;
    }

    String describeParts() {
        return rules && bpmn ? "rules and bpmn" : rules ? "rules" : "bpmn";
    }

    private static String printable(String name) {
        String shown = name.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
