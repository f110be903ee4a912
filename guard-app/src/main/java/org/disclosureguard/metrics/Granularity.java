package org.disclosureguard.metrics;

import java.time.Duration;

/** The window sizes the dashboards count in, each with its own store and retention. */
public enum Granularity {
    MINUTE(Duration.ofMinutes(1)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

    private final Duration size;

    Granularity(Duration size) {
        this.size = size;
    }

    public Duration size() {
        return size;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The window store's name (queried through interactive queries). */
    public String storeName() {
        return "metrics-" + label();
    }
}
