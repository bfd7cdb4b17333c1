package org.partnership.resources.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.PartnerReplica;
import org.partnership.resources.domain.ObjectNotFoundException;
import org.partnership.resources.repository.ContributionRepository;
import org.partnership.resources.repository.ContributionRepository.CurrencyTotal;
import org.partnership.resources.repository.ContributionRepository.Item;
import org.partnership.resources.repository.ContributionRepository.Scope;
import org.partnership.resources.repository.ContributionRepository.Stats;
import org.partnership.resources.repository.ContributionRepository.TypeTotal;
import org.partnership.resources.repository.PartnerReplicaRepository;
import org.partnership.resources.repository.RiskRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Commitments: for one partner across projects (the partner's own representatives, auditors, and the lead of a
 * project for that project), or per project with totals per partner (everyone who sees the project).
 */
@ApplicationScoped
public class CommitmentService {

    /** Totals of one partner in a scope. */
    public record Totals(UUID partnerId, List<TypeTotal> byType, List<CurrencyTotal> byCurrency, long contributions,
                         BigDecimal fulfilmentRatio, long overdueCount, BigDecimal riskExposure) {
    }

    public record PartnerCommitments(UUID partnerId, List<Item> items, boolean more, Totals totals, LocalDate today) {
    }

    public record ProjectCommitments(UUID projectId, String projectTitle, List<Totals> partners, Map<UUID, PartnerReplica> names) {
    }

    private final ContributionRepository contributions;
    private final RiskRepository risks;
    private final PartnerReplicaRepository partners;
    private final Projects projects;
    private final Time time;

    public CommitmentService(ContributionRepository contributions, RiskRepository risks, PartnerReplicaRepository partners,
            Projects projects, Time time) {
        this.contributions = contributions;
        this.risks = risks;
        this.partners = partners;
        this.projects = projects;
        this.time = time;
    }

    /** One page of a partner's contributions ({@code limit} 0: all of them) with the partner's totals. */
    @WithSession
    public Uni<PartnerCommitments> ofPartner(Caller caller, UUID partnerId, UUID projectId, ContributionRepository.Position after,
            int limit) {
        LocalDate today = time.today();
        Uni<Void> allowed;
        if (caller.represents(partnerId) || caller.readsEverything()) {
            allowed = Uni.createFrom().voidItem();
        } else if (projectId != null) {
            allowed = projects.known(projectId).invoke(project -> {
                if (!caller.leads(project)) {
                    throw new ObjectNotFoundException("commitments of partner", partnerId);
                }
            }).replaceWithVoid();
        } else {
            allowed = Uni.createFrom().failure(new ObjectNotFoundException("commitments of partner", partnerId));
        }
        Scope scope = new Scope(partnerId, projectId);
        return allowed
                .chain(() -> contributions.search(new ContributionRepository.Filter(projectId, partnerId, null, null, today),
                        after, limit == 0 ? 0 : limit + 1))
                .chain(items -> totals(scope, today).map(totals -> {
                    Totals mine = totals.stream().filter(t -> t.partnerId().equals(partnerId)).findFirst()
                            .orElse(null);
                    boolean more = limit > 0 && items.size() > limit;
                    return new PartnerCommitments(partnerId, more ? items.subList(0, limit) : items, more, mine, today);
                }))
                .chain(result -> result.totals() != null ? Uni.createFrom().item(result)
                        : risks.exposures(partnerId, projectId).map(exposures -> new PartnerCommitments(partnerId,
                                result.items(), result.more(), new Totals(partnerId, List.of(), List.of(), 0, null, 0,
                                exposures.getOrDefault(partnerId, BigDecimal.ZERO)), today)));
    }

    /** Totals per partner of one project: visible to its participants, its lead and auditors. */
    @WithSession
    public Uni<ProjectCommitments> ofProject(Caller caller, UUID projectId) {
        LocalDate today = time.today();
        return projects.visible(caller, projectId).chain(project -> totals(new Scope(null, projectId), today)
                .chain(totals -> partners.byIds(totals.stream().map(Totals::partnerId).toList())
                        .map(found -> new ProjectCommitments(projectId, project.title(), totals,
                                found.stream().collect(Collectors.toMap(PartnerReplica::id, Function.identity()))))));
    }

    private Uni<List<Totals>> totals(Scope scope, LocalDate today) {
        return contributions.totalsByType(scope).chain(byType -> contributions.totalsByCurrency(scope)
                .chain(byCurrency -> contributions.stats(scope, today)
                .chain(stats -> (stats.isEmpty() ? Uni.createFrom().item(Map.<UUID, BigDecimal>of())
                        : risks.exposures(scope.partnerId(), scope.projectId())).map(exposures -> {
                    Set<UUID> ids = new LinkedHashSet<>();
                    stats.forEach(s -> ids.add(s.partnerId()));
                    return ids.stream().map(id -> {
                        Stats s = stats.stream().filter(x -> x.partnerId().equals(id)).findFirst().orElseThrow();
                        return new Totals(id,
                                byType.stream().filter(t -> t.partnerId().equals(id)).toList(),
                                byCurrency.stream().filter(t -> t.partnerId().equals(id)).toList(),
                                s.contributions(), s.fulfilmentRatio(), s.overdue(), exposures.getOrDefault(id, BigDecimal.ZERO));
                    }).toList();
                }))));
    }
}
