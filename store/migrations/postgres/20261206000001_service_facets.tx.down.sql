DROP TABLE service_facets;
