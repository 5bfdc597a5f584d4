package org.grantline.web;

import java.util.regex.Pattern;

/** What text grantline accepts in names ({@link Name}) and free text ({@link FreeText}), for the API and task forms. */
public final class TextPolicy {

    static final String NAME = "[\\p{L}\\p{M}\\p{N} &'’(),./+-]*";
    static final String NAME_RULE = "may contain only letters, digits, spaces and & ' ’ ( ) , . / + -";
    // Tabs and line breaks are text; other control characters, markup and template openers are not.
    static final String FREE_TEXT = "(?s)(?!.*(\\$\\{|#\\{|\\{\\{|%\\{))[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F<>]*";
    // (no braces in the message: the validator would read them as expressions)
    public static final String FREE_TEXT_RULE = "may not contain < or >, control characters or template markers";

    private static final Pattern FREE_TEXT_PATTERN = Pattern.compile(FREE_TEXT);

    public static boolean isFreeText(String text) {
        return FREE_TEXT_PATTERN.matcher(text).matches();
    }

    private TextPolicy() {
    }
}
