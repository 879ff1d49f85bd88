package org.lararena.ontology.agreement;

/**
 * One agreement figure: a value, or none with the reason it cannot be computed (no variation, a single coder with
 * data, no passage two coders both coded).
 */
public record Figure(Double value, String reason) {

    public Figure {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("a figure has either a value or a reason");
        }
    }

    public static Figure of(double value) {
        return new Figure(value, null);
    }

    public static Figure none(String reason) {
        return new Figure(null, reason);
    }
}
