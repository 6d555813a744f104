-- A city and a status, the filter bar's most common pair (issue 17): one range of this index,
-- where leads_list_city_idx (city, score, status) reads the city's whole score range and tests
-- the status in each entry. The city's own index stays for a city with a score range and no
-- status. See docs/architecture.md.
CREATE INDEX leads_list_city_status_idx ON leads (city, status, score) INCLUDE (created_at, id, has_email, has_phone, has_website)
  WHERE deleted_at IS NULL;
