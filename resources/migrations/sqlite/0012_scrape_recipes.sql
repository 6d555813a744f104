-- Custom-URL recipes (issue 10, spec 2.5): saved, reusable ways to read leads off a listing page
-- (start pages, item selector, fields, next page, detail page). A custom-URL scrape remembers
-- each page's "next" link so a paused or crashed job goes on from the page after the last one
-- it stored, without reading the earlier ones again.
CREATE TABLE scrape_recipes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  recipe JSON NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX scrape_recipes_name_key ON scrape_recipes (lower(name));
CREATE INDEX scrape_recipes_created_by_idx ON scrape_recipes (created_by);
ALTER TABLE scrape_pages ADD COLUMN next_url TEXT;
