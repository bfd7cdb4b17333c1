package org.partnership.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Near last: every answer the suite received from the gateway was checked against the API description
 * ({@link ContractValidator}) and none differed from it. A violation already fails the request that received it; this
 * also fails the suite for violations collected with {@code -Dcontract.collect=true}, and reports the count.
 */
@Order(Integer.MAX_VALUE - 3)
@ExtendWith(Platform.class)
class ContractAuditIT {

    @Test
    void shouldHaveReceivedOnlyAnswersTheDescriptionDescribes() {
        ContractValidator.report();
        assertThat(ContractValidator.validated()).as("answers validated against the description").isPositive();
        assertThat(ContractValidator.violations()).as("answers that do not match the API description").isEmpty();
    }
}
