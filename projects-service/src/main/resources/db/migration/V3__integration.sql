-- Issue #19: what the resources summary (partnership.project.resources-summarised.v1) now also carries.
--  * reallocation_needed (hole 3): the risks whose shares were released because their partners left the project and
--    that the lead has not allocated again; launch readiness asks the lead to reallocate them.
--  * contributions (hole 7): per partner, dimension (of the need; null when none), type and unit, the contributions'
--    count, net pledge and delivered quantity; the integration matrix is built from them.
-- Existing rows keep empty lists until the project's next summary arrives (any change to its needs, contributions
-- or risks publishes one).
alter table resources_summary
    add column reallocation_needed text not null default '[]',   -- JSON array of {riskId, title, status, allocatedPercent, released[{partnerId, sharePercent}]}
    add column contributions       text not null default '[]';   -- JSON array of {partnerId, dimension, type, unit, count, pledged, delivered}
