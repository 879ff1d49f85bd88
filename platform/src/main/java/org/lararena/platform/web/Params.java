package org.lararena.platform.web;

import org.lararena.platform.LararenaException;

/** Reading request parameters the one way: absent means the default, anything invalid is a 400 naming the parameter. */
public final class Params {

    private Params() {
    }

    /** {@code true} or {@code false}, or {@code fallback} when absent. */
    public static boolean booleanParam(String value, String name, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw LararenaException.badRequest(name + " must be true or false (got '" + value + "')");
        };
    }

    /** A whole number between {@code min} and {@code max}, or {@code fallback} when absent. */
    public static int intParam(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw LararenaException.badRequest(name + " must be between " + min + " and " + max + " (got " + parsed + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw LararenaException.badRequest(name + " must be a whole number (got '" + value + "')");
        }
    }
}
