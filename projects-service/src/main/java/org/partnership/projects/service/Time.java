package org.partnership.projects.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** "Now" (UTC) from the injected {@link Clock}: proposals' deadlines are read against it. */
@ApplicationScoped
public class Time {

    private final Clock clock;

    public Time(Clock clock) {
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
