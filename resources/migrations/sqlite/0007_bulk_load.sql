-- PostgreSQL's 0007 gives its imports the bulk load SQLite has had since 0004 (bulkload_indexes)
-- and moves its search document into an expression index. Nothing changes in SQLite.
SELECT 1;
