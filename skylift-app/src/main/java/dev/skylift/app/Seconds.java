package dev.skylift.app;

import dev.skylift.plan.WanModel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A time option in seconds, written as a plain number of seconds ({@code 10}, {@code 0.5}) or with a
 * unit ({@code 10s}, {@code 500ms}, {@code 2min}), the same way in every command. Zero, negative and
 * endless times are refused.
 */
public final class Seconds implements ITypeConverter<Double> {

    /** How a time option is written, for option descriptions. */
    public static final String SYNTAX = "seconds, or with a unit: 10s, 500ms, 2min";

    @Override
    public Double convert(String text) {
        String value = text.strip();
        double seconds;
        try {
            seconds = value.matches("[0-9]+(\\.[0-9]+)?") ? Double.parseDouble(value)
                    : WanModel.parseDuration(value).toNanos() / 1e9;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new TypeConversionException("\"" + text + "\" must be longer than zero: 10 (seconds), 10s or 500ms");
        }
        return seconds;
    }
}
