package org.grantline.web;

/** CSV fields as spreadsheets read them safely: quoted where needed, never run as formulas. */
public final class Csv {

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        // Spreadsheets run cells that start with these as formulas.
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String safe = formula ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private Csv() {
    }
}
