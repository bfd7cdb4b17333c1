package org.partnership.projects.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a partnership integrates (issue #19, hole 7): horizontally, across sectors and policy fields (the sectors x
 * dimensions matrix of the accepted participants and what they contribute), and vertically, across levels of
 * government and organisation ({@code LOCAL} to {@code INTERNATIONAL}). Pure rules over what projects-service keeps:
 * the project's dimensions, its accepted participants with sector and level from the partner replica, and the
 * contributions per partner and dimension from the resources summary.
 *
 * <p>Exactly:
 * <ul>
 * <li>A partner <em>contributes to</em> a dimension when it is an ACCEPTED participant and has a contribution whose
 * net pledge (pledged minus withdrawn) is above zero against a need declared for that dimension. Contributions to no
 * need, to a need without a dimension, or to a dimension the project does not declare count in no column; those of
 * partners that are not (or no longer) accepted participants count nowhere.</li>
 * <li>A dimension is <em>horizontally integrated</em> when partners of at least two different sectors contribute to
 * it. Otherwise it is a gap: {@code DIMENSION_UNCOVERED} when no partner contributes to it,
 * {@code DIMENSION_SINGLE_SECTOR} when all its contributors come from one sector (no partner from another sector).</li>
 * <li>The partnership is <em>vertically integrated</em> when its accepted participants act at at least two different
 * levels (partners whose level is unknown count for none). Otherwise it is the gap {@code SINGLE_LEVEL}.</li>
 * </ul>
 */
public final class Integration {

    public static final String DIMENSION_UNCOVERED = "DIMENSION_UNCOVERED";
    public static final String DIMENSION_SINGLE_SECTOR = "DIMENSION_SINGLE_SECTOR";
    public static final String SINGLE_LEVEL = "SINGLE_LEVEL";

    /** The order of levels, from the closest to the widest. */
    public static final List<String> LEVELS = List.of("LOCAL", "REGIONAL", "NATIONAL", "INTERNATIONAL");

    private Integration() {
    }

    /** An accepted participant as the replica knows it; {@code sector}/{@code level} null when unknown. */
    public record Member(UUID partnerId, String name, String sector, String level) {
    }

    /** Contributions of one partner to needs of one dimension ({@code null}: none), per type and unit. */
    public record Contribution(UUID partnerId, String dimension, String type, String unit, long count, BigDecimal pledged,
                               BigDecimal delivered) {
    }

    /** Totals of one cell per type and unit. */
    public record Total(String type, String unit, long count, BigDecimal pledged, BigDecimal delivered) {
    }

    /** One cell: the partners of a sector contributing to a dimension, and their totals. */
    public record Cell(String sector, String dimension, List<Member> partners, List<Total> contributions) {
    }

    /** One level present, with its partners. */
    public record Level(String level, List<Member> partners) {
    }

    public record Gap(String code, String dimension, String detail) {
    }

    /**
     * @param dimensions the project's dimensions, in its order
     * @param sectors    the sectors of the accepted participants (known ones), alphabetical: the matrix's rows
     * @param matrix     every sector x dimension cell, row by row
     * @param contributes per accepted participant, the dimensions it contributes to
     */
    public record View(List<String> dimensions, List<String> sectors, List<Cell> matrix, List<Level> levels,
                       Map<UUID, List<String>> contributes, List<Member> participants, List<Gap> gaps) {

        public boolean horizontallyIntegrated() {
            return gaps.stream().noneMatch(g -> g.dimension() != null);
        }

        public boolean verticallyIntegrated() {
            return gaps.stream().noneMatch(g -> SINGLE_LEVEL.equals(g.code()));
        }

        /** The dimensions with partners of at least two sectors. */
        public List<String> integratedDimensions() {
            Set<String> gapped = gaps.stream().map(Gap::dimension).filter(Objects::nonNull).collect(Collectors.toSet());
            return dimensions.stream().filter(d -> !gapped.contains(d)).toList();
        }
    }

    public static View of(List<String> dimensions, List<Member> accepted, List<Contribution> contributions) {
        Map<UUID, Member> members = new LinkedHashMap<>();
        accepted.forEach(m -> members.put(m.partnerId(), m));
        List<String> sectors = accepted.stream().map(Member::sector).filter(Objects::nonNull).distinct().sorted().toList();
        List<Contribution> counted = contributions.stream()
                .filter(c -> members.containsKey(c.partnerId()) && c.dimension() != null && dimensions.contains(c.dimension())
                        && c.pledged().signum() > 0)
                .toList();

        List<Cell> matrix = new ArrayList<>();
        for (String sector : sectors) {
            for (String dimension : dimensions) {
                List<Contribution> here = counted.stream().filter(c -> c.dimension().equals(dimension)
                        && sector.equals(members.get(c.partnerId()).sector())).toList();
                List<Member> partners = here.stream().map(c -> members.get(c.partnerId())).distinct().toList();
                Map<String, Total> totals = new TreeMap<>();
                for (Contribution c : here) {
                    totals.merge(c.type() + "\u0000" + c.unit(), new Total(c.type(), c.unit(), c.count(), c.pledged(), c.delivered()),
                            (a, b) -> new Total(a.type(), a.unit(), a.count() + b.count(), a.pledged().add(b.pledged()),
                                    a.delivered().add(b.delivered())));
                }
                matrix.add(new Cell(sector, dimension, partners, List.copyOf(totals.values())));
            }
        }

        Map<UUID, List<String>> contributes = new LinkedHashMap<>();
        members.keySet().forEach(id -> contributes.put(id, dimensions.stream()
                .filter(d -> counted.stream().anyMatch(c -> c.partnerId().equals(id) && c.dimension().equals(d))).toList()));

        List<Level> levels = accepted.stream().map(Member::level).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparingInt(Integration::levelOrder).thenComparing(Comparator.naturalOrder()))
                .map(level -> new Level(level, accepted.stream().filter(m -> level.equals(m.level())).toList()))
                .toList();

        List<Gap> gaps = new ArrayList<>();
        for (String dimension : dimensions) {
            Set<String> contributing = counted.stream().filter(c -> c.dimension().equals(dimension))
                    .map(c -> members.get(c.partnerId()).sector()).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (contributing.isEmpty()) {
                gaps.add(new Gap(DIMENSION_UNCOVERED, dimension, "no partner contributes to " + dimension));
            } else if (contributing.size() == 1) {
                gaps.add(new Gap(DIMENSION_SINGLE_SECTOR, dimension, "only " + contributing.iterator().next()
                        + " partners contribute to " + dimension + ": no partner from another sector"));
            }
        }
        if (levels.size() < 2) {
            gaps.add(new Gap(SINGLE_LEVEL, null, levels.isEmpty()
                    ? "no accepted participant's level is known: the partnership spans no levels"
                    : "every accepted participant acts at the " + levels.get(0).level()
                            + " level: no partner from another level of government or organisation"));
        }
        return new View(List.copyOf(dimensions), sectors, List.copyOf(matrix), levels, contributes,
                List.copyOf(accepted), List.copyOf(gaps));
    }

    private static int levelOrder(String level) {
        int i = LEVELS.indexOf(level);
        return i < 0 ? LEVELS.size() : i;
    }
}
