package org.partnership.partners.domain;

import java.math.BigDecimal;

/** Something a partner can bring, e.g. {@code mentoring}, 40 hours/month. Capacity and unit are optional. */
public record Capability(String tag, BigDecimal capacity, String unit) {
}
