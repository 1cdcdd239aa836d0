-- The generation under the name the library's svc_reply_cached reads (svc/cache.h):
-- `SELECT value FROM data_generation`.
CREATE VIEW data_generation AS SELECT generation AS value FROM cache_generation;
