package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A project's risks and their allocation: {risks:key} in the templates. English here, Italian in
 * messages/risks_it.properties.
 */
@MessageBundle("risks")
public interface RisksMsg {

    @Message("{pct} % allocated")
    String allocated(String pct);

    @Message("Shares of the accepted participants (must sum to 100 %)")
    String allocation_legend();

    @Message("Save allocation")
    String allocation_save();

    @Message("Category")
    String category();

    @Message("Impact (1-5)")
    String impact();

    @Message("Likelihood (1-5)")
    String likelihood();

    @Message("Mitigation")
    String mitigation();

    @Message("No risks registered yet.")
    String none();

    @Message("Register a risk")
    String register();

    @Message("Title")
    String risk_title();

    @Message("likelihood {l} × impact {i} = {s}")
    String score(Object l, Object i, Object s);

    @Message("Someone else changed this risk meanwhile. Your shares are kept below: check them and save again.")
    String stale_allocation();

    @Message("Sum: {total} %")
    String sum(String total);

    @Message("Sum: not a number")
    String sum_invalid();

    @Message("Risks")
    String title();

    @Message("A partner left the project: its share of this risk was released. Allocate the risk again so that the shares reach 100 %.")
    String released();
}
