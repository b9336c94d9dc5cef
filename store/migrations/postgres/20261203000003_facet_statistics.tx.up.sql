-- Facet and value are far from independent ("34" is a province, never a
-- service area), so the planner needs their joint frequencies to tell a
-- filter that keeps 15% of the organizations from one that keeps 0.1%.
CREATE STATISTICS organization_facets_value_stats (mcv)
    ON facet, value FROM organization_facets;
