package org.partnership.messaging.probe;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.UUID;

/** A minimal aggregate for exercising the outbox. */
@Entity
public class Probe {

    @Id
    public UUID id;
    public String name;

    public Probe() {
    }

    public Probe(UUID id, String name) {
        this.id = id;
        this.name = name;
    }
}
