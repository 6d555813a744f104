-- Enrichment providers (issue 10; spec "External APIs": Hunter.io, Apollo.io, Clearbit): the
-- waterfall order the user sets, each provider's base URL (a local server in tests, a proxy in
-- some offices) and what one call costs, in integer cents (recorded in costs). API keys live in
-- the SecretStore, never here. What a provider answered for a domain is cached, so asking again
-- within the cache's life costs nothing.
CREATE TABLE enrichment_providers (
  provider TEXT PRIMARY KEY CHECK (provider IN ('hunter', 'apollo', 'clearbit')),
  position INTEGER NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT 1,
  base_url TEXT,
  cost_cents_per_call INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents_per_call >= 0),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO enrichment_providers (provider, position, cost_cents_per_call) VALUES ('hunter', 1, 1), ('apollo', 2, 1), ('clearbit', 3, 5);
CREATE TABLE enrichment_cache (
  provider TEXT NOT NULL,
  lookup_key TEXT NOT NULL,
  found BOOLEAN NOT NULL,
  result JSON NOT NULL,
  fetched_at TIMESTAMP NOT NULL,
  PRIMARY KEY (provider, lookup_key)
);
